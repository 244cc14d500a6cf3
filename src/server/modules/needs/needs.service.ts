import { and, desc, eq, inArray, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { recordAudit, recordAudits, type AuditAppend } from '../../audit/audit';
import { isStationInScope, stationScope } from '../../auth/scope';
import { needs, orgs, people } from '../../db/schema/index';
import { AppError, fieldError, isUniqueViolation, notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../../pagination';
import { villagesInScope, type VillageInfo } from '../orgs/orgs.service';
import { loadPersonRow, registerTimelineSource } from '../people/people.service';
import { hasServiceOfTypesSince, latestServicesOfTypes } from '../services/services.service';
import { userNames } from '../users/users.service';
import { NEED_SERVICE_TYPES, NEED_SOURCES, NEED_TYPES, OPEN_NEED_STATUSES, type NeedSource, type NeedStatus, type NeedTypeCode } from '../../../shared/codes';
import type { ListNeedsQuery, Need, NeedsSummary, UpdateNeedRequest, zCreateNeedRequest, zNeedsSummaryQuery } from '../../../shared/schemas/needs';
import { answeringServiceTypes, checkNeedTransition } from './needs.rules';

type NeedRow = typeof needs.$inferSelect;
interface NeedRowWithNames {
  row: NeedRow;
  personName: string;
  villageName: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NeedsIdentified {
  stationId: string;
  personId: string;
  villageId: string;
  needTypes: readonly NeedTypeCode[];
  source: NeedSource;
  /** The survey response, service record or case the needs were identified in. */
  sourceId: string | null;
  note?: string | null;
  /** Who identified them; the caller by default (work without a caller must name someone). */
  identifiedBy?: string;
}

function newNeedRow(ctx: Ctx, input: Omit<NeedsIdentified, 'needTypes'>, needType: NeedTypeCode, by: string, id = uuidv7()): typeof needs.$inferInsert {
  return {
    id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
    stationId: input.stationId,
    personId: input.personId,
    villageId: input.villageId,
    needType,
    status: 'identified',
    source: input.source,
    sourceId: input.sourceId,
    note: input.note ?? null,
    identifiedAt: ctx.now,
    identifiedBy: by,
    statusChangedAt: ctx.now,
    updatedBy: by,
  };
}

function createdEvent(ctx: Ctx, row: { id: string; needType: string }, input: Omit<NeedsIdentified, 'needTypes'>): AuditAppend {
  return {
    ctx,
    input: {
      action: 'need.create',
      entityType: 'need',
      entityId: row.id,
      stationId: input.stationId,
      details: { personId: input.personId, needType: row.needType, source: input.source, sourceId: input.sourceId },
    },
  };
}

/**
 * Registers, inside the caller's transaction, the needs the person does not already have open
 * (identified or being served), each audited; returns the ids of the new ones. Called by the
 * survey intake for a linked respondent and by the case assessment.
 *
 * One insert for all types: the unique partial index on open needs (needs_open_person_type_idx)
 * skips the types already open, so two intakes at once never open the same need twice.
 */
export async function registerNeeds(ctx: Ctx, input: NeedsIdentified): Promise<string[]> {
  const { ids, audits } = await insertNeeds(ctx, input);
  await recordAudits(ctx, audits);
  return ids;
}

/**
 * `registerNeeds` without its audit append: the caller appends the returned events in the same
 * transaction, together with its own (the survey intake appends a whole group's events at once).
 */
export async function insertNeeds(ctx: Ctx, input: NeedsIdentified): Promise<{ ids: string[]; audits: AuditAppend[] }> {
  const types = [...new Set(input.needTypes)];
  if (types.length === 0) return { ids: [], audits: [] };
  const by = input.identifiedBy ?? ctx.actor?.userId;
  if (!by) throw new Error('registerNeeds: nobody identified the needs (no caller and no identifiedBy)');
  const inserted = await ctx.db
    .insert(needs)
    .values(types.map((needType) => newNeedRow(ctx, input, needType, by)))
    .onConflictDoNothing()
    .returning({ id: needs.id, needType: needs.needType });
  return { ids: inserted.map((row) => row.id), audits: inserted.map((row) => createdEvent(ctx, row, input)) };
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The service types that answer the row's need type, as a SQL text[]: NEED_SERVICE_TYPES written
 * out as a CASE, so "unanswered" can be decided in the database for a whole list or summary.
 */
function answeringTypesSql(): SQL {
  const branches = (Object.entries(NEED_SERVICE_TYPES) as [NeedTypeCode, readonly string[]][]).map(
    ([code, types]) =>
      sql`when ${code} then array[${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]`,
  );
  return sql`(case ${needs.needType} ${sql.join(branches, sql` `)} else array[]::text[] end)`;
}

/**
 * Open and not answered by a service record of a matching type since it was identified. The
 * service records belong to the services module: the EXISTS comes from its exported
 * `hasServiceOfTypesSince`, so this module writes no SQL of that table and the filter stays one
 * query (a page of needs can then be cut by the database, not after loading every need).
 */
function unansweredCondition(ctx: Ctx): SQL {
  return and(inArray(needs.status, OPEN_NEED_STATUSES), not(hasServiceOfTypesSince(ctx, needs.personId, needs.identifiedAt, answeringTypesSql())))!;
}

function selectNeeds(ctx: Ctx) {
  return ctx.db.select({ row: needs, personName: people.name, villageName: orgs.name }).from(needs).innerJoin(people, eq(people.id, needs.personId)).leftJoin(orgs, eq(orgs.id, needs.villageId));
}

async function toNeeds(ctx: Ctx, rows: NeedRowWithNames[]): Promise<Need[]> {
  if (rows.length === 0) return [];
  const names = await userNames(
    ctx,
    rows.map((r) => r.row.identifiedBy),
  );
  const answered = await latestServicesOfTypes(
    ctx,
    rows.map(({ row }) => ({ key: row.id, personId: row.personId, since: row.identifiedAt, types: answeringServiceTypes(row.needType as NeedTypeCode) })),
  );
  return rows.map(({ row, personName, villageName }) => {
    const service = answered.get(row.id);
    return {
      id: row.id,
      stationId: row.stationId,
      person: { id: row.personId, name: personName },
      villageId: row.villageId,
      villageName: villageName ?? '—',
      needType: row.needType as NeedTypeCode,
      status: row.status,
      source: row.source,
      sourceId: row.sourceId,
      note: row.note,
      identifiedAt: row.identifiedAt.toISOString(),
      identifiedBy: { id: row.identifiedBy, name: names.get(row.identifiedBy) ?? '—' },
      statusChangedAt: row.statusChangedAt.toISOString(),
      answeredBy: service ? { serviceId: service.id, startedAt: service.startedAt.toISOString(), serviceTypes: service.serviceTypes } : null,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

async function loadNeedRow(ctx: Ctx, id: string): Promise<NeedRowWithNames> {
  const [found] = await selectNeeds(ctx).where(and(eq(needs.id, id), stationScope(ctx, needs.stationId)));
  if (!found) throw notFound();
  return found;
}

async function loadNeed(ctx: Ctx, id: string): Promise<Need> {
  const [need] = await toNeeds(ctx, [await loadNeedRow(ctx, id)]);
  return need!;
}

/** The person's open need of this type, if any (at most one: the unique partial index). */
async function openNeedOf(ctx: Ctx, stationId: string, personId: string, needType: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ id: needs.id })
    .from(needs)
    .where(and(eq(needs.stationId, stationId), eq(needs.personId, personId), eq(needs.needType, needType), inArray(needs.status, OPEN_NEED_STATUSES)));
  return row?.id ?? null;
}

/** A station named as a filter must be one of the caller's: another station's is 404, as for its records. */
export function requireStationFilter(ctx: Ctx, stationId: string | undefined): void {
  if (stationId && !isStationInScope(ctx, stationId)) throw notFound();
}

/** A village named as a filter must be in the caller's scope (and in the station, when one is named): else 400. */
export async function requireVillageFilter(ctx: Ctx, villageId: string | undefined, stationId: string | undefined): Promise<VillageInfo | null> {
  if (!villageId) return null;
  const village = (await villagesInScope(ctx)).get(villageId);
  if (!village || (stationId && village.stationId !== stationId)) throw fieldError('villageId', 'village.unknown');
  return village;
}

/**
 * The register, newest first (keyset on identified_at, id). A station named must be in scope
 * (404); a person or village filter outside it simply matches nothing, as for service records.
 * Reading one person's needs is audited.
 */
export async function findNeeds(ctx: Ctx, query: ListNeedsQuery): Promise<{ items: Need[]; nextCursor: string | null }> {
  requireStationFilter(ctx, query.stationId);
  const conditions: SQL[] = [stationScope(ctx, needs.stationId)];
  if (query.stationId) conditions.push(eq(needs.stationId, query.stationId));
  if (query.personId) conditions.push(eq(needs.personId, query.personId));
  if (query.villageId) conditions.push(eq(needs.villageId, query.villageId));
  if (query.needType) conditions.push(eq(needs.needType, query.needType));
  if (query.status) conditions.push(eq(needs.status, query.status));
  if (query.open === 'true') conditions.push(inArray(needs.status, OPEN_NEED_STATUSES));
  if (query.open === 'false') conditions.push(not(inArray(needs.status, OPEN_NEED_STATUSES)));
  if (query.unanswered === 'true') conditions.push(unansweredCondition(ctx));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const after = new Date(at);
    if (Number.isNaN(after.getTime()) || !UUID.test(id)) throw fieldError('cursor', 'cursor.invalid');
    conditions.push(or(lt(needs.identifiedAt, after), and(eq(needs.identifiedAt, after), lt(needs.id, id)))!);
  }
  const rows = await selectNeeds(ctx)
    .where(and(...conditions))
    .orderBy(desc(needs.identifiedAt), desc(needs.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items = await toNeeds(ctx, page);
  if (query.personId) {
    await recordAudit(ctx, { action: 'need.list', entityType: 'person', entityId: query.personId, stationId: items[0]?.stationId ?? null, details: { count: items.length } });
  }
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.row.identifiedAt.toISOString(), last.row.id]) : null };
}

/** One need (audited: it is part of a person's file). */
export async function getNeed(ctx: Ctx, id: string): Promise<Need> {
  const need = await loadNeed(ctx, id);
  await recordAudit(ctx, { action: 'need.read', entityType: 'need', entityId: id, stationId: need.stationId, details: { personId: need.person.id } });
  return need;
}

/** Per need type, how many needs stand in each status and how many open ones no service has answered yet. */
export async function needsSummary(ctx: Ctx, query: z.infer<typeof zNeedsSummaryQuery>): Promise<NeedsSummary> {
  requireStationFilter(ctx, query.stationId);
  await requireVillageFilter(ctx, query.villageId, query.stationId);
  const conditions: SQL[] = [stationScope(ctx, needs.stationId)];
  if (query.stationId) conditions.push(eq(needs.stationId, query.stationId));
  if (query.villageId) conditions.push(eq(needs.villageId, query.villageId));
  const rows = await ctx.db
    .select({
      needType: needs.needType,
      identified: sql<number>`count(*) filter (where ${needs.status} = 'identified')::int`,
      beingServed: sql<number>`count(*) filter (where ${needs.status} = 'being_served')::int`,
      met: sql<number>`count(*) filter (where ${needs.status} = 'met')::int`,
      unmet: sql<number>`count(*) filter (where ${needs.status} = 'unmet')::int`,
      unanswered: sql<number>`count(*) filter (where ${unansweredCondition(ctx)})::int`,
    })
    .from(needs)
    .where(and(...conditions))
    .groupBy(needs.needType);
  const byType = new Map(rows.map((r) => [r.needType, r]));
  return {
    items: (Object.keys(NEED_TYPES) as NeedTypeCode[]).map((code) => {
      const row = byType.get(code);
      return {
        needType: code,
        label: NEED_TYPES[code][ctx.lang],
        identified: Number(row?.identified ?? 0),
        beingServed: Number(row?.beingServed ?? 0),
        met: Number(row?.met ?? 0),
        unmet: Number(row?.unmet ?? 0),
        unanswered: Number(row?.unanswered ?? 0),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

type CreateNeedInput = z.output<typeof zCreateNeedRequest>;

/**
 * An existing need with the client's id. The same person and need type is a retry (200 with it);
 * anything else is a clash (409). Its status and note may have moved on since, so they are not
 * compared. Outside the caller's scope it is a clash too, never a leak.
 */
async function existingForRetry(ctx: Ctx, id: string, input: CreateNeedInput): Promise<Need | null> {
  const [existing] = await ctx.db.select({ personId: needs.personId, needType: needs.needType }).from(needs).where(eq(needs.id, id));
  if (!existing) return null;
  const clash = new AppError('DUPLICATE', { details: { existingId: id } });
  if (existing.personId !== input.personId || existing.needType !== input.needType) throw clash;
  return loadNeed(ctx, id).catch(() => {
    throw clash;
  });
}

/**
 * Registers one need by hand (a visit, a conversation). Idempotent by the client's id; when the
 * person already has the need open, the answer is that need and nothing new is made.
 */
export async function createNeed(ctx: Ctx, input: CreateNeedInput): Promise<{ need: Need; created: boolean }> {
  if (input.id) {
    const retry = await existingForRetry(ctx, input.id, input);
    if (retry) return { need: retry, created: false };
  }
  const person = await loadPersonRow(ctx, input.personId).then(
    (found) => found.row,
    (error: unknown) => {
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? fieldError('personId', 'need.personUnknown') : error;
    },
  );
  const already = await openNeedOf(ctx, person.stationId, person.id, input.needType);
  if (already) return { need: await loadNeed(ctx, already), created: false };

  const identified = { stationId: person.stationId, personId: person.id, villageId: person.villageId, source: input.source, sourceId: input.sourceId ?? null, note: input.note || null };
  const id = input.id ?? uuidv7();
  const created = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(needs)
      .values(newNeedRow(tx, identified, input.needType, actorOf(ctx).userId, id))
      .onConflictDoNothing()
      .returning({ id: needs.id, needType: needs.needType });
    if (!row) return false;
    await recordAudits(tx, [createdEvent(tx, row, identified)]);
    return true;
  });
  if (created) return { need: await loadNeed(ctx, id), created: true };
  // Two requests raced: a copy of this one (same id) or another registration of the need won.
  if (input.id) {
    const retry = await existingForRetry(ctx, input.id, input);
    if (retry) return { need: retry, created: false };
  }
  const winner = await openNeedOf(ctx, person.stationId, person.id, input.needType);
  if (winner) return { need: await loadNeed(ctx, winner), created: false };
  throw new AppError('DUPLICATE');
}

/**
 * Moves a need on (NEED_TRANSITIONS) or changes its note. The version read must be current (409
 * with the current need); reopening a need while the person has another open need of the type
 * is 409 DUPLICATE naming that need.
 */
export async function updateNeed(ctx: Ctx, id: string, patch: UpdateNeedRequest): Promise<Need> {
  const { row } = await loadNeedRow(ctx, id);
  const conflict = async () => new AppError('VERSION_CONFLICT', { details: { current: await loadNeed(ctx, id) } });
  if (row.version !== patch.version) throw await conflict();
  const to: NeedStatus = patch.status ?? row.status;
  const moved = to !== row.status;
  if (moved) {
    const check = checkNeedTransition(row.status, to);
    if (!check.ok) throw fieldError('status', 'need.transition');
    if (check.reopens) {
      const other = await openNeedOf(ctx, row.stationId, row.personId, row.needType);
      if (other) throw new AppError('DUPLICATE', { details: { existingId: other } });
    }
  }
  const fields = [...(moved ? ['status'] : []), ...(patch.note !== undefined ? ['note'] : [])];
  let updated: boolean;
  try {
    updated = await inTransaction(ctx, async (tx) => {
      const done = await tx.db
        .update(needs)
        .set({
          status: to,
          ...(moved ? { statusChangedAt: ctx.now } : {}),
          ...(patch.note !== undefined ? { note: patch.note || null } : {}),
          updatedAt: ctx.now,
          updatedBy: actorOf(ctx).userId,
          version: row.version + 1,
        })
        .where(and(eq(needs.id, id), eq(needs.version, patch.version)))
        .returning({ id: needs.id });
      if (done.length === 0) return false;
      await recordAudit(tx, { action: 'need.update', entityType: 'need', entityId: id, stationId: row.stationId, details: { personId: row.personId, fields, ...(moved ? { from: row.status, to } : {}) } });
      return true;
    });
  } catch (error) {
    // Another open need of the type was registered between the check and the update.
    if (!isUniqueViolation(error)) throw error;
    const other = await openNeedOf(ctx, row.stationId, row.personId, row.needType);
    throw new AppError('DUPLICATE', { details: { existingId: other } });
  }
  if (!updated) throw await conflict();
  return loadNeed(ctx, id);
}

registerTimelineSource(async (ctx, person) => {
  if (!ctx.actor?.permissions.has('needs:read')) return [];
  const rows = await ctx.db
    .select({ id: needs.id, needType: needs.needType, source: needs.source, identifiedAt: needs.identifiedAt })
    .from(needs)
    .where(and(eq(needs.stationId, person.stationId), eq(needs.personId, person.id)))
    .orderBy(desc(needs.identifiedAt))
    .limit(100);
  const lang = ctx.lang;
  const identified = lang === 'zh-CN' ? '识别需求' : 'Need identified';
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return rows.map((r) => ({
    at: r.identifiedAt.toISOString(),
    kind: 'need_identified',
    title: `${identified}${colon}${NEED_TYPES[r.needType as NeedTypeCode][lang]} (${NEED_SOURCES[r.source][lang]})`,
    refId: r.id,
  }));
});
