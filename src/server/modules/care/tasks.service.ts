import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { campaigns, careTaskEvents, careTasks, orgs, people } from '../../db/schema/index';
import { AppError, fieldError, notFound } from '../../errors';
import { stationScope } from '../../auth/scope';
import { recordAudit } from '../../audit/audit';
import { decodeCursor, encodeCursor } from '../../pagination';
import { UNREACHABLE_ALERT_ATTEMPTS, UNREACHABLE_RETRY_DAYS, type TaskEventKind } from '../../../shared/codes';
import type { CompleteTaskRequest, ListTasksQuery, Task, TaskDetail, zPostponeRequest, zReassignRequest, zUnreachableRequest } from '../../../shared/schemas/care';
import type { ServiceRecord } from '../../../shared/schemas/services';
import { peopleScope, todayOf } from '../people/people.service';
import { stationStaff, userNames } from '../users/users.service';
import { createService, getService } from '../services/services.service';
import { addDays, daysBetween } from './care.rules';

export type TaskRow = typeof careTasks.$inferSelect;

/**
 * The tasks a caller may see: their stations'. A volunteer sees only the tasks given to them,
 * and only about people they may see (their pairings).
 */
export function tasksScope(ctx: Ctx): SQL {
  const actor = actorOf(ctx);
  const station = stationScope(ctx, careTasks.stationId);
  if (actor.role !== 'volunteer') return station;
  return and(station, eq(careTasks.assigneeId, actor.userId), inArray(careTasks.personId, ctx.db.select({ id: people.id }).from(people).where(peopleScope(ctx))))!;
}

const taskColumns = {
  row: careTasks,
  personName: people.name,
  phone: people.phone,
  address: people.address,
  groups: people.groups,
  riskLevel: people.riskLevel,
  villageName: orgs.name,
  campaignName: campaigns.name,
};

function selectTasks(ctx: Ctx) {
  return ctx.db
    .select(taskColumns)
    .from(careTasks)
    .innerJoin(people, eq(people.id, careTasks.personId))
    .leftJoin(orgs, eq(orgs.id, careTasks.villageId))
    .leftJoin(campaigns, eq(campaigns.id, careTasks.campaignId));
}

type SelectedTask = Awaited<ReturnType<ReturnType<typeof selectTasks>['where']>>[number];

async function toTasks(ctx: Ctx, rows: SelectedTask[]): Promise<Task[]> {
  const names = await userNames(
    ctx,
    rows.map((r) => r.row.assigneeId).filter((id): id is string => Boolean(id)),
  );
  const today = todayOf(ctx);
  return rows.map(({ row, ...joined }) => ({
    id: row.id,
    stationId: row.stationId,
    personId: row.personId,
    personName: joined.personName,
    villageId: row.villageId,
    villageName: joined.villageName,
    phone: joined.phone,
    address: joined.address,
    groups: joined.groups,
    riskLevel: joined.riskLevel,
    kind: row.kind,
    reason: row.reason,
    campaignId: row.campaignId,
    campaignName: joined.campaignName,
    startOn: row.startOn,
    dueDate: row.dueDate,
    overdueDays: row.status === 'open' ? Math.max(0, daysBetween(row.dueDate, today)) : 0,
    status: row.status,
    assignee: row.assigneeId ? { id: row.assigneeId, name: names.get(row.assigneeId) ?? '—' } : null,
    attempts: row.attempts,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    postponedReason: row.postponedReason,
    serviceId: row.serviceId,
    completedAt: row.completedAt?.toISOString() ?? null,
    version: row.version,
  }));
}

async function loadTask(ctx: Ctx, id: string): Promise<Task> {
  const [found] = await selectTasks(ctx).where(and(eq(careTasks.id, id), tasksScope(ctx)));
  if (!found) throw notFound();
  return (await toTasks(ctx, [found]))[0]!;
}

async function loadTaskRow(ctx: Ctx, id: string): Promise<TaskRow> {
  const [row] = await ctx.db.select().from(careTasks).where(and(eq(careTasks.id, id), tasksScope(ctx)));
  if (!row) throw notFound();
  return row;
}

function assigneeCondition(ctx: Ctx, assignee: ListTasksQuery['assignee']): SQL | undefined {
  const actor = actorOf(ctx);
  if (assignee === 'me') return eq(careTasks.assigneeId, actor.userId);
  if (assignee === 'all') return undefined;
  if (assignee === 'unassigned') return isNull(careTasks.assigneeId);
  return eq(careTasks.assigneeId, assignee);
}

/**
 * A worker's list: open tasks earliest due first (ties by id), or done ones latest first.
 * `today` is what can be done today: the window has started (overdue ones included).
 */
export async function findTasks(ctx: Ctx, query: ListTasksQuery): Promise<{ items: Task[]; nextCursor: string | null }> {
  const today = todayOf(ctx);
  const conditions: (SQL | undefined)[] = [tasksScope(ctx), assigneeCondition(ctx, query.assignee)];
  if (query.campaignId) conditions.push(eq(careTasks.campaignId, query.campaignId));
  if (query.personId) conditions.push(eq(careTasks.personId, query.personId));
  if (query.villageId) conditions.push(eq(careTasks.villageId, query.villageId));
  if (query.due === 'today') conditions.push(lte(careTasks.startOn, today));
  if (query.due === 'overdue') conditions.push(lt(careTasks.dueDate, today));
  if (query.due === 'week') conditions.push(lte(careTasks.startOn, addDays(today, 6)));

  if (query.status === 'open') {
    conditions.push(eq(careTasks.status, 'open'));
    if (query.cursor) {
      const [due, id] = decodeCursor(query.cursor, 2);
      conditions.push(or(gt(careTasks.dueDate, due), and(eq(careTasks.dueDate, due), gt(careTasks.id, id))));
    }
    const rows = await selectTasks(ctx)
      .where(and(...conditions))
      .orderBy(asc(careTasks.dueDate), asc(careTasks.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: await toTasks(ctx, page), nextCursor: rows.length > query.limit && last ? encodeCursor([last.row.dueDate, last.row.id]) : null };
  }

  conditions.push(eq(careTasks.status, 'done'));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const instant = new Date(at);
    if (Number.isNaN(instant.getTime())) throw fieldError('cursor', 'cursor.invalid');
    conditions.push(or(lt(careTasks.completedAt, instant), and(eq(careTasks.completedAt, instant), lt(careTasks.id, id))));
  }
  const rows = await selectTasks(ctx)
    .where(and(...conditions))
    .orderBy(desc(careTasks.completedAt), desc(careTasks.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await toTasks(ctx, page),
    nextCursor: rows.length > query.limit && last?.row.completedAt ? encodeCursor([last.row.completedAt.toISOString(), last.row.id]) : null,
  };
}

/** One task with its history (audited: it names a person and their phone). */
export async function getTask(ctx: Ctx, id: string): Promise<TaskDetail> {
  const task = await loadTask(ctx, id);
  const events = await ctx.db.select().from(careTaskEvents).where(eq(careTaskEvents.taskId, id)).orderBy(asc(careTaskEvents.at), asc(careTaskEvents.id)).limit(200);
  const names = await userNames(
    ctx,
    events.map((e) => e.byUserId).filter((u): u is string => Boolean(u)),
  );
  await recordAudit(ctx, { action: 'task.read', entityType: 'task', entityId: id, stationId: task.stationId, details: { personId: task.personId } });
  return {
    ...task,
    events: events.map((e) => ({
      kind: e.kind as TaskEventKind,
      at: e.at.toISOString(),
      by: e.byUserId ? { id: e.byUserId, name: names.get(e.byUserId) ?? '—' } : null,
      note: e.note,
      details: (e.details as Record<string, unknown> | null) ?? null,
    })),
  };
}

const INSERT_CHUNK = 500;

/**
 * Inserts new tasks in chunks, skipping any a unique index already holds (an open plan task of
 * the person and channel, a campaign's task of the person and kind): answers how many were made.
 * The caller holds the transaction.
 */
export async function insertNewTasks(tx: Ctx, tasks: (typeof careTasks.$inferInsert)[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < tasks.length; i += INSERT_CHUNK) {
    const inserted = await tx.db
      .insert(careTasks)
      .values(tasks.slice(i, i + INSERT_CHUNK))
      .onConflictDoNothing()
      .returning({ id: careTasks.id });
    created += inserted.length;
  }
  return created;
}

/** Appends to a task's history; the caller holds the transaction. */
export async function addTaskEvent(tx: Ctx, task: Pick<TaskRow, 'id' | 'stationId'>, kind: TaskEventKind, note: string | null, details: Record<string, unknown> | null = null): Promise<void> {
  await tx.db.insert(careTaskEvents).values({ id: uuidv7(), stationId: task.stationId, taskId: task.id, kind, at: tx.now, byUserId: tx.actor?.userId ?? null, note, details });
}

function closed(row: TaskRow): AppError {
  return new AppError('TASK_CLOSED', { details: { status: row.status, serviceId: row.serviceId } });
}

/**
 * Completes a task: its service record is written and the task closed in one transaction, or
 * neither. Sending the same service id again after a success (a phone that lost its signal)
 * answers the same result instead of 409.
 */
export async function completeTask(ctx: Ctx, id: string, input: CompleteTaskRequest): Promise<{ task: Task; service: ServiceRecord }> {
  const row = await loadTaskRow(ctx, id);
  const serviceId = input.service.id;
  if (row.status === 'done' && serviceId && row.serviceId === serviceId) return { task: await loadTask(ctx, id), service: await getService(ctx, serviceId) };
  if (row.status !== 'open') throw closed(row);
  if (input.service.personId && input.service.personId !== row.personId) throw fieldError('service.personId', 'care.otherPerson');

  const actor = actorOf(ctx);
  try {
    const record = await inTransaction(ctx, async (tx) => {
      // Lock the task: two phones completing it at once make one record, not two.
      const [locked] = await tx.db.select().from(careTasks).where(eq(careTasks.id, id)).for('update');
      if (!locked || locked.status !== 'open') throw closed(locked ?? row);
      const { record } = await createService(tx, { ...input.service, personId: row.personId, kind: input.service.kind ?? row.kind, taskId: row.id });
      await tx.db
        .update(careTasks)
        .set({ status: 'done', serviceId: record.id, completedAt: ctx.now, completedBy: actor.userId, updatedAt: ctx.now, version: locked.version + 1 })
        .where(eq(careTasks.id, id));
      await addTaskEvent(tx, row, 'completed', null, { serviceId: record.id, kind: record.kind });
      await recordAudit(tx, { action: 'task.complete', entityType: 'task', entityId: id, stationId: row.stationId, details: { personId: row.personId, serviceId: record.id } });
      return record;
    });
    return { task: await loadTask(ctx, id), service: record };
  } catch (error) {
    // A retry that raced its first attempt: the first one closed the task with this very record.
    if (error instanceof AppError && error.code === 'TASK_CLOSED' && serviceId) {
      const now = await loadTaskRow(ctx, id);
      if (now.status === 'done' && now.serviceId === serviceId) return { task: await loadTask(ctx, id), service: await getService(ctx, serviceId) };
    }
    throw error;
  }
}

/** Loads an open task for a change, checking its version and that the caller may act on it. */
async function openTaskForChange(ctx: Ctx, id: string, version: number): Promise<TaskRow> {
  const row = await loadTaskRow(ctx, id);
  if (row.status !== 'open') throw closed(row);
  // Any worker of the station may act on a task (covering for a colleague); volunteers only reach their own (tasksScope).
  if (row.version !== version) throw new AppError('VERSION_CONFLICT', { details: { current: await loadTask(ctx, id) } });
  return row;
}

async function changeTask(ctx: Ctx, row: TaskRow, values: Partial<TaskRow>, event: { kind: TaskEventKind; note: string | null; details?: Record<string, unknown> }, action: string): Promise<Task> {
  await inTransaction(ctx, async (tx) => {
    const updated = await tx.db
      .update(careTasks)
      .set({ ...values, updatedAt: ctx.now, version: row.version + 1 })
      .where(and(eq(careTasks.id, row.id), eq(careTasks.version, row.version), eq(careTasks.status, 'open')))
      .returning({ id: careTasks.id });
    if (updated.length === 0) throw new AppError('VERSION_CONFLICT', { details: { current: await loadTask(ctx, row.id) } });
    await addTaskEvent(tx, row, event.kind, event.note, event.details ?? null);
    await recordAudit(tx, { action, entityType: 'task', entityId: row.id, stationId: row.stationId, details: { personId: row.personId, ...(event.details ?? {}) } });
  });
  return loadTask(ctx, row.id);
}

/**
 * Could not reach the person: the task stays open and comes back tomorrow; from the third
 * attempt on, the manager's alerts list it.
 */
export async function markUnreachable(ctx: Ctx, id: string, input: z.infer<typeof zUnreachableRequest>): Promise<Task> {
  const row = await openTaskForChange(ctx, id, input.version);
  const retry = addDays(todayOf(ctx), UNREACHABLE_RETRY_DAYS);
  const attempts = row.attempts + 1;
  return changeTask(
    ctx,
    row,
    { attempts, lastAttemptAt: ctx.now, startOn: retry, dueDate: row.dueDate > retry ? row.dueDate : retry },
    { kind: 'unreachable', note: input.note ?? null, details: { attempt: attempts, alert: attempts >= UNREACHABLE_ALERT_ATTEMPTS } },
    'task.unreachable',
  );
}

export async function postponeTask(ctx: Ctx, id: string, input: z.infer<typeof zPostponeRequest>): Promise<Task> {
  const row = await openTaskForChange(ctx, id, input.version);
  const today = todayOf(ctx);
  if (input.until <= today || input.until > addDays(today, 90)) throw fieldError('until', 'care.postponeDay');
  return changeTask(
    ctx,
    row,
    { startOn: input.until, dueDate: input.until, postponedReason: input.reason },
    { kind: 'postponed', note: input.reason, details: { from: row.dueDate, to: input.until } },
    'task.postpone',
  );
}

/** Gives a task to another worker or volunteer of the station: the manager may, and so may whoever holds it. */
export async function reassignTask(ctx: Ctx, id: string, input: z.infer<typeof zReassignRequest>): Promise<Task> {
  const actor = actorOf(ctx);
  const row = await openTaskForChange(ctx, id, input.version);
  if (!actor.permissions.has('care:manage') && row.assigneeId !== actor.userId) throw new AppError('FORBIDDEN', { details: [{ path: '', messageKey: 'care.notAssignee' }] });
  if (row.assigneeId === input.assigneeId) throw fieldError('assigneeId', 'care.sameAssignee');
  const staff = await stationStaff(ctx, row.stationId);
  if (![...staff.workers, ...staff.volunteers].some((s) => s.id === input.assigneeId)) throw fieldError('assigneeId', 'care.staffUnknown');
  return changeTask(ctx, row, { assigneeId: input.assigneeId }, { kind: 'reassigned', note: input.reason ?? null, details: { from: row.assigneeId, to: input.assigneeId } }, 'task.reassign');
}
