import { and, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { careSettings, careTaskEvents, careTasks, contactPlanOverrides, type PlanEntry } from '../../db/schema/index';
import { AppError, fieldError, notFound } from '../../errors';
import { isStationInScope, stationScope } from '../../auth/scope';
import { recordAudit } from '../../audit/audit';
import { shanghaiDay } from '../../time';
import { CARE_GROUPS, DEFAULT_CARE_RULES, DEFAULT_SILENCE_DAYS, type CareRules } from '../../../shared/codes';
import type { CareSettings, ContactPlan, SetContactPlanRequest, UpdateCareSettingsRequest } from '../../../shared/schemas/care';
import { loadPersonRow, peopleOfStationInGroups, todayOf } from '../people/people.service';
import type { PersonRow } from '../people/people.reply';
import { villagesOfStation } from '../orgs/orgs.service';
import { stationStaff, userNames } from '../users/users.service';
import { lastContactsOfStation } from '../services/services.service';
import { audienceOf, nextDueDay, plansInForce, shareVillages, type CarePerson } from './care.rules';

/**
 * The station a care request is about: a station user's own; a caller who sees several stations
 * names one (400 without it, 404 outside scope).
 */
export function careStation(ctx: Ctx, stationId?: string): string {
  const actor = actorOf(ctx);
  if (stationId) {
    if (!isStationInScope(ctx, stationId)) throw notFound();
    return stationId;
  }
  if (actor.stationId) return actor.stationId;
  throw fieldError('stationId', 'care.stationRequired');
}

export interface EffectiveSettings {
  stationId: string;
  rules: CareRules;
  silenceDays: number;
  villageWorkers: Record<string, string>;
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** A station's settings, the defaults until its manager changes them (no caller scope: callers check it). */
export async function loadSettings(ctx: Ctx, stationId: string): Promise<EffectiveSettings> {
  const [row] = await ctx.db.select().from(careSettings).where(eq(careSettings.stationId, stationId));
  if (!row) return { stationId, rules: DEFAULT_CARE_RULES, silenceDays: DEFAULT_SILENCE_DAYS, villageWorkers: {}, version: 0, updatedAt: null, updatedBy: null };
  return { stationId, rules: row.rules, silenceDays: row.silenceDays, villageWorkers: row.villageWorkers, version: row.version, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

async function toSettingsReply(ctx: Ctx, settings: EffectiveSettings): Promise<CareSettings> {
  const names = await userNames(ctx, settings.updatedBy ? [settings.updatedBy] : []);
  return {
    stationId: settings.stationId,
    rules: settings.rules,
    silenceDays: settings.silenceDays,
    villageWorkers: settings.villageWorkers,
    version: settings.version,
    updatedAt: settings.updatedAt?.toISOString() ?? null,
    updatedBy: settings.updatedBy ? { id: settings.updatedBy, name: names.get(settings.updatedBy) ?? '—' } : null,
  };
}

export async function getCareSettings(ctx: Ctx, stationId?: string): Promise<CareSettings> {
  return toSettingsReply(ctx, await loadSettings(ctx, careStation(ctx, stationId)));
}

export async function updateCareSettings(ctx: Ctx, input: UpdateCareSettingsRequest): Promise<CareSettings> {
  const stationId = careStation(ctx, input.stationId);
  const current = await loadSettings(ctx, stationId);
  if (current.version !== input.version) throw new AppError('VERSION_CONFLICT', { details: { current: await toSettingsReply(ctx, current) } });
  const villageWorkers = input.villageWorkers ?? current.villageWorkers;
  if (input.villageWorkers) {
    const villages = new Set((await villagesOfStation(ctx, stationId)).map((v) => v.id));
    const { workers } = await stationStaff(ctx, stationId);
    for (const [villageId, workerId] of Object.entries(input.villageWorkers)) {
      if (!villages.has(villageId)) throw fieldError(`villageWorkers.${villageId}`, 'care.villageUnknown');
      if (!workers.some((w) => w.id === workerId)) throw fieldError(`villageWorkers.${villageId}`, 'care.workerUnknown');
    }
  }
  const values = { rules: input.rules ?? current.rules, silenceDays: input.silenceDays ?? current.silenceDays, villageWorkers, updatedAt: ctx.now, updatedBy: actorOf(ctx).userId };
  const before = input.villageWorkers ? await villageAssignments(ctx, stationId, current) : null;
  await inTransaction(ctx, async (tx) => {
    if (current.version === 0) {
      // Two managers saving the defaults at once: the second insert conflicts and gets 409 below.
      const inserted = await tx.db
        .insert(careSettings)
        .values({ stationId, ...values, version: 1 })
        .onConflictDoNothing()
        .returning({ stationId: careSettings.stationId });
      if (inserted.length === 0) throw new AppError('VERSION_CONFLICT', { details: { current: await toSettingsReply(ctx, await loadSettings(ctx, stationId)) } });
    } else {
      const updated = await tx.db
        .update(careSettings)
        .set({ ...values, version: current.version + 1 })
        .where(and(eq(careSettings.stationId, stationId), eq(careSettings.version, current.version)))
        .returning({ stationId: careSettings.stationId });
      if (updated.length === 0) throw new AppError('VERSION_CONFLICT', { details: { current: await toSettingsReply(ctx, await loadSettings(ctx, stationId)) } });
    }
    await recordAudit(tx, {
      action: 'care.settings_update',
      entityType: 'care_settings',
      entityId: stationId,
      stationId,
      details: { before: { rules: current.rules, silenceDays: current.silenceDays, villageWorkers: current.villageWorkers }, fields: Object.keys(input).filter((k) => k !== 'version' && k !== 'stationId') },
    });
    if (before) await handOverVillages(tx, stationId, before, await villageAssignments(tx, stationId, { ...current, villageWorkers }));
  });
  return getCareSettings(ctx, stationId);
}

/**
 * Who is responsible for each village of a station: the manager's choice, else shared out by the
 * number of people in care groups. Used for plans and campaigns alike.
 */
export async function villageAssignments(ctx: Ctx, stationId: string, settings: EffectiveSettings, people?: readonly { villageId: string }[]): Promise<Map<string, string>> {
  // One after another: inside a transaction the queries share one connection.
  const villages = await villagesOfStation(ctx, stationId);
  const staff = await stationStaff(ctx, stationId);
  const candidates = people ?? (await peopleOfStationInGroups(ctx, stationId, CARE_GROUPS));
  const counts = new Map<string, number>();
  for (const p of candidates) counts.set(p.villageId, (counts.get(p.villageId) ?? 0) + 1);
  return shareVillages(
    villages.map((v) => ({ villageId: v.id, people: counts.get(v.id) ?? 0 })),
    // Social workers make the rounds; the manager takes villages only in a station without workers.
    (staff.workers.some((w) => w.role === 'worker') ? staff.workers.filter((w) => w.role === 'worker') : staff.workers).map((w) => w.id),
    // A worker who has left no longer holds a village.
    Object.fromEntries(Object.entries(settings.villageWorkers).filter(([, workerId]) => staff.workers.some((w) => w.id === workerId))),
  );
}

/**
 * When a village changes hands, its open tasks held by the previous worker go to the new one
 * (tasks someone handed to a third person stay where they are). Each move is in the task's history.
 */
async function handOverVillages(tx: Ctx, stationId: string, before: Map<string, string>, after: Map<string, string>): Promise<void> {
  for (const [villageId, worker] of after) {
    const previous = before.get(villageId);
    if (!previous || previous === worker) continue;
    const moved = await tx.db
      .update(careTasks)
      .set({ assigneeId: worker, updatedAt: tx.now, version: sql`${careTasks.version} + 1` })
      .where(and(eq(careTasks.stationId, stationId), eq(careTasks.villageId, villageId), eq(careTasks.status, 'open'), eq(careTasks.assigneeId, previous)))
      .returning({ id: careTasks.id });
    if (moved.length === 0) continue;
    await tx.db.insert(careTaskEvents).values(
      moved.map((task) => ({ id: uuidv7(), stationId, taskId: task.id, kind: 'reassigned', at: tx.now, byUserId: tx.actor?.userId ?? null, note: null, details: { from: previous, to: worker, village: villageId } })),
    );
  }
}

/** Every person's override of one station, by person id. */
export async function overridesOfStation(ctx: Ctx, stationId: string, personIds?: readonly string[]): Promise<Map<string, typeof contactPlanOverrides.$inferSelect>> {
  const conditions = [eq(contactPlanOverrides.stationId, stationId)];
  if (personIds) {
    if (personIds.length === 0) return new Map();
    conditions.push(inArray(contactPlanOverrides.personId, [...personIds]));
  }
  const rows = await ctx.db.select().from(contactPlanOverrides).where(and(...conditions));
  return new Map(rows.map((r) => [r.personId, r]));
}

async function contactPlanOf(ctx: Ctx, personId: string): Promise<ContactPlan> {
  return contactPlanFor(ctx, (await loadPersonRow(ctx, personId)).row);
}

async function contactPlanFor(ctx: Ctx, row: PersonRow): Promise<ContactPlan> {
  const settings = await loadSettings(ctx, row.stationId);
  const [overrides, assignments, contacts, openTasks, staff] = await Promise.all([
    overridesOfStation(ctx, row.stationId, [row.id]),
    villageAssignments(ctx, row.stationId, settings),
    lastContactsOfStation(ctx, row.stationId, [row.id]),
    ctx.db
      .select({ id: careTasks.id, kind: careTasks.kind })
      .from(careTasks)
      .where(and(eq(careTasks.stationId, row.stationId), eq(careTasks.personId, row.id), eq(careTasks.status, 'open'), eq(careTasks.reason, 'plan'))),
    stationStaff(ctx, row.stationId),
  ]);
  const active = new Set([...staff.workers, ...staff.volunteers].map((s) => s.id));
  const override = overrides.get(row.id) ?? null;
  const person: CarePerson = { id: row.id, villageId: row.villageId, groups: row.groups, riskLevel: row.riskLevel, status: row.status, livingSituation: row.livingSituation };
  const inForce = plansInForce(person, settings.rules, override?.plans ?? null, assignments.get(row.villageId) ?? null, (id) => active.has(id));
  const names = await userNames(ctx, [...inForce.plans.map((p) => p.responsibleId).filter((id): id is string => Boolean(id)), ...(override ? [override.updatedBy] : [])]);
  const last = contacts.get(row.id);
  const today = todayOf(ctx);
  const noWorker = inForce.plans.length > 0 && inForce.plans.every((p) => !p.responsibleId);
  return {
    personId: row.id,
    source: inForce.source,
    noPlanReason: inForce.noPlanReason ?? (noWorker ? 'no_worker' : null),
    audience: audienceOf(row.groups),
    riskLevel: row.riskLevel,
    plans: inForce.plans.map((plan) => {
      const lastAt = (plan.channel === 'phone' ? last?.call : last?.visit) ?? null;
      return {
        channel: plan.channel,
        everyDays: plan.everyDays,
        responsible: plan.responsibleId ? { id: plan.responsibleId, name: names.get(plan.responsibleId) ?? '—' } : null,
        lastContactAt: lastAt?.toISOString() ?? null,
        nextDue: nextDueDay(lastAt ? shanghaiDay(lastAt) : null, plan.everyDays, today),
        openTaskId: openTasks.find((t) => t.kind === plan.channel)?.id ?? null,
      };
    }),
    reason: override?.reason ?? null,
    version: override?.version ?? 0,
    updatedAt: override?.updatedAt.toISOString() ?? null,
    updatedBy: override ? { id: override.updatedBy, name: names.get(override.updatedBy) ?? '—' } : null,
  };
}

export async function getContactPlan(ctx: Ctx, personId: string): Promise<ContactPlan> {
  const { row } = await loadPersonRow(ctx, personId);
  const plan = await contactPlanFor(ctx, row);
  // Part of a person's file: audited like the file itself.
  await recordAudit(ctx, { action: 'care.plan_read', entityType: 'person', entityId: personId, stationId: row.stationId });
  return plan;
}

async function checkPlans(ctx: Ctx, stationId: string, plans: SetContactPlanRequest['plans']): Promise<PlanEntry[]> {
  const seen = new Set<string>();
  const staff = await stationStaff(ctx, stationId);
  return plans.map((plan, index) => {
    if (seen.has(plan.channel)) throw fieldError(`plans.${index}.channel`, 'care.channelTwice');
    seen.add(plan.channel);
    const responsibleId = plan.responsibleId ?? null;
    if (responsibleId && ![...staff.workers, ...staff.volunteers].some((s) => s.id === responsibleId)) throw fieldError(`plans.${index}.responsibleId`, 'care.staffUnknown');
    return { channel: plan.channel, everyDays: plan.everyDays, responsibleId };
  });
}

/** Sets a person's own plan (replacing the rules for them); the reason and the plan before are audited. */
export async function setContactPlan(ctx: Ctx, personId: string, input: SetContactPlanRequest): Promise<ContactPlan> {
  const { row } = await loadPersonRow(ctx, personId);
  const plans = await checkPlans(ctx, row.stationId, input.plans);
  const [existing] = await ctx.db.select().from(contactPlanOverrides).where(and(eq(contactPlanOverrides.stationId, row.stationId), eq(contactPlanOverrides.personId, row.id)));
  if ((existing?.version ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT', { details: { current: await contactPlanOf(ctx, personId) } });
  const userId = actorOf(ctx).userId;
  await inTransaction(ctx, async (tx) => {
    if (existing) {
      const updated = await tx.db
        .update(contactPlanOverrides)
        .set({ plans, reason: input.reason, updatedAt: ctx.now, updatedBy: userId, version: existing.version + 1 })
        .where(and(eq(contactPlanOverrides.id, existing.id), eq(contactPlanOverrides.version, existing.version)))
        .returning({ id: contactPlanOverrides.id });
      if (updated.length === 0) throw new AppError('VERSION_CONFLICT', { details: { current: await contactPlanOf(ctx, personId) } });
    } else {
      const inserted = await tx.db
        .insert(contactPlanOverrides)
        .values({ id: uuidv7(), stationId: row.stationId, personId: row.id, plans, reason: input.reason, createdAt: ctx.now, updatedAt: ctx.now, updatedBy: userId, version: 1 })
        .onConflictDoNothing()
        .returning({ id: contactPlanOverrides.id });
      if (inserted.length === 0) throw new AppError('VERSION_CONFLICT', { details: { current: await contactPlanOf(ctx, personId) } });
    }
    await recordAudit(tx, { action: 'care.plan_set', entityType: 'person', entityId: row.id, stationId: row.stationId, details: { reason: input.reason, plans, before: existing?.plans ?? null } });
  });
  return contactPlanOf(ctx, personId);
}

/** Returns a person to the station's rules. */
export async function resetContactPlan(ctx: Ctx, personId: string, input: { version: number; reason: string }): Promise<ContactPlan> {
  const { row } = await loadPersonRow(ctx, personId);
  const [existing] = await ctx.db.select().from(contactPlanOverrides).where(and(eq(contactPlanOverrides.stationId, row.stationId), eq(contactPlanOverrides.personId, row.id)));
  if (!existing || existing.version !== input.version) throw new AppError('VERSION_CONFLICT', { details: { current: await contactPlanOf(ctx, personId) } });
  await inTransaction(ctx, async (tx) => {
    const deleted = await tx.db
      .delete(contactPlanOverrides)
      .where(and(eq(contactPlanOverrides.id, existing.id), eq(contactPlanOverrides.version, existing.version)))
      .returning({ id: contactPlanOverrides.id });
    if (deleted.length === 0) throw new AppError('VERSION_CONFLICT', { details: { current: await contactPlanOf(ctx, personId) } });
    await recordAudit(tx, { action: 'care.plan_reset', entityType: 'person', entityId: row.id, stationId: row.stationId, details: { reason: input.reason, before: existing.plans } });
  });
  return contactPlanOf(ctx, personId);
}

/** The stations a caller's care lists cover (for scoped queries of care tables). */
export function careScope(ctx: Ctx) {
  return stationScope(ctx, careTasks.stationId);
}
