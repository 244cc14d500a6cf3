import { Grid, Steps, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CASE_DOCUMENTS, CASE_SOURCES, CASE_STAGE_ORDER, CASE_STAGES, CLOSURE_REASONS, GOAL_RESULTS } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import type { Language } from '../../i18n';
import { codeLabel } from '../people/people-labels';
import type { CaseDocumentKind, CaseStage, GoalResult, MissingField } from './case-types';

export const stageLabel = (code: string, language: Language) => codeLabel(CASE_STAGES, code, language);
export const documentLabel = (code: string, language: Language) => codeLabel(CASE_DOCUMENTS, code, language);
export const sourceLabel = (code: string | null | undefined, language: Language) => codeLabel(CASE_SOURCES, code, language);
export const closureReasonLabel = (code: string | null | undefined, language: Language) => codeLabel(CLOSURE_REASONS, code, language);
export const goalResultLabel = (code: string | null | undefined, language: Language) => codeLabel(GOAL_RESULTS, code, language);

/** The documents in the order of the stages that open them. */
export const DOCUMENT_ORDER: readonly CaseDocumentKind[] = ['intake', 'assessment', 'plan', 'evaluation', 'closure'];

/** The stage from which a document can be edited (the closure report: any time before closing). */
export const DOCUMENT_OPENS_AT: Record<CaseDocumentKind, CaseStage> = {
  intake: 'intake',
  assessment: 'assessment',
  plan: 'planning',
  evaluation: 'evaluation',
  closure: 'intake',
};

/** The document that must be complete before a case leaves a stage (intervention needs a service record instead). */
export const STAGE_DOCUMENT: Record<CaseStage, CaseDocumentKind | null> = {
  intake: 'intake',
  assessment: 'assessment',
  planning: 'plan',
  intervention: null,
  evaluation: 'evaluation',
  closed: null,
};

export function stageIndex(stage: CaseStage): number {
  return CASE_STAGE_ORDER.indexOf(stage);
}

export function documentOpen(kind: CaseDocumentKind, stage: CaseStage): boolean {
  return stage !== 'closed' && stageIndex(stage) >= stageIndex(DOCUMENT_OPENS_AT[kind]);
}

/** The next stage of the ordinary path; the evaluation's next step is the close request, not a transition. */
export function nextStage(stage: CaseStage): CaseStage | null {
  if (stage === 'evaluation' || stage === 'closed') return null;
  return CASE_STAGE_ORDER[stageIndex(stage) + 1] ?? null;
}

export function missingOf(missing: Partial<Record<CaseDocumentKind, MissingField[]>>, kind: CaseDocumentKind | null): MissingField[] {
  return kind ? (missing[kind] ?? []) : [];
}

/** The label of each document field, to say which one a `missing` path (`basicSituation`, `goals.0`) names. */
const FIELD_LABELS = {
  'intake.source': 'cases.intake.source',
  'intake.presentingProblem': 'cases.intake.presentingProblem',
  'intake.basicSituation': 'cases.intake.basicSituation',
  'intake.consent': 'cases.intake.consent',
  'intake.consentBy': 'cases.intake.consentBy',
  'intake.intakeOn': 'cases.intake.intakeOn',
  'assessment.problems': 'cases.assessment.problems',
  'assessment.needs': 'cases.assessment.needs',
  'assessment.strengths': 'cases.assessment.strengths',
  'assessment.risks': 'cases.assessment.risks',
  'assessment.riskLevel': 'cases.assessment.riskLevel',
  'assessment.familySupport': 'cases.assessment.familySupport',
  'assessment.socialSupport': 'cases.assessment.socialSupport',
  'assessment.assessedOn': 'cases.assessment.assessedOn',
  'plan.goals': 'cases.plan.goals',
  'plan.clientAgreed': 'cases.plan.agreement',
  'plan.agreedOn': 'cases.plan.agreedOn',
  'evaluation.goals': 'cases.plan.goals',
  'evaluation.clientView': 'cases.evaluation.clientView',
  'evaluation.workerView': 'cases.evaluation.workerView',
  'evaluation.evaluatedOn': 'cases.evaluation.evaluatedOn',
  'closure.reason': 'cases.closure.reason',
  'closure.summary': 'cases.closure.summary',
  'closure.followUpPlan': 'cases.closure.followUpPlan',
  'closure.closedOn': 'cases.closure.closedOn',
} as const;

function isFieldLabelKey(key: string): key is keyof typeof FIELD_LABELS {
  return Object.hasOwn(FIELD_LABELS, key);
}

function isDocumentKind(value: string | undefined): value is CaseDocumentKind {
  return DOCUMENT_ORDER.some((kind) => kind === value);
}

/**
 * A missing item as a line to read: `基本情况：此项必须填写。`. The server's messages say what is
 * wrong; the field comes from the path, which is the document's own (`missing`) or starts with
 * the document (`intake.basicSituation` in a DOCUMENT_INCOMPLETE reply).
 */
export function useMissingText() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (item: MissingField, kind?: CaseDocumentKind): string => {
    const segments = item.path.split('.').filter(Boolean);
    let document = kind;
    const first = segments[0];
    if (!document && isDocumentKind(first)) {
      document = first;
      segments.shift();
    }
    if (!document) return item.message;
    const [field = '', index] = segments;
    let label: string | null = null;
    if (field === 'goals' && index !== undefined && /^\d+$/.test(index)) label = t('cases.plan.goalN', { n: Number(index) + 1 });
    else {
      const key = `${document}.${field}`;
      if (isFieldLabelKey(key)) label = t(FIELD_LABELS[key]);
    }
    const place = kind ? label : [documentLabel(document, language), label].filter(Boolean).join(' · ');
    return place ? t('cases.labelled', { label: place, value: item.message }) : item.message;
  };
}

const STAGE_COLOR: Record<CaseStage, string> = {
  intake: 'blue',
  assessment: 'geekblue',
  planning: 'purple',
  intervention: 'cyan',
  evaluation: 'gold',
  closed: 'default',
};

export function StageTag({ stage }: { stage: CaseStage }) {
  const language = useLanguage();
  return (
    <Tag color={STAGE_COLOR[stage]} variant="filled" data-stage={stage} className="lm-stage-tag">
      {stageLabel(stage, language)}
    </Tag>
  );
}

/** 接案 → 预估 → 计划 → 介入 → 评估 → 结案, the current stage highlighted. */
export function CaseSteps({ stage, size = 'medium' }: { stage: CaseStage; size?: 'small' | 'medium' }) {
  const language = useLanguage();
  const screens = Grid.useBreakpoint();
  const current = stageIndex(stage);
  // On a phone six steps do not fit side by side: a strip of short chips that wraps instead.
  if (screens.md === false) {
    return (
      <ol className="lm-case-strip" data-testid="case-steps">
        {CASE_STAGE_ORDER.map((code, index) => {
          const state = index < current || stage === 'closed' ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={code} className={`lm-case-strip__step lm-case-strip__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              {state === 'done' ? <CheckOutlined /> : <span className="lm-case-strip__n">{index + 1}</span>}
              {stageLabel(code, language)}
            </li>
          );
        })}
      </ol>
    );
  }
  return (
    <Steps
      className="lm-case-steps"
      size={size}
      current={current}
      status={stage === 'closed' ? 'finish' : 'process'}
      responsive={false}
      items={CASE_STAGE_ORDER.map((code) => ({ key: code, title: stageLabel(code, language) }))}
      data-testid="case-steps"
    />
  );
}

const RESULT_COLOR: Record<GoalResult, string> = { met: 'green', partly: 'gold', not_met: 'red' };

export function GoalResultTag({ result }: { result: GoalResult | null | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!result) return <Tag variant="outlined">{t('cases.progress.noResult')}</Tag>;
  return (
    <Tag color={RESULT_COLOR[result]} variant="filled">
      {goalResultLabel(result, language)}
    </Tag>
  );
}

/** The next review day, red when overdue. */
export function ReviewDate({ on, overdue }: { on: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!on) return <span className="lm-muted">{t('cases.case.noReview')}</span>;
  return (
    <span className={overdue ? 'lm-case-overdue' : 'lm-nowrap'} data-overdue={overdue || undefined}>
      {formatDate(on, language)}
      {overdue && <Tag color="red" variant="solid" className="lm-case-overdue__tag">{t('cases.overdue')}</Tag>}
    </span>
  );
}
