import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Timestamps are `timestamptz`; days and months are counted in Asia/Shanghai by the queries. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Columns every mutable record carries. Ids are UUIDv7 made in the app. */
export const recordColumns = () => ({
  id: uuid('id').primaryKey(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  version: integer('version').notNull().default(1),
});
