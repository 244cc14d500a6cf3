import { CASE_REVIEW_DAYS, CASE_STAGE_ORDER, EARLY_CLOSURE_REASONS, type CaseDocumentKind, type CaseStage, type RiskLevel } from '../../../shared/codes';
import type { FieldMessageKey } from '../../../shared/errors';
import type { AssessmentDocument, CaseDocuments, ClosureDocument, EvaluationDocument, IntakeDocument, PlanDocument } from '../../../shared/schemas/cases';

/** A field a document still lacks, with the message key that says why. */
export interface Problem {
  path: string;
  key: FieldMessageKey;
}

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

function required<T extends object>(doc: T | null, fields: (keyof T & string)[], prefix = ''): Problem[] {
  return fields.filter((field) => blank(doc?.[field])).map((field) => ({ path: `${prefix}${field}`, key: 'case.required' }));
}

function intakeProblems(doc: IntakeDocument | null): Problem[] {
  const problems = required(doc, ['source', 'presentingProblem', 'basicSituation']);
  if (doc?.consent !== true) problems.push({ path: 'consent', key: 'case.consentMissing' });
  problems.push(...required(doc, ['consentBy', 'intakeOn']));
  return problems;
}

function assessmentProblems(doc: AssessmentDocument | null): Problem[] {
  return required(doc, ['problems', 'needs', 'strengths', 'risks', 'riskLevel', 'familySupport', 'socialSupport', 'assessedOn']);
}

function planProblems(doc: PlanDocument | null): Problem[] {
  const problems: Problem[] = [];
  const goals = doc?.goals ?? [];
  if (goals.length === 0) problems.push({ path: 'goals', key: 'case.required' });
  goals.forEach((goal, index) => {
    const interventions = goal.interventions ?? [];
    const incomplete =
      blank(goal.description) ||
      blank(goal.measure) ||
      blank(goal.targetDate) ||
      interventions.length === 0 ||
      interventions.some((i) => blank(i.serviceType) || blank(i.who) || blank(i.frequency) || blank(i.byDate));
    if (incomplete) problems.push({ path: `goals.${index}`, key: 'case.goalIncomplete' });
  });
  if (doc?.clientAgreed !== true) problems.push({ path: 'clientAgreed', key: 'case.agreementMissing' });
  problems.push(...required(doc, ['agreedOn']));
  return problems;
}

function evaluationProblems(doc: EvaluationDocument | null, plan: PlanDocument | null): Problem[] {
  const problems: Problem[] = [];
  const results = new Map((doc?.goals ?? []).map((g) => [g.goalId, g.result]));
  (plan?.goals ?? []).forEach((goal, index) => {
    if (!results.get(goal.id)) problems.push({ path: `goals.${index}`, key: 'case.goalNotEvaluated' });
  });
  problems.push(...required(doc, ['clientView', 'workerView', 'evaluatedOn']));
  return problems;
}

function closureProblems(doc: ClosureDocument | null): Problem[] {
  return required(doc, ['reason', 'summary', 'followUpPlan', 'closedOn']);
}

/** What a document still lacks before the transition that needs it. The evaluation is judged against the plan's goals. */
export function documentProblems(kind: CaseDocumentKind, documents: CaseDocuments): Problem[] {
  switch (kind) {
    case 'intake':
      return intakeProblems(documents.intake);
    case 'assessment':
      return assessmentProblems(documents.assessment);
    case 'plan':
      return planProblems(documents.plan);
    case 'evaluation':
      return evaluationProblems(documents.evaluation, documents.plan);
    case 'closure':
      return closureProblems(documents.closure);
  }
}

/** The stage from which each document can be written (the closure report: at any time, a case may end early). */
export const DOCUMENT_STAGE: Record<CaseDocumentKind, CaseStage> = {
  intake: 'intake',
  assessment: 'assessment',
  plan: 'planning',
  evaluation: 'evaluation',
  closure: 'intake',
};

export function stageIndex(stage: CaseStage): number {
  return CASE_STAGE_ORDER.indexOf(stage);
}

export function documentWritable(kind: CaseDocumentKind, stage: CaseStage): boolean {
  return stage !== 'closed' && stageIndex(stage) >= stageIndex(DOCUMENT_STAGE[kind]);
}

/** The document that must be complete to leave a stage (the intervention's evidence is its service records). */
const LEAVING: Partial<Record<CaseStage, CaseDocumentKind>> = { intake: 'intake', assessment: 'assessment', planning: 'plan' };

export type TransitionCheck = { ok: true } | { ok: false; code: 'STAGE_ORDER'; problems?: Problem[] } | { ok: false; code: 'DOCUMENT_INCOMPLETE'; problems: Problem[] };

/**
 * Whether a case may move from `from` to `to`. Forward one stage at a time, each leaving stage's
 * document complete; from the evaluation back to planning or intervention (the goals were not
 * met: re-plan or serve more); to `closed` from the evaluation with the evaluation and closure
 * report complete, or from any earlier stage when the closure reason is an early one
 * (moved, declined, referred, died). Who may close is the caller's business (the manager approves).
 */
export function checkTransition(from: CaseStage, to: CaseStage, documents: CaseDocuments, caseServices: number): TransitionCheck {
  if (from === 'closed' || to === from) return { ok: false, code: 'STAGE_ORDER' };
  if (to === 'closed') {
    const problems = closureProblems(documents.closure).map((p) => ({ ...p, path: `closure.${p.path}` }));
    const reason = documents.closure?.reason;
    if (from === 'evaluation') {
      problems.unshift(...evaluationProblems(documents.evaluation, documents.plan).map((p) => ({ ...p, path: `evaluation.${p.path}` })));
    } else if (reason && !EARLY_CLOSURE_REASONS.includes(reason)) {
      return { ok: false, code: 'STAGE_ORDER', problems: [{ path: 'closure.reason', key: 'case.earlyClosureReason' }] };
    }
    return problems.length > 0 ? { ok: false, code: 'DOCUMENT_INCOMPLETE', problems } : { ok: true };
  }
  if (from === 'evaluation' && (to === 'planning' || to === 'intervention')) return { ok: true };
  if (stageIndex(to) !== stageIndex(from) + 1) return { ok: false, code: 'STAGE_ORDER' };
  if (from === 'intervention') {
    return caseServices > 0 ? { ok: true } : { ok: false, code: 'DOCUMENT_INCOMPLETE', problems: [{ path: 'services', key: 'case.noServices' }] };
  }
  const leaving = LEAVING[from];
  const problems = leaving ? documentProblems(leaving, documents).map((p) => ({ ...p, path: `${leaving}.${p.path}` })) : [];
  return problems.length > 0 ? { ok: false, code: 'DOCUMENT_INCOMPLETE', problems } : { ok: true };
}

/** Days until the next dynamic review (动态化): sooner the higher the risk. */
export function reviewIntervalDays(riskLevel: RiskLevel | null | undefined): number {
  return CASE_REVIEW_DAYS[riskLevel ?? 'none'];
}

/** Adds days to a calendar day (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
