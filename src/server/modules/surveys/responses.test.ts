import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { makeTestApp, type Session, type TestApp } from '../../testing/test-app';
import { makePerson } from '../../testing/factories';
import { auditEvents, needs, surveyResponses } from '../../db/schema/index';
import { verifyAuditChains } from '../../audit/audit';
import type { BatchResponsesReply, Question, Survey, SurveyResponse } from '../../../shared/schemas/surveys';

let t: TestApp;
let worker: Session;
let volunteer: Session;
let county: Session;
let otherWorker: Session;
let village: string;
let survey: Survey;
let elder: { id: string };

const questions: Question[] = [
  {
    key: 'living',
    type: 'single',
    text: '您和谁一起住？',
    required: true,
    options: [
      { value: 'alone', label: '独居' },
      { value: 'spouse', label: '与老伴同住' },
    ],
  },
  { key: 'carer', type: 'text', text: '平时谁照顾您？', required: true, showIf: { key: 'living', equals: 'alone' } },
  {
    key: 'activities',
    type: 'multi',
    text: '喜欢哪些活动？',
    maxChoices: 2,
    options: [
      { value: 'dance', label: '跳舞' },
      { value: 'chess', label: '下棋' },
      { value: 'none', label: '都不喜欢' },
    ],
  },
  {
    key: 'why_none',
    type: 'single',
    text: '为什么不参加？',
    required: true,
    showIf: { key: 'activities', equals: 'none' },
    options: [
      { value: 'ill', label: '身体不好', needType: 'healthcare' },
      { value: 'far', label: '离得远' },
    ],
  },
  { key: 'where_ill', type: 'text', text: '哪里不舒服？', required: true, showIf: { key: 'why_none', equals: 'ill' } },
  { key: 'health', type: 'scale', text: '身体状况打分', scale: { min: 1, max: 5 } },
  { key: 'clinic_minutes', type: 'number', text: '走到卫生室几分钟？', range: { min: 0, max: 600, integer: true } },
  {
    key: 'top_needs',
    type: 'rank',
    text: '最需要哪些帮助？',
    required: true,
    maxChoices: 3,
    options: [
      { value: 'healthcare', label: '医疗保健', needType: 'healthcare' },
      { value: 'elder_education', label: '老年教育', needType: 'elder_education' },
      { value: 'recreation', label: '文体娱乐', needType: 'recreation' },
      { value: 'companionship', label: '精神慰藉', needType: 'companionship' },
    ],
  },
];

const good = { living: 'spouse', activities: ['dance'], health: 4, clinic_minutes: 20, top_needs: ['recreation', 'healthcare'] };

async function post(session: Session, body: Record<string, unknown>, surveyId = survey.id) {
  return session.inject({ method: 'POST', url: `/api/surveys/${surveyId}/responses`, payload: body });
}

beforeAll(async () => {
  t = await makeTestApp();
  worker = await t.login('anyuan.worker');
  volunteer = await t.login('anyuan.volunteer');
  county = await t.login('county');
  otherWorker = await t.login('dachaigou.worker');
  village = t.demo.stations.anyuan.villageIds[0]!;
  survey = (await worker.inject({ method: 'POST', url: '/api/surveys', payload: { title: '老年人需求调查', audience: 'elder', mode: 'interview', questions } })).json<Survey>();
  elder = await makePerson(worker, { name: '马桂兰', villageId: village, birthDate: '1950-03-01', gender: 'female', groups: ['empty_nest_elder'] });
});
afterAll(async () => {
  await t.close();
});

describe('filling in a survey', () => {
  it('a response linked to a person copies their village, sex, age band at the day and groups, records the needs, registers them and is audited', async () => {
    const response = await post(worker, { personId: elder.id, source: 'visit', collectedAt: '2026-11-28T10:00:00+08:00', answers: { ...good, top_needs: ['healthcare', 'companionship'] }, note: '老人精神不错' });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<SurveyResponse>();
    expect(created).toMatchObject({
      surveyId: survey.id,
      stationId: t.demo.stations.anyuan.id,
      versionNumber: 1,
      person: { id: elder.id, name: '马桂兰' },
      villageId: village,
      villageName: expect.any(String),
      gender: 'female',
      ageBand: '70-79',
      groups: ['empty_nest_elder', 'elder'],
      source: 'visit',
      collectedAt: '2026-11-28T02:00:00.000Z',
      collectedBy: { id: t.demo.userIds['anyuan.worker'], name: expect.any(String) },
      answers: { ...good, top_needs: ['healthcare', 'companionship'] },
      needTypes: ['healthcare', 'companionship'],
      note: '老人精神不错',
    });
    const [row] = await t.deps.db.select().from(surveyResponses).where(eq(surveyResponses.id, created.id));
    expect(row!.firstNeedTypes).toEqual(['healthcare']);
    const registered = await t.deps.db.select().from(needs).where(eq(needs.personId, elder.id));
    expect(registered.map((n) => n.needType).sort()).toEqual(['companionship', 'healthcare']);
    expect(registered.every((n) => n.source === 'survey' && n.sourceId === created.id)).toBe(true);
    const audit = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'survey.response.create')));
    expect(audit).toHaveLength(1);
    // The reply was built from what was written: reading it back gives the same.
    const read = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses/${created.id}` })).json<SurveyResponse>();
    expect(read).toEqual(created);
  });

  it('an anonymous response keeps the village, sex and age band given, and the survey’s audience as its group; no need is registered', async () => {
    const before = (await t.deps.db.select().from(needs)).length;
    const created = (await post(worker, { villageId: village, gender: 'male', ageBand: '80+', source: 'group', answers: good })).json<SurveyResponse>();
    expect(created).toMatchObject({ person: null, villageId: village, gender: 'male', ageBand: '80+', groups: ['elder'], source: 'group', needTypes: ['recreation', 'healthcare'] });
    expect((await t.deps.db.select().from(needs)).length).toBe(before);
  });

  it('the same id and content again → 200 with the same response; other content → 409 DUPLICATE', async () => {
    const id = uuidv7();
    const body = { id, villageId: village, answers: good, collectedAt: '2026-11-28T09:00:00+08:00' };
    const first = await post(worker, body);
    expect(first.statusCode).toBe(201);
    t.clock.advance(60_000);
    const again = await post(worker, { ...body, answers: { ...good, carer: null } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await post(worker, { ...body, answers: { ...good, health: 2 } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toMatchObject({ code: 'DUPLICATE', details: { existingId: id } });
    const rows = await t.deps.db.select().from(surveyResponses).where(eq(surveyResponses.id, id));
    expect(rows).toHaveLength(1);
  });

  it('skip logic: a hidden required question need not be answered; answering one is refused naming it; a shown one is required', async () => {
    expect((await post(worker, { answers: good })).statusCode).toBe(201);
    const hidden = await post(worker, { answers: { ...good, carer: '女儿' } });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details).toEqual([{ path: 'answers.carer', message: '按跳题规则此题不应作答。', question: 'carer', questionText: '平时谁照顾您？' }]);
    const missing = await post(worker, { answers: { ...good, living: 'alone' } });
    expect(missing.json().error.details).toEqual([{ path: 'answers.carer', message: '此题为必答题。', question: 'carer', questionText: '平时谁照顾您？' }]);
    expect((await post(worker, { answers: { ...good, living: 'alone', carer: '女儿' } })).statusCode).toBe(201);
  });

  it('skip logic, chained: a question hidden because the one it depends on is hidden is refused when answered', async () => {
    const chained = await post(worker, { answers: { ...good, why_none: 'ill', where_ill: '腿疼' } });
    expect(chained.json().error.details.map((d: { question: string }) => d.question)).toEqual(['why_none', 'where_ill']);
    const shown = await post(worker, { answers: { ...good, activities: ['none'], why_none: 'ill' } });
    expect(shown.json().error.details).toEqual([{ path: 'answers.where_ill', message: '此题为必答题。', question: 'where_ill', questionText: '哪里不舒服？' }]);
    const whole = await post(worker, { answers: { ...good, activities: ['none'], why_none: 'ill', where_ill: '腿疼' } });
    expect(whole.statusCode).toBe(201);
    expect(whole.json<SurveyResponse>().needTypes).toEqual(['healthcare', 'recreation']);
  });

  it.each([
    ['an unknown question', { income: 3000 }, 'income', 'survey.questionUnknown', '问卷中没有这道题。'],
    ['a value not among the options', { living: 'children' }, 'living', 'survey.optionUnknown', '答案不在此题的选项中。'],
    ['a ranking repeating a place', { top_needs: ['healthcare', 'healthcare'] }, 'top_needs', 'survey.rankRepeated', '排序中同一选项出现了不止一次，每个名次只能排一个选项。'],
    ['a ranking over its top N', { top_needs: ['healthcare', 'recreation', 'elder_education', 'companionship'] }, 'top_needs', 'survey.tooManyChoices', '选择的项数超过了此题的上限。'],
    ['too many choices', { activities: ['dance', 'chess', 'none'], why_none: 'far' }, 'activities', 'survey.tooManyChoices', '选择的项数超过了此题的上限。'],
    ['a missing required answer', { top_needs: null }, 'top_needs', 'survey.answerRequired', '此题为必答题。'],
    ['a scale outside its points', { health: 7 }, 'health', 'survey.scaleOut', '分值超出量表范围。'],
    ['a number outside its range', { clinic_minutes: 601 }, 'clinic_minutes', 'survey.numberOut', '数值超出允许的范围。'],
    ['a number not whole', { clinic_minutes: 2.5 }, 'clinic_minutes', 'survey.numberInteger', '此题须填写整数。'],
    ['the wrong shape', { living: ['alone'] }, 'living', 'survey.answerType', '答案的格式与题型不符。'],
  ])('%s → 400 naming the question, nothing written', async (_name, change, key, _messageKey, message) => {
    const id = uuidv7();
    const response = await post(worker, { id, answers: { ...good, ...change } });
    expect(response.statusCode).toBe(400);
    const question = questions.find((q) => q.key === key);
    expect(response.json().error.details).toEqual([{ path: `answers.${key}`, message, question: key, questionText: question?.text ?? null }]);
    expect(await t.deps.db.select().from(surveyResponses).where(eq(surveyResponses.id, id))).toEqual([]);
  });

  it('a survey that is not open, a future time, another station’s village → 400', async () => {
    const draft = (await worker.inject({ method: 'POST', url: '/api/surveys', payload: { title: '草稿', audience: 'elder', mode: 'questionnaire', status: 'draft', questions } })).json<Survey>();
    const closed = await post(worker, { answers: good }, draft.id);
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.details[0].message).toBe('该问卷已结束或尚未发布，不能再提交答卷。');
    const future = await post(worker, { answers: good, collectedAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() });
    expect(future.json().error.details[0]).toMatchObject({ path: 'collectedAt' });
    const phoneAhead = await post(worker, { answers: good, collectedAt: new Date(t.clock.now().getTime() + 5 * 60_000).toISOString() });
    expect(phoneAhead.statusCode).toBe(201);
    const foreign = await post(worker, { answers: good, villageId: t.demo.stations.dachaigou.villageIds[0]! });
    expect(foreign.json().error.details[0]).toMatchObject({ path: 'villageId', message: '本站没有这个村(社区)。' });
  });

  it('a closed survey takes no more responses, but a phone resending one it took before gets it back', async () => {
    const made = (await worker.inject({ method: 'POST', url: '/api/surveys', payload: { title: '将结束的调查', audience: 'elder', mode: 'questionnaire', questions } })).json<Survey>();
    const id = uuidv7();
    const first = await post(worker, { id, answers: good }, made.id);
    expect(first.statusCode).toBe(201);
    await worker.inject({ method: 'PUT', url: `/api/surveys/${made.id}`, payload: { version: 1, status: 'closed' } });
    const again = await post(worker, { id, answers: good }, made.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);
    expect((await post(worker, { answers: good }, made.id)).statusCode).toBe(400);
  });

  it('scope: another station’s worker gets 404; a person outside the caller’s scope is 404; a volunteer responds anonymously', async () => {
    expect((await post(otherWorker, { answers: good })).statusCode).toBe(404);
    const theirs = await makePerson(otherWorker, { villageId: t.demo.stations.dachaigou.villageIds[0]!, birthDate: '1948-01-01', groups: ['elder'] });
    expect((await post(worker, { personId: theirs.id, answers: good })).statusCode).toBe(404);
    // An administrator sees both stations, but a respondent on file must belong to the survey's station.
    const admin = await t.login('admin');
    const mismatch = await post(admin, { personId: theirs.id, answers: good });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details[0]).toMatchObject({ path: 'personId', message: '服务对象不存在或不在您的权限范围内。' });
    const anonymous = await post(volunteer, { villageId: village, answers: good });
    expect(anonymous.statusCode).toBe(201);
    expect(anonymous.json()).toMatchObject({ collectedBy: { id: t.demo.userIds['anyuan.volunteer'] } });
    // A volunteer sees only people paired with them (none here): linking a person is 404.
    expect((await post(volunteer, { personId: elder.id, answers: good })).statusCode).toBe(404);
    expect((await post(county, { answers: good })).statusCode).toBe(403);
  });
});

describe('many phones at once', () => {
  it('responses sent at the same moment by several workers are all taken, each audited under its sender, and the audit chains stay whole', async () => {
    const manager = await t.login('anyuan.manager');
    const senders = [worker, manager, volunteer];
    const ids = Array.from({ length: 24 }, () => uuidv7());
    const replies = await Promise.all(ids.map((id, i) => post(senders[i % 3]!, { id, villageId: village, answers: { ...good, health: 1 + (i % 5) } })));
    expect(replies.map((r) => r.statusCode)).toEqual(ids.map(() => 201));
    // Retries of all of them at once, with one clash among them.
    const again = await Promise.all(ids.map((id, i) => post(senders[i % 3]!, { id, villageId: village, answers: { ...good, health: i === 5 ? 5 : 1 + (i % 5) } })));
    expect(again.map((r) => r.statusCode)).toEqual(ids.map((_, i) => (i === 5 ? 409 : 200)));
    const audits = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.response.create'));
    const byId = new Map(audits.map((a) => [a.entityId, a]));
    expect(ids.map((id, i) => byId.get(id)?.actorUsername === senders[i % 3]!.username)).toEqual(ids.map(() => true));
    expect((await verifyAuditChains(t.deps.db)).breaks).toEqual([]);
  });
});

describe('a phone’s queue', () => {
  it('3 good and 1 bad → 3 created and 1 refused with its error in the caller’s language, nothing of the bad one written; the same batch again → 3 existing', async () => {
    const ids = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const batch = {
      responses: [
        { id: ids[0], surveyId: survey.id, personId: elder.id, answers: good },
        { id: ids[1], surveyId: survey.id, villageId: village, answers: { ...good, living: 'alone', carer: '邻居' } },
        { id: ids[2], surveyId: survey.id, answers: { ...good, living: 'nobody' } },
        { id: ids[3], surveyId: survey.id, source: 'paper', collectedAt: '2026-10-01T10:00:00+08:00', answers: good },
      ],
    };
    const first = await worker.inject({ method: 'POST', url: '/api/surveys/responses/batch', headers: { 'accept-language': 'en-US' }, payload: batch });
    expect(first.statusCode, first.body).toBe(200);
    const reply = first.json<BatchResponsesReply>();
    expect(reply).toMatchObject({ created: 3, existing: 0, refused: 1 });
    expect(reply.results.map((r) => [r.id, r.status])).toEqual([
      [ids[0], 'created'],
      [ids[1], 'created'],
      [ids[2], 'refused'],
      [ids[3], 'created'],
    ]);
    expect(reply.results[2]!.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Some fields are not valid; please check them.',
      details: [{ path: 'answers.living', message: 'The answer is not one of the options of this question.', question: 'living', questionText: '您和谁一起住？' }],
    });
    expect(await t.deps.db.select().from(surveyResponses).where(eq(surveyResponses.id, ids[2]!))).toEqual([]);
    const audits = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.response.create'));
    expect(audits.filter((a) => ids.includes(a.entityId!))).toHaveLength(3);

    const again = (await worker.inject({ method: 'POST', url: '/api/surveys/responses/batch', payload: batch })).json<BatchResponsesReply>();
    expect(again).toMatchObject({ created: 0, existing: 3, refused: 1 });
    expect(again.results[2]!.error!.message).toBe('提交的内容有误，请检查标出的字段。');
  });

  it('items of a survey out of scope, or reusing an id with other content, are refused on their own', async () => {
    const theirs = (await otherWorker.inject({ method: 'POST', url: '/api/surveys', payload: { title: '打柴沟调查', audience: 'elder', mode: 'questionnaire', questions } })).json<Survey>();
    const taken = uuidv7();
    expect((await post(worker, { id: taken, answers: good })).statusCode).toBe(201);
    const reply = (
      await worker.inject({
        method: 'POST',
        url: '/api/surveys/responses/batch',
        payload: {
          responses: [
            { surveyId: theirs.id, answers: good },
            { id: taken, surveyId: survey.id, answers: { ...good, health: 1 } },
            { surveyId: survey.id, answers: good },
          ],
        },
      })
    ).json<BatchResponsesReply>();
    expect(reply.results.map((r) => [r.status, r.error?.code])).toEqual([
      ['refused', 'NOT_FOUND'],
      ['refused', 'DUPLICATE'],
      ['created', undefined],
    ]);
  });
});

describe('reading responses', () => {
  it('newest first in keyset pages with names, each read audited; filters by village and person', async () => {
    const made = (await worker.inject({ method: 'POST', url: '/api/surveys', payload: { title: '列表调查', audience: 'elder', mode: 'questionnaire', questions } })).json<Survey>();
    const times = ['2026-11-01T10:00:00+08:00', '2026-11-02T10:00:00+08:00', '2026-11-03T10:00:00+08:00'];
    const created: SurveyResponse[] = [];
    for (const collectedAt of times) created.push((await post(worker, { collectedAt, villageId: village, answers: good }, made.id)).json<SurveyResponse>());
    created.push((await post(worker, { collectedAt: '2026-11-04T10:00:00+08:00', personId: elder.id, answers: good }, made.id)).json<SurveyResponse>());
    const first = (await worker.inject({ method: 'GET', url: `/api/surveys/${made.id}/responses?limit=3` })).json<{ items: SurveyResponse[]; nextCursor: string }>();
    expect(first.items.map((r) => r.id)).toEqual([created[3]!.id, created[2]!.id, created[1]!.id]);
    expect(first.items[0]).toMatchObject({ person: { name: '马桂兰' }, collectedBy: { name: expect.any(String) } });
    expect(first.items[1]!.villageName).toEqual(expect.any(String));
    const second = (await worker.inject({ method: 'GET', url: `/api/surveys/${made.id}/responses?limit=3&cursor=${first.nextCursor}` })).json<{ items: SurveyResponse[]; nextCursor: string | null }>();
    expect(second.items.map((r) => r.id)).toEqual([created[0]!.id]);
    expect(second.nextCursor).toBeNull();
    const mine = (await worker.inject({ method: 'GET', url: `/api/surveys/${made.id}/responses?personId=${elder.id}` })).json<{ items: SurveyResponse[] }>();
    expect(mine.items.map((r) => r.id)).toEqual([created[3]!.id]);
    const audits = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, made.id), eq(auditEvents.action, 'survey.responses.read'))).orderBy(auditEvents.seq);
    expect(audits.map((a) => a.details)).toEqual([
      { surveyId: made.id, count: 3 },
      { surveyId: made.id, count: 1 },
      { surveyId: made.id, count: 1 },
    ]);
  });

  it('county reads no single responses; another station’s worker gets 404; a response of another survey is 404', async () => {
    const [one] = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses?limit=1` })).json<{ items: SurveyResponse[] }>().items;
    expect((await county.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses` })).statusCode).toBe(403);
    expect((await county.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses/${one!.id}` })).statusCode).toBe(403);
    expect((await volunteer.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses` })).statusCode).toBe(403);
    expect((await otherWorker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses` })).statusCode).toBe(404);
    expect((await otherWorker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses/${one!.id}` })).statusCode).toBe(404);
    const another = (await worker.inject({ method: 'POST', url: '/api/surveys', payload: { title: '另一份', audience: 'elder', mode: 'questionnaire', questions } })).json<Survey>();
    expect((await worker.inject({ method: 'GET', url: `/api/surveys/${another.id}/responses/${one!.id}` })).statusCode).toBe(404);
  });

  it("a person's timeline lists the surveys they answered", async () => {
    const timeline = (await worker.inject({ method: 'GET', url: `/api/people/${elder.id}/timeline` })).json<{ items: { kind: string; title: string; refId: string }[] }>();
    const answered = timeline.items.filter((i) => i.kind === 'survey_response');
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(answered.map((i) => i.title)).toContain('问卷调查：列表调查');
    const en = (await worker.inject({ method: 'GET', url: `/api/people/${elder.id}/timeline`, headers: { 'accept-language': 'en-US' } })).json<{ items: { kind: string; title: string }[] }>();
    expect(en.items.find((i) => i.kind === 'survey_response')!.title).toMatch(/^Survey: /);
  });
});
