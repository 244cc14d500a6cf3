import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, recordColumns } from './columns';
import { orgs } from './orgs';
import { people } from './people';

/**
 * The needs register (需求台账): one need of one person, from a survey response, a visit or a
 * case assessment, moving identified → being_served → met | unmet. A person has at most one
 * open (identified or being served) need of each type; identifying it again adds nothing.
 */
export const needs = pgTable(
  'needs',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    villageId: uuid('village_id')
      .notNull()
      .references(() => orgs.id),
    needType: text('need_type').notNull(),
    status: text('status', { enum: ['identified', 'being_served', 'met', 'unmet'] }).notNull(),
    source: text('source', { enum: ['survey', 'visit', 'assessment', 'other'] }).notNull(),
    sourceId: uuid('source_id'),
    note: text('note'),
    identifiedAt: instant('identified_at').notNull(),
    identifiedBy: uuid('identified_by').notNull(),
    statusChangedAt: instant('status_changed_at').notNull(),
    updatedBy: uuid('updated_by').notNull(),
  },
  (t) => [
    uniqueIndex('needs_open_person_type_idx')
      .on(t.stationId, t.personId, t.needType)
      .where(sql`${t.status} in ('identified', 'being_served')`),
    index('needs_station_type_status_idx').on(t.stationId, t.needType, t.status),
    index('needs_station_identified_idx').on(t.stationId, t.identifiedAt, t.id),
    index('needs_person_idx').on(t.personId, t.identifiedAt),
  ],
);
