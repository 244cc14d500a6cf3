import { type AnyPgColumn, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { recordColumns } from './columns';

/**
 * County → township station → village. A station row's `station_id` is its own id and a
 * village's is its station's, so the one scope rule (station_id in the caller's stations)
 * covers orgs as it covers every tenant table.
 */
export const orgs = pgTable(
  'orgs',
  {
    ...recordColumns(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgs.id),
    level: text('level', { enum: ['county', 'station', 'village'] }).notNull(),
    name: text('name').notNull(),
    code: text('code'),
    countyId: uuid('county_id'),
    stationId: uuid('station_id'),
  },
  (t) => [
    check('orgs_level_check', sql`${t.level} in ('county', 'station', 'village')`),
    uniqueIndex('orgs_parent_name_idx').on(t.parentId, t.name),
    index('orgs_station_idx').on(t.stationId),
    index('orgs_county_idx').on(t.countyId),
  ],
);
