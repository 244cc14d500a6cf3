import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant, recordColumns } from './columns';
import { orgs } from './orgs';
import { households, people } from './people';

/**
 * A case (个案) worked through the stages of MZ/T 094-2017. Each stage's document is kept as
 * JSON validated by the shared schemas; every change of stage, document, worker or referral is
 * an event in `case_events`, so the history of a case is never lost.
 */
export const cases = pgTable(
  'cases',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => orgs.id),
    householdId: uuid('household_id').references(() => households.id),
    workerId: uuid('worker_id').notNull(),
    stage: text('stage', { enum: ['intake', 'assessment', 'planning', 'intervention', 'evaluation', 'closed'] }).notNull(),
    source: text('source', { enum: ['home_visit', 'referral', 'self', 'village'] }).notNull(),
    presentingProblem: text('presenting_problem').notNull(),
    intake: jsonb('intake'),
    assessment: jsonb('assessment'),
    plan: jsonb('plan'),
    evaluation: jsonb('evaluation'),
    closure: jsonb('closure'),
    referrals: jsonb('referrals').notNull().default(sql`'[]'::jsonb`),
    openedAt: instant('opened_at').notNull(),
    closedAt: instant('closed_at'),
    closureReason: text('closure_reason'),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    closeRequestedAt: instant('close_requested_at'),
    closeRequestedBy: uuid('close_requested_by'),
    closeRequestNote: text('close_request_note'),
    approvedBy: uuid('approved_by'),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    index('cases_station_opened_idx').on(t.stationId, t.openedAt, t.id),
    index('cases_worker_idx').on(t.workerId, t.openedAt, t.id),
    index('cases_person_idx').on(t.personId),
    index('cases_review_idx')
      .on(t.stationId, t.nextReviewOn)
      .where(sql`${t.closedAt} is null`),
    check('cases_stage_check', sql`${t.stage} in ('intake', 'assessment', 'planning', 'intervention', 'evaluation', 'closed')`),
  ],
);

/** What happened to a case: stage changes, saved documents (with the previous content), transfers, referrals, reviews. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    at: instant('at').notNull(),
    by: uuid('by').notNull(),
    kind: text('kind').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    document: text('document'),
    note: text('note'),
    /** For a saved document, the content it replaced; for a transfer, the workers. */
    details: jsonb('details'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);
