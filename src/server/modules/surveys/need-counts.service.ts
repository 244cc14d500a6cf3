import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { stationScope } from '../../auth/scope';
import { surveyResponses } from '../../db/schema/index';
import { dayStart } from '../../time';
import type { NeedTypeCode } from '../../../shared/codes';

export interface NeedCountsFilter {
  group: string;
  stationId?: string;
  villageId?: string;
  surveyId?: string;
  from?: string;
  to?: string;
}

export interface NeedCounts {
  /** Responses with at least one answer carrying a need type. */
  respondents: number;
  needs: { needType: NeedTypeCode; count: number; firstChoice: number }[];
}

/**
 * How many respondents of a group expressed each need, within the caller's stations: the
 * survey module's answer to the needs ranking (GET /api/needs/ranking builds on it). A response
 * counts for a group when its respondent was in the group when answering (`groups` is copied at
 * intake, with the survey's audience).
 */
export async function needCountsOfResponses(ctx: Ctx, filter: NeedCountsFilter): Promise<NeedCounts> {
  const r = surveyResponses;
  const conditions: SQL[] = [stationScope(ctx, r.stationId), sql`${r.groups} @> array[${filter.group}]::text[]`, sql`cardinality(${r.needTypes}) > 0`];
  if (filter.stationId) conditions.push(eq(r.stationId, filter.stationId));
  if (filter.villageId) conditions.push(eq(r.villageId, filter.villageId));
  if (filter.surveyId) conditions.push(eq(r.surveyId, filter.surveyId));
  if (filter.from) conditions.push(gte(r.collectedAt, dayStart(filter.from)));
  if (filter.to) conditions.push(lt(r.collectedAt, dayStart(filter.to, 1)));
  const where = and(...conditions);
  const [total] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(r).where(where);
  const result = (await ctx.db.execute(sql`
    select n.need_type, count(*)::int as count, count(*) filter (where n.need_type = any(${r.firstNeedTypes}))::int as first_choice
    from ${r} cross join lateral unnest(${r.needTypes}) as n(need_type)
    where ${where}
    group by n.need_type`)) as { rows: { need_type: string; count: number; first_choice: number }[] };
  const list = result.rows;
  return {
    respondents: total?.n ?? 0,
    needs: list.map((row) => ({ needType: row.need_type as NeedTypeCode, count: Number(row.count), firstChoice: Number(row.first_choice) })),
  };
}
