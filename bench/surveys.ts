import crypto from 'node:crypto';
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { systemCtx, type AppDeps, type Ctx } from '../src/server/context';
import { openDatabase, type Database } from '../src/server/db/database';
import { needs, people, surveyResponses, surveys, surveyVersions, users } from '../src/server/db/schema/index';
import { deriveKeys } from '../src/server/secrets';
import { recordAudit, recordAudits } from '../src/server/audit/audit';
import { DEMO_STATIONS, loadDemoTownship } from '../src/server/demo/demo-township';
import { addResidents } from '../src/server/demo/scale';
import { systemActor } from '../src/server/demo/load-residents';
import { Rng } from '../src/server/demo/demo-history-support';
import { anonymousRespondent, elderAnswers, type Respondent } from '../src/server/demo/demo-surveys-answers';
import { checkAnswers, needTypesOf } from '../src/server/modules/surveys/surveys.rules';
import { VERSION } from '../src/server/version';
import { ELDER_GROUPS } from '../src/shared/codes';
import { zCreateResponseRequest, type AnswerValue, type Question } from '../src/shared/schemas/surveys';
import { concurrent, CONNECTIONS, DURATION, getter, latency, rowsOf, throughput, type Figures } from './measure';

/**
 * Survey responses at volume, on the demo township (300 residents a station with their year),
 * whose 安远镇 elders survey (the template, edited once) is grown with bulk inserts to
 * BENCH_SURVEY_RESPONSES responses, then to BENCH_SURVEY_GROWN. Through HTTP, signed in as
 * anyuan.worker, each beside its floor (the same database work as raw SQL):
 *
 * - intake, `POST /api/surveys/:id/responses` with a new client-made UUIDv7 every time, from 1 and
 *   10 clients: a response linked to an elder of the station (whose needs are already registered,
 *   as after their first survey) and an anonymous one; floor: the row and its audit event in one
 *   transaction;
 * - the phone's queue, `POST /api/surveys/responses/batch` with BATCH responses a request;
 * - the list, `GET /api/surveys/:id/responses?limit=50`, at both sizes; floor: its SELECT.
 *
 * Then where an intake's time goes: statements per request (PostgreSQL), the session lookup
 * every request pays, validation in JavaScript, and the audit chain, whose head row is locked from
 * the append until commit, so that one station's writes queue behind each other.
 * Targets (the issue's): ≥ 1,000 responses/s from 10 clients with p95 < 25 ms; the list p50 < 10 ms,
 * not growing with the responses on file.
 */

export const BENCH_SURVEY_RESPONSES = Number(process.env.BENCH_SURVEY_RESPONSES ?? 20_000);
export const BENCH_SURVEY_GROWN = Number(process.env.BENCH_SURVEY_GROWN ?? 60_000);
/** Responses a batch request carries (a phone's queue after a day in the villages). */
export const BATCH = 50;
const DEMO_PEOPLE = 300;
/** Residents added to 安远镇 whose elders (about half) answer for the first time; their needs are closed again before each run of DURATION. */
const FIRST_TIME_PEOPLE = Math.ceil((DURATION / 3) * 10_000);
const PASSWORD = 'bench-password';
export const INTAKE_TARGET = { rps: 1000, p95: 25 };
export const LIST_TARGET_P50 = 10;

export interface SurveysRow {
  what: string;
  clients: number;
  /** Responses on file when measured. */
  onFile: number;
  http: Figures;
  floor: Figures | null;
  /** Responses written a second (intake and batch). */
  responsesPerSecond: number | null;
  target: 'met' | 'missed' | null;
}

export interface SurveysProfile {
  what: string;
  figure: string;
}

export interface SurveysBench {
  database: string;
  loadSeconds: number;
  /** Bulk growth: rows a second of the inserts that grew the survey. */
  growth: { rows: number; seconds: number }[];
  rows: SurveysRow[];
  profile: SurveysProfile[];
  /** The profile's figures by name, for the reading (statements, CPU shares, audit rates). */
  facts: Record<string, number>;
  plans: { what: string; plan: string }[];
}

/** A fresh database of the bench's own: PGlite in a temporary folder (as `npm start` keeps it), or a new database on the server with the app's pool. */
async function freshDatabase(serverUrl: string | undefined): Promise<{ database: Database; dataDir: string; drop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lastmeter-bench-surveys-'));
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
  const database = await openDatabase({ databaseUrl: url.toString() });
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

async function login(base: string, username: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`login of ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lm_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return { cookie: cookie.split(';')[0]!, csrfToken: (await response.json()).csrfToken as string };
}

/** Statements sent to PostgreSQL: node-postgres sends every statement (BEGIN, SAVEPOINT and COMMIT too) through Client#query. */
let statements = 0;
type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const clientPrototype = pg.Client.prototype as unknown as { query: Query };
const originalQuery = clientPrototype.query;
function countStatements(): void {
  clientPrototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return originalQuery.apply(this, args);
  };
}
function stopCounting(): void {
  clientPrototype.query = originalQuery;
}

/** Inclusive shares of the sampled CPU time by where the code lives, while `work` runs. */
async function cpuShares(work: () => Promise<unknown>): Promise<{ text: string; shares: Record<string, number> }> {
  const session = new inspector.Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 250 });
    await session.post('Profiler.start');
    await work();
    const { profile } = await session.post('Profiler.stop');
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const places: [string, (url: string, name: string) => boolean][] = [
      ['drizzle-orm (building queries, mapping rows)', (url) => url.includes('/drizzle-orm/')],
      ['PGlite (the embedded database, in this process)', (url) => url.includes('/@electric-sql/pglite/')],
      ['node-postgres (protocol, sockets)', (url) => /\/(pg|pg-protocol|pg-pool|pg-types)\//.test(url)],
      ['the bench clients (fetch)', (url, name) => url.includes('undici') || name === 'fetch'],
      ['zod (request and reply schemas)', (url) => url.includes('/zod/') || url.includes('fastify-type-provider-zod')],
      ['Fastify and its plugins (routing, hooks, helmet, rate limit, JSON)', (url) => url.includes('/fastify/') || url.includes('/@fastify/') || url.includes('fast-json-stringify') || url.includes('secure-json-parse')],
      ['the surveys module', (url) => url.includes('/src/server/modules/surveys/')],
      ['the audit chain (audit.ts)', (url) => url.includes('/src/server/audit/')],
      ['the session lookup (auth)', (url) => url.includes('/src/server/auth/')],
      ['garbage collection', (_url, name) => name === '(garbage collector)'],
      ['idle (waiting for the database)', (_url, name) => name === '(idle)'],
    ];
    const totals = new Map<string, number>();
    let all = 0;
    profile.samples?.forEach((sample, i) => {
      const dt = profile.timeDeltas?.[i] ?? 0;
      all += dt;
      const seen = new Set<string>();
      for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
        const frame = nodes.get(id)?.callFrame;
        if (!frame) break;
        const place = places.find(([, test]) => test(frame.url, frame.functionName));
        if (place && !seen.has(place[0])) {
          seen.add(place[0]);
          totals.set(place[0], (totals.get(place[0]) ?? 0) + dt);
        }
      }
    });
    const shares = Object.fromEntries(places.map(([name]) => [name.replace(/ \(.*$/, ''), Math.round((100 * (totals.get(name) ?? 0)) / Math.max(1, all))]));
    return { text: places.map(([name]) => `${name} ${Math.round((100 * (totals.get(name) ?? 0)) / Math.max(1, all))} %`).join(', '), shares };
  } finally {
    session.disconnect();
  }
}

interface Drawn {
  answers: Record<string, AnswerValue>;
  needTypes: string[];
  firstNeedTypes: string[];
}

/** Answers an elder gives to the survey's current questions, checked as intake checks them. */
function drawAnswers(rng: Rng, questions: readonly Question[], respondent: Respondent): Drawn {
  const checked = checkAnswers(questions, elderAnswers(rng, respondent, { askFalls: questions.some((q) => q.key === 'falls') }).answers);
  if (checked.problems.length > 0) throw new Error(`bench answers break the survey: ${JSON.stringify(checked.problems)}`);
  const needs = needTypesOf(questions, checked.answers);
  return { answers: checked.answers, needTypes: needs.needTypes, firstNeedTypes: needs.firstNeedTypes };
}

export async function benchSurveys(label: string, databaseUrl: string | undefined): Promise<SurveysBench> {
  const started = performance.now();
  const { database, dataDir, drop } = await freshDatabase(databaseUrl);
  const log = (what: string, figures: string) => console.log(`${label.padEnd(9)} ${what.padEnd(70)} ${figures}`);
  try {
    await database.migrate();
    const deps: AppDeps = {
      config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, API_RATE_PER_MINUTE: '1000000', LOGIN_RATE_PER_MINUTE: '10000' }),
      db: database.db,
      databaseKind: database.kind,
      keys: deriveKeys('bench-secret-that-is-long-enough-for-hkdf'),
      now: () => new Date(),
      version: VERSION,
    };
    const demo = await loadDemoTownship(systemCtx(deps), PASSWORD, { people: DEMO_PEOPLE, history: true });
    const loadSeconds = (performance.now() - started) / 1000;
    const db = database.db;
    const anyuan = demo.stations.anyuan.id;
    const [survey] = await db
      .select()
      .from(surveys)
      .where(and(eq(surveys.stationId, anyuan), eq(surveys.templateKey, 'elder')));
    if (!survey) throw new Error('the demo has no elders survey in 安远镇');
    const [version] = await db
      .select()
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, survey.id), eq(surveyVersions.number, survey.currentVersion)));
    const questions = version!.questions;
    const elders = await db
      .select({ id: people.id, villageId: people.villageId, gender: people.gender, birthDate: people.birthDate, groups: people.groups })
      .from(people)
      .where(and(eq(people.stationId, anyuan), sql`${people.groups} && array[${sql.join(ELDER_GROUPS.map((g) => sql`${g}`), sql`, `)}]::text[]`));
    const staff = (await db.select({ id: users.id }).from(users).where(and(eq(users.stationId, anyuan), eq(users.role, 'worker')))).map((u) => u.id);
    // More residents, whose elders answer for the first time during the bench (their needs get registered).
    const village = DEMO_STATIONS.find((s) => s.key === 'anyuan')!;
    await addResidents(systemCtx(deps), { id: anyuan, villages: village.villages.map((name, i) => ({ id: demo.stations.anyuan.villageIds[i]!, name })) }, village.town, FIRST_TIME_PEOPLE, { seed: 7, actorId: demo.userIds.admin! });
    const known = new Set(elders.map((e) => e.id));
    const newcomers = (
      await db
        .select({ id: people.id, villageId: people.villageId })
        .from(people)
        .where(and(eq(people.stationId, anyuan), sql`${people.groups} && array[${sql.join(ELDER_GROUPS.map((g) => sql`${g}`), sql`, `)}]::text[]`))
    ).filter((p) => !known.has(p.id));
    const rng = new Rng(20260430);
    const onFile = async () => (await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.surveyId, survey.id)))[0]?.n ?? 0;
    log(`安远镇 elders survey, version ${survey.currentVersion}, ${elders.length} elders`, `township loaded in ${loadSeconds.toFixed(1)} s`);

    // Growth: rows as intake writes them (answers checked, needs of the answers, the respondent
    // copied), spread over the last year, in statements of 1,000 rows.
    const growth: SurveysBench['growth'] = [];
    const grow = async (to: number) => {
      const need = to - (await onFile());
      if (need <= 0) return;
      const begin = performance.now();
      const yearMs = 365 * 86_400_000;
      for (let done = 0; done < need; ) {
        const rows: (typeof surveyResponses.$inferInsert)[] = [];
        for (let i = 0; i < Math.min(1000, need - done); i++) {
          const collectedAt = new Date(Date.now() - 3_600_000 - Math.floor(rng.float() * yearMs));
          const linked = rng.chance(0.6) ? rng.pick(elders) : null;
          const anonymous = anonymousRespondent(rng, 'elder');
          const drawn = drawAnswers(rng, questions, anonymous.respondent);
          rows.push({
            id: uuidv7({ msecs: collectedAt.getTime() }),
            stationId: anyuan,
            surveyId: survey.id,
            versionNumber: survey.currentVersion,
            personId: linked?.id ?? null,
            villageId: linked?.villageId ?? rng.pick(demo.stations.anyuan.villageIds),
            gender: linked ? linked.gender : anonymous.gender,
            ageBand: linked ? null : anonymous.ageBand,
            groups: linked ? [...new Set([...linked.groups, 'elder'])] : ['elder'],
            source: linked ? 'visit' : 'group',
            collectedAt,
            collectedBy: rng.pick(staff),
            ...drawn,
            note: null,
            contentHash: crypto.randomBytes(32).toString('base64url'),
            createdAt: new Date(collectedAt.getTime() + 3_600_000),
          });
        }
        await db.insert(surveyResponses).values(rows);
        done += rows.length;
      }
      await db.execute(sql`analyze survey_responses`);
      const seconds = (performance.now() - begin) / 1000;
      growth.push({ rows: need, seconds });
      log(`grown to ${to.toLocaleString('en')} responses`, `${need.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(need / seconds).toLocaleString('en')} rows/s)`);
    };
    await grow(BENCH_SURVEY_RESPONSES);

    const app = await buildApp(deps, { logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const rows: SurveysRow[] = [];
    const profile: SurveysProfile[] = [];
    const facts: Record<string, number> = {};
    const plans: SurveysBench['plans'] = [];
    try {
      const worker = await login(base, 'anyuan.worker');
      const workerId = demo.userIds['anyuan.worker']!;
      const readHeaders = { cookie: worker.cookie };
      const writeHeaders = { ...readHeaders, 'content-type': 'application/json', 'x-csrf-token': worker.csrfToken };

      // -- The list, its floor the SELECT listResponses sends (names joined, newest first, one more than the page).
      const listSql = sql`select sr.*, p.name as person_name, o.name as village_name from survey_responses sr left join people p on p.id = sr.person_id left join orgs o on o.id = sr.village_id where sr.survey_id = ${survey.id} and sr.station_id = ${anyuan} order by sr.collected_at desc, sr.id desc limit 51`;
      const measureList = async () => {
        const n = await onFile();
        const url = `${base}/api/surveys/${survey.id}/responses?limit=50`;
        const one = await latency(getter(url, readHeaders));
        const http: Figures = { p50: one.p50, p95: one.p95, p99: one.p99, rps: await throughput(url, readHeaders) };
        const floorOne = await latency(() => db.execute(listSql));
        const floor: Figures = { p50: floorOne.p50, p95: floorOne.p95, p99: floorOne.p99, rps: (await concurrent(() => db.execute(listSql), CONNECTIONS)).rps };
        rows.push({ what: 'GET 50 responses of the survey (newest first)', clients: 1, onFile: n, http, floor, responsesPerSecond: null, target: http.p50 < LIST_TARGET_P50 ? 'met' : 'missed' });
        plans.push({ what: `the list at ${n.toLocaleString('en')} responses`, plan: rowsOf(await db.execute(sql`explain (analyze, costs off) ${listSql}`)).map((r) => String(Object.values(r)[0])).join('\n') });
        log(`GET 50 responses (${n.toLocaleString('en')} on file)`, `http p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms ${http.rps} req/s | sql p50 ${floor.p50} p95 ${floor.p95} ms`);
      };
      await measureList();

      // -- Intake: what a phone sends, a new id every time; answers from a pool drawn beforehand.
      const pool = Array.from({ length: 200 }, () => anonymousRespondent(rng, 'elder')).map((a) => ({ ...a, ...drawAnswers(rng, questions, a.respondent) }));
      let next = 0;
      const body = (linked: boolean): Record<string, unknown> => {
        const drawn = pool[next % pool.length]!;
        const person = elders[next++ % elders.length]!;
        const common = { id: uuidv7(), versionNumber: survey.currentVersion, collectedAt: new Date(Date.now() - 60_000).toISOString(), answers: drawn.answers };
        return linked
          ? { ...common, personId: person.id, source: 'visit' }
          : { ...common, source: 'group', villageId: demo.stations.anyuan.villageIds[next % demo.stations.anyuan.villageIds.length], gender: drawn.gender, ageBand: drawn.ageBand };
      };
      let newcomer = 0;
      /** A first response: an elder nobody asked before, whose needs intake registers. */
      const firstBody = () => {
        const person = newcomers[newcomer++];
        if (!person) throw new Error(`the bench ran out of elders answering for the first time (${newcomers.length})`);
        return { ...body(true), personId: person.id };
      };
      const postFirst = async () => {
        const response = await fetch(`${base}/api/surveys/${survey.id}/responses`, { method: 'POST', headers: writeHeaders, body: JSON.stringify(firstBody()) });
        if (response.status !== 201) throw new Error(`POST a first response: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      };
      const post = (linked: boolean) => async () => {
        const response = await fetch(`${base}/api/surveys/${survey.id}/responses`, { method: 'POST', headers: writeHeaders, body: JSON.stringify(body(linked)) });
        if (response.status !== 201) throw new Error(`POST a response: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      };
      // Every linked elder answers once first, so their needs are registered (as after a first survey).
      for (let i = 0; i < elders.length; i++) await post(true)();

      const writer: Ctx = { ...systemCtx(deps), actor: systemActor(workerId, [anyuan]), ip: '127.0.0.1' };
      const floorRow = (linked: boolean) => {
        const drawn = pool[next % pool.length]!;
        const person = linked ? elders[next % elders.length]! : null;
        next++;
        const now = new Date();
        return {
          id: uuidv7(),
          stationId: anyuan,
          surveyId: survey.id,
          versionNumber: survey.currentVersion,
          personId: person?.id ?? null,
          villageId: person?.villageId ?? demo.stations.anyuan.villageIds[0]!,
          gender: person ? person.gender : drawn.gender,
          ageBand: person ? ('70-79' as const) : drawn.ageBand,
          groups: person ? [...new Set([...person.groups, 'elder'])] : ['elder'],
          source: linked ? ('visit' as const) : ('group' as const),
          collectedAt: new Date(now.getTime() - 60_000),
          collectedBy: workerId,
          answers: drawn.answers,
          needTypes: drawn.needTypes,
          firstNeedTypes: drawn.firstNeedTypes,
          note: null,
          contentHash: crypto.randomBytes(32).toString('base64url'),
          createdAt: now,
        };
      };
      // The floor: the row and its audit event in one transaction, the writes intake makes (a
      // linked elder's needs are open already, so registering them writes nothing).
      const insertWithAudit = (linked: boolean) => () =>
        db.transaction(async (tx) => {
          const row = floorRow(linked);
          await tx.insert(surveyResponses).values(row);
          await recordAudit({ ...writer, db: tx, now: row.createdAt }, { action: 'survey.response.create', entityType: 'survey_response', entityId: row.id, stationId: anyuan, details: { surveyId: survey.id, versionNumber: row.versionNumber, personId: row.personId, source: row.source } });
        });
      // The floor of a first response: the row, the person's needs (one insert) and all their audit events appended together.
      const insertFirst = () =>
        db.transaction(async (tx) => {
          const row = floorRow(true);
          const person = newcomers[newcomer++];
          if (!person) throw new Error('the bench ran out of elders answering for the first time');
          const first = { ...row, personId: person.id, villageId: person.villageId };
          await tx.insert(surveyResponses).values(first);
          const needRows = row.needTypes.map((needType) => ({
            id: uuidv7(),
            createdAt: row.createdAt,
            updatedAt: row.createdAt,
            stationId: anyuan,
            personId: person.id,
            villageId: person.villageId,
            needType,
            status: 'identified' as const,
            source: 'survey' as const,
            sourceId: row.id,
            identifiedAt: row.createdAt,
            identifiedBy: workerId,
            statusChangedAt: row.createdAt,
            updatedBy: workerId,
          }));
          if (needRows.length > 0) await tx.insert(needs).values(needRows).onConflictDoNothing();
          const auditCtx = { ...writer, now: row.createdAt };
          await recordAudits({ ...writer, db: tx, now: row.createdAt }, [
            ...needRows.map((n) => ({ ctx: auditCtx, input: { action: 'need.create', entityType: 'need', entityId: n.id, stationId: anyuan, details: { personId: person.id, needType: n.needType, source: 'survey', sourceId: row.id } } })),
            { ctx: auditCtx, input: { action: 'survey.response.create', entityType: 'survey_response', entityId: row.id, stationId: anyuan, details: { surveyId: survey.id, versionNumber: row.versionNumber, personId: person.id, source: row.source } } },
          ]);
        });
      /** Makes every newcomer answer "for the first time" again: their open needs are closed, so intake registers new ones. */
      const newcomerIds = newcomers.map((p) => p.id);
      const freshNewcomers = async () => {
        await db
          .update(needs)
          .set({ status: 'met' })
          .where(and(eq(needs.stationId, anyuan), inArray(needs.status, ['identified', 'being_served']), inArray(needs.personId, newcomerIds)));
        newcomer = 0;
      };
      for (const clients of [1, CONNECTIONS]) {
        const what = "POST an elder's first response (their needs registered)";
        await freshNewcomers();
        const http = await concurrent(postFirst, clients);
        await freshNewcomers();
        const floor = await concurrent(insertFirst, clients);
        const target = clients === CONNECTIONS ? (http.rps >= INTAKE_TARGET.rps && http.p95 < INTAKE_TARGET.p95 ? 'met' : 'missed') : null;
        rows.push({ what, clients, onFile: await onFile(), http, floor, responsesPerSecond: http.rps, target });
        log(`${what}, ${clients} client(s)`, `http p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms ${http.rps}/s | sql p50 ${floor.p50} p95 ${floor.p95} ms ${floor.rps}/s`);
      }
      for (const linked of [true, false]) {
        for (const clients of [1, CONNECTIONS]) {
          const what = linked ? 'POST a response of a linked elder (needs open already)' : 'POST an anonymous response (new UUIDv7)';
          const http = await concurrent(post(linked), clients);
          const floor = await concurrent(insertWithAudit(linked), clients);
          const target = clients === CONNECTIONS ? (http.rps >= INTAKE_TARGET.rps && http.p95 < INTAKE_TARGET.p95 ? 'met' : 'missed') : null;
          rows.push({ what, clients, onFile: await onFile(), http, floor, responsesPerSecond: http.rps, target });
          log(`${what}, ${clients} client(s)`, `http p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms ${http.rps}/s | sql p50 ${floor.p50} p95 ${floor.p95} ms ${floor.rps}/s`);
        }
      }

      // Throughput as the other tables measure it: autocannon's connections, lighter than fetch in
      // this process, which also serves; each request a new id. Autocannon gives p97.5, not p95.
      for (const linked of [true, false]) {
        const cannon = await autocannon({
          url: `${base}/api/surveys/${survey.id}/responses`,
          connections: CONNECTIONS,
          duration: DURATION,
          requests: [{ method: 'POST', headers: writeHeaders, setupRequest: (request) => ({ ...request, body: JSON.stringify(body(linked)) }) }],
        });
        if (cannon.non2xx > 0 || cannon.errors > 0) throw new Error(`autocannon POST a response: ${cannon.non2xx} non-2xx, ${cannon.errors} errors`);
        const http: Figures = { p50: cannon.latency.p50, p95: cannon.latency.p97_5, p99: cannon.latency.p99, rps: Math.round(cannon.requests.average) };
        const what = `${linked ? 'POST a response of a linked elder' : 'POST an anonymous response'}, autocannon (p97.5 for p95)`;
        rows.push({ what, clients: CONNECTIONS, onFile: await onFile(), http, floor: null, responsesPerSecond: http.rps, target: http.rps >= INTAKE_TARGET.rps && http.p95 < INTAKE_TARGET.p95 ? 'met' : 'missed' });
        log(what, `p50 ${http.p50} p97.5 ${http.p95} p99 ${http.p99} ms ${http.rps}/s`);
      }

      // -- The phone's queue: BATCH responses a request, linked and anonymous mixed.
      const batch = async () => {
        const responses = Array.from({ length: BATCH }, (_, i) => ({ surveyId: survey.id, ...body(i % 2 === 0) }));
        const response = await fetch(`${base}/api/surveys/responses/batch`, { method: 'POST', headers: writeHeaders, body: JSON.stringify({ responses }) });
        if (response.status !== 200) throw new Error(`POST a batch: ${response.status} ${await response.text()}`);
        const reply = (await response.json()) as { created: number };
        if (reply.created !== BATCH) throw new Error(`a batch created ${reply.created} of ${BATCH}`);
      };
      for (const clients of [1, CONNECTIONS]) {
        const http = await concurrent(batch, clients);
        const perSecond = http.rps * BATCH;
        rows.push({
          what: `POST a batch of ${BATCH} responses (half linked)`,
          clients,
          onFile: await onFile(),
          http,
          floor: null,
          responsesPerSecond: perSecond,
          target: clients === CONNECTIONS ? (perSecond >= INTAKE_TARGET.rps ? 'met' : 'missed') : null,
        });
        log(`POST a batch of ${BATCH}, ${clients} client(s)`, `http p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms ${http.rps} req/s = ${perSecond} responses/s`);
      }

      // -- Where an intake's time goes.
      if (database.kind === 'postgres') {
        countStatements();
        try {
          const perRequest = async (work: () => Promise<void>) => {
            await work();
            statements = 0;
            for (let i = 0; i < 20; i++) await work();
            return statements / 20;
          };
          const firstStatements = await perRequest(postFirst);
          const linkedStatements = await perRequest(post(true));
          const anonymousStatements = await perRequest(post(false));
          const listStatements = await perRequest(getter(`${base}/api/surveys/${survey.id}/responses?limit=50`, readHeaders));
          const batchStatements = await perRequest(batch);
          // From 10 clients, requests may share a transaction (and its audit append).
          const atTen = async (work: () => Promise<void>) => {
            let requests = 0;
            statements = 0;
            await concurrent(async () => {
              await work();
              requests++;
            }, CONNECTIONS);
            return (statements / requests).toFixed(1);
          };
          const linkedAtTen = await atTen(post(true));
          const anonymousAtTen = await atTen(post(false));
          Object.assign(facts, { 'statements.first': firstStatements, 'statements.linked': linkedStatements, 'statements.anonymous': anonymousStatements, 'statements.list': listStatements, 'statements.linked10': Number(linkedAtTen), 'statements.anonymous10': Number(anonymousAtTen) });
          profile.push({
            what: 'statements sent to PostgreSQL a request (BEGIN, SAVEPOINT, COMMIT included), one client',
            figure: `an elder's first response ${firstStatements}, a linked response (needs open) ${linkedStatements}, anonymous ${anonymousStatements}, list ${listStatements}, batch of ${BATCH} ${batchStatements} (${(batchStatements / BATCH).toFixed(1)} a response); from ${CONNECTIONS} clients: linked ${linkedAtTen}, anonymous ${anonymousAtTen}`,
          });
          log('statements a request', profile.at(-1)!.figure);
        } finally {
          stopCounting();
        }
      }
      // Where the process spends its time while 10 clients send linked responses: a CPU profile.
      const intakeCpu = await cpuShares(() => concurrent(post(true), CONNECTIONS));
      for (const [name, share] of Object.entries(intakeCpu.shares)) facts[`cpu.${name}`] = share;
      profile.push({ what: `CPU of this process while ${CONNECTIONS} clients send linked responses (inclusive shares; the clients run in this process too)`, figure: intakeCpu.text });
      log('CPU shares, intake', profile.at(-1)!.figure);
      profile.push({ what: 'CPU of this process while one client lists 50 responses', figure: (await cpuShares(() => latency(getter(`${base}/api/surveys/${survey.id}/responses?limit=50`, readHeaders)))).text });
      log('CPU shares, list', profile.at(-1)!.figure);
      // The machine's own floors, to read the rest by: a database round trip, a bare Fastify route.
      const roundTrip = await latency(() => db.execute(sql`select 1`));
      const bare = Fastify({ logger: false });
      bare.post('/echo', async (request) => ({ id: (request.body as { id?: string }).id ?? null }));
      const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
      const bareFigures = await concurrent(async () => {
        const response = await fetch(`${bareUrl}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body(false)) });
        await response.arrayBuffer();
      }, CONNECTIONS);
      await bare.close();
      profile.push({ what: 'floors of this machine: a database round trip (`select 1`, one client); a bare Fastify route taking the same body (10 fetch clients)', figure: `p50 ${roundTrip.p50} ms, p95 ${roundTrip.p95} ms; ${bareFigures.rps} req/s at p50 ${bareFigures.p50} ms, p95 ${bareFigures.p95} ms` });
      const me = await latency(getter(`${base}/api/auth/me`, readHeaders));
      profile.push({ what: 'the session lookup every request pays (`GET /api/auth/me`, one client)', figure: `p50 ${me.p50} ms, p95 ${me.p95} ms` });
      const sample = body(true);
      const checkStart = performance.now();
      let checks = 0;
      while (performance.now() - checkStart < 500) {
        const parsed = zCreateResponseRequest.parse(sample);
        const checked = checkAnswers(questions, parsed.answers);
        needTypesOf(questions, checked.answers);
        checks++;
      }
      profile.push({ what: 'validation in JavaScript: the body through zod, the answers through checkAnswers and needTypesOf', figure: `${((1000 * (performance.now() - checkStart)) / checks).toFixed(0)} µs a response` });
      // The audit chain: one append a transaction, from 1 and 10 clients on the station's chain, and from 10 clients on 10 chains.
      const append = (stationId: string) => () =>
        db.transaction(async (tx) => {
          await recordAudit({ ...writer, db: tx, now: new Date() }, { action: 'bench.append', entityType: 'bench', entityId: uuidv7(), stationId, details: { bench: true } });
        });
      const oneChain1 = await concurrent(append(anyuan), 1);
      const oneChain10 = await concurrent(append(anyuan), CONNECTIONS);
      const chains = Array.from({ length: CONNECTIONS }, () => uuidv7());
      let lane = 0;
      const manyChains10 = await concurrent(() => append(chains[lane++ % chains.length]!)(), CONNECTIONS);
      Object.assign(facts, { 'audit.one1': oneChain1.rps, 'audit.one10': oneChain10.rps, 'audit.many10': manyChains10.rps });
      profile.push({
        what: "an audit append alone, in its own transaction: the station's chain from 1 and 10 clients, 10 chains from 10 clients",
        figure: `${oneChain1.rps}/s (p50 ${oneChain1.p50} ms); ${oneChain10.rps}/s (p50 ${oneChain10.p50}, p95 ${oneChain10.p95} ms); ${manyChains10.rps}/s (p50 ${manyChains10.p50}, p95 ${manyChains10.p95} ms)`,
      });
      const insertOnly = await concurrent(
        () =>
          db.transaction(async (tx) => {
            await tx.insert(surveyResponses).values(floorRow(false));
          }),
        CONNECTIONS,
      );
      profile.push({ what: 'the response row alone in its own transaction (no audit), 10 clients', figure: `${insertOnly.rps}/s (p50 ${insertOnly.p50}, p95 ${insertOnly.p95} ms)` });
      for (const p of profile.slice(-5)) log(p.what.slice(0, 70), p.figure);

      // -- The list again, with the survey grown.
      await grow(BENCH_SURVEY_GROWN);
      await measureList();
    } finally {
      await app.close();
    }
    return { database: label, loadSeconds, growth, rows, profile, facts, plans };
  } finally {
    await database.close();
    await drop();
  }
}

export function surveysTable(bench: SurveysBench): string[] {
  const cell = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return [
    `**${bench.database}**: the demo township (${DEMO_PEOPLE} residents a station, with its year) loaded in ${bench.loadSeconds.toFixed(1)} s; the survey grown by bulk inserts (${bench.growth.map((g) => `${g.rows.toLocaleString('en')} rows at ${Math.round(g.rows / g.seconds).toLocaleString('en')} rows/s`).join('; ')}; the rest came through intake).`,
    '',
    '| what | clients | on file | HTTP p50 | p95 | p99 | req/s | responses/s | SQL p50 | p95 | p99 | SQL/s | target |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...bench.rows.map(
      (r) =>
        `| ${r.what} | ${r.clients} | ${r.onFile.toLocaleString('en')} | ${r.http.p50} | ${r.http.p95} | ${r.http.p99} | ${r.http.rps} | ${cell(r.responsesPerSecond)} | ${cell(r.floor?.p50)} | ${cell(r.floor?.p95)} | ${cell(r.floor?.p99)} | ${cell(r.floor?.rps)} | ${r.target === 'missed' ? '**missed**' : (r.target ?? '')} |`,
    ),
    '',
    'Where an intake\'s time goes:',
    '',
    ...bench.profile.map((p) => `- ${p.what}: ${p.figure}.`),
  ];
}

/** What the figures say about the targets, from the figures themselves. */
export function surveysReading(benches: readonly SurveysBench[]): string[] {
  if (benches.length === 0) return [];
  const lines = ['What the survey figures show:', ''];
  const row = (bench: SurveysBench, start: string, clients: number) => bench.rows.find((r) => r.what.startsWith(start) && r.clients === clients);
  const intakes: [string, string][] = [
    ["POST an elder's first", 'first responses'],
    ['POST a response of a linked elder (needs', 'linked (needs open)'],
    ['POST an anonymous response (new', 'anonymous'],
  ];
  for (const bench of benches) {
    const at10 = intakes.flatMap(([start, name]) => {
      const r = row(bench, start, CONNECTIONS);
      return r ? [`${name} ${r.http.rps}/s at p95 ${r.http.p95} ms (floor ${r.floor?.rps}/s)`] : [];
    });
    const cannon = bench.rows.filter((r) => r.what.includes('autocannon')).map((r) => `${r.what.includes('linked') ? 'linked' : 'anonymous'} ${r.http.rps}/s`);
    const batch = row(bench, 'POST a batch', CONNECTIONS);
    const lists = bench.rows.filter((r) => r.what.startsWith('GET'));
    const missed = bench.rows.some((r) => r.what.startsWith('POST') && !r.what.startsWith('POST a batch') && r.target === 'missed');
    lines.push(
      `- **${bench.database}**: single responses from ${CONNECTIONS} clients: ${at10.join('; ')}; with autocannon ${cannon.join(', ')}. ` +
        `Target (${INTAKE_TARGET.rps.toLocaleString('en')}/s at p95 < ${INTAKE_TARGET.p95} ms) ${missed ? '**missed**' : 'met'}. A phone's batch of ${BATCH}: ${batch?.responsesPerSecond ?? '—'} responses/s ` +
        `(${batch?.target === 'met' ? 'meets' : '**misses**'} the throughput). The list: ${lists.map((r) => `p50 ${r.http.p50} ms at ${r.onFile.toLocaleString('en')} on file (SQL ${r.floor?.p50} ms)`).join(', ')}: ` +
        `${lists.every((r) => r.target === 'met') ? 'under' : '**not always under**'} ${LIST_TARGET_P50} ms, and flat as the survey grows (the plan walks \`survey_responses_survey_collected_idx\` backwards, bench/PLANS.md).`,
    );
  }
  const pg = benches.find((b) => b.database === 'postgres');
  const lite = benches.find((b) => b.database === 'pglite');
  if (pg) {
    const f = pg.facts;
    const one = row(pg, 'POST a response of a linked elder (needs', 1);
    lines.push(
      `- Where the time goes on PostgreSQL. A linked response costs ${one?.floor?.p50} ms as SQL from one client (the row and its audit event in one transaction)`,
      `  against ${one?.http.p50} ms over HTTP. A request sends ${f['statements.anonymous']} statements (anonymous), ${f['statements.linked']} (linked, needs open) and ${f['statements.first']} for an elder's first`,
      "  response (its needs go in with one insert, their audit events in the same append as the response's; before that change a",
      '  first response sent 29, each need appending its own event inside a savepoint).',
      `  From ${CONNECTIONS} clients intake writes the requests that arrive together in one transaction with one audit append, so a request`,
      `  costs ${f['statements.anonymous10']}–${f['statements.linked10']} statements and the chain head's row lock (single appends to one station's chain: ${f['audit.one10']}/s from ${CONNECTIONS} clients against`,
      `  ${f['audit.many10']}/s over ten chains) no longer queues every request. What is left is this process: drizzle ${f['cpu.drizzle-orm']} % and node-postgres`,
      `  ${f['cpu.node-postgres']} % of its CPU, Fastify ${f['cpu.Fastify and its plugins']} %, zod ${f['cpu.zod']} %, the bench's own clients ${f['cpu.the bench clients']} %; it waits for PostgreSQL ${f['cpu.idle']} % of the time.`,
    );
  }
  if (lite) {
    lines.push(
      `- On PGlite the database runs inside the process on one connection: it takes ${lite.facts['cpu.PGlite']} % of the CPU while ${CONNECTIONS} clients send, so requests queue`,
      '  behind each other whatever the app does; the embedded mode is for a station, the server mode for a county.',
    );
  }
  return lines;
}
