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
 * 5. Care tasks (bench/care.ts): a station of some 2,000 people in care groups with a year of
 *    history; plan-task generation for the whole station (first run and a run with nothing to
 *    do) beside the same reads as SQL, each read on its own; the worker's day at 1 and 10 clients
 *    and completing a task, each beside its SQL; a campaign for every elder of the station.
 *    Query plans go to bench/PLANS.md.
 * 6. Survey responses (bench/surveys.ts): one survey grown to 20,000 responses, then 60,000; intake at
 *    1 and 10 clients (a linked and an anonymous response), a phone's batch of 50, the list of 50,
 *    each beside its SQL, and where an intake's time goes. Query plans go to bench/PLANS.md.
 *
 * Writes bench/RESULTS.md. Figures are for reading, never for gating CI: machines are noisy.
 * BENCH_ONLY=care (or a comma list of path, people, import, services, care, surveys) runs those parts
 * alone and replaces only their sections of RESULTS.md (and PLANS.md), keeping the rest.
 * BENCH_SECONDS (3), BENCH_PEOPLE (200000), BENCH_PEOPLE_PER_STATION (2000), BENCH_SERVICE_PEOPLE (950)
 * BENCH_CARE_PEOPLE (2700), BENCH_SURVEY_RESPONSES (20000) and BENCH_SURVEY_GROWN (60000) shorten a trial run.
 */
import fs from 'node:fs';
import os from 'node:os';
import Fastify from 'fastify';
import { benchRequestPath, type PathRow } from './foundation';
import { BENCH_PEOPLE_PER_STATION, benchPeople, type PeopleBench } from './people';
import { benchImport, IMPORT_ROWS, type ImportBench } from './import';
import { benchServices, servicesTable, type ServicesBench } from './services';
import { BENCH_CARE_PEOPLE, benchCare, careReading, careTable, type CareBench } from './care';
import { BATCH, BENCH_SURVEY_GROWN, BENCH_SURVEY_RESPONSES, benchSurveys, INTAKE_TARGET, LIST_TARGET_P50, surveysReading, surveysTable, type SurveysBench } from './surveys';
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

const PARTS = ['path', 'people', 'import', 'services', 'care', 'surveys'] as const;
type Part = (typeof PARTS)[number];

/** The heading each part's section of RESULTS.md starts with. */
const HEADINGS: Record<Part, string> = {
  path: '## The request path (demo township)',
  people: '## People at scale',
  import: '## Excel import',
  services: '## Service records',
  care: '## Care tasks',
  surveys: '## Surveys',
};

/** The heading PLANS.md gives the care plans, after the people plans. */
const CARE_PLANS_HEADING = '# Query plans of the care benchmark';
/** The heading PLANS.md gives the survey plans, after the care plans. */
const SURVEYS_PLANS_HEADING = '# Query plans of the surveys benchmark';

/** The parts BENCH_ONLY names (all when unset); an unknown name stops the run before anything is measured. */
function partsToRun(): Set<Part> {
  const only = process.env.BENCH_ONLY?.trim();
  if (!only) return new Set(PARTS);
  const named = only.split(',').map((p) => p.trim());
  const unknown = named.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
  return new Set(named as Part[]);
}

/**
 * Replaces (or adds, before the notes) the `## ` sections of a partial run in an earlier
 * RESULTS.md, keeping every other section as it was, hand-written readings included.
 */
function replaceSections(previous: string, fresh: Map<string, string[]>): string {
  const blocks: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  for (const line of previous.split('\n')) {
    if (line.startsWith('## ')) blocks.push({ heading: line, lines: [line] });
    else blocks.at(-1)!.lines.push(line);
  }
  const known = new Set(Object.values(HEADINGS));
  for (const [heading, section] of fresh) {
    const lines = [...section];
    while (lines.at(-1) === '') lines.pop();
    const block = blocks.find((b) => b.heading === heading);
    if (block) {
      block.lines = [...lines, ''];
      continue;
    }
    // A section not there yet goes after the last measured part, before the notes.
    const after = blocks.map((b) => b.heading !== null && known.has(b.heading)).lastIndexOf(true);
    blocks.splice(after + 1, 0, { heading, lines: [...lines, ''] });
  }
  return blocks.map((b) => b.lines.join('\n')).join('\n');
}

async function main(): Promise<void> {
  const parts = partsToRun();
  const startLoad = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  const pathRows: PathRow[] = [];
  if (parts.has('path')) {
    const bare = Fastify({ logger: false });
    bare.get('/ping', async () => ({ status: 'ok' }));
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const floor = { ...(await latency(getter(`${bareUrl}/ping`))), rps: await throughput(`${bareUrl}/ping`) };
    await bare.close();
    console.log(`floor: bare Fastify JSON route ${floor.rps} req/s, p50 ${floor.p50} ms`);
    pathRows.push({ database: '—', name: 'floor: bare Fastify JSON route', ...floor });
  }
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const modes: [string, string | undefined][] = [['pglite', undefined], ...(pgUrl ? [['postgres', pgUrl] as [string, string]] : [])];

  if (parts.has('path')) for (const [label, url] of modes) pathRows.push(...(await benchRequestPath(label, url)));
  const peopleBenches: PeopleBench[] = [];
  if (parts.has('people')) for (const [label, url] of modes) peopleBenches.push(await benchPeople(label, url));
  const importBenches: ImportBench[] = [];
  if (parts.has('import')) for (const [label, url] of modes) importBenches.push(await benchImport(label, url));
  const servicesBenches: ServicesBench[] = [];
  if (parts.has('services')) for (const [label, url] of modes) servicesBenches.push(await benchServices(label, url));
  const careBenches: CareBench[] = [];
  if (parts.has('care')) for (const [label, url] of modes) careBenches.push(await benchCare(label, url));
  const surveysLoad = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  const surveysBenches: SurveysBench[] = [];
  if (parts.has('surveys')) for (const [label, url] of modes) surveysBenches.push(await benchSurveys(label, url));
  const surveysEndLoad = os.loadavg().map((l) => l.toFixed(1)).join(' / ');

  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  const measuredOn = `${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const sections = new Map<string, string[]>();
  sections.set(HEADINGS.path, [HEADINGS.path, '', ...pathTable(pathRows)]);
  sections.set(HEADINGS.people, [HEADINGS.people, '', ...peopleBenches.flatMap((bench) => [...peopleTable(bench), ''])]);
  sections.set(HEADINGS.import, [
    HEADINGS.import,
    '',
    `A ledger of ${IMPORT_ROWS.toLocaleString('en')} rows in our template (children and elders with identity numbers, phones, groups, risk), posted to`,
    '`POST /api/people/import?dryRun=false` as a worker; then the same file again (every row an unchanged update). The floor writes',
    'the same files, already checked, with `insertPeople` in one transaction: what the database alone costs. Target: under 10 s.',
    '',
    '| database | rows | import (s) | re-import (s) | floor: inserts only (s) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...importBenches.map((b) => `| ${b.database} | ${b.rows} | ${b.importSeconds.toFixed(2)} | ${b.reimportSeconds.toFixed(2)} | ${b.insertSeconds.toFixed(2)} |`),
  ]);
  sections.set(HEADINGS.services, [
    HEADINGS.services,
    '',
    'The demo township with its year of history, grown to about 20,000 records. Lists as a worker of 安远镇 (`limit=50`; the',
    "person's list also writes its audit event, as every read of a person's records does); the SQL floor is the same SELECT",
    '(scope, filter, order, limit) with the names joined. Recording: `POST /api/services` of a phone call with a new client-made',
    "UUIDv7, from 1 and from 10 clients at once; its floor writes the row and its audit event in one transaction, the writes the",
    "route makes without the reads that check it (person, staff, case) and build the reply. Both run for the same time, so the",
    'database holds a few thousand more records by the end.',
    '',
    ...servicesBenches.flatMap((bench) => [...servicesTable(bench), '']),
  ]);
  sections.set(HEADINGS.care, [
    HEADINGS.care,
    '',
    `The demo township with its year of history and its care side (settings, personal plans, campaigns), grown to`,
    `${BENCH_CARE_PEOPLE.toLocaleString('en')} residents a station; figures are 安远镇's. Generation (\`generateForStation\`, what the hourly job and`,
    '`POST /api/tasks/generate` run): the first run makes every plan task due within the week (the open plan tasks are removed',
    'before each of its runs); the second finds nothing to do. Its floor is the reads it makes, as the SQL its queries send, one',
    'after another (no transaction, lock or computing in Node); each read is also timed alone. The worker\'s day is what the home',
    'page asks for (`limit=200`); its floor the same SELECT with the names joined. Completing: a phone call on a fresh open task',
    "each time, from one client; its floor the route's writes in one transaction (the record and its audit event, the task",
    'closed, its history row and its audit event) without its reads (task, person, staff, the reply). Plans: bench/PLANS.md.',
    `Measured ${measuredOn}; load average when the care part started ${startLoad}.`,
    '',
    ...careBenches.flatMap((bench) => [...careTable(bench), '']),
    ...careReading(careBenches),
  ]);
  sections.set(HEADINGS.surveys, [
    HEADINGS.surveys,
    '',
    `The demo township with its year (its needs research included); 安远镇's elders survey (the template, edited once) grown with bulk`,
    `inserts to ${BENCH_SURVEY_RESPONSES.toLocaleString('en')} responses, later to ${BENCH_SURVEY_GROWN.toLocaleString('en')}. As anyuan.worker over HTTP (the whole app: session, CSRF, rate limit,`,
    'zod, the service, the reply). Intake: `POST /api/surveys/:id/responses` with a new client-made UUIDv7 each time, from 1 and',
    `${CONNECTIONS} clients: an elder's first response (intake registers their needs), a response of an elder whose needs are open`,
    'already, and an anonymous one. Floors: the row and its audit event in one transaction (for a first response also the needs in',
    'one insert and all the audit events in one append), the writes intake makes, without its reads (session, survey, person).',
    `The batch: \`POST /api/surveys/responses/batch\` with ${BATCH} responses a request, half of them linked. The list:`,
    '`GET /api/surveys/:id/responses?limit=50` (it writes an audit event: responses are personal data); its floor the SELECT with',
    `the names joined. Targets: intake ≥ ${INTAKE_TARGET.rps.toLocaleString('en')} responses/s from ${CONNECTIONS} clients with p95 < ${INTAKE_TARGET.p95} ms; the list p50 < ${LIST_TARGET_P50} ms at any size.`,
    'PostgreSQL is reached through the app\'s own pool (10 connections). Plans: bench/PLANS.md.',
    `Measured ${measuredOn}; load average when the surveys part started ${surveysLoad}, when it ended ${surveysEndLoad}.`,
    '',
    ...surveysBenches.flatMap((bench) => [...surveysTable(bench), '']),
    ...surveysReading(surveysBenches),
  ]);
  const fresh = new Map([...sections].filter(([heading]) => PARTS.some((part) => parts.has(part) && HEADINGS[part] === heading)));
  const resultsFile = new URL('./RESULTS.md', import.meta.url);
  if (parts.size < PARTS.length && fs.existsSync(resultsFile)) {
    fs.writeFileSync(resultsFile, replaceSections(fs.readFileSync(resultsFile, 'utf8'), fresh));
    writePlans(peopleBenches, careBenches, parts, surveysBenches);
    console.log(`replaced ${[...fresh.keys()].join(', ')} in bench/RESULTS.md`);
    return;
  }
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${measuredOn};`,
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
  ];
  for (const part of PARTS) lines.push(...sections.get(HEADINGS[part])!, '');
  const notesFile = new URL('./NOTES.md', import.meta.url);
  if (fs.existsSync(notesFile)) lines.push(fs.readFileSync(notesFile, 'utf8'));
  fs.writeFileSync(resultsFile, lines.join('\n'));
  writePlans(peopleBenches, careBenches, parts, surveysBenches);
  console.log('wrote bench/RESULTS.md and bench/PLANS.md');
}

/** PLANS.md: the people plans, then the care plans, then the survey plans; a part that did not run keeps its earlier plans. */
function writePlans(peopleBenches: PeopleBench[], careBenches: CareBench[], parts: Set<Part>, surveysBenches: SurveysBench[]): void {
  const file = new URL('./PLANS.md', import.meta.url);
  const whole = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const surveysCut = whole.indexOf(SURVEYS_PLANS_HEADING);
  let surveyPlans = surveysCut >= 0 ? whole.slice(surveysCut).trimEnd().split('\n') : [];
  const previous = surveysCut >= 0 ? whole.slice(0, surveysCut) : whole;
  const cut = previous.indexOf(CARE_PLANS_HEADING);
  let people = cut >= 0 ? previous.slice(0, cut).trimEnd().split('\n') : previous.trimEnd().split('\n');
  let care = cut >= 0 ? previous.slice(cut).trimEnd().split('\n') : [];
  if (parts.has('people')) {
    people = ['# Query plans of the people benchmark', '', 'EXPLAIN (ANALYZE, COSTS OFF) of the exact SQL `findPeople` runs, from the last `npm run bench`.', ''];
    for (const bench of peopleBenches) {
      for (const plan of bench.plans) people.push(`## ${bench.database}, ${plan.role}: ${plan.query}`, '', '```', plan.plan, '```', '');
    }
  }
  if (parts.has('care')) {
    care = [CARE_PLANS_HEADING, '', "EXPLAIN (ANALYZE, COSTS OFF) of the reads of plan-task generation and of the worker's day, as bench/care.ts sends them.", ''];
    for (const bench of careBenches) {
      for (const plan of bench.plans) care.push(`## ${bench.database}, care: ${plan.what}`, '', '```', plan.plan, '```', '');
    }
  }
  if (parts.has('surveys')) {
    surveyPlans = [SURVEYS_PLANS_HEADING, '', 'EXPLAIN (ANALYZE, COSTS OFF) of the list of responses, as bench/surveys.ts sends it, at each size.', ''];
    for (const bench of surveysBenches) {
      for (const plan of bench.plans) surveyPlans.push(`## ${bench.database}, surveys: ${plan.what}`, '', '```', plan.plan, '```', '');
    }
  }
  fs.writeFileSync(file, [...people, '', ...care, ...(surveyPlans.length > 0 ? ['', ...surveyPlans] : [])].join('\n').trimEnd() + '\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
