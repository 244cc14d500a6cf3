import { Button, Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NEED_TYPES } from '../../../../shared/codes';
import { useLanguage } from '../../../app/language';
import { codeOptions, RiskTag } from '../../people/people-labels';
import type { RiskLevel } from '../case-types';
import { DocumentCard, type DocumentFormProps } from './document-card';
import { AssessmentView } from './document-views';
import { assessmentContent, assessmentValues, type AssessmentValues } from './document-values';
import { DateField } from '../date-field';

const RISK_CODES: readonly RiskLevel[] = ['high', 'medium', 'low'];

/** 需求评估表: problems, needs, strengths, risks and their level, family and social support. */
export function AssessmentForm(props: DocumentFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<AssessmentValues>();
  return (
    <DocumentCard
      kind="assessment"
      form={form}
      toValues={assessmentValues}
      toContent={assessmentContent}
      renderTheirs={(doc) => <AssessmentView doc={doc} />}
      {...props}
    >
      <Form.Item label={t('cases.assessment.problems')} required={false} className="lm-case-list-field">
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <div className="lm-case-rows" data-testid="problems">
              {fields.map((field, index) => (
                <div key={field.key} className="lm-case-row">
                  <span className="lm-case-row__index">{index + 1}.</span>
                  <Form.Item name={field.name} noStyle>
                    <Input maxLength={500} placeholder={t('cases.assessment.problemPlaceholder')} aria-label={t('cases.assessment.problemN', { n: index + 1 })} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('cases.assessment.removeProblem')}
                    disabled={fields.length === 1}
                  />
                </div>
              ))}
              {fields.length < 20 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} data-testid="add-problem">
                  {t('cases.assessment.addProblem')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="needs" label={t('cases.assessment.needs')}>
        <Checkbox.Group options={codeOptions(NEED_TYPES, language)} className="lm-case-needs" />
      </Form.Item>
      <Form.Item name="strengths" label={t('cases.assessment.strengths')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="risks" label={t('cases.assessment.risks')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="riskLevel" label={t('cases.assessment.riskLevel')} extra={t('cases.assessment.riskLevelHint')}>
        <Radio.Group className="lm-risk-radio">
          {RISK_CODES.map((level) => (
            <Radio key={level} value={level}>
              <RiskTag level={level} />
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="familySupport" label={t('cases.assessment.familySupport')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="socialSupport" label={t('cases.assessment.socialSupport')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="assessedOn" label={t('cases.assessment.assessedOn')}>
        <DateField style={{ width: '100%', maxWidth: 260 }} />
      </Form.Item>
    </DocumentCard>
  );
}
