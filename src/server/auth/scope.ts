import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { actorOf, type Ctx } from '../context';
import { notFound } from '../errors';

/**
 * The one scoping helper. Every query of tenant data puts `stationScope(ctx, table.stationId)`
 * in its WHERE clause, so a record outside the caller's stations is simply not found: the
 * caller gets 404 and learns nothing about whether it exists.
 */
export function stationScope(ctx: Ctx, column: AnyColumn): SQL {
  const { stationIds } = actorOf(ctx);
  if (stationIds === 'all') return sql`true`;
  if (stationIds.length === 0) return sql`false`;
  return inArray(column, [...stationIds]);
}

export function isStationInScope(ctx: Ctx, stationId: string | null | undefined): boolean {
  const { stationIds } = actorOf(ctx);
  if (!stationId) return stationIds === 'all';
  return stationIds === 'all' || stationIds.includes(stationId);
}

/** For writes that name a station (or a record's station): outside scope is NOT_FOUND. */
export function requireStationInScope(ctx: Ctx, stationId: string | null | undefined): void {
  if (!isStationInScope(ctx, stationId)) throw notFound();
}
