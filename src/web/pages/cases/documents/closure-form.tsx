import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS } from '../../../../shared/codes';
import { useLanguage } from '../../../app/language';
import { codeOptions } from '../../people/people-labels';
import { DocumentCard, type DocumentFormProps } from './document-card';
import { ClosureView } from './document-views';
import { closureContent, closureValues, type ClosureValues } from './document-values';
import { DateField } from '../date-field';

/** 结案报告: why the case closes, a summary of the work, and what follows. */
export function ClosureForm(props: DocumentFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<ClosureValues>();
  return (
    <DocumentCard kind="closure" form={form} toValues={closureValues} toContent={closureContent} renderTheirs={(doc) => <ClosureView doc={doc} />} {...props}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="reason" label={t('cases.closure.reason')} extra={t('cases.closure.reasonHint')}>
            <Select options={codeOptions(CLOSURE_REASONS, language)} placeholder={t('cases.doc.choose')} allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="closedOn" label={t('cases.closure.closedOn')}>
            <DateField />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="summary" label={t('cases.closure.summary')}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="followUpPlan" label={t('cases.closure.followUpPlan')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </DocumentCard>
  );
}
