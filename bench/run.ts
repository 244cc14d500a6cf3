/**
 * `npm run bench`: request latency and throughput on the embedded database and (with
 * BENCH_DATABASE_URL or TEST_DATABASE_URL) on a PostgreSQL server, each beside its floor.
 *
 * 1. The request path (bench/foundation.ts): health, session, org tree on the demo township,
 *    beside a bare Fastify route and the same database work as raw SQL.
 * 2. People at scale (bench/people.ts): 200,000 synthetic people generated into a fresh database,
 *    then the people list and its searches as a station worker and as the administrator, each
 *    beside the exact SQL `findPeople` runs. Query plans go to bench/PLANS.md.
 * 3. Excel import (bench/import.ts).
 * 4. Service records (bench/services.ts): recording at 1 and 10 clients and the person's and the
 *    station's lists, with about 20,000 records on file, each beside the same SQL.
 *
 * Writes bench/RESULTS.md. Figures are for reading, never for gating CI: machines are noisy.
 * BENCH_SECONDS (3), BENCH_PEOPLE (200000), BENCH_PEOPLE_PER_STATION (2000) and BENCH_SERVICE_PEOPLE (950)
 * shorten a trial run.
 */
import fs from 'node:fs';
import os from 'node:os';
import Fastify from 'fastify';
import { benchRequestPath, type PathRow } from './foundation';
import { BENCH_PEOPLE_PER_STATION, benchPeople, type PeopleBench } from './people';
import { benchImport, IMPORT_ROWS, type ImportBench } from './import';
import { benchServices, servicesTable, type ServicesBench } from './services';
import { CONNECTIONS, DURATION, getter, latency, throughput } from './measure';

/** The target: a search answers within 50 ms at p95 on the embedded database. */
const SEARCH_TARGET_MS = 50;

function pathTable(rows: PathRow[]): string[] {
  return [
    '| database | what | req/s | p50 | p95 | p99 |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.database} | ${r.name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} |`),
  ];
}

function peopleTable(bench: PeopleBench): string[] {
  return [
    `**${bench.database}**: ${bench.people.toLocaleString('en')} people in ${bench.stations} stations, generated in ${bench.generation.seconds.toFixed(0)} s (${bench.generation.perSecond.toLocaleString('en')} people/s, through \`PersonPreparer\` and \`insertPeople\`).`,
    '',
    '| as | query | items | HTTP p50 | p95 | p99 | HTTP req/s | SQL p50 | p95 | p99 | SQL/s | target |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...bench.rows.map((r) => {
      const target = r.search ? (r.http.p95 < SEARCH_TARGET_MS ? 'met' : '**missed**') : '';
      return `| ${r.role} | ${r.query} | ${r.items} | ${r.http.p50} | ${r.http.p95} | ${r.http.p99} | ${r.http.rps} | ${r.floor.p50} | ${r.floor.p95} | ${r.floor.p99} | ${r.floor.rps} | ${target} |`;
    }),
  ];
}

async function main(): Promise<void> {
  const startLoad = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  const bare = Fastify({ logger: false });
  bare.get('/ping', async () => ({ status: 'ok' }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  const floor = { ...(await latency(getter(`${bareUrl}/ping`))), rps: await throughput(`${bareUrl}/ping`) };
  await bare.close();
  console.log(`floor: bare Fastify JSON route ${floor.rps} req/s, p50 ${floor.p50} ms`);
  const pathRows: PathRow[] = [{ database: '—', name: 'floor: bare Fastify JSON route', ...floor }];
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const modes: [string, string | undefined][] = [['pglite', undefined], ...(pgUrl ? [['postgres', pgUrl] as [string, string]] : [])];

  for (const [label, url] of modes) pathRows.push(...(await benchRequestPath(label, url)));
  const peopleBenches: PeopleBench[] = [];
  for (const [label, url] of modes) peopleBenches.push(await benchPeople(label, url));
  const importBenches: ImportBench[] = [];
  for (const [label, url] of modes) importBenches.push(await benchImport(label, url));
  const servicesBenches: ServicesBench[] = [];
  for (const [label, url] of modes) servicesBenches.push(await benchServices(label, url));

  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version};`,
    `load average when it started ${startLoad} (other work on the machine slows every figure).`,
    'Run `npm run bench`; set `BENCH_DATABASE_URL` (or `TEST_DATABASE_URL`) to add the PostgreSQL server.',
    '',
    '## What the numbers mean',
    '',
    `- **p50 / p95 / p99** (milliseconds): one client sending requests one after another for ${DURATION} s, each timed:`,
    '  the wait one user sees. **req/s**: autocannon with ' + `${CONNECTIONS} connections for ${DURATION} s over loopback: what the process serves when busy.`,
    `- **floor** / **SQL** columns: the same database work as raw SQL straight on the database handle (no HTTP, session, validation`,
    `  or reply mapping), timed the same way (one loop for latency, ${CONNECTIONS} concurrent loops for throughput). The gap between`,
    '  a route and its floor is what the app adds; the floor itself is what the query and its indexes cost.',
    '- The embedded database (PGlite) is one connection inside the Node process: queries queue behind each other and share the',
    '  event loop with HTTP, so its throughput barely grows with connections. PostgreSQL runs queries in parallel.',
    `- People figures: a fresh database with ${BENCH_PEOPLE_PER_STATION.toLocaleString('en')} synthetic people in each station; the worker (安远镇) sees`,
    `  one station's files, the administrator everyone's. Search target: p95 under ${SEARCH_TARGET_MS} ms on the embedded database.`,
    '  `items` is how many files the page returned (at most 50). Plans of every query: bench/PLANS.md.',
    '- Figures vary by machine and by run; read them as shapes and ratios, never as pass/fail.',
    '',
    '## The request path (demo township)',
    '',
    ...pathTable(pathRows),
    '',
    '## People at scale',
    '',
  ];
  for (const bench of peopleBenches) lines.push(...peopleTable(bench), '');
  lines.push(
    '## Excel import',
    '',
    `A ledger of ${IMPORT_ROWS.toLocaleString('en')} rows in our template (children and elders with identity numbers, phones, groups, risk), posted to`,
    '`POST /api/people/import?dryRun=false` as a worker; then the same file again (every row an unchanged update). The floor writes',
    'the same files, already checked, with `insertPeople` in one transaction: what the database alone costs. Target: under 10 s.',
    '',
    '| database | rows | import (s) | re-import (s) | floor: inserts only (s) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...importBenches.map((b) => `| ${b.database} | ${b.rows} | ${b.importSeconds.toFixed(2)} | ${b.reimportSeconds.toFixed(2)} | ${b.insertSeconds.toFixed(2)} |`),
    '',
    '## Service records',
    '',
    'The demo township with its year of history, grown to about 20,000 records. Lists as a worker of 安远镇 (`limit=50`; the',
    "person's list also writes its audit event, as every read of a person's records does); the SQL floor is the same SELECT",
    '(scope, filter, order, limit) with the names joined. Recording: `POST /api/services` of a phone call with a new client-made',
    "UUIDv7, from 1 and from 10 clients at once; its floor writes the row and its audit event in one transaction, the writes the",
    "route makes without the reads that check it (person, staff, case) and build the reply. Both run for the same time, so the",
    'database holds a few thousand more records by the end.',
    '',
  );
  for (const bench of servicesBenches) lines.push(...servicesTable(bench), '');
  const notesFile = new URL('./NOTES.md', import.meta.url);
  if (fs.existsSync(notesFile)) lines.push(fs.readFileSync(notesFile, 'utf8'));
  fs.writeFileSync(new URL('./RESULTS.md', import.meta.url), lines.join('\n'));

  const plans = ['# Query plans of the people benchmark', '', 'EXPLAIN (ANALYZE, COSTS OFF) of the exact SQL `findPeople` runs, from the last `npm run bench`.', ''];
  for (const bench of peopleBenches) {
    for (const plan of bench.plans) plans.push(`## ${bench.database}, ${plan.role}: ${plan.query}`, '', '```', plan.plan, '```', '');
  }
  fs.writeFileSync(new URL('./PLANS.md', import.meta.url), plans.join('\n'));
  console.log('wrote bench/RESULTS.md and bench/PLANS.md');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
