import { createHash } from 'node:crypto';
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { orgs, people, surveyResponses, surveys, surveyVersions } from '../../db/schema/index';
import { AppError, fieldError, localiseDetails, notFound } from '../../errors';
import { stationScope } from '../../auth/scope';
import { recordAudit, recordAudits, type AuditAppend } from '../../audit/audit';
import { decodeCursor, encodeCursor } from '../../pagination';
import { shanghaiDay } from '../../time';
import { loadPersonRow, registerTimelineSource } from '../people/people.service';
import { villagesOfStation } from '../orgs/orgs.service';
import { userNames } from '../users/users.service';
import { insertNeeds } from '../needs/needs.service';
import { ageOn } from '../../../shared/id-number';
import { ERRORS } from '../../../shared/errors';
import { ageBandOf, type AgeBand, type GroupCode, type NeedTypeCode } from '../../../shared/codes';
import type { BatchResponsesReply, ListResponsesQuery, Question, SurveyResponse, zBatchResponsesRequest, zCreateResponseRequest } from '../../../shared/schemas/surveys';
import { canonicalJson, checkAnswers, needTypesOf } from './surveys.rules';
import { loadSurveyRow, questionProblemsError, SURVEY_LOCK_SPACE } from './surveys.service';

type ResponseInput = z.output<typeof zCreateResponseRequest>;
export type ResponseItem = z.output<typeof zBatchResponsesRequest>['responses'][number];
type ResponseRow = typeof surveyResponses.$inferInsert;

/** How far a phone's clock may run ahead of the server's before a response "from the future" is refused. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

// ---------------------------------------------------------------------------------------------
// What intake reads, kept in process memory
//
// Intake is the hot path (a whole team's phones syncing at once), so it reads the survey row once
// per request and keeps the questions of each version in memory. A version that has responses
// never changes (new questions then make a new version), so it is cached by (survey, number). A
// version without responses may still be edited in place: it is cached by (survey, number, survey
// row version), which an edit bumps, and intake checks answers against it under the survey's
// advisory lock taken shared, which the edit takes exclusively, so no response slips in against
// questions that changed under it, in this process or another.

const CACHE_LIMIT = 2000;
const questionCache = new Map<string, Question[]>();
/** `surveyId:number` of versions known to have responses, so to be immutable (responses are never deleted). */
const settledVersions = new Set<string>();
const VILLAGE_TTL_MS = 60_000;
const villageCache = new Map<string, { loadedAt: number; names: Map<string, string> }>();

function remember(key: string, questions: Question[]): void {
  if (questionCache.size >= CACHE_LIMIT) {
    const oldest = questionCache.keys().next().value;
    if (oldest !== undefined) questionCache.delete(oldest);
  }
  questionCache.set(key, questions);
}

function markSettled(key: string): void {
  if (settledVersions.size >= CACHE_LIMIT * 10) settledVersions.clear();
  settledVersions.add(key);
}

interface SurveyHead {
  id: string;
  stationId: string;
  status: 'draft' | 'open' | 'closed';
  currentVersion: number;
  audience: string;
  /** The survey row's version: any edit bumps it. */
  version: number;
}

async function readHead(ctx: Ctx, surveyId: string): Promise<SurveyHead> {
  const [head] = await ctx.db
    .select({ id: surveys.id, stationId: surveys.stationId, status: surveys.status, currentVersion: surveys.currentVersion, audience: surveys.audience, version: surveys.version })
    .from(surveys)
    .where(and(eq(surveys.id, surveyId), stationScope(ctx, surveys.stationId)));
  if (!head) throw notFound();
  return head;
}

/** The questions of a version, and whether the version is settled (has responses, so cannot change any more). */
async function questionsOf(ctx: Ctx, head: SurveyHead, number: number): Promise<{ questions: Question[]; settled: boolean }> {
  const base = `${head.id}:${number}`;
  // Only the current version can lack responses: a new version is made only once the current one has some.
  let settled = number < head.currentVersion || settledVersions.has(base);
  const cached = questionCache.get(settled ? base : `${base}:${head.version}`);
  if (cached) return { questions: cached, settled };
  const [version] = await ctx.db
    .select({ questions: surveyVersions.questions })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, head.id), eq(surveyVersions.number, number)));
  if (!version) throw fieldError('versionNumber', 'survey.versionUnknown');
  if (!settled) {
    const answered = await ctx.db
      .select({ one: sql<number>`1` })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.surveyId, head.id), eq(surveyResponses.versionNumber, number)))
      .limit(1);
    settled = answered.length > 0;
    if (settled) markSettled(base);
  }
  remember(settled ? base : `${base}:${head.version}`, version.questions);
  return { questions: version.questions, settled };
}

async function villageNames(ctx: Ctx, stationId: string, villageId: string): Promise<Map<string, string>> {
  const cached = villageCache.get(stationId);
  if (cached && cached.names.has(villageId) && Date.now() - cached.loadedAt < VILLAGE_TTL_MS) return cached.names;
  const names = new Map((await villagesOfStation(ctx, stationId)).map((v) => [v.id, v.name]));
  villageCache.set(stationId, { loadedAt: Date.now(), names });
  return names;
}

// ---------------------------------------------------------------------------------------------
// Intake

/** The fingerprint of what the client sent, to tell a retry (same id, same content) from a clash. */
export function responseHash(item: ResponseItem): string {
  const content = {
    surveyId: item.surveyId,
    personId: item.personId ?? null,
    versionNumber: item.versionNumber ?? null,
    source: item.source,
    collectedAt: item.collectedAt ? new Date(item.collectedAt).toISOString() : null,
    villageId: item.personId ? null : (item.villageId ?? null),
    gender: item.personId ? null : (item.gender ?? null),
    ageBand: item.personId ? null : (item.ageBand ?? null),
    answers: item.answers,
    note: item.note ?? null,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('base64url');
}

interface Prepared {
  index: number;
  item: ResponseItem;
  head: SurveyHead;
  settled: boolean;
  row: ResponseRow & { id: string; collectedAt: Date; answers: Record<string, SurveyResponse['answers'][string]> };
  personName: string | null;
  villageName: string | null;
  needTypes: NeedTypeCode[];
}

/** Checks one response against its survey and makes the row to insert (nothing written). */
async function prepare(ctx: Ctx, index: number, item: ResponseItem, head: SurveyHead, hash: string): Promise<Prepared> {
  const actor = actorOf(ctx);
  if (head.status !== 'open') throw fieldError('', 'survey.closed');
  const number = item.versionNumber ?? head.currentVersion;
  if (number > head.currentVersion) throw fieldError('versionNumber', 'survey.versionUnknown');
  const collectedAt = item.collectedAt ? new Date(item.collectedAt) : ctx.now;
  if (collectedAt.getTime() > ctx.now.getTime() + FUTURE_TOLERANCE_MS) throw fieldError('collectedAt', 'survey.collectedFuture');
  const { questions, settled } = await questionsOf(ctx, head, number);
  const checked = checkAnswers(questions, item.answers);
  if (checked.problems.length > 0) throw questionProblemsError(checked.problems);
  const needs = needTypesOf(questions, checked.answers);

  let respondent: Pick<ResponseRow, 'personId' | 'villageId' | 'gender' | 'ageBand' | 'groups'>;
  let personName: string | null = null;
  let villageName: string | null = null;
  if (item.personId) {
    const { row: person, villageName: personVillage } = await loadPersonRow(ctx, item.personId);
    if (person.stationId !== head.stationId) throw fieldError('personId', 'survey.personUnknown');
    personName = person.name;
    villageName = personVillage;
    respondent = {
      personId: person.id,
      villageId: person.villageId,
      gender: person.gender,
      ageBand: person.birthDate ? ageBandOf(ageOn(person.birthDate, shanghaiDay(collectedAt))) : null,
      groups: [...new Set([...person.groups, head.audience])],
    };
  } else {
    if (item.villageId) {
      const names = await villageNames(ctx, head.stationId, item.villageId);
      if (!names.has(item.villageId)) throw fieldError('villageId', 'survey.villageUnknown');
      villageName = names.get(item.villageId) ?? null;
    }
    respondent = { personId: null, villageId: item.villageId ?? null, gender: item.gender ?? null, ageBand: item.ageBand ?? null, groups: [head.audience] };
  }
  return {
    index,
    item,
    head,
    settled,
    personName,
    villageName,
    needTypes: needs.needTypes,
    row: {
      id: item.id ?? uuidv7(),
      stationId: head.stationId,
      surveyId: head.id,
      versionNumber: number,
      ...respondent,
      source: item.source,
      collectedAt,
      collectedBy: actor.userId,
      answers: checked.answers,
      needTypes: needs.needTypes,
      firstNeedTypes: needs.firstNeedTypes,
      note: item.note ?? null,
      contentHash: hash,
      createdAt: ctx.now,
    },
  };
}

function replyOfPrepared(ctx: Ctx, p: Prepared): SurveyResponse {
  const actor = actorOf(ctx);
  const row = p.row;
  return {
    id: row.id,
    surveyId: row.surveyId,
    stationId: row.stationId,
    versionNumber: row.versionNumber,
    person: row.personId ? { id: row.personId, name: p.personName ?? '' } : null,
    villageId: row.villageId ?? null,
    villageName: p.villageName,
    gender: row.gender ?? null,
    ageBand: (row.ageBand as AgeBand | null) ?? null,
    groups: (row.groups ?? []) as GroupCode[],
    source: row.source,
    collectedAt: row.collectedAt.toISOString(),
    collectedBy: { id: actor.userId, name: actor.displayName },
    answers: row.answers,
    needTypes: p.needTypes,
    note: row.note ?? null,
    createdAt: ctx.now.toISOString(),
  };
}

/**
 * A response already stored under this client id: the same content is a retry (→ the stored
 * response), other content or another station's response is a clash (→ 409 DUPLICATE, never a
 * leak); none → null.
 */
async function retried(ctx: Ctx, id: string, hash: string): Promise<SurveyResponse | null> {
  const [existing] = await ctx.db.select({ contentHash: surveyResponses.contentHash }).from(surveyResponses).where(eq(surveyResponses.id, id));
  if (!existing) return null;
  const clash = new AppError('DUPLICATE', { details: { existingId: id } });
  if (existing.contentHash !== hash) throw clash;
  const [found] = await selectResponses(ctx).where(and(eq(surveyResponses.id, id), stationScope(ctx, surveyResponses.stationId)));
  if (!found) throw clash;
  return (await toReplies(ctx, [found]))[0]!;
}

type Outcome = { status: 'created' | 'existing'; response: SurveyResponse } | { status: 'refused'; id: string | null; error: AppError };

/** One request's checked responses waiting to be written, with the caller who sent them. */
interface WriteJob {
  ctx: Ctx;
  prepared: Prepared[];
  hashes: readonly string[];
  /** Decides a refused item's outcome (a retry of a response already taken is not refused). */
  refuse: (ctx: Ctx, index: number, error: unknown) => Promise<Outcome>;
  done: (outcomes: Map<number, Outcome>, created: Prepared[]) => void;
  failed: (error: unknown) => void;
}

/** Reads a survey again by id (its scope was checked when the responses were prepared). */
async function rereadHead(ctx: Ctx, surveyId: string): Promise<SurveyHead | null> {
  const [head] = await ctx.db
    .select({ id: surveys.id, stationId: surveys.stationId, status: surveys.status, currentVersion: surveys.currentVersion, audience: surveys.audience, version: surveys.version })
    .from(surveys)
    .where(eq(surveys.id, surveyId));
  return head ?? null;
}

/**
 * Writes the checked responses of several requests in one transaction: the responses in one
 * insert, the needs of linked respondents, and last the audit events, appended together. The
 * audit chain's head is a row lock held until commit, so appending one response per transaction
 * would queue every phone of a station behind one commit after another; a group shares one.
 */
async function writeGroup(jobs: readonly WriteJob[]): Promise<void> {
  const results = jobs.map(() => ({ outcomes: new Map<number, Outcome>(), created: [] as Prepared[] }));
  await inTransaction(jobs[0]!.ctx, async (tx) => {
    const own = (job: WriteJob): Ctx => ({ ...job.ctx, db: tx.db });
    // Versions that could still be edited in place: take each survey's lock shared, read the
    // survey again and check the responses once more if it changed meanwhile. Sorted, so
    // concurrent writers take the locks in one order.
    let accepted = jobs.flatMap((job, j) => job.prepared.map((p) => ({ job, j, p })));
    const unsettled = [...new Set(accepted.filter(({ p }) => !p.settled).map(({ p }) => p.head.id))].sort();
    if (unsettled.length > 0) {
      const fresh = new Map<string, SurveyHead | null>();
      for (const surveyId of unsettled) {
        await tx.db.execute(sql`select pg_advisory_xact_lock_shared(${SURVEY_LOCK_SPACE}, hashtext(${surveyId}))`);
        fresh.set(surveyId, await rereadHead(tx, surveyId));
      }
      const kept: typeof accepted = [];
      for (const entry of accepted) {
        const { job, j, p } = entry;
        const now = fresh.get(p.head.id);
        if (now === undefined || now?.version === p.head.version) {
          kept.push(entry);
          continue;
        }
        try {
          if (!now) throw notFound();
          kept.push({ job, j, p: await prepare(own(job), p.index, p.item, now, job.hashes[p.index]!) });
        } catch (error) {
          results[j]!.outcomes.set(p.index, await job.refuse(own(job), p.index, error));
        }
      }
      accepted = kept;
    }
    if (accepted.length === 0) return;

    const inserted = new Set(
      (
        await tx.db
          .insert(surveyResponses)
          .values(accepted.map(({ p }) => p.row))
          .onConflictDoNothing({ target: surveyResponses.id })
          .returning({ id: surveyResponses.id })
      ).map((row) => row.id),
    );
    const created: typeof accepted = [];
    for (const entry of accepted) {
      const { job, j, p } = entry;
      // The first of several items with one id (a queue sent twice in one batch) made it; the others are retries of it.
      if (inserted.delete(p.row.id)) {
        created.push(entry);
        results[j]!.created.push(p);
        results[j]!.outcomes.set(p.index, { status: 'created', response: replyOfPrepared(job.ctx, p) });
        continue;
      }
      try {
        const existing = await retried(own(job), p.row.id, job.hashes[p.index]!);
        if (!existing) throw new Error(`response ${p.row.id} conflicted but is not there`);
        results[j]!.outcomes.set(p.index, { status: 'existing', response: existing });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results[j]!.outcomes.set(p.index, { status: 'refused', id: p.row.id, error });
      }
    }
    // Station by station, so the audit chains are locked in the same order as recordAudits takes them.
    created.sort((a, b) => (a.p.row.stationId < b.p.row.stationId ? -1 : a.p.row.stationId > b.p.row.stationId ? 1 : 0));
    // The needs of linked respondents; their audit events join the group's, appended at once below.
    const needEvents: AuditAppend[] = [];
    for (const { job, p } of created) {
      if (p.row.personId && p.row.villageId && p.needTypes.length > 0) {
        const { audits } = await insertNeeds(own(job), { stationId: p.row.stationId, personId: p.row.personId, villageId: p.row.villageId, needTypes: p.needTypes, source: 'survey', sourceId: p.row.id });
        needEvents.push(...audits);
      }
    }
    await recordAudits(tx, [
      ...needEvents,
      ...created.map(({ job, p }) => ({
        ctx: job.ctx,
        input: {
          action: 'survey.response.create',
          entityType: 'survey_response',
          entityId: p.row.id,
          stationId: p.row.stationId,
          details: { surveyId: p.row.surveyId, versionNumber: p.row.versionNumber, personId: p.row.personId ?? null, source: p.row.source },
        },
      })),
    ]);
  });
  jobs.forEach((job, j) => job.done(results[j]!.outcomes, results[j]!.created));
}

/** At most this many responses go into one transaction. */
const GROUP_LIMIT = 400;

/**
 * Requests' responses queue here while a transaction is writing; the next transaction writes
 * everything that queued meanwhile (group commit). A process has one writer per database, so
 * one transaction writes at a time and each waits at most for the one before it.
 */
class GroupWriter {
  private queue: WriteJob[] = [];
  private writing = false;

  write(job: WriteJob): void {
    this.queue.push(job);
    if (!this.writing) void this.drain();
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const group: WriteJob[] = [];
        let items = 0;
        while (this.queue.length > 0 && (group.length === 0 || items + this.queue[0]!.prepared.length <= GROUP_LIMIT)) {
          const job = this.queue.shift()!;
          group.push(job);
          items += job.prepared.length;
        }
        try {
          await writeGroup(group);
        } catch (error) {
          if (group.length === 1) {
            group[0]!.failed(error);
            continue;
          }
          // One request's trouble must not fail the others: write each on its own.
          for (const job of group) await writeGroup([job]).catch((own: unknown) => job.failed(own));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}

const writers = new WeakMap<object, GroupWriter>();

function writerOf(ctx: Ctx): GroupWriter {
  let writer = writers.get(ctx.deps.db);
  if (!writer) {
    writer = new GroupWriter();
    writers.set(ctx.deps.db, writer);
  }
  return writer;
}

/**
 * Takes in responses: checks each (a refused one changes nothing), then has the accepted ones
 * written, together with those of other requests arriving meanwhile, in one transaction.
 */
async function intake(ctx: Ctx, items: readonly ResponseItem[]): Promise<Outcome[]> {
  const outcomes: (Outcome | undefined)[] = new Array(items.length);
  const hashes = items.map(responseHash);
  const heads = new Map<string, Promise<SurveyHead>>();
  const prepared: Prepared[] = [];

  const refuse = async (c: Ctx, index: number, error: unknown): Promise<Outcome> => {
    if (!(error instanceof AppError)) throw error;
    const item = items[index]!;
    // A phone resending a response the server took before the survey closed (or before anything else changed) gets it back.
    if (item.id) {
      try {
        const existing = await retried(c, item.id, hashes[index]!);
        if (existing) return { status: 'existing', response: existing };
      } catch (clash) {
        if (!(clash instanceof AppError)) throw clash;
        return { status: 'refused', id: item.id, error: clash };
      }
    }
    return { status: 'refused', id: item.id ?? null, error };
  };

  for (const [index, item] of items.entries()) {
    try {
      let head = heads.get(item.surveyId);
      if (!head) {
        head = readHead(ctx, item.surveyId);
        heads.set(item.surveyId, head);
      }
      prepared.push(await prepare(ctx, index, item, await head, hashes[index]!));
    } catch (error) {
      outcomes[index] = await refuse(ctx, index, error);
    }
  }
  if (prepared.length > 0) {
    const written = await new Promise<Map<number, Outcome>>((resolve, reject) => {
      writerOf(ctx).write({
        ctx,
        prepared,
        hashes,
        refuse,
        done: (results, created) => {
          for (const p of created) markSettled(`${p.head.id}:${p.row.versionNumber}`);
          resolve(results);
        },
        failed: reject,
      });
    });
    for (const [index, outcome] of written) outcomes[index] = outcome;
  }
  return outcomes.map((o, index) => {
    if (!o) throw new Error(`response ${index} has no outcome`);
    return o;
  });
}

/** One response to a survey. Idempotent by the client's id: 201 the first time, 200 with the same response on a retry. */
export async function createResponse(ctx: Ctx, surveyId: string, input: ResponseInput): Promise<{ response: SurveyResponse; created: boolean }> {
  const [outcome] = await intake(ctx, [{ ...input, surveyId }]);
  if (!outcome) throw new Error('intake answered nothing');
  if (outcome.status === 'refused') throw outcome.error;
  return { response: outcome.response, created: outcome.status === 'created' };
}

/** A phone's queue: each response accepted (created or already there) or refused on its own, the accepted ones in one transaction. */
export async function createResponses(ctx: Ctx, items: readonly ResponseItem[]): Promise<BatchResponsesReply> {
  const outcomes = await intake(ctx, items);
  const results = outcomes.map((o): BatchResponsesReply['results'][number] => {
    if (o.status !== 'refused') return { id: o.response.id, status: o.status };
    const details = localiseDetails(o.error.details, ctx.lang);
    return { id: o.id, status: 'refused', error: { code: o.error.code, message: ERRORS[o.error.code][ctx.lang], ...(details === undefined ? {} : { details }) } };
  });
  return {
    results,
    created: outcomes.filter((o) => o.status === 'created').length,
    existing: outcomes.filter((o) => o.status === 'existing').length,
    refused: outcomes.filter((o) => o.status === 'refused').length,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading responses

const withNames = { row: surveyResponses, personName: people.name, villageName: orgs.name };

function selectResponses(ctx: Ctx) {
  return ctx.db.select(withNames).from(surveyResponses).leftJoin(people, eq(people.id, surveyResponses.personId)).leftJoin(orgs, eq(orgs.id, surveyResponses.villageId));
}

type ResponseWithNames = { row: typeof surveyResponses.$inferSelect; personName: string | null; villageName: string | null };

async function toReplies(ctx: Ctx, rows: readonly ResponseWithNames[]): Promise<SurveyResponse[]> {
  const names = await userNames(
    ctx,
    rows.map((r) => r.row.collectedBy),
  );
  return rows.map(({ row, personName, villageName }) => ({
    id: row.id,
    surveyId: row.surveyId,
    stationId: row.stationId,
    versionNumber: row.versionNumber,
    person: row.personId ? { id: row.personId, name: personName ?? '' } : null,
    villageId: row.villageId,
    villageName,
    gender: row.gender,
    ageBand: row.ageBand as AgeBand | null,
    groups: row.groups as GroupCode[],
    source: row.source,
    collectedAt: row.collectedAt.toISOString(),
    collectedBy: { id: row.collectedBy, name: names.get(row.collectedBy) ?? '—' },
    answers: row.answers,
    needTypes: row.needTypes as NeedTypeCode[],
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  }));
}

export function responseConditions(survey: { id: string; stationId: string }, query: Pick<ListResponsesQuery, 'villageId' | 'personId' | 'versionNumber'>): SQL[] {
  const conditions: SQL[] = [eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.stationId, survey.stationId)];
  if (query.villageId) conditions.push(eq(surveyResponses.villageId, query.villageId));
  if (query.personId) conditions.push(eq(surveyResponses.personId, query.personId));
  if (query.versionNumber) conditions.push(eq(surveyResponses.versionNumber, query.versionNumber));
  return conditions;
}

/** A page of responses keyset on (collected_at, id), newest first, with names of the page only, and no count: it stays fast at any size. Audited. */
export async function listResponses(ctx: Ctx, surveyId: string, query: ListResponsesQuery): Promise<{ items: SurveyResponse[]; nextCursor: string | null }> {
  const survey = await loadSurveyRow(ctx, surveyId);
  const conditions = responseConditions(survey, query);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const after = new Date(at);
    if (Number.isNaN(after.getTime())) throw fieldError('cursor', 'cursor.invalid');
    conditions.push(or(lt(surveyResponses.collectedAt, after), and(eq(surveyResponses.collectedAt, after), lt(surveyResponses.id, id)))!);
  }
  const rows = await selectResponses(ctx)
    .where(and(...conditions))
    .orderBy(desc(surveyResponses.collectedAt), desc(surveyResponses.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  // Not in a transaction, so the names and the audit event may go to the database side by side.
  const [items] = await Promise.all([
    toReplies(ctx, page),
    recordAudit(ctx, { action: 'survey.responses.read', entityType: 'survey', entityId: survey.id, stationId: survey.stationId, details: { surveyId: survey.id, count: page.length } }),
  ]);
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.row.collectedAt.toISOString(), last.row.id]) : null };
}

/** One response (audited: it carries a person's answers). */
export async function getResponse(ctx: Ctx, surveyId: string, responseId: string): Promise<SurveyResponse> {
  const [found] = await selectResponses(ctx).where(and(eq(surveyResponses.id, responseId), eq(surveyResponses.surveyId, surveyId), stationScope(ctx, surveyResponses.stationId)));
  if (!found) throw notFound();
  const [response] = await toReplies(ctx, [found]);
  await recordAudit(ctx, {
    action: 'survey.response.read',
    entityType: 'survey_response',
    entityId: responseId,
    stationId: found.row.stationId,
    details: { surveyId, personId: found.row.personId },
  });
  return response!;
}

// A person's timeline lists the surveys they answered (to those who may read responses).
registerTimelineSource(async (ctx, person) => {
  if (!ctx.actor?.permissions.has('surveys:responses')) return [];
  const rows = await ctx.db
    .select({ id: surveyResponses.id, collectedAt: surveyResponses.collectedAt, title: surveys.title })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .where(and(eq(surveyResponses.stationId, person.stationId), eq(surveyResponses.personId, person.id)))
    .orderBy(desc(surveyResponses.collectedAt))
    .limit(200);
  const lead = ctx.lang === 'zh-CN' ? '问卷调查：' : 'Survey: ';
  return rows.map((r) => ({ at: r.collectedAt.toISOString(), kind: 'survey_response', title: `${lead}${r.title}`, refId: r.id }));
});
