import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../shared/codes';
import { ApiError } from '../../app/api';
import { useLanguage } from '../../app/language';
import { applyNestedServerErrors, type FieldName } from '../../components/form-errors';
import { useStaff } from '../services/services-api';
import { channelLabel } from './task-labels';
import type { ContactPlan, PlanEntryInput } from './task-types';
import { useResetContactPlan, useSetContactPlan } from './tasks-api';
import '../services/services.css';
import './tasks.css';

const CHANNELS = Object.keys(CONTACT_CHANNELS) as ContactChannel[];
const EVERY_PRESETS = [7, 14, 30, 90] as const;

interface ChannelValues {
  on?: boolean;
  everyDays?: number | null;
  responsibleId?: string | null;
}

type PlanFormValues = Partial<Record<ContactChannel, ChannelValues>> & { reason?: string };

function valuesOf(plan: ContactPlan): PlanFormValues {
  const values: PlanFormValues = {};
  for (const channel of CHANNELS) {
    const entry = plan.plans.find((p) => p.channel === channel);
    // A rule plan's responsible is the village's worker: left empty, it stays so when the village changes hands.
    values[channel] = {
      on: entry !== undefined,
      everyDays: entry?.everyDays ?? (channel === 'phone' ? 7 : 30),
      responsibleId: plan.source === 'override' ? (entry?.responsible?.id ?? null) : null,
    };
  }
  return values;
}

function conflictText(error: unknown, fallback: string): string | null {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT' ? fallback : null;
}

/** Days between contacts: quick chips and the number. */
function EveryDays({ id, value, onChange, disabled }: { id?: string; value?: number | null; onChange?: (value: number | null) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="lm-plan-every">
      <div className="lm-svc-chips">
        {EVERY_PRESETS.map((days) => (
          <button key={days} type="button" disabled={disabled} className={`lm-svc-chip${value === days ? ' lm-svc-chip--on' : ''}`} onClick={() => onChange?.(days)} aria-pressed={value === days}>
            {t(`tasks.plan.presets.${days}`)}
          </button>
        ))}
      </div>
      <InputNumber
        id={id}
        min={1}
        max={365}
        precision={0}
        inputMode="numeric"
        value={value ?? null}
        onChange={(next) => onChange?.(next)}
        disabled={disabled}
        prefix={t('tasks.plan.everyPrefix')}
        suffix={t('tasks.plan.everySuffix')}
        className="lm-plan-every__input"
      />
    </div>
  );
}

/** The manager sets a person's own plan: each channel on or off, how often, who; with the reason. */
export function PlanEditDialog({ personId, plan, open, onClose }: { personId: string; plan: ContactPlan; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const [error, setError] = useState<string | null>(null);
  const save = useSetContactPlan(personId);
  const staff = useStaff();
  const watched = Form.useWatch([], form);
  const people = [
    { label: t('tasks.reassign.workers'), options: (staff.data?.workers ?? []).map((p) => ({ value: p.id, label: p.name })) },
    { label: t('tasks.reassign.volunteers'), options: (staff.data?.volunteers ?? []).map((p) => ({ value: p.id, label: p.name })) },
  ].filter((group) => group.options.length > 0);

  // After a conflict the card reads the plan again: the fields follow, the reason stays.
  useEffect(() => {
    form.setFieldsValue(valuesOf(plan));
  }, [form, plan]);

  function submit(values: PlanFormValues) {
    setError(null);
    const plans: PlanEntryInput[] = CHANNELS.filter((channel) => values[channel]?.on).map((channel) => ({
      channel,
      everyDays: values[channel]?.everyDays ?? 0,
      responsibleId: values[channel]?.responsibleId ?? null,
    }));
    save.mutate(
      { version: plan.version, plans, reason: values.reason?.trim() ?? '' },
      {
        onSuccess: () => {
          void message.success(t('tasks.plan.saved'));
          onClose();
        },
        onError: (e) => {
          const conflict = conflictText(e, t('tasks.plan.conflict'));
          if (conflict) {
            setError(conflict);
            return;
          }
          setError(
            applyNestedServerErrors(form, e, (segments): FieldName | null => {
              if (segments[0] === 'reason') return 'reason';
              if (segments[0] === 'plans') {
                const channel = plans[Number(segments[1])]?.channel;
                const field = segments[2] === 'responsibleId' ? 'responsibleId' : 'everyDays';
                return channel ? [channel, field] : null;
              }
              return null;
            }),
          );
        },
      },
    );
  }

  return (
    <Modal
      open={open}
      title={t('tasks.plan.editTitle')}
      okText={t('tasks.plan.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      forceRender
      className="lm-task-dialog"
    >
      <div data-testid="plan-dialog">
        <p className="lm-muted">{plan.source === 'override' ? t('tasks.plan.editHintOverride') : t('tasks.plan.editHint')}</p>
        {error && <Alert type="error" showIcon title={error} className="lm-task-dialog__error" data-testid="plan-dialog-error" />}
        <Form<PlanFormValues> form={form} name="plan" layout="vertical" requiredMark={false} onFinish={submit} initialValues={valuesOf(plan)}>
          {CHANNELS.map((channel) => {
            const on = watched?.[channel]?.on === true;
            return (
              <fieldset key={channel} className={`lm-plan-edit${on ? '' : ' lm-plan-edit--off'}`} data-testid={`plan-edit-${channel}`}>
                <label className="lm-svc-switch-row lm-plan-edit__switch">
                  <strong>{channelLabel(channel, language)}</strong>
                  <Form.Item name={[channel, 'on']} valuePropName="checked" noStyle>
                    <Switch data-testid={`plan-on-${channel}`} />
                  </Form.Item>
                </label>
                {on && (
                  <>
                    <Form.Item
                      name={[channel, 'everyDays']}
                      label={t('tasks.plan.everyLabel')}
                      rules={[{ required: true, type: 'number', min: 1, max: 365, message: t('tasks.plan.everyRange') }]}
                    >
                      <EveryDays />
                    </Form.Item>
                    <Form.Item name={[channel, 'responsibleId']} label={t('tasks.plan.responsibleLabel')}>
                      <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people} loading={staff.isPending} placeholder={t('tasks.plan.villageWorker')} />
                    </Form.Item>
                  </>
                )}
              </fieldset>
            );
          })}
          {watched && CHANNELS.every((channel) => watched[channel]?.on !== true) && <Alert type="warning" showIcon title={t('tasks.plan.noneOn')} className="lm-task-dialog__error" />}
          <Form.Item name="reason" label={t('tasks.plan.reasonLabel')} rules={[{ required: true, whitespace: true, min: 2, message: t('tasks.plan.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('tasks.plan.reasonPlaceholder')} data-testid="plan-reason-input" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/** Back to the station's rules, with the reason. */
export function PlanResetDialog({ personId, plan, open, onClose }: { personId: string; plan: ContactPlan; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const reset = useResetContactPlan(personId);

  return (
    <Modal
      open={open}
      title={t('tasks.plan.resetTitle')}
      okText={t('tasks.plan.reset')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      forceRender
      className="lm-task-dialog"
    >
      <div data-testid="plan-reset-dialog">
        <p className="lm-muted">{t('tasks.plan.resetHint')}</p>
        {error && <Alert type="error" showIcon title={error} className="lm-task-dialog__error" />}
        <Form<{ reason?: string }>
          form={form}
          name="planReset"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => {
            setError(null);
            reset.mutate(
              { version: plan.version, reason: values.reason?.trim() ?? '' },
              {
                onSuccess: () => {
                  void message.success(t('tasks.plan.resetDone'));
                  onClose();
                },
                onError: (e) => setError(conflictText(e, t('tasks.plan.conflict')) ?? applyNestedServerErrors(form, e, (segments) => (segments[0] === 'reason' ? 'reason' : null))),
              },
            );
          }}
        >
          <Form.Item name="reason" label={t('tasks.plan.reasonLabel')} rules={[{ required: true, whitespace: true, min: 2, message: t('tasks.plan.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="plan-reset-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
