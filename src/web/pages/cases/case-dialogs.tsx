import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CASE_REVIEW_DAYS } from '../../../shared/codes';
import { ApiError, errorText } from '../../app/api';
import { useLanguage } from '../../app/language';
import { applyServerErrors } from '../../components/form-errors';
import { formatDate } from '../../components/format';
import { documentLabel, stageLabel, useMissingText } from './case-labels';
import type { Case, CaseStage } from './case-types';
import { conflictCase, useDeclineClose, useRequestClose, useReview, useTransfer, useTransition } from './cases-api';
import { DateField } from './date-field';

/** The text of a failed action: a version conflict says the case was just changed and reloaded. */
export function useActionError() {
  const { t } = useTranslation();
  return (error: unknown): string => (conflictCase(error) ? t('cases.conflictRetry') : errorText(error));
}

interface DialogShellProps<V extends object> {
  open: boolean;
  title: ReactNode;
  okText: string;
  form: FormInstance<V>;
  name: string;
  pending: boolean;
  error: string | null;
  okDisabled?: boolean;
  danger?: boolean;
  onClose: () => void;
  onFinish: (values: V) => void;
  children: ReactNode;
  testId: string;
}

/** A small modal form: the server's error above the fields, the form reset on close. */
function DialogShell<V extends object>(props: DialogShellProps<V>) {
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
      okButtonProps={{ disabled: props.okDisabled, danger: props.danger }}
      forceRender
      afterClose={() => props.form.resetFields()}
    >
      <div data-testid={props.testId}>
        {props.error && <Alert type="error" showIcon title={props.error} className="lm-case-dialog__error lm-case-info" />}
        <Form<V> form={props.form} name={props.name} layout="vertical" requiredMark={false} onFinish={props.onFinish}>
          {props.children}
        </Form>
      </div>
    </Modal>
  );
}

function required(message: string) {
  return [{ required: true, whitespace: true, message }];
}

/** 动态化评估: what the review found; the next review defaults to the risk level's interval. */
export function ReviewDialog({ caseData, open, onClose }: { caseData: Case; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string; nextReviewOn: Dayjs | null }>();
  const [error, setError] = useState<string | null>(null);
  const review = useReview(caseData.id);
  const actionError = useActionError();
  const risk = caseData.documents.assessment?.riskLevel ?? 'none';

  function close() {
    setError(null);
    onClose();
  }

  return (
    <DialogShell
      open={open}
      title={t('cases.review.title')}
      okText={t('cases.review.submit')}
      form={form}
      name="review"
      pending={review.isPending}
      error={error}
      onClose={close}
      testId="review-dialog"
      onFinish={(values) => {
        setError(null);
        review.mutate(
          { note: values.note.trim(), nextReviewOn: values.nextReviewOn?.format('YYYY-MM-DD') },
          {
            onSuccess: (value) => {
              void message.success(t('cases.review.done', { date: value.nextReviewOn ? formatDate(value.nextReviewOn, language) : '—' }));
              close();
            },
            onError: (e) => setError(e instanceof ApiError && e.code === 'VALIDATION_FAILED' ? applyServerErrors(form, e, ['note', 'nextReviewOn']) : actionError(e)),
          },
        );
      }}
    >
      <Form.Item name="note" label={t('cases.review.note')} rules={required(t('cases.required'))}>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('cases.review.notePlaceholder')} />
      </Form.Item>
      <Form.Item name="nextReviewOn" label={t('cases.review.nextReviewOn')} extra={t('cases.review.nextReviewHint', { days: CASE_REVIEW_DAYS[risk] })}>
        <DateField />
      </Form.Item>
    </DialogShell>
  );
}

/** Hands the case to another worker of the station. */
export function TransferDialog({ caseData, workers, open, onClose }: { caseData: Case; workers: Array<{ id: string; name: string }>; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ workerId: string; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const transfer = useTransfer(caseData.id);
  const actionError = useActionError();
  const others = workers.filter((worker) => worker.id !== caseData.worker.id);

  function close() {
    setError(null);
    onClose();
  }

  return (
    <DialogShell
      open={open}
      title={t('cases.transfer.title')}
      okText={t('cases.transfer.submit')}
      form={form}
      name="transfer"
      pending={transfer.isPending}
      error={error}
      okDisabled={others.length === 0}
      onClose={close}
      testId="transfer-dialog"
      onFinish={(values) => {
        setError(null);
        transfer.mutate(
          { workerId: values.workerId, reason: values.reason.trim() },
          {
            onSuccess: (value) => {
              void message.success(t('cases.transfer.done', { name: value.worker.name }));
              close();
            },
            onError: (e) => setError(actionError(e)),
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t('cases.transfer.current', { name: caseData.worker.name })}</Typography.Paragraph>
      {others.length === 0 && <Alert type="info" showIcon title={t('cases.transfer.noOthers')} className="lm-case-dialog__error lm-case-info" />}
      <Form.Item name="workerId" label={t('cases.transfer.worker')} rules={[{ required: true, message: t('cases.required') }]}>
        <Select options={others.map((worker) => ({ value: worker.id, label: worker.name }))} placeholder={t('cases.doc.choose')} />
      </Form.Item>
      <Form.Item name="reason" label={t('cases.transfer.reason')} rules={required(t('cases.required'))}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </DialogShell>
  );
}

/**
 * A worker asks the manager to close the case. The closure report must be complete first; what
 * it lacks is listed, with a way to it.
 */
export function CloseRequestDialog({
  caseData,
  open,
  onClose,
  onShowClosure,
}: {
  caseData: Case;
  open: boolean;
  onClose: () => void;
  onShowClosure: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string | null>(null);
  const request = useRequestClose(caseData.id);
  const actionError = useActionError();
  const missingText = useMissingText();
  const missing = caseData.missing.closure ?? [];

  function close() {
    setError(null);
    onClose();
  }

  return (
    <DialogShell
      open={open}
      title={t('cases.next.requestCloseTitle')}
      okText={t('cases.next.requestClose')}
      form={form}
      name="closeRequest"
      pending={request.isPending}
      error={error}
      okDisabled={missing.length > 0}
      onClose={close}
      testId="close-request-dialog"
      onFinish={(values) => {
        setError(null);
        request.mutate(
          { note: values.note?.trim() || undefined },
          {
            onSuccess: () => {
              void message.success(t('cases.next.requested'));
              close();
            },
            onError: (e) => setError(incompleteText(e, t('cases.next.incompleteTitle'), missingText) ?? actionError(e)),
          },
        );
      }}
    >
      <Typography.Paragraph type="secondary">{t('cases.next.requestCloseIntro')}</Typography.Paragraph>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="lm-case-dialog__error"
          title={t('cases.next.closureIncomplete', { document: documentLabel('closure', language), count: missing.length })}
          description={
            <>
              <ul className="lm-missing">
                {missing.map((item) => (
                  <li key={item.path}>{missingText(item, 'closure')}</li>
                ))}
              </ul>
              <Button
                size="small"
                onClick={() => {
                  close();
                  onShowClosure();
                }}
              >
                {t('cases.next.fillClosure')}
              </Button>
            </>
          }
        />
      )}
      <Form.Item name="note" label={t('cases.next.requestNote')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </DialogShell>
  );
}

/** The manager sends a close request back with a reason. */
export function DeclineCloseDialog({ caseData, open, onClose }: { caseData: Case; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const decline = useDeclineClose(caseData.id);
  const actionError = useActionError();

  function close() {
    setError(null);
    onClose();
  }

  return (
    <DialogShell
      open={open}
      title={t('cases.next.declineTitle')}
      okText={t('cases.next.decline')}
      form={form}
      name="declineClose"
      pending={decline.isPending}
      error={error}
      danger
      onClose={close}
      testId="decline-dialog"
      onFinish={(values) => {
        setError(null);
        decline.mutate(
          { reason: values.reason.trim() },
          {
            onSuccess: () => {
              void message.success(t('cases.next.declined'));
              close();
            },
            onError: (e) => setError(actionError(e)),
          },
        );
      }}
    >
      <Form.Item name="reason" label={t('cases.next.declineReason')} rules={required(t('cases.required'))}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('cases.next.declinePlaceholder')} />
      </Form.Item>
    </DialogShell>
  );
}

/** From the evaluation back to planning or intervention, with the reason kept in the history. */
export function BackDialog({ caseData, to, onClose }: { caseData: Case; to: CaseStage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string | null>(null);
  const transition = useTransition(caseData.id);
  const actionError = useActionError();
  const missingText = useMissingText();
  const stage = to ? stageLabel(to, language) : '';

  function close() {
    setError(null);
    onClose();
  }

  return (
    <DialogShell
      open={to !== null}
      title={t('cases.next.backTitle', { stage })}
      okText={t('cases.next.backTo', { stage })}
      form={form}
      name="back"
      pending={transition.isPending}
      error={error}
      onClose={close}
      testId="back-dialog"
      onFinish={(values) => {
        if (!to) return;
        setError(null);
        transition.mutate(
          { to, note: values.note.trim() },
          {
            onSuccess: () => {
              void message.success(t('cases.next.moved', { stage }));
              close();
            },
            onError: (e) => setError(incompleteText(e, t('cases.next.incompleteTitle'), missingText) ?? actionError(e)),
          },
        );
      }}
    >
      <Form.Item name="note" label={t('cases.next.backNote')} rules={required(t('cases.required'))}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('cases.next.backNotePlaceholder')} />
      </Form.Item>
    </DialogShell>
  );
}

/** The `{ path, message }` list of a DOCUMENT_INCOMPLETE reply. */
export function incompleteItems(error: unknown): Array<{ path: string; message: string }> | null {
  if (!(error instanceof ApiError) || error.code !== 'DOCUMENT_INCOMPLETE') return null;
  const details = Array.isArray(error.details) ? error.details : [];
  const items: Array<{ path: string; message: string }> = [];
  for (const item of details) {
    if (typeof item !== 'object' || item === null) continue;
    const path: unknown = Reflect.get(item, 'path');
    const text: unknown = Reflect.get(item, 'message');
    if (typeof text === 'string') items.push({ path: typeof path === 'string' ? path : '', message: text });
  }
  return items;
}

function incompleteText(error: unknown, title: string, line: (item: { path: string; message: string }) => string): string | null {
  const items = incompleteItems(error);
  if (!items) return null;
  return `${title}${items.map(line).join('；')}`;
}
