import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Result } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { SERVICE_KINDS } from '../../../shared/codes';
import { ApiError } from '../../app/api';
import { useUser } from '../../app/auth';
import { applyNestedServerErrors } from '../../components/form-errors';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { usePerson } from '../people/people-api';
import type { Person } from '../people/people-types';
import { isElderPerson, PersonChooser, PersonHead } from './person-head';
import { PhotoQueue } from './photo-picker';
import { ServiceFields } from './service-fields';
import { fieldForIssue, toServiceFields, wallClockOf, type ServiceFormValues } from './service-form-values';
import type { CreateServiceRequest, ServiceKind, ServiceRecord } from './service-types';
import { uploadPhotos, useCreateService } from './services-api';
import './services.css';

function isKind(value: string | null): value is ServiceKind {
  return value !== null && Object.hasOwn(SERVICE_KINDS, value);
}

/** Where to go after saving: where the user came from (`state.from`), else the case or the person's file. */
function returnPath(state: unknown, personId: string, caseId: string | null): string {
  const from: unknown = typeof state === 'object' && state !== null ? Reflect.get(state, 'from') : undefined;
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('/services/new')) return from;
  return caseId ? `/cases/${caseId}` : `/people/${personId}`;
}

/** /services/new?personId=…(&caseId=…&taskId=…&kind=…): log a service, made to be quick on a phone. */
export function ServiceFormPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const personId = params.get('personId');

  if (!personId) {
    return (
      <div className="lm-svc-form">
        <PageHeader title={t('services.form.title')} />
        <PersonChooser
          onChoose={(id) => {
            const next = new URLSearchParams(params);
            next.set('personId', id);
            setParams(next, { replace: true });
          }}
        />
      </div>
    );
  }
  return <ServiceFormForPerson key={personId} personId={personId} />;
}

function ServiceFormForPerson({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = usePerson(personId);
  if (person.isPending) return <PageLoading />;
  if (person.isError) {
    if (person.error instanceof ApiError && person.error.status === 404) {
      return <Result status="404" title={t('services.form.missingPerson')} extra={<Link to="/people">{t('people.person.back')}</Link>} />;
    }
    return <LoadError error={person.error} onRetry={() => void person.refetch()} />;
  }
  return <ServiceCreateForm person={person.data} />;
}

function ServiceCreateForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceFormValues>();
  const create = useCreateService();
  // Made once per form: a submit retried after a lost reply names the same record, so the server
  // answers with it instead of writing a second one.
  const [recordId] = useState(() => uuidv7());
  const [photos, setPhotos] = useState<File[]>([]);
  const [uploading, setUploading] = useState<{ done: number; total: number } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  const elder = isElderPerson(person);
  const caseId = params.get('caseId');
  const back = returnPath(location.state, person.id, caseId);
  const taskId = params.get('taskId');
  const kindParam = params.get('kind');

  const initialValues = useMemo<ServiceFormValues>(
    () => ({
      kind: isKind(kindParam) ? kindParam : 'home_visit',
      serviceTypes: [],
      startedAt: wallClockOf(new Date()),
      followUpNeeded: false,
      // Who served defaults to whoever records: a worker or manager as worker, a volunteer as volunteer.
      workerIds: user.role === 'volunteer' ? [] : [user.id],
      volunteerIds: user.role === 'volunteer' ? [user.id] : [],
    }),
    [kindParam, user.id, user.role],
  );

  async function finish(record: ServiceRecord) {
    if (photos.length > 0) {
      setUploading({ done: 0, total: photos.length });
      const result = await uploadPhotos(record.id, photos, (done) => setUploading({ done, total: photos.length }));
      setUploading(null);
      if (result.failed.length > 0) {
        void message.warning(t('services.form.savedPhotosFailed', { count: result.failed.length }), 8);
        void navigate(`/services/${record.id}`, { replace: true });
        return;
      }
    }
    void message.success(t('services.form.saved', { name: person.name }));
    void navigate(back, { replace: true });
  }

  function submit(values: ServiceFormValues) {
    setFormError(null);
    setDuplicate(false);
    const request: CreateServiceRequest = {
      id: recordId,
      personId: person.id,
      ...toServiceFields(values, { withChecklist: elder }),
      ...(caseId ? { caseId } : {}),
      ...(taskId ? { taskId } : {}),
    };
    create.mutate(request, {
      onSuccess: (record) => void finish(record),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'DUPLICATE') {
          setDuplicate(true);
          return;
        }
        setFormError(applyNestedServerErrors(form, error, fieldForIssue));
      },
    });
  }

  const busy = create.isPending || uploading !== null;
  const saveLabel = uploading ? t('services.form.uploading', uploading) : create.isPending ? t('services.form.saving') : t('services.form.save');

  return (
    <div className="lm-svc-form" data-testid="service-form-page">
      <Link to={back} className="lm-back-link">
        <ArrowLeftOutlined /> {t('services.form.back')}
      </Link>
      <PageHeader title={t('services.form.title')} />
      <PersonHead person={person} />
      {caseId && <Alert type="info" showIcon title={t('services.form.caseLinked')} className="lm-svc-alert" />}
      {formError && <Alert type="error" showIcon title={formError} className="lm-svc-alert" data-testid="form-error" />}
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          className="lm-svc-alert"
          title={t('services.form.duplicate')}
          data-testid="duplicate-alert"
          action={
            <Link to={`/services/${recordId}`}>
              <Button size="small">{t('services.form.openSaved')}</Button>
            </Link>
          }
        />
      )}
      <Form<ServiceFormValues>
        form={form}
        name="service"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
        requiredMark={false}
        disabled={busy}
      >
        <ServiceFields
          form={form}
          elder={elder}
          knownPeople={[{ id: user.id, name: user.displayName }]}
          photos={<PhotoQueue files={photos} onChange={setPhotos} />}
        />
        <div className="lm-form-footer lm-svc-footer">
          <Link to={back} className="lm-svc-footer__cancel">
            <Button size="large" disabled={busy}>
              {t('common.cancel')}
            </Button>
          </Link>
          <Button type="primary" htmlType="submit" size="large" loading={busy} className="lm-svc-footer__save" data-testid="service-save">
            {saveLabel}
          </Button>
        </div>
      </Form>
    </div>
  );
}
