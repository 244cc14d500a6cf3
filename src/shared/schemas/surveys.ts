import { z } from 'zod';
import { AGE_BANDS, CROSSTAB_DIMENSIONS, GENDERS, GROUPS, NEED_TYPES, QUESTION_TYPES, RESPONSE_SOURCES, SURVEY_MODES, SURVEY_STATUSES } from '../codes';
import { zDate, zId, zPageQuery, codeKeys, zStaffRef } from './common';


export const zGroupCode = z.enum(codeKeys(GROUPS)).describe('A group code (服务对象类别), see src/shared/codes.ts');
export const zNeedType = z.enum(codeKeys(NEED_TYPES)).describe('A need type code (需求类型), see src/shared/codes.ts');
export const zQuestionType = z.enum(codeKeys(QUESTION_TYPES)).describe('single | multi | rank | scale | text | number');
export const zSurveyMode = z.enum(codeKeys(SURVEY_MODES)).describe('questionnaire (调查问卷) | interview (结构化访谈)');
export const zSurveyStatus = z.enum(codeKeys(SURVEY_STATUSES)).describe('draft | open | closed');
export const zResponseSource = z.enum(codeKeys(RESPONSE_SOURCES)).describe('visit | phone | paper | group');
export const zAgeBand = z.enum(codeKeys(AGE_BANDS)).describe('0-5 | 6-11 | 12-17 | 18-39 | 40-59 | 60-69 | 70-79 | 80+');
export const zGender = z.enum(codeKeys(GENDERS)).describe('male | female');
export const zCrosstabDimension = z.enum(codeKeys(CROSSTAB_DIMENSIONS)).describe('village | group | gender | age_band');

// ---------------------------------------------------------------------------------------------
// Definition

const zKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'survey.keyShape')
  .describe('A stable key: a lower-case letter, then up to 39 letters, digits or underscores');

export const zQuestionOption = z.strictObject({
  value: z.string().regex(/^[a-z0-9_]{1,40}$/, 'survey.keyShape').describe('The value stored in answers'),
  label: z.string().trim().min(1).max(200),
  needType: zNeedType.nullish().describe('The need this option expresses; ranked by GET /api/needs/ranking'),
});
export type QuestionOption = z.infer<typeof zQuestionOption>;

/** The value a `showIf` compares with: an option value (single: chosen; multi/rank: among the chosen) or a number. */
export const zShowIf = z.strictObject({
  key: zKey.describe('An earlier question'),
  equals: z.union([z.string().max(40), z.number()]),
});
export type ShowIf = z.infer<typeof zShowIf>;

export const zQuestion = z.strictObject({
  key: zKey,
  type: zQuestionType,
  text: z.string().trim().min(1).max(500).describe('The question as the respondent hears or reads it'),
  prompt: z.string().trim().max(1000).nullish().describe("The interviewer's prompt (interview mode): how to ask, what to probe"),
  help: z.string().trim().max(500).nullish().describe('A note under the question'),
  section: z.string().trim().max(100).nullish().describe('The section heading this question begins or continues'),
  required: z.boolean().optional().describe('Default false'),
  options: z.array(zQuestionOption).max(40).optional().describe('For single, multi and rank: at least two'),
  maxChoices: z.number().int().min(1).max(40).nullish().describe('multi: at most this many; rank: rank at most this many (top N)'),
  scale: z
    .strictObject({
      min: z.number().int().min(0).max(10),
      max: z.number().int().min(1).max(10),
      minLabel: z.string().trim().max(50).nullish(),
      maxLabel: z.string().trim().max(50).nullish(),
    })
    .nullish()
    .describe('scale: the points, default 1–5'),
  range: z
    .strictObject({ min: z.number().nullish(), max: z.number().nullish(), integer: z.boolean().optional(), unit: z.string().trim().max(20).nullish() })
    .nullish()
    .describe('number: bounds, whether whole numbers only, unit'),
  showIf: zShowIf.nullish().describe('Ask only when an earlier answer equals this; hidden questions are never required'),
});
export type Question = z.infer<typeof zQuestion>;

const surveyFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullish().describe('Shown above the first question; the purpose and the consent wording'),
  audience: zGroupCode.describe('The group the survey is for; its responses count for this group in the ranking'),
  mode: zSurveyMode,
  questions: z.array(zQuestion).min(1).max(200),
};

export const zCreateSurveyRequest = z
  .strictObject({
    ...surveyFields,
    mode: zSurveyMode.default('questionnaire'),
    status: zSurveyStatus.exclude(['closed']).default('open').describe('draft or open (default): only an open survey takes responses'),
    templateKey: z.string().max(40).nullish().describe('The template it was made from, if any'),
    stationId: zId.optional().describe('Needed by callers who see several stations'),
  })
  .describe('A survey. Duplicate keys, options or a showIf naming a later or unknown question → 400 naming the question');
export type CreateSurveyRequest = z.input<typeof zCreateSurveyRequest>;

export const zUpdateSurveyRequest = z
  .strictObject({ version: z.number().int().min(1), ...surveyFields, status: zSurveyStatus })
  .partial()
  .required({ version: true })
  .describe('Change a survey. New questions on a survey that has responses make a new version; its old responses keep theirs');
export type UpdateSurveyRequest = z.infer<typeof zUpdateSurveyRequest>;

export const zSurveySummary = z.object({
  id: zId,
  stationId: zId,
  title: z.string(),
  audience: zGroupCode,
  mode: zSurveyMode,
  status: zSurveyStatus,
  currentVersion: z.number().int().describe('The number of the version new responses are filled from'),
  questionCount: z.number().int(),
  responseCount: z.number().int().describe('Responses of every version'),
  lastResponseAt: z.string().nullable(),
  templateKey: z.string().nullable(),
  createdAt: z.string(),
  createdBy: zStaffRef,
  updatedAt: z.string(),
  version: z.number().int().describe('The record version (optimistic concurrency), not the questions version'),
});
export type SurveySummary = z.infer<typeof zSurveySummary>;

export const zSurvey = zSurveySummary.extend({
  description: z.string().nullable(),
  questions: z.array(zQuestion).describe('The questions of the current version'),
  versions: z.array(z.object({ number: z.number().int(), createdAt: z.string(), responseCount: z.number().int(), questionCount: z.number().int() })),
});
export type Survey = z.infer<typeof zSurvey>;

export const zSurveyVersion = z.object({ surveyId: zId, number: z.number().int(), createdAt: z.string(), questions: z.array(zQuestion) });
export type SurveyVersion = z.infer<typeof zSurveyVersion>;

export const zListSurveysQuery = z.object({
  status: zSurveyStatus.optional(),
  audience: zGroupCode.optional(),
  q: z.string().trim().max(100).optional().describe('Part of the title'),
  stationId: zId.optional(),
  ...zPageQuery,
});
export type ListSurveysQuery = z.infer<typeof zListSurveysQuery>;

/** A ready-made survey in the caller's language; POST its fields to /api/surveys to use it. */
export const zSurveyTemplate = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  audience: zGroupCode,
  mode: zSurveyMode,
  questions: z.array(zQuestion),
});
export type SurveyTemplate = z.infer<typeof zSurveyTemplate>;

// ---------------------------------------------------------------------------------------------
// Responses

export const zAnswerValue = z.union([z.string().max(4000), z.number(), z.array(z.string().max(40)).max(40)]);
export type AnswerValue = z.infer<typeof zAnswerValue>;

const responseFields = {
  id: zId.optional().describe('A UUID made by the client; sending it again with the same content returns the existing response'),
  personId: zId.nullish().describe('The respondent in the people files; omit for an anonymous (community) questionnaire'),
  versionNumber: z.number().int().min(1).optional().describe('The version the form was filled from; default the current one'),
  source: zResponseSource.default('visit'),
  collectedAt: z.iso.datetime({ offset: true }).optional().describe('When it was filled in (a paper form: its day); default now; never in the future'),
  villageId: zId.nullish().describe("Anonymous responses: the respondent's village (a linked person's is taken from the file)"),
  gender: zGender.nullish().describe('Anonymous responses: the respondent’s sex'),
  ageBand: zAgeBand.nullish().describe('Anonymous responses: the respondent’s age band'),
  answers: z.record(z.string().max(40), zAnswerValue.nullable()).describe('question key → value (see API.md); null or absent = not answered'),
  note: z.string().trim().max(2000).nullish().describe("The interviewer's note"),
};

export const zCreateResponseRequest = z.strictObject(responseFields).describe('A response. Unknown question, option not offered, a rank repeating a place, a missing required answer → 400 naming the question');
export type CreateResponseRequest = z.input<typeof zCreateResponseRequest>;

export const zBatchResponsesRequest = z
  .strictObject({ responses: z.array(z.strictObject({ surveyId: zId, ...responseFields })).min(1).max(200) })
  .describe("A phone's queue sent when it is back in signal: up to 200 responses, each accepted or refused on its own");
export type BatchResponsesRequest = z.input<typeof zBatchResponsesRequest>;

export const zSurveyResponse = z.object({
  id: zId,
  surveyId: zId,
  stationId: zId,
  versionNumber: z.number().int(),
  person: z.object({ id: zId, name: z.string() }).nullable(),
  villageId: zId.nullable(),
  villageName: z.string().nullable(),
  gender: zGender.nullable(),
  ageBand: zAgeBand.nullable(),
  groups: z.array(zGroupCode).describe("The respondent's groups when answering (a linked person's, with the survey's audience)"),
  source: zResponseSource,
  collectedAt: z.string(),
  collectedBy: zStaffRef,
  answers: z.record(z.string(), zAnswerValue),
  needTypes: z.array(zNeedType).describe('The needs the answers express'),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type SurveyResponse = z.infer<typeof zSurveyResponse>;

export const zBatchResponsesReply = z.object({
  results: z.array(
    z.object({
      id: zId.nullable(),
      status: z.enum(['created', 'existing', 'refused']),
      error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
    }),
  ),
  created: z.number().int(),
  existing: z.number().int(),
  refused: z.number().int(),
});
export type BatchResponsesReply = z.infer<typeof zBatchResponsesReply>;

const zAnalysisFilters = {
  versionNumber: z.coerce.number().int().min(1).optional().describe('Only responses of this version; default every version, questions matched by key'),
  villageId: zId.optional(),
  group: zGroupCode.optional(),
  gender: zGender.optional(),
  ageBand: zAgeBand.optional(),
  from: zDate.optional(),
  to: zDate.optional(),
};

export const zListResponsesQuery = z.object({
  villageId: zId.optional(),
  personId: zId.optional(),
  versionNumber: z.coerce.number().int().min(1).optional(),
  ...zPageQuery,
});
export type ListResponsesQuery = z.infer<typeof zListResponsesQuery>;

export const zExportResponsesQuery = zListResponsesQuery.omit({ limit: true, cursor: true }).describe('The list filters; at most 50,000 responses');
export type ExportResponsesQuery = z.infer<typeof zExportResponsesQuery>;

// ---------------------------------------------------------------------------------------------
// Analysis

export const zResultsQuery = z.object(zAnalysisFilters);
export type ResultsQuery = z.infer<typeof zResultsQuery>;

export const zOptionResult = z.object({
  value: z.string(),
  label: z.string(),
  needType: zNeedType.nullable(),
  count: z.number().int().describe('Respondents who chose it (rank: who ranked it at all)'),
  share: z.number().describe('count / respondents who answered the question, 0–1'),
  meanRank: z.number().nullable().describe('rank: the mean place among those who ranked it (1 = first)'),
  firstPlace: z.number().int().nullable().describe('rank: how many put it first'),
});

export const zQuestionResult = z.object({
  key: z.string(),
  type: zQuestionType,
  text: z.string(),
  section: z.string().nullable(),
  asked: z.number().int().describe('Respondents shown the question (skip logic hides it from the rest)'),
  answered: z.number().int(),
  options: z.array(zOptionResult).optional(),
  distribution: z.array(z.object({ value: z.number(), count: z.number().int() })).optional().describe('scale and number: counts per value'),
  mean: z.number().nullable().optional(),
  median: z.number().nullable().optional(),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  texts: z.array(z.string()).optional().describe('text: the latest answers, at most 50'),
});
export type QuestionResult = z.infer<typeof zQuestionResult>;

export const zSurveyResults = z.object({
  surveyId: zId,
  respondents: z.number().int(),
  questions: z.array(zQuestionResult),
});
export type SurveyResults = z.infer<typeof zSurveyResults>;

export const zCrosstabQuery = z.object({
  question: z.string().max(40).describe('A single, multi, rank or scale question'),
  by: zCrosstabDimension,
  ...zAnalysisFilters,
});
export type CrosstabQuery = z.infer<typeof zCrosstabQuery>;

export const zCrosstab = z.object({
  question: z.object({ key: z.string(), type: zQuestionType, text: z.string() }),
  by: zCrosstabDimension,
  columns: z.array(z.object({ value: z.string(), label: z.string() })).describe("The question's options (scale: its points)"),
  rows: z.array(
    z.object({
      value: z.string().describe('The village id, group code, sex or age band'),
      label: z.string(),
      respondents: z.number().int().describe('Respondents of this row who answered the question'),
      cells: z.array(z.object({ value: z.string(), count: z.number().int(), share: z.number() })),
    }),
  ),
  total: z.object({ respondents: z.number().int(), cells: z.array(z.object({ value: z.string(), count: z.number().int(), share: z.number() })) }),
});
export type Crosstab = z.infer<typeof zCrosstab>;
