import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction, systemCtx } from '../../context';
import { makeTestApp, type Session, type TestApp } from '../../testing/test-app';
import { makePerson } from '../../testing/factories';
import { auditEvents, needs } from '../../db/schema/index';
import { readWorkbook } from '../people/import/import-testing';
import type { Need, NeedsSummary, Ranking } from '../../../shared/schemas/needs';
import type { Case } from '../../../shared/schemas/cases';
import { registerNeeds } from './needs.service';

let t: TestApp;
let worker: Session;
let otherWorker: Session;
let village: string;
let otherVillage: string;

async function elder(name?: string): Promise<string> {
  return (await makePerson(worker, { villageId: village, birthDate: '1950-03-03', gender: 'female', groups: ['elder'], ...(name ? { name } : {}) })).id;
}

async function createNeed(payload: Record<string, unknown>, session = worker) {
  return session.inject({ method: 'POST', url: '/api/needs', payload });
}

async function newNeed(personId: string, needType: string, extra: Record<string, unknown> = {}): Promise<Need> {
  const response = await createNeed({ personId, needType, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Need>();
}

async function patch(need: Pick<Need, 'id' | 'version'>, body: Record<string, unknown>, session = worker) {
  return session.inject({ method: 'PATCH', url: `/api/needs/${need.id}`, payload: { version: need.version, ...body } });
}

async function list(query: string, session = worker): Promise<{ items: Need[]; nextCursor: string | null }> {
  const response = await session.inject({ method: 'GET', url: `/api/needs?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function recordService(personId: string, serviceTypes: string[], startedAt: string): Promise<string> {
  const response = await worker.inject({
    method: 'POST',
    url: '/api/services',
    payload: { personId, kind: 'home_visit', serviceTypes, startedAt, durationMinutes: 30, summary: '入户服务' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, entityId));
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await makeTestApp();
  worker = await t.login('anyuan.worker');
  otherWorker = await t.login('dachaigou.worker');
  village = t.demo.stations.anyuan.villageIds[0]!;
  otherVillage = t.demo.stations.anyuan.villageIds[1]!;
});
afterAll(async () => {
  await t.close();
});

describe('registering a need by hand', () => {
  it('makes an identified need, audited, and a second registration of the open need answers the same one', async () => {
    const personId = await elder('马秀兰');
    const created = await newNeed(personId, 'healthcare', { note: '高血压，需要定期测量' });
    expect(created).toMatchObject({
      person: { id: personId, name: '马秀兰' },
      villageId: village,
      needType: 'healthcare',
      status: 'identified',
      source: 'visit',
      sourceId: null,
      note: '高血压，需要定期测量',
      identifiedAt: t.clock.now().toISOString(),
      identifiedBy: { id: t.demo.userIds['anyuan.worker'] },
      answeredBy: null,
      version: 1,
    });
    expect(created.villageName).toEqual(expect.any(String));
    expect(await auditActions(created.id)).toEqual(['need.create']);

    const again = await createNeed({ personId, needType: 'healthcare', source: 'survey' });
    expect(again.statusCode).toBe(200);
    expect(again.json<Need>().id).toBe(created.id);
    const rows = await t.deps.db.select().from(needs).where(eq(needs.personId, personId));
    expect(rows).toHaveLength(1);
  });

  it("is idempotent by the client's id: the same need again is 200, another need under that id is 409", async () => {
    const personId = await elder();
    const id = uuidv7();
    const first = await createNeed({ id, personId, needType: 'daily_care' });
    expect(first.statusCode).toBe(201);
    expect(first.json<Need>().id).toBe(id);
    const retry = await createNeed({ id, personId, needType: 'daily_care' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json<Need>().id).toBe(id);
    const clash = await createNeed({ id, personId, needType: 'companionship' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('DUPLICATE');
  });

  it('a person the caller cannot see is bad input naming personId; unknown fields and need types are refused', async () => {
    const personId = await elder();
    const other = await createNeed({ personId, needType: 'healthcare' }, otherWorker);
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details).toEqual([{ path: 'personId', message: '服务对象不存在或不在您的权限范围内。' }]);
    expect((await createNeed({ personId, needType: 'flying' })).statusCode).toBe(400);
    expect((await createNeed({ personId, needType: 'healthcare', status: 'met' })).statusCode).toBe(400);
  });
});

describe('registering the needs a response or an assessment found', () => {
  it("adds only the types the person does not have open, each once and audited, in the caller's transaction", async () => {
    const personId = await elder();
    const open = await newNeed(personId, 'healthcare');
    const ctx = systemCtx(t.deps);
    const input = {
      stationId: t.demo.stations.anyuan.id,
      personId,
      villageId: village,
      needTypes: ['healthcare', 'recreation', 'recreation', 'digital_skills'] as const,
      source: 'survey' as const,
      sourceId: uuidv7(),
      identifiedBy: t.demo.userIds['anyuan.worker']!,
    };
    const ids = await inTransaction(ctx, (tx) => registerNeeds(tx, input));
    expect(ids).toHaveLength(2);
    const rows = await t.deps.db.select().from(needs).where(eq(needs.personId, personId));
    expect(rows.map((r) => `${r.needType}:${r.source}`).sort()).toEqual(['digital_skills:survey', 'healthcare:visit', 'recreation:survey']);
    expect(rows.find((r) => r.id === open.id)!.version).toBe(1);
    for (const id of ids) expect(await auditActions(id)).toEqual(['need.create']);
    // Everything open already: nothing new, nothing audited.
    expect(await inTransaction(ctx, (tx) => registerNeeds(tx, input))).toEqual([]);
    // A rolled-back transaction leaves no need behind.
    await expect(
      inTransaction(ctx, async (tx) => {
        await registerNeeds(tx, { ...input, needTypes: ['policy_access'] });
        throw new Error('the intake failed');
      }),
    ).rejects.toThrow('the intake failed');
    expect((await list(`personId=${personId}&needType=policy_access`)).items).toEqual([]);
  });

  it('two registrations of the same need at once make one need', async () => {
    const personId = await elder();
    const [a, b] = await Promise.all([createNeed({ personId, needType: 'family_health' }), createNeed({ personId, needType: 'family_health' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json<Need>().id).toBe(b.json<Need>().id);
    const ctx = systemCtx(t.deps);
    const input = { stationId: t.demo.stations.anyuan.id, personId, villageId: village, needTypes: ['employment'] as const, source: 'survey' as const, sourceId: null, identifiedBy: t.demo.userIds['anyuan.worker']! };
    const made = await Promise.all([inTransaction(ctx, (tx) => registerNeeds(tx, input)), inTransaction(ctx, (tx) => registerNeeds(tx, input))]);
    expect(made.flat()).toHaveLength(1);
    expect((await list(`personId=${personId}`)).items.map((n) => n.needType).sort()).toEqual(['employment', 'family_health']);
  });
});

describe('moving a need on', () => {
  it('follows identified → being served → met, records when the status changed, audits each move', async () => {
    const personId = await elder();
    let need = await newNeed(personId, 'companionship');
    t.clock.advanceMinutes(5);
    const serving = await patch(need, { status: 'being_served', note: '每周电话陪伴' });
    expect(serving.statusCode, serving.body).toBe(200);
    need = serving.json<Need>();
    expect(need).toMatchObject({ status: 'being_served', note: '每周电话陪伴', version: 2, statusChangedAt: t.clock.now().toISOString() });
    expect(need.identifiedAt).not.toBe(need.statusChangedAt);

    // A note alone leaves the status and its time as they were.
    t.clock.advanceMinutes(5);
    const noted = (await patch(need, { note: '改为每周两次' })).json<Need>();
    expect(noted).toMatchObject({ status: 'being_served', note: '改为每周两次', version: 3, statusChangedAt: need.statusChangedAt });

    const met = (await patch(noted, { status: 'met' })).json<Need>();
    expect(met.status).toBe('met');
    expect(await auditActions(need.id)).toEqual(['need.create', 'need.update', 'need.update', 'need.update']);
  });

  it('refuses a move NEED_TRANSITIONS does not allow, and a stale version with the current need', async () => {
    const personId = await elder();
    const need = await newNeed(personId, 'recreation');
    const met = (await patch(need, { status: 'met' })).json<Need>();
    const bad = await patch(met, { status: 'unmet' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'status', message: expect.stringContaining('已识别→服务中') }]);

    const stale = await patch(need, { status: 'being_served' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.current).toMatchObject({ id: need.id, status: 'met', version: 2 });

    // An emptied note is no note.
    const noted = (await patch(met, { note: '已参加社区活动' })).json<Need>();
    expect((await patch(noted, { note: '' })).json<Need>()).toMatchObject({ note: null, status: 'met', version: 4 });
  });

  it('reopens a met need, unless the person has opened the need again since (409 DUPLICATE)', async () => {
    const personId = await elder();
    const first = await newNeed(personId, 'anti_fraud');
    const met = (await patch(first, { status: 'met' })).json<Need>();
    const reopened = await patch(met, { status: 'identified' });
    expect(reopened.statusCode).toBe(200);
    const closedAgain = (await patch(reopened.json<Need>(), { status: 'unmet' })).json<Need>();

    // Identified anew while the old one stays unmet: a second need of the type.
    const second = await newNeed(personId, 'anti_fraud');
    expect(second.id).not.toBe(first.id);
    const clash = await patch(closedAgain, { status: 'being_served' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'DUPLICATE', details: { existingId: second.id } });
  });

  it('a need of another station is 404 to read and to change', async () => {
    const need = await newNeed(await elder(), 'healthcare');
    expect((await otherWorker.inject({ method: 'GET', url: `/api/needs/${need.id}` })).statusCode).toBe(404);
    expect((await patch(need, { status: 'met' }, otherWorker)).statusCode).toBe(404);
  });
});

describe('the register', () => {
  it('reading a need is audited; lists filter by person, type, status and open, newest first in keyset pages', async () => {
    const personId = await elder();
    const a = await newNeed(personId, 'healthcare');
    t.clock.advanceMinutes(1);
    const b = await newNeed(personId, 'policy_access');
    t.clock.advanceMinutes(1);
    const c = await newNeed(personId, 'digital_skills');
    await patch(c, { status: 'unmet' });

    const read = await worker.inject({ method: 'GET', url: `/api/needs/${a.id}` });
    expect(read.statusCode).toBe(200);
    expect(await auditActions(a.id)).toContain('need.read');

    expect((await list(`personId=${personId}`)).items.map((n) => n.id)).toEqual([c.id, b.id, a.id]);
    expect(await auditActions(personId)).toContain('need.list');
    expect((await list(`personId=${personId}&open=true`)).items.map((n) => n.id)).toEqual([b.id, a.id]);
    expect((await list(`personId=${personId}&open=false`)).items.map((n) => n.id)).toEqual([c.id]);
    expect((await list(`personId=${personId}&status=unmet`)).items.map((n) => n.id)).toEqual([c.id]);
    expect((await list(`personId=${personId}&needType=policy_access`)).items.map((n) => n.id)).toEqual([b.id]);
    expect((await otherWorker.inject({ method: 'GET', url: `/api/needs?stationId=${t.demo.stations.anyuan.id}` })).statusCode).toBe(404);
    expect((await otherWorker.inject({ method: 'GET', url: `/api/needs?personId=${personId}` })).json<{ items: Need[] }>().items).toEqual([]);

    const first = await list(`personId=${personId}&limit=2`);
    expect(first.items.map((n) => n.id)).toEqual([c.id, b.id]);
    const second = await list(`personId=${personId}&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();
    const bad = await worker.inject({ method: 'GET', url: `/api/needs?cursor=${Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'x'])).toString('base64url')}` });
    expect(bad.statusCode).toBe(400);
  });

  it('filters by village', async () => {
    const here = (await makePerson(worker, { villageId: otherVillage, groups: ['woman'], gender: 'female', birthDate: '1990-01-01' })).id;
    const need = await newNeed(here, 'employment');
    const items = (await list(`villageId=${otherVillage}&limit=200`)).items;
    expect(items.map((n) => n.id)).toContain(need.id);
    expect(items.every((n) => n.villageId === otherVillage)).toBe(true);
  });

  it("answeredBy is the latest record since the need was identified whose types (or their professional parent) answer it; unanswered lists the others", async () => {
    const personId = await elder();
    // A visit before the needs were identified answers none of them.
    await recordService(personId, ['health'], '2026-11-28T10:00:00+08:00');
    const health = await newNeed(personId, 'healthcare');
    const employment = await newNeed(personId, 'employment');
    const care = await newNeed(personId, 'daily_care');
    expect((await list(`personId=${personId}&unanswered=true`)).items.map((n) => n.id).sort()).toEqual([health.id, employment.id, care.id].sort());

    t.clock.advanceMinutes(20);
    const now = t.clock.now().toISOString();
    const first = await recordService(personId, ['health', 'companionship'], new Date(t.clock.now().getTime() - 10 * 60_000).toISOString());
    const latest = await recordService(personId, ['health'], now);
    // digital_skills reports under capacity_building, which answers an employment need.
    const skills = await recordService(personId, ['digital_skills'], now);

    const items = (await list(`personId=${personId}`)).items;
    const byId = new Map(items.map((n) => [n.id, n]));
    expect(byId.get(health.id)!.answeredBy).toEqual({ serviceId: latest, startedAt: now, serviceTypes: ['health'] });
    expect(first).not.toBe(latest);
    expect(byId.get(employment.id)!.answeredBy).toMatchObject({ serviceId: skills, serviceTypes: ['digital_skills'] });
    expect(byId.get(care.id)!.answeredBy).toBeNull();
    expect((await list(`personId=${personId}&unanswered=true`)).items.map((n) => n.id)).toEqual([care.id]);
    expect((await worker.inject({ method: 'GET', url: `/api/needs/${health.id}` })).json<Need>().answeredBy?.serviceId).toBe(latest);

    // A met need is not "unanswered" even without a service: only open needs are.
    await patch(care, { status: 'met' });
    expect((await list(`personId=${personId}&unanswered=true`)).items).toEqual([]);
  });

  it('the summary counts every need type by status, with the open ones no service has answered', async () => {
    const fresh = await makeTestApp();
    try {
      const w = await fresh.login('anyuan.worker');
      const v = fresh.demo.stations.anyuan.villageIds[0]!;
      const p1 = (await makePerson(w, { villageId: v, groups: ['elder'], birthDate: '1950-01-01' })).id;
      const p2 = (await makePerson(w, { villageId: fresh.demo.stations.anyuan.villageIds[1]!, groups: ['elder'], birthDate: '1950-01-01' })).id;
      const make = async (personId: string, needType: string) => (await w.inject({ method: 'POST', url: '/api/needs', payload: { personId, needType } })).json<Need>();
      await make(p1, 'healthcare');
      const served = await make(p2, 'healthcare');
      await w.inject({ method: 'PATCH', url: `/api/needs/${served.id}`, payload: { version: 1, status: 'being_served' } });
      const met = await make(p1, 'recreation');
      await w.inject({ method: 'PATCH', url: `/api/needs/${met.id}`, payload: { version: 1, status: 'met' } });
      fresh.clock.advanceMinutes(10);
      await w.inject({ method: 'POST', url: '/api/services', payload: { personId: p2, kind: 'phone', serviceTypes: ['health'], startedAt: fresh.clock.now().toISOString(), durationMinutes: 10, summary: '提醒复诊' } });

      const summary = (await w.inject({ method: 'GET', url: '/api/needs/summary' })).json<NeedsSummary>();
      expect(summary.items).toHaveLength(17);
      expect(summary.items[0]).toEqual({ needType: 'healthcare', label: '医疗保健', identified: 1, beingServed: 1, met: 0, unmet: 0, unanswered: 1 });
      expect(summary.items.find((i) => i.needType === 'recreation')).toMatchObject({ met: 1, unanswered: 0 });
      expect(summary.items.find((i) => i.needType === 'tutoring')).toEqual({ needType: 'tutoring', label: '作业辅导', identified: 0, beingServed: 0, met: 0, unmet: 0, unanswered: 0 });

      const inVillage = (await w.inject({ method: 'GET', url: `/api/needs/summary?villageId=${v}`, headers: { 'accept-language': 'en-US' } })).json<NeedsSummary>();
      expect(inVillage.items[0]).toEqual({ needType: 'healthcare', label: 'Health care', identified: 1, beingServed: 0, met: 0, unmet: 0, unanswered: 1 });

      const dachaigou = await fresh.login('dachaigou.worker');
      expect((await dachaigou.inject({ method: 'GET', url: `/api/needs/summary?stationId=${fresh.demo.stations.anyuan.id}` })).statusCode).toBe(404);
      expect((await dachaigou.inject({ method: 'GET', url: `/api/needs/summary?villageId=${v}` })).statusCode).toBe(400);
      const own = (await dachaigou.inject({ method: 'GET', url: '/api/needs/summary' })).json<NeedsSummary>();
      expect(own.items.every((i) => i.identified + i.beingServed + i.met + i.unmet === 0)).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('the person timeline shows the needs identified', async () => {
    const personId = await elder();
    const need = await newNeed(personId, 'policy_access');
    const timeline = (await worker.inject({ method: 'GET', url: `/api/people/${personId}/timeline` })).json<{ items: { kind: string; title: string; refId: string }[] }>();
    expect(timeline.items).toContainEqual(expect.objectContaining({ kind: 'need_identified', refId: need.id, title: '识别需求：政策咨询与申请 (走访)' }));
  });
});

describe('who may use the register', () => {
  it('volunteers and the county have no needs permissions', async () => {
    const need = await newNeed(await elder(), 'healthcare');
    // Signed in here: the clock moved on since the file began, past the idle timeout.
    const volunteer = await t.login('anyuan.volunteer');
    const county = await t.login('county');
    const manager = await t.login('anyuan.manager');
    for (const session of [volunteer, county]) {
      expect((await session.inject({ method: 'GET', url: '/api/needs' })).statusCode).toBe(403);
      expect((await session.inject({ method: 'GET', url: '/api/needs/summary' })).statusCode).toBe(403);
      expect((await session.inject({ method: 'GET', url: `/api/needs/${need.id}` })).statusCode).toBe(403);
      expect((await createNeed({ personId: need.person.id, needType: 'recreation' }, session)).statusCode).toBe(403);
      expect((await patch(need, { status: 'met' }, session)).statusCode).toBe(403);
    }
    expect((await manager.inject({ method: 'GET', url: `/api/needs/${need.id}` })).statusCode).toBe(200);
  });
});

describe('a case assessment adds its needs to the register', () => {
  it('saving an assessment with needs registers the new ones, once, with the case as their source', async () => {
    const personId = await elder();
    const opened = await worker.inject({ method: 'POST', url: '/api/cases', payload: { personId, source: 'home_visit', presentingProblem: '独居老人冬季取暖困难' } });
    expect(opened.statusCode, opened.body).toBe(201);
    let item = opened.json<Case>();
    const save = async (content: Record<string, unknown>) => {
      const response = await worker.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/intake`, payload: { version: item.version, content } });
      expect(response.statusCode, response.body).toBe(200);
      item = response.json<Case>();
    };
    await save({ source: 'home_visit', presentingProblem: '独居老人冬季取暖困难', basicSituation: '独居', consent: true, consentBy: 'self', intakeOn: '2026-11-29' });
    const moved = await worker.inject({ method: 'POST', url: `/api/cases/${item.id}/transition`, payload: { to: 'assessment', version: item.version } });
    expect(moved.statusCode, moved.body).toBe(200);
    item = moved.json<Case>();

    const assess = async (needTypes: string[]) => {
      const response = await worker.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/assessment`, payload: { version: item.version, content: { problems: ['取暖不安全'], needs: needTypes, riskLevel: 'medium' } } });
      expect(response.statusCode, response.body).toBe(200);
      item = response.json<Case>();
    };
    await assess(['daily_care', 'companionship']);
    let registered = (await list(`personId=${personId}`)).items;
    expect(registered.map((n) => n.needType).sort()).toEqual(['companionship', 'daily_care']);
    expect(registered.every((n) => n.source === 'assessment' && n.sourceId === item.id && n.status === 'identified')).toBe(true);

    // The companionship need is met; saving the assessment again adds only what it newly names.
    const companionship = registered.find((n) => n.needType === 'companionship')!;
    await patch(companionship, { status: 'met' });
    await assess(['daily_care', 'companionship', 'healthcare']);
    registered = (await list(`personId=${personId}`)).items;
    expect(registered.map((n) => `${n.needType}:${n.status}`).sort()).toEqual(['companionship:met', 'daily_care:identified', 'healthcare:identified']);

    // A stale save changes nothing in the register either.
    const stale = await worker.inject({ method: 'PUT', url: `/api/cases/${item.id}/documents/assessment`, payload: { version: item.version - 1, content: { needs: ['tutoring'] } } });
    expect(stale.statusCode).toBe(409);
    expect((await list(`personId=${personId}&needType=tutoring`)).items).toEqual([]);
  });
});

// -----------------------------------------------------------------------------------------------
// Ranking

const questions = [
  {
    key: 'q1',
    type: 'rank',
    text: '您最需要哪些服务？请按重要程度排序',
    maxChoices: 3,
    options: [
      { value: 'health', label: '医疗保健', needType: 'healthcare' },
      { value: 'edu', label: '老年教育', needType: 'elder_education' },
      { value: 'fun', label: '文体娱乐', needType: 'recreation' },
      { value: 'care', label: '生活照料', needType: 'daily_care' },
    ],
  },
  {
    key: 'q2',
    type: 'multi',
    text: '您还希望学习哪些内容？',
    options: [
      { value: 'phone', label: '智能手机使用', needType: 'digital_skills' },
      { value: 'fraud', label: '防范诈骗', needType: 'anti_fraud' },
      { value: 'none', label: '都不需要' },
    ],
  },
];

interface SurveyFixture {
  surveyId: string;
}

async function makeSurvey(session: Session, audience: string): Promise<SurveyFixture> {
  const response = await session.inject({ method: 'POST', url: '/api/surveys', payload: { title: '老年人服务需求调查', audience, mode: 'questionnaire', questions } });
  expect(response.statusCode, response.body).toBe(201);
  return { surveyId: response.json<{ id: string }>().id };
}

async function respond(session: Session, survey: SurveyFixture, answers: Record<string, string[]>, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  const response = await session.inject({ method: 'POST', url: `/api/surveys/${survey.surveyId}/responses`, payload: { answers, ...extra } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>();
}

describe('the needs ranking', () => {
  let r: TestApp;
  let rWorker: Session;
  let anyuanVillage: string;
  let anyuanVillage2: string;
  let survey: SurveyFixture;

  beforeAll(async () => {
    r = await makeTestApp();
    rWorker = await r.login('anyuan.worker');
    anyuanVillage = r.demo.stations.anyuan.villageIds[0]!;
    anyuanVillage2 = r.demo.stations.anyuan.villageIds[1]!;
    survey = await makeSurvey(rWorker, 'elder');
    const at = (day: string) => ({ collectedAt: `${day}T10:00:00+08:00` });
    await respond(rWorker, survey, { q1: ['health', 'edu', 'fun'], q2: ['phone'] }, { villageId: anyuanVillage, ...at('2026-10-10') });
    await respond(rWorker, survey, { q1: ['health', 'fun'], q2: ['fraud'] }, { villageId: anyuanVillage, ...at('2026-10-20') });
    await respond(rWorker, survey, { q1: ['edu', 'health'] }, { villageId: anyuanVillage, ...at('2026-11-05') });
    await respond(rWorker, survey, { q1: ['fun', 'edu'] }, { villageId: anyuanVillage2, ...at('2026-11-20') });
    // Expresses no need: not a respondent of the ranking.
    await respond(rWorker, survey, { q2: ['none'] }, { villageId: anyuanVillage2, ...at('2026-11-21') });
  });
  afterAll(async () => {
    await r.close();
  });

  const ranking = async (session: Session, query: string, lang = 'zh-CN') => session.inject({ method: 'GET', url: `/api/needs/ranking?${query}`, headers: { 'accept-language': lang } });

  it('ranks by respondents, then first choices, sharing a rank only on a full tie', async () => {
    const response = await ranking(rWorker, 'group=elder');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Ranking>();
    expect(body.group).toBe('elder');
    expect(body.respondents).toBe(4);
    expect(body.items).toEqual([
      { needType: 'healthcare', label: '医疗保健', count: 3, share: 0.75, rank: 1, firstChoice: 2 },
      { needType: 'elder_education', label: '老年教育', count: 3, share: 0.75, rank: 2, firstChoice: 1 },
      { needType: 'recreation', label: '文体娱乐', count: 3, share: 0.75, rank: 2, firstChoice: 1 },
      { needType: 'digital_skills', label: '智能手机使用', count: 1, share: 0.25, rank: 4, firstChoice: 0 },
      { needType: 'anti_fraud', label: '防范诈骗', count: 1, share: 0.25, rank: 4, firstChoice: 0 },
    ]);
    const english = (await ranking(rWorker, 'group=elder', 'en-US')).json<Ranking>();
    expect(english.items[0]!.label).toBe('Health care');
  });

  it('filters by village, period and survey; another group has no respondents', async () => {
    const village2 = (await ranking(rWorker, `group=elder&villageId=${anyuanVillage2}`)).json<Ranking>();
    expect(village2.respondents).toBe(1);
    expect(village2.items.map((i) => [i.needType, i.rank])).toEqual([
      ['recreation', 1],
      ['elder_education', 2],
    ]);
    const november = (await ranking(rWorker, 'group=elder&from=2026-11-01&to=2026-11-30')).json<Ranking>();
    expect(november.respondents).toBe(2);
    expect((await ranking(rWorker, `group=elder&surveyId=${survey.surveyId}`)).json<Ranking>().respondents).toBe(4);
    expect((await ranking(rWorker, 'group=woman')).json<Ranking>()).toEqual({ group: 'woman', respondents: 0, items: [] });
    expect((await ranking(rWorker, 'group=nobody')).statusCode).toBe(400);
  });

  it('another station sees none of it: its station is 404, its village 400; the county ranks over its stations', async () => {
    const dachaigou = await r.login('dachaigou.worker');
    expect((await ranking(dachaigou, 'group=elder')).json<Ranking>().respondents).toBe(0);
    expect((await ranking(dachaigou, `group=elder&stationId=${r.demo.stations.anyuan.id}`)).statusCode).toBe(404);
    const village = await ranking(dachaigou, `group=elder&villageId=${anyuanVillage}`);
    expect(village.statusCode).toBe(400);
    expect(village.json().error.details[0].path).toBe('villageId');

    const countyUser = await r.login('county');
    expect((await ranking(countyUser, 'group=elder')).json<Ranking>().respondents).toBe(4);
    expect((await ranking(countyUser, `group=elder&stationId=${r.demo.stations.anyuan.id}`)).json<Ranking>().respondents).toBe(4);
    expect((await ranking(countyUser, `group=elder&stationId=${r.demo.stations.dachaigou.id}`)).json<Ranking>().respondents).toBe(0);
    // A village of one station with another station named is not a village of that station.
    expect((await ranking(countyUser, `group=elder&stationId=${r.demo.stations.dachaigou.id}&villageId=${anyuanVillage}`)).statusCode).toBe(400);

    const volunteerUser = await r.login('anyuan.volunteer');
    expect((await ranking(volunteerUser, 'group=elder')).statusCode).toBe(403);
    expect((await volunteerUser.inject({ method: 'GET', url: '/api/needs/ranking/export?group=elder' })).statusCode).toBe(403);
  });

  it('exports the ranking as a workbook with a title row, translated headers and shares as percentages (audited)', async () => {
    const response = await rWorker.inject({ method: 'GET', url: '/api/needs/ranking/export?group=elder' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('需求排序-老年人-2026-11-29.xlsx')}`);
    const { rows, workbook } = await readWorkbook(response.rawPayload);
    expect(rows[0]![0]).toContain('老年人需求排序（受访 4 人）');
    expect(rows[0]![0]).toContain('社工站：安远镇社工站');
    expect(rows[1]).toEqual(['排序', '需求', '人数', '占比', '首选人数']);
    expect(rows.slice(2)).toEqual([
      ['1', '医疗保健', '3', '0.75', '2'],
      ['2', '老年教育', '3', '0.75', '1'],
      ['2', '文体娱乐', '3', '0.75', '1'],
      ['4', '智能手机使用', '1', '0.25', '0'],
      ['4', '防范诈骗', '1', '0.25', '0'],
    ]);
    expect(workbook.worksheets[0]!.getCell(3, 4).numFmt).toBe('0.0%');
    const audited = await r.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'needs.ranking.export'), eq(auditEvents.actorUsername, 'anyuan.worker')));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.details).toMatchObject({ format: 'xlsx', filters: { group: 'elder' }, respondents: 4 });

    const english = await rWorker.inject({ method: 'GET', url: `/api/needs/ranking/export?group=elder&villageId=${anyuanVillage2}`, headers: { 'accept-language': 'en-US' } });
    const read = await readWorkbook(english.rawPayload);
    expect(read.rows[1]).toEqual(['Rank', 'Need', 'Respondents', 'Share', 'First choice']);
    expect(read.rows[0]![0]).toContain('Needs ranking: Elder (1 respondent)');
    expect(read.rows[2]).toEqual(['1', 'Culture, sports and recreation', '1', '1', '1']);
  });

  it('draws the ranking as a well-formed SVG bar chart with the need labels, as a download', async () => {
    const response = await rWorker.inject({ method: 'GET', url: '/api/needs/ranking/chart.svg?group=elder' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="needs-ranking.svg"; filename*=UTF-8''${encodeURIComponent('需求排序-老年人-2026-11-29.svg')}`);
    const svg = response.body;
    expect(svg).toMatch(/^<svg [^>]*width="800" height="240"/);
    for (const label of ['医疗保健', '老年教育', '文体娱乐', '智能手机使用', '防范诈骗', '老年人需求排序（受访 4 人）', '75% (3 人)']) expect(svg).toContain(label);
    expect(svg).toContain('Noto Sans CJK SC');
    expectWellFormed(svg);

    const empty = await rWorker.inject({ method: 'GET', url: '/api/needs/ranking/chart.svg?group=woman', headers: { 'accept-language': 'en-US' } });
    expect(empty.body).toContain('Needs ranking: Woman (0 respondents)');
    expectWellFormed(empty.body);
    const dachaigou = await r.login('dachaigou.worker');
    expect((await dachaigou.inject({ method: 'GET', url: `/api/needs/ranking/chart.svg?group=elder&stationId=${r.demo.stations.anyuan.id}` })).statusCode).toBe(404);
  });

  it('a survey named must be in scope; the export names it', async () => {
    const dachaigou = await r.login('dachaigou.worker');
    expect((await ranking(dachaigou, `group=elder&surveyId=${survey.surveyId}`)).statusCode).toBe(404);
    expect((await dachaigou.inject({ method: 'GET', url: `/api/needs/ranking/export?group=elder&surveyId=${survey.surveyId}` })).statusCode).toBe(404);
    const response = await rWorker.inject({ method: 'GET', url: `/api/needs/ranking/export?group=elder&surveyId=${survey.surveyId}&villageId=${anyuanVillage}&from=2026-10-01` });
    const { rows } = await readWorkbook(response.rawPayload);
    expect(rows[0]![0]).toContain('问卷：老年人服务需求调查');
    expect(rows[0]![0]).toContain('时间：2026年10月1日 – …');
    expect(rows[0]![0]).toContain('受访 3 人');
  });

  it("a linked elder's response moves the ranking and puts their needs in the register", async () => {
    const personId = (await makePerson(rWorker, { villageId: anyuanVillage, birthDate: '1949-09-09', gender: 'male', groups: ['elder'] })).id;
    const response = await respond(rWorker, survey, { q1: ['care', 'fun'], q2: ['phone'] }, { personId });
    const body = (await ranking(rWorker, 'group=elder')).json<Ranking>();
    expect(body.respondents).toBe(5);
    expect(body.items.map((i) => [i.needType, i.count, i.rank])).toEqual([
      ['recreation', 4, 1],
      ['healthcare', 3, 2],
      ['elder_education', 3, 3],
      ['digital_skills', 2, 4],
      // Both named once; daily care was put first, so it ranks above fraud prevention.
      ['daily_care', 1, 5],
      ['anti_fraud', 1, 6],
    ]);
    const registered = (await rWorker.inject({ method: 'GET', url: `/api/needs?personId=${personId}` })).json<{ items: Need[] }>().items;
    expect(registered.map((n) => n.needType).sort()).toEqual(['daily_care', 'digital_skills', 'recreation']);
    expect(registered.every((n) => n.source === 'survey' && n.sourceId === response.id)).toBe(true);
  });
});

/** XML well-formedness: every tag closed in order, attributes quoted, every & an entity. */
function expectWellFormed(xml: string): void {
  const open: string[] = [];
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:[a-z]+|#\d+|#x[0-9a-f]+);)/gi;
  let match: RegExpExecArray | null;
  while ((match = token.exec(xml))) {
    const [whole, closing, name, , selfClosing] = match;
    if (whole === '<') throw new Error(`a stray or malformed tag at ${match.index}: ${xml.slice(match.index, match.index + 60)}`);
    if (whole.startsWith('&')) throw new Error(`an unescaped & at ${match.index}`);
    if (!name) continue;
    if (closing) {
      const expected = open.pop();
      if (expected !== name) throw new Error(`</${name}> closes <${expected}>`);
    } else if (!selfClosing) open.push(name);
  }
  expect(open).toEqual([]);
}
