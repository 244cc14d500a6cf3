import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';

/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), and hash-chained
 * per station: each event's hash covers its content and the previous event's hash, so an edited,
 * removed or inserted row breaks the chain where it happened.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: instant('at').notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    stationId: uuid('station_id'),
    ip: text('ip'),
    outcome: text('outcome', { enum: ['ok', 'failed', 'denied'] }).notNull(),
    details: jsonb('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_events_chain_seq_idx').on(t.chain, t.seq),
    index('audit_events_station_at_idx').on(t.stationId, t.at, t.id),
    index('audit_events_at_idx').on(t.at, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.at),
  ],
);

/** The head of each chain. Appending locks its row, which serialises writers of one chain. */
export const auditChains = pgTable('audit_chains', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
});
