import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CASE_SOURCES } from '../../../../shared/codes';
import { useLanguage } from '../../../app/language';
import { codeOptions } from '../../people/people-labels';
import { DocumentCard, type DocumentFormProps } from './document-card';
import { IntakeView } from './document-views';
import { intakeContent, intakeValues, type IntakeValues } from './document-values';
import { DateField } from '../date-field';

/** 接案登记表: how the case came, the problem as told, the situation, consent. */
export function IntakeForm(props: DocumentFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<IntakeValues>();
  return (
    <DocumentCard kind="intake" form={form} toValues={intakeValues} toContent={intakeContent} renderTheirs={(doc) => <IntakeView doc={doc} />} {...props}>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="source" label={t('cases.intake.source')}>
            <Select options={codeOptions(CASE_SOURCES, language)} placeholder={t('cases.doc.choose')} allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="intakeOn" label={t('cases.intake.intakeOn')}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="presentingProblem" label={t('cases.intake.presentingProblem')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="basicSituation" label={t('cases.intake.basicSituation')} extra={t('cases.intake.basicSituationHint')}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="consent" label={t('cases.intake.consent')}>
            <Radio.Group
              options={[
                { value: true, label: t('cases.intake.consentYes') },
                { value: false, label: t('cases.intake.consentNo') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="consentBy" label={t('cases.intake.consentBy')} extra={t('cases.intake.consentByHint')}>
            <Radio.Group
              options={[
                { value: 'self', label: t('cases.intake.consentBySelf') },
                { value: 'guardian', label: t('cases.intake.consentByGuardian') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </DocumentCard>
  );
}
