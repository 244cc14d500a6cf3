import { and, desc, eq, gte, inArray, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { orgs, people, serviceRecordRevisions, serviceRecords } from '../../db/schema/index';
import { AppError, fieldError, isUniqueViolation, notFound } from '../../errors';
import { stationScope } from '../../auth/scope';
import { recordAudit } from '../../audit/audit';
import { decodeCursor, encodeCursor } from '../../pagination';
import { dayStart, shanghaiDay } from '../../time';
import { loadPersonRow, peopleScope, registerTimelineSource } from '../people/people.service';
import type { PersonRow } from '../people/people.reply';
import { stationStaff, userNames } from '../users/users.service';
import { caseForService } from '../cases/cases.service';
import { SERVICE_KINDS, SERVICE_TYPES, type ServiceTypeCode } from '../../../shared/codes';
import type { CreateServiceRequest, ListServicesQuery, ServiceRecord, UpdateServiceRequest, zCreateServiceRequest, zFindingsQuery, Finding } from '../../../shared/schemas/services';
import type { z } from 'zod';
import { concernsOf, contentHash, reportTypes, storedChecklist } from './services.rules';
import { toServiceRecords, type ServiceRow } from './services.reply';

type ServiceInput = z.output<typeof zCreateServiceRequest>;
/** The fields of a record that come from the caller (everything but identity and bookkeeping). */
type Content = Omit<ServiceInput, 'id'>;

/** A clock a phone may be ahead of the server by, before a start in the future is refused. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/**
 * The service records a caller may see: their stations'. A volunteer sees only the records of
 * people they may see (their pairings), so the same rule as the people files applies.
 */
export function servicesScope(ctx: Ctx): SQL {
  const station = stationScope(ctx, serviceRecords.stationId);
  if (actorOf(ctx).role !== 'volunteer') return station;
  return and(station, inArray(serviceRecords.personId, ctx.db.select({ id: people.id }).from(people).where(peopleScope(ctx))))!;
}

const withNames = { row: serviceRecords, personName: people.name, villageName: orgs.name };

export function selectWithNames(ctx: Ctx) {
  return ctx.db.select(withNames).from(serviceRecords).innerJoin(people, eq(people.id, serviceRecords.personId)).leftJoin(orgs, eq(orgs.id, serviceRecords.villageId));
}

async function loadService(ctx: Ctx, id: string): Promise<ServiceRecord> {
  const [found] = await selectWithNames(ctx).where(and(eq(serviceRecords.id, id), servicesScope(ctx)));
  if (!found) throw notFound();
  const [record] = await toServiceRecords(ctx, [found]);
  return record!;
}

function contentOf(input: ServiceInput | Content): Content {
  const { id: _id, ...content } = input as ServiceInput;
  return content;
}

/**
 * Checks what the schema cannot (dates against now, who served, the case and its goals) and makes
 * the stored columns. A correction (`existing`) keeps what the record already had even if it
 * would not be accepted anew: its case may have closed since, a worker may have left.
 */
async function prepare(ctx: Ctx, person: PersonRow, content: Content, existing?: ServiceRow) {
  const actor = actorOf(ctx);
  const startedAt = new Date(content.startedAt);
  if (startedAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) throw fieldError('startedAt', 'service.startedInFuture');
  const followUpNeeded = content.followUpNeeded ?? false;
  if (followUpNeeded && !content.followUpOn) throw fieldError('followUpOn', 'service.followUpDate');
  if (content.followUpOn && content.followUpOn < shanghaiDay(startedAt)) throw fieldError('followUpOn', 'service.followUpPast');
  if (content.checklist && content.kind !== 'home_visit') throw fieldError('checklist', 'service.checklistNotVisit');

  let caseId: string | null = null;
  const goalIds = [...new Set(content.goalIds ?? [])];
  if (content.caseId) {
    if (!actor.permissions.has('cases:read')) throw fieldError('caseId', 'service.caseUnknown');
    const linked = await caseForService(ctx, content.caseId, person, { allowClosed: existing?.caseId === content.caseId });
    caseId = linked.id;
    const unknown = goalIds.findIndex((goal) => !linked.goalIds.includes(goal));
    if (unknown >= 0) throw fieldError(`goalIds.${unknown}`, 'service.goalUnknown');
  } else if (goalIds.length > 0) {
    throw fieldError('goalIds', 'service.goalsWithoutCase');
  }

  const workerIds = [...new Set(content.workerIds ?? (actor.role === 'manager' || actor.role === 'worker' ? [actor.userId] : []))];
  const volunteerIds = [...new Set([...(content.volunteerIds ?? []), ...(actor.role === 'volunteer' ? [actor.userId] : [])])];
  if (workerIds.length + volunteerIds.length === 0) throw fieldError('workerIds', 'service.noServer');
  const staff = await stationStaff(ctx, person.stationId);
  const badWorker = workerIds.findIndex((id) => !staff.workers.some((w) => w.id === id) && !existing?.workerIds.includes(id));
  if (badWorker >= 0) throw fieldError(`workerIds.${badWorker}`, 'service.workerUnknown');
  const badVolunteer = volunteerIds.findIndex((id) => !staff.volunteers.some((v) => v.id === id) && !existing?.volunteerIds.includes(id));
  if (badVolunteer >= 0) throw fieldError(`volunteerIds.${badVolunteer}`, 'service.volunteerUnknown');

  const serviceTypes = [...new Set(content.serviceTypes)];
  const checklist = storedChecklist(content.checklist);
  return {
    stationId: person.stationId,
    personId: person.id,
    villageId: person.villageId,
    caseId,
    taskId: content.taskId ?? null,
    kind: content.kind,
    serviceTypes,
    reportTypes: reportTypes(serviceTypes),
    startedAt,
    durationMinutes: content.durationMinutes,
    summary: content.summary,
    goalIds,
    workerIds,
    volunteerIds,
    servedBy: [...workerIds, ...volunteerIds],
    wellbeing: content.wellbeing ?? null,
    followUpNeeded,
    followUpOn: followUpNeeded ? (content.followUpOn ?? null) : null,
    checklist,
    concerns: concernsOf(content.checklist),
    goods: content.goods || null,
  };
}

/** An existing record with this client id: the same content is a retry (200), different content a clash (409). */
async function existingForRetry(ctx: Ctx, id: string, hash: string): Promise<ServiceRecord | null> {
  const [existing] = await ctx.db.select({ contentHash: serviceRecords.contentHash }).from(serviceRecords).where(eq(serviceRecords.id, id));
  if (!existing) return null;
  if (existing.contentHash !== hash) throw new AppError('DUPLICATE', { details: { existingId: id } });
  // Same content but outside the caller's scope (an id sent by another station): still a clash, never a leak.
  return loadService(ctx, id).catch(() => {
    throw new AppError('DUPLICATE', { details: { existingId: id } });
  });
}

/**
 * Records a service. Idempotent by the client's id: a phone that lost its signal after sending
 * may send again and gets the same record back.
 */
export async function createService(ctx: Ctx, input: ServiceInput): Promise<{ record: ServiceRecord; created: boolean }> {
  const content = contentOf(input);
  const hash = contentHash({ ...content, personId: input.personId });
  if (input.id) {
    const existing = await existingForRetry(ctx, input.id, hash);
    if (existing) return { record: existing, created: false };
  }
  const { row: person } = await loadPersonRow(ctx, input.personId);
  const values = await prepare(ctx, person, content);
  const id = input.id ?? uuidv7();
  const actor = actorOf(ctx);
  try {
    await inTransaction(ctx, async (tx) => {
      await tx.db.insert(serviceRecords).values({ id, ...values, contentHash: hash, recordedBy: actor.userId, createdAt: ctx.now, updatedAt: ctx.now, version: 1 });
      await recordAudit(tx, { action: 'service.create', entityType: 'service', entityId: id, stationId: values.stationId, details: { personId: person.id, kind: values.kind } });
    });
  } catch (error) {
    // Two copies of one request raced: the other one made the record.
    if (input.id && isUniqueViolation(error)) {
      const existing = await existingForRetry(ctx, input.id, hash);
      if (existing) return { record: existing, created: false };
    }
    throw error;
  }
  return { record: await loadService(ctx, id), created: true };
}

/** One record (audited: it is part of a person's file). */
export async function getService(ctx: Ctx, id: string): Promise<ServiceRecord> {
  const record = await loadService(ctx, id);
  await recordAudit(ctx, { action: 'service.read', entityType: 'service', entityId: id, stationId: record.stationId, details: { personId: record.personId } });
  return record;
}

const CORRECTABLE = ['kind', 'serviceTypes', 'startedAt', 'durationMinutes', 'summary', 'caseId', 'taskId', 'goalIds', 'workerIds', 'volunteerIds', 'wellbeing', 'followUpNeeded', 'followUpOn', 'checklist', 'goods'] as const;

function rowAsContent(row: ServiceRow): Content {
  return {
    personId: row.personId,
    kind: row.kind,
    serviceTypes: row.serviceTypes as ServiceTypeCode[],
    startedAt: row.startedAt.toISOString(),
    durationMinutes: row.durationMinutes,
    summary: row.summary,
    caseId: row.caseId,
    taskId: row.taskId,
    goalIds: row.goalIds,
    workerIds: row.workerIds,
    volunteerIds: row.volunteerIds,
    wellbeing: row.wellbeing,
    followUpNeeded: row.followUpNeeded,
    followUpOn: row.followUpOn,
    checklist: row.checklist,
    goods: row.goods,
  };
}

/**
 * Corrects a record. Records are evidence: only whoever recorded it, or the station's manager,
 * may correct it; the content before is kept as a revision; a stale version gets 409 with the
 * current record.
 */
export async function updateService(ctx: Ctx, id: string, patch: UpdateServiceRequest): Promise<ServiceRecord> {
  const actor = actorOf(ctx);
  const [found] = await ctx.db.select().from(serviceRecords).where(and(eq(serviceRecords.id, id), servicesScope(ctx)));
  if (!found) throw notFound();
  if (found.recordedBy !== actor.userId && !actor.permissions.has('cases:approve')) throw new AppError('FORBIDDEN', { details: [{ path: '', messageKey: 'service.notRecorder' }] });
  if (found.version !== patch.version) throw new AppError('VERSION_CONFLICT', { details: { current: await loadService(ctx, id) } });
  const before = rowAsContent(found);
  const merged: Content = { ...before };
  for (const key of CORRECTABLE) {
    if (patch[key] !== undefined) Object.assign(merged, { [key]: patch[key] });
  }
  const { row: person } = await loadPersonRow(ctx, found.personId);
  // Who served stays as recorded unless the correction names them: a manager correcting a typo does not become the server.
  const values = await prepare(ctx, person, { ...merged, workerIds: merged.workerIds ?? [], volunteerIds: merged.volunteerIds ?? [] }, found);
  await inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .update(serviceRecords)
      .set({ ...values, contentHash: contentHash({ ...merged }), updatedAt: ctx.now, version: found.version + 1 })
      .where(and(eq(serviceRecords.id, id), eq(serviceRecords.version, patch.version)))
      .returning({ id: serviceRecords.id });
    if (updated.length === 0) throw new AppError('VERSION_CONFLICT', { details: { current: await loadService(ctx, id) } });
    await tx.db.insert(serviceRecordRevisions).values({ id: uuidv7(), stationId: found.stationId, serviceId: id, version: found.version, content: before, changedBy: actor.userId, changedAt: ctx.now });
    await recordAudit(tx, { action: 'service.update', entityType: 'service', entityId: id, stationId: found.stationId, details: { fields: CORRECTABLE.filter((k) => patch[k] !== undefined) } });
  });
  return loadService(ctx, id);
}

export async function serviceRevisions(ctx: Ctx, id: string) {
  const record = await loadService(ctx, id);
  const rows = await ctx.db
    .select()
    .from(serviceRecordRevisions)
    .where(and(eq(serviceRecordRevisions.stationId, record.stationId), eq(serviceRecordRevisions.serviceId, id)))
    .orderBy(desc(serviceRecordRevisions.version))
    .limit(100);
  const names = await userNames(
    ctx,
    rows.map((r) => r.changedBy),
  );
  await recordAudit(ctx, { action: 'service.read_revisions', entityType: 'service', entityId: id, stationId: record.stationId });
  return rows.map((r) => ({ version: r.version, changedAt: r.changedAt.toISOString(), changedBy: { id: r.changedBy, name: names.get(r.changedBy) ?? '—' }, content: r.content as Record<string, unknown> }));
}

export function listConditions(ctx: Ctx, query: Omit<ListServicesQuery, 'limit' | 'cursor'>): SQL[] {
  const conditions: SQL[] = [servicesScope(ctx)];
  if (query.personId) conditions.push(eq(serviceRecords.personId, query.personId));
  if (query.caseId) conditions.push(eq(serviceRecords.caseId, query.caseId));
  if (query.workerId) conditions.push(sql`${serviceRecords.servedBy} @> array[${query.workerId}]::uuid[]`);
  if (query.kind) conditions.push(eq(serviceRecords.kind, query.kind));
  if (query.serviceType) conditions.push(sql`${serviceRecords.reportTypes} @> array[${query.serviceType}]::text[]`);
  if (query.villageId) conditions.push(eq(serviceRecords.villageId, query.villageId));
  if (query.from) conditions.push(gte(serviceRecords.startedAt, dayStart(query.from)));
  if (query.to) conditions.push(lt(serviceRecords.startedAt, dayStart(query.to, 1)));
  if (query.concern) conditions.push(sql`${serviceRecords.concerns} @> array[${query.concern}]::text[]`);
  if (query.followUp === 'open') {
    // A follow-up is open until the person has been served again after this record.
    conditions.push(eq(serviceRecords.followUpNeeded, true));
    conditions.push(sql`not exists (select 1 from ${serviceRecords} later where later.person_id = ${serviceRecords.personId} and later.started_at > ${serviceRecords.startedAt})`);
  }
  return conditions;
}

/** Records newest first, with keyset pagination on (started_at, id). Reading one person's or one case's records is audited. */
export async function findServices(ctx: Ctx, query: ListServicesQuery): Promise<{ items: ServiceRecord[]; nextCursor: string | null }> {
  const conditions = listConditions(ctx, query);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const after = new Date(at);
    if (Number.isNaN(after.getTime())) throw fieldError('cursor', 'cursor.invalid');
    conditions.push(or(lt(serviceRecords.startedAt, after), and(eq(serviceRecords.startedAt, after), lt(serviceRecords.id, id)))!);
  }
  const rows = await selectWithNames(ctx)
    .where(and(...conditions))
    .orderBy(desc(serviceRecords.startedAt), desc(serviceRecords.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items = await toServiceRecords(ctx, page);
  if (query.personId || query.caseId) {
    const stationId = items[0]?.stationId ?? null;
    await recordAudit(ctx, {
      action: 'service.list',
      entityType: query.caseId ? 'case' : 'person',
      entityId: query.caseId ?? query.personId ?? null,
      stationId,
      details: { count: items.length },
    });
  }
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.row.startedAt.toISOString(), last.row.id]) : null };
}

/**
 * People whose latest home visit that looked at an item found it of concern: "every elder whose
 * heating was found unsafe". A later visit that found it fine takes the person off the list.
 */
export async function findFindings(ctx: Ctx, query: z.infer<typeof zFindingsQuery>): Promise<{ items: Finding[]; nextCursor: string | null }> {
  const [section = '', item = ''] = query.item.split('.');
  const checked = [servicesScope(ctx), eq(serviceRecords.kind, 'home_visit'), sql`${serviceRecords.checklist} -> ${section} ->> ${item} in ('ok', 'concern')`];
  if (query.villageId) checked.push(eq(serviceRecords.villageId, query.villageId));
  const latest = ctx.db
    .selectDistinctOn([serviceRecords.personId], {
      id: serviceRecords.id,
      personId: serviceRecords.personId,
      villageId: serviceRecords.villageId,
      startedAt: serviceRecords.startedAt,
      concerns: serviceRecords.concerns,
      note: sql<string | null>`${serviceRecords.checklist} -> ${section} ->> 'note'`.as('note'),
    })
    .from(serviceRecords)
    .where(and(...checked))
    .orderBy(serviceRecords.personId, desc(serviceRecords.startedAt), desc(serviceRecords.id))
    .as('latest');
  const conditions: SQL[] = [sql`${latest.concerns} @> array[${query.item}]::text[]`, eq(people.status, 'active')];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const after = new Date(at);
    if (Number.isNaN(after.getTime())) throw fieldError('cursor', 'cursor.invalid');
    conditions.push(or(lt(latest.startedAt, after), and(eq(latest.startedAt, after), lt(latest.id, id)))!);
  }
  const rows = await ctx.db
    .select({ id: latest.id, personId: latest.personId, villageId: latest.villageId, startedAt: latest.startedAt, note: latest.note, name: people.name, phone: people.phone, villageName: orgs.name })
    .from(latest)
    .innerJoin(people, eq(people.id, latest.personId))
    .leftJoin(orgs, eq(orgs.id, latest.villageId))
    .where(and(...conditions))
    .orderBy(desc(latest.startedAt), desc(latest.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map((r) => ({
    personId: r.personId,
    personName: r.name,
    villageId: r.villageId,
    villageName: r.villageName,
    phone: r.phone,
    serviceId: r.id,
    visitedAt: r.startedAt.toISOString(),
    note: r.note,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.visitedAt, last.serviceId]) : null };
}

/** Who can be named as serving in the caller's station (a county or administrator caller names a station through a person). */
export async function serviceStaff(ctx: Ctx) {
  const actor = actorOf(ctx);
  if (!actor.stationId) return { workers: [], volunteers: [] };
  return stationStaff(ctx, actor.stationId);
}

/** Counts and last dates of a case's services per plan goal (for the case's progress view). */
export async function caseServiceStats(ctx: Ctx, caseId: string, stationId: string) {
  const rows = await ctx.db
    .select({ goalIds: serviceRecords.goalIds, startedAt: serviceRecords.startedAt })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.stationId, stationId), eq(serviceRecords.caseId, caseId)));
  const perGoal = new Map<string, { count: number; last: Date }>();
  for (const row of rows) {
    for (const goal of row.goalIds) {
      const seen = perGoal.get(goal);
      if (!seen) perGoal.set(goal, { count: 1, last: row.startedAt });
      else {
        seen.count += 1;
        if (row.startedAt > seen.last) seen.last = row.startedAt;
      }
    }
  }
  return { total: rows.length, perGoal };
}

/** The latest contact with each of these people (for case lists). */
export async function lastContacts(ctx: Ctx, personIds: string[]): Promise<Map<string, Date>> {
  if (personIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ personId: serviceRecords.personId, last: sql<string>`max(${serviceRecords.startedAt})` })
    .from(serviceRecords)
    .where(and(inArray(serviceRecords.personId, [...new Set(personIds)]), stationScope(ctx, serviceRecords.stationId)))
    .groupBy(serviceRecords.personId);
  return new Map(rows.map((r) => [r.personId, new Date(r.last)]));
}

/**
 * The latest contact of each person of a station per channel: a call (phone, video, or a visit,
 * which is also a call) and a visit. No caller scope: the care job runs without one, so callers
 * check the station first.
 */
export async function lastContactsOfStation(ctx: Ctx, stationId: string, personIds?: readonly string[]): Promise<Map<string, { call: Date | null; visit: Date | null }>> {
  const conditions: SQL[] = [eq(serviceRecords.stationId, stationId)];
  if (personIds) {
    if (personIds.length === 0) return new Map();
    conditions.push(inArray(serviceRecords.personId, [...new Set(personIds)]));
  }
  const rows = await ctx.db
    .select({
      personId: serviceRecords.personId,
      call: sql<string | null>`max(${serviceRecords.startedAt}) filter (where ${serviceRecords.kind} in ('phone', 'online', 'home_visit'))`,
      visit: sql<string | null>`max(${serviceRecords.startedAt}) filter (where ${serviceRecords.kind} = 'home_visit')`,
    })
    .from(serviceRecords)
    .where(and(...conditions))
    .groupBy(serviceRecords.personId);
  return new Map(rows.map((r) => [r.personId, { call: r.call ? new Date(r.call) : null, visit: r.visit ? new Date(r.visit) : null }]));
}

/**
 * For open tasks, the first record of their person since the task was made that counts as the
 * task's contact (a visit counts for a call too): tasks done another way. Answers key → record id.
 */
export async function contactsSince(ctx: Ctx, stationId: string, wanted: readonly { key: string; personId: string; kinds: readonly string[]; since: Date }[]): Promise<Map<string, string>> {
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: serviceRecords.id, personId: serviceRecords.personId, kind: serviceRecords.kind, startedAt: serviceRecords.startedAt })
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.stationId, stationId),
        inArray(serviceRecords.personId, [...new Set(wanted.map((w) => w.personId))]),
        gte(serviceRecords.startedAt, new Date(Math.min(...wanted.map((w) => w.since.getTime())))),
      ),
    )
    .orderBy(serviceRecords.startedAt);
  const found = new Map<string, string>();
  for (const want of wanted) {
    const match = rows.find((r) => r.personId === want.personId && want.kinds.includes(r.kind) && r.startedAt >= want.since);
    if (match) found.set(want.key, match.id);
  }
  return found;
}

/** The goods given by these records (送温暖), for a campaign's list; no caller scope (callers check the station). */
export async function goodsOfServices(ctx: Ctx, stationId: string, serviceIds: readonly string[]): Promise<{ id: string; personId: string; goods: string; startedAt: Date }[]> {
  if (serviceIds.length === 0) return [];
  const rows = await ctx.db
    .select({ id: serviceRecords.id, personId: serviceRecords.personId, goods: serviceRecords.goods, startedAt: serviceRecords.startedAt })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.stationId, stationId), inArray(serviceRecords.id, [...serviceIds]), sql`${serviceRecords.goods} is not null`))
    .orderBy(desc(serviceRecords.startedAt));
  return rows.map((r) => ({ ...r, goods: r.goods! }));
}

registerTimelineSource(async (ctx, person) => {
  const rows = await ctx.db
    .select({ id: serviceRecords.id, kind: serviceRecords.kind, startedAt: serviceRecords.startedAt, serviceTypes: serviceRecords.serviceTypes, summary: serviceRecords.summary })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.stationId, person.stationId), eq(serviceRecords.personId, person.id)))
    .orderBy(desc(serviceRecords.startedAt))
    .limit(200);
  const lang = ctx.lang;
  const separator = lang === 'zh-CN' ? '、' : ', ';
  return rows.map((r) => ({
    at: r.startedAt.toISOString(),
    kind: 'service',
    title: `${SERVICE_KINDS[r.kind][lang]}${lang === 'zh-CN' ? '：' : ': '}${r.serviceTypes.map((t) => SERVICE_TYPES[t as ServiceTypeCode][lang]).join(separator)}`,
    refId: r.id,
  }));
});

export type { CreateServiceRequest };

// -- reads for care alerts

/**
 * Each person's latest three records with a wellbeing score, newest first: enough to see a score
 * falling at two contacts in a row. No caller scope: the care module checks the station first.
 */
export async function latestWellbeingOfStation(ctx: Ctx, stationId: string): Promise<Map<string, { id: string; startedAt: Date; wellbeing: number }[]>> {
  const ranked = ctx.db
    .select({
      id: serviceRecords.id,
      personId: serviceRecords.personId,
      startedAt: serviceRecords.startedAt,
      wellbeing: serviceRecords.wellbeing,
      rank: sql<number>`row_number() over (partition by ${serviceRecords.personId} order by ${serviceRecords.startedAt} desc, ${serviceRecords.id} desc)`.as('rank'),
    })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.stationId, stationId), sql`${serviceRecords.wellbeing} is not null`))
    .as('ranked');
  const rows = await ctx.db
    .select({ id: ranked.id, personId: ranked.personId, startedAt: ranked.startedAt, wellbeing: ranked.wellbeing })
    .from(ranked)
    .where(sql`${ranked.rank} <= 3`)
    .orderBy(ranked.personId, desc(ranked.startedAt), desc(ranked.id));
  const latest = new Map<string, { id: string; startedAt: Date; wellbeing: number }[]>();
  for (const row of rows) {
    const list = latest.get(row.personId) ?? [];
    list.push({ id: row.id, startedAt: row.startedAt, wellbeing: row.wellbeing! });
    latest.set(row.personId, list);
  }
  return latest;
}

/**
 * The checklist items (`section.item`) a person's latest home visit that looked at each found of
 * concern, with that visit: the rule of findFindings, for several items and a whole station. A
 * later visit that found an item fine clears it. No caller scope, as above.
 */
export async function openConcernsOfStation(ctx: Ctx, stationId: string, items: readonly string[]): Promise<Map<string, { item: string; serviceId: string; startedAt: Date }[]>> {
  const found = new Map<string, { item: string; serviceId: string; startedAt: Date }[]>();
  for (const key of items) {
    const [section = '', item = ''] = key.split('.');
    const latest = ctx.db
      .selectDistinctOn([serviceRecords.personId], { id: serviceRecords.id, personId: serviceRecords.personId, startedAt: serviceRecords.startedAt, concerns: serviceRecords.concerns })
      .from(serviceRecords)
      .where(and(eq(serviceRecords.stationId, stationId), eq(serviceRecords.kind, 'home_visit'), sql`${serviceRecords.checklist} -> ${section} ->> ${item} in ('ok', 'concern')`))
      .orderBy(serviceRecords.personId, desc(serviceRecords.startedAt), desc(serviceRecords.id))
      .as('latest');
    const rows = await ctx.db
      .select({ id: latest.id, personId: latest.personId, startedAt: latest.startedAt })
      .from(latest)
      .where(sql`${latest.concerns} @> array[${key}]::text[]`);
    for (const row of rows) {
      const list = found.get(row.personId) ?? [];
      list.push({ item: key, serviceId: row.id, startedAt: row.startedAt });
      found.set(row.personId, list);
    }
  }
  return found;
}

/** The people of a station with a record of one of these kinds in [from, to). No caller scope, as above. */
export async function peopleContactedBetween(ctx: Ctx, stationId: string, kinds: readonly ServiceRow['kind'][], from: Date, to: Date): Promise<Set<string>> {
  const rows = await ctx.db
    .selectDistinct({ personId: serviceRecords.personId })
    .from(serviceRecords)
    .where(
      and(
        eq(serviceRecords.stationId, stationId),
        inArray(serviceRecords.kind, [...kinds]),
        gte(serviceRecords.startedAt, from),
        lt(serviceRecords.startedAt, to),
      ),
    );
  return new Set(rows.map((r) => r.personId));
}

// -- reads for the needs register

/**
 * For each wanted (key, person, since, types): the person's latest record started at or after
 * `since` whose report types (service types with their professional parents) include one of
 * `types`: the service that answers a need. One query for a page of needs; answers key → record.
 */
export async function latestServicesOfTypes(
  ctx: Ctx,
  wanted: readonly { key: string; personId: string; since: Date; types: readonly string[] }[],
): Promise<Map<string, { id: string; startedAt: Date; serviceTypes: string[] }>> {
  const found = new Map<string, { id: string; startedAt: Date; serviceTypes: string[] }>();
  const asked = wanted.filter((w) => w.types.length > 0);
  if (asked.length === 0) return found;
  const allTypes = [...new Set(asked.flatMap((w) => w.types))];
  const rows = await ctx.db
    .select({ id: serviceRecords.id, personId: serviceRecords.personId, startedAt: serviceRecords.startedAt, serviceTypes: serviceRecords.serviceTypes, reportTypes: serviceRecords.reportTypes })
    .from(serviceRecords)
    .where(
      and(
        stationScope(ctx, serviceRecords.stationId),
        inArray(serviceRecords.personId, [...new Set(asked.map((w) => w.personId))]),
        gte(serviceRecords.startedAt, new Date(Math.min(...asked.map((w) => w.since.getTime())))),
        sql`${serviceRecords.reportTypes} && array[${sql.join(
          allTypes.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`,
      ),
    )
    .orderBy(desc(serviceRecords.startedAt), desc(serviceRecords.id));
  for (const want of asked) {
    const match = rows.find((r) => r.personId === want.personId && r.startedAt >= want.since && r.reportTypes.some((t) => want.types.includes(t)));
    if (match) found.set(want.key, { id: match.id, startedAt: match.startedAt, serviceTypes: match.serviceTypes });
  }
  return found;
}

/**
 * A condition for another module's query: the person has a record started at or after `since`
 * whose report types overlap `types` (SQL expressions of the outer row). Lets the needs register
 * filter "unanswered" in the database without copying this table's SQL.
 */
export function hasServiceOfTypesSince(ctx: Ctx, personId: SQL | AnyColumn, since: SQL | AnyColumn, types: SQL): SQL {
  return sql`exists (select 1 from ${serviceRecords} where ${serviceRecords.personId} = ${personId} and ${serviceRecords.startedAt} >= ${since} and ${serviceRecords.reportTypes} && ${types} and ${stationScope(ctx, serviceRecords.stationId)})`;
}
