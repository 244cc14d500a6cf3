import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeTestApp, type Session, type TestApp } from '../../testing/test-app';
import { auditEvents, cases } from '../../db/schema/index';
import type { Case } from '../../../shared/schemas/cases';

let t: TestApp;
let worker: Session;
let manager: Session;
let village: string;

const intake = { source: 'home_visit', presentingProblem: '独居老人冬季取暖困难', basicSituation: '老人独居，儿子在兰州打工，每月来电一次', consent: true, consentBy: 'self', intakeOn: '2026-11-29' };
const assessment = {
  problems: ['煤炉取暖有一氧化碳风险', '情绪低落'],
  needs: ['daily_care', 'companionship'],
  strengths: '生活能自理，愿意接受帮助',
  risks: '冬季一氧化碳中毒',
  riskLevel: 'high',
  familySupport: '儿子每月来电，很少回家',
  socialSupport: '邻居偶尔照看',
  assessedOn: '2026-11-29',
};
const plan = {
  goals: [
    {
      id: 'g1',
      description: '冬季取暖安全',
      measure: '安装一氧化碳报警器，每周电话提醒开窗',
      targetDate: '2027-01-31',
      interventions: [{ serviceType: 'resource_linking', who: '社工', frequency: '一次', byDate: '2026-12-15' }],
    },
    {
      id: 'g2',
      description: '情绪改善',
      measure: '每周陪伴聊天，情绪评分提高到 4',
      targetDate: '2027-02-28',
      interventions: [{ serviceType: 'companionship', who: '志愿者', frequency: '每周一次', byDate: '2027-02-28' }],
    },
  ],
  clientAgreed: true,
  agreedOn: '2026-11-29',
};
const evaluation = { goals: [{ goalId: 'g1', result: 'met' }, { goalId: 'g2', result: 'partly', note: '仍需陪伴' }], clientView: '很满意', workerView: '目标基本达成', evaluatedOn: '2026-11-29' };
const closure = { reason: 'goals_met', summary: '取暖安全问题解决，情绪好转', followUpPlan: '纳入每月探访', closedOn: '2026-11-29' };

async function newPerson(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await worker.inject({ method: 'POST', url: '/api/people', payload: { name, villageId: village, birthDate: '1948-05-05', gender: 'female', groups: ['elder', 'solitary_elder'], ...extra } });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

async function open(personId: string, session = worker): Promise<Case> {
  const response = await session.inject({ method: 'POST', url: '/api/cases', payload: { personId, source: 'home_visit', presentingProblem: '独居老人冬季取暖困难' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Case>();
}

async function save(session: Session, item: Case, kind: string, content: unknown): Promise<Case> {
  const response = await session.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/${kind}`, payload: { version: item.version, content } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Case>();
}

async function move(session: Session, item: Case, to: string) {
  return session.inject({ method: 'POST', url: `/api/cases/${item.id}/transition`, payload: { to, version: item.version } });
}

async function moveOk(session: Session, item: Case, to: string): Promise<Case> {
  const response = await move(session, item, to);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Case>();
}

beforeAll(async () => {
  t = await makeTestApp();
  worker = await t.login('anyuan.worker');
  manager = await t.login('anyuan.manager');
  village = t.demo.stations.anyuan.villageIds[0]!;
});
afterAll(async () => {
  await t.close();
});

describe('opening a case', () => {
  it('starts at intake with the intake record begun, the worker responsible and a review in 30 days for a high-risk person', async () => {
    const personId = await newPerson('马秀珍', { riskLevel: 'high' });
    const item = await open(personId);
    expect(item).toMatchObject({
      personId,
      personName: '马秀珍',
      stage: 'intake',
      version: 1,
      worker: { id: t.demo.userIds['anyuan.worker'] },
      nextReviewOn: '2026-12-29',
      reviewOverdue: false,
      documents: { intake: { source: 'home_visit', presentingProblem: '独居老人冬季取暖困难', intakeOn: '2026-11-29' }, plan: null },
    });
    expect(item.missing.intake.map((m) => m.path)).toEqual(['basicSituation', 'consent', 'consentBy']);
    expect(item.history).toMatchObject([{ kind: 'opened', toStage: 'intake' }]);
  });

  it('a person out of scope is 404; a responsible worker of another station is 400', async () => {
    const personId = await newPerson('王兰英');
    const other = await t.login('dachaigou.worker');
    expect((await other.inject({ method: 'POST', url: '/api/cases', payload: { personId, source: 'self', presentingProblem: 'x' } })).statusCode).toBe(404);
    const response = await worker.inject({ method: 'POST', url: '/api/cases', payload: { personId, source: 'self', presentingProblem: 'x', workerId: t.demo.userIds['dachaigou.worker'] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'workerId', message: '该社工不属于本站，或账号已停用。' }]);
  });
});

describe('the casework process', () => {
  it('walks from intake to closure, each step checked, closing approved by the manager', async () => {
    const personId = await newPerson('李桂英', { riskLevel: 'medium' });
    let item = await open(personId);

    // Skipping a step, or leaving intake with its record incomplete, is refused with what is missing.
    const skip = await move(worker, item, 'planning');
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.code).toBe('STAGE_ORDER');
    const incomplete = await move(worker, item, 'assessment');
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error).toMatchObject({ code: 'DOCUMENT_INCOMPLETE', details: expect.arrayContaining([{ path: 'intake.consent', message: '需要服务对象（或监护人）的知情同意。' }]) });

    // A document of a later stage cannot be written yet.
    const early = await worker.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/plan`, payload: { version: item.version, content: plan } });
    expect(early.statusCode).toBe(400);

    item = await save(worker, item, 'intake', intake);
    item = await moveOk(worker, item, 'assessment');
    item = await save(worker, item, 'assessment', assessment);
    // The assessment found high risk: the next review comes sooner.
    expect(item.nextReviewOn).toBe('2026-12-29');
    item = await moveOk(worker, item, 'planning');
    item = await save(worker, item, 'plan', plan);
    item = await moveOk(worker, item, 'intervention');

    const noServices = await move(worker, item, 'evaluation');
    expect(noServices.json().error).toMatchObject({ code: 'DOCUMENT_INCOMPLETE', details: [{ path: 'services' }] });
    const service = await worker.inject({
      method: 'POST',
      url: '/api/services',
      payload: { personId, caseId: item.id, goalIds: ['g1'], kind: 'home_visit', serviceTypes: ['resource_linking'], startedAt: '2026-11-29T09:00:00+08:00', durationMinutes: 60, summary: '联系供暖公司安装报警器' },
    });
    expect(service.statusCode, service.body).toBe(201);
    const unknownGoal = await worker.inject({
      method: 'POST',
      url: '/api/services',
      payload: { personId, caseId: item.id, goalIds: ['g9'], kind: 'phone', serviceTypes: ['companionship'], startedAt: '2026-11-29T09:00:00+08:00', durationMinutes: 5, summary: 'x' },
    });
    expect(unknownGoal.json().error.details).toEqual([{ path: 'goalIds.0', message: '服务计划中没有这个目标。' }]);

    item = (await worker.inject({ method: 'GET', url: `/api/cases/${item.id}` })).json<Case>();
    expect(item.goalProgress).toMatchObject([
      { goalId: 'g1', serviceCount: 1, result: null, overdue: false },
      { goalId: 'g2', serviceCount: 0 },
    ]);
    expect(item.lastContactAt).toBe('2026-11-29T01:00:00.000Z');
    item = await moveOk(worker, item, 'evaluation');
    item = await save(worker, item, 'evaluation', evaluation);
    item = await save(worker, item, 'closure', closure);

    // A worker cannot close; they ask the manager.
    expect((await move(worker, item, 'closed')).statusCode).toBe(403);
    const asked = await worker.inject({ method: 'POST', url: `/api/cases/${item.id}/close-request`, payload: { version: item.version, note: '目标达成，申请结案' } });
    expect(asked.statusCode, asked.body).toBe(200);
    item = asked.json<Case>();
    expect(item.closeRequest).toMatchObject({ by: { id: t.demo.userIds['anyuan.worker'] }, note: '目标达成，申请结案' });
    const waiting = (await manager.inject({ method: 'GET', url: '/api/cases?closeRequested=true' })).json<{ items: { id: string }[] }>().items;
    expect(waiting.map((c) => c.id)).toContain(item.id);

    item = await moveOk(manager, item, 'closed');
    expect(item).toMatchObject({ stage: 'closed', closureReason: 'goals_met', approvedBy: { id: t.demo.userIds['anyuan.manager'] }, closeRequest: null, nextReviewOn: null });
    expect(item.closedAt).not.toBeNull();
    expect(item.history.map((h) => h.kind)).toEqual([
      'opened',
      'document_saved',
      'transition',
      'document_saved',
      'transition',
      'document_saved',
      'transition',
      'transition',
      'document_saved',
      'document_saved',
      'close_requested',
      'closed',
    ]);

    // A closed case is evidence: no more changes, no more services linked.
    const late = await worker.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/closure`, payload: { version: item.version, content: closure } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('CASE_CLOSED');
    const lateService = await worker.inject({
      method: 'POST',
      url: '/api/services',
      payload: { personId, caseId: item.id, kind: 'phone', serviceTypes: ['companionship'], startedAt: '2026-11-29T10:00:00+08:00', durationMinutes: 5, summary: '回访' },
    });
    expect(lateService.json().error.details).toEqual([{ path: 'caseId', message: '个案已结案，不能再关联新的服务。' }]);
    // …but a record made during the case can still be corrected.
    const fixed = await worker.inject({ method: 'PATCH', url: `/api/services/${service.json<{ id: string }>().id}`, payload: { version: 1, summary: '联系供暖公司安装一氧化碳报警器' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const audits = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, item.id), eq(auditEvents.action, 'case.close')));
    expect(audits).toHaveLength(1);
  });

  it('closes early only for an early reason, and the evaluation may send a case back to planning', async () => {
    let item = await open(await newPerson('张翠花'));
    item = await save(worker, item, 'intake', intake);
    item = await moveOk(worker, item, 'assessment');
    item = await save(worker, item, 'closure', closure);
    const goalsMet = await move(manager, item, 'closed');
    expect(goalsMet.statusCode).toBe(400);
    expect(goalsMet.json().error).toMatchObject({ code: 'STAGE_ORDER', details: [{ path: 'closure.reason' }] });
    item = await save(worker, item, 'closure', { ...closure, reason: 'moved', summary: '老人随子女迁往兰州' });
    item = await moveOk(manager, item, 'closed');
    expect(item.closureReason).toBe('moved');
  });

  it('declining a closure request keeps the case open with the reason in its history', async () => {
    let item = await open(await newPerson('赵玉兰'));
    item = await save(worker, item, 'closure', { ...closure, reason: 'declined', summary: '老人拒绝继续服务' });
    item = (await worker.inject({ method: 'POST', url: `/api/cases/${item.id}/close-request`, payload: { version: item.version } })).json<Case>();
    expect((await worker.inject({ method: 'POST', url: `/api/cases/${item.id}/close-request/decline`, payload: { version: item.version, reason: 'x' } })).statusCode).toBe(403);
    const declined = await manager.inject({ method: 'POST', url: `/api/cases/${item.id}/close-request/decline`, payload: { version: item.version, reason: '请先再做一次入户沟通' } });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json<Case>()).toMatchObject({ stage: 'intake', closeRequest: null });
    expect(declined.json<Case>().history.at(-1)).toMatchObject({ kind: 'close_declined', note: '请先再做一次入户沟通' });
  });
});

describe('working on a case together', () => {
  it('two workers editing the plan at once: the second gets 409 with the current plan, nothing lost', async () => {
    let item = await open(await newPerson('韩梅'));
    item = await save(worker, item, 'intake', intake);
    item = await moveOk(worker, item, 'assessment');
    item = await save(worker, item, 'assessment', assessment);
    item = await moveOk(worker, item, 'planning');
    const colleague = await manager.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/plan`, payload: { version: item.version, content: plan } });
    expect(colleague.statusCode).toBe(200);
    const mine = await worker.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/plan`, payload: { version: item.version, content: { goals: [{ id: 'g1', description: '我的版本' }] } } });
    expect(mine.statusCode).toBe(409);
    expect(mine.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { documents: { plan: { goals: [{ description: '冬季取暖安全' }, { description: '情绪改善' }] } } } } });
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, item.id));
    expect(row!.plan).toMatchObject({ goals: [{ id: 'g1', description: '冬季取暖安全' }, { id: 'g2' }] });
  });

  it('a plan with two goals of one key, or a malformed document, is 400 naming the field', async () => {
    let item = await open(await newPerson('杨丽'));
    const bad = await worker.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/intake`, payload: { version: item.version, content: { consent: 'yes', intakeOn: '2026-13-01' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['consent', 'intakeOn']));
    item = await save(worker, item, 'intake', intake);
    item = await moveOk(worker, item, 'assessment');
    item = await save(worker, item, 'assessment', assessment);
    item = await moveOk(worker, item, 'planning');
    const twice = await worker.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/plan`, payload: { version: item.version, content: { goals: [{ id: 'a' }, { id: 'a' }] } } });
    expect(twice.json().error.details).toEqual([{ path: 'goals.1.id', message: '目标编号重复。' }]);
  });

  it('a case is transferred to another worker of the station, with the history kept', async () => {
    const item = await open(await newPerson('冯秀兰'));
    const response = await manager.inject({ method: 'POST', url: `/api/cases/${item.id}/transfer`, payload: { version: item.version, workerId: t.demo.userIds['anyuan.manager'], reason: '原社工休产假' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Case>()).toMatchObject({ worker: { id: t.demo.userIds['anyuan.manager'] } });
    expect(response.json<Case>().history.at(-1)).toMatchObject({ kind: 'transferred', note: '原社工休产假' });
    const outside = await manager.inject({ method: 'POST', url: `/api/cases/${item.id}/transfer`, payload: { version: 2, workerId: t.demo.userIds['dachaigou.worker'], reason: 'x' } });
    expect(outside.statusCode).toBe(400);
  });

  it('a referral is recorded, and its outcome later', async () => {
    const item = await open(await newPerson('邓桂芳'));
    const referred = await worker.inject({
      method: 'POST',
      url: `/api/cases/${item.id}/referrals`,
      payload: { version: item.version, to: '县医院康复科', reason: '需要康复评估', materialsSent: '接案登记表、需求评估表', consent: true, referredOn: '2026-11-29' },
    });
    expect(referred.statusCode, referred.body).toBe(200);
    const referral = referred.json<Case>().referrals[0]!;
    expect(referral).toMatchObject({ to: '县医院康复科', outcome: null });
    const outcome = await worker.inject({ method: 'PUT', url: `/api/cases/${item.id}/referrals/${referral.id}`, payload: { version: 2, outcome: '已接收，每周康复两次', outcomeOn: '2026-12-10' } });
    expect(outcome.statusCode, outcome.body).toBe(200);
    expect(outcome.json<Case>().referrals[0]).toMatchObject({ outcome: '已接收，每周康复两次', outcomeOn: '2026-12-10' });
  });
});

describe('dynamic review', () => {
  it('an overdue review shows in the worker’s and manager’s lists until it is done', async () => {
    const item = await open(await newPerson('孙凤英', { riskLevel: 'high' }));
    t.clock.advance(31 * 86_400_000);
    try {
      worker = await t.login('anyuan.worker');
      manager = await t.login('anyuan.manager');
      const mine = (await worker.inject({ method: 'GET', url: '/api/cases?mine=true&reviewDue=true' })).json<{ items: { id: string; reviewOverdue: boolean }[] }>().items;
      expect(mine.find((c) => c.id === item.id)).toMatchObject({ reviewOverdue: true });
      const station = (await manager.inject({ method: 'GET', url: '/api/cases?reviewDue=true' })).json<{ items: { id: string }[] }>().items;
      expect(station.map((c) => c.id)).toContain(item.id);
      const past = await worker.inject({ method: 'POST', url: `/api/cases/${item.id}/reviews`, payload: { version: item.version, note: 'x', nextReviewOn: '2026-12-01' } });
      expect(past.statusCode).toBe(400);
      const reviewed = await worker.inject({ method: 'POST', url: `/api/cases/${item.id}/reviews`, payload: { version: item.version, note: '取暖已改善，风险仍高' } });
      expect(reviewed.statusCode, reviewed.body).toBe(200);
      expect(reviewed.json<Case>()).toMatchObject({ nextReviewOn: '2027-01-29', reviewOverdue: false });
      const after = (await worker.inject({ method: 'GET', url: '/api/cases?mine=true&reviewDue=true' })).json<{ items: { id: string }[] }>().items;
      expect(after.map((c) => c.id)).not.toContain(item.id);
    } finally {
      t.clock.advance(-31 * 86_400_000);
      worker = await t.login('anyuan.worker');
      manager = await t.login('anyuan.manager');
    }
  });
});

describe('who sees casework', () => {
  it('volunteers and county users get 403 for cases; reading a case is audited', async () => {
    const item = await open(await newPerson('周玉珍'));
    for (const username of ['anyuan.volunteer', 'county']) {
      const session = await t.login(username);
      expect((await session.inject({ method: 'GET', url: `/api/cases/${item.id}` })).statusCode).toBe(403);
      expect((await session.inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(403);
    }
    await worker.inject({ method: 'GET', url: `/api/cases/${item.id}` });
    const reads = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'case.read'), eq(auditEvents.entityId, item.id)));
    expect(reads).toHaveLength(1);
  });

  it('the same client id opens one case', async () => {
    const personId = await newPerson('吴秀梅');
    const id = '01937c2e-0000-7000-8000-00000000c0de';
    const body = { id, personId, source: 'village', presentingProblem: '村委反映老人无人照顾' };
    expect((await worker.inject({ method: 'POST', url: '/api/cases', payload: body })).statusCode).toBe(201);
    expect((await worker.inject({ method: 'POST', url: '/api/cases', payload: body })).statusCode).toBe(200);
    expect(await t.deps.db.select().from(cases).where(eq(cases.id, id))).toHaveLength(1);
  });
});
