/**
 * The surveys and needs API's shapes, from the shared zod schemas (type-only, so zod stays out of
 * the bundle).
 */
import type { z } from 'zod';
import type { zOptionResult } from '../../../shared/schemas/surveys';
import type { zStaffRef } from '../../../shared/schemas/common';

export type {
  AnswerValue,
  CreateResponseRequest,
  CreateSurveyRequest,
  Crosstab,
  Question,
  QuestionOption,
  QuestionResult,
  ShowIf,
  Survey,
  SurveyResponse,
  SurveyResults,
  SurveySummary,
  SurveyTemplate,
  SurveyVersion,
  UpdateSurveyRequest,
} from '../../../shared/schemas/surveys';
export type { Ranking } from '../../../shared/schemas/needs';
export type {
  AgeBand,
  CrosstabDimension,
  GenderCode,
  GroupCode,
  NeedTypeCode,
  QuestionType,
  ResponseSource,
  SurveyMode,
  SurveyStatus,
} from '../../../shared/codes';

export type OptionResult = z.infer<typeof zOptionResult>;
export type StaffRef = z.infer<typeof zStaffRef>;

/** The list's filters, as its address and the API take them. */
export interface SurveyFilters {
  status?: string;
  audience?: string;
  q?: string;
}

/** The analysis filters of the results and cross-tab tabs, as the address and the API take them. */
export interface AnalysisFilters {
  villageId?: string;
  group?: string;
  gender?: string;
  ageBand?: string;
  from?: string;
  to?: string;
  versionNumber?: string;
}

export const ANALYSIS_FILTER_KEYS = ['villageId', 'group', 'gender', 'ageBand', 'from', 'to', 'versionNumber'] as const satisfies ReadonlyArray<keyof AnalysisFilters>;

/** The answers of a form being filled in: question key → value, null when cleared. */
export type Answers = Record<string, string | number | string[] | null>;
