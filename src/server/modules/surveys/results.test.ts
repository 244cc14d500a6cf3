import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { makeTestApp, type Session, type TestApp } from '../../testing/test-app';
import { makePerson } from '../../testing/factories';
import { auditEvents } from '../../db/schema/index';
import { readWorkbook } from '../people/import/import-testing';
import type { Crosstab, Question, QuestionResult, Survey, SurveyResults } from '../../../shared/schemas/surveys';

let t: TestApp;
let worker: Session;
let county: Session;
let otherWorker: Session;
let villageA: string;
let villageB: string;
let survey: Survey;

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
  { key: 'health', type: 'scale', text: '身体状况打分', scale: { min: 1, max: 5, minLabel: '很差', maxLabel: '很好' } },
  { key: 'clinic_minutes', type: 'number', text: '走到卫生室几分钟？', range: { min: 0, max: 600, integer: true } },
  {
    key: 'activities',
    type: 'multi',
    text: '喜欢哪些活动？',
    options: [
      { value: 'dance', label: '跳舞' },
      { value: 'chess', label: '下棋' },
      { value: 'none', label: '都不喜欢' },
    ],
  },
];

function result(results: SurveyResults, key: string): QuestionResult {
  return results.questions.find((q) => q.key === key)!;
}

function optionCounts(q: QuestionResult) {
  return q.options!.map((o) => [o.value, o.count, o.share, o.meanRank, o.firstPlace]);
}

async function respond(body: Record<string, unknown>) {
  const response = await worker.inject({ method: 'POST', url: `/api/surveys/${survey.id}/responses`, payload: body });
  expect(response.statusCode, response.body).toBe(201);
}

/**
 * The known data set: six elders answer version 1.
 *   1  A  male    70-79  alone   carer 女儿  [healthcare, elder_education, recreation]  health 2  clinic 10  [dance]          2026-10-05
 *   2  A  female  60-69  spouse              [healthcare, recreation]                   health 4  clinic 30  [dance, chess]   2026-10-06
 *   3  B  female  80+    alone   carer 邻居  [elder_education, healthcare]              health 3             [chess]          2026-10-07
 *   4  B  female  70-79  spouse              [healthcare]                               health 5  clinic 20                   2026-11-05
 *   5  B  male    —      alone               [recreation, elder_education, healthcare]  health 4                               2026-11-06
 *   6  A  female  70-79  spouse  (a person on file, empty-nest)  [companionship, healthcare]  health 3  [none]  2026-11-07
 */
beforeAll(async () => {
  t = await makeTestApp();
  worker = await t.login('anyuan.worker');
  county = await t.login('county');
  otherWorker = await t.login('dachaigou.worker');
  [villageA, villageB] = t.demo.stations.anyuan.villageIds as [string, string];
  survey = (await worker.inject({ method: 'POST', url: '/api/surveys', payload: { title: '老年人需求调查', audience: 'elder', mode: 'interview', questions } })).json<Survey>();
  const elder = await makePerson(worker, { name: '马桂兰', villageId: villageA, birthDate: '1950-03-01', gender: 'female', groups: ['empty_nest_elder'] });
  const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  await respond({ villageId: villageA, gender: 'male', ageBand: '70-79', collectedAt: at('2026-10-05'), answers: { living: 'alone', carer: '女儿', top_needs: ['healthcare', 'elder_education', 'recreation'], health: 2, clinic_minutes: 10, activities: ['dance'] } });
  await respond({ villageId: villageA, gender: 'female', ageBand: '60-69', collectedAt: at('2026-10-06'), answers: { living: 'spouse', top_needs: ['healthcare', 'recreation'], health: 4, clinic_minutes: 30, activities: ['dance', 'chess'] } });
  await respond({ villageId: villageB, gender: 'female', ageBand: '80+', collectedAt: at('2026-10-07'), answers: { living: 'alone', carer: '邻居', top_needs: ['elder_education', 'healthcare'], health: 3, activities: ['chess'] } });
  await respond({ villageId: villageB, gender: 'female', ageBand: '70-79', collectedAt: at('2026-11-05'), answers: { living: 'spouse', top_needs: ['healthcare'], health: 5, clinic_minutes: 20 } });
  await respond({ villageId: villageB, gender: 'male', collectedAt: at('2026-11-06'), answers: { living: 'alone', top_needs: ['recreation', 'elder_education', 'healthcare'], health: 4 } });
  await respond({ personId: elder.id, collectedAt: at('2026-11-07'), answers: { living: 'spouse', top_needs: ['companionship', 'healthcare'], health: 3, activities: ['none'] } });
});
afterAll(async () => {
  await t.close();
});

describe('results on a known data set', () => {
  it('counts, shares, mean places, first places, distributions and texts', async () => {
    const response = await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/results` });
    expect(response.statusCode, response.body).toBe(200);
    const results = response.json<SurveyResults>();
    expect(results.respondents).toBe(6);
    expect(results.questions.map((q) => q.key)).toEqual(['living', 'carer', 'top_needs', 'health', 'clinic_minutes', 'activities']);

    expect(result(results, 'living')).toMatchObject({ asked: 6, answered: 6 });
    expect(optionCounts(result(results, 'living'))).toEqual([
      ['alone', 3, 0.5, null, null],
      ['spouse', 3, 0.5, null, null],
    ]);
    // Only those living alone were asked who looks after them; one of them did not say.
    expect(result(results, 'carer')).toMatchObject({ asked: 3, answered: 2, texts: ['邻居', '女儿'] });
    expect(result(results, 'top_needs')).toMatchObject({ asked: 6, answered: 6 });
    expect(optionCounts(result(results, 'top_needs'))).toEqual([
      ['healthcare', 6, 1, 1.67, 3],
      ['elder_education', 3, 0.5, 1.67, 1],
      ['recreation', 3, 0.5, 2, 1],
      ['companionship', 1, 0.1667, 1, 1],
    ]);
    expect(result(results, 'top_needs').options![0]).toMatchObject({ label: '医疗保健', needType: 'healthcare' });
    expect(result(results, 'health')).toMatchObject({
      asked: 6,
      answered: 6,
      distribution: [
        { value: 1, count: 0 },
        { value: 2, count: 1 },
        { value: 3, count: 2 },
        { value: 4, count: 2 },
        { value: 5, count: 1 },
      ],
      mean: 3.5,
      median: 3.5,
      min: 2,
      max: 5,
    });
    expect(result(results, 'clinic_minutes')).toMatchObject({ answered: 3, distribution: [{ value: 10, count: 1 }, { value: 20, count: 1 }, { value: 30, count: 1 }], mean: 20, median: 20, min: 10, max: 30 });
    expect(optionCounts(result(results, 'activities'))).toEqual([
      ['dance', 2, 0.5, null, null],
      ['chess', 2, 0.5, null, null],
      ['none', 1, 0.25, null, null],
    ]);
  });

  it('filters: sex, village, group, period', async () => {
    const get = async (query: string) => (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/results?${query}` })).json<SurveyResults>();
    expect((await get('gender=female')).respondents).toBe(4);
    expect((await get(`villageId=${villageA}`)).respondents).toBe(3);
    const nest = await get('group=empty_nest_elder');
    expect(nest.respondents).toBe(1);
    expect(optionCounts(result(nest, 'top_needs'))[3]).toEqual(['companionship', 1, 1, 1, 1]);
    expect((await get('from=2026-11-01')).respondents).toBe(3);
    expect((await get('from=2026-10-06&to=2026-11-05')).respondents).toBe(3);
    expect((await get('ageBand=70-79')).respondents).toBe(3);
  });

  it('county reads results and cross-tabs of its stations; another station’s worker gets 404', async () => {
    expect((await county.inject({ method: 'GET', url: `/api/surveys/${survey.id}/results` })).json<SurveyResults>().respondents).toBe(6);
    expect((await county.inject({ method: 'GET', url: `/api/surveys/${survey.id}/crosstab?question=living&by=village` })).statusCode).toBe(200);
    expect((await otherWorker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/results` })).statusCode).toBe(404);
    expect((await otherWorker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/crosstab?question=living&by=village` })).statusCode).toBe(404);
  });
});

describe('cross-tabs', () => {
  it('a ranking by village: each row’s respondents and the share choosing each option; a total', async () => {
    const tab = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/crosstab?question=top_needs&by=village` })).json<Crosstab>();
    expect(tab.question).toEqual({ key: 'top_needs', type: 'rank', text: '最需要哪些帮助？' });
    expect(tab.columns).toEqual([
      { value: 'healthcare', label: '医疗保健' },
      { value: 'elder_education', label: '老年教育' },
      { value: 'recreation', label: '文体娱乐' },
      { value: 'companionship', label: '精神慰藉' },
    ]);
    const byVillage = new Map(tab.rows.map((r) => [r.value, r]));
    expect(byVillage.get(villageA)).toMatchObject({ respondents: 3, label: expect.any(String) });
    expect(byVillage.get(villageA)!.cells.map((c) => [c.count, c.share])).toEqual([[3, 1], [1, 0.3333], [2, 0.6667], [1, 0.3333]]);
    expect(byVillage.get(villageB)!.cells.map((c) => [c.count, c.share])).toEqual([[3, 1], [2, 0.6667], [1, 0.3333], [0, 0]]);
    expect(tab.total.respondents).toBe(6);
    expect(tab.total.cells.map((c) => c.count)).toEqual([6, 3, 3, 1]);
  });

  it('by group, a response counts in each of its groups; by age band, an unrecorded band is its own row, last', async () => {
    const groups = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/crosstab?question=top_needs&by=group` })).json<Crosstab>();
    expect(groups.rows.map((r) => [r.value, r.label, r.respondents])).toEqual([
      ['elder', '老年人', 6],
      ['empty_nest_elder', '空巢老人', 1],
    ]);
    expect(groups.rows[1]!.cells.map((c) => c.count)).toEqual([1, 0, 0, 1]);
    const ages = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/crosstab?question=living&by=age_band`, headers: { 'accept-language': 'en-US' } })).json<Crosstab>();
    expect(ages.rows.map((r) => [r.value, r.label, r.respondents])).toEqual([
      ['60-69', '60–69', 1],
      ['70-79', '70–79', 3],
      ['80+', '80 and over', 1],
      ['', 'Not recorded', 1],
    ]);
  });

  it('a scale by sex: a column per point', async () => {
    const tab = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/crosstab?question=health&by=gender` })).json<Crosstab>();
    expect(tab.columns).toEqual([
      { value: '1', label: '1 很差' },
      { value: '2', label: '2' },
      { value: '3', label: '3' },
      { value: '4', label: '4' },
      { value: '5', label: '5 很好' },
    ]);
    expect(tab.rows.map((r) => [r.value, r.respondents, r.cells.map((c) => c.count)])).toEqual([
      ['male', 2, [0, 1, 0, 1, 0]],
      ['female', 4, [0, 0, 2, 1, 1]],
    ]);
    expect(tab.rows[1]!.cells[2]!.share).toBe(0.5);
  });

  it('text and number questions, and unknown ones, are refused', async () => {
    const text = await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/crosstab?question=carer&by=village` });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.details[0]).toMatchObject({ path: 'question', message: '交叉分析只适用于单选、多选、排序和量表题。' });
    expect((await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/crosstab?question=clinic_minutes&by=village` })).statusCode).toBe(400);
    expect((await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/crosstab?question=nothing&by=village` })).json().error.details[0]).toMatchObject({ path: 'question' });
  });
});

describe('results across versions, and the export', () => {
  it('questions are matched by key with the current labels; a version asks only its own questions', async () => {
    const v2: Question[] = [
      questions[0]!,
      questions[1]!,
      { ...questions[2]!, options: [{ value: 'healthcare', label: '看病就医', needType: 'healthcare' }, ...questions[2]!.options!.slice(1, 3)] },
      questions[3]!,
      questions[4]!,
      questions[5]!,
      { key: 'smartphone', type: 'single', text: '会用智能手机吗？', options: [{ value: 'yes', label: '会' }, { value: 'no', label: '不会' }] },
    ];
    const put = await worker.inject({ method: 'PUT', url: `/api/surveys/${survey.id}`, payload: { version: survey.version, questions: v2 } });
    expect(put.json<Survey>().currentVersion).toBe(2);
    await respond({ villageId: villageB, collectedAt: '2026-11-20T10:00:00+08:00', answers: { living: 'spouse', top_needs: ['healthcare', 'recreation'], smartphone: 'no' } });

    const all = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/results` })).json<SurveyResults>();
    expect(all.respondents).toBe(7);
    expect(result(all, 'living')).toMatchObject({ asked: 7, answered: 7 });
    expect(result(all, 'smartphone')).toMatchObject({ asked: 1, answered: 1 });
    const needs = result(all, 'top_needs');
    expect(needs.options!.map((o) => [o.value, o.label, o.count])).toEqual([
      ['healthcare', '看病就医', 7],
      ['elder_education', '老年教育', 3],
      ['recreation', '文体娱乐', 4],
      ['companionship', '精神慰藉', 1],
    ]);
    const v1 = (await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/results?versionNumber=1` })).json<SurveyResults>();
    expect(v1.respondents).toBe(6);
    expect(v1.questions.map((q) => q.key)).not.toContain('smartphone');
    expect(result(v1, 'top_needs').options![0]).toMatchObject({ label: '医疗保健', count: 6 });
    expect((await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/results?versionNumber=9` })).statusCode).toBe(400);
  });

  it('the export: one row a response, one column a question of any version, answers as labels; audited; county may not', async () => {
    const response = await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses/export` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(String(response.headers['content-disposition'])).toContain('survey-responses.xlsx');
    const { rows, sheets } = await readWorkbook(response.rawPayload);
    expect(sheets).toEqual(['答卷-老年人需求调查', '题目']);
    const [header, ...data] = rows;
    expect(header).toEqual([
      '答卷编号',
      '问卷版本',
      '填写时间',
      '填写人',
      '填写方式',
      '受访者',
      '村(社区)',
      '性别',
      '年龄段',
      '服务对象类别',
      '您和谁一起住？',
      '平时谁照顾您？',
      '最需要哪些帮助？',
      '身体状况打分',
      '走到卫生室几分钟？',
      '喜欢哪些活动？',
      '会用智能手机吗？',
      '访谈备注',
    ]);
    expect(data).toHaveLength(7);
    const col = (name: string) => header!.indexOf(name);
    // Newest first: the version 2 response, then the person on file, …, the first response last.
    expect(data[0]![col('问卷版本')]).toBe('2');
    expect(data[0]![col('最需要哪些帮助？')]).toBe('1. 看病就医 2. 文体娱乐');
    expect(data[0]![col('会用智能手机吗？')]).toBe('不会');
    expect(data[1]![col('受访者')]).toBe('马桂兰');
    expect(data[1]![col('服务对象类别')]).toBe('空巢老人、老年人');
    expect(data[1]![col('喜欢哪些活动？')]).toBe('都不喜欢');
    const first = data[6]!;
    expect(first[col('受访者')]).toBe('匿名');
    expect(first[col('填写时间')]).toBe('2026-10-05 10:00');
    expect(first[col('性别')]).toBe('男');
    expect(first[col('年龄段')]).toBe('70–79 岁');
    expect(first[col('最需要哪些帮助？')]).toBe('1. 医疗保健 2. 老年教育 3. 文体娱乐');
    expect(first[col('喜欢哪些活动？')]).toBe('跳舞');
    expect(first[col('身体状况打分')]).toBe('2');
    expect(first[col('平时谁照顾您？')]).toBe('女儿');
    expect(data[5]![col('喜欢哪些活动？')]).toBe('跳舞、下棋');

    const audits = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, survey.id), eq(auditEvents.action, 'survey.responses.export')));
    expect(audits[0]!.details).toMatchObject({ surveyId: survey.id, rows: 7 });
    expect((await county.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses/export` })).statusCode).toBe(403);
    expect((await otherWorker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses/export` })).statusCode).toBe(404);
    const english = await worker.inject({ method: 'GET', url: `/api/surveys/${survey.id}/responses/export?versionNumber=2`, headers: { 'accept-language': 'en-US' } });
    const en = await readWorkbook(english.rawPayload);
    expect(en.rows[0]!.slice(0, 3)).toEqual(['Response id', 'Version', 'Collected at']);
    expect(en.rows).toHaveLength(2);
  });
});
