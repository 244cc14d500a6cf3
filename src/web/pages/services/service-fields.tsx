import type { ReactNode } from 'react';
import { Card, Col, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistSection } from '../../../shared/codes';
import { today } from '../../components/format';
import { ChecklistFields } from './checklist-fields';
import { DurationPicker, FollowUpPicker, KindPicker, ServiceTypePicker, StartPicker, WellbeingPicker } from './service-inputs';
import { wallClockOf, type ServiceFormValues } from './service-form-values';
import type { StaffMember } from './service-types';
import { useStaff } from './services-api';

interface ServiceFieldsProps {
  form: FormInstance<ServiceFormValues>;
  /** The person is an elder: a home visit then shows the checklist. */
  elder: boolean;
  /** Names for ids the staff list may lack (the signed-in user, people on an older record). */
  knownPeople: readonly StaffMember[];
  /** The photos block (create: a queue; a correction leaves photos to the record page). */
  photos?: ReactNode;
  checklistOpen?: ChecklistSection[];
}

function options(list: readonly StaffMember[] | undefined, known: readonly StaffMember[], selected: readonly string[] | undefined) {
  const byId = new Map<string, string>();
  for (const person of list ?? []) byId.set(person.id, person.name);
  // A selected id the list lacks still shows a name, not a UUID.
  for (const id of selected ?? []) if (!byId.has(id)) byId.set(id, known.find((p) => p.id === id)?.name ?? id);
  return [...byId].map(([value, label]) => ({ value, label }));
}

/** The fields of a service record, shared by the new-record page and a record's correction. */
export function ServiceFields({ form, elder, knownPeople, photos, checklistOpen }: ServiceFieldsProps) {
  const { t } = useTranslation();
  const staff = useStaff();
  const kind = Form.useWatch('kind', form);
  const followUpNeeded = Form.useWatch('followUpNeeded', form);
  const workerIds = Form.useWatch('workerIds', form);
  const volunteerIds = Form.useWatch('volunteerIds', form);
  const showChecklist = kind === 'home_visit' && elder;

  return (
    <>
      <Card size="small" className="lm-form-section lm-svc-section">
        <Form.Item name="kind" label={t('services.fields.kind')} rules={[{ required: true, message: t('services.form.kindRequired') }]}>
          <KindPicker />
        </Form.Item>
        <Form.Item
          name="serviceTypes"
          label={t('services.fields.serviceTypes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('services.form.typesRequired') }]}
        >
          <ServiceTypePicker />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="startedAt"
              label={t('services.fields.startedAt')}
              rules={[
                { required: true, message: t('services.form.startedAtRequired') },
                {
                  validator: (_rule, value: unknown) =>
                    // A minute of slack: "now" pressed a moment ago is still now.
                    typeof value === 'string' && value > wallClockOf(new Date(Date.now() + 60_000)) ? Promise.reject(new Error(t('services.form.startedAtFuture'))) : Promise.resolve(),
                },
              ]}
            >
              <StartPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="durationMinutes" label={t('services.fields.durationMinutes')} rules={[{ required: true, message: t('services.form.durationRequired') }]}>
              <DurationPicker />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" className="lm-form-section lm-svc-section">
        <Form.Item name="summary" label={t('services.fields.summary')} rules={[{ required: true, whitespace: true, message: t('services.form.summaryRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={4000} showCount placeholder={t('services.form.summaryPlaceholder')} data-testid="summary" />
        </Form.Item>
        <Form.Item name="wellbeing" label={t('services.fields.wellbeing')} extra={t('services.wellbeingHint')}>
          <WellbeingPicker />
        </Form.Item>
        <label className="lm-svc-switch-row">
          <span>{t('services.fields.followUp')}</span>
          <Form.Item name="followUpNeeded" valuePropName="checked" noStyle>
            <Switch data-testid="follow-up-switch" />
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
        <Form.Item name="goods" label={t('services.fields.goods')}>
          <Input maxLength={200} placeholder={t('services.form.goodsPlaceholder')} />
        </Form.Item>
      </Card>

      {showChecklist && (
        <Card size="small" title={t('services.checklist.title')} className="lm-form-section lm-svc-section">
          <ChecklistFields form={form} defaultOpen={checklistOpen} />
        </Card>
      )}

      {photos && (
        <Card size="small" title={t('services.fields.photos')} className="lm-form-section lm-svc-section">
          {photos}
        </Card>
      )}

      <Card size="small" title={t('services.form.whoServed')} className="lm-form-section lm-svc-section">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="workerIds" label={t('services.fields.workers')}>
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={options(staff.data?.workers, knownPeople, workerIds)}
                loading={staff.isPending}
                placeholder={t('services.form.choose')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="volunteerIds" label={t('services.fields.volunteers')}>
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={options(staff.data?.volunteers, knownPeople, volunteerIds)}
                loading={staff.isPending}
                placeholder={t('services.form.choose')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
    </>
  );
}
