import { and, asc, desc, eq, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { caseEvents, cases, orgs, people } from '../../db/schema/index';
import { AppError, fieldError, isUniqueViolation, issuesToDetails, notFound } from '../../errors';
import { stationScope } from '../../auth/scope';
import { recordAudit } from '../../audit/audit';
import { decodeCursor, encodeCursor } from '../../pagination';
import { loadPersonRow, registerTimelineSource, todayOf } from '../people/people.service';
import type { PersonRow } from '../people/people.reply';
import { stationStaff, userNames } from '../users/users.service';
import { caseServiceStats, lastContacts } from '../services/services.service';
import { CASE_DOCUMENTS, CASE_STAGES, type CaseDocumentKind, type CaseStage, type ClosureReason, type RiskLevel } from '../../../shared/codes';
import { FIELD_MESSAGES } from '../../../shared/errors';
import {
  CASE_DOCUMENT_SCHEMAS,
  type Case,
  type CaseDocuments,
  type CaseEvent,
  type CaseSummary,
  type CreateCaseRequest,
  type ListCasesQuery,
  type PlanDocument,
  type Referral,
  type zCloseRequestRequest,
  type zDeclineCloseRequest,
  type zReferralOutcomeRequest,
  type zReferralRequest,
  type zReviewRequest,
  type zTransferRequest,
  type zTransitionRequest,
} from '../../../shared/schemas/cases';
import { registerNeeds } from '../needs/needs.service';
import { addedNeeds } from '../needs/needs.rules';
import { addDays, checkTransition, documentProblems, documentWritable, reviewIntervalDays, type Problem } from './cases.rules';

type CaseRow = typeof cases.$inferSelect;
type EventKind = CaseEvent['kind'];
interface EventInput {
  kind: EventKind;
  fromStage?: CaseStage | null;
  toStage?: CaseStage | null;
  document?: CaseDocumentKind | null;
  note?: string | null;
  details?: unknown;
}

const DOCUMENT_KINDS = Object.keys(CASE_DOCUMENTS) as CaseDocumentKind[];

function documentsOf(row: CaseRow): CaseDocuments {
  return {
    intake: row.intake as CaseDocuments['intake'],
    assessment: row.assessment as CaseDocuments['assessment'],
    plan: row.plan as CaseDocuments['plan'],
    evaluation: row.evaluation as CaseDocuments['evaluation'],
    closure: row.closure as CaseDocuments['closure'],
  };
}

function problemDetails(ctx: Ctx, problems: Problem[]) {
  return problems.map((p) => ({ path: p.path, message: FIELD_MESSAGES[p.key][ctx.lang] }));
}

const withNames = { row: cases, personName: people.name, villageName: orgs.name };

function selectCases(ctx: Ctx) {
  return ctx.db.select(withNames).from(cases).innerJoin(people, eq(people.id, cases.personId)).leftJoin(orgs, eq(orgs.id, cases.villageId));
}

async function loadCaseRow(ctx: Ctx, id: string): Promise<{ row: CaseRow; personName: string; villageName: string | null }> {
  const [found] = await selectCases(ctx).where(and(eq(cases.id, id), stationScope(ctx, cases.stationId)));
  if (!found) throw notFound();
  return found;
}

async function toSummaries(ctx: Ctx, rows: { row: CaseRow; personName: string; villageName: string | null }[]): Promise<CaseSummary[]> {
  const [names, contacts] = await Promise.all([
    userNames(
      ctx,
      rows.map((r) => r.row.workerId),
    ),
    lastContacts(
      ctx,
      rows.map((r) => r.row.personId),
    ),
  ]);
  const today = todayOf(ctx);
  return rows.map(({ row, personName, villageName }) => ({
    id: row.id,
    stationId: row.stationId,
    personId: row.personId,
    personName,
    villageName,
    stage: row.stage,
    source: row.source,
    presentingProblem: row.presentingProblem,
    worker: { id: row.workerId, name: names.get(row.workerId) ?? '—' },
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    nextReviewOn: row.nextReviewOn,
    reviewOverdue: !row.closedAt && row.nextReviewOn !== null && row.nextReviewOn < today,
    lastContactAt: contacts.get(row.personId)?.toISOString() ?? null,
    closeRequested: row.closeRequestedAt !== null,
    version: row.version,
  }));
}

async function toCase(ctx: Ctx, found: { row: CaseRow; personName: string; villageName: string | null }): Promise<Case> {
  const { row } = found;
  const [summary] = await toSummaries(ctx, [found]);
  const [events, stats] = await Promise.all([
    ctx.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.stationId, row.stationId), eq(caseEvents.caseId, row.id)))
      .orderBy(asc(caseEvents.at), asc(caseEvents.id))
      .limit(500),
    caseServiceStats(ctx, row.id, row.stationId),
  ]);
  const names = await userNames(ctx, [...events.map((e) => e.by), ...[row.closeRequestedBy, row.approvedBy].filter((id): id is string => id !== null)]);
  const ref = (id: string) => ({ id, name: names.get(id) ?? '—' });
  const documents = documentsOf(row);
  const today = todayOf(ctx);
  const results = new Map((documents.evaluation?.goals ?? []).map((g) => [g.goalId, g.result ?? null]));
  return {
    ...summary!,
    householdId: row.householdId,
    closureReason: (row.closureReason as ClosureReason | null) ?? null,
    closeRequest: row.closeRequestedAt && row.closeRequestedBy ? { by: ref(row.closeRequestedBy), at: row.closeRequestedAt.toISOString(), note: row.closeRequestNote } : null,
    approvedBy: row.approvedBy ? ref(row.approvedBy) : null,
    documents,
    missing: Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, problemDetails(ctx, documentProblems(kind, documents))])) as Case['missing'],
    referrals: row.referrals as Referral[],
    history: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind as EventKind,
      by: ref(e.by),
      fromStage: e.fromStage as CaseStage | null,
      toStage: e.toStage as CaseStage | null,
      note: e.note,
      document: e.document as CaseDocumentKind | null,
    })),
    goalProgress: (documents.plan?.goals ?? []).map((goal) => {
      const served = stats.perGoal.get(goal.id);
      const result = results.get(goal.id) ?? null;
      return {
        goalId: goal.id,
        description: goal.description ?? null,
        targetDate: goal.targetDate ?? null,
        serviceCount: served?.count ?? 0,
        lastServiceAt: served?.last.toISOString() ?? null,
        result,
        overdue: !result && !!goal.targetDate && goal.targetDate < today && row.stage !== 'closed',
      };
    }),
    serviceCount: stats.total,
  };
}

async function reply(ctx: Ctx, id: string): Promise<Case> {
  return toCase(ctx, await loadCaseRow(ctx, id));
}

async function insertEvents(tx: Ctx, row: Pick<CaseRow, 'id' | 'stationId'>, events: EventInput[]): Promise<void> {
  const by = actorOf(tx).userId;
  for (const [index, event] of events.entries()) {
    await tx.db.insert(caseEvents).values({
      id: uuidv7(),
      stationId: row.stationId,
      caseId: row.id,
      // Events of one change keep their order when read back by time.
      at: new Date(tx.now.getTime() + index),
      by,
      kind: event.kind,
      fromStage: event.fromStage ?? null,
      toStage: event.toStage ?? null,
      document: event.document ?? null,
      note: event.note ?? null,
      details: event.details ?? null,
    });
  }
}

interface Decision {
  set: Partial<CaseRow>;
  events: EventInput[];
  details?: Record<string, unknown>;
  /** Writes of other modules that belong to the change, in its transaction. */
  alongside?: (tx: Ctx) => Promise<void>;
}

/**
 * The one way a case changes: the version read must be current (else 409 with the current case),
 * a closed case is not changed (409 CASE_CLOSED), and the change, its events and its audit
 * event are written in one transaction.
 */
async function changeCase(
  ctx: Ctx,
  id: string,
  version: number,
  action: string,
  decide: (row: CaseRow) => Promise<Decision> | Decision,
  options: { allowClosed?: boolean } = {},
): Promise<Case> {
  const found = await loadCaseRow(ctx, id);
  const { row } = found;
  if (row.stage === 'closed' && !options.allowClosed) throw new AppError('CASE_CLOSED');
  if (row.version !== version) throw new AppError('VERSION_CONFLICT', { details: { current: await toCase(ctx, found) } });
  const { set, events, details, alongside } = await decide(row);
  await inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .update(cases)
      .set({ ...set, updatedAt: ctx.now, version: row.version + 1 })
      .where(and(eq(cases.id, id), eq(cases.version, version)))
      .returning({ id: cases.id });
    if (updated.length === 0) throw new AppError('VERSION_CONFLICT', { details: { current: await reply(ctx, id) } });
    await insertEvents(tx, row, events);
    await recordAudit(tx, { action, entityType: 'case', entityId: id, stationId: row.stationId, details: { personId: row.personId, ...details } });
    if (alongside) await alongside(tx);
  });
  return reply(ctx, id);
}

async function requireWorker(ctx: Ctx, stationId: string, workerId: string, path: string): Promise<void> {
  const staff = await stationStaff(ctx, stationId);
  if (!staff.workers.some((w) => w.id === workerId)) throw fieldError(path, 'case.workerUnknown');
}

function nextReview(ctx: Ctx, riskLevel: RiskLevel | null | undefined): string {
  return addDays(todayOf(ctx), reviewIntervalDays(riskLevel));
}

/** Opens a case (接案) for a person, optionally as a household case. Idempotent by the client's id. */
export async function createCase(ctx: Ctx, input: CreateCaseRequest): Promise<{ item: Case; created: boolean }> {
  if (input.id) {
    const [existing] = await ctx.db.select({ id: cases.id, personId: cases.personId }).from(cases).where(eq(cases.id, input.id));
    if (existing) {
      if (existing.personId !== input.personId) throw new AppError('DUPLICATE', { details: { existingId: input.id } });
      return { item: await reply(ctx, input.id).catch(() => Promise.reject(new AppError('DUPLICATE', { details: { existingId: input.id } }))), created: false };
    }
  }
  const actor = actorOf(ctx);
  const { row: person } = await loadPersonRow(ctx, input.personId);
  if (input.householdId && input.householdId !== person.householdId) throw fieldError('householdId', 'case.householdMismatch');
  const workerId = input.workerId ?? actor.userId;
  await requireWorker(ctx, person.stationId, workerId, 'workerId');
  const id = input.id ?? uuidv7();
  const row: typeof cases.$inferInsert = {
    id,
    stationId: person.stationId,
    personId: person.id,
    villageId: person.villageId,
    householdId: input.householdId ?? null,
    workerId,
    stage: 'intake',
    source: input.source,
    presentingProblem: input.presentingProblem,
    intake: { source: input.source, presentingProblem: input.presentingProblem, intakeOn: todayOf(ctx) },
    openedAt: ctx.now,
    nextReviewOn: nextReview(ctx, person.riskLevel),
    createdBy: actor.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  try {
    await inTransaction(ctx, async (tx) => {
      await tx.db.insert(cases).values(row);
      await insertEvents(tx, { id, stationId: person.stationId }, [{ kind: 'opened', toStage: 'intake' }]);
      await recordAudit(tx, { action: 'case.create', entityType: 'case', entityId: id, stationId: person.stationId, details: { personId: person.id } });
    });
  } catch (error) {
    if (input.id && isUniqueViolation(error)) return { item: await reply(ctx, id), created: false };
    throw error;
  }
  return { item: await reply(ctx, id), created: true };
}

/** A case with its documents and history (audited: case notes are sensitive). */
export async function getCase(ctx: Ctx, id: string): Promise<Case> {
  const item = await reply(ctx, id);
  await recordAudit(ctx, { action: 'case.read', entityType: 'case', entityId: id, stationId: item.stationId, details: { personId: item.personId } });
  return item;
}

export async function findCases(ctx: Ctx, query: ListCasesQuery): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  const actor = actorOf(ctx);
  const conditions: SQL[] = [stationScope(ctx, cases.stationId)];
  if (query.mine === 'true') conditions.push(eq(cases.workerId, actor.userId));
  if (query.workerId) conditions.push(eq(cases.workerId, query.workerId));
  if (query.personId) conditions.push(eq(cases.personId, query.personId));
  if (query.stage) conditions.push(eq(cases.stage, query.stage));
  if (query.status === 'open') conditions.push(isNull(cases.closedAt));
  if (query.status === 'closed') conditions.push(isNotNull(cases.closedAt));
  if (query.reviewDue === 'true') conditions.push(isNull(cases.closedAt), lt(cases.nextReviewOn, todayOf(ctx)));
  if (query.closeRequested === 'true') conditions.push(isNull(cases.closedAt), isNotNull(cases.closeRequestedAt));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const after = new Date(at);
    if (Number.isNaN(after.getTime())) throw fieldError('cursor', 'cursor.invalid');
    conditions.push(or(lt(cases.openedAt, after), and(eq(cases.openedAt, after), lt(cases.id, id)))!);
  }
  const rows = await selectCases(ctx)
    .where(and(...conditions))
    .orderBy(desc(cases.openedAt), desc(cases.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: await toSummaries(ctx, page), nextCursor: rows.length > query.limit && last ? encodeCursor([last.row.openedAt.toISOString(), last.row.id]) : null };
}

/** Saves a stage's document (a draft may be incomplete); the content it replaces is kept in the history. */
export async function saveDocument(ctx: Ctx, id: string, kind: CaseDocumentKind, input: { version: number; content: Record<string, unknown> }): Promise<Case> {
  const parsed = CASE_DOCUMENT_SCHEMAS[kind].safeParse(input.content);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { details: issuesToDetails(parsed.error.issues, ctx.lang) });
  const content = parsed.data;
  if (kind === 'plan') {
    const ids = ((content as PlanDocument).goals ?? []).map((g) => g.id);
    const twice = ids.findIndex((goalId, index) => ids.indexOf(goalId) !== index);
    if (twice >= 0) throw new AppError('VALIDATION_FAILED', { details: [{ path: `goals.${twice}.id`, messageKey: 'case.goalIdTwice' }] });
  }
  return changeCase(ctx, id, input.version, 'case.document', (row) => {
    if (!documentWritable(kind, row.stage)) throw fieldError('document', 'case.documentNotYet');
    if (kind === 'evaluation') {
      const planGoals = new Set(((row.plan as PlanDocument | null)?.goals ?? []).map((g) => g.id));
      const goals = (content as NonNullable<CaseDocuments['evaluation']>).goals ?? [];
      const unknown = goals.findIndex((g) => !planGoals.has(g.goalId));
      if (unknown >= 0) throw new AppError('VALIDATION_FAILED', { details: [{ path: `goals.${unknown}.goalId`, messageKey: 'service.goalUnknown' }] });
    }
    const set: Partial<CaseRow> = { [kind]: content };
    // A higher risk found by the assessment brings the next review forward, never back.
    if (kind === 'assessment') {
      const sooner = nextReview(ctx, (content as NonNullable<CaseDocuments['assessment']>).riskLevel);
      if (!row.nextReviewOn || sooner < row.nextReviewOn) set.nextReviewOn = sooner;
    }
    // Needs the assessment adds (not those it already had) go to the needs register with it.
    const added = kind === 'assessment' ? addedNeeds((row.assessment as CaseDocuments['assessment'])?.needs, (content as CaseDocuments['assessment'])?.needs) : [];
    const alongside = async (tx: Ctx) => {
      await registerNeeds(tx, { stationId: row.stationId, personId: row.personId, villageId: row.villageId, needTypes: added, source: 'assessment', sourceId: row.id });
    };
    return { set, events: [{ kind: 'document_saved', document: kind, details: { previous: row[kind] } }], details: { document: kind }, alongside };
  });
}

/** Moves a case to another stage (see checkTransition); closing needs the manager's approval. */
export async function transitionCase(ctx: Ctx, id: string, input: z.infer<typeof zTransitionRequest>): Promise<Case> {
  const actor = actorOf(ctx);
  if (input.to === 'closed' && !actor.permissions.has('cases:approve')) {
    await loadCaseRow(ctx, id); // Out of scope stays 404, not 403.
    throw new AppError('FORBIDDEN');
  }
  const { row } = await loadCaseRow(ctx, id);
  if (row.stage === 'closed') throw new AppError('CASE_CLOSED');
  const stats = await caseServiceStats(ctx, id, row.stationId);
  const check = checkTransition(row.stage, input.to, documentsOf(row), stats.total);
  if (!check.ok) throw new AppError(check.code, check.problems ? { details: problemDetails(ctx, check.problems) } : {});
  return changeCase(ctx, id, input.version, input.to === 'closed' ? 'case.close' : 'case.transition', (current) => {
    if (current.stage !== row.stage) throw new AppError('VERSION_CONFLICT');
    const event: EventInput = { kind: input.to === 'closed' ? 'closed' : 'transition', fromStage: row.stage, toStage: input.to, note: input.note ?? null };
    if (input.to !== 'closed') return { set: { stage: input.to }, events: [event], details: { from: row.stage, to: input.to } };
    return {
      set: {
        stage: 'closed',
        closedAt: ctx.now,
        closureReason: documentsOf(row).closure?.reason ?? null,
        approvedBy: actor.userId,
        nextReviewOn: null,
        closeRequestedAt: null,
        closeRequestedBy: null,
        closeRequestNote: null,
      },
      events: [event],
      details: { from: row.stage, to: 'closed', reason: documentsOf(row).closure?.reason, requestedBy: row.closeRequestedBy },
    };
  });
}

/** A worker asks the manager to close the case; the same documents as for closing must be complete. */
export async function requestClosure(ctx: Ctx, id: string, input: z.infer<typeof zCloseRequestRequest>): Promise<Case> {
  const { row } = await loadCaseRow(ctx, id);
  if (row.stage !== 'closed') {
    const check = checkTransition(row.stage, 'closed', documentsOf(row), 0);
    if (!check.ok) throw new AppError(check.code, check.problems ? { details: problemDetails(ctx, check.problems) } : {});
  }
  return changeCase(ctx, id, input.version, 'case.close_request', () => ({
    set: { closeRequestedAt: ctx.now, closeRequestedBy: actorOf(ctx).userId, closeRequestNote: input.note ?? null },
    events: [{ kind: 'close_requested', note: input.note ?? null }],
  }));
}

export async function declineClosure(ctx: Ctx, id: string, input: z.infer<typeof zDeclineCloseRequest>): Promise<Case> {
  return changeCase(ctx, id, input.version, 'case.close_decline', (row) => {
    if (!row.closeRequestedAt) throw fieldError('closeRequest', 'case.noCloseRequest');
    return { set: { closeRequestedAt: null, closeRequestedBy: null, closeRequestNote: null }, events: [{ kind: 'close_declined', note: input.reason }] };
  });
}

export async function transferCase(ctx: Ctx, id: string, input: z.infer<typeof zTransferRequest>): Promise<Case> {
  return changeCase(ctx, id, input.version, 'case.transfer', async (row) => {
    if (row.workerId === input.workerId) throw fieldError('workerId', 'case.sameWorker');
    await requireWorker(ctx, row.stationId, input.workerId, 'workerId');
    return { set: { workerId: input.workerId }, events: [{ kind: 'transferred', note: input.reason, details: { from: row.workerId, to: input.workerId } }], details: { from: row.workerId, to: input.workerId } };
  });
}

/** Records a referral (转介表) of the case to another organisation. */
export async function referCase(ctx: Ctx, id: string, input: z.infer<typeof zReferralRequest>): Promise<Case> {
  return changeCase(ctx, id, input.version, 'case.referral', (row) => {
    const referral: Referral = {
      id: uuidv7(),
      to: input.to,
      reason: input.reason,
      materialsSent: input.materialsSent ?? null,
      consent: input.consent,
      referredOn: input.referredOn,
      outcome: null,
      outcomeOn: null,
      by: actorOf(ctx).userId,
    };
    return { set: { referrals: [...(row.referrals as Referral[]), referral] }, events: [{ kind: 'referred', note: `${input.to}：${input.reason}`, details: { referralId: referral.id } }] };
  });
}

/** The outcome of a referral may be recorded after the case is closed (the partner answers later). */
export async function recordReferralOutcome(ctx: Ctx, id: string, referralId: string, input: z.infer<typeof zReferralOutcomeRequest>): Promise<Case> {
  return changeCase(
    ctx,
    id,
    input.version,
    'case.referral_outcome',
    (row) => {
      const referrals = row.referrals as Referral[];
      if (!referrals.some((r) => r.id === referralId)) throw fieldError('referralId', 'case.referralUnknown');
      return {
        set: { referrals: referrals.map((r) => (r.id === referralId ? { ...r, outcome: input.outcome, outcomeOn: input.outcomeOn } : r)) },
        events: [{ kind: 'referral_outcome', note: input.outcome, details: { referralId } }],
      };
    },
    { allowClosed: true },
  );
}

/** A dynamic review (动态评估): what was found, and the next review date (by the risk level unless given). */
export async function reviewCase(ctx: Ctx, id: string, input: z.infer<typeof zReviewRequest>): Promise<Case> {
  return changeCase(ctx, id, input.version, 'case.review', async (row) => {
    const today = todayOf(ctx);
    if (input.nextReviewOn && input.nextReviewOn <= today) throw fieldError('nextReviewOn', 'case.reviewPast');
    const risk = (row.assessment as CaseDocuments['assessment'])?.riskLevel ?? (await loadPersonRow(ctx, row.personId)).row.riskLevel;
    const next = input.nextReviewOn ?? nextReview(ctx, risk);
    return { set: { nextReviewOn: next }, events: [{ kind: 'reviewed', note: input.note, details: { nextReviewOn: next } }] };
  });
}

/**
 * The case a service record is linked to: in scope, open, and the person's own (or, for a
 * household case, a member's). Answers as bad input of the record, since the record is what is being written.
 */
export async function caseForService(ctx: Ctx, caseId: string, person: PersonRow, options: { allowClosed?: boolean } = {}): Promise<{ id: string; goalIds: string[] }> {
  const [row] = await ctx.db.select().from(cases).where(and(eq(cases.id, caseId), stationScope(ctx, cases.stationId)));
  const belongs = row && (row.personId === person.id || (row.householdId !== null && row.householdId === person.householdId));
  if (!row || !belongs) throw fieldError('caseId', 'service.caseUnknown');
  if (row.stage === 'closed' && !options.allowClosed) throw fieldError('caseId', 'service.caseClosed');
  return { id: row.id, goalIds: ((row.plan as PlanDocument | null)?.goals ?? []).map((g) => g.id) };
}

registerTimelineSource(async (ctx, person) => {
  // Volunteers and county users never see casework, not even that a case exists.
  if (!ctx.actor?.permissions.has('cases:read')) return [];
  const rows = await ctx.db
    .select({ id: cases.id, openedAt: cases.openedAt, closedAt: cases.closedAt, problem: cases.presentingProblem })
    .from(cases)
    .where(and(eq(cases.stationId, person.stationId), eq(cases.personId, person.id)))
    .limit(100);
  const lang = ctx.lang;
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const opened = lang === 'zh-CN' ? '开案' : 'Case opened';
  return rows.flatMap((r) => [
    { at: r.openedAt.toISOString(), kind: 'case_opened', title: `${opened}${colon}${r.problem}`, refId: r.id },
    ...(r.closedAt ? [{ at: r.closedAt.toISOString(), kind: 'case_closed', title: CASE_STAGES.closed[lang], refId: r.id }] : []),
  ]);
});
