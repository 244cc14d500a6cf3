import { count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import autocannon from 'autocannon';
import { makeTestApp, type TestApp } from '../src/server/testing/test-app';
import { systemCtx, type Ctx } from '../src/server/context';
import { serviceRecords } from '../src/server/db/schema/index';
import { systemActor } from '../src/server/demo/load-residents';
import { recordAudit } from '../src/server/audit/audit';
import { contentHash, reportTypes } from '../src/server/modules/services/services.rules';
import type { ServiceTypeCode } from '../src/shared/codes';
import { concurrent, CONNECTIONS, DURATION, getter, latency, loopThroughput, rowsOf, throughput, type Figures } from './measure';

/**
 * Service records: recording one (POST /api/services with a client-made UUIDv7) at 1 and 10
 * concurrent clients, and the person's and the station's lists (with village and service-type
 * filters), on the demo township grown to about 20,000 records (its year of history, with more
 * residents: BENCH_SERVICE_PEOPLE a station). Each beside its floor: the same database work as
 * bare SQL on the database handle.
 */

/** Residents a station; the demo year makes about 11 records a resident, so 950 give about 20,000 records. */
export const BENCH_SERVICE_PEOPLE = Number(process.env.BENCH_SERVICE_PEOPLE ?? 950);

export interface ServicesRow {
  what: string;
  /** Clients sending at once. */
  clients: number;
  http: Figures;
  floor: Figures;
  /** Records on the page (lists only). */
  items: number | null;
}

export interface ServicesBench {
  database: string;
  records: number;
  people: number;
  loadSeconds: number;
  rows: ServicesRow[];
  /** Recording under autocannon (CONNECTIONS connections), as the other throughput figures are taken. */
  autocannon: { rps: number; p50: number; p99: number };
}

/** What a phone sends for a short call: a new client-made id every time. */
function callBody(personId: string, startedAt: Date): Record<string, unknown> {
  return {
    id: uuidv7(),
    personId,
    kind: 'phone',
    serviceTypes: ['companionship', 'health'],
    startedAt: startedAt.toISOString(),
    durationMinutes: 10,
    summary: '电话问候老人，询问用药情况，提醒按时服药。老人精神状态较好。（基准测试）',
    wellbeing: 4,
  };
}

export async function benchServices(label: string, databaseUrl: string | undefined): Promise<ServicesBench> {
  const saved = process.env.TEST_DATABASE_URL;
  if (databaseUrl) process.env.TEST_DATABASE_URL = databaseUrl;
  else delete process.env.TEST_DATABASE_URL;
  const started = performance.now();
  let t: TestApp;
  try {
    t = await makeTestApp({ env: { API_RATE_PER_MINUTE: '1000000', LOGIN_RATE_PER_MINUTE: '10000' }, demoPeople: BENCH_SERVICE_PEOPLE, demoHistory: true });
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
  try {
    const loadSeconds = (performance.now() - started) / 1000;
    t.deps.now = () => new Date();
    const db = t.deps.db;
    await db.execute(sql`analyze`);
    const [total] = await db.select({ n: count() }).from(serviceRecords);
    const records = total?.n ?? 0;
    console.log(`${label.padEnd(9)} demo township with ${(2 * BENCH_SERVICE_PEOPLE).toLocaleString('en')} residents and ${records.toLocaleString('en')} service records loaded in ${loadSeconds.toFixed(1)} s`);

    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const worker = await t.login('anyuan.worker');
    const headers = { cookie: worker.cookie };
    const anyuan = t.demo.stations.anyuan.id;
    const workerId = t.demo.userIds['anyuan.worker']!;
    // The person with the longest record in Anyuan, and the busiest village.
    const [busiest] = await db
      .select({ personId: serviceRecords.personId, n: count() })
      .from(serviceRecords)
      .where(eq(serviceRecords.stationId, anyuan))
      .groupBy(serviceRecords.personId)
      .orderBy(desc(count()))
      .limit(1);
    const [village] = await db
      .select({ villageId: serviceRecords.villageId, n: count() })
      .from(serviceRecords)
      .where(eq(serviceRecords.stationId, anyuan))
      .groupBy(serviceRecords.villageId)
      .orderBy(desc(count()))
      .limit(1);
    if (!busiest || !village) throw new Error('no service records to list');
    const rows: ServicesRow[] = [];

    // Lists: what the worker's pages ask for, beside the same SELECT (scope, filter, order, limit).
    const page = (where: SQL) =>
      sql`select sr.*, p.name as person_name, o.name as village_name from service_records sr join people p on p.id = sr.person_id left join orgs o on o.id = sr.village_id where sr.station_id in (${anyuan}) and ${where} order by sr.started_at desc, sr.id desc limit 51`;
    const lists: { what: string; query: string; where: SQL }[] = [
      { what: `GET person's records (${busiest.n} on file)`, query: `personId=${busiest.personId}`, where: sql`sr.person_id = ${busiest.personId}` },
      { what: 'GET station list, first page', query: '', where: sql`true` },
      { what: `GET station list ?villageId (${village.n} in the village)`, query: `villageId=${village.villageId}`, where: sql`sr.village_id = ${village.villageId}` },
      { what: 'GET station list ?serviceType=capacity_building (with its concrete types)', query: 'serviceType=capacity_building', where: sql`sr.report_types @> array['capacity_building']::text[]` },
      { what: 'GET station list ?serviceType=digital_skills (rare)', query: 'serviceType=digital_skills', where: sql`sr.report_types @> array['digital_skills']::text[]` },
    ];
    for (const list of lists) {
      const url = `${base}/api/services?limit=50${list.query ? `&${list.query}` : ''}`;
      const httpLatency = await latency(getter(url, headers));
      const http: Figures = { p50: httpLatency.p50, p95: httpLatency.p95, p99: httpLatency.p99, rps: await throughput(url, headers) };
      const statement = page(list.where);
      const run = () => db.execute(statement);
      const items = Math.min(50, rowsOf(await run()).length);
      const floorLatency = await latency(run);
      const floor: Figures = { p50: floorLatency.p50, p95: floorLatency.p95, p99: floorLatency.p99, rps: await loopThroughput(run) };
      rows.push({ what: list.what, clients: 1, http, floor, items });
      console.log(`${label.padEnd(9)} ${list.what.padEnd(72)} http p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms ${http.rps} req/s | sql p50 ${floor.p50} p95 ${floor.p95} p99 ${floor.p99} ms ${floor.rps}/s | ${items} items`);
    }

    // Recording: a phone call to an Anyuan elder, a new client-made id each time, beside the row
    // and its audit event written in one transaction (the writes the route makes, without its reads).
    const callees = (await db.select({ id: serviceRecords.personId }).from(serviceRecords).where(eq(serviceRecords.stationId, anyuan)).groupBy(serviceRecords.personId).limit(50)).map((r) => r.id);
    const [sample] = await db.select({ villageId: serviceRecords.villageId }).from(serviceRecords).where(eq(serviceRecords.personId, callees[0]!)).limit(1);
    let next = 0;
    const post = async () => {
      const body = callBody(callees[next++ % callees.length]!, new Date(Date.now() - 3_600_000));
      const response = await fetch(`${base}/api/services`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': worker.csrfToken }, body: JSON.stringify(body) });
      if (response.status !== 201) throw new Error(`POST /api/services: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    const writer: Ctx = { ...systemCtx(t.deps), actor: systemActor(workerId, [anyuan]), ip: '127.0.0.1' };
    const insert = () =>
      db.transaction(async (tx) => {
        const now = new Date();
        const body = callBody(callees[next++ % callees.length]!, new Date(now.getTime() - 3_600_000));
        const serviceTypes = body.serviceTypes as ServiceTypeCode[];
        const id = String(body.id);
        await tx.insert(serviceRecords).values({
          id,
          createdAt: now,
          updatedAt: now,
          version: 1,
          stationId: anyuan,
          personId: String(body.personId),
          villageId: sample!.villageId,
          kind: 'phone',
          serviceTypes,
          reportTypes: reportTypes(serviceTypes),
          startedAt: new Date(String(body.startedAt)),
          durationMinutes: 10,
          summary: String(body.summary),
          workerIds: [workerId],
          servedBy: [workerId],
          wellbeing: 4,
          contentHash: contentHash(body),
          recordedBy: workerId,
        });
        await recordAudit({ ...writer, db: tx, now }, { action: 'service.create', entityType: 'service', entityId: id, stationId: anyuan, details: { personId: body.personId, kind: 'phone' } });
      });
    for (const clients of [1, CONNECTIONS]) {
      const http = await concurrent(post, clients);
      const floor = await concurrent(insert, clients);
      const what = 'POST a phone call (new UUIDv7 id)';
      rows.push({ what, clients, http, floor, items: null });
      console.log(`${label.padEnd(9)} ${`${what}, ${clients} client(s)`.padEnd(72)} http p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms ${http.rps} req/s | sql p50 ${floor.p50} p95 ${floor.p95} p99 ${floor.p99} ms ${floor.rps}/s`);
    }
    // Throughput as the other tables measure it: autocannon with CONNECTIONS connections, each request a new id.
    const cannon = await autocannon({
      url: `${base}/api/services`,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': worker.csrfToken },
          setupRequest: (request) => ({ ...request, body: JSON.stringify(callBody(callees[next++ % callees.length]!, new Date(Date.now() - 3_600_000))) }),
        },
      ],
    });
    if (cannon.non2xx > 0 || cannon.errors > 0) throw new Error(`autocannon POST /api/services: ${cannon.non2xx} non-2xx, ${cannon.errors} errors`);
    const autocannonFigures = { rps: Math.round(cannon.requests.average), p50: cannon.latency.p50, p99: cannon.latency.p99 };
    console.log(`${label.padEnd(9)} POST a phone call, autocannon ${CONNECTIONS} connections: ${autocannonFigures.rps} req/s, p50 ${autocannonFigures.p50} p99 ${autocannonFigures.p99} ms`);
    return { database: label, records, people: 2 * BENCH_SERVICE_PEOPLE, loadSeconds, rows, autocannon: autocannonFigures };
  } finally {
    await t.close();
  }
}

export function servicesTable(bench: ServicesBench): string[] {
  return [
    `**${bench.database}**: the demo township with ${bench.people.toLocaleString('en')} residents and ${bench.records.toLocaleString('en')} service records (its year of history), loaded in ${bench.loadSeconds.toFixed(1)} s.`,
    '',
    '| what | clients | items | HTTP p50 | p95 | p99 | HTTP req/s | SQL p50 | p95 | p99 | SQL/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...bench.rows.map(
      (r) =>
        `| ${r.what} | ${r.clients} | ${r.items ?? ''} | ${r.http.p50} | ${r.http.p95} | ${r.http.p99} | ${r.http.rps} | ${r.floor.p50} | ${r.floor.p95} | ${r.floor.p99} | ${r.floor.rps} |`,
    ),
    '',
    `Recording under autocannon (${CONNECTIONS} connections, a new id in every request): ${bench.autocannon.rps} req/s, p50 ${bench.autocannon.p50} ms, p99 ${bench.autocannon.p99} ms.`,
  ];
}
