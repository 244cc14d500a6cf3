import { z } from 'zod';
import { NEED_SOURCES, NEED_STATUSES } from '../codes';
import { codeKeys, zDate, zId, zPageQuery, zStaffRef, zVersion } from './common';
import { zGroupCode, zNeedType } from './surveys';

export const zNeedStatus = z.enum(codeKeys(NEED_STATUSES)).describe('identified | being_served | met | unmet');
export const zNeedSource = z.enum(codeKeys(NEED_SOURCES)).describe('survey | visit | assessment | other');

// ---------------------------------------------------------------------------------------------
// Ranking

export const zRankingQuery = z.object({
  group: zGroupCode.describe("Responses of respondents in this group (a survey's audience counts as its respondents' group)"),
  villageId: zId.optional(),
  stationId: zId.optional().describe('Callers who see several stations: one of them; default all in scope'),
  surveyId: zId.optional().describe('Only this survey'),
  from: zDate.optional(),
  to: zDate.optional(),
});
export type RankingQuery = z.infer<typeof zRankingQuery>;

export const zRankingItem = z.object({
  needType: zNeedType,
  label: z.string().describe("The need type in the caller's language"),
  count: z.number().int().describe('Respondents who expressed the need (chose, or ranked, an option carrying it)'),
  share: z.number().describe('count / respondents, 0–1'),
  rank: z.number().int().describe('1 = most needed; needs with equal counts and equal first choices share a rank (1, 2, 2, 4)'),
  firstChoice: z.number().int().describe('Respondents who put it first in a rank question or chose it in a single-choice one'),
});

export const zRanking = z.object({
  group: zGroupCode,
  respondents: z.number().int().describe('Responses with at least one answer that carries a need type'),
  items: z.array(zRankingItem).describe('Most needed first'),
});
export type Ranking = z.infer<typeof zRanking>;

// ---------------------------------------------------------------------------------------------
// Register

export const zNeed = z.object({
  id: zId,
  stationId: zId,
  person: z.object({ id: zId, name: z.string() }),
  villageId: zId,
  villageName: z.string(),
  needType: zNeedType,
  status: zNeedStatus,
  source: zNeedSource,
  sourceId: zId.nullable().describe('The response, service record or case it was identified in'),
  note: z.string().nullable(),
  identifiedAt: z.string(),
  identifiedBy: zStaffRef,
  statusChangedAt: z.string(),
  /** The latest service record of a type that answers this need, since it was identified. */
  answeredBy: z.object({ serviceId: zId, startedAt: z.string(), serviceTypes: z.array(z.string()) }).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof zNeed>;

export const zCreateNeedRequest = z
  .strictObject({
    id: zId.optional().describe('A UUID made by the client (idempotent)'),
    personId: zId,
    needType: zNeedType,
    source: zNeedSource.default('visit'),
    sourceId: zId.nullish(),
    note: z.string().trim().max(2000).nullish(),
  })
  .describe('Register a need. If the person already has this need open, the reply is that need (200), not a second one');
export type CreateNeedRequest = z.input<typeof zCreateNeedRequest>;

export const zUpdateNeedRequest = z
  .strictObject({
    version: zVersion,
    status: zNeedStatus.optional().describe('identified → being_served → met | unmet; met or unmet can be reopened'),
    note: z.string().trim().max(2000).nullish(),
  })
  .describe('Move a need on, or change its note');
export type UpdateNeedRequest = z.infer<typeof zUpdateNeedRequest>;

export const zListNeedsQuery = z.object({
  personId: zId.optional(),
  villageId: zId.optional(),
  needType: zNeedType.optional(),
  status: zNeedStatus.optional(),
  open: z.enum(['true', 'false']).optional().describe('true: identified or being served'),
  unanswered: z.enum(['true']).optional().describe('Open needs no service record has answered since they were identified'),
  stationId: zId.optional(),
  ...zPageQuery,
});
export type ListNeedsQuery = z.infer<typeof zListNeedsQuery>;

export const zNeedsSummaryQuery = z.object({ villageId: zId.optional(), stationId: zId.optional() });
export const zNeedsSummary = z.object({
  items: z.array(
    z.object({
      needType: zNeedType,
      label: z.string(),
      identified: z.number().int(),
      beingServed: z.number().int(),
      met: z.number().int(),
      unmet: z.number().int(),
      unanswered: z.number().int().describe('Open and not answered by any service record since identified'),
    }),
  ),
});
export type NeedsSummary = z.infer<typeof zNeedsSummary>;
