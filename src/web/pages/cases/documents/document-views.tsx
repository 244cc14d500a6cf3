import type { ReactNode } from 'react';
import { Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { NEED_TYPES, SERVICE_TYPES } from '../../../../shared/codes';
import { useLanguage } from '../../../app/language';
import { formatDate } from '../../../components/format';
import { codeLabel, RiskTag } from '../../people/people-labels';
import { closureReasonLabel, goalResultLabel, sourceLabel } from '../case-labels';
import type { AssessmentDocument, ClosureDocument, EvaluationDocument, IntakeDocument, PlanDocument } from '../case-types';

/* Read-only views of the documents in the interface language (someone else's version after a conflict). */

function useShow() {
  const { t } = useTranslation();
  return (value: ReactNode): ReactNode => (value === null || value === undefined || value === '' ? <span className="lm-muted">{t('cases.doc.blank')}</span> : value);
}

function useDay() {
  const language = useLanguage();
  return (value: string | null | undefined) => (value ? formatDate(value, language) : null);
}

function Blank() {
  const { t } = useTranslation();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.doc.empty')} />;
}

const descProps = { column: 1, size: 'small', colon: false, className: 'lm-desc' } as const;

export function IntakeView({ doc }: { doc: IntakeDocument | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = useShow();
  const day = useDay();
  if (!doc) return <Blank />;
  const consent = doc.consent === null || doc.consent === undefined ? null : doc.consent ? t('cases.intake.consentYes') : t('cases.intake.consentNo');
  const by = doc.consentBy ? t(doc.consentBy === 'self' ? 'cases.intake.consentBySelf' : 'cases.intake.consentByGuardian') : null;
  return (
    <Descriptions {...descProps}>
      <Descriptions.Item label={t('cases.intake.source')}>{show(sourceLabel(doc.source, language))}</Descriptions.Item>
      <Descriptions.Item label={t('cases.intake.intakeOn')}>{show(day(doc.intakeOn))}</Descriptions.Item>
      <Descriptions.Item label={t('cases.intake.presentingProblem')}>
        <span className="lm-prewrap">{show(doc.presentingProblem)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.intake.basicSituation')}>
        <span className="lm-prewrap">{show(doc.basicSituation)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.intake.consent')}>{show([consent, by].filter(Boolean).join(' · '))}</Descriptions.Item>
    </Descriptions>
  );
}

export function AssessmentView({ doc }: { doc: AssessmentDocument | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = useShow();
  const day = useDay();
  if (!doc) return <Blank />;
  return (
    <Descriptions {...descProps}>
      <Descriptions.Item label={t('cases.assessment.problems')}>
        {doc.problems && doc.problems.length > 0 ? (
          <ol className="lm-case-view-list">
            {doc.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ol>
        ) : (
          show(null)
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.assessment.needs')}>{show((doc.needs ?? []).map((need) => codeLabel(NEED_TYPES, need, language)).join('、'))}</Descriptions.Item>
      <Descriptions.Item label={t('cases.assessment.strengths')}>{show(doc.strengths)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.assessment.risks')}>{show(doc.risks)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.assessment.riskLevel')}>{doc.riskLevel ? <RiskTag level={doc.riskLevel} /> : show(null)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.assessment.familySupport')}>{show(doc.familySupport)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.assessment.socialSupport')}>{show(doc.socialSupport)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.assessment.assessedOn')}>{show(day(doc.assessedOn))}</Descriptions.Item>
    </Descriptions>
  );
}

export function PlanView({ doc }: { doc: PlanDocument | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = useShow();
  const day = useDay();
  if (!doc) return <Blank />;
  const goals = doc.goals ?? [];
  return (
    <div className="lm-case-view">
      {goals.length === 0 && show(null)}
      {goals.map((goal, index) => (
        <div key={goal.id} className="lm-case-view__goal">
          <strong>{t('cases.labelled', { label: t('cases.plan.goalN', { n: index + 1 }), value: goal.description ?? t('cases.doc.blank') })}</strong>
          <div className="lm-muted lm-small">
            {[goal.measure, goal.targetDate ? t('cases.progress.target', { date: day(goal.targetDate) ?? '' }) : null].filter(Boolean).join(' · ')}
          </div>
          <ul className="lm-case-view-list">
            {(goal.interventions ?? []).map((item, i) => (
              <li key={i}>
                {[codeLabel(SERVICE_TYPES, item.serviceType, language), item.who, item.frequency, day(item.byDate)].filter(Boolean).join(' · ')}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div>
        {t('cases.labelled', {
          label: t('cases.plan.agreement'),
          value: doc.clientAgreed ? t('cases.plan.agreedYes', { date: day(doc.agreedOn) ?? '' }) : t('cases.plan.agreedNo'),
        })}
      </div>
    </div>
  );
}

export function EvaluationView({ doc, plan }: { doc: EvaluationDocument | null; plan: PlanDocument | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = useShow();
  const day = useDay();
  if (!doc) return <Blank />;
  const goals = plan?.goals ?? [];
  return (
    <Descriptions {...descProps}>
      {(doc.goals ?? []).map((entry) => {
        const index = goals.findIndex((goal) => goal.id === entry.goalId);
        const goal = goals[index];
        return (
          <Descriptions.Item key={entry.goalId} label={index >= 0 ? t('cases.plan.goalN', { n: index + 1 }) : entry.goalId}>
            {goal?.description ? `${goal.description} — ` : ''}
            {show(goalResultLabel(entry.result, language))}
            {entry.note ? t('cases.doc.inParens', { note: entry.note }) : ''}
          </Descriptions.Item>
        );
      })}
      <Descriptions.Item label={t('cases.evaluation.clientView')}>{show(doc.clientView)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.evaluation.workerView')}>{show(doc.workerView)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.evaluation.evaluatedOn')}>{show(day(doc.evaluatedOn))}</Descriptions.Item>
    </Descriptions>
  );
}

export function ClosureView({ doc }: { doc: ClosureDocument | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = useShow();
  const day = useDay();
  if (!doc) return <Blank />;
  return (
    <Descriptions {...descProps}>
      <Descriptions.Item label={t('cases.closure.reason')}>{show(closureReasonLabel(doc.reason, language))}</Descriptions.Item>
      <Descriptions.Item label={t('cases.closure.summary')}>
        <span className="lm-prewrap">{show(doc.summary)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.closure.followUpPlan')}>{show(doc.followUpPlan)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.closure.closedOn')}>{show(day(doc.closedOn))}</Descriptions.Item>
    </Descriptions>
  );
}
