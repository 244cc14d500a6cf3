import crypto from 'node:crypto';
import { and, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../context';
import type { Db } from '../db/database';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { auditChains, auditEvents } from '../db/schema/index';
import { stationScope } from '../auth/scope';
import { decodeCursor, encodeCursor } from '../pagination';
import { dayStart } from '../time';
import type { AuditOutcome, zAuditEvent, zListAuditQuery } from '../../shared/schemas/audit';

export const GENESIS_HASH = '0'.repeat(64);
export const SYSTEM_CHAIN = 'system';

export interface AuditInput {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  /** The station whose chain the event joins; events of no station join the system chain. */
  stationId?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown> | null;
  /** For events without a signed-in caller (a failed sign-in): who it was about. */
  actorOverride?: { id: string | null; username: string | null; role: string | null };
}

/** JSON with keys sorted at every level, so a hash does not depend on key order (jsonb reorders them). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface HashedFields {
  id: string;
  chain: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  stationId: string | null;
  ip: string | null;
  outcome: string;
  details: unknown;
}

export function eventHash(prevHash: string, event: HashedFields): string {
  // Named one by one: a row read back carries more columns (its own hash) than were hashed.
  const content = canonicalJson({
    id: event.id,
    chain: event.chain,
    seq: event.seq,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorUsername: event.actorUsername,
    actorRole: event.actorRole,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    stationId: event.stationId,
    ip: event.ip,
    outcome: event.outcome,
    details: event.details,
  });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends one event to its station's chain. Call it with the context of the transaction that
 * makes the change, so the event and the change commit together or not at all. The chain head's
 * row lock serialises appenders of one chain across processes.
 */
export async function recordAudit(ctx: Ctx, input: AuditInput): Promise<void> {
  await recordAudits(ctx, [{ ctx, input }]);
}

/** The hashed fields of an event at a place in its chain; who, when and from where come from the event's own caller. */
function hashedFields(ctx: Pick<Ctx, 'actor' | 'now' | 'ip'>, input: AuditInput, seq: number): HashedFields {
  const actor = input.actorOverride ?? (ctx.actor ? { id: ctx.actor.userId, username: ctx.actor.username, role: ctx.actor.role } : null);
  const stationId = input.stationId ?? null;
  return {
    id: uuidv7(),
    chain: stationId ?? SYSTEM_CHAIN,
    seq,
    // Millisecond precision, so the stored instant reads back exactly as hashed.
    at: new Date(ctx.now.getTime()),
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    actorRole: actor?.role ?? null,
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    stationId,
    ip: ctx.ip || null,
    outcome: input.outcome ?? 'ok',
    details: input.details ?? null,
  };
}

/** An event and the caller it records (several callers' events can be appended together). */
export interface AuditAppend {
  ctx: Pick<Ctx, 'actor' | 'now' | 'ip'>;
  input: AuditInput;
}

/**
 * Appends many events at once, in the transaction of `ctx`: per chain (in a fixed order, so two
 * appenders never take chains in opposite orders) the head is moved once and the events inserted
 * together, giving the same chain as appending them one by one, in a few statements instead of
 * several per event. For work that writes many records in one transaction (survey intake).
 */
export async function recordAudits(ctx: Ctx, events: readonly AuditAppend[]): Promise<void> {
  if (events.length === 0) return;
  const byChain = new Map<string, AuditAppend[]>();
  for (const event of events) {
    const chain = event.input.stationId ?? SYSTEM_CHAIN;
    byChain.set(chain, [...(byChain.get(chain) ?? []), event]);
  }
  await withinTransaction(ctx.db, async (tx) => {
    for (const chain of [...byChain.keys()].sort()) {
      const list = byChain.get(chain)!;
      const advance = () =>
        tx
          .update(auditChains)
          .set({ seq: sql`${auditChains.seq} + ${list.length}` })
          .where(eq(auditChains.chain, chain))
          .returning({ seq: auditChains.seq, headHash: auditChains.headHash });
      let [head] = await advance();
      if (!head) {
        await tx.insert(auditChains).values({ chain, seq: 0, headHash: GENESIS_HASH }).onConflictDoNothing();
        [head] = await advance();
      }
      if (!head) throw new Error(`audit chain ${chain} has no head`);
      const first = head.seq - list.length + 1;
      let prevHash = head.headHash;
      const rows = list.map((event, index) => {
        const fields = hashedFields(event.ctx, event.input, first + index);
        const hash = eventHash(prevHash, fields);
        const row = { ...fields, outcome: fields.outcome as AuditOutcome, prevHash, hash };
        prevHash = hash;
        return row;
      });
      await tx.insert(auditEvents).values(rows);
      await tx.update(auditChains).set({ headHash: prevHash }).where(eq(auditChains.chain, chain));
    }
  });
}

/**
 * Runs the append in the caller's transaction when there is one (no savepoint: an append that
 * fails fails the change it records), else in a transaction of its own.
 */
function withinTransaction(db: Db, work: (tx: Db) => Promise<void>): Promise<void> {
  return isTransaction(db) ? work(db) : db.transaction(work);
}

function isTransaction(db: Db): boolean {
  return db instanceof PgTransaction;
}

type AuditEventReply = z.infer<typeof zAuditEvent>;
type ListAuditQuery = z.infer<typeof zListAuditQuery>;

/** Pages through the trail, newest first, within the caller's stations (administrators see the system chain too). */
export async function findAuditEvents(ctx: Ctx, query: ListAuditQuery): Promise<{ items: AuditEventReply[]; nextCursor: string | null }> {
  const conditions: SQL[] = [stationScope(ctx, auditEvents.stationId)];
  if (query.action) {
    const escaped = query.action.replace(/[\\%_]/g, (c) => `\\${c}`);
    conditions.push(query.action.endsWith('.') ? like(auditEvents.action, `${escaped}%`) : eq(auditEvents.action, query.action));
  }
  if (query.actorId) conditions.push(eq(auditEvents.actorId, query.actorId));
  if (query.stationId) conditions.push(eq(auditEvents.stationId, query.stationId));
  if (query.entityId) conditions.push(eq(auditEvents.entityId, query.entityId));
  if (query.from) conditions.push(gte(auditEvents.at, dayStart(query.from)));
  if (query.to) conditions.push(lt(auditEvents.at, dayStart(query.to, 1)));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const cursorAt = new Date(at);
    conditions.push(or(lt(auditEvents.at, cursorAt), and(eq(auditEvents.at, cursorAt), lt(auditEvents.id, id)))!);
  }
  const rows = await ctx.db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toAuditReply),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null,
  };
}

export function toAuditReply(row: typeof auditEvents.$inferSelect): AuditEventReply {
  return {
    id: row.id,
    at: row.at.toISOString(),
    chain: row.chain,
    seq: row.seq,
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    stationId: row.stationId,
    ip: row.ip,
    outcome: row.outcome,
    details: row.details,
  };
}

export interface ChainBreak {
  chain: string;
  seq: number;
  eventId: string | null;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';
}

export interface VerifyReport {
  chains: number;
  events: number;
  breaks: ChainBreak[];
}

/** Recomputes every chain from its first event; reports the first break of each broken chain. */
export async function verifyAuditChains(db: Db): Promise<VerifyReport> {
  const heads = await db.select().from(auditChains).orderBy(auditChains.chain);
  const report: VerifyReport = { chains: heads.length, events: 0, breaks: [] };
  const BATCH = 1000;
  for (const head of heads) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let broken: ChainBreak | null = null;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chain, head.chain), gte(auditEvents.seq, expectedSeq)))
        .orderBy(auditEvents.seq)
        .limit(BATCH);
      for (const row of rows) {
        report.events++;
        if (broken) continue;
        if (row.seq !== expectedSeq) {
          broken = { chain: head.chain, seq: expectedSeq, eventId: row.id, reason: 'sequence_gap' };
        } else if (row.prevHash !== prevHash) {
          broken = { chain: head.chain, seq: row.seq, eventId: row.id, reason: 'prev_hash_mismatch' };
        } else if (eventHash(prevHash, row) !== row.hash) {
          broken = { chain: head.chain, seq: row.seq, eventId: row.id, reason: 'hash_mismatch' };
        }
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
      }
      if (rows.length < BATCH) break;
    }
    if (!broken && head.seq > expectedSeq - 1) {
      // The newest events are gone: the head remembers more than the table holds.
      broken = { chain: head.chain, seq: expectedSeq, eventId: null, reason: 'sequence_gap' };
    } else if (!broken && (head.seq !== expectedSeq - 1 || head.headHash !== prevHash)) {
      broken = { chain: head.chain, seq: expectedSeq, eventId: null, reason: 'head_mismatch' };
    }
    if (broken) report.breaks.push(broken);
  }
  return report;
}
