import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Result, Row, Select, Space, Switch, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ETHNICITIES, GROUPS, LIVING_SITUATIONS, PERSON_STATUSES, RISK_LEVELS } from '../../../shared/codes';
import { parseIdNumber } from '../../../shared/id-number';
import { ApiError } from '../../app/api';
import { useLanguage } from '../../app/language';
import { applyNestedServerErrors } from '../../components/form-errors';
import { formatDate, today } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { PageLoading } from '../../components/page-loading';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { useCreatePerson, useHousehold, usePeopleSearch, usePerson, useUpdatePerson } from './people-api';
import { codeOptions, RiskTag } from './people-labels';
import type { Person, RiskLevel } from './people-types';
import { ageFrom, changedFields, fieldForIssue, fromPerson, personAsRequest, sectionsFor, toRequest, type PersonFormValues, type PersonRequest } from './person-form-values';
import { applyChoices, mergeRows, type MergeChoice, type MergeRow } from './person-merge';
import { MergeDialog } from './merge-dialog';

/** Mobile `1[3-9]` + 9 digits, or a landline with area code: PHONE_PATTERN of src/shared/schemas/people.ts (not imported, to keep zod out of the bundle). */
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

function isPerson(value: unknown): value is Person {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'id') === 'string' && typeof Reflect.get(value, 'version') === 'number';
}

function existingIdOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'DUPLICATE') return null;
  const details = error.details;
  const id: unknown = typeof details === 'object' && details !== null ? Reflect.get(details, 'existingId') : undefined;
  return typeof id === 'string' ? id : null;
}

export function PersonCreatePage() {
  return <PersonFormPage person={null} />;
}

export function PersonEditPage() {
  const { id = '' } = useParams();
  const person = usePerson(id);
  if (person.isPending) return <PageLoading />;
  if (person.isError) return <LoadError error={person.error} onRetry={() => void person.refetch()} />;
  // Keyed by id only: a refetch of the same file must not reset what is being typed.
  return <PersonFormPage key={person.data.id} person={person.data} />;
}

function PersonFormPage({ person }: { person: Person | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const orgs = useOrgTree();
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? '');
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  // The file as loaded: what "you changed" is measured against, and the version a save names.
  const loaded = useRef<Person | null>(person);
  const [conflict, setConflict] = useState<{ rows: MergeRow[]; theirs: Person; theirsRequest: PersonRequest } | null>(null);
  const initialValues = useMemo<PersonFormValues>(() => (person ? fromPerson(person) : { groups: [], status: 'active' }), [person]);

  const idNumber = Form.useWatch('idNumber', form);
  const groups = Form.useWatch('groups', form);
  const birthDate = Form.useWatch('birthDate', form);
  const consentGiven = Form.useWatch(['consent', 'given'], form);
  const consentBy = Form.useWatch(['consent', 'by'], form);
  const health = Form.useWatch('health', form);

  const parsed = useMemo(() => {
    const value = idNumber?.trim() ?? '';
    return value === '' ? null : parseIdNumber(value, today().format('YYYY-MM-DD'));
  }, [idNumber]);
  const derived = parsed?.ok ? parsed.id : null;
  // Sex and birth date come from an identity number: the one typed, or the one on file.
  const identityLocked = derived !== null || (person?.idNumberMasked != null && !idNumber?.trim());
  const age = ageFrom(birthDate ?? null, today());
  const sections = sectionsFor(groups, age);

  const villages = useMemo(
    () => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name })),
    [orgs.data],
  );

  function showError(error: unknown, sent: PersonRequest) {
    const existing = existingIdOf(error);
    if (existing) {
      setDuplicateId(existing);
      form.setFields([{ name: 'idNumber', errors: [t('people.form.duplicate')] }]);
      setFormError(null);
      return;
    }
    setFormError(applyNestedServerErrors(form, error, (segments) => fieldForIssue(segments, sent)));
  }

  function saved(saved: Person) {
    void message.success(person ? t('people.form.saved') : t('people.form.created', { name: saved.name }));
    void navigate(`/people/${saved.id}`, { replace: !person });
  }

  function patch(base: Person, baseRequest: PersonRequest, next: PersonRequest) {
    const changes = changedFields(baseRequest, next);
    if (Object.keys(changes).length === 0) {
      void message.info(t('people.form.noChanges'));
      setConflict(null);
      void navigate(`/people/${base.id}`);
      return;
    }
    update.mutate(
      // `groups` always goes along: the shared PATCH schema defaults a missing `groups` to [] and
      // would clear them (src/shared/schemas/people.ts, zUpdatePersonRequest).
      { version: base.version, groups: next.groups, ...changes },
      {
        onSuccess: (result) => {
          setConflict(null);
          saved(result);
        },
        onError: (error) => {
          const current: unknown = error instanceof ApiError && error.code === 'VERSION_CONFLICT' && typeof error.details === 'object' && error.details !== null ? Reflect.get(error.details, 'current') : null;
          if (isPerson(current)) {
            // Someone saved in between: never overwrite silently, let the worker choose item by item.
            const theirsRequest = personAsRequest(current);
            setConflict({ rows: mergeRows(baseRequest, theirsRequest, next), theirs: current, theirsRequest });
            return;
          }
          setConflict(null);
          showError(error, next);
        },
      },
    );
  }

  function submit(values: PersonFormValues) {
    setFormError(null);
    setDuplicateId(null);
    const request = toRequest(values, sections);
    if (derived) {
      request.gender = derived.gender;
      request.birthDate = derived.birthDate;
    }
    const base = loaded.current;
    if (!base) {
      create.mutate(request, { onSuccess: saved, onError: (error) => showError(error, request) });
      return;
    }
    if (identityLocked && !derived) {
      // The stored number decides sex and birth date; do not send them back.
      delete request.gender;
      delete request.birthDate;
    }
    patch(base, personAsRequest(base), request);
  }

  function saveMerged(choices: Record<string, MergeChoice>) {
    if (!conflict) return;
    const merged = applyChoices(conflict.theirsRequest, conflict.rows, choices);
    loaded.current = conflict.theirs;
    patch(conflict.theirs, conflict.theirsRequest, merged);
  }

  const col = (node: ReactNode, wide = false) => (
    <Col xs={24} md={wide ? 24 : 12} xl={wide ? 24 : 8}>
      {node}
    </Col>
  );
  const select = (list: Record<string, { 'zh-CN': string; 'en-US': string }>) => (
    <Select allowClear options={codeOptions(list, language)} placeholder={t('people.form.select')} />
  );
  const localSelect = (group: 'health' | 'schooling' | 'parentStatus' | 'contactFrequency' | 'capacity' | 'guardianshipType' | 'selfCare', values: readonly string[]) => (
    <Select
      allowClear
      placeholder={t('people.form.select')}
      options={values.map((value) => ({ value, label: t(`people.codes.${group}.${value}` as 'people.codes.health.healthy') }))}
    />
  );
  const phoneRule = { pattern: PHONE_PATTERN, message: t('people.form.phoneShape'), transform: (v: unknown) => (typeof v === 'string' ? v.replace(/[\s()（）]/g, '') : v) };
  const yesNo = (
    <Radio.Group
      options={[
        { value: true, label: t('people.yes') },
        { value: false, label: t('people.no') },
      ]}
    />
  );
  const FREQUENCIES = ['daily', 'weekly', 'monthly', 'rarely', 'never'] as const;

  const parent = (role: 'father' | 'mother') => (
    <Col xs={24} xl={12} key={role}>
      <fieldset className="lm-fieldset" data-testid={`form-${role}`}>
        <legend>{t(`people.fields.${role}`)}</legend>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name={['child', role, 'name']} label={t('people.fields.parentName')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['child', role, 'status']} label={t('people.fields.parentStatus')}>
              {localSelect('parentStatus', ['away', 'home', 'unable', 'deceased', 'missing', 'unknown'])}
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['child', role, 'phone']} label={t('people.fields.parentPhone')} rules={[phoneRule]}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['child', role, 'contactFrequency']} label={t('people.fields.contactFrequency')}>
              {localSelect('contactFrequency', FREQUENCIES)}
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name={['child', role, 'workProvince']} label={t('people.fields.workProvince')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name={['child', role, 'workCity']} label={t('people.fields.workCity')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
      </fieldset>
    </Col>
  );

  const title = person ? t('people.form.editTitle', { name: person.name }) : t('people.form.createTitle');
  const saving = create.isPending || update.isPending;

  return (
    <div className="lm-person-form">
      <Link to={person ? `/people/${person.id}` : '/people'} className="lm-back-link">
        <ArrowLeftOutlined /> {person ? person.name : t('people.person.back')}
      </Link>
      <PageHeader title={title} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      {duplicateId && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('people.form.duplicate')}
          data-testid="duplicate-alert"
          action={
            <Link to={`/people/${duplicateId}`}>
              <Button size="small">{t('people.form.openExisting')}</Button>
            </Link>
          }
        />
      )}
      <Form<PersonFormValues>
        form={form}
        name="person"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
        onValuesChange={(changed: PersonFormValues) => {
          if ('idNumber' in changed) {
            const result = changed.idNumber?.trim() ? parseIdNumber(changed.idNumber, today().format('YYYY-MM-DD')) : null;
            if (result?.ok) form.setFieldsValue({ gender: result.id.gender, birthDate: dayjs(result.id.birthDate) });
            setDuplicateId(null);
          }
        }}
      >
        <Card title={t('people.form.sections.basic')} size="small" className="lm-form-section">
          <Row gutter={16}>
            {col(
              <Form.Item name="name" label={t('people.fields.name')} rules={[{ required: true, whitespace: true, message: t('people.form.nameRequired') }]}>
                <Input maxLength={30} autoComplete="off" />
              </Form.Item>,
            )}
            {col(
              <Form.Item
                name="idNumber"
                label={t('people.fields.idNumber')}
                extra={
                  derived ? (
                    <span className="lm-derived" data-testid="id-derived">
                      {t('people.form.derived', { gender: t(`people.gender.${derived.gender}`), date: formatDate(derived.birthDate, language) })}
                    </span>
                  ) : person?.idNumberMasked ? (
                    t('people.form.idOnFile', { masked: person.idNumberMasked })
                  ) : undefined
                }
                validateDebounce={400}
                rules={[
                  {
                    validator: (_rule, value: unknown) => {
                      if (typeof value !== 'string' || value.trim() === '') return Promise.resolve();
                      const result = parseIdNumber(value, today().format('YYYY-MM-DD'));
                      return result.ok ? Promise.resolve() : Promise.reject(new Error(t(`people.form.idInvalid.${result.problem}`)));
                    },
                  },
                ]}
              >
                <Input maxLength={18} autoComplete="off" spellCheck={false} className="lm-mono-input" placeholder={person?.idNumberMasked ?? undefined} />
              </Form.Item>,
            )}
            {col(
              <Form.Item name="gender" label={t('people.fields.gender')}>
                <Radio.Group
                  disabled={identityLocked}
                  options={[
                    { value: 'male', label: t('people.gender.male') },
                    { value: 'female', label: t('people.gender.female') },
                  ]}
                />
              </Form.Item>,
            )}
            {col(
              <Form.Item name="birthDate" label={t('people.fields.birthDate')}>
                <DatePicker disabled={identityLocked} style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(today(), 'day')} />
              </Form.Item>,
            )}
            {col(<Form.Item name="ethnicity" label={t('people.fields.ethnicity')}>{select(ETHNICITIES)}</Form.Item>)}
            {col(
              <Form.Item name="status" label={t('people.fields.status')}>
                <Select options={codeOptions(PERSON_STATUSES, language)} />
              </Form.Item>,
            )}
          </Row>
        </Card>

        <Card title={t('people.form.sections.contact')} size="small" className="lm-form-section">
          <Row gutter={16}>
            {col(
              <Form.Item name="phone" label={t('people.fields.phone')} rules={[phoneRule]}>
                <Input inputMode="tel" maxLength={20} autoComplete="off" />
              </Form.Item>,
            )}
            {col(
              <Form.Item name="villageId" label={t('people.fields.villageId')} rules={[{ required: true, message: t('people.form.villageRequired') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={villages} loading={orgs.isPending} placeholder={t('people.form.select')} />
              </Form.Item>,
            )}
            {col(
              <Form.Item name="address" label={t('people.fields.address')}>
                <Input maxLength={120} />
              </Form.Item>,
            )}
            {col(
              <Form.Item name="householdId" label={t('people.fields.householdId')} extra={t('people.form.householdHint')}>
                <HouseholdPicker self={person?.id ?? null} />
              </Form.Item>,
            )}
            {col(
              <Form.Item name="relationToHead" label={t('people.fields.relationToHead')}>
                <Input maxLength={20} />
              </Form.Item>,
            )}
          </Row>
        </Card>

        <Card title={t('people.form.sections.category')} size="small" className="lm-form-section">
          <Form.Item name="groups" label={t('people.fields.groups')}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={codeOptions(GROUPS, language)} placeholder={t('people.form.select')} data-testid="groups-select" />
          </Form.Item>
          <Row gutter={16}>
            {col(
              <Form.Item name="riskLevel" label={t('people.fields.riskLevel')}>
                <Radio.Group
                  className="lm-risk-radio"
                  options={Object.keys(RISK_LEVELS).map((value) => ({ value, label: <RiskTag level={value as RiskLevel} /> }))}
                />
              </Form.Item>,
            )}
            {col(
              <Form.Item name="riskReason" label={t('people.fields.riskReason')}>
                <Input maxLength={200} />
              </Form.Item>,
              false,
            )}
          </Row>
        </Card>

        <Card title={t('people.form.sections.health')} size="small" className="lm-form-section">
          <Row gutter={16}>
            {col(<Form.Item name="health" label={t('people.fields.health')}>{localSelect('health', ['healthy', 'chronic_illness', 'serious_illness', 'disabled'])}</Form.Item>)}
            {col(<Form.Item name="livingSituation" label={t('people.fields.livingSituation')}>{select(LIVING_SITUATIONS)}</Form.Item>)}
            {col(
              <Form.Item name="healthNotes" label={t('people.fields.healthNotes')}>
                <Input maxLength={500} />
              </Form.Item>,
            )}
            {(health === 'disabled' || (groups ?? []).includes('disabled')) && (
              <>
                {col(
                  <Form.Item name="disabilityType" label={t('people.fields.disabilityType')}>
                    <Input maxLength={30} />
                  </Form.Item>,
                )}
                {col(
                  <Form.Item name="disabilityGrade" label={t('people.fields.disabilityGrade')}>
                    <Select allowClear options={[1, 2, 3, 4].map((value) => ({ value, label: `${value}` }))} />
                  </Form.Item>,
                )}
              </>
            )}
            {col(
              <Form.Item name="notes" label={t('people.fields.notes')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>,
              true,
            )}
          </Row>
        </Card>

        {sections.child && (
          <Card title={t('people.form.sections.child')} extra={<span className="lm-muted lm-small">{t('people.form.childHint')}</span>} size="small" className="lm-form-section" data-testid="child-section">
            <Row gutter={16}>
              {col(<Form.Item name={['child', 'schooling']} label={t('people.fields.schooling')}>{localSelect('schooling', ['none', 'kindergarten', 'primary', 'junior', 'senior', 'vocational', 'dropped_out'])}</Form.Item>)}
              {col(
                <Form.Item name={['child', 'school']} label={t('people.fields.school')}>
                  <Input maxLength={60} />
                </Form.Item>,
              )}
              {col(
                <Form.Item name={['child', 'grade']} label={t('people.fields.grade')}>
                  <Input maxLength={20} />
                </Form.Item>,
              )}
              {col(<Form.Item name={['child', 'boarding']} label={t('people.fields.boarding')}>{yesNo}</Form.Item>)}
              {col(<Form.Item name={['child', 'hukouRegistered']} label={t('people.fields.hukouRegistered')}>{yesNo}</Form.Item>)}
              {col(<Form.Item name={['child', 'guardianshipType']} label={t('people.fields.guardianshipType')}>{localSelect('guardianshipType', ['none', 'parent_unable', 'entrusted_incapable', 'fair', 'good'])}</Form.Item>)}
            </Row>
            <fieldset className="lm-fieldset">
              <legend>{t('people.fields.guardian')}</legend>
              <Row gutter={12}>
                <Col xs={24} sm={12} xl={6}>
                  <Form.Item name={['child', 'guardian', 'name']} label={t('people.fields.guardianName')}>
                    <Input maxLength={30} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} xl={6}>
                  <Form.Item name={['child', 'guardian', 'phone']} label={t('people.fields.guardianPhone')} rules={[phoneRule]}>
                    <Input inputMode="tel" maxLength={20} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} xl={6}>
                  <Form.Item name={['child', 'guardian', 'relation']} label={t('people.fields.guardianRelation')}>
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} xl={6}>
                  <Form.Item name={['child', 'guardian', 'capacity']} label={t('people.fields.guardianCapacity')}>
                    {localSelect('capacity', ['good', 'fair', 'poor', 'none'])}
                  </Form.Item>
                </Col>
              </Row>
            </fieldset>
            <Row gutter={16}>
              {parent('father')}
              {parent('mother')}
            </Row>
            <fieldset className="lm-fieldset">
              <legend>{t('people.fields.childDirector')}</legend>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name={['child', 'childDirector', 'name']} label={t('people.fields.childDirectorName')}>
                    <Input maxLength={30} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={['child', 'childDirector', 'phone']} label={t('people.fields.childDirectorPhone')} rules={[phoneRule]}>
                    <Input inputMode="tel" maxLength={20} />
                  </Form.Item>
                </Col>
              </Row>
            </fieldset>
          </Card>
        )}

        {sections.elder && (
          <Card title={t('people.form.sections.elder')} extra={<span className="lm-muted lm-small">{t('people.form.elderHint')}</span>} size="small" className="lm-form-section" data-testid="elder-section">
            <Row gutter={16}>
              {col(<Form.Item name={['elder', 'selfCare']} label={t('people.fields.selfCare')}>{localSelect('selfCare', ['independent', 'partly', 'unable'])}</Form.Item>)}
            </Row>
            <fieldset className="lm-fieldset">
              <legend>{t('people.fields.emergencyContact')}</legend>
              <Row gutter={12}>
                <Col xs={24} sm={8}>
                  <Form.Item name={['elder', 'emergencyContact', 'name']} label={t('people.fields.emergencyName')}>
                    <Input maxLength={30} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name={['elder', 'emergencyContact', 'phone']} label={t('people.fields.emergencyPhone')} rules={[phoneRule]}>
                    <Input inputMode="tel" maxLength={20} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item name={['elder', 'emergencyContact', 'relation']} label={t('people.fields.emergencyRelation')}>
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
              </Row>
            </fieldset>
            <fieldset className="lm-fieldset">
              <legend>{t('people.fields.childrenAway')}</legend>
              <Form.List name={['elder', 'childrenAway']}>
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Row gutter={12} key={field.key} align="bottom">
                        <Col xs={12} sm={6}>
                          <Form.Item name={[field.name, 'name']} label={t('people.fields.childAwayName')}>
                            <Input maxLength={30} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} sm={6}>
                          <Form.Item name={[field.name, 'phone']} label={t('people.fields.childAwayPhone')} rules={[phoneRule]}>
                            <Input inputMode="tel" maxLength={20} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} sm={5}>
                          <Form.Item name={[field.name, 'place']} label={t('people.fields.childAwayPlace')}>
                            <Input maxLength={40} />
                          </Form.Item>
                        </Col>
                        <Col xs={9} sm={5}>
                          <Form.Item name={[field.name, 'contactFrequency']} label={t('people.fields.contactFrequency')}>
                            {localSelect('contactFrequency', FREQUENCIES)}
                          </Form.Item>
                        </Col>
                        <Col xs={3} sm={2}>
                          <Form.Item>
                            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('people.form.remove')} onClick={() => remove(field.name)} />
                          </Form.Item>
                        </Col>
                      </Row>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                      {t('people.form.addChildAway')}
                    </Button>
                  </>
                )}
              </Form.List>
            </fieldset>
          </Card>
        )}

        <Card title={t('people.form.sections.consent')} size="small" className="lm-form-section">
          <Row gutter={16}>
            {col(
              <Form.Item name={['consent', 'given']} label={t('people.fields.consentGiven')} valuePropName="checked">
                <Switch />
              </Form.Item>,
            )}
            {consentGiven !== undefined && (
              <>
                {col(
                  <Form.Item name={['consent', 'by']} label={t('people.fields.consentBy')} rules={[{ required: true, message: t('people.form.select') }]}>
                    <Radio.Group
                      options={(['self', 'guardian'] as const).map((value) => ({ value, label: t(`people.codes.consentBy.${value}`) }))}
                    />
                  </Form.Item>,
                )}
                {col(
                  <Form.Item name={['consent', 'on']} label={t('people.fields.consentOn')} rules={[{ required: true, message: t('people.form.select') }]}>
                    <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(today(), 'day')} />
                  </Form.Item>,
                )}
                {consentBy === 'guardian' &&
                  col(
                    <Form.Item name={['consent', 'guardianName']} label={t('people.fields.consentGuardianName')}>
                      <Input maxLength={30} />
                    </Form.Item>,
                  )}
                {col(
                  <Form.Item name={['consent', 'note']} label={t('people.fields.consentNote')}>
                    <Input maxLength={200} />
                  </Form.Item>,
                )}
              </>
            )}
          </Row>
        </Card>

        <div className="lm-form-footer">
          <Space>
            <Button onClick={() => void navigate(person ? `/people/${person.id}` : '/people')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="person-save">
              {t('people.form.save')}
            </Button>
          </Space>
        </div>
      </Form>
      <MergeDialog rows={conflict?.rows ?? null} saving={update.isPending} onSave={saveMerged} onCancel={() => setConflict(null)} />
    </div>
  );
}

/** "Same household as …": search people on file and take their household. */
function HouseholdPicker({ value, onChange, self }: { value?: string | null; onChange?: (value: string | null) => void; self: string | null }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = usePeopleSearch(q);
  const current = useHousehold(value ?? null);
  const options = (search.data?.items ?? [])
    .filter((p) => p.householdId && p.id !== self)
    .map((p) => ({ value: p.householdId ?? '', label: `${t('people.form.householdOf', { name: p.name })}${p.villageName ? ` · ${p.villageName}` : ''}` }));
  if (value && !options.some((option) => option.value === value)) {
    const names = current.data?.members.map((m) => m.name).slice(0, 3).join('、');
    options.unshift({ value, label: names ? t('people.form.householdOf', { name: names }) : t('people.fields.householdId') });
  }
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      loading={search.isFetching}
      placeholder={t('people.form.householdSearch')}
      notFoundContent={null}
    />
  );
}

export function PersonFormMissing() {
  const { t } = useTranslation();
  return <Result status="404" title={t('people.person.notFound')} />;
}

export function FormHint({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
