/**
 * `npm run bench`: request latency and throughput of the foundation's hot paths, on the embedded
 * database and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) on a PostgreSQL server, each beside
 * its floor: a bare Fastify route, and the same database work as raw SQL. Writes bench/RESULTS.md.
 * Figures are for reading, never for gating CI: machines are noisy.
 */
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../src/server/testing/test-app';
import { sha256Hex } from '../src/server/secrets';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

interface Row {
  database: string;
  name: string;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
}

async function http(url: string, headers: Record<string, string> = {}): Promise<Omit<Row, 'database' | 'name'>> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 };
}

/** Runs `work` from CONNECTIONS concurrent loops for the duration; the raw-SQL floor of a route. */
async function loop(work: () => Promise<unknown>): Promise<Omit<Row, 'database' | 'name'>> {
  const latencies: number[] = [];
  const end = performance.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        await work();
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 100) / 100;
  return { rps: Math.round(latencies.length / DURATION), p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

async function benchDatabase(label: string, env: Record<string, string | undefined>): Promise<Row[]> {
  const saved = process.env.TEST_DATABASE_URL;
  if (env.TEST_DATABASE_URL) process.env.TEST_DATABASE_URL = env.TEST_DATABASE_URL;
  else delete process.env.TEST_DATABASE_URL;
  const t: TestApp = await makeTestApp({ env: { API_RATE_PER_MINUTE: '1000000', LOGIN_RATE_PER_MINUTE: '10000' } });
  if (saved === undefined) delete process.env.TEST_DATABASE_URL;
  else process.env.TEST_DATABASE_URL = saved;
  t.deps.now = () => new Date();
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const worker = await t.login('anyuan.worker');
  const token = worker.cookie.split('=')[1]!;
  const stationId = t.demo.stations.anyuan.id;
  const rows: Row[] = [];
  const add = (name: string, figures: Omit<Row, 'database' | 'name'>) => {
    rows.push({ database: label, name, ...figures });
    console.log(`${label.padEnd(10)} ${name.padEnd(58)} ${String(Math.round(figures.rps)).padStart(7)} req/s  p50 ${figures.p50} ms  p90 ${figures.p90} ms  p99 ${figures.p99} ms`);
  };

  add('GET /api/health (full app: helmet, rate limit, guard)', await http(`${base}/api/health`));
  add('GET /api/auth/me (session lookup, permissions)', await http(`${base}/api/auth/me`, { cookie: worker.cookie }));
  add('  floor: the session query as raw SQL', await loop(() => t.deps.db.execute(sql`select s.id, s.last_seen_at, u.* from sessions s join users u on u.id = s.user_id where s.token_hash = ${sha256Hex(token)}`)));
  add('GET /api/orgs (session + scoped org tree)', await http(`${base}/api/orgs`, { cookie: worker.cookie }));
  add(
    '  floor: session + org queries as raw SQL',
    await loop(async () => {
      await t.deps.db.execute(sql`select s.id, u.* from sessions s join users u on u.id = s.user_id where s.token_hash = ${sha256Hex(token)}`);
      await t.deps.db.execute(sql`select * from orgs where station_id in (${stationId}) order by name`);
    }),
  );
  await t.close();
  return rows;
}

async function main(): Promise<void> {
  const bare = Fastify({ logger: false });
  bare.get('/ping', async () => ({ status: 'ok' }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const floor = await http(`${bareUrl}/ping`);
  await bare.close();
  console.log(`floor: bare Fastify JSON route ${Math.round(floor.rps)} req/s, p50 ${floor.p50} ms`);
  const rows: Row[] = [{ database: '—', name: 'floor: bare Fastify JSON route', ...floor }];

  rows.push(...(await benchDatabase('pglite', {})));
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) rows.push(...(await benchDatabase('postgres', { TEST_DATABASE_URL: pgUrl })));

  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    `Each HTTP figure: autocannon, ${CONNECTIONS} connections, ${DURATION} s, over loopback; each floor runs the same`,
    `database work as raw SQL from ${CONNECTIONS} concurrent loops. Latencies in milliseconds. Run \`npm run bench\`;`,
    'set `BENCH_DATABASE_URL` (or `TEST_DATABASE_URL`) to add the PostgreSQL server.',
    '',
    '| database | what | req/s | p50 | p90 | p99 |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.database} | ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p90} | ${r.p99} |`),
    '',
  ];
  const notesFile = new URL('./NOTES.md', import.meta.url);
  if (fs.existsSync(notesFile)) lines.push(fs.readFileSync(notesFile, 'utf8'));
  fs.writeFileSync(new URL('./RESULTS.md', import.meta.url), lines.join('\n'));
  console.log('wrote bench/RESULTS.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
