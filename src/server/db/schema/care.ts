import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, recordColumns } from './columns';
import { orgs } from './orgs';
import { people } from './people';
import type { CareRules, ContactChannel } from '../../../shared/codes';

/**
 * A station's care settings: the contact rules by audience and risk (DOMAIN.md's defaults until
 * the manager changes them), the "not contacted for N days" alert, and which worker goes to
 * which village. One row per station, made on first change.
 */
export const careSettings = pgTable('care_settings', {
  stationId: uuid('station_id').primaryKey(),
  rules: jsonb('rules').$type<CareRules>().notNull(),
  silenceDays: integer('silence_days').notNull(),
  /** village id → worker (user) id: who is responsible for the people of a village by default. */
  villageWorkers: jsonb('village_workers').$type<Record<string, string>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
});

export interface PlanEntry {
  channel: ContactChannel;
  everyDays: number;
  responsibleId: string | null;
}

/**
 * A person's own contact plan, replacing the station's rules for them (with a reason). People
 * without a row follow the rules; the plan in force is computed, so a change of risk level or
 * of the rules takes effect at once.
 */
export const contactPlanOverrides = pgTable(
  'contact_plan_overrides',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    plans: jsonb('plans').$type<PlanEntry[]>().notNull(),
    reason: text('reason').notNull(),
    updatedBy: uuid('updated_by').notNull(),
  },
  (t) => [uniqueIndex('contact_plan_overrides_person_idx').on(t.stationId, t.personId)],
);

/**
 * A festival campaign (节日关怀): calls and visits for every active person of some groups, due
 * within a window ending on the festival. One per station, festival and year.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    name: text('name').notNull(),
    festival: text('festival'),
    year: smallint('year'),
    /** The day the window ends on: the festival's date, or the date given. */
    day: date('day', { mode: 'string' }).notNull(),
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    groups: text('groups').array().notNull(),
    kinds: text('kinds').array().notNull(),
    tasksCreated: integer('tasks_created').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('campaigns_station_festival_year_idx')
      .on(t.stationId, t.festival, t.year)
      .where(sql`${t.festival} is not null`),
    index('campaigns_station_day_idx').on(t.stationId, t.day),
  ],
);

/**
 * A call or visit someone must make (任务). Made from a contact plan (at most one open task per
 * person and channel) or from a campaign (one per campaign, person and kind); the unique indexes
 * are what makes generation idempotent, even when two processes run it at once. The village is
 * copied from the person so the worker's day groups by village without a join.
 */
export const careTasks = pgTable(
  'care_tasks',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind', { enum: ['phone', 'home_visit'] }).notNull(),
    reason: text('reason', { enum: ['plan', 'campaign'] }).notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    /** The first day the task should be done on (a campaign's window start; a postponement moves it). */
    startOn: date('start_on', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    assigneeId: uuid('assignee_id'),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull().default('open'),
    /** "Could not reach" attempts so far. */
    attempts: smallint('attempts').notNull().default(0),
    lastAttemptAt: instant('last_attempt_at'),
    postponedReason: text('postponed_reason'),
    /** The service record that closed the task (written with it, or found later by generation). */
    serviceId: uuid('service_id'),
    completedAt: instant('completed_at'),
    completedBy: uuid('completed_by'),
  },
  (t) => [
    uniqueIndex('care_tasks_open_plan_idx')
      .on(t.personId, t.kind)
      .where(sql`${t.reason} = 'plan' and ${t.status} = 'open'`),
    uniqueIndex('care_tasks_campaign_idx')
      .on(t.campaignId, t.personId, t.kind)
      .where(sql`${t.campaignId} is not null`),
    // The worker's list: open tasks of an assignee by day.
    index('care_tasks_assignee_idx').on(t.stationId, t.assigneeId, t.status, t.dueDate, t.id),
    index('care_tasks_station_due_idx').on(t.stationId, t.status, t.dueDate, t.id),
    index('care_tasks_person_idx').on(t.stationId, t.personId, t.status),
    index('care_tasks_campaign_list_idx')
      .on(t.campaignId, t.status, t.dueDate, t.id)
      .where(sql`${t.campaignId} is not null`),
    check('care_tasks_window_check', sql`${t.startOn} <= ${t.dueDate}`),
  ],
);

/** A task's history: who completed, postponed, reassigned it or could not reach the person, and why. */
export const careTaskEvents = pgTable(
  'care_task_events',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => careTasks.id),
    kind: text('kind').notNull(),
    at: instant('at').notNull(),
    byUserId: uuid('by_user_id'),
    note: text('note'),
    details: jsonb('details'),
  },
  (t) => [index('care_task_events_task_idx').on(t.taskId, t.at)],
);
