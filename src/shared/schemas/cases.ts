import { z } from 'zod';
import { CASE_SOURCES, CASE_STAGES, CLOSURE_REASONS, GOAL_RESULTS, NEED_TYPES, RISK_LEVELS, SERVICE_TYPES } from '../codes';
import { zDate, zId, zPageQuery, zVersion, codeKeys } from './common';
import { zPersonRef } from './services';

const text = (max: number) => z.string().trim().max(max);

export const zCaseStage = z.enum(codeKeys(CASE_STAGES)).describe('intake | assessment | planning | intervention | evaluation | closed');
export const zCaseSource = z.enum(codeKeys(CASE_SOURCES));
export const zClosureReason = z.enum(codeKeys(CLOSURE_REASONS));
export const zGoalResult = z.enum(codeKeys(GOAL_RESULTS));
export const zCaseDocumentKind = z.enum(['intake', 'assessment', 'plan', 'evaluation', 'closure']);

/*
 * The documents of each stage (DOMAIN.md). Saved as drafts: every field may be missing while
 * the worker writes; a transition checks that the document it needs is complete and names what
 * is missing (cases.rules.ts).
 */

/** 接案登记表 */
export const zIntakeDocument = z.strictObject({
  source: zCaseSource.nullish(),
  presentingProblem: text(2000).nullish().describe('The problem as the person or the referrer put it'),
  basicSituation: text(4000).nullish().describe('Family, health, income and living situation'),
  consent: z.boolean().nullish().describe('Informed consent to casework'),
  consentBy: z.enum(['self', 'guardian']).nullish().describe("Who consented; a guardian's for a child under 14"),
  intakeOn: zDate.nullish(),
});

/** 需求评估表 */
export const zAssessmentDocument = z.strictObject({
  problems: z.array(text(500).min(1)).max(20).nullish(),
  needs: z.array(z.enum(codeKeys(NEED_TYPES))).max(17).nullish(),
  strengths: text(2000).nullish().describe('Strengths and resources of the person and family'),
  risks: text(2000).nullish(),
  riskLevel: z.enum(codeKeys(RISK_LEVELS)).nullish(),
  familySupport: text(2000).nullish(),
  socialSupport: text(2000).nullish(),
  assessedOn: zDate.nullish(),
});

export const zIntervention = z.strictObject({
  serviceType: z.enum(codeKeys(SERVICE_TYPES)).nullish(),
  who: text(100).nullish().describe('Who gives it (worker, volunteer, partner)'),
  frequency: text(100).nullish().describe('How often, e.g. 每周一次'),
  byDate: zDate.nullish(),
});

export const zGoal = z.strictObject({
  id: z.string().trim().min(1).max(40).describe('A key of the goal within the plan, kept when the plan is revised'),
  description: text(500).nullish().describe('The goal, stated so it can be measured'),
  measure: text(500).nullish().describe('How achievement is measured'),
  targetDate: zDate.nullish(),
  interventions: z.array(zIntervention).max(10).nullish(),
});

/** 服务计划书 */
export const zPlanDocument = z.strictObject({
  goals: z.array(zGoal).max(10).nullish(),
  clientAgreed: z.boolean().nullish().describe("The person's (or guardian's) agreement to the plan"),
  agreedOn: zDate.nullish(),
});

/** 评估表 */
export const zEvaluationDocument = z.strictObject({
  goals: z.array(z.strictObject({ goalId: z.string().min(1).max(40), result: zGoalResult.nullish(), note: text(1000).nullish() })).max(10).nullish(),
  clientView: text(2000).nullish(),
  workerView: text(2000).nullish(),
  evaluatedOn: zDate.nullish(),
});

/** 结案报告 */
export const zClosureDocument = z.strictObject({
  reason: zClosureReason.nullish(),
  summary: text(4000).nullish(),
  followUpPlan: text(2000).nullish(),
  closedOn: zDate.nullish(),
});

export const CASE_DOCUMENT_SCHEMAS = {
  intake: zIntakeDocument,
  assessment: zAssessmentDocument,
  plan: zPlanDocument,
  evaluation: zEvaluationDocument,
  closure: zClosureDocument,
} as const;

export type IntakeDocument = z.infer<typeof zIntakeDocument>;
export type AssessmentDocument = z.infer<typeof zAssessmentDocument>;
export type PlanDocument = z.infer<typeof zPlanDocument>;
export type EvaluationDocument = z.infer<typeof zEvaluationDocument>;
export type ClosureDocument = z.infer<typeof zClosureDocument>;
export interface CaseDocuments {
  intake: IntakeDocument | null;
  assessment: AssessmentDocument | null;
  plan: PlanDocument | null;
  evaluation: EvaluationDocument | null;
  closure: ClosureDocument | null;
}

export const zCreateCaseRequest = z.strictObject({
  id: zId.optional().describe('A UUID made by the client; sending it again returns the existing case'),
  personId: zId,
  source: zCaseSource,
  presentingProblem: z.string().trim().min(1).max(2000),
  householdId: zId.nullish().describe("A household case: the person's household"),
  workerId: zId.optional().describe('The responsible worker; defaults to the caller'),
});
export type CreateCaseRequest = z.infer<typeof zCreateCaseRequest>;

export const zSaveDocumentRequest = z.strictObject({
  version: zVersion,
  content: z.record(z.string(), z.unknown()).describe('The whole document (see the document schemas); it replaces the saved one'),
});

export const zTransitionRequest = z.strictObject({
  to: zCaseStage,
  version: zVersion,
  note: text(1000).optional().describe('Why (kept in the history)'),
});

export const zCloseRequestRequest = z.strictObject({ version: zVersion, note: text(1000).optional() });
export const zDeclineCloseRequest = z.strictObject({ version: zVersion, reason: z.string().trim().min(1).max(1000) });

export const zTransferRequest = z.strictObject({
  version: zVersion,
  workerId: zId.describe('The worker who takes the case over'),
  reason: z.string().trim().min(1).max(1000),
});

export const zReviewRequest = z.strictObject({
  version: zVersion,
  note: z.string().trim().min(1).max(2000).describe('What the review found (动态评估)'),
  nextReviewOn: zDate.optional().describe('Defaults to the interval of the risk level'),
});

/** 转介表 */
export const zReferralRequest = z.strictObject({
  version: zVersion,
  to: z.string().trim().min(1).max(200).describe('The organisation or person referred to'),
  reason: z.string().trim().min(1).max(2000),
  materialsSent: text(1000).nullish(),
  consent: z.boolean().describe("The person's consent to the referral"),
  referredOn: zDate,
});
export const zReferralOutcomeRequest = z.strictObject({
  version: zVersion,
  outcome: z.string().trim().min(1).max(2000),
  outcomeOn: zDate,
});

export const zReferral = z.object({
  id: zId,
  to: z.string(),
  reason: z.string(),
  materialsSent: z.string().nullable(),
  consent: z.boolean(),
  referredOn: z.string(),
  outcome: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  by: zId,
});
export type Referral = z.infer<typeof zReferral>;

export const zCaseEvent = z.object({
  id: zId,
  at: z.string(),
  kind: z.enum(['opened', 'transition', 'document_saved', 'close_requested', 'close_declined', 'closed', 'transferred', 'referred', 'referral_outcome', 'reviewed']),
  by: zPersonRef,
  fromStage: zCaseStage.nullable(),
  toStage: zCaseStage.nullable(),
  note: z.string().nullable(),
  document: zCaseDocumentKind.nullable(),
});
export type CaseEvent = z.infer<typeof zCaseEvent>;

export const zGoalProgress = z.object({
  goalId: z.string(),
  description: z.string().nullable(),
  targetDate: z.string().nullable(),
  serviceCount: z.number().int().describe('Service records linked to this goal'),
  lastServiceAt: z.string().nullable(),
  result: zGoalResult.nullable().describe('From the evaluation, once made'),
  overdue: z.boolean().describe('Past its target date without a result'),
});

export const zMissingField = z.object({ path: z.string(), message: z.string() });

export const zCaseSummary = z.object({
  id: zId,
  stationId: zId,
  personId: zId,
  personName: z.string(),
  villageName: z.string().nullable(),
  stage: zCaseStage,
  source: zCaseSource,
  presentingProblem: z.string(),
  worker: zPersonRef,
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  lastContactAt: z.string().nullable(),
  closeRequested: z.boolean(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof zCaseSummary>;

export const zCase = zCaseSummary.extend({
  householdId: zId.nullable(),
  closureReason: zClosureReason.nullable(),
  closeRequest: z.object({ by: zPersonRef, at: z.string(), note: z.string().nullable() }).nullable(),
  approvedBy: zPersonRef.nullable(),
  documents: z.object({
    intake: zIntakeDocument.nullable(),
    assessment: zAssessmentDocument.nullable(),
    plan: zPlanDocument.nullable(),
    evaluation: zEvaluationDocument.nullable(),
    closure: zClosureDocument.nullable(),
  }),
  missing: z.record(zCaseDocumentKind, z.array(zMissingField)).describe('What each document still lacks before its transition'),
  referrals: z.array(zReferral),
  history: z.array(zCaseEvent),
  goalProgress: z.array(zGoalProgress),
  serviceCount: z.number().int(),
});
export type Case = z.infer<typeof zCase>;

export const zListCasesQuery = z.object({
  mine: z.enum(['true', 'false']).optional().describe("true: the caller's own cases"),
  workerId: zId.optional(),
  personId: zId.optional(),
  stage: zCaseStage.optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  reviewDue: z.enum(['true']).optional().describe('Open cases whose review date has passed'),
  closeRequested: z.enum(['true']).optional().describe('Cases waiting for the manager to approve closure'),
  ...zPageQuery,
});
export type ListCasesQuery = z.infer<typeof zListCasesQuery>;
