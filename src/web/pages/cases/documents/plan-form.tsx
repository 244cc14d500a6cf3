import { Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES } from '../../../../shared/codes';
import { useLanguage } from '../../../app/language';
import { codeOptions } from '../../people/people-labels';
import { DocumentCard, type DocumentFormProps } from './document-card';
import { PlanView } from './document-views';
import { emptyGoal, emptyIntervention, planContent, planValues, type PlanValues } from './document-values';
import { DateField } from '../date-field';

const MAX_GOALS = 10;
const MAX_INTERVENTIONS = 10;

/** 服务计划书: measurable goals, the interventions for each (type, who, how often, by when), the client's agreement. */
export function PlanForm(props: DocumentFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanValues>();
  return (
    <DocumentCard kind="plan" form={form} toValues={planValues} toContent={planContent} renderTheirs={(doc) => <PlanView doc={doc} />} {...props}>
      <Form.List name="goals">
        {(fields, { add, remove }) => (
          <div className="lm-case-goals" data-testid="plan-goals">
            {fields.map((field, index) => (
              <section key={field.key} className="lm-case-goal" data-testid="plan-goal">
                <div className="lm-case-goal__head">
                  <span>{t('cases.plan.goalN', { n: index + 1 })}</span>
                  {fields.length > 1 && (
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      {t('cases.plan.removeGoal')}
                    </Button>
                  )}
                </div>
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} label={t('cases.plan.description')}>
                  <Input.TextArea rows={2} maxLength={500} placeholder={t('cases.plan.descriptionPlaceholder')} />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} md={16}>
                    <Form.Item name={[field.name, 'measure']} label={t('cases.plan.measure')}>
                      <Input maxLength={500} placeholder={t('cases.plan.measurePlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'targetDate']} label={t('cases.plan.targetDate')}>
                      <DateField />
                    </Form.Item>
                  </Col>
                </Row>
                <Interventions goalField={field.name} />
              </section>
            ))}
            {fields.length < MAX_GOALS && (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyGoal())} data-testid="add-goal">
                {t('cases.plan.addGoal')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <Row gutter={16} className="lm-case-agreement">
        <Col xs={24} md={16}>
          <Form.Item name="clientAgreed" valuePropName="checked" label={t('cases.plan.agreement')}>
            <Checkbox>{t('cases.plan.clientAgreed')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="agreedOn" label={t('cases.plan.agreedOn')}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
    </DocumentCard>
  );
}

function Interventions({ goalField }: { goalField: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="lm-case-interventions">
      <div className="lm-case-interventions__title">{t('cases.plan.interventions')}</div>
      <Form.List name={[goalField, 'interventions']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <div key={field.key} className="lm-case-intervention" data-testid="plan-intervention">
                <Form.Item name={[field.name, 'serviceType']} label={index === 0 ? t('cases.plan.serviceType') : undefined} className="lm-case-intervention__type">
                  <Select
                    options={codeOptions(SERVICE_TYPES, language)}
                    placeholder={t('cases.plan.serviceType')}
                    aria-label={t('cases.plan.serviceType')}
                    allowClear
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'who']} label={index === 0 ? t('cases.plan.who') : undefined} className="lm-case-intervention__who">
                  <Input maxLength={100} placeholder={t('cases.plan.whoPlaceholder')} aria-label={t('cases.plan.who')} />
                </Form.Item>
                <Form.Item name={[field.name, 'frequency']} label={index === 0 ? t('cases.plan.frequency') : undefined} className="lm-case-intervention__frequency">
                  <Input maxLength={100} placeholder={t('cases.plan.frequencyPlaceholder')} aria-label={t('cases.plan.frequency')} />
                </Form.Item>
                <Form.Item name={[field.name, 'byDate']} label={index === 0 ? t('cases.plan.byDate') : undefined} className="lm-case-intervention__by">
                  <DateField placeholder={t('cases.plan.byDate')} aria-label={t('cases.plan.byDate')} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('cases.plan.removeIntervention')}
                  className="lm-case-intervention__remove"
                />
              </div>
            ))}
            {fields.length < MAX_INTERVENTIONS && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => add(emptyIntervention())} data-testid="add-intervention">
                {t('cases.plan.addIntervention')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </div>
  );
}
