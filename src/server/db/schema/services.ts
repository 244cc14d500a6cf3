import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { instant, recordColumns } from './columns';
import { orgs } from './orgs';
import { people } from './people';
import { cases } from './cases';

/**
 * A service record (服务记录): one contact with one person. Created in the field with a
 * client-made UUIDv7 (idempotent); `content_hash` tells a retried request from a different one
 * with the same id. Never deleted; a correction keeps the previous content in
 * `service_record_revisions`. The village is copied from the person at recording time so that
 * the station's lists filter by village without a join.
 */
export const serviceRecords = pgTable(
  'service_records',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id').references(() => cases.id),
    /** A care task (care module); no foreign key, the task table is the care module's. */
    taskId: uuid('task_id'),
    kind: text('kind', { enum: ['phone', 'home_visit', 'office', 'group', 'online'] }).notNull(),
    serviceTypes: text('service_types').array().notNull(),
    /** The service types with their professional parents added, so a filter by a professional type finds its concrete ones. */
    reportTypes: text('report_types').array().notNull(),
    startedAt: instant('started_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    summary: text('summary').notNull(),
    goalIds: text('goal_ids').array().notNull().default(sql`'{}'::text[]`),
    workerIds: uuid('worker_ids').array().notNull().default(sql`'{}'::uuid[]`),
    volunteerIds: uuid('volunteer_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Everyone who served (workers and volunteers), for the "served by" filter. */
    servedBy: uuid('served_by').array().notNull().default(sql`'{}'::uuid[]`),
    wellbeing: smallint('wellbeing'),
    followUpNeeded: boolean('follow_up_needed').notNull().default(false),
    followUpOn: date('follow_up_on', { mode: 'string' }),
    checklist: jsonb('checklist').$type<Record<string, Record<string, string | null>>>(),
    concerns: text('concerns').array().notNull().default(sql`'{}'::text[]`),
    goods: text('goods'),
    contentHash: text('content_hash').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
  },
  (t) => [
    index('service_records_station_started_idx').on(t.stationId, t.startedAt, t.id),
    index('service_records_person_started_idx').on(t.personId, t.startedAt, t.id),
    index('service_records_village_started_idx').on(t.stationId, t.villageId, t.startedAt, t.id),
    index('service_records_case_idx')
      .on(t.caseId, t.startedAt)
      .where(sql`${t.caseId} is not null`),
    index('service_records_task_idx')
      .on(t.taskId)
      .where(sql`${t.taskId} is not null`),
    index('service_records_served_by_idx').using('gin', t.servedBy),
    index('service_records_report_types_idx').using('gin', t.reportTypes),
    index('service_records_concerns_idx').using('gin', t.concerns),
    index('service_records_follow_up_idx')
      .on(t.stationId, t.followUpOn)
      .where(sql`${t.followUpNeeded}`),
    check('service_records_wellbeing_check', sql`${t.wellbeing} between 1 and 5`),
    check('service_records_duration_check', sql`${t.durationMinutes} between 1 and 1440`),
  ],
);

/** The content a service record had before each correction. */
export const serviceRecordRevisions = pgTable(
  'service_record_revisions',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => serviceRecords.id),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    changedBy: uuid('changed_by').notNull(),
    changedAt: instant('changed_at').notNull(),
  },
  (t) => [index('service_record_revisions_service_idx').on(t.serviceId, t.version)],
);

/** Photos of a service. The bytes live under DATA_DIR/attachments; the row says who may see them (the person's scope). */
export const serviceAttachments = pgTable(
  'service_attachments',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => serviceRecords.id),
    personId: uuid('person_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('service_attachments_service_idx').on(t.serviceId)],
);
