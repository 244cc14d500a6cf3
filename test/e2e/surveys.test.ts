import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { SurveyBuilder } from './pages/survey-builder';
import { SurveyFill } from './pages/survey-fill';
import { SurveyPage } from './pages/survey-page';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Client = Awaited<ReturnType<typeof apiAs>>;

async function signedIn(username: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await newContext(browser, server.url, 'desktop');
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(username, DEMO_PASSWORD);
  return { page, close: () => context.close() };
}

async function send<T>(client: Client, method: 'post' | 'put', path: string, data: Record<string, unknown>): Promise<T> {
  const reply = await client.api[method](path, { data, headers: { 'X-CSRF-Token': client.csrf } });
  if (!reply.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

async function asWorker<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = await apiAs(server.url, 'anyuan.worker');
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

/** A short survey made through the API, for the tests that are not about building one. */
async function apiSurvey(client: Client, title: string, status: 'open' | 'draft' = 'open'): Promise<{ id: string; version: number }> {
  return send(client, 'post', '/api/surveys', {
    title,
    audience: 'woman',
    mode: 'questionnaire',
    status,
    questions: [
      {
        key: 'worry',
        type: 'single',
        text: '您最操心家里哪件事？',
        required: true,
        options: [
          { value: 'school', label: '孩子上学', needType: 'child_education' },
          { value: 'health', label: '家人身体', needType: 'family_health' },
        ],
      },
    ],
  });
}

describe('surveys at a desk (1440×900)', () => {
  it('a worker builds a survey with skip logic, publishes it, fills it in twice and sees the needs ranking change', async () => {
    const title = `村民需求小调查 ${Date.now() % 100000}`;
    const personId = await asWorker(async (client) => {
      const village = await firstVillage(client.api);
      return createPerson(client, { name: '祁德顺', villageId: village.id, birthDate: '1948-04-12', gender: 'male', groups: ['empty_nest_elder'] });
    });

    const { page, close } = await signedIn('anyuan.worker');
    try {
      // Build: a required single choice with need types, a multiple choice shown only after 看病体检, a text.
      await page.goto('/surveys');
      await page.getByTestId('survey-create').click();
      await page.getByTestId('template-blank').click();
      const builder = new SurveyBuilder(page);
      await builder.waitUntilShown();
      await builder.title.fill(title);
      await builder.chooseAudience('老年人');
      await builder.setText(0, '您最需要哪方面的帮助？');
      await builder.setOption(0, 0, '看病体检', '医疗保健');
      await builder.setOption(0, 1, '学用手机', '智能手机使用');
      await builder.setOption(0, 2, '唱歌跳舞', '文体娱乐');
      await builder.addQuestion('多选题');
      await builder.setText(1, '除了看病，还想要哪些帮助？');
      await builder.setOption(1, 0, '文体活动', '文体娱乐');
      await builder.setOption(1, 1, '学用手机', '智能手机使用');
      await builder.showIf(1, '您最需要哪方面的帮助', '看病体检');
      await builder.addQuestion('填空题');
      await builder.setText(2, '还有什么想对社工说的？');

      // The preview is the form: the second question waits for 看病体检.
      await builder.togglePreview();
      await builder.preview.waitFor({ state: 'visible' });
      expect(await builder.previewKeys()).toEqual(['q1', 'q3']);
      await builder.previewChoose('q1', '看病体检');
      await expect.poll(() => builder.previewKeys()).toEqual(['q1', 'q2', 'q3']);
      await builder.previewChoose('q1', '唱歌跳舞');
      await expect.poll(() => builder.previewKeys()).toEqual(['q1', 'q3']);

      expect((await builder.save()).status()).toBe(201);
      const survey = new SurveyPage(page);
      await survey.title.waitFor({ state: 'visible' });
      expect(await survey.title.innerText()).toBe(title);
      expect(await survey.status()).toBe('draft');
      expect((await survey.changeStatus('publish')).status()).toBe(200);
      await expect.poll(() => survey.status()).toBe('open');
      const surveyId = survey.id();

      await survey.openTab('ranking');
      await survey.ranking.locator('.ant-empty').waitFor({ state: 'visible' });

      // First response: anonymous, 学用手机; the second question stays hidden.
      await page.getByTestId('survey-fill').click();
      const fill = new SurveyFill(page);
      await fill.form.waitFor({ state: 'visible' });
      await fill.anonymous({ gender: 'female', ageBand: '70-79' });
      await fill.choose('q1', '学用手机');
      expect(await fill.shownKeys()).toEqual(['q1', 'q3']);
      expect((await fill.submit()).status()).toBe(201);
      await fill.success.waitFor({ state: 'visible' });

      await survey.goto(surveyId, 'ranking');
      await expect.poll(() => survey.rankingRespondents.getAttribute('data-count')).toBe('1');
      expect(await survey.rankingRows()).toEqual([{ need: '智能手机使用', rank: 1, count: 1 }]);

      // Second response: for a person on file (as from the person page), 看病体检, then the shown second question.
      await fill.goto(surveyId, `?personId=${personId}`);
      await fill.respondent().waitFor({ state: 'visible' });
      expect(await fill.respondent().innerText()).toContain('祁德顺');
      await fill.choose('q1', '看病体检');
      await fill.question('q2').waitFor({ state: 'visible' });
      await fill.check('q2', '文体活动', '学用手机');
      await fill.write('q3', '希望有人教用微信视频。');
      expect((await fill.submit()).status()).toBe(201);
      await fill.success.waitFor({ state: 'visible' });
      expect(await fill.success.innerText()).toContain('祁德顺');

      await survey.goto(surveyId, 'ranking');
      await expect.poll(() => survey.rankingRespondents.getAttribute('data-count')).toBe('2');
      const rows = await survey.rankingRows();
      expect(rows).toHaveLength(3);
      expect(rows[0]).toEqual({ need: '智能手机使用', rank: 1, count: 2 });
      const health = rows.find((row) => row.need === '医疗保健');
      const recreation = rows.find((row) => row.need === '文体娱乐');
      expect(health?.count).toBe(1);
      expect(recreation?.count).toBe(1);
      // 医疗保健 was a first choice (the single-choice answer), 文体娱乐 only ticked: it cannot rank above.
      expect(health!.rank).toBeLessThanOrEqual(recreation!.rank);
      expect(health!.rank).toBeGreaterThan(1);

      // The results count each answer; the skip logic shows in who was asked the second question.
      await survey.openTab('results');
      await survey.result('q1').waitFor({ state: 'visible' });
      expect(await survey.optionCount('q1', 'digital_skills')).toBe(1);
      expect(await survey.optionCount('q1', 'healthcare')).toBe(1);
      expect(await survey.optionCount('q1', 'recreation')).toBe(0);
      expect(await survey.optionCount('q2', 'recreation')).toBe(1);
      const asked = await survey.result('q2').getByTestId('result-counts').innerText();
      expect(asked).toContain('1 人作答');
      expect(asked).toContain('1 人按跳题规则未看到此题');
      expect(await survey.result('q3').getByTestId('result-texts').innerText()).toContain('希望有人教用微信视频。');
    } finally {
      await close();
    }
  });

  it('a condition moved above the question it names is refused by the server, and the message shows on that question', async () => {
    const { page, close } = await signedIn('anyuan.worker');
    try {
      const builder = new SurveyBuilder(page);
      await builder.gotoNew();
      await builder.title.fill('跳题顺序检查');
      await builder.chooseAudience('妇女');
      await builder.setText(0, '家里有上学的孩子吗？');
      await builder.setOption(0, 0, '有');
      await builder.setOption(0, 1, '没有');
      await builder.addQuestion('单选题');
      await builder.setText(1, '孩子学习上最需要什么帮助？');
      await builder.setOption(1, 0, '作业辅导', '子女教育');
      await builder.setOption(1, 1, '心理疏导', '子女教育');
      await builder.showIf(1, '家里有上学的孩子吗', '有');

      // Leaving with unsaved work asks first; staying keeps it all.
      await page.locator('.lm-back-link').click();
      const leave = page.locator('.ant-modal-confirm:visible');
      await leave.waitFor({ state: 'visible' });
      expect(await leave.innerText()).toContain('还没有保存');
      await leave.getByRole('button', { name: '留在本页' }).click();
      await leave.waitFor({ state: 'hidden' });
      expect(page.url()).toContain('/surveys/new');
      expect(await builder.cards.count()).toBe(2);

      // Moving the conditional question to the top leaves it naming a question below it.
      await builder.moveUp(1);
      expect(await builder.card(0).getByTestId('question-text').inputValue()).toBe('孩子学习上最需要什么帮助？');
      const reply = await builder.save();
      expect(reply.status()).toBe(400);
      await builder.error.waitFor({ state: 'visible' });
      await builder.cardErrors(0).first().waitFor({ state: 'visible' });
      expect(await builder.cardErrors(0).allInnerTexts()).toContain('显示条件只能引用本题之前的题目。');
      expect(await builder.cardErrors(1).count()).toBe(0);
      expect(page.url()).toContain('/surveys/new');

      // Moving it back fixes it.
      await builder.moveUp(1);
      expect((await builder.save()).status()).toBe(201);
      await new SurveyPage(page).title.waitFor({ state: 'visible' });
    } finally {
      await close();
    }
  });

  it('the manager starts a survey from the women’s template in the picker and publishes it', async () => {
    const { page, close } = await signedIn('anyuan.manager');
    try {
      await page.goto('/surveys');
      await page.getByTestId('survey-create').click();
      const template = page.locator('[data-testid="template-option"][data-template="woman"]');
      await template.waitFor({ state: 'visible' });
      const shown = await template.innerText();
      expect(shown).toContain('妇女');
      const count = Number(/(\d+) 道题/.exec(shown)?.[1]);
      expect(count).toBeGreaterThan(3);
      await template.click();

      const builder = new SurveyBuilder(page);
      await builder.waitUntilShown();
      await expect.poll(() => builder.cards.count()).toBe(count);
      expect(await page.getByTestId('from-template').innerText()).toContain('来自模板');
      const title = `${await builder.title.inputValue()}（2027 年）`;
      await builder.title.fill(title);
      expect((await builder.saveAndPublish()).status()).toBe(201);

      const survey = new SurveyPage(page);
      await survey.title.waitFor({ state: 'visible' });
      expect(await survey.title.innerText()).toBe(title);
      expect(await survey.status()).toBe('open');
      await survey.openTab('versions');
      await expect.poll(() => page.locator('.lm-sv-qlist__item').count()).toBe(count);
      // The template's options carry need types: they show on the questions.
      expect(await page.locator('.lm-sv-qlist .lm-sv-need').count()).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it('editing questions of a survey with responses warns of the new version; the old responses keep theirs', async () => {
    const surveyId = await asWorker(async (client) => {
      const made = await apiSurvey(client, '妇女关切回访');
      await send(client, 'post', `/api/surveys/${made.id}/responses`, { source: 'phone', gender: 'female', ageBand: '18-39', answers: { worry: 'school' } });
      return made.id;
    });
    const { page, close } = await signedIn('anyuan.worker');
    try {
      await page.goto(`/surveys/${surveyId}/edit`);
      const builder = new SurveyBuilder(page);
      await builder.waitUntilShown();
      await page.getByTestId('has-responses').waitFor({ state: 'visible' });
      await builder.setOption(0, 2, '自己找工作', '就业技能');
      await page.getByTestId('builder-save').click();
      const confirm = page.locator('.lm-sv-version-confirm');
      await confirm.waitFor({ state: 'visible' });
      expect(await confirm.innerText()).toContain('将生成第 2 版');
      const [reply] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'PUT' && response.url().includes(`/api/surveys/${surveyId}`)),
        confirm.locator('.ant-btn-primary').click(),
      ]);
      expect(reply.status()).toBe(200);

      const survey = new SurveyPage(page);
      await survey.title.waitFor({ state: 'visible' });
      expect(await survey.head.innerText()).toContain('第 2 版');
      await survey.openTab('versions');
      await expect.poll(() => page.getByTestId('version-row').count()).toBe(2);
      expect(await page.locator('[data-testid="version-row"][data-version="1"]').innerText()).toContain('1 份答卷');
      expect(await page.locator('[data-testid="version-row"][data-version="2"]').innerText()).toContain('0 份答卷');
    } finally {
      await close();
    }
  });

  it('a survey closed while a worker fills it in refuses the response with a clear message, and says so when opened again', async () => {
    const made = await asWorker((client) => apiSurvey(client, '关闭中的问卷'));
    const { page, close } = await signedIn('anyuan.worker');
    try {
      const fill = new SurveyFill(page);
      await fill.goto(made.id);
      await fill.anonymous();
      await fill.choose('worry', '家人身体');
      await asWorker((client) => send(client, 'put', `/api/surveys/${made.id}`, { version: made.version, status: 'closed' }));
      expect((await fill.submit()).status()).toBe(400);
      await fill.error.waitFor({ state: 'visible' });
      expect(await fill.error.innerText()).toContain('该问卷已结束或尚未发布');

      await fill.page.reload();
      await page.getByTestId('survey-not-open').waitFor({ state: 'visible' });
      expect(await page.getByTestId('survey-not-open').innerText()).toContain('已经结束收集');
    } finally {
      await close();
    }
  });

  it('the county reads the results and the ranking but not the single responses; a volunteer only fills in', async () => {
    const made = await asWorker((client) => apiSurvey(client, '县里可见的问卷'));
    {
      const { page, close } = await signedIn('county');
      try {
        const survey = new SurveyPage(page);
        await survey.goto(made.id);
        const tabs = () => page.locator('.lm-sv-tabs .ant-tabs-tab [data-testid^="survey-tab-"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')));
        await expect.poll(tabs).toEqual(['survey-tab-results', 'survey-tab-crosstab', 'survey-tab-ranking']);
        await page.getByTestId('results-tab').waitFor({ state: 'visible' });
        expect(await page.getByTestId('survey-fill').count()).toBe(0);
        expect(await page.getByTestId('survey-edit').count()).toBe(0);
      } finally {
        await close();
      }
    }
    {
      const { page, close } = await signedIn('anyuan.volunteer');
      try {
        await page.goto('/surveys');
        const row = page.locator('.ant-table-row').filter({ hasText: '县里可见的问卷' });
        await row.getByTestId('survey-fill').waitFor({ state: 'visible' });
        // The title is no link: the survey's page is for those who analyse it; the one link is 填写.
        expect(await row.locator('a').count()).toBe(1);
        await row.getByTestId('survey-fill').click();
        await new SurveyFill(page).form.waitFor({ state: 'visible' });
      } finally {
        await close();
      }
    }
  });
});
