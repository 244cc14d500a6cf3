import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { makeTestApp, type Session, type TestApp } from '../testing/test-app';
import { caseEvents, cases, people, serviceRecords, users } from '../db/schema/index';
import { concernsOf, reportTypes } from '../modules/services/services.rules';
import { documentProblems } from '../modules/cases/cases.rules';
import { CASE_STAGE_ORDER, type CaseDocumentKind, type CaseStage, type ServiceTypeCode } from '../../shared/codes';
import { CASE_DOCUMENT_SCHEMAS, type CaseDocuments } from '../../shared/schemas/cases';
import { zVisitChecklist } from '../../shared/schemas/services';
import { shanghaiDay } from '../time';
import { DEMO_PEOPLE_PER_STATION, DEMO_STATIONS } from './demo-township';
import { planDemoHistory, type HistoryStationInput } from './demo-history';
import { festivalsBetween, addDays } from './demo-history-support';
import { ResidentGenerator } from './synthetic-people';

/** The demo township as `npm start` loads it: 300 residents a station and their year. */
let t: TestApp;
let now: Date;
let today: string;
let records: (typeof serviceRecords.$inferSelect)[];
let caseRows: (typeof cases.$inferSelect)[];
let events: (typeof caseEvents.$inferSelect)[];
let persons: Map<string, { stationId: string; villageId: string; groups: string[] }>;

beforeAll(async () => {
  t = await makeTestApp({ demoPeople: DEMO_PEOPLE_PER_STATION, demoHistory: true });
  now = t.clock.now();
  today = shanghaiDay(now);
  records = await t.deps.db.select().from(serviceRecords).orderBy(asc(serviceRecords.startedAt), asc(serviceRecords.id));
  caseRows = await t.deps.db.select().from(cases);
  events = await t.deps.db.select().from(caseEvents).orderBy(asc(caseEvents.at));
  const rows = await t.deps.db.select({ id: people.id, stationId: people.stationId, villageId: people.villageId, groups: people.groups }).from(people);
  persons = new Map(rows.map((r) => [r.id, r]));
}, 60_000);
afterAll(async () => {
  await t.close();
});

const stationIds = () => [t.demo.stations.anyuan.id, t.demo.stations.dachaigou.id];
const documentsOf = (row: typeof cases.$inferSelect) =>
  ({ intake: row.intake, assessment: row.assessment, plan: row.plan, evaluation: row.evaluation, closure: row.closure }) as CaseDocuments;

describe('the demo year of service records', () => {
  it('each station has several thousand records, all within the last year and none in the future', () => {
    for (const stationId of stationIds()) {
      const n = records.filter((r) => r.stationId === stationId).length;
      expect(n).toBeGreaterThanOrEqual(2_500);
      expect(n).toBeLessThanOrEqual(3_500);
    }
    const yearAgo = now.getTime() - 366 * 86_400_000;
    for (const r of records) {
      expect(r.startedAt.getTime() + r.durationMinutes * 60_000).toBeLessThanOrEqual(now.getTime());
      expect(r.startedAt.getTime()).toBeGreaterThan(yearAgo);
      expect(r.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(r.createdAt.getTime()).toBeGreaterThanOrEqual(r.startedAt.getTime());
    }
  });

  it("every record's person, village and station agree, and whoever served is on the station's staff", async () => {
    const staff = await t.deps.db.select({ id: users.id, stationId: users.stationId, role: users.role }).from(users);
    const staffOf = new Map(staff.map((u) => [u.id, u]));
    for (const r of records) {
      const person = persons.get(r.personId)!;
      expect(person.stationId).toBe(r.stationId);
      expect(person.villageId).toBe(r.villageId);
      expect(staffOf.get(r.recordedBy)).toMatchObject({ stationId: r.stationId });
      for (const id of r.workerIds) expect(['worker', 'manager']).toContain(staffOf.get(id)?.role);
      for (const id of r.volunteerIds) expect(staffOf.get(id)).toMatchObject({ stationId: r.stationId, role: 'volunteer' });
      expect([...r.servedBy].sort()).toEqual([...new Set([...r.workerIds, ...r.volunteerIds])].sort());
      expect(r.reportTypes).toEqual(reportTypes(r.serviceTypes as ServiceTypeCode[]));
    }
    // The work is spread over the staff, volunteers included.
    for (const stationId of stationIds()) {
      const mine = records.filter((r) => r.stationId === stationId);
      expect(new Set(mine.map((r) => r.recordedBy)).size).toBeGreaterThanOrEqual(4);
      expect(mine.filter((r) => r.volunteerIds.length > 0).length).toBeGreaterThan(100);
    }
  });

  it('is mostly calls and home visits with several types, wellbeing mostly 3–4, some follow-ups', () => {
    const kinds = new Map<string, number>();
    for (const r of records) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
    expect((kinds.get('phone') ?? 0) + (kinds.get('home_visit') ?? 0)).toBeGreaterThan(records.length * 0.8);
    for (const kind of ['office', 'group', 'online']) expect(kinds.get(kind) ?? 0).toBeGreaterThan(50);
    expect(records.filter((r) => r.serviceTypes.length > 1).length).toBeGreaterThan(records.length * 0.3);
    const rated = records.filter((r) => r.wellbeing !== null);
    for (const r of rated) expect(r.wellbeing).toBeGreaterThanOrEqual(1);
    expect(rated.filter((r) => r.wellbeing === 3 || r.wellbeing === 4).length).toBeGreaterThan(rated.length * 0.7);
    const followUps = records.filter((r) => r.followUpNeeded);
    expect(followUps.length).toBeGreaterThan(records.length * 0.03);
    for (const r of followUps) expect(r.followUpOn! > shanghaiDay(r.startedAt)).toBe(true);
    for (const r of records.filter((x) => !x.followUpNeeded)) expect(r.followUpOn).toBeNull();
  });

  it("only elders' home visits carry the checklist, and the concerns are exactly its items of concern", () => {
    let withConcerns = 0;
    for (const r of records) {
      if (!r.checklist) {
        expect(r.concerns).toEqual([]);
        continue;
      }
      expect(r.kind).toBe('home_visit');
      expect(persons.get(r.personId)!.groups).toContain('elder');
      const checklist = zVisitChecklist.parse(r.checklist);
      expect(r.concerns).toEqual(concernsOf(checklist));
      if (r.concerns.length > 0) withConcerns++;
    }
    const checked = records.filter((r) => r.checklist);
    expect(checked.length).toBeGreaterThan(500);
    // Mostly fine: a minority of visits find anything.
    expect(withConcerns).toBeLessThan(checked.length / 2);
    expect(withConcerns).toBeGreaterThan(checked.length / 10);
    // Heating is looked at in the heating season, and found unsafe more often then.
    const heatingConcerns = records.filter((r) => r.concerns.includes('home_safety.heating'));
    const winter = heatingConcerns.filter((r) => [11, 12, 1, 2, 3].includes(Number(shanghaiDay(r.startedAt).slice(5, 7))));
    expect(winter.length).toBeGreaterThan(heatingConcerns.length / 2);
  });

  it('a manager finds a handful of elders whose latest visit found the heating unsafe, and some short of food', async () => {
    for (const username of ['anyuan.manager', 'dachaigou.manager']) {
      const manager: Session = await t.login(username);
      const heating = await manager.inject({ method: 'GET', url: '/api/services/findings?item=home_safety.heating&limit=50' });
      expect(heating.statusCode).toBe(200);
      expect(heating.json().items.length).toBeGreaterThanOrEqual(2);
      const food = await manager.inject({ method: 'GET', url: '/api/services/findings?item=money.food&limit=50' });
      expect(food.json().items.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('no two summaries in a row read the same, in the station or for one person', () => {
    for (const stationId of stationIds()) {
      const mine = records.filter((r) => r.stationId === stationId);
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.summary).not.toBe(mine[i - 1]!.summary);
      const last = new Map<string, string>();
      for (const r of mine) {
        expect(r.summary).not.toBe(last.get(r.personId));
        last.set(r.personId, r.summary);
      }
      expect(new Set(mine.map((r) => r.summary)).size).toBeGreaterThan(mine.length * 0.6);
    }
  });

  it('festivals make peaks: the fortnight before the Spring Festival is busier than an ordinary fortnight', () => {
    const spring = festivalsBetween(addDays(today, -365), today).find((f) => f.key === 'spring_festival')!;
    const inWindow = (from: string, days: number) => records.filter((r) => shanghaiDay(r.startedAt) >= from && shanghaiDay(r.startedAt) < addDays(from, days)).length;
    const before = inWindow(addDays(spring.day, -14), 14);
    expect(before).toBeGreaterThan((records.length / 26) * 1.15);
    expect(records.some((r) => r.summary.startsWith('春节'))).toBe(true);
    expect(records.some((r) => r.summary.startsWith('重阳节'))).toBe(true);
  });

  it('the list and a record read back through the API as written', async () => {
    const worker = await t.login('anyuan.worker');
    const page = await worker.inject({ method: 'GET', url: '/api/services?limit=50' });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(50);
    const one = await worker.inject({ method: 'GET', url: `/api/services/${page.json().items[0].id}` });
    expect(one.statusCode).toBe(200);
  });
});

describe('the demo cases', () => {
  it('a dozen cases at every stage across the township, about two thirds in Anyuan', () => {
    for (const stage of CASE_STAGE_ORDER) {
      const atStage = caseRows.filter((c) => c.stage === stage);
      expect(atStage).toHaveLength(12);
      expect(atStage.filter((c) => c.stationId === t.demo.stations.anyuan.id)).toHaveLength(8);
    }
    for (const c of caseRows) {
      const person = persons.get(c.personId)!;
      expect(person.stationId).toBe(c.stationId);
      expect(person.villageId).toBe(c.villageId);
    }
  });

  it('every document of a stage a case has passed is complete; every document parses', () => {
    const needed: Record<CaseStage, CaseDocumentKind[]> = {
      intake: [],
      assessment: ['intake'],
      planning: ['intake', 'assessment'],
      intervention: ['intake', 'assessment', 'plan'],
      evaluation: ['intake', 'assessment', 'plan'],
      closed: ['intake', 'assessment', 'plan', 'evaluation', 'closure'],
    };
    for (const c of caseRows) {
      const documents = documentsOf(c);
      for (const kind of needed[c.stage]) expect({ id: c.id, kind, problems: documentProblems(kind, documents) }).toEqual({ id: c.id, kind, problems: [] });
      for (const kind of Object.keys(CASE_DOCUMENT_SCHEMAS) as CaseDocumentKind[]) {
        if (documents[kind] !== null) expect(CASE_DOCUMENT_SCHEMAS[kind].safeParse(documents[kind]).success).toBe(true);
      }
    }
  });

  it('cases at intervention or later have service records linked to their plan goals', () => {
    for (const c of caseRows.filter((x) => ['intervention', 'evaluation', 'closed'].includes(x.stage))) {
      const linked = records.filter((r) => r.caseId === c.id);
      expect(linked.length).toBeGreaterThan(0);
      const goalIds = new Set((documentsOf(c).plan?.goals ?? []).map((g) => g.id));
      for (const r of linked) {
        expect(r.personId).toBe(c.personId);
        expect(r.goalIds.length).toBeGreaterThan(0);
        for (const id of r.goalIds) expect(goalIds.has(id)).toBe(true);
        expect(r.startedAt.getTime()).toBeGreaterThan(c.openedAt.getTime());
      }
    }
    for (const c of caseRows.filter((x) => ['intake', 'assessment', 'planning'].includes(x.stage))) expect(records.some((r) => r.caseId === c.id)).toBe(false);
  });

  it('closed cases were approved by their station manager; open ones have a review date, a few overdue, two waiting for approval', () => {
    const managers = { [t.demo.stations.anyuan.id]: t.demo.userIds['anyuan.manager'], [t.demo.stations.dachaigou.id]: t.demo.userIds['dachaigou.manager'] };
    for (const c of caseRows.filter((x) => x.stage === 'closed')) {
      expect(c.closedAt).not.toBeNull();
      expect(c.closureReason).toBe(documentsOf(c).closure?.reason);
      expect(c.approvedBy).toBe(managers[c.stationId]);
      expect(c.nextReviewOn).toBeNull();
      expect(c.closeRequestedAt).toBeNull();
    }
    const open = caseRows.filter((x) => x.stage !== 'closed');
    for (const c of open) expect(c.nextReviewOn).not.toBeNull();
    for (const stationId of stationIds()) {
      const overdue = open.filter((c) => c.stationId === stationId && c.nextReviewOn! < today);
      expect(overdue.length).toBeGreaterThanOrEqual(3);
      expect(overdue.length).toBeLessThanOrEqual(4);
    }
    const waiting = open.filter((c) => c.closeRequestedAt !== null);
    expect(waiting).toHaveLength(2);
    for (const c of waiting) {
      expect(c.stage).toBe('evaluation');
      expect(documentProblems('evaluation', documentsOf(c))).toEqual([]);
      expect(documentProblems('closure', documentsOf(c))).toEqual([]);
    }
  });

  it("each case's history tells its way: opened, documents saved, one stage after another, closed by the manager", () => {
    for (const c of caseRows) {
      const mine = events.filter((e) => e.caseId === c.id);
      expect(mine[0]).toMatchObject({ kind: 'opened', toStage: 'intake' });
      expect(c.version).toBe(mine.length);
      let stage: CaseStage = 'intake';
      for (const e of mine) {
        expect(e.at.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(e.at.getTime()).toBeGreaterThanOrEqual(c.openedAt.getTime());
        if (e.kind === 'transition' || e.kind === 'closed') {
          expect(e.fromStage).toBe(stage);
          expect(CASE_STAGE_ORDER.indexOf(e.toStage as CaseStage)).toBe(CASE_STAGE_ORDER.indexOf(stage) + 1);
          stage = e.toStage as CaseStage;
        }
      }
      expect(stage).toBe(c.stage);
      if (c.stage === 'closed') {
        expect(mine.find((e) => e.kind === 'closed')?.by).toBe(c.approvedBy);
        expect(mine.some((e) => e.kind === 'close_requested')).toBe(true);
      }
      for (const kind of ['intake', 'assessment', 'plan', 'evaluation', 'closure'] as const) {
        if (c.stage !== 'intake' && c[kind] !== null) expect(mine.some((e) => e.kind === 'document_saved' && e.document === kind)).toBe(true);
      }
    }
  });

  it('the case list answers the manager: reviews due and closures waiting', async () => {
    const manager = await t.login('anyuan.manager');
    const due = await manager.inject({ method: 'GET', url: '/api/cases?reviewDue=true&limit=50' });
    expect(due.statusCode).toBe(200);
    expect(due.json().items.length).toBeGreaterThanOrEqual(3);
    const waiting = await manager.inject({ method: 'GET', url: '/api/cases?closeRequested=true&limit=50' });
    expect(waiting.json().items).toHaveLength(1);
    const closed = caseRows.find((c) => c.stage === 'closed' && c.stationId === t.demo.stations.anyuan.id)!;
    const detail = await manager.inject({ method: 'GET', url: `/api/cases/${closed.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().serviceCount).toBeGreaterThan(0);
  });
});

describe('loading the history', () => {
  const villages = (prefix: string) => DEMO_STATIONS[0].villages.map((name, i) => ({ id: `${prefix}-${i}`, name }));
  const counter = (prefix: string) => {
    let n = 0;
    return () => `${prefix}-${++n}`;
  };
  const station = (seed: number): HistoryStationInput => ({
    id: 'station',
    villageIds: villages('v').map((v) => v.id),
    households: new ResidentGenerator({ seed, today: '2026-11-29', townName: '安远镇', villages: villages('v'), newId: counter('p') }).households(150),
    staff: { managerId: 'manager', workerIds: ['w1', 'w2'], volunteerIds: ['v1'] },
    casesPerStage: 3,
    overdueReviews: 2,
    pendingCloseRequests: 1,
    closureReasons: ['goals_met', 'referred'],
  });
  const plan = (seed: number) => planDemoHistory({ now: new Date('2026-11-29T02:00:00Z'), seed, stations: [station(7)] });

  it('the same seed gives the same year; another seed another', () => {
    const a = plan(1);
    const b = plan(1);
    expect(b.services.length).toBe(a.services.length);
    expect(b.cases.map((c) => c.stage)).toEqual(a.cases.map((c) => c.stage));
    expect(b.services.map((s) => s.summary)).toEqual(a.services.map((s) => s.summary));
    expect(b.caseEvents.length).toBe(a.caseEvents.length);
    expect(plan(2).services.map((s) => s.summary)).not.toEqual(a.services.map((s) => s.summary));
  });

  it('a test app loads no history and no extra staff unless asked', async () => {
    const plain = await makeTestApp();
    try {
      const [services] = await plain.deps.db.select({ n: count() }).from(serviceRecords);
      expect(services?.n).toBe(0);
      const [extra] = await plain.deps.db.select({ n: count() }).from(users).where(eq(users.username, 'anyuan.zhuoma'));
      expect(extra?.n).toBe(0);
      expect(plain.demo.history).toEqual({ services: 0, cases: 0, caseEvents: 0 });
    } finally {
      await plain.close();
    }
  });
});
