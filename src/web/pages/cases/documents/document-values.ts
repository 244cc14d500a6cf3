/**
 * The case documents as antd forms hold them (days as dayjs values, lists never null) and back
 * as the API's content (days as YYYY-MM-DD, blanks as null). Pure functions, unit-tested.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type {
  AssessmentDocument,
  CaseSource,
  ClosureDocument,
  ClosureReason,
  EvaluationDocument,
  GoalResult,
  IntakeDocument,
  NeedTypeCode,
  PlanDocument,
  RiskLevel,
  ServiceTypeCode,
} from '../case-types';

export function toDay(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value) : null;
}

export function fromDay(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** Trimmed text, or null when blank. */
export function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/* 接案登记表 */
export interface IntakeValues {
  source: CaseSource | null;
  presentingProblem: string;
  basicSituation: string;
  consent: boolean | null;
  consentBy: 'self' | 'guardian' | null;
  intakeOn: Dayjs | null;
}

export function intakeValues(doc: IntakeDocument | null): IntakeValues {
  return {
    source: doc?.source ?? null,
    presentingProblem: doc?.presentingProblem ?? '',
    basicSituation: doc?.basicSituation ?? '',
    consent: doc?.consent ?? null,
    consentBy: doc?.consentBy ?? null,
    intakeOn: toDay(doc?.intakeOn),
  };
}

export function intakeContent(values: IntakeValues): IntakeDocument {
  return {
    source: values.source ?? null,
    presentingProblem: text(values.presentingProblem),
    basicSituation: text(values.basicSituation),
    consent: values.consent ?? null,
    consentBy: values.consentBy ?? null,
    intakeOn: fromDay(values.intakeOn),
  };
}

/* 需求评估表 */
export interface AssessmentValues {
  problems: string[];
  needs: NeedTypeCode[];
  strengths: string;
  risks: string;
  riskLevel: RiskLevel | null;
  familySupport: string;
  socialSupport: string;
  assessedOn: Dayjs | null;
}

export function assessmentValues(doc: AssessmentDocument | null): AssessmentValues {
  const problems = doc?.problems ?? [];
  return {
    // An empty form starts with one blank line to write the first problem on.
    problems: problems.length > 0 ? [...problems] : [''],
    needs: [...(doc?.needs ?? [])],
    strengths: doc?.strengths ?? '',
    risks: doc?.risks ?? '',
    riskLevel: doc?.riskLevel ?? null,
    familySupport: doc?.familySupport ?? '',
    socialSupport: doc?.socialSupport ?? '',
    assessedOn: toDay(doc?.assessedOn),
  };
}

export function assessmentContent(values: AssessmentValues): AssessmentDocument {
  const problems = (values.problems ?? []).map((problem) => text(problem)).filter((problem): problem is string => problem !== null);
  return {
    problems,
    needs: values.needs ?? [],
    strengths: text(values.strengths),
    risks: text(values.risks),
    riskLevel: values.riskLevel ?? null,
    familySupport: text(values.familySupport),
    socialSupport: text(values.socialSupport),
    assessedOn: fromDay(values.assessedOn),
  };
}

/* 服务计划书 */
export interface InterventionValues {
  serviceType: ServiceTypeCode | null;
  who: string;
  frequency: string;
  byDate: Dayjs | null;
}

export interface GoalValues {
  id: string;
  description: string;
  measure: string;
  targetDate: Dayjs | null;
  interventions: InterventionValues[];
}

export interface PlanValues {
  goals: GoalValues[];
  clientAgreed: boolean;
  agreedOn: Dayjs | null;
}

export function newGoalId(): string {
  return `g-${crypto.randomUUID().slice(0, 8)}`;
}

export function emptyIntervention(): InterventionValues {
  return { serviceType: null, who: '', frequency: '', byDate: null };
}

export function emptyGoal(): GoalValues {
  return { id: newGoalId(), description: '', measure: '', targetDate: null, interventions: [emptyIntervention()] };
}

export function planValues(doc: PlanDocument | null): PlanValues {
  const goals = doc?.goals ?? [];
  return {
    goals:
      goals.length > 0
        ? goals.map((goal) => ({
            id: goal.id,
            description: goal.description ?? '',
            measure: goal.measure ?? '',
            targetDate: toDay(goal.targetDate),
            interventions: (goal.interventions ?? []).map((item) => ({
              serviceType: item.serviceType ?? null,
              who: item.who ?? '',
              frequency: item.frequency ?? '',
              byDate: toDay(item.byDate),
            })),
          }))
        : [emptyGoal()],
    clientAgreed: doc?.clientAgreed ?? false,
    agreedOn: toDay(doc?.agreedOn),
  };
}

function isBlankIntervention(item: InterventionValues): boolean {
  return !item.serviceType && !text(item.who) && !text(item.frequency) && !item.byDate;
}

function isBlankGoal(goal: GoalValues): boolean {
  return !text(goal.description) && !text(goal.measure) && !goal.targetDate && (goal.interventions ?? []).every(isBlankIntervention);
}

export function planContent(values: PlanValues): PlanDocument {
  return {
    // Rows left wholly blank are not goals the worker wrote: they are dropped, not sent as gaps.
    goals: (values.goals ?? []).filter((goal) => !isBlankGoal(goal)).map((goal) => ({
      id: goal.id,
      description: text(goal.description),
      measure: text(goal.measure),
      targetDate: fromDay(goal.targetDate),
      interventions: (goal.interventions ?? []).filter((item) => !isBlankIntervention(item)).map((item) => ({
        serviceType: item.serviceType ?? null,
        who: text(item.who),
        frequency: text(item.frequency),
        byDate: fromDay(item.byDate),
      })),
    })),
    clientAgreed: values.clientAgreed ?? false,
    agreedOn: fromDay(values.agreedOn),
  };
}

/* 评估表: results are kept by goal id, so a revised plan lines them up with its goals again. */
export interface EvaluationValues {
  results: Record<string, { result: GoalResult | null; note: string }>;
  clientView: string;
  workerView: string;
  evaluatedOn: Dayjs | null;
}

export function evaluationValues(doc: EvaluationDocument | null): EvaluationValues {
  const results: EvaluationValues['results'] = {};
  for (const goal of doc?.goals ?? []) results[goal.goalId] = { result: goal.result ?? null, note: goal.note ?? '' };
  return { results, clientView: doc?.clientView ?? '', workerView: doc?.workerView ?? '', evaluatedOn: toDay(doc?.evaluatedOn) };
}

/** The evaluation of the plan's goals, in the plan's order. */
export function evaluationContent(values: EvaluationValues, goalIds: readonly string[]): EvaluationDocument {
  return {
    goals: goalIds.map((goalId) => {
      const entry = values.results?.[goalId];
      return { goalId, result: entry?.result ?? null, note: text(entry?.note) };
    }),
    clientView: text(values.clientView),
    workerView: text(values.workerView),
    evaluatedOn: fromDay(values.evaluatedOn),
  };
}

/* 结案报告 */
export interface ClosureValues {
  reason: ClosureReason | null;
  summary: string;
  followUpPlan: string;
  closedOn: Dayjs | null;
}

export function closureValues(doc: ClosureDocument | null): ClosureValues {
  return { reason: doc?.reason ?? null, summary: doc?.summary ?? '', followUpPlan: doc?.followUpPlan ?? '', closedOn: toDay(doc?.closedOn) };
}

export function closureContent(values: ClosureValues): ClosureDocument {
  return { reason: values.reason ?? null, summary: text(values.summary), followUpPlan: text(values.followUpPlan), closedOn: fromDay(values.closedOn) };
}

/**
 * The form field a path of the server's (`goals.0.targetDate`, `content.problems`) points at;
 * evaluation results live under `results.<goalId>` in the form.
 */
export function fieldOfPath(path: string, evaluationGoalIds?: readonly string[]): Array<string | number> {
  const segments = path.split('.').filter(Boolean);
  if (segments[0] === 'content') segments.shift();
  const name: Array<string | number> = segments.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  if (name[0] === 'goals' && typeof name[1] === 'number') {
    if (evaluationGoalIds) {
      const goalId = evaluationGoalIds[name[1]];
      const rest = name.slice(2).filter((part) => part !== 'goalId');
      if (goalId !== undefined) return ['results', goalId, ...(rest.length > 0 ? rest : ['result'])];
    }
    // A whole goal is named when any of its parts is missing: its description is where to start.
    if (name.length === 2) return [...name, 'description'];
  }
  return name;
}
