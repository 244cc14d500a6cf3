import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { makeTestApp, type TestApp } from '../src/server/testing/test-app';
import { systemCtx, type Ctx } from '../src/server/context';
import { careTaskEvents, careTasks, people, serviceRecords } from '../src/server/db/schema/index';
import { generateForStation } from '../src/server/modules/care/generate.service';
import { addDays } from '../src/server/modules/care/care.rules';
import { systemActor } from '../src/server/demo/load-residents';
import { recordAudit } from '../src/server/audit/audit';
import { contentHash, reportTypes } from '../src/server/modules/services/services.rules';
import { shanghaiDay } from '../src/server/time';
import { CARE_GROUPS, ELDER_GROUPS, type ServiceTypeCode } from '../src/shared/codes';
import { concurrent, CONNECTIONS, getter, latency, rowsOf, type Figures } from './measure';

/**
 * Care tasks on a station grown to a realistic size: the demo township with its year of history
 * and its care side (demo-care.ts), BENCH_CARE_PEOPLE residents a station, so that about three in
 * four (some 2,000) are in care groups with contact plans. Measured as 安远镇's:
 *
 * - plan-task generation for the whole station (`generateForStation`): its first run, which makes
 *   every task due within the week (the station's open plan tasks are removed before each of three
 *   runs), and a second run with nothing to do; beside the floor, the same reads as raw SQL, and
 *   each read on its own (plans in bench/PLANS.md);
 * - the worker's day (`GET /api/tasks?assignee=me&due=today&limit=200`, what the home page asks)
 *   from 1 and 10 clients, beside the same SELECT;
 * - completing a task (`POST /api/tasks/:id/complete` with a phone call, a fresh open task each
 *   time) from one client, beside the writes the route makes as raw SQL in one transaction;
 * - a campaign for every elder of the station (calls and visits), once.
 */

/** Residents a station; about 74 % of the demo's residents are in care groups, so 2,700 give about 2,000. */
export const BENCH_CARE_PEOPLE = Number(process.env.BENCH_CARE_PEOPLE ?? 2700);
/** First runs of generation, each after the open plan tasks are removed. */
const FIRST_RUNS = 3;

export interface CareRead {
  what: string;
  rows: number;
  /** One client, DURATION seconds. */
  p50: number;
  p95: number;
}

export interface CareRow {
  what: string;
  clients: number;
  items: number | null;
  http: Figures;
  floor: Figures;
}

export interface CareBench {
  database: string;
  residents: number;
  inCare: number;
  records: number;
  loadSeconds: number;
  generation: {
    /** Milliseconds of each first run, and the tasks it made. */
    first: { ms: number; created: number }[];
    noop: Figures;
    floor: Figures;
    reads: CareRead[];
  };
  rows: CareRow[];
  campaign: { people: number; tasks: number; seconds: number };
  plans: { what: string; plan: string }[];
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The reads `generateForStation` makes, as the SQL its queries send (settings, people in care
 * groups, personal plans, villages and staff for the share, everyone's last call and visit, the
 * open plan tasks, records since those tasks were made), in its order.
 */
async function generationReads(db: TestApp['deps']['db'], stationId: string): Promise<{ what: string; statement: SQL }[]> {
  const staff = sql`select id, display_name, role from users where station_id = ${stationId} and disabled = false and role in ('manager', 'worker', 'volunteer') order by display_name`;
  const open = await db
    .select({ personId: careTasks.personId, createdAt: careTasks.createdAt })
    .from(careTasks)
    .where(and(eq(careTasks.stationId, stationId), eq(careTasks.status, 'open'), eq(careTasks.reason, 'plan')));
  const since = new Date(Math.min(...open.map((t) => t.createdAt.getTime())));
  return [
    { what: 'care settings', statement: sql`select * from care_settings where station_id = ${stationId}` },
    {
      what: 'people in care groups',
      statement: sql`select id, name, name_pinyin, village_id, groups, risk_level, status, living_situation, phone, created_at from people where station_id = ${stationId} and status = 'active' and groups && array[${list(CARE_GROUPS)}]::text[]`,
    },
    { what: 'personal plans', statement: sql`select * from contact_plan_overrides where station_id = ${stationId}` },
    { what: 'villages', statement: sql`select id, name, station_id, code from orgs where level = 'village' and station_id = ${stationId} order by name` },
    { what: 'staff (read twice)', statement: staff },
    {
      what: "everyone's last call and visit (the station's records grouped by person)",
      statement: sql`select person_id, max(started_at) filter (where kind in ('phone', 'online', 'home_visit')) as call, max(started_at) filter (where kind = 'home_visit') as visit from service_records where station_id = ${stationId} group by person_id`,
    },
    { what: 'open plan tasks', statement: sql`select * from care_tasks where station_id = ${stationId} and status = 'open' and reason = 'plan'` },
    {
      what: `records since the open tasks were made (${new Set(open.map((t) => t.personId)).size} people)`,
      statement: sql`select id, person_id, kind, started_at from service_records where station_id = ${stationId} and person_id in (${list([...new Set(open.map((t) => t.personId))])}) and started_at >= ${since} order by started_at`,
    },
  ];
}

/** A plan's lines, with the long list of person ids of the last read cut to its length. */
function planText(result: unknown): string {
  return rowsOf(result)
    .map((row) => String(Object.values(row)[0]).replace(/'\{[0-9a-f,-]{200,}\}'/g, (ids) => `'{… ${ids.split(',').length} ids …}'`))
    .join('\n');
}

export async function benchCare(label: string, databaseUrl: string | undefined): Promise<CareBench> {
  const saved = process.env.TEST_DATABASE_URL;
  if (databaseUrl) process.env.TEST_DATABASE_URL = databaseUrl;
  else delete process.env.TEST_DATABASE_URL;
  const started = performance.now();
  let t: TestApp;
  try {
    t = await makeTestApp({ env: { API_RATE_PER_MINUTE: '1000000', LOGIN_RATE_PER_MINUTE: '10000' }, demoPeople: BENCH_CARE_PEOPLE, demoHistory: true });
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
  try {
    const loadSeconds = (performance.now() - started) / 1000;
    t.deps.now = () => new Date();
    const db = t.deps.db;
    const anyuan = t.demo.stations.anyuan.id;
    await db.execute(sql`analyze`);
    const [records] = await db.select({ n: count() }).from(serviceRecords).where(eq(serviceRecords.stationId, anyuan));
    const [inCare] = await db
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.stationId, anyuan), eq(people.status, 'active'), sql`${people.groups} && array[${list(CARE_GROUPS)}]::text[]`));
    const log = (what: string, figures: string) => console.log(`${label.padEnd(9)} ${what.padEnd(64)} ${figures}`);
    log(`安远镇: ${BENCH_CARE_PEOPLE} residents, ${inCare?.n} in care groups, ${records?.n} records`, `township loaded in ${loadSeconds.toFixed(1)} s`);

    // Generation: the first run (every task of the week made anew), then a run with nothing to do.
    const ctx: Ctx = systemCtx(t.deps);
    const first: { ms: number; created: number }[] = [];
    for (let i = 0; i < FIRST_RUNS; i++) {
      const open = db.select({ id: careTasks.id }).from(careTasks).where(and(eq(careTasks.stationId, anyuan), eq(careTasks.reason, 'plan'), eq(careTasks.status, 'open')));
      await db.delete(careTaskEvents).where(inArray(careTaskEvents.taskId, open));
      await db.delete(careTasks).where(and(eq(careTasks.stationId, anyuan), eq(careTasks.reason, 'plan'), eq(careTasks.status, 'open')));
      const start = performance.now();
      const result = await generateForStation({ ...ctx, now: new Date() }, anyuan);
      first.push({ ms: Math.round(performance.now() - start), created: result.created });
    }
    log('generate, first run', first.map((r) => `${r.ms} ms (${r.created} tasks)`).join(', '));
    // The statistics of a week of tasks, as autovacuum (or the next ANALYZE) would have them.
    await db.execute(sql`analyze`);
    const noop = await concurrent(async () => {
      const result = await generateForStation({ ...ctx, now: new Date() }, anyuan);
      if (result.created + result.satisfied + result.cancelled > 0) throw new Error(`a second run of generation changed tasks: ${JSON.stringify(result)}`);
    }, 1);
    const reads = await generationReads(db, anyuan);
    const floor = await concurrent(async () => {
      for (const read of reads) await db.execute(read.statement);
    }, 1);
    log('generate, second run (nothing to do)', `p50 ${noop.p50} p95 ${noop.p95} p99 ${noop.p99} ms | reads as SQL p50 ${floor.p50} p95 ${floor.p95} ms`);
    const readFigures: CareRead[] = [];
    const plans: { what: string; plan: string }[] = [];
    for (const read of reads) {
      const rows = rowsOf(await db.execute(read.statement)).length;
      const figures = await latency(() => db.execute(read.statement));
      readFigures.push({ what: read.what, rows, p50: figures.p50, p95: figures.p95 });
      plans.push({ what: read.what, plan: planText(await db.execute(sql`explain (analyze, costs off) ${read.statement}`)) });
      log(`  ${read.what}`, `${rows} rows, p50 ${figures.p50} p95 ${figures.p95} ms`);
    }

    // The worker's day, as the home page asks for it.
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const worker = await t.login('anyuan.worker');
    const workerId = t.demo.userIds['anyuan.worker']!;
    const today = shanghaiDay(new Date());
    const day = sql`select t.*, p.name as person_name, p.phone, p.address, p.groups, p.risk_level, o.name as village_name, c.name as campaign_name from care_tasks t join people p on p.id = t.person_id left join orgs o on o.id = t.village_id left join campaigns c on c.id = t.campaign_id where t.station_id in (${anyuan}) and t.assignee_id = ${workerId} and t.start_on <= ${today} and t.status = 'open' order by t.due_date, t.id limit 201`;
    const dayItems = Math.min(200, rowsOf(await db.execute(day)).length);
    plans.push({ what: "the worker's day", plan: planText(await db.execute(sql`explain (analyze, costs off) ${day}`)) });
    const rows: CareRow[] = [];
    for (const clients of [1, CONNECTIONS]) {
      const http = await concurrent(getter(`${base}/api/tasks?assignee=me&due=today&limit=200`, { cookie: worker.cookie }), clients);
      const floorFigures = await concurrent(() => db.execute(day), clients);
      rows.push({ what: "GET the worker's day (assignee=me&due=today&limit=200)", clients, items: dayItems, http, floor: floorFigures });
      log(`GET the worker's day, ${clients} client(s), ${dayItems} tasks`, `http p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms ${http.rps} req/s | sql p50 ${floorFigures.p50} p95 ${floorFigures.p95} p99 ${floorFigures.p99} ms`);
    }

    // A campaign for every elder of the station, calls and visits, once.
    const manager = await t.login('anyuan.manager');
    const [elders] = await db
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.stationId, anyuan), eq(people.status, 'active'), sql`${people.groups} && array[${list(ELDER_GROUPS)}]::text[]`));
    const campaignStart = performance.now();
    const created = await fetch(`${base}/api/campaigns`, {
      method: 'POST',
      headers: { cookie: manager.cookie, 'x-csrf-token': manager.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `基准测试 ${new Date().toISOString()}`, date: addDays(today, 30), groups: ELDER_GROUPS, kinds: ['phone', 'home_visit'], windowDays: 30 }),
    });
    if (created.status !== 201) throw new Error(`POST /api/campaigns: ${created.status} ${await created.text()}`);
    const { tasksCreated } = (await created.json()) as { tasksCreated: number };
    const campaign = { people: elders?.n ?? 0, tasks: tasksCreated, seconds: (performance.now() - campaignStart) / 1000 };
    log(`POST a campaign for ${campaign.people} elders`, `${campaign.tasks} tasks in ${campaign.seconds.toFixed(2)} s`);

    // Completing: a fresh open task each time (plans and the campaign's), a phone call written with it.
    const pool = (
      await db
        .select({ id: careTasks.id, personId: careTasks.personId, villageId: careTasks.villageId, stationId: careTasks.stationId, version: careTasks.version })
        .from(careTasks)
        .where(and(eq(careTasks.stationId, anyuan), eq(careTasks.status, 'open')))
        .orderBy(asc(careTasks.dueDate), asc(careTasks.id))
    ).reverse();
    const nextTask = () => {
      const task = pool.pop();
      if (!task) throw new Error('the open tasks ran out: shorten BENCH_SECONDS or grow BENCH_CARE_PEOPLE');
      return task;
    };
    const call = (startedAt: Date) => ({
      serviceTypes: ['companionship'] as ServiceTypeCode[],
      startedAt: startedAt.toISOString(),
      durationMinutes: 10,
      summary: '按联系计划电话问候老人，老人说这几天吃得好、睡得好。（基准测试）',
      wellbeing: 4,
    });
    const complete = async () => {
      const task = nextTask();
      const response = await fetch(`${base}/api/tasks/${task.id}/complete`, {
        method: 'POST',
        headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ service: { id: uuidv7(), kind: 'phone', ...call(new Date(Date.now() - 3_600_000)) } }),
      });
      if (response.status !== 200) throw new Error(`POST /api/tasks/${task.id}/complete: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const writer: Ctx = { ...systemCtx(t.deps), actor: systemActor(workerId, [anyuan]), ip: '127.0.0.1' };
    // The route's writes without its reads: the record and its audit event, the task closed, its history, its audit event.
    const writes = () =>
      db.transaction(async (tx) => {
        const task = nextTask();
        const now = new Date();
        const body = call(new Date(now.getTime() - 3_600_000));
        const id = uuidv7();
        await tx.insert(serviceRecords).values({
          id,
          createdAt: now,
          updatedAt: now,
          version: 1,
          stationId: anyuan,
          personId: task.personId,
          villageId: task.villageId,
          taskId: task.id,
          kind: 'phone',
          serviceTypes: body.serviceTypes,
          reportTypes: reportTypes(body.serviceTypes),
          startedAt: new Date(body.startedAt),
          durationMinutes: body.durationMinutes,
          summary: body.summary,
          workerIds: [workerId],
          servedBy: [workerId],
          wellbeing: body.wellbeing,
          contentHash: contentHash({ ...body, personId: task.personId, taskId: task.id }),
          recordedBy: workerId,
        });
        await recordAudit({ ...writer, db: tx, now }, { action: 'service.create', entityType: 'service', entityId: id, stationId: anyuan, details: { personId: task.personId, kind: 'phone' } });
        await tx
          .update(careTasks)
          .set({ status: 'done', serviceId: id, completedAt: now, completedBy: workerId, updatedAt: now, version: task.version + 1 })
          .where(eq(careTasks.id, task.id));
        await tx.insert(careTaskEvents).values({ id: uuidv7(), stationId: anyuan, taskId: task.id, kind: 'completed', at: now, byUserId: workerId, details: { serviceId: id, kind: 'phone' } });
        await recordAudit({ ...writer, db: tx, now }, { action: 'task.complete', entityType: 'task', entityId: task.id, stationId: anyuan, details: { personId: task.personId, serviceId: id } });
      });
    const http = await concurrent(complete, 1);
    const floorWrites = await concurrent(writes, 1);
    rows.push({ what: 'POST complete a task (a phone call, a fresh task each time)', clients: 1, items: null, http, floor: floorWrites });
    log('POST complete a task, 1 client', `http p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms ${http.rps} req/s | sql p50 ${floorWrites.p50} p95 ${floorWrites.p95} p99 ${floorWrites.p99} ms ${floorWrites.rps}/s`);

    return {
      database: label,
      residents: BENCH_CARE_PEOPLE,
      inCare: inCare?.n ?? 0,
      records: records?.n ?? 0,
      loadSeconds,
      generation: { first, noop, floor, reads: readFigures },
      rows,
      campaign,
      plans,
    };
  } finally {
    await t.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function careTable(bench: CareBench): string[] {
  const firstMs = median(bench.generation.first.map((r) => r.ms));
  const created = median(bench.generation.first.map((r) => r.created));
  const readsTotal = bench.generation.reads.reduce((sum, r) => sum + r.p50, 0);
  return [
    `**${bench.database}**: 安远镇 with ${bench.residents.toLocaleString('en')} residents, ${bench.inCare.toLocaleString('en')} of them in care groups, and ${bench.records.toLocaleString('en')} service records; the township (both stations, with history and care) loaded in ${bench.loadSeconds.toFixed(0)} s.`,
    '',
    '| generation of the station | tasks made | ms p50 | p95 | p99 | floor: the same reads as SQL, p50 | p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| first run (median of ${bench.generation.first.length}: ${bench.generation.first.map((r) => r.ms).join(', ')} ms) | ${created.toLocaleString('en')} | ${firstMs} | | | ${bench.generation.floor.p50} | ${bench.generation.floor.p95} |`,
    `| second run, nothing to do | 0 | ${bench.generation.noop.p50} | ${bench.generation.noop.p95} | ${bench.generation.noop.p99} | ${bench.generation.floor.p50} | ${bench.generation.floor.p95} |`,
    '',
    '| read of generation, as SQL | rows | p50 | p95 | share of the reads |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...bench.generation.reads.map((r) => `| ${r.what} | ${r.rows} | ${r.p50} | ${r.p95} | ${Math.round((r.p50 / readsTotal) * 100)} % |`),
    '',
    '| what | clients | items | HTTP p50 | p95 | p99 | HTTP req/s | SQL p50 | p95 | p99 | SQL/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...bench.rows.map(
      (r) =>
        `| ${r.what} | ${r.clients} | ${r.items ?? ''} | ${r.http.p50} | ${r.http.p95} | ${r.http.p99} | ${r.http.rps} | ${r.floor.p50} | ${r.floor.p95} | ${r.floor.p99} | ${r.floor.rps} |`,
    ),
    '',
    `A campaign for all ${bench.campaign.people.toLocaleString('en')} elders of the station, calls and visits (\`POST /api/campaigns\`, once): ${bench.campaign.tasks.toLocaleString('en')} tasks in ${bench.campaign.seconds.toFixed(2)} s (${Math.round(bench.campaign.tasks / bench.campaign.seconds).toLocaleString('en')} tasks/s).`,
  ];
}

/**
 * What the care figures show, from the figures themselves (they move from run to run): what
 * dominates generation, the day's list and completing, and how far each is from its floor.
 */
export function careReading(benches: readonly CareBench[]): string[] {
  if (benches.length === 0) return [];
  const each = (describe: (bench: CareBench) => string) => benches.map((bench) => `${bench.database} ${describe(bench)}`).join('; ');
  const top = (bench: CareBench) => {
    const total = bench.generation.reads.reduce((sum, r) => sum + r.p50, 0);
    return [...bench.generation.reads]
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 3)
      .map((r) => `${r.what.replace(/ \(.*\)$/, '')} ${Math.round((r.p50 / total) * 100)} %`)
      .join(', ');
  };
  const day = (bench: CareBench, clients: number) => bench.rows.find((r) => r.what.startsWith('GET') && r.clients === clients);
  const complete = (bench: CareBench) => bench.rows.find((r) => r.what.startsWith('POST'));
  const underASecond = benches.every((b) => median(b.generation.first.map((r) => r.ms)) < 1000);
  return [
    'What the care figures show:',
    '',
    `- Generation for a station of about 2,000 people ${underASecond ? 'stays under a second' : 'takes over a second'}: the first run takes ${each((b) => `${median(b.generation.first.map((r) => r.ms))} ms`)}`,
    `  for ${(benches[0]!.generation.first[0]?.created ?? 0).toLocaleString('en')} tasks. A run with nothing to do costs about what its reads cost (${each((b) => `${b.generation.noop.p50} against ${b.generation.floor.p50} ms`)}):`,
    '  it reads the whole station every hour, whatever changed. Three reads carry it, each a whole-station set:',
    `  ${each(top)}. Their plans are simple (a sequential scan of the`,
    "  station's people, a hash aggregate over all its records, the open-plan index). On PGlite most of each is moving the rows",
    '  out of the embedded database into JavaScript (compare the execution times in bench/PLANS.md), so the columns read matter;',
    "  on PostgreSQL the aggregate over the station's records is the largest part. Either way the cost grows with the station and",
    '  its history, not with what changed.',
    `- The worker's day from one client: ${each((b) => `${day(b, 1)?.http.p50} ms over HTTP against ${day(b, 1)?.floor.p50} ms in SQL`)}, for ${day(benches[0]!, 1)?.items} tasks.`,
    '  The query uses `care_tasks_assignee_idx`; the rest is the session, the assignee names and a reply of up to 200 tasks.',
    `  From ${CONNECTIONS} clients (${each((b) => `p50 ${day(b, CONNECTIONS)?.http.p50} ms, ${day(b, CONNECTIONS)?.http.rps} req/s`)}) PGlite gains little (one connection in`,
    '  the process) and PostgreSQL what two shared cores leave to the Node process, which parses, maps, checks and serialises the rows.',
    `- Completing a task: ${each((b) => `${complete(b)?.http.p50} ms against a floor of ${complete(b)?.floor.p50} ms`)}; the route adds the reads that`,
    '  check the task, the person and the staff, and reads the task and the record back for its reply.',
    `- A campaign for every elder: ${each((b) => `${Math.round(b.campaign.tasks / b.campaign.seconds).toLocaleString('en')} tasks/s`)} (inserts of 500 rows in one transaction).`,
  ];
}
