import { Alert, Col, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { GOAL_RESULTS } from '../../../../shared/codes';
import { useLanguage } from '../../../app/language';
import { formatDate } from '../../../components/format';
import { codeOptions } from '../../people/people-labels';
import { DocumentCard, type DocumentFormProps } from './document-card';
import { EvaluationView } from './document-views';
import { evaluationContent, evaluationValues, type EvaluationValues } from './document-values';
import { DateField } from '../date-field';

/** 评估表: a result for each goal of the plan, the client's view and the worker's. */
export function EvaluationForm(props: DocumentFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<EvaluationValues>();
  const goals = props.caseData.documents.plan?.goals ?? [];
  const goalIds = goals.map((goal) => goal.id);
  const progress = new Map(props.caseData.goalProgress.map((item) => [item.goalId, item]));

  return (
    <DocumentCard
      kind="evaluation"
      form={form}
      toValues={evaluationValues}
      toContent={(values) => evaluationContent(values, goalIds)}
      renderTheirs={(doc) => <EvaluationView doc={doc} plan={props.caseData.documents.plan} />}
      evaluationGoalIds={goalIds}
      {...props}
    >
      {goals.length === 0 && <Alert type="warning" showIcon title={t('cases.evaluation.noGoals')} className="lm-case-doc__note" />}
      {goals.map((goal, index) => {
        const done = progress.get(goal.id);
        return (
          <section key={goal.id} className="lm-case-goal" data-testid="evaluation-goal">
            <div className="lm-case-goal__head">
              <span>{t('cases.plan.goalN', { n: index + 1 })}</span>
            </div>
            <div className="lm-case-goal__text">{goal.description ?? t('cases.evaluation.noDescription')}</div>
            <div className="lm-muted lm-small">
              {[
                goal.measure ? t('cases.evaluation.measure', { measure: goal.measure }) : null,
                goal.targetDate ? t('cases.progress.target', { date: formatDate(goal.targetDate, language) }) : null,
                done ? t('cases.progress.services', { count: done.serviceCount }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            <Form.Item name={['results', goal.id, 'result']} label={t('cases.evaluation.result')} className="lm-case-goal__result">
              <Radio.Group options={codeOptions(GOAL_RESULTS, language)} optionType="button" buttonStyle="solid" />
            </Form.Item>
            <Form.Item name={['results', goal.id, 'note']} label={t('cases.evaluation.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </section>
        );
      })}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="clientView" label={t('cases.evaluation.clientView')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="workerView" label={t('cases.evaluation.workerView')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="evaluatedOn" label={t('cases.evaluation.evaluatedOn')}>
        <DateField style={{ width: '100%', maxWidth: 260 }} />
      </Form.Item>
    </DocumentCard>
  );
}
