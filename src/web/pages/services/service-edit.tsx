import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useUser } from '../../app/auth';
import { applyNestedServerErrors } from '../../components/form-errors';
import { usePerson } from '../people/people-api';
import { isElderPerson } from './person-head';
import { RecordDetails } from './record-details';
import { ServiceFields } from './service-fields';
import { changedFields, fieldForIssue, fromRecord, toServiceFields, type ServiceFormValues } from './service-form-values';
import type { ServiceRecord } from './service-types';
import { serviceKey, useUpdateService } from './services-api';

function isServiceRecord(value: unknown): value is ServiceRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'id') === 'string' &&
    typeof Reflect.get(value, 'version') === 'number' &&
    Array.isArray(Reflect.get(value, 'workers'))
  );
}

function currentOf(error: unknown): ServiceRecord | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const current: unknown = typeof error.details === 'object' && error.details !== null ? Reflect.get(error.details, 'current') : null;
  return isServiceRecord(current) ? current : null;
}

/**
 * Corrects a record: sends only what changed, with the version read. When someone saved in
 * between (409), shows what is saved now and lets the user apply their changes on top of it.
 */
export function ServiceEdit({ record, onDone }: { record: ServiceRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ServiceFormValues>();
  const update = useUpdateService(record.id);
  const person = usePerson(record.personId);
  const [formError, setFormError] = useState<string | null>(null);
  const [current, setCurrent] = useState<ServiceRecord | null>(null);
  const initialValues = useMemo(() => fromRecord(record), [record]);
  const elder = person.data ? isElderPerson(person.data) : record.checklist !== null;
  const withChecklist = elder || record.checklist !== null;
  // What the user's changes are measured against: the record as it was when editing began.
  const base = useMemo(() => toServiceFields(fromRecord(record), { withChecklist: true }), [record]);

  function submit(values: ServiceFormValues) {
    setFormError(null);
    const changes = changedFields(base, toServiceFields(values, { withChecklist }));
    if (Object.keys(changes).length === 0) {
      void message.info(t('services.record.noChanges'));
      onDone();
      return;
    }
    update.mutate(
      { version: (current ?? record).version, ...changes },
      {
        onSuccess: () => {
          void message.success(t('services.record.saved'));
          onDone();
        },
        onError: (error) => {
          const saved = currentOf(error);
          if (saved) {
            setCurrent(saved);
            return;
          }
          if (error instanceof ApiError && error.code === 'FORBIDDEN') {
            setFormError(t('services.record.forbidden'));
            return;
          }
          setFormError(applyNestedServerErrors(form, error, fieldForIssue));
        },
      },
    );
  }

  function discard() {
    if (current) queryClient.setQueryData(serviceKey(record.id), current);
    onDone();
  }

  return (
    <div data-testid="service-edit">
      {current && (
        <Card size="small" className="lm-form-section lm-svc-conflict" data-testid="service-conflict">
          <Alert type="warning" showIcon title={t('services.record.conflictTitle')} description={t('services.record.conflictBody')} className="lm-svc-alert" />
          <div className="lm-muted lm-small">{t('services.record.current')}</div>
          <RecordDetails record={current} />
          <Space wrap>
            <Button type="primary" onClick={() => form.submit()} loading={update.isPending} data-testid="conflict-reapply">
              {t('services.record.reapply')}
            </Button>
            <Button onClick={discard} data-testid="conflict-discard">
              {t('services.record.discard')}
            </Button>
          </Space>
        </Card>
      )}
      {formError && <Alert type="error" showIcon title={formError} className="lm-svc-alert" data-testid="form-error" />}
      <Form<ServiceFormValues>
        form={form}
        name="serviceEdit"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
        requiredMark={false}
      >
        <ServiceFields form={form} elder={withChecklist} knownPeople={[...record.workers, ...record.volunteers, { id: user.id, name: user.displayName }]} />
        <div className="lm-form-footer lm-svc-footer">
          <Button size="large" onClick={onDone}>
            {t('services.record.cancelEdit')}
          </Button>
          <Button type="primary" htmlType="submit" size="large" loading={update.isPending} className="lm-svc-footer__save" data-testid="service-save-edit">
            {t('services.record.saveEdit')}
          </Button>
        </div>
      </Form>
    </div>
  );
}
