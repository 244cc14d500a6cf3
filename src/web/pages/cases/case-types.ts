/**
 * The cases API's shapes, from the shared zod schemas (type-only, so zod stays out of the bundle).
 */
import type { z } from 'zod';
import type { zCaseEvent, zGoalProgress, zMissingField, zReferral } from '../../../shared/schemas/cases';
import type { zPersonRef } from '../../../shared/schemas/services';

export type {
  AssessmentDocument,
  Case,
  CaseSummary,
  ClosureDocument,
  CreateCaseRequest,
  EvaluationDocument,
  IntakeDocument,
  PlanDocument,
} from '../../../shared/schemas/cases';
export type { ServiceRecord } from '../../../shared/schemas/services';
export type {
  CaseDocumentKind,
  CaseSource,
  CaseStage,
  ClosureReason,
  GoalResult,
  NeedTypeCode,
  RiskLevel,
  ServiceTypeCode,
} from '../../../shared/codes';

export type CaseEvent = z.infer<typeof zCaseEvent>;
export type GoalProgress = z.infer<typeof zGoalProgress>;
export type MissingField = z.infer<typeof zMissingField>;
export type Referral = z.infer<typeof zReferral>;
export type PersonRef = z.infer<typeof zPersonRef>;

/** GET /api/services/staff: who can be named on a service record or take over a case. */
export interface Staff {
  workers: PersonRef[];
  volunteers: PersonRef[];
}

/** The tabs of the cases list, each a set of list filters. */
export type CaseListTab = 'open' | 'closeRequested' | 'reviewDue' | 'closed';

export interface CaseListFilters {
  tab: CaseListTab;
  mine: boolean;
  personId?: string;
}
