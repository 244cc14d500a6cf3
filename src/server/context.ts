import type { Config } from './config';
import type { Db, DatabaseKind } from './db/database';
import type { Keys } from './secrets';
import type { Lang } from '../shared/i18n';
import type { Permission, Role } from '../shared/roles';

/** The signed-in caller, with everything scope and permission checks need. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  orgName: string | null;
  /** The user's station, for station roles. */
  stationId: string | null;
  countyId: string | null;
  scopeLevel: 'all' | 'county' | 'station';
  /** Stations whose records the caller may see; 'all' for administrators. */
  stationIds: readonly string[] | 'all';
  permissions: ReadonlySet<Permission>;
  sessionId: string;
}

/** What the server holds for its whole life, shared by every request. */
export interface AppDeps {
  config: Config;
  db: Db;
  databaseKind: DatabaseKind;
  keys: Keys;
  /** The clock; tests move it to try timeouts and lockouts. */
  now: () => Date;
  version: string;
  /** Folder of the built web client; absent in API-only tests. */
  webDir?: string | undefined;
}

/**
 * The first argument of every service function: who is calling, from where, in which language,
 * and the database handle (or the transaction the caller started).
 */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  deps: AppDeps;
  now: Date;
  lang: Lang;
  ip: string;
  userAgent: string | null;
}

/** The caller, for services that only signed-in users reach (the routes guarantee it). */
export function actorOf(ctx: Ctx): Actor {
  if (!ctx.actor) throw new Error('a service that needs a signed-in caller was called without one');
  return ctx.actor;
}

/** Runs `work` in one transaction, handing it a context whose `db` is the transaction. */
export async function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => work({ ...ctx, db }));
}

/** A context for work outside a request (start-up, demo data, commands): no caller, Chinese messages. */
export function systemCtx(deps: AppDeps): Ctx {
  return { db: deps.db, actor: null, deps, now: deps.now(), lang: 'zh-CN', ip: '', userAgent: null };
}
