import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { makeTestApp, type Session, type TestApp } from '../../testing/test-app';
import { makePerson } from '../../testing/factories';
import { careTasks, serviceRecords } from '../../db/schema/index';
import { systemCtx } from '../../context';
import type { Campaign, CampaignDetail, CareSettings, ContactPlan, Task } from '../../../shared/schemas/care';
import type { ServiceRecord } from '../../../shared/schemas/services';
import { generateForStation } from './generate.service';

let t: TestApp;
let worker: Session;
let manager: Session;
let volunteer: Session;
let otherWorker: Session;
let villages: string[];
let workerId: string;

async function signIn(): Promise<void> {
  worker = await t.login('anyuan.worker');
  manager = await t.login('anyuan.manager');
  volunteer = await t.login('anyuan.volunteer');
  otherWorker = await t.login('dachaigou.worker');
}

/** Runs `work` with the clock moved on (sessions time out across days, so everyone signs in again, there and back). */
async function later(ms: number, work: () => Promise<void>): Promise<void> {
  t.clock.advance(ms);
  try {
    await signIn();
    await work();
  } finally {
    t.clock.advance(-ms);
    await signIn();
  }
}

beforeAll(async () => {
  t = await makeTestApp();
  await signIn();
  villages = t.demo.stations.anyuan.villageIds;
  workerId = (await worker.inject({ method: 'GET', url: '/api/auth/me' })).json<{ user: { id: string } }>().user.id;
});
afterAll(async () => {
  await t.close();
});

async function elder(riskLevel: 'high' | 'medium' | 'low' | undefined, villageId = villages[0]!, groups = ['elder', 'solitary_elder']): Promise<string> {
  const person = await makePerson(worker, { villageId, birthDate: '1945-03-08', gender: 'female', groups: groups as never, phone: '13909350000', ...(riskLevel ? { riskLevel } : {}) });
  return person.id;
}

async function generate(session = manager) {
  const response = await session.inject({ method: 'POST', url: '/api/tasks/generate', payload: {} });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ created: number; satisfied: number; cancelled: number }>();
}

async function tasksOf(personId: string, status: 'open' | 'done' = 'open'): Promise<Task[]> {
  const response = await manager.inject({ method: 'GET', url: `/api/tasks?assignee=all&personId=${personId}&status=${status}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: Task[] }>().items;
}

function call(personId: string, extra: Record<string, unknown> = {}) {
  return { personId, kind: 'phone', serviceTypes: ['companionship'], startedAt: t.clock.now().toISOString(), durationMinutes: 10, summary: '电话问候，身体尚好。', ...extra };
}

describe('plan tasks', () => {
  it('a high-risk solitary elder gets a call and a visit due today, given to the village worker', async () => {
    const id = await elder('high');
    await generate();
    const tasks = await tasksOf(id);
    expect(tasks.map((task) => task.kind).sort()).toEqual(['home_visit', 'phone']);
    for (const task of tasks) {
      expect(task).toMatchObject({ reason: 'plan', dueDate: '2026-11-29', startOn: '2026-11-29', status: 'open', overdueDays: 0, assignee: { id: workerId }, phone: '13909350000' });
    }
    const mine = (await worker.inject({ method: 'GET', url: '/api/tasks?due=today' })).json<{ items: Task[] }>().items;
    expect(mine.filter((task) => task.personId === id)).toHaveLength(2);
  });

  it('running generation twice, or twice at the same moment, makes no duplicates', async () => {
    const id = await elder('medium');
    const [a, b] = await Promise.all([generate(), generate()]);
    expect(a.created + b.created).toBeGreaterThanOrEqual(2);
    // Two generations straight on the database, concurrently (the job's path, without waiting for the lock).
    const ctx = systemCtx(t.deps);
    const results = await Promise.all([generateForStation(ctx, t.demo.stations.anyuan.id, { wait: false }), generateForStation(ctx, t.demo.stations.anyuan.id, { wait: true })]);
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(0);
    expect(await tasksOf(id)).toHaveLength(2);
    const rows = await t.deps.db.select().from(careTasks).where(and(eq(careTasks.personId, id), eq(careTasks.status, 'open')));
    expect(rows).toHaveLength(2);
  });

  it('a person contacted recently gets the next task only once it is due within the week', async () => {
    const id = await elder('medium');
    expect((await worker.inject({ method: 'POST', url: '/api/services', payload: call(id, { kind: 'home_visit', durationMinutes: 40 }) })).statusCode).toBe(201);
    await generate();
    // Visited today: the call (every 14 days) and the visit (every 30) are both more than a week away.
    expect(await tasksOf(id)).toHaveLength(0);
    await later(8 * 86_400_000, async () => {
      await generate();
      const tasks = await tasksOf(id);
      expect(tasks.map((task) => [task.kind, task.dueDate])).toEqual([['phone', '2026-12-13']]);
    });
  });

  it('a person whose risk was never assessed gets no tasks, and their plan says why', async () => {
    const id = await elder(undefined);
    await generate();
    expect(await tasksOf(id)).toHaveLength(0);
    const plan = (await worker.inject({ method: 'GET', url: `/api/people/${id}/contact-plan` })).json<ContactPlan>();
    expect(plan).toMatchObject({ source: 'none', noPlanReason: 'no_risk_level', plans: [] });
  });

  it('a call recorded without the task closes it at the next generation', async () => {
    const id = await elder('high');
    await generate();
    const [phoneTask] = (await tasksOf(id)).filter((task) => task.kind === 'phone');
    await later(60_000, async () => {
      const service = (await worker.inject({ method: 'POST', url: '/api/services', payload: call(id) })).json<ServiceRecord>();
      const result = await generate();
      expect(result.satisfied).toBeGreaterThanOrEqual(1);
      const done = await tasksOf(id, 'done');
      expect(done.find((task) => task.id === phoneTask!.id)).toMatchObject({ status: 'done', serviceId: service.id });
    });
  });

  it('the open tasks of a person who moves away are cancelled', async () => {
    const id = await elder('high');
    await generate();
    expect(await tasksOf(id)).toHaveLength(2);
    const person = (await worker.inject({ method: 'GET', url: `/api/people/${id}` })).json<{ version: number }>();
    expect((await worker.inject({ method: 'PATCH', url: `/api/people/${id}`, payload: { version: person.version, status: 'moved' } })).statusCode).toBe(200);
    const result = await generate();
    expect(result.cancelled).toBeGreaterThanOrEqual(2);
    expect(await tasksOf(id)).toHaveLength(0);
  });

  it('only a manager may generate; a volunteer sees no tasks of others', async () => {
    expect((await worker.inject({ method: 'POST', url: '/api/tasks/generate', payload: {} })).statusCode).toBe(403);
    const seen = (await volunteer.inject({ method: 'GET', url: '/api/tasks?assignee=all' })).json<{ items: Task[] }>();
    expect(seen.items).toEqual([]);
  });
});

describe('completing a task', () => {
  it('writes its service record in the same transaction, and a retry answers the same', async () => {
    const id = await elder('high');
    await generate();
    const task = (await tasksOf(id)).find((item) => item.kind === 'phone')!;
    const serviceId = uuidv7();
    const body = { service: { id: serviceId, serviceTypes: ['companionship'], startedAt: t.clock.now().toISOString(), durationMinutes: 12, summary: '电话问候：吃得好，睡得好。', wellbeing: 4 } };
    const response = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: body });
    expect(response.statusCode, response.body).toBe(200);
    const reply = response.json<{ task: Task; service: ServiceRecord }>();
    expect(reply.task).toMatchObject({ status: 'done', serviceId, version: task.version + 1 });
    expect(reply.service).toMatchObject({ id: serviceId, personId: id, kind: 'phone', taskId: task.id });

    const again = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: body });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ service: ServiceRecord }>().service.id).toBe(serviceId);
    const rows = await t.deps.db.select().from(serviceRecords).where(eq(serviceRecords.taskId, task.id));
    expect(rows).toHaveLength(1);

    const other = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: { service: { ...body.service, id: uuidv7() } } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('TASK_CLOSED');
  });

  it('two phones completing one task at once make one record; the other is told it is done', async () => {
    const id = await elder('high');
    await generate();
    const task = (await tasksOf(id)).find((item) => item.kind === 'phone')!;
    const body = () => ({ service: { id: uuidv7(), serviceTypes: ['companionship'], startedAt: t.clock.now().toISOString(), durationMinutes: 8, summary: '电话问候' } });
    const [a, b] = await Promise.all([
      worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: body() }),
      manager.inject({ method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: body() }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await t.deps.db.select().from(serviceRecords).where(eq(serviceRecords.taskId, task.id))).toHaveLength(1);
  });

  it('a service the station refuses leaves the task open and writes nothing', async () => {
    const id = await elder('high');
    await generate();
    const task = (await tasksOf(id)).find((item) => item.kind === 'home_visit')!;
    const serviceId = uuidv7();
    const response = await worker.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { service: { id: serviceId, serviceTypes: ['daily_care'], startedAt: t.clock.now().toISOString(), durationMinutes: 30, summary: '探访', volunteerIds: [uuidv7()] } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('volunteerIds.0');
    expect((await tasksOf(id)).find((item) => item.id === task.id)?.status).toBe('open');
    expect(await t.deps.db.select().from(serviceRecords).where(eq(serviceRecords.id, serviceId))).toHaveLength(0);
  });

  it('a record about another person is refused with the field named (English on request)', async () => {
    const id = await elder('high');
    const someoneElse = await elder('high');
    await generate();
    const task = (await tasksOf(id))[0]!;
    const response = await worker.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      headers: { 'accept-language': 'en-US' },
      payload: { service: { personId: someoneElse, serviceTypes: ['companionship'], startedAt: t.clock.now().toISOString(), durationMinutes: 5, summary: 'call' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ path: 'service.personId', message: "The service record must be about the task's person." });
  });

  it('a task of another station is not found, and nothing is written', async () => {
    const id = await elder('high');
    await generate();
    const task = (await tasksOf(id))[0]!;
    const response = await otherWorker.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { service: { serviceTypes: ['companionship'], startedAt: t.clock.now().toISOString(), durationMinutes: 5, summary: '电话' } },
    });
    expect(response.statusCode).toBe(404);
    expect((await tasksOf(id)).find((item) => item.id === task.id)?.status).toBe('open');
  });
});

describe('could not reach, postpone, reassign', () => {
  it('each "could not reach" moves the task to tomorrow and counts; a stale version is refused', async () => {
    const id = await elder('high');
    await generate();
    let task = (await tasksOf(id)).find((item) => item.kind === 'phone')!;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/unreachable`, payload: { version: task.version, note: '电话无人接听' } });
      expect(response.statusCode, response.body).toBe(200);
      task = response.json<Task>();
      expect(task).toMatchObject({ attempts: attempt, startOn: '2026-11-30', dueDate: '2026-11-30', status: 'open' });
    }
    const stale = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/unreachable`, payload: { version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.attempts).toBe(3);
    const detail = (await worker.inject({ method: 'GET', url: `/api/tasks/${task.id}` })).json<{ events: { kind: string; note: string | null; details: { attempt: number; alert: boolean } }[] }>();
    expect(detail.events.map((e) => [e.kind, e.details.attempt, e.details.alert])).toEqual([
      ['unreachable', 1, false],
      ['unreachable', 2, false],
      ['unreachable', 3, true],
    ]);
  });

  it('postponing needs a later day within 90 days and a reason', async () => {
    const id = await elder('high');
    await generate();
    const task = (await tasksOf(id))[0]!;
    const today = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/postpone`, payload: { version: task.version, until: '2026-11-29', reason: '老人去女儿家了' } });
    expect(today.statusCode).toBe(400);
    expect(today.json().error.details[0].path).toBe('until');
    const far = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/postpone`, payload: { version: task.version, until: '2027-06-01', reason: '老人去女儿家了' } });
    expect(far.statusCode).toBe(400);
    const noReason = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/postpone`, payload: { version: task.version, until: '2026-12-05' } });
    expect(noReason.statusCode).toBe(400);
    const ok = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/postpone`, payload: { version: task.version, until: '2026-12-05', reason: '老人去女儿家了' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Task>()).toMatchObject({ dueDate: '2026-12-05', startOn: '2026-12-05', postponedReason: '老人去女儿家了' });
  });

  it('a task goes to another worker or volunteer of the station, never to one of another station', async () => {
    const id = await elder('high');
    await generate();
    const task = (await tasksOf(id))[0]!;
    const staff = (await manager.inject({ method: 'GET', url: '/api/services/staff' })).json<{ workers: { id: string; name: string }[]; volunteers: { id: string }[] }>();
    const managerId = staff.workers.find((w) => w.id !== workerId)!.id;
    const otherId = (await otherWorker.inject({ method: 'GET', url: '/api/auth/me' })).json<{ user: { id: string } }>().user.id;
    const foreign = await manager.inject({ method: 'POST', url: `/api/tasks/${task.id}/reassign`, payload: { version: task.version, assigneeId: otherId } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('assigneeId');
    const same = await manager.inject({ method: 'POST', url: `/api/tasks/${task.id}/reassign`, payload: { version: task.version, assigneeId: workerId } });
    expect(same.statusCode).toBe(400);
    const moved = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/reassign`, payload: { version: task.version, assigneeId: managerId, reason: '我下乡培训' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Task>().assignee?.id).toBe(managerId);
    // The worker no longer holds it: handing it on is the manager's call now.
    const back = await worker.inject({ method: 'POST', url: `/api/tasks/${task.id}/reassign`, payload: { version: task.version + 1, assigneeId: workerId } });
    expect(back.statusCode).toBe(403);
  });
});

describe('settings and personal plans', () => {
  it('a cadence of 0 is refused with the field named, and nothing changes', async () => {
    const settings = (await manager.inject({ method: 'GET', url: '/api/care/settings' })).json<CareSettings>();
    const rules = structuredClone(settings.rules);
    rules.elder.high.phone = 0;
    const response = await manager.inject({ method: 'PUT', url: '/api/care/settings', payload: { version: settings.version, rules } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ path: 'rules.elder.high.phone', message: '联系间隔应为 1 至 365 天。' });
    expect((await manager.inject({ method: 'GET', url: '/api/care/settings' })).json<CareSettings>().version).toBe(settings.version);
  });

  it("the manager's rules decide the plans; a worker may not change them; a stale version gets 409", async () => {
    const settings = (await manager.inject({ method: 'GET', url: '/api/care/settings' })).json<CareSettings>();
    const rules = structuredClone(settings.rules);
    rules.child.low = { phone: 21, home_visit: null };
    expect((await worker.inject({ method: 'PUT', url: '/api/care/settings', payload: { version: settings.version, rules } })).statusCode).toBe(403);
    const saved = await manager.inject({ method: 'PUT', url: '/api/care/settings', payload: { version: settings.version, rules, silenceDays: 30 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<CareSettings>()).toMatchObject({ version: settings.version + 1, silenceDays: 30 });
    const stale = await manager.inject({ method: 'PUT', url: '/api/care/settings', payload: { version: settings.version, silenceDays: 40 } });
    expect(stale.statusCode).toBe(409);
    const child = (await makePerson(worker, { villageId: villages[0]!, birthDate: '2016-05-05', gender: 'male', groups: ['left_behind_child'], riskLevel: 'low' })).id;
    const plan = (await worker.inject({ method: 'GET', url: `/api/people/${child}/contact-plan` })).json<ContactPlan>();
    expect(plan.plans.map((p) => [p.channel, p.everyDays])).toEqual([['phone', 21]]);
  });

  it("when a village changes hands, its open tasks follow to the new worker", async () => {
    const village = villages.at(-1)!;
    const id = await elder('high', village);
    await generate();
    expect((await tasksOf(id)).every((task) => task.assignee?.id === workerId)).toBe(true);
    const managerId = (await manager.inject({ method: 'GET', url: '/api/auth/me' })).json<{ user: { id: string } }>().user.id;
    const settings = (await manager.inject({ method: 'GET', url: '/api/care/settings' })).json<CareSettings>();
    const saved = await manager.inject({ method: 'PUT', url: '/api/care/settings', payload: { version: settings.version, villageWorkers: { [village]: managerId } } });
    expect(saved.statusCode, saved.body).toBe(200);
    const tasks = await tasksOf(id);
    expect(tasks.map((task) => task.assignee?.id)).toEqual([managerId, managerId]);
    const detail = (await manager.inject({ method: 'GET', url: `/api/tasks/${tasks[0]!.id}` })).json<{ events: { kind: string }[] }>();
    expect(detail.events.map((e) => e.kind)).toEqual(['reassigned']);
  });

  it("a village given to a worker of another station is refused", async () => {
    const settings = (await manager.inject({ method: 'GET', url: '/api/care/settings' })).json<CareSettings>();
    const otherId = (await otherWorker.inject({ method: 'GET', url: '/api/auth/me' })).json<{ user: { id: string } }>().user.id;
    const response = await manager.inject({ method: 'PUT', url: '/api/care/settings', payload: { version: settings.version, villageWorkers: { [villages[0]!]: otherId } } });
    expect(response.statusCode).toBe(400);
    const foreignVillage = t.demo.stations.dachaigou.villageIds[0]!;
    const village = await manager.inject({ method: 'PUT', url: '/api/care/settings', payload: { version: settings.version, villageWorkers: { [foreignVillage]: workerId } } });
    expect(village.statusCode).toBe(400);
  });

  it("a person's own plan needs a reason, one plan a channel, and can be returned to the rules", async () => {
    const id = await elder('low');
    const noReason = await manager.inject({ method: 'PUT', url: `/api/people/${id}/contact-plan`, payload: { version: 0, plans: [{ channel: 'phone', everyDays: 3 }], reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const twice = await manager.inject({
      method: 'PUT',
      url: `/api/people/${id}/contact-plan`,
      payload: { version: 0, plans: [{ channel: 'phone', everyDays: 3 }, { channel: 'phone', everyDays: 5 }], reason: '刚出院' },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details[0].path).toBe('plans.1.channel');
    expect((await worker.inject({ method: 'PUT', url: `/api/people/${id}/contact-plan`, payload: { version: 0, plans: [], reason: '刚出院' } })).statusCode).toBe(403);
    const set = await manager.inject({ method: 'PUT', url: `/api/people/${id}/contact-plan`, payload: { version: 0, plans: [{ channel: 'phone', everyDays: 3 }], reason: '刚出院，每三天电话' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<ContactPlan>()).toMatchObject({ source: 'override', version: 1, reason: '刚出院，每三天电话', plans: [{ channel: 'phone', everyDays: 3, responsible: { id: workerId } }] });
    const reset = await manager.inject({ method: 'POST', url: `/api/people/${id}/contact-plan/reset`, payload: { version: 1, reason: '已康复' } });
    expect(reset.statusCode).toBe(200);
    expect(reset.json<ContactPlan>()).toMatchObject({ source: 'rule', version: 0 });
  });
});

describe('festival campaigns', () => {
  async function campaign(body: Record<string, unknown>, session = manager) {
    return session.inject({ method: 'POST', url: '/api/campaigns', payload: body });
  }

  it('makes one task per kind for every active person of the groups, due in the window, and never twice', async () => {
    const people = [await elder('high', villages[0]), await elder(undefined, villages[1]), await elder('low', villages[2], ['empty_nest_elder'])];
    const response = await campaign({ festival: 'spring_festival', groups: ['solitary_elder', 'empty_nest_elder'], kinds: ['phone', 'home_visit'], windowDays: 7 });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<Campaign>();
    expect(created).toMatchObject({ festival: 'spring_festival', year: 2027, date: '2027-02-06', windowStart: '2027-01-30', name: '2027 春节' });
    expect(created.tasksCreated).toBeGreaterThanOrEqual(people.length * 2);
    const tasks = (await manager.inject({ method: 'GET', url: `/api/tasks?assignee=all&campaignId=${created.id}&limit=200` })).json<{ items: Task[] }>().items;
    expect(tasks).toHaveLength(created.tasksCreated);
    for (const person of people) expect(tasks.filter((task) => task.personId === person).map((task) => task.kind).sort()).toEqual(['home_visit', 'phone']);
    expect(tasks.every((task) => task.startOn === '2027-01-30' && task.dueDate === '2027-02-06' && task.reason === 'campaign' && task.campaignName === '2027 春节')).toBe(true);

    const again = await campaign({ festival: 'spring_festival', year: 2027, groups: ['solitary_elder'], kinds: ['phone'], windowDays: 3 });
    expect(again.statusCode).toBe(200);
    expect(again.json<Campaign>()).toMatchObject({ id: created.id, tasksCreated: 0 });
    expect((await manager.inject({ method: 'GET', url: `/api/tasks?assignee=all&campaignId=${created.id}&limit=200` })).json<{ items: Task[] }>().items).toHaveLength(created.tasksCreated);
  });

  it('two managers starting the same festival at once make one campaign', async () => {
    await elder('high');
    const body = { festival: 'dragon_boat', groups: ['solitary_elder'], kinds: ['phone'], windowDays: 5 };
    const [a, b] = await Promise.all([campaign(body), campaign(body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json<Campaign>().id).toBe(b.json<Campaign>().id);
    const tasks = (await manager.inject({ method: 'GET', url: `/api/tasks?assignee=all&campaignId=${a.json<Campaign>().id}&limit=200` })).json<{ items: Task[] }>().items;
    expect(new Set(tasks.map((task) => task.personId)).size).toBe(tasks.length);
  });

  it('shows progress by village and worker and what visits gave', async () => {
    const id = await elder('high', villages[3]);
    const created = (await campaign({ festival: 'lantern', groups: ['solitary_elder'], kinds: ['home_visit'], windowDays: 30 })).json<Campaign>();
    const task = (await manager.inject({ method: 'GET', url: `/api/tasks?assignee=all&campaignId=${created.id}&personId=${id}` })).json<{ items: Task[] }>().items[0]!;
    const done = await worker.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { service: { serviceTypes: ['material_aid'], startedAt: t.clock.now().toISOString(), durationMinutes: 30, summary: '元宵节前入户慰问', goods: '元宵两袋、米一袋' } },
    });
    expect(done.statusCode, done.body).toBe(200);
    const detail = (await manager.inject({ method: 'GET', url: `/api/campaigns/${created.id}` })).json<CampaignDetail>();
    expect(detail.progress.done).toBe(1);
    expect(detail.progress.total).toBe(created.tasksCreated);
    expect(detail.byVillage.reduce((sum, row) => sum + row.total, 0)).toBe(created.tasksCreated);
    expect(detail.byAssignee.find((row) => row.id === workerId)?.done).toBe(1);
    expect(detail.goods).toEqual([expect.objectContaining({ personId: id, goods: '元宵两袋、米一袋' })]);
  });

  it('refuses a group that does not exist, a past festival, a past day, no festival or day, and groups with nobody — writing nothing', async () => {
    const before = await t.deps.db.select().from(careTasks);
    const unknown = await campaign({ festival: 'double_ninth', groups: ['martians'], kinds: ['phone'], windowDays: 7 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('groups.0');
    expect((await campaign({ festival: 'double_ninth', year: 2026, groups: ['elder'], kinds: ['phone'], windowDays: 7 })).statusCode).toBe(400);
    expect((await campaign({ date: '2026-11-01', groups: ['elder'], kinds: ['phone'], windowDays: 7 })).statusCode).toBe(400);
    expect((await campaign({ groups: ['elder'], kinds: ['phone'], windowDays: 7 })).statusCode).toBe(400);
    expect((await campaign({ festival: 'childrens_day', groups: ['elder'], kinds: ['phone'], windowDays: 0 })).statusCode).toBe(400);
    const nobody = await campaign({ festival: 'womens_day', groups: ['minority_girl'], kinds: ['phone'], windowDays: 7 });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.details[0].path).toBe('groups');
    expect((await campaign({ festival: 'double_ninth', groups: ['elder'], kinds: ['phone'], windowDays: 7 }, worker)).statusCode).toBe(403);
    expect(await t.deps.db.select().from(careTasks)).toHaveLength(before.length);
  });

  it('a campaign on a day of its own, and the list of the year', async () => {
    const response = await campaign({ name: '冬季取暖排查', date: '2026-12-15', groups: ['solitary_elder'], kinds: ['home_visit'], windowDays: 14 });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Campaign>()).toMatchObject({ name: '冬季取暖排查', festival: null, year: null, date: '2026-12-15', windowStart: '2026-12-01' });
    const list = (await worker.inject({ method: 'GET', url: '/api/campaigns?year=2026' })).json<{ items: Campaign[] }>().items;
    expect(list.map((c) => c.name)).toContain('冬季取暖排查');
    expect((await otherWorker.inject({ method: 'GET', url: '/api/campaigns?year=2026' })).json<{ items: Campaign[] }>().items).toEqual([]);
  });
});

describe('the festival calendar', () => {
  it("lists the year's festivals computed from the calendars, in the caller's language", async () => {
    const zh = (await worker.inject({ method: 'GET', url: '/api/calendar/festivals?year=2026' })).json<{ code: string; name: string; date: string; calendar: string }[]>();
    expect(zh.find((f) => f.code === 'mid_autumn')).toMatchObject({ date: '2026-09-25', calendar: 'lunar', name: '中秋节' });
    expect(zh.find((f) => f.code === 'losar')).toMatchObject({ date: '2026-02-18', calendar: 'tibetan' });
    expect(zh.find((f) => f.code === 'volunteer_day')).toMatchObject({ date: '2026-12-05', calendar: 'solar' });
    const en = (await volunteer.inject({ method: 'GET', url: '/api/calendar/festivals?year=2027', headers: { 'accept-language': 'en-US' } })).json<{ code: string; name: string; date: string }[]>();
    expect(en.find((f) => f.code === 'spring_festival')).toMatchObject({ date: '2027-02-06', name: 'Spring Festival' });
    expect((await worker.inject({ method: 'GET', url: '/api/calendar/festivals?year=abc' })).statusCode).toBe(400);
  });
});

describe('listing tasks', () => {
  it('pages through open tasks earliest due first without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let previous = '';
    do {
      const response = await manager.inject({ method: 'GET', url: `/api/tasks?assignee=all&limit=3${cursor ? `&cursor=${cursor}` : ''}` });
      expect(response.statusCode).toBe(200);
      const page = response.json<{ items: Task[]; nextCursor: string | null }>();
      for (const task of page.items) {
        expect(seen.has(task.id)).toBe(false);
        expect(task.dueDate >= previous).toBe(true);
        previous = task.dueDate;
        seen.add(task.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBeGreaterThan(3);
  });

  it('due=overdue lists what is past its day once the clock moves on', async () => {
    const id = await elder('high');
    await generate();
    await later(3 * 86_400_000, async () => {
      const overdue = (await worker.inject({ method: 'GET', url: '/api/tasks?due=overdue&limit=200' })).json<{ items: Task[] }>().items;
      const mine = overdue.filter((task) => task.personId === id);
      expect(mine).toHaveLength(2);
      expect(mine[0]!.overdueDays).toBe(3);
    });
  });
});
