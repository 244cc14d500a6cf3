import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Grid, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { ServiceKind, ServiceTypeCode } from '../../../shared/codes';
import { ApiError } from '../../app/api';
import { useLanguage } from '../../app/language';
import { applyNestedServerErrors } from '../../components/form-errors';
import { ChecklistFields } from '../services/checklist-fields';
import { isElderPerson } from '../services/person-head';
import { cleanChecklist, fieldForIssue, instantOf, wallClockOf, type ServiceFormValues } from '../services/service-form-values';
import { FollowUpPicker, ServiceTypePicker, WellbeingPicker } from '../services/service-inputs';
import { kindIcon, kindLabel, SERVICE_KIND_CODES } from '../services/service-labels';
import { today } from '../../components/format';
import { appendPhrase } from './phrases';
import { CallButton, CampaignTag } from './task-labels';
import type { CompleteTaskRequest, Task } from './task-types';
import { isTaskConflict, useCompleteTask } from './tasks-api';
import '../services/services.css';
import './tasks.css';

/** Minutes a call and a visit usually take: the form's starting value. */
const DEFAULT_MINUTES: Partial<Record<ServiceKind, number>> = { phone: 10, home_visit: 30 };
const MINUTE_CHIPS = [5, 10, 15, 20, 30, 45, 60] as const;

/** Phrases a tap appends to the summary; `followUp` also turns the follow-up on. */
export const SUMMARY_PHRASES = ['healthy', 'calm', 'dailyLife', 'familyContact', 'antiFraud', 'followUp'] as const;

function defaultTypes(task: Task): ServiceTypeCode[] {
  // A festival visit brings goods (送温暖); any other call or visit is first of all company.
  return task.reason === 'campaign' && task.kind === 'home_visit' ? ['companionship', 'material_aid'] : ['companionship'];
}

interface MinutesProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
}

/** 时长: quick chips and the number itself, never a keyboard unless asked for. */
function MinutesPicker({ id, value, onChange }: MinutesProps) {
  const { t } = useTranslation();
  return (
    <div className="lm-svc-chips lm-task-minutes" data-testid="minutes-picker">
      <div className="lm-task-minutes__chips" role="radiogroup" aria-label={t('services.fields.durationMinutes')}>
        {MINUTE_CHIPS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            role="radio"
            aria-checked={value === minutes}
            className={`lm-svc-chip${value === minutes ? ' lm-svc-chip--on' : ''}`}
            onClick={() => onChange?.(minutes)}
            data-value={minutes}
          >
            {t('services.minutes', { count: minutes })}
          </button>
        ))}
      </div>
      <InputNumber
        id={id}
        min={1}
        max={1440}
        precision={0}
        inputMode="numeric"
        value={value ?? null}
        onChange={(next) => onChange?.(next)}
        suffix={t('services.form.customMinutes')}
        aria-label={t('services.fields.durationMinutes')}
        className="lm-task-minutes__input"
        data-testid="minutes-input"
      />
    </div>
  );
}

/** 服务方式 as one row of chips: the task's kind is chosen already and rarely changes. */
function KindChips({ id, value, onChange }: { id?: string; value?: ServiceKind; onChange?: (value: ServiceKind) => void }) {
  const language = useLanguage();
  return (
    <div id={id} role="radiogroup" className="lm-svc-chips" data-testid="kind-picker">
      {SERVICE_KIND_CODES.map((kind) => (
        <button
          key={kind}
          type="button"
          role="radio"
          aria-checked={value === kind}
          className={`lm-svc-chip lm-task-kind${value === kind ? ' lm-svc-chip--on' : ''}`}
          onClick={() => onChange?.(kind)}
          data-value={kind}
        >
          <span aria-hidden="true">{kindIcon(kind)}</span> {kindLabel(kind, language)}
        </button>
      ))}
    </div>
  );
}

/** The drawer that completes a task; its form is made fresh each time it opens. */
export function CompleteTaskDrawer({ task, open, onClose, onDone }: { task: Task; open: boolean; onClose: () => void; onDone?: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement={narrow ? 'bottom' : 'right'}
      size={narrow ? '100%' : 600}
      destroyOnHidden
      title={t('tasks.complete.title', { name: task.personName })}
      className="lm-task-drawer"
      rootClassName="lm-task-drawer-root"
      styles={{ body: { padding: '16px 16px 0' } }}
    >
      {open && <CompleteTaskForm task={task} onClose={onClose} onDone={onDone} />}
    </Drawer>
  );
}

function CompleteTaskForm({ task, onClose, onDone }: { task: Task; onClose: () => void; onDone?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceFormValues>();
  const complete = useCompleteTask(task);
  // One id per opening of the form: a save retried after a lost reply names the same record,
  // and the server answers with it instead of writing a second one.
  const [recordId] = useState(() => uuidv7());
  const [startedAt] = useState(() => instantOf(wallClockOf(new Date())));
  const [formError, setFormError] = useState<string | null>(null);
  const minutesTouched = useRef(false);
  const kind = Form.useWatch('kind', form);
  const followUpNeeded = Form.useWatch('followUpNeeded', form);
  const elder = isElderPerson({ groups: task.groups, age: null });
  const visit = kind === 'home_visit';

  const initialValues = useMemo<ServiceFormValues>(
    () => ({
      kind: task.kind,
      durationMinutes: DEFAULT_MINUTES[task.kind] ?? 15,
      serviceTypes: defaultTypes(task),
      summary: '',
      wellbeing: null,
      followUpNeeded: false,
      followUpOn: null,
      goods: null,
    }),
    [task],
  );

  function addPhrase(key: (typeof SUMMARY_PHRASES)[number]) {
    form.setFieldValue('summary', appendPhrase(form.getFieldValue('summary') as string | undefined, t(`tasks.phrases.${key}`), language));
    void form.validateFields(['summary']).catch(() => undefined);
    if (key === 'followUp' && !form.getFieldValue('followUpNeeded')) {
      form.setFieldValue('followUpNeeded', true);
      form.setFieldValue('followUpOn', today().add(7, 'day').format('YYYY-MM-DD'));
    }
  }

  function submit(values: ServiceFormValues) {
    setFormError(null);
    const chosenKind = values.kind ?? task.kind;
    const followUp = values.followUpNeeded === true;
    const goods = values.goods?.trim() ?? '';
    const request: CompleteTaskRequest = {
      service: {
        id: recordId,
        kind: chosenKind,
        serviceTypes: values.serviceTypes ?? [],
        startedAt,
        durationMinutes: values.durationMinutes ?? 0,
        summary: values.summary?.trim() ?? '',
        wellbeing: values.wellbeing ?? null,
        followUpNeeded: followUp,
        followUpOn: followUp ? (values.followUpOn ?? null) : null,
        goods: chosenKind === 'home_visit' && goods ? goods : null,
        checklist: elder && chosenKind === 'home_visit' ? cleanChecklist(values.checklist) : null,
      },
    };
    complete.mutate(request, {
      onSuccess: () => {
        void message.success(t('tasks.complete.done', { name: task.personName }));
        onClose();
        onDone?.();
      },
      onError: (error) => {
        if (isTaskConflict(error)) {
          void message.warning(error.code === 'TASK_CLOSED' ? error.message : t('tasks.conflict'), 6);
          onClose();
          return;
        }
        if (error instanceof ApiError && error.code === 'NETWORK') {
          setFormError(t('tasks.complete.network'));
          return;
        }
        setFormError(applyNestedServerErrors(form, error, (segments) => fieldForIssue(segments[0] === 'service' ? segments.slice(1) : segments)));
      },
    });
  }

  return (
    <Form<ServiceFormValues>
      form={form}
      name="complete"
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onValuesChange={(changed: ServiceFormValues) => {
        if ('durationMinutes' in changed) minutesTouched.current = true;
        if (changed.kind && !minutesTouched.current) form.setFieldValue('durationMinutes', DEFAULT_MINUTES[changed.kind] ?? 15);
      }}
      scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
      requiredMark={false}
      disabled={complete.isPending}
      className="lm-task-form"
      data-testid="complete-form"
    >
      <div className="lm-task-form__who">
        <div className="lm-stack">
          <span className="lm-person-name">{task.personName}</span>
          <span className="lm-muted lm-small">{[task.villageName, task.address].filter(Boolean).join(' · ')}</span>
          <CampaignTag task={task} />
        </div>
        <CallButton phone={task.phone} name={task.personName} />
      </div>
      <Form.Item label={t('services.fields.summary')} required className="lm-task-form__summary">
        <div className="lm-svc-chips lm-task-phrases" data-testid="summary-phrases">
          {SUMMARY_PHRASES.map((key) => (
            <button key={key} type="button" className="lm-svc-chip lm-task-phrase" onClick={() => addPhrase(key)} disabled={complete.isPending}>
              + {t(`tasks.phrases.${key}`)}
            </button>
          ))}
        </div>
        <Form.Item name="summary" rules={[{ required: true, whitespace: true, message: t('services.form.summaryRequired') }]} className="lm-task-form__summary-input">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} placeholder={t('tasks.complete.summaryPlaceholder')} data-testid="complete-summary" />
        </Form.Item>
      </Form.Item>
      <Form.Item name="wellbeing" label={t('services.fields.wellbeing')} extra={t('services.wellbeingHint')}>
        <WellbeingPicker />
      </Form.Item>
      <Form.Item name="kind" label={t('services.fields.kind')} rules={[{ required: true, message: t('services.form.kindRequired') }]}>
        <KindChips />
      </Form.Item>
      <Form.Item name="durationMinutes" label={t('services.fields.durationMinutes')} rules={[{ required: true, message: t('services.form.durationRequired') }]}>
        <MinutesPicker />
      </Form.Item>
      <Form.Item name="serviceTypes" label={t('services.fields.serviceTypes')} rules={[{ required: true, type: 'array', min: 1, message: t('services.form.typesRequired') }]}>
        <ServiceTypePicker />
      </Form.Item>
      {visit && (
        <Form.Item name="goods" label={t('services.fields.goods')}>
          <Input maxLength={200} placeholder={t('services.form.goodsPlaceholder')} data-testid="complete-goods" />
        </Form.Item>
      )}
      <label className="lm-svc-switch-row">
        <span>{t('services.fields.followUp')}</span>
        <Form.Item name="followUpNeeded" valuePropName="checked" noStyle>
          <Switch data-testid="complete-follow-up" />
        </Form.Item>
      </label>
      {followUpNeeded && (
        <Form.Item
          name="followUpOn"
          label={t('services.fields.followUpOn')}
          rules={[
            { required: true, message: t('services.form.followUpRequired') },
            {
              validator: (_rule, value: unknown) =>
                typeof value === 'string' && value < today().format('YYYY-MM-DD') ? Promise.reject(new Error(t('services.form.followUpPast'))) : Promise.resolve(),
            },
          ]}
        >
          <FollowUpPicker />
        </Form.Item>
      )}
      {elder && visit && (
        <Card size="small" title={t('tasks.complete.checklist')} className="lm-task-form__checklist">
          <ChecklistFields form={form} />
        </Card>
      )}
      <div className="lm-task-form__footer">
        {/* In the footer, where the thumb that tapped "save" is: a message at the top of a long form goes unseen. */}
        {formError && <Alert type="error" showIcon title={formError} className="lm-task-form__error" data-testid="complete-error" />}
        <div className="lm-task-form__buttons">
          <Button size="large" onClick={onClose} disabled={complete.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" size="large" loading={complete.isPending} className="lm-task-form__save" data-testid="complete-save">
            {complete.isPending ? t('services.form.saving') : t('tasks.complete.save')}
          </Button>
        </div>
      </div>
    </Form>
  );
}
