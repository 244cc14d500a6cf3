import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type Session, type TestApp } from '../../testing/test-app';
import { makePerson } from '../../testing/factories';
import { auditEvents } from '../../db/schema/index';
import { readWorkbook } from '../people/import/import-testing';
import type { CareAlertType } from '../../../shared/codes';
import type { Alert, AlertSummary, Task, VisitRate } from '../../../shared/schemas/care';
import type { CreateServiceRequest, ServiceRecord } from '../../../shared/schemas/services';

let t: TestApp;
let worker: Session;
let manager: Session;
let workerId: string;
let stationId: string;

const DAY = 86_400_000;

async function signIn(): Promise<void> {
  worker = await t.login('anyuan.worker');
  manager = await t.login('anyuan.manager');
}

/** Runs `work` with the clock moved on; sessions do not last days, so everyone signs in again, there and back. */
async function later(days: number, work: () => Promise<void>): Promise<void> {
  t.clock.advance(days * DAY);
  try {
    await signIn();
    await work();
  } finally {
    t.clock.advance(-days * DAY);
    await signIn();
  }
}

beforeAll(async () => {
  t = await makeTestApp();
  await signIn();
  stationId = t.demo.stations.anyuan.id;
  workerId = t.demo.userIds['anyuan.worker']!;
});
afterAll(async () => {
  await t.close();
});

/** A village of its own, so a test counts only the people it made. */
async function freshVillage(): Promise<string> {
  const response = await manager.inject({ method: 'POST', url: '/api/orgs', payload: { parentId: stationId, name: `测试村${crypto.randomInt(100_000, 999_999)}` } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function elder(villageId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const person = await makePerson(worker, { villageId, birthDate: '1944-05-02', gender: 'female', groups: ['elder', 'solitary_elder'], riskLevel: 'medium', ...extra });
  return person.id;
}

async function record(personId: string, extra: Partial<CreateServiceRequest>): Promise<ServiceRecord> {
  const body: CreateServiceRequest = { personId, kind: 'phone', serviceTypes: ['companionship'], startedAt: '2026-11-20T10:00:00+08:00', durationMinutes: 15, summary: '电话问候老人近况。', ...extra };
  const response = await worker.inject({ method: 'POST', url: '/api/services', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ServiceRecord>();
}

async function alertsOf(type: CareAlertType, query: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Alert[]> {
  const params = new URLSearchParams({ type, limit: '200', ...query });
  const response = await manager.inject({ method: 'GET', url: `/api/care/alerts?${params}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Alert[] }>().items;
}

describe('alerts about people', () => {
  it('a person in a care group without a risk level has no plan, and the alert says why', async () => {
    const village = await freshVillage();
    const unassessed = await elder(village, { riskLevel: undefined });
    const assessed = await elder(village, { riskLevel: 'high' });
    const items = await alertsOf('no_plan', { villageId: village });
    expect(items.map((a) => a.personId)).toEqual([unassessed]);
    expect(items[0]).toMatchObject({ type: 'no_plan', villageId: village, groups: ['elder', 'solitary_elder'], riskLevel: null, detail: '未评估风险等级，无法确定联系频次', assignee: { id: workerId } });
    expect(items.some((a) => a.personId === assessed)).toBe(false);
    const english = await alertsOf('no_plan', { villageId: village }, { 'accept-language': 'en-US' });
    expect(english[0]!.detail).toBe('Risk level not assessed, so no contact cadence applies');
  });

  it("a person whose own plan has no contact is listed as having no plan", async () => {
    const village = await freshVillage();
    const id = await elder(village, { riskLevel: 'low' });
    const response = await manager.inject({ method: 'PUT', url: `/api/people/${id}/contact-plan`, payload: { version: 0, plans: [], reason: '老人已随子女外出过冬' } });
    expect(response.statusCode, response.body).toBe(200);
    const items = await alertsOf('no_plan', { villageId: village });
    expect(items).toEqual([expect.objectContaining({ personId: id, detail: '个人联系计划未安排任何联系' })]);
  });

  it('the no-plan list pages through every person once, in a stable order', async () => {
    const village = await freshVillage();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add(await elder(village, { riskLevel: undefined }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ type: 'no_plan', villageId: village, limit: '2', ...(cursor ? { cursor } : {}) });
      const response = await manager.inject({ method: 'GET', url: `/api/care/alerts?${params}` });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: Alert[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.personId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(ids);
    const all = await alertsOf('no_plan', { villageId: village });
    expect(all.map((a) => a.personId)).toEqual(seen);
  });

  it('a person last called 59 days ago is silent for 59 days; one called last week is not', async () => {
    const village = await freshVillage();
    const quiet = await elder(village);
    const called = await elder(village);
    const old = await record(quiet, { startedAt: '2026-10-01T09:00:00+08:00' });
    await record(called, { startedAt: '2026-11-22T09:00:00+08:00' });
    // An office visit is not a call: it does not end the silence.
    await record(quiet, { kind: 'office', startedAt: '2026-11-25T09:00:00+08:00' });
    const items = await alertsOf('silent', { villageId: village });
    expect(items).toEqual([expect.objectContaining({ personId: quiet, since: old.startedAt, days: 59, detail: '已 59 天未联系（电话、视频或入户）', assignee: { id: workerId, name: '社工 王芳' } })]);
  });

  it('a person never contacted becomes silent once the silence has lasted since the file was made', async () => {
    const village = await freshVillage();
    const id = await elder(village);
    expect((await alertsOf('silent', { villageId: village })).map((a) => a.personId)).not.toContain(id);
    await later(43, async () => {
      const items = await alertsOf('silent', { villageId: village });
      expect(items).toEqual([expect.objectContaining({ personId: id, since: null, days: 43, detail: '建档 43 天以来从未联系' })]);
    });
  });

  it('wellbeing falling 4, 3, 2 raises an alert naming the latest record; 4, 3, 3 does not', async () => {
    const village = await freshVillage();
    const falling = await elder(village);
    const steady = await elder(village);
    const days = ['2026-11-10', '2026-11-17', '2026-11-24'];
    const records: ServiceRecord[] = [];
    for (const [i, score] of [4, 3, 2].entries()) records.push(await record(falling, { startedAt: `${days[i]}T10:00:00+08:00`, wellbeing: score }));
    for (const [i, score] of [4, 3, 3].entries()) await record(steady, { startedAt: `${days[i]}T10:00:00+08:00`, wellbeing: score });
    // A record without a score does not break the run.
    await record(falling, { startedAt: '2026-11-26T10:00:00+08:00' });
    const items = await alertsOf('wellbeing_drop', { villageId: village });
    expect(items).toEqual([expect.objectContaining({ personId: falling, serviceId: records[2]!.id, since: records[2]!.startedAt, detail: '状态评分连续下降：4 → 3 → 2' })]);
  });

  it('unsafe heating found at a visit raises a danger alert until a later visit finds it fine', async () => {
    const village = await freshVillage();
    const id = await elder(village);
    const visit = await record(id, { kind: 'home_visit', startedAt: '2026-11-20T10:00:00+08:00', checklist: { home_safety: { heating: 'concern', note: '炉子烟囱漏烟' }, health: { mood: 'concern' } } });
    const items = await alertsOf('danger', { villageId: village });
    expect(items).toEqual([expect.objectContaining({ personId: id, serviceId: visit.id, since: visit.startedAt, detail: '最近探访发现：居家安全·冬季取暖' })]);
    const english = await alertsOf('danger', { villageId: village }, { 'accept-language': 'en-US' });
    expect(english[0]!.detail).toBe('Found at the latest visit: Home safety·Winter heating');

    // A later visit that did not look at the heating leaves the alert standing.
    await record(id, { kind: 'home_visit', startedAt: '2026-11-24T10:00:00+08:00', checklist: { home_safety: { water: 'ok' } } });
    expect((await alertsOf('danger', { villageId: village })).map((a) => a.serviceId)).toEqual([visit.id]);
    await record(id, { kind: 'home_visit', startedAt: '2026-11-27T10:00:00+08:00', checklist: { home_safety: { heating: 'ok' } } });
    expect(await alertsOf('danger', { villageId: village })).toEqual([]);
  });
});

describe('alerts about tasks', () => {
  it('three "could not reach" raise an alert; days later the tasks are overdue, per worker', async () => {
    const village = await freshVillage();
    const id = await elder(village, { riskLevel: 'high' });
    const generated = await manager.inject({ method: 'POST', url: '/api/tasks/generate', payload: {} });
    expect(generated.statusCode, generated.body).toBe(200);
    const tasks = (await manager.inject({ method: 'GET', url: `/api/tasks?assignee=all&personId=${id}` })).json<{ items: Task[] }>().items;
    const call = tasks.find((task) => task.kind === 'phone')!;
    const visit = tasks.find((task) => task.kind === 'home_visit')!;
    expect(call.dueDate).toBe('2026-11-29');

    let version = call.version;
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt === 3) expect((await alertsOf('unreachable', { villageId: village })).map((a) => a.taskId)).not.toContain(call.id);
      const response = await worker.inject({ method: 'POST', url: `/api/tasks/${call.id}/unreachable`, payload: { version, note: '电话无人接听' } });
      expect(response.statusCode, response.body).toBe(200);
      version = response.json<Task>().version;
    }
    const unreachable = await alertsOf('unreachable', { villageId: village });
    expect(unreachable).toEqual([expect.objectContaining({ personId: id, taskId: call.id, detail: '电话关怀已 3 次未联系上', assignee: { id: workerId, name: '社工 王芳' } })]);
    expect(await alertsOf('overdue', { villageId: village })).toEqual([]);

    await later(3, async () => {
      const overdue = await alertsOf('overdue', { villageId: village });
      // The visit was due on the 29th; the call was moved to the 30th by its last attempt.
      expect(overdue.map((a) => [a.taskId, a.since, a.days])).toEqual([
        [visit.id, '2026-11-29', 3],
        [call.id, '2026-11-30', 2],
      ]);
      expect(overdue[0]).toMatchObject({ detail: '入户探访已逾期 3 天', assignee: { id: workerId } });
      expect(await alertsOf('overdue', { villageId: village, assigneeId: workerId })).toHaveLength(2);
      expect(await alertsOf('overdue', { villageId: village, assigneeId: t.demo.userIds['anyuan.manager']! })).toEqual([]);

      const summary = (await manager.inject({ method: 'GET', url: '/api/care/alerts/summary' })).json<AlertSummary>();
      const mine = summary.byWorker.find((row) => row.id === workerId)!;
      expect(mine.open).toBeGreaterThanOrEqual(2);
      expect(mine.overdue).toBeGreaterThanOrEqual(2);
      expect(mine.unreachable).toBeGreaterThanOrEqual(1);
      expect(summary.counts.overdue).toBeGreaterThanOrEqual(2);
    });
  });
});

describe('the monthly visit rate of elders in special difficulty', () => {
  it('counts elders phoned, called by video or visited in the month, per village and station', async () => {
    const village = await freshVillage();
    const phoned = await elder(village, { groups: ['elder', 'solitary_elder'] });
    const visitedLastMonth = await elder(village, { groups: ['elder', 'empty_nest_elder'] });
    const alone = await elder(village, { groups: ['elder'], livingSituation: 'alone' });
    const seenAtOffice = await elder(village, { groups: ['elder', 'disabled'] });
    // An elder not in special difficulty is not counted.
    const notSpecial = await elder(village, { groups: ['elder'] });
    await record(phoned, { kind: 'phone', startedAt: '2026-11-03T10:00:00+08:00' });
    await record(visitedLastMonth, { kind: 'home_visit', startedAt: '2026-10-28T10:00:00+08:00' });
    await record(alone, { kind: 'online', startedAt: '2026-11-28T20:00:00+08:00' });
    await record(seenAtOffice, { kind: 'office', startedAt: '2026-11-12T10:00:00+08:00' });
    await record(notSpecial, { kind: 'phone', startedAt: '2026-11-12T10:00:00+08:00' });

    const november = (await manager.inject({ method: 'GET', url: '/api/care/visit-rate' })).json<VisitRate>();
    expect(november).toMatchObject({ month: '2026-11', target: 1 });
    expect(november.villages.find((v) => v.id === village)).toMatchObject({ elders: 4, visited: 2, rate: 0.5 });
    expect(november.station.elders).toBeGreaterThanOrEqual(4);
    expect(november.station.rate).toBeCloseTo(november.station.visited / november.station.elders, 4);

    // October: only the elder visited then was on the books (the files were made in November).
    const october = (await manager.inject({ method: 'GET', url: '/api/care/visit-rate?month=2026-10' })).json<VisitRate>();
    expect(october.villages.find((v) => v.id === village)).toMatchObject({ elders: 1, visited: 1, rate: 1 });

    const summary = (await manager.inject({ method: 'GET', url: '/api/care/alerts/summary' })).json<AlertSummary>();
    expect(summary.visitRate.villages.find((v) => v.id === village)).toMatchObject({ elders: 4, visited: 2 });
  });
});

describe('the summary and the export', () => {
  it('the summary counts every list and names the silence setting', async () => {
    const response = await manager.inject({ method: 'GET', url: '/api/care/alerts/summary' });
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json<AlertSummary>();
    expect(summary).toMatchObject({ stationId, silenceDays: 42 });
    for (const type of ['overdue', 'unreachable', 'no_plan', 'silent', 'wellbeing_drop', 'danger'] as const) {
      expect(summary.counts[type]).toBe((await alertsOf(type)).length);
    }
  });

  it('the export is a workbook with a summary and a sheet per alert, and is audited', async () => {
    const village = await freshVillage();
    await elder(village, { riskLevel: undefined, name: '导出测试老人' });
    const response = await manager.inject({ method: 'GET', url: '/api/care/alerts.xlsx' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('关爱提醒_2026-11-29.xlsx')}`);
    const { sheets, rows, workbook } = await readWorkbook(response.rawPayload);
    expect(sheets).toEqual(['汇总', '联系逾期', '多次未联系上', '没有联系计划', '长期未联系', '状态连续下降', '探访发现安全隐患']);
    expect(rows.flat()).toContain('没有联系计划');
    const noPlan = workbook.getWorksheet('没有联系计划')!;
    const names: string[] = [];
    noPlan.eachRow((row) => names.push(row.getCell(1).text));
    expect(names[0]).toBe('服务对象');
    expect(names).toContain('导出测试老人');

    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'care.alerts_export'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ stationId, entityId: stationId });
    expect(audit[0]!.details).toMatchObject({ counts: { no_plan: expect.any(Number) } });
    expect(noPlan.getRow(names.indexOf('导出测试老人') + 1).getCell(5).text).toBe('未评估风险等级，无法确定联系频次');

    const english = await manager.inject({ method: 'GET', url: '/api/care/alerts.xlsx', headers: { 'accept-language': 'en-US' } });
    expect(english.headers['content-disposition']).toContain('care-alerts_2026-11-29.xlsx');
    expect((await readWorkbook(english.rawPayload)).sheets[0]).toBe('Summary');
  });
});

describe('who may see alerts', () => {
  it('a worker gets 403 on every alert endpoint', async () => {
    for (const url of ['/api/care/alerts/summary', '/api/care/alerts?type=silent', '/api/care/alerts.xlsx', '/api/care/visit-rate']) {
      const response = await worker.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(403);
    }
  });

  it('an unknown alert type, a village of another station or a bad cursor is 400', async () => {
    const badType = await manager.inject({ method: 'GET', url: '/api/care/alerts?type=lonely' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const otherVillage = await manager.inject({ method: 'GET', url: `/api/care/alerts?type=silent&villageId=${t.demo.stations.dachaigou.villageIds[0]}` });
    expect(otherVillage.statusCode).toBe(400);
    expect(otherVillage.json().error.details[0].path).toBe('villageId');
    const badCursor = await manager.inject({ method: 'GET', url: '/api/care/alerts?type=silent&cursor=nonsense' });
    expect(badCursor.statusCode).toBe(400);
  });

  it('an administrator must name the station; a manager naming another station gets 404', async () => {
    const admin = await t.login('admin');
    expect((await admin.inject({ method: 'GET', url: '/api/care/alerts/summary' })).statusCode).toBe(400);
    const named = await admin.inject({ method: 'GET', url: `/api/care/alerts/summary?stationId=${stationId}` });
    expect(named.statusCode, named.body).toBe(200);
    const elsewhere = await manager.inject({ method: 'GET', url: `/api/care/alerts/summary?stationId=${t.demo.stations.dachaigou.id}` });
    expect(elsewhere.statusCode).toBe(404);
  });
});
