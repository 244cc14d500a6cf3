import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index';
import { lockDataDir } from './lock';

export type Schema = typeof schema;
/** The database or a transaction: services take either, so the caller decides where a transaction starts. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Applies the committed migrations in `drizzle/`. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export interface OpenOptions {
  /** `postgres://…`: the server mode. Without it, the embedded database. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `null` keeps it in memory (tests). */
  dataDir?: string | null;
  /** Who holds the folder lock, shown to a second process that is refused. */
  purpose?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Acknowledged writes must survive a crash: never trade durability for speed.
      options: '-c synchronous_commit=on -c TimeZone=UTC',
    });
    // An idle pooled connection can die under us (server restart, admin termination): node-postgres
    // then emits 'error' on the pool, which must be handled or it ends the process. The pool replaces
    // the connection; a query in flight fails on its own and reaches its caller.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.error('PostgreSQL connection lost:', error.message);
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await db.execute(sql`select 1`);
    const migrate = async () => {
      // Several app processes may start at once: a session advisory lock lets one migrate.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(4207001)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('select pg_advisory_unlock(4207001)').catch(() => undefined);
        client.release();
      }
    };
    return { db, kind: 'postgres', migrate, close: () => pool.end() };
  }
  const lock = options.dataDir ? lockDataDir(path.join(options.dataDir, 'pglite'), options.purpose ?? 'lastmeter') : null;
  try {
    // Strict durability is PGlite's default; `relaxedDurability` is deliberately never set.
    const extensions = { pg_trgm };
    const client = options.dataDir
      ? await PGlite.create(path.join(options.dataDir, 'pglite'), { extensions })
      : await PGlite.create({ extensions });
    await client.exec("SET TIME ZONE 'UTC'");
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS }),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

