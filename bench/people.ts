import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { systemCtx, type AppDeps, type Ctx } from '../src/server/context';
import { openDatabase, type Database } from '../src/server/db/database';
import { people } from '../src/server/db/schema/index';
import { deriveKeys } from '../src/server/secrets';
import { decryptPii } from '../src/server/pii';
import { encodeCursor } from '../src/server/pagination';
import { listConditions, peoplePageQuery } from '../src/server/modules/people/people.service';
import { DEMO_STATIONS, loadDemoTownship } from '../src/server/demo/demo-township';
import { addResidents, generateScale } from '../src/server/demo/scale';
import { systemActor } from '../src/server/demo/load-residents';
import { VERSION } from '../src/server/version';
import type { ListPeopleQuery } from '../src/shared/schemas/people';
import { getter, latency, loopThroughput, throughput, type Latency } from './measure';

/** People on file for the people figures, and per station (so the worker's station holds this many). */
export const BENCH_PEOPLE = Number(process.env.BENCH_PEOPLE ?? 200_000);
export const BENCH_PEOPLE_PER_STATION = Number(process.env.BENCH_PEOPLE_PER_STATION ?? 2_000);
const PASSWORD = 'bench-password';

type Figures = Latency & { rps: number };

export interface PeopleRow {
  database: string;
  role: 'worker' | 'admin';
  query: string;
  /** Is it a search (held to the 50 ms p95 target)? */
  search: boolean;
  http: Figures;
  floor: Figures;
  /** Items on the page the query answers (at most 50). */
  items: number;
}

export interface PeopleBench {
  database: string;
  people: number;
  stations: number;
  generation: { seconds: number; perSecond: number };
  rows: PeopleRow[];
  plans: { role: string; query: string; plan: string }[];
}

/** A fresh database of the bench's own: PGlite in a temporary folder, or a new database on the server. */
async function freshDatabase(serverUrl: string | undefined): Promise<{ database: Database; dataDir: string; drop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lastmeter-bench-'));
  if (!serverUrl) {
    const database = await openDatabase({ dataDir, purpose: 'npm run bench' });
    return { database, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `lastmeter_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  return {
    database,
    dataDir,
    drop: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** The page query `findPeople` runs, from the service itself. */
function pageQuery(ctx: Ctx, query: ListPeopleQuery) {
  return peoplePageQuery(ctx, listConditions(ctx, query), query);
}

/** drizzle's `{ sql, params }` back into one SQL value, to run the exact text on the database. */
function rawSql(query: { sql: string; params: unknown[] }): SQL {
  const parts = query.sql.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${query.params[Number(part) - 1]}`)),
    sql.raw(''),
  );
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows as Record<string, unknown>[];
  return [];
}

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`login of ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lm_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0]!;
}

/**
 * 200,000 people (by default) in 100 stations of 2,000: the demo township's two stations and 98
 * generated ones. A worker of 安远镇 sees 2,000 files; the administrator sees all of them.
 */
export async function benchPeople(label: string, serverUrl: string | undefined): Promise<PeopleBench> {
  const { database, dataDir, drop } = await freshDatabase(serverUrl);
  try {
    await database.migrate();
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, API_RATE_PER_MINUTE: '1000000', LOGIN_RATE_PER_MINUTE: '10000' });
    const deps: AppDeps = { config, db: database.db, databaseKind: database.kind, keys: deriveKeys('bench-secret-that-is-long-enough-for-hkdf'), now: () => new Date(), version: VERSION };
    const ctx = systemCtx(deps);
    const demo = await loadDemoTownship(ctx, PASSWORD);
    const adminId = demo.userIds.admin!;

    const started = performance.now();
    const stations = Math.max(2, Math.round(BENCH_PEOPLE / BENCH_PEOPLE_PER_STATION));
    let shown = 0;
    for (const [index, station] of DEMO_STATIONS.entries()) {
      const villages = station.villages.map((name, i) => ({ id: demo.stations[station.key].villageIds[i]!, name }));
      await addResidents(ctx, { id: demo.stations[station.key].id, villages }, station.town, BENCH_PEOPLE_PER_STATION, { seed: 7000 + index, actorId: adminId });
    }
    if (stations > 2) {
      await generateScale(ctx, {
        stations: stations - 2,
        peoplePerStation: BENCH_PEOPLE_PER_STATION,
        seed: 42,
        onProgress: (p) => {
          if (p.people - shown < 40_000) return;
          shown = p.people;
          const done = p.people + 2 * BENCH_PEOPLE_PER_STATION;
          console.log(`${label.padEnd(9)} generating: ${done.toLocaleString('en')} people, ${Math.round(done / ((performance.now() - started) / 1000))} people/s`);
        },
      });
    }
    const seconds = (performance.now() - started) / 1000;
    const total = stations * BENCH_PEOPLE_PER_STATION;
    console.log(`${label.padEnd(9)} generated ${total.toLocaleString('en')} people in ${stations} stations in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} people/s)`);
    // Fresh statistics, as autovacuum would have gathered on a database that has lived a while.
    await database.db.execute(sql`analyze`);

    const app = await buildApp(deps, { logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const cookies = { worker: await login(base, 'anyuan.worker'), admin: await login(base, 'admin') };
    const anyuan = demo.stations.anyuan.id;
    const [target] = await database.db
      .select({ name: people.name, pinyin: people.namePinyin, initials: people.nameInitials, phone: people.phoneDigits, cipher: people.idNumberCipher })
      .from(people)
      .where(and(eq(people.stationId, anyuan), sql`${people.phoneDigits} is not null`, sql`${people.idNumberCipher} is not null`, sql`length(${people.name}) = 3`))
      .orderBy(people.id)
      .offset(137)
      .limit(1);
    if (!target?.phone || !target.cipher) throw new Error('no person to search for');
    const idNumber = decryptPii(deps.keys, target.cipher);

    const rows: PeopleRow[] = [];
    const plans: PeopleBench['plans'] = [];
    for (const role of ['worker', 'admin'] as const) {
      const scoped: Ctx = { ...ctx, actor: systemActor(adminId, role === 'worker' ? [anyuan] : 'all') };
      const scope = role === 'worker' ? sql`${people.stationId} = ${anyuan}` : sql`true`;
      const [middle] = await database.db
        .select({ pinyin: people.namePinyin, id: people.id })
        .from(people)
        .where(and(scope, eq(people.status, 'active')))
        .orderBy(asc(people.namePinyin), asc(people.id))
        .offset(role === 'worker' ? BENCH_PEOPLE_PER_STATION / 2 : total / 2)
        .limit(1);
      const queries: { query: string; search: boolean; params: { q?: string; cursor?: string } }[] = [
        { query: 'list, first page', search: false, params: {} },
        { query: 'list, a page deep (cursor at the middle)', search: false, params: { cursor: encodeCursor([middle!.pinyin, middle!.id]) } },
        { query: 'name part, common (卓玛)', search: true, params: { q: '卓玛' } },
        { query: 'name, whole (3 characters)', search: true, params: { q: target.name } },
        { query: 'pinyin, whole name', search: true, params: { q: target.pinyin } },
        { query: 'initials', search: true, params: { q: target.initials } },
        { query: 'phone, last 4 digits', search: true, params: { q: target.phone.slice(-4) } },
        { query: 'phone, all 11 digits', search: true, params: { q: target.phone } },
        { query: 'identity number, whole', search: true, params: { q: idNumber } },
      ];
      for (const { query, search, params } of queries) {
        const url = `${base}/api/people?${new URLSearchParams(params).toString()}`;
        const headers = { cookie: cookies[role] };
        const http: Figures = { ...(await latency(getter(url, headers))), rps: await throughput(url, headers) };
        const text = pageQuery(scoped, { limit: 50, ...params }).toSQL();
        const statement = rawSql(text);
        const run = () => database.db.execute(statement);
        const items = Math.min(50, rowsOf(await run()).length);
        const floor: Figures = { ...(await latency(run)), rps: await loopThroughput(run) };
        rows.push({ database: label, role, query, search, http, floor, items });
        const plan = rowsOf(await database.db.execute(sql`explain (analyze, costs off) ${rawSql(text)}`))
          .map((r) => String(r['QUERY PLAN']))
          .join('\n');
        plans.push({ role, query, plan });
        console.log(
          `${label.padEnd(9)} ${role.padEnd(6)} ${query.padEnd(42)} http p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms ${http.rps} req/s | sql p50 ${floor.p50} p95 ${floor.p95} p99 ${floor.p99} ms ${floor.rps}/s | ${items} items`,
        );
      }
    }
    await app.close();
    return { database: label, people: total, stations, generation: { seconds, perSecond: Math.round(total / seconds) }, rows, plans };
  } finally {
    await database.close();
    await drop();
  }
}
