import { and, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { careTasks } from '../../db/schema/index';
import { recordAudit } from '../../audit/audit';
import { shanghaiDay } from '../../time';
import { CARE_GROUPS, CHANNEL_SATISFIED_BY, TASK_LOOKAHEAD_DAYS, type ContactChannel } from '../../../shared/codes';
import type { GenerateReply } from '../../../shared/schemas/care';
import { peopleOfStationInGroups, todayOf } from '../people/people.service';
import { allStations } from '../orgs/orgs.service';
import { stationStaff } from '../users/users.service';
import { contactsSince, lastContactsOfStation } from '../services/services.service';
import { careStation, loadSettings, overridesOfStation, villageAssignments } from './care-settings.service';
import { addDays, nextDueDay, plansInForce } from './care.rules';
import { addTaskEvent, insertNewTasks } from './tasks.service';

export interface GenerationResult {
  created: number;
  satisfied: number;
  cancelled: number;
  skipped: boolean;
}

/** One advisory-lock space for care generation; the second key is the station. */
const LOCK_SPACE = 0x4c4d_4341; // "LMCA"

/**
 * Brings a station's plan tasks up to date, in one transaction under the station's advisory
 * lock: closes open tasks the person has since been contacted for (by any record that counts for
 * the channel), cancels those no plan asks for any more, and makes the next task of every plan
 * due within the coming week. Idempotent: at most one open plan task per person and channel
 * (a unique index), so running it twice — or in two processes at once — makes nothing twice.
 * With `wait: false` a run that finds the lock taken returns at once (`skipped`).
 */
export async function generateForStation(ctx: Ctx, stationId: string, options: { wait: boolean } = { wait: true }): Promise<GenerationResult> {
  return inTransaction(ctx, async (tx) => {
    if (options.wait) {
      await tx.db.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${stationId}))`);
    } else {
      // Both drivers answer raw SQL with `{ rows }`; the database type leaves the result untyped.
      const result = (await tx.db.execute(sql`select pg_try_advisory_xact_lock(${LOCK_SPACE}, hashtext(${stationId})) as locked`)) as { rows: { locked: boolean }[] };
      if (!result.rows[0]?.locked) return { created: 0, satisfied: 0, cancelled: 0, skipped: true };
    }
    const today = todayOf(tx);
    const settings = await loadSettings(tx, stationId);
    const candidates = await peopleOfStationInGroups(tx, stationId, CARE_GROUPS);
    // One after another: the transaction's queries share one connection.
    const overrides = await overridesOfStation(tx, stationId);
    const assignments = await villageAssignments(tx, stationId, settings, candidates);
    const contacts = await lastContactsOfStation(tx, stationId);
    // Only what the sweep needs: moving every column of a station's open tasks doubled the read.
    const open = await tx.db
      .select({ id: careTasks.id, stationId: careTasks.stationId, personId: careTasks.personId, kind: careTasks.kind, createdAt: careTasks.createdAt, version: careTasks.version })
      .from(careTasks)
      .where(and(eq(careTasks.stationId, stationId), eq(careTasks.status, 'open'), eq(careTasks.reason, 'plan')));
    const staff = await stationStaff(tx, stationId);
    const active = new Set([...staff.workers, ...staff.volunteers].map((s) => s.id));

    const plansOf = new Map(
      candidates.map((person) => [person.id, plansInForce(person, settings.rules, overrides.get(person.id)?.plans ?? null, assignments.get(person.villageId) ?? null, (id) => active.has(id)).plans]),
    );

    // Open tasks done another way (a call or visit recorded without the task).
    const satisfiedBy = await contactsSince(
      tx,
      stationId,
      open.map((task) => ({ key: task.id, personId: task.personId, kinds: CHANNEL_SATISFIED_BY[task.kind], since: task.createdAt })),
    );
    // Open tasks no plan asks for any more: the person moved, died, left the groups, or the plan changed.
    const cancelled = open.filter((task) => !satisfiedBy.has(task.id) && !plansOf.get(task.personId)?.some((plan) => plan.channel === task.kind));
    for (const task of open) {
      const serviceId = satisfiedBy.get(task.id);
      if (!serviceId) continue;
      await tx.db.update(careTasks).set({ status: 'done', serviceId, completedAt: tx.now, updatedAt: tx.now, version: task.version + 1 }).where(eq(careTasks.id, task.id));
      await addTaskEvent(tx, task, 'satisfied', null, { serviceId });
    }
    if (cancelled.length > 0) {
      await tx.db
        .update(careTasks)
        .set({ status: 'cancelled', updatedAt: tx.now, version: sql`${careTasks.version} + 1` })
        .where(
          inArray(
            careTasks.id,
            cancelled.map((t) => t.id),
          ),
        );
      for (const task of cancelled) await addTaskEvent(tx, task, 'cancelled', null, { reason: 'no_plan' });
    }

    const stillOpen = new Set(open.filter((t) => !satisfiedBy.has(t.id) && !cancelled.includes(t)).map((t) => `${t.personId}:${t.kind}`));
    const horizon = addDays(today, TASK_LOOKAHEAD_DAYS);
    const wanted: (typeof careTasks.$inferInsert)[] = [];
    for (const person of candidates) {
      for (const plan of plansOf.get(person.id) ?? []) {
        if (stillOpen.has(`${person.id}:${plan.channel}`)) continue;
        const last = lastContactOf(contacts.get(person.id), plan.channel);
        const due = nextDueDay(last ? shanghaiDay(last) : null, plan.everyDays, today);
        if (due > horizon) continue;
        wanted.push({
          id: uuidv7(),
          stationId,
          personId: person.id,
          villageId: person.villageId,
          kind: plan.channel,
          reason: 'plan',
          startOn: due,
          dueDate: due,
          assigneeId: plan.responsibleId,
          createdAt: tx.now,
          updatedAt: tx.now,
          version: 1,
        });
      }
    }
    const created = await insertNewTasks(tx, wanted);
    const result = { created, satisfied: satisfiedBy.size, cancelled: cancelled.length, skipped: false };
    if (created + result.satisfied + result.cancelled > 0) {
      await recordAudit(tx, { action: 'care.generate', entityType: 'station', entityId: stationId, stationId, details: { created, satisfied: result.satisfied, cancelled: result.cancelled } });
    }
    return result;
  });
}

function lastContactOf(contact: { call: Date | null; visit: Date | null } | undefined, channel: ContactChannel): Date | null {
  if (!contact) return null;
  return channel === 'phone' ? contact.call : contact.visit;
}

/** Runs generation for the caller's station (or, for an administrator without one, every station in scope). */
export async function generateTasksNow(ctx: Ctx, stationId?: string): Promise<GenerateReply> {
  const actor = actorOf(ctx);
  const stations = stationId || actor.stationId ? [careStation(ctx, stationId)] : (await allStations(ctx)).map((s) => s.id).filter((id) => actor.stationIds === 'all' || actor.stationIds.includes(id));
  const total: GenerateReply = { stations: stations.length, created: 0, satisfied: 0, cancelled: 0, skipped: false };
  for (const id of stations) {
    const result = await generateForStation(ctx, id, { wait: true });
    total.created += result.created;
    total.satisfied += result.satisfied;
    total.cancelled += result.cancelled;
  }
  return total;
}

/** The background run: every station, never waiting for a station another process is generating. */
export async function generateAllStations(ctx: Ctx): Promise<GenerationResult & { stations: number }> {
  const stations = await allStations(ctx);
  const total = { stations: stations.length, created: 0, satisfied: 0, cancelled: 0, skipped: false };
  for (const station of stations) {
    const result = await generateForStation(ctx, station.id, { wait: false });
    total.created += result.created;
    total.satisfied += result.satisfied;
    total.cancelled += result.cancelled;
    total.skipped ||= result.skipped;
  }
  return total;
}
