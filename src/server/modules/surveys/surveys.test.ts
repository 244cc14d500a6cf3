import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { makeTestApp, type Session, type TestApp } from '../../testing/test-app';
import { auditEvents, surveyVersions } from '../../db/schema/index';
import type { CreateSurveyRequest, Question, Survey, SurveySummary, SurveyTemplate, SurveyVersion } from '../../../shared/schemas/surveys';

let t: TestApp;
let worker: Session;
let manager: Session;
let admin: Session;
let county: Session;
let volunteer: Session;
let otherWorker: Session;

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
  { key: 'carer', type: 'text', text: '平时谁照顾您？', showIf: { key: 'living', equals: 'alone' } },
  {
    key: 'top_needs',
    type: 'rank',
    text: '您最需要哪些帮助？',
    required: true,
    maxChoices: 3,
    options: [
      { value: 'healthcare', label: '医疗保健', needType: 'healthcare' },
      { value: 'elder_education', label: '老年教育', needType: 'elder_education' },
      { value: 'recreation', label: '文体娱乐', needType: 'recreation' },
    ],
  },
];

function surveyBody(extra: Partial<CreateSurveyRequest> = {}): CreateSurveyRequest {
  return { title: '老年人需求调查', audience: 'elder', mode: 'interview', questions, ...extra };
}

async function create(session: Session, body: CreateSurveyRequest): Promise<Survey> {
  const response = await session.inject({ method: 'POST', url: '/api/surveys', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Survey>();
}

async function respond(session: Session, surveyId: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const response = await session.inject({ method: 'POST', url: `/api/surveys/${surveyId}/responses`, payload: { answers, ...extra } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; versionNumber: number }>();
}

beforeAll(async () => {
  t = await makeTestApp();
  worker = await t.login('anyuan.worker');
  manager = await t.login('anyuan.manager');
  admin = await t.login('admin');
  county = await t.login('county');
  volunteer = await t.login('anyuan.volunteer');
  otherWorker = await t.login('dachaigou.worker');
});
afterAll(async () => {
  await t.close();
});

describe('building a survey', () => {
  it('a worker builds a survey for their station; it opens at version 1 and is audited', async () => {
    const survey = await create(worker, surveyBody({ description: '了解老人需求', templateKey: 'elder' }));
    expect(survey).toMatchObject({
      stationId: t.demo.stations.anyuan.id,
      title: '老年人需求调查',
      description: '了解老人需求',
      audience: 'elder',
      mode: 'interview',
      status: 'open',
      currentVersion: 1,
      questionCount: 3,
      responseCount: 0,
      lastResponseAt: null,
      templateKey: 'elder',
      createdBy: { id: t.demo.userIds['anyuan.worker'] },
      version: 1,
      versions: [{ number: 1, responseCount: 0, questionCount: 3 }],
    });
    expect(survey.questions).toEqual(questions);
    const read = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}` })).json<Survey>();
    expect(read).toEqual(survey);
    const events = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, survey.id), eq(auditEvents.action, 'survey.create')));
    expect(events).toHaveLength(1);
  });

  it('a survey with duplicate keys and a condition naming a later question is refused, each error naming its question', async () => {
    const response = await worker.inject({
      method: 'POST',
      url: '/api/surveys',
      payload: surveyBody({
        questions: [
          { ...questions[1]!, showIf: { key: 'living', equals: 'alone' } },
          questions[0]!,
          { ...questions[2]!, key: 'living' },
          { key: 'ghost', type: 'text', text: '幽灵题', showIf: { key: 'nowhere', equals: 'x' } },
        ],
      }),
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; details: { path: string; message: string; question: string; questionText: string }[] } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([
      { path: 'questions.0.showIf.key', message: '显示条件只能引用本题之前的题目。', question: 'carer', questionText: '平时谁照顾您？' },
      { path: 'questions.2.key', message: '题目编号重复，每道题的编号必须唯一。', question: 'living', questionText: '您最需要哪些帮助？' },
      { path: 'questions.3.showIf.key', message: '显示条件引用的题目不存在。', question: 'ghost', questionText: '幽灵题' },
    ]);
  });

  it('errors read in English on request', async () => {
    const response = await worker.inject({
      method: 'POST',
      url: '/api/surveys',
      headers: { 'accept-language': 'en-US' },
      payload: surveyBody({ questions: [{ key: 'one', type: 'single', text: 'Only one option', options: [{ value: 'a', label: 'A' }] }] }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { path: 'questions.0.options', message: 'Single, multiple-choice and ranking questions need at least two options.', question: 'one', questionText: 'Only one option' },
    ]);
  });

  it('a key in the wrong shape is refused by the schema', async () => {
    const response = await worker.inject({ method: 'POST', url: '/api/surveys', payload: surveyBody({ questions: [{ key: 'Q 1', type: 'text', text: 'x' }] }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ path: 'questions.0.key' });
  });

  it('an administrator names the station; without it → 400, a village id → 400', async () => {
    expect((await admin.inject({ method: 'POST', url: '/api/surveys', payload: surveyBody() })).json().error.details[0]).toMatchObject({ path: 'stationId' });
    const village = await admin.inject({ method: 'POST', url: '/api/surveys', payload: surveyBody({ stationId: t.demo.stations.anyuan.villageIds[0]! }) });
    expect(village.statusCode).toBe(400);
    const made = await create(admin, surveyBody({ stationId: t.demo.stations.dachaigou.id, title: '打柴沟调查' }));
    expect(made.stationId).toBe(t.demo.stations.dachaigou.id);
  });

  it('a worker naming another station gets 404; county and volunteers may not build surveys', async () => {
    expect((await worker.inject({ method: 'POST', url: '/api/surveys', payload: surveyBody({ stationId: t.demo.stations.dachaigou.id }) })).statusCode).toBe(404);
    expect((await county.inject({ method: 'POST', url: '/api/surveys', payload: surveyBody({ stationId: t.demo.stations.anyuan.id }) })).statusCode).toBe(403);
    expect((await volunteer.inject({ method: 'POST', url: '/api/surveys', payload: surveyBody() })).statusCode).toBe(403);
  });

  it('the three templates come in the caller’s language and can be saved as they are', async () => {
    const zh = (await worker.inject({ method: 'GET', url: '/api/survey-templates' })).json<{ items: SurveyTemplate[] }>().items;
    const en = (await worker.inject({ method: 'GET', url: '/api/survey-templates', headers: { 'accept-language': 'en-US' } })).json<{ items: SurveyTemplate[] }>().items;
    expect(zh.map((x) => x.key)).toEqual(['elder', 'left_behind_child', 'woman']);
    expect(zh[0]!.title).toContain('老年人');
    expect(en[0]!.title).toContain('Elderly');
    for (const template of zh) {
      const { key, ...fields } = template;
      const saved = await create(worker, { ...fields, templateKey: key });
      expect(saved.questions).toEqual(template.questions);
    }
    expect((await volunteer.inject({ method: 'GET', url: '/api/survey-templates' })).statusCode).toBe(200);
  });
});

describe('versions', () => {
  it('questions edited before any response change version 1 in place', async () => {
    const survey = await create(worker, surveyBody({ status: 'draft' }));
    const edited = [...questions, { key: 'note', type: 'text' as const, text: '其他想说的' }];
    const response = await worker.inject({ method: 'PUT', url: `/api/surveys/${survey.id}`, payload: { version: 1, questions: edited, status: 'open' } });
    expect(response.statusCode, response.body).toBe(200);
    const updated = response.json<Survey>();
    expect(updated).toMatchObject({ currentVersion: 1, status: 'open', version: 2, questionCount: 4, versions: [{ number: 1, questionCount: 4 }] });
    expect(updated.questions).toEqual(edited);
    const rows = await t.deps.db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, survey.id));
    expect(rows).toHaveLength(1);
  });

  it('questions edited once responses exist make version 2; old responses keep version 1, new ones take 2', async () => {
    const survey = await create(worker, surveyBody());
    const first = await respond(worker, survey.id, { living: 'spouse', top_needs: ['healthcare'] });
    expect(first.versionNumber).toBe(1);
    const v2 = [...questions.slice(0, 2), { ...questions[2]!, options: [...questions[2]!.options!, { value: 'daily_care', label: '生活照料', needType: 'daily_care' as const }] }];
    const updated = (await worker.inject({ method: 'PUT', url: `/api/surveys/${survey.id}`, payload: { version: 1, questions: v2 } })).json<Survey>();
    expect(updated).toMatchObject({ currentVersion: 2, responseCount: 1, versions: [{ number: 1, responseCount: 1 }, { number: 2, responseCount: 0 }] });
    expect(updated.questions).toEqual(v2);
    const old = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/versions/1` })).json<SurveyVersion>();
    expect(old.questions).toEqual(questions);
    // A new response takes version 2 and may choose the new option; version 1 does not offer it.
    const second = await respond(worker, survey.id, { living: 'spouse', top_needs: ['daily_care'] });
    expect(second.versionNumber).toBe(2);
    const onV1 = await worker.inject({ method: 'POST', url: `/api/surveys/${survey.id}/responses`, payload: { versionNumber: 1, answers: { living: 'spouse', top_needs: ['daily_care'] } } });
    expect(onV1.statusCode).toBe(400);
    expect(onV1.json().error.details[0]).toMatchObject({ path: 'answers.top_needs', question: 'top_needs' });
    // A form filled from version 1 on a phone that had not seen version 2 is still accepted.
    expect((await respond(worker, survey.id, { living: 'alone', top_needs: ['healthcare'] }, { versionNumber: 1 })).versionNumber).toBe(1);
    const unknown = await worker.inject({ method: 'POST', url: `/api/surveys/${survey.id}/responses`, payload: { versionNumber: 3, answers: { living: 'spouse', top_needs: ['healthcare'] } } });
    expect(unknown.json().error.details[0]).toMatchObject({ path: 'versionNumber' });
    expect((await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/versions/3` })).statusCode).toBe(404);

    const read = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}` })).json<Survey>();
    expect(read.versions).toEqual([
      expect.objectContaining({ number: 1, responseCount: 2 }),
      expect.objectContaining({ number: 2, responseCount: 1 }),
    ]);
    const audit = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, survey.id), eq(auditEvents.action, 'survey.update')));
    expect(audit[0]!.details).toMatchObject({ questions: 'new_version', currentVersion: 2 });
  });

  it('saving the same questions again, or changing only the title, makes no version', async () => {
    const survey = await create(worker, surveyBody());
    await respond(worker, survey.id, { living: 'spouse', top_needs: ['healthcare'] });
    const same = (await worker.inject({ method: 'PUT', url: `/api/surveys/${survey.id}`, payload: { version: 1, questions: JSON.parse(JSON.stringify(questions)), title: '改名后的调查' } })).json<Survey>();
    expect(same).toMatchObject({ currentVersion: 1, title: '改名后的调查', version: 2 });
  });

  it('a stale version gets 409 with the current survey', async () => {
    const survey = await create(worker, surveyBody());
    await worker.inject({ method: 'PUT', url: `/api/surveys/${survey.id}`, payload: { version: 1, title: '第一次修改' } });
    const stale = await manager.inject({ method: 'PUT', url: `/api/surveys/${survey.id}`, payload: { version: 1, title: '第二次修改' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { id: survey.id, title: '第一次修改', version: 2 } } });
  });

  it('status moves draft → open → closed → open; back to draft is refused', async () => {
    const survey = await create(worker, surveyBody({ status: 'draft' }));
    const put = (version: number, status: string) => worker.inject({ method: 'PUT', url: `/api/surveys/${survey.id}`, payload: { version, status } });
    expect((await put(1, 'closed')).json().error.details[0]).toMatchObject({ path: 'status' });
    expect((await put(1, 'open')).json()).toMatchObject({ status: 'open', version: 2 });
    expect((await put(2, 'closed')).json()).toMatchObject({ status: 'closed', version: 3 });
    expect((await put(3, 'open')).json()).toMatchObject({ status: 'open', version: 4 });
    expect((await put(4, 'draft')).statusCode).toBe(400);
  });

  it('a changed survey with a bad question is refused naming it, and nothing changes', async () => {
    const survey = await create(worker, surveyBody());
    const response = await worker.inject({
      method: 'PUT',
      url: `/api/surveys/${survey.id}`,
      payload: { version: 1, questions: [...questions, { key: 'score', type: 'scale', text: '满意度', scale: { min: 5, max: 1 } }] },
    });
    expect(response.json().error.details).toEqual([{ path: 'questions.3.scale', message: expect.any(String), question: 'score', questionText: '满意度' }]);
    expect((await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}` })).json()).toMatchObject({ version: 1, questionCount: 3 });
  });
});

describe('listing surveys', () => {
  it('newest first, with filters, counts of the page and keyset pages', async () => {
    const a = await create(manager, surveyBody({ title: '列表测试甲', audience: 'woman' }));
    const b = await create(manager, surveyBody({ title: '列表测试乙', audience: 'woman', status: 'draft' }));
    t.clock.advance(1000);
    await respond(worker, a.id, { living: 'spouse', top_needs: ['healthcare'] });
    await respond(worker, a.id, { living: 'alone', carer: '女儿', top_needs: ['recreation'] });
    const page = (await worker.inject({ method: 'GET', url: '/api/surveys?audience=woman&q=列表测试' })).json<{ items: SurveySummary[]; nextCursor: string | null }>();
    expect(page.items.map((s) => s.id)).toEqual([b.id, a.id]);
    expect(page.items[1]).toMatchObject({ responseCount: 2, questionCount: 3, lastResponseAt: t.clock.now().toISOString(), createdBy: { name: expect.any(String) } });
    expect(page.items[0]).toMatchObject({ responseCount: 0, lastResponseAt: null, status: 'draft' });
    const drafts = (await worker.inject({ method: 'GET', url: '/api/surveys?audience=woman&status=draft' })).json<{ items: SurveySummary[] }>();
    expect(drafts.items.map((s) => s.id)).toEqual([b.id]);
    const first = (await worker.inject({ method: 'GET', url: '/api/surveys?limit=1&audience=woman' })).json<{ items: SurveySummary[]; nextCursor: string }>();
    expect(first.items.map((s) => s.id)).toEqual([b.id]);
    const second = (await worker.inject({ method: 'GET', url: `/api/surveys?limit=1&audience=woman&cursor=${first.nextCursor}` })).json<{ items: SurveySummary[] }>();
    expect(second.items.map((s) => s.id)).toEqual([a.id]);
  });

  it('each station sees its own surveys; county sees both; a worker of another station gets 404 on one', async () => {
    const survey = await create(worker, surveyBody({ title: '安远专属调查' }));
    const other = (await otherWorker.inject({ method: 'GET', url: '/api/surveys?limit=200' })).json<{ items: SurveySummary[] }>();
    expect(other.items.every((s) => s.stationId === t.demo.stations.dachaigou.id)).toBe(true);
    expect((await otherWorker.inject({ method: 'GET', url: `/api/surveys/${survey.id}` })).statusCode).toBe(404);
    expect((await otherWorker.inject({ method: 'PUT', url: `/api/surveys/${survey.id}`, payload: { version: 1, title: '越权' } })).statusCode).toBe(404);
    const all = (await county.inject({ method: 'GET', url: '/api/surveys?limit=200' })).json<{ items: SurveySummary[] }>();
    expect(new Set(all.items.map((s) => s.stationId))).toEqual(new Set([t.demo.stations.anyuan.id, t.demo.stations.dachaigou.id]));
    expect((await county.inject({ method: 'GET', url: `/api/surveys/${survey.id}` })).statusCode).toBe(200);
    expect((await volunteer.inject({ method: 'GET', url: `/api/surveys/${survey.id}` })).statusCode).toBe(200);
  });

  it('an unknown survey is 404', async () => {
    expect((await worker.inject({ method: 'GET', url: `/api/surveys/${uuidv7()}` })).statusCode).toBe(404);
  });
});
