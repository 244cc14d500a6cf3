import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../testing/test-app';
import { systemCtx } from '../context';
import { campaigns, careSettings, careTaskEvents, careTasks, contactPlanOverrides, people, serviceRecords, users } from '../db/schema/index';
import { generateForStation } from '../modules/care/generate.service';
import { festivalDate } from '../modules/care/festivals';
import { inCareGroup } from '../modules/care/care.rules';
import { shanghaiDay } from '../time';
import { CHANNEL_SATISFIED_BY, UNREACHABLE_ALERT_ATTEMPTS } from '../../shared/codes';
import type { CampaignDetail, CareSettings, ContactPlan, Task } from '../../shared/schemas/care';
import { DEMO_PEOPLE_PER_STATION } from './demo-township';

/** The demo township as `npm start` loads it, with its care side: settings, plans, tasks, campaigns. */
let t: TestApp;
let today: string;
let tasks: (typeof careTasks.$inferSelect)[];
let campaignRows: (typeof campaigns.$inferSelect)[];

beforeAll(async () => {
  t = await makeTestApp({ demoPeople: DEMO_PEOPLE_PER_STATION, demoHistory: true });
  today = shanghaiDay(t.clock.now());
  tasks = await t.deps.db.select().from(careTasks);
  campaignRows = await t.deps.db.select().from(campaigns);
}, 120_000);
afterAll(async () => {
  await t.close();
});

const stations = () => [
  { key: 'anyuan', id: t.demo.stations.anyuan.id, villageIds: t.demo.stations.anyuan.villageIds, manager: 'anyuan.manager' },
  { key: 'dachaigou', id: t.demo.stations.dachaigou.id, villageIds: t.demo.stations.dachaigou.villageIds, manager: 'dachaigou.manager' },
];

describe('the demo care settings and personal plans', () => {
  it("every station's villages are shared among its social workers, a few each, and the manager's settings page shows them", async () => {
    const workers = await t.deps.db.select({ id: users.id, stationId: users.stationId }).from(users).where(eq(users.role, 'worker'));
    for (const station of stations()) {
      const [row] = await t.deps.db.select().from(careSettings).where(eq(careSettings.stationId, station.id));
      expect(row?.version).toBeGreaterThanOrEqual(1);
      const mine = workers.filter((w) => w.stationId === station.id).map((w) => w.id);
      expect(Object.keys(row!.villageWorkers).sort()).toEqual([...station.villageIds].sort());
      for (const workerId of Object.values(row!.villageWorkers)) expect(mine).toContain(workerId);
      for (const workerId of mine) {
        const held = Object.values(row!.villageWorkers).filter((w) => w === workerId).length;
        expect(held).toBeGreaterThanOrEqual(1);
        expect(held).toBeLessThanOrEqual(4);
      }
      const manager = await t.login(station.manager);
      const settings = (await manager.inject({ method: 'GET', url: '/api/care/settings' })).json<CareSettings>();
      expect(settings.villageWorkers).toEqual(row!.villageWorkers);
      expect(settings.updatedBy?.name).toMatch(/站长/);
    }
  });

  it('a few people have a plan of their own with its reason, shown on their file', async () => {
    const overrides = await t.deps.db.select().from(contactPlanOverrides);
    for (const station of stations()) {
      const mine = overrides.filter((o) => o.stationId === station.id);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine.length).toBeLessThanOrEqual(6);
      for (const o of mine) expect(o.reason.length).toBeGreaterThan(5);
    }
    const worker = await t.login('anyuan.worker');
    const one = overrides.find((o) => o.stationId === t.demo.stations.anyuan.id)!;
    const plan = (await worker.inject({ method: 'GET', url: `/api/people/${one.personId}/contact-plan` })).json<ContactPlan>();
    expect(plan).toMatchObject({ source: 'override', reason: one.reason });
  });
});

describe('the demo plan tasks', () => {
  it('open plan tasks exist in every station, at most one a person and channel, each with a worker', () => {
    for (const station of stations()) {
      const open = tasks.filter((x) => x.stationId === station.id && x.reason === 'plan' && x.status === 'open');
      expect(open.length).toBeGreaterThan(50);
      const keys = open.map((x) => `${x.personId}:${x.kind}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const task of open) expect(task.assigneeId).not.toBeNull();
    }
  });

  it('most people in care groups are on time: a handful (5–15 %) have an overdue contact', async () => {
    const rows = await t.deps.db.select({ id: people.id, stationId: people.stationId, groups: people.groups }).from(people).where(eq(people.status, 'active'));
    for (const station of stations()) {
      const inCare = rows.filter((p) => p.stationId === station.id && inCareGroup(p.groups));
      const overdue = new Set(tasks.filter((x) => x.stationId === station.id && x.reason === 'plan' && x.status === 'open' && x.dueDate < today).map((x) => x.personId));
      expect(overdue.size / inCare.length).toBeGreaterThanOrEqual(0.05);
      expect(overdue.size / inCare.length).toBeLessThanOrEqual(0.15);
    }
  });

  it('some open tasks could not be reached, up to three times (the alert), each try in the history; a couple were put off with a reason', async () => {
    const events = await t.deps.db.select().from(careTaskEvents);
    for (const station of stations()) {
      const open = tasks.filter((x) => x.stationId === station.id && x.status === 'open');
      const tried = open.filter((x) => x.attempts > 0);
      expect(tried.length).toBeGreaterThanOrEqual(4);
      expect(tried.some((x) => x.attempts >= UNREACHABLE_ALERT_ATTEMPTS)).toBe(true);
      for (const task of tried) {
        expect(task.attempts).toBeLessThanOrEqual(3);
        expect(events.filter((e) => e.taskId === task.id && e.kind === 'unreachable')).toHaveLength(task.attempts);
        expect(task.lastAttemptAt!.getTime()).toBeLessThan(t.clock.now().getTime());
      }
      const postponed = open.filter((x) => x.postponedReason);
      expect(postponed.length).toBeGreaterThanOrEqual(2);
      for (const task of postponed) expect(task.dueDate > today).toBe(true);
    }
    const worker = await t.login('anyuan.worker');
    const day = await worker.inject({ method: 'GET', url: '/api/tasks?assignee=me&due=today&limit=200' });
    expect(day.statusCode).toBe(200);
    expect(day.json<{ items: Task[] }>().items.length).toBeGreaterThan(0);
  });

  it('generating again as of today creates, closes and cancels nothing', async () => {
    for (const station of stations()) {
      expect(await generateForStation(systemCtx(t.deps), station.id)).toEqual({ created: 0, satisfied: 0, cancelled: 0, skipped: false });
    }
  });
});

describe('the demo campaigns', () => {
  it("last Double Ninth's campaign for the elders, calls and visits, is almost all done, by records of the window, with the gifts listed", async () => {
    const day = festivalDate('double_ninth', 2026)!;
    for (const station of stations()) {
      const campaign = campaignRows.find((c) => c.stationId === station.id && c.festival === 'double_ninth')!;
      expect(campaign).toMatchObject({ year: 2026, day, kinds: ['phone', 'home_visit'] });
      const mine = tasks.filter((x) => x.campaignId === campaign.id);
      expect(mine.length).toBe(campaign.tasksCreated);
      const done = mine.filter((x) => x.status === 'done');
      expect(done.length / mine.length).toBeGreaterThanOrEqual(0.9);
      const records = await t.deps.db
        .select()
        .from(serviceRecords)
        .where(inArray(serviceRecords.id, done.map((x) => x.serviceId!)));
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const task of done) {
        const record = byId.get(task.serviceId!)!;
        expect(record.personId).toBe(task.personId);
        expect(CHANNEL_SATISFIED_BY[task.kind]).toContain(record.kind);
        expect(shanghaiDay(record.startedAt) >= campaign.windowStart && shanghaiDay(record.startedAt) <= campaign.day).toBe(true);
      }
      const manager = await t.login(station.manager);
      const detail = (await manager.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}` })).json<CampaignDetail>();
      expect(detail.progress.done).toBe(done.length);
      expect(detail.goods.length).toBeGreaterThan(detail.progress.total / 4);
      expect(detail.goods.some((g) => g.goods.includes('重阳糕'))).toBe(true);
    }
  });

  it("last Mid-Autumn's calls and a campaign under way (partly done, due after today) are there too", () => {
    for (const station of stations()) {
      const midAutumn = campaignRows.find((c) => c.stationId === station.id && c.festival === 'mid_autumn');
      expect(midAutumn?.day).toBe(festivalDate('mid_autumn', 2026));
      const running = campaignRows.filter((c) => c.stationId === station.id && c.festival === null);
      expect(running).toHaveLength(1);
      expect(running[0]!.day > today).toBe(true);
      const mine = tasks.filter((x) => x.campaignId === running[0]!.id);
      const done = mine.filter((x) => x.status === 'done').length;
      expect(done).toBeGreaterThan(mine.length / 5);
      expect(done).toBeLessThan(mine.length * 0.8);
    }
  });

  it('every record made for a task names it, and the task names the record', async () => {
    const made = await t.deps.db
      .select()
      .from(serviceRecords)
      .where(and(inArray(serviceRecords.stationId, stations().map((s) => s.id))));
    const withTask = made.filter((r) => r.taskId !== null);
    expect(withTask.length).toBeGreaterThan(20);
    const byId = new Map(tasks.map((x) => [x.id, x]));
    for (const record of withTask) expect(byId.get(record.taskId!)).toMatchObject({ status: 'done', serviceId: record.id, personId: record.personId });
  });
});

describe('loading the care side', () => {
  it('the same seed gives the same plans, tasks and campaigns', async () => {
    const shapeOf = async (app: TestApp) => {
      const names = new Map((await app.deps.db.select({ id: people.id, name: people.name }).from(people)).map((p) => [p.id, p.name]));
      const rows = await app.deps.db.select().from(careTasks);
      const overrides = await app.deps.db.select().from(contactPlanOverrides);
      return {
        tasks: rows.map((x) => [names.get(x.personId), x.kind, x.reason, x.status, x.dueDate, x.attempts, x.postponedReason].join('|')).sort(),
        overrides: overrides.map((o) => `${names.get(o.personId)}|${o.reason}`).sort(),
        campaigns: (await app.deps.db.select().from(campaigns)).map((c) => `${c.name}|${c.day}|${c.tasksCreated}`).sort(),
      };
    };
    const [a, b] = [await makeTestApp({ demoPeople: 40, demoHistory: true }), await makeTestApp({ demoPeople: 40, demoHistory: true })];
    try {
      expect(await shapeOf(b)).toEqual(await shapeOf(a));
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);
});
