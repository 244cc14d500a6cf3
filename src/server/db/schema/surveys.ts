import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, recordColumns } from './columns';
import { orgs } from './orgs';
import { people } from './people';
import type { AnswerValue, Question } from '../../../shared/schemas/surveys';

/**
 * A survey (调查问卷 or 结构化访谈) of a station. Its questions live in `survey_versions`: a
 * change of questions once responses exist makes a new version, and every response keeps the
 * version it was filled from. Response counts are counted from `survey_responses` (no counter on
 * this row: intake from many phones at once would queue on it).
 */
export const surveys = pgTable(
  'surveys',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    audience: text('audience').notNull(),
    mode: text('mode', { enum: ['questionnaire', 'interview'] }).notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    templateKey: text('template_key'),
    createdBy: uuid('created_by').notNull(),
    updatedBy: uuid('updated_by').notNull(),
  },
  (t) => [index('surveys_station_created_idx').on(t.stationId, t.createdAt, t.id)],
);

/** The questions of one version of a survey; never changed once a response names it. */
export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    number: integer('number').notNull(),
    questions: jsonb('questions').$type<Question[]>().notNull(),
    createdAt: instant('created_at').notNull(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [uniqueIndex('survey_versions_survey_number_idx').on(t.surveyId, t.number)],
);

/**
 * One filled-in questionnaire or interview. Made in the field with a client-made UUIDv7
 * (idempotent; `content_hash` tells a retry from a different response with the same id). The
 * respondent's village, sex, age band and groups are copied at intake, so analysis by them
 * needs no join and stays true to the day of the answer. `need_types` lists the needs the
 * answers express and `first_need_types` those put first, for the ranking.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    versionNumber: integer('version_number').notNull(),
    personId: uuid('person_id').references(() => people.id),
    villageId: uuid('village_id').references(() => orgs.id),
    gender: text('gender', { enum: ['male', 'female'] }),
    ageBand: text('age_band'),
    groups: text('groups').array().notNull().default(sql`'{}'::text[]`),
    source: text('source', { enum: ['visit', 'phone', 'paper', 'group'] }).notNull(),
    collectedAt: instant('collected_at').notNull(),
    collectedBy: uuid('collected_by').notNull(),
    answers: jsonb('answers').$type<Record<string, AnswerValue>>().notNull(),
    needTypes: text('need_types').array().notNull().default(sql`'{}'::text[]`),
    /** Needs put first in a rank question or chosen in a single-choice one. */
    firstNeedTypes: text('first_need_types').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    contentHash: text('content_hash').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('survey_responses_survey_collected_idx').on(t.surveyId, t.collectedAt, t.id),
    index('survey_responses_station_collected_idx').on(t.stationId, t.collectedAt),
    index('survey_responses_person_idx')
      .on(t.personId, t.collectedAt)
      .where(sql`${t.personId} is not null`),
    index('survey_responses_groups_idx').using('gin', t.groups),
  ],
);

