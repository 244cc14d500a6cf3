import { sql } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../src/server/testing/test-app';
import { sha256Hex } from '../src/server/secrets';
import { getter, latency, loopThroughput, throughput, type Latency } from './measure';

/** A row of the request-path table: HTTP figures, or (floor) the same database work as raw SQL. */
export interface PathRow extends Latency {
  database: string;
  name: string;
  rps: number;
}

/** The foundation's hot paths on a small database (the demo township): health, session, org tree. */
export async function benchRequestPath(label: string, databaseUrl: string | undefined): Promise<PathRow[]> {
  const saved = process.env.TEST_DATABASE_URL;
  if (databaseUrl) process.env.TEST_DATABASE_URL = databaseUrl;
  else delete process.env.TEST_DATABASE_URL;
  let t: TestApp;
  try {
    t = await makeTestApp({ env: { API_RATE_PER_MINUTE: '1000000', LOGIN_RATE_PER_MINUTE: '10000' } });
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
  t.deps.now = () => new Date();
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const worker = await t.login('anyuan.worker');
  const token = worker.cookie.split('=')[1]!;
  const stationId = t.demo.stations.anyuan.id;
  const rows: PathRow[] = [];
  const http = async (name: string, path: string, headers: Record<string, string> = {}) => {
    const figures = { ...(await latency(getter(`${base}${path}`, headers))), rps: await throughput(`${base}${path}`, headers) };
    rows.push({ database: label, name, ...figures });
    console.log(`${label.padEnd(9)} ${name.padEnd(56)} ${String(figures.rps).padStart(6)} req/s  p50 ${figures.p50}  p95 ${figures.p95}  p99 ${figures.p99} ms`);
  };
  const floor = async (name: string, work: () => Promise<unknown>) => {
    const figures = { ...(await latency(work)), rps: await loopThroughput(work) };
    rows.push({ database: label, name, ...figures });
    console.log(`${label.padEnd(9)} ${name.padEnd(56)} ${String(figures.rps).padStart(6)} req/s  p50 ${figures.p50}  p95 ${figures.p95}  p99 ${figures.p99} ms`);
  };

  await http('GET /api/health (full app: helmet, rate limit, guard)', '/api/health');
  await http('GET /api/auth/me (session lookup, permissions)', '/api/auth/me', { cookie: worker.cookie });
  await floor('  floor: the session query as raw SQL', () => t.deps.db.execute(sql`select s.id, s.last_seen_at, u.* from sessions s join users u on u.id = s.user_id where s.token_hash = ${sha256Hex(token)}`));
  await http('GET /api/orgs (session + scoped org tree)', '/api/orgs', { cookie: worker.cookie });
  await floor('  floor: session + org queries as raw SQL', async () => {
    await t.deps.db.execute(sql`select s.id, u.* from sessions s join users u on u.id = s.user_id where s.token_hash = ${sha256Hex(token)}`);
    await t.deps.db.execute(sql`select * from orgs where station_id in (${stationId}) order by name`);
  });
  await t.close();
  return rows;
}
