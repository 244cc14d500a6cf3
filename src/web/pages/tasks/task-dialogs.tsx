import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Input, Modal, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNREACHABLE_ALERT_ATTEMPTS } from '../../../shared/codes';
import { ApiError, errorText } from '../../app/api';
import { useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { applyServerErrors } from '../../components/form-errors';
import { formatDate, today } from '../../components/format';
import { useStaff } from '../services/services-api';
import { appendPhrase } from './phrases';
import { todayDay } from './task-labels';
import type { Task } from './task-types';
import { isTaskConflict, useMarkUnreachable, usePostponeTask, useReassignTask } from './tasks-api';
import '../services/services.css';
import './tasks.css';

/** The longest a task may be put off (the API's rule). */
const MAX_POSTPONE_DAYS = 90;

/** The text of a failed action: a conflict says the task changed and has been read again. */
function useActionError() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError && error.code === 'TASK_CLOSED') return error.message;
    if (isTaskConflict(error)) return t('tasks.conflict');
    return errorText(error);
  };
}

interface ShellProps<V extends object> {
  open: boolean;
  title: ReactNode;
  okText: string;
  form: FormInstance<V>;
  name: string;
  pending: boolean;
  error: string | null;
  onClose: () => void;
  onFinish: (values: V) => void;
  children: ReactNode;
  testId: string;
  danger?: boolean;
}

/** A small modal form: the server's error above the fields, the form reset on close. */
function DialogShell<V extends object>(props: ShellProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      confirmLoading={props.pending}
      okButtonProps={{ danger: props.danger, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      forceRender
      afterClose={() => props.form.resetFields()}
      className="lm-task-dialog"
    >
      <div data-testid={props.testId}>
        {props.error && <Alert type="error" showIcon title={props.error} className="lm-task-dialog__error" />}
        <Form<V> form={props.form} name={props.name} layout="vertical" requiredMark={false} onFinish={props.onFinish}>
          {props.children}
        </Form>
      </div>
    </Modal>
  );
}

/** Chips that append a common phrase to a text field. */
function PhraseChips({ form, field, phrases, testId }: { form: FormInstance; field: string; phrases: readonly string[]; testId: string }) {
  const language = useLanguage();
  return (
    <div className="lm-svc-chips lm-task-phrases" data-testid={testId}>
      {phrases.map((phrase) => (
        <button
          key={phrase}
          type="button"
          className="lm-svc-chip lm-task-phrase"
          onClick={() => {
            form.setFieldValue(field, appendPhrase(form.getFieldValue(field) as string | undefined, phrase, language));
            void form.validateFields([field]).catch(() => undefined);
          }}
        >
          {phrase}
        </button>
      ))}
    </div>
  );
}

interface DialogProps {
  task: Task;
  open: boolean;
  onClose: () => void;
}

const UNREACHABLE_NOTES = ['noAnswer', 'switchedOff', 'nobodyHome', 'wrongNumber'] as const;

/** 未联系上: an optional note; a retry follows, and the third time the manager is told. */
export function UnreachableDialog({ task, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const mark = useMarkUnreachable(task);
  const actionError = useActionError();
  const attempt = task.attempts + 1;
  const alerts = attempt >= UNREACHABLE_ALERT_ATTEMPTS;

  function close() {
    setError(null);
    onClose();
  }

  return (
    <DialogShell
      open={open}
      title={t('tasks.unreachable.title', { name: task.personName })}
      okText={t('tasks.unreachable.submit')}
      form={form}
      name="unreachable"
      pending={mark.isPending}
      error={error}
      onClose={close}
      testId="unreachable-dialog"
      onFinish={(values) => {
        setError(null);
        mark.mutate(
          { version: task.version, note: values.note?.trim() || null },
          {
            onSuccess: (updated) => {
              close();
              if (updated.attempts >= UNREACHABLE_ALERT_ATTEMPTS) {
                modal.warning({
                  title: t('tasks.unreachable.alertedTitle', { count: updated.attempts }),
                  content: t('tasks.unreachable.alerted', { name: task.personName }),
                  okText: t('common.confirm'),
                });
                return;
              }
              const retry = updated.status === 'open' && updated.startOn > todayDay() ? formatDate(updated.startOn, language) : null;
              void message.info(retry ? t('tasks.unreachable.doneRetry', { count: updated.attempts, date: retry }) : t('tasks.unreachable.done', { count: updated.attempts }), 5);
            },
            onError: (e) => {
              if (isTaskConflict(e)) {
                void message.warning(actionError(e), 6);
                close();
                return;
              }
              setError(e instanceof ApiError && e.code === 'VALIDATION_FAILED' ? applyServerErrors(form, e, ['note']) : actionError(e));
            },
          },
        );
      }}
    >
      <p className="lm-muted">{t('tasks.unreachable.hint', { count: attempt })}</p>
      {alerts && <Alert type="warning" showIcon title={t('tasks.unreachable.willAlert', { count: attempt })} className="lm-task-dialog__error" data-testid="unreachable-will-alert" />}
      <Form.Item label={t('tasks.unreachable.note')} htmlFor="unreachable_note">
        <PhraseChips form={form} field="note" phrases={UNREACHABLE_NOTES.map((key) => t(`tasks.unreachable.notes.${key}`))} testId="unreachable-notes" />
        <Form.Item name="note" noStyle>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('tasks.unreachable.notePlaceholder')} data-testid="unreachable-note" />
        </Form.Item>
      </Form.Item>
    </DialogShell>
  );
}

const POSTPONE_PRESETS = [
  { key: 'tomorrow', days: 1 },
  { key: 'inThreeDays', days: 3 },
  { key: 'inWeek', days: 7 },
  { key: 'inTwoWeeks', days: 14 },
] as const;
const POSTPONE_REASONS = ['away', 'hospital', 'road', 'weather'] as const;

function PostponeDay({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const first = today().add(1, 'day').format('YYYY-MM-DD');
  const last = today().add(MAX_POSTPONE_DAYS, 'day').format('YYYY-MM-DD');
  return (
    <div className="lm-svc-follow-up">
      <div className="lm-svc-chips">
        {POSTPONE_PRESETS.map((preset) => {
          const day = today().add(preset.days, 'day').format('YYYY-MM-DD');
          return (
            <button key={preset.key} type="button" className={`lm-svc-chip${value === day ? ' lm-svc-chip--on' : ''}`} onClick={() => onChange?.(day)} aria-pressed={value === day}>
              {t(`tasks.postpone.${preset.key}`)}
            </button>
          );
        })}
      </div>
      <Input id={id} type="date" value={value ?? ''} min={first} max={last} onChange={(event) => onChange?.(event.target.value)} className="lm-svc-native" data-testid="postpone-until" />
    </div>
  );
}

/** 延期: a day after today, within 90 days, and why. */
export function PostponeDialog({ task, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ until?: string; reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const postpone = usePostponeTask(task);
  const actionError = useActionError();

  function close() {
    setError(null);
    onClose();
  }

  return (
    <DialogShell
      open={open}
      title={t('tasks.postpone.title', { name: task.personName })}
      okText={t('tasks.postpone.submit')}
      form={form}
      name="postpone"
      pending={postpone.isPending}
      error={error}
      onClose={close}
      testId="postpone-dialog"
      onFinish={(values) => {
        setError(null);
        postpone.mutate(
          { version: task.version, until: values.until ?? '', reason: values.reason?.trim() ?? '' },
          {
            onSuccess: (updated) => {
              void message.success(t('tasks.postpone.done', { date: formatDate(updated.dueDate, language) }));
              close();
            },
            onError: (e) => {
              if (isTaskConflict(e)) {
                void message.warning(actionError(e), 6);
                close();
                return;
              }
              setError(e instanceof ApiError && e.code === 'VALIDATION_FAILED' ? applyServerErrors(form, e, ['until', 'reason']) : actionError(e));
            },
          },
        );
      }}
    >
      <Form.Item
        name="until"
        label={t('tasks.postpone.until')}
        rules={[
          { required: true, message: t('tasks.postpone.untilRequired') },
          {
            validator: (_rule, value: unknown) => {
              if (typeof value !== 'string' || value === '') return Promise.resolve();
              const first = today().add(1, 'day').format('YYYY-MM-DD');
              const last = today().add(MAX_POSTPONE_DAYS, 'day').format('YYYY-MM-DD');
              return value < first || value > last ? Promise.reject(new Error(t('tasks.postpone.untilRange'))) : Promise.resolve();
            },
          },
        ]}
      >
        <PostponeDay />
      </Form.Item>
      <Form.Item label={t('tasks.postpone.reason')} htmlFor="postpone_reason" required className="lm-task-dialog__phrased">
        <PhraseChips form={form} field="reason" phrases={POSTPONE_REASONS.map((key) => t(`tasks.postpone.reasons.${key}`))} testId="postpone-reasons" />
        <Form.Item name="reason" rules={[{ required: true, whitespace: true, min: 2, message: t('tasks.postpone.reasonRequired') }]} className="lm-task-dialog__phrased-input">
          <Input.TextArea rows={2} maxLength={500} data-testid="postpone-reason" />
        </Form.Item>
      </Form.Item>
    </DialogShell>
  );
}

/** 改派: another worker or volunteer of the station. */
export function ReassignDialog({ task, open, onClose }: DialogProps) {
  const { t } = useTranslation();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assigneeId?: string; reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const reassign = useReassignTask(task);
  const staff = useStaff();
  const actionError = useActionError();
  const current = task.assignee?.id ?? null;
  const label = (person: { id: string; name: string }) => (person.id === user.id ? t('tasks.reassign.me', { name: person.name }) : person.name);
  const options = [
    { label: t('tasks.reassign.workers'), options: (staff.data?.workers ?? []).filter((p) => p.id !== current).map((p) => ({ value: p.id, label: label(p) })) },
    { label: t('tasks.reassign.volunteers'), options: (staff.data?.volunteers ?? []).filter((p) => p.id !== current).map((p) => ({ value: p.id, label: label(p) })) },
  ].filter((group) => group.options.length > 0);

  function close() {
    setError(null);
    onClose();
  }

  return (
    <DialogShell
      open={open}
      title={t('tasks.reassign.title', { name: task.personName })}
      okText={t('tasks.reassign.submit')}
      form={form}
      name="reassign"
      pending={reassign.isPending}
      error={error}
      onClose={close}
      testId="reassign-dialog"
      onFinish={(values) => {
        setError(null);
        reassign.mutate(
          { version: task.version, assigneeId: values.assigneeId ?? '', reason: values.reason?.trim() || null },
          {
            onSuccess: (updated) => {
              void message.success(t('tasks.reassign.done', { name: updated.assignee?.name ?? '—' }));
              close();
            },
            onError: (e) => {
              if (isTaskConflict(e)) {
                void message.warning(actionError(e), 6);
                close();
                return;
              }
              setError(e instanceof ApiError && e.code === 'VALIDATION_FAILED' ? applyServerErrors(form, e, ['assigneeId', 'reason']) : actionError(e));
            },
          },
        );
      }}
    >
      <p className="lm-muted">{task.assignee ? t('tasks.reassign.current', { name: task.assignee.name }) : t('tasks.reassign.unassigned')}</p>
      <Form.Item name="assigneeId" label={t('tasks.reassign.to')} rules={[{ required: true, message: t('tasks.reassign.toRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          loading={staff.isPending}
          placeholder={t('tasks.reassign.choose')}
          size="large"
          data-testid="reassign-to"
        />
      </Form.Item>
      <Form.Item name="reason" label={t('tasks.reassign.reason')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </DialogShell>
  );
}
