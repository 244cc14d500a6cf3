/**
 * Screenshots of the survey pages (called from scripts/screenshots.ts): the list and the template
 * picker, the builder with its preview and its errors, the fill-in form on a phone (interview
 * prompts, errors, success), the survey page's tabs (results, cross-tab, ranking, responses with
 * one open, versions), a volunteer's list, the county's view and an empty list.
 */
import type { Page } from 'playwright-core';
import { apiAs } from '../../test/e2e/support/people';
import type { ScreenKit } from './services';

export interface SurveysFixture {
  /** The demo's elders' survey (structured interview, with a year of responses), if the demo has one. */
  elderId: string | null;
  /** A survey built here with two versions, so the versions tab and the version filter show. */
  versionedId: string | null;
  /** A draft, for the "not open" page. */
  draftId: string | null;
}

type Client = Awaited<ReturnType<typeof apiAs>>;

interface SurveyShape {
  id: string;
  version: number;
  templateKey: string | null;
  questions: Array<Record<string, unknown>>;
}

async function send<T>(client: Client, method: 'post' | 'put', path: string, data: Record<string, unknown>): Promise<T> {
  const reply = await client.api[method](path, { data, headers: { 'X-CSRF-Token': client.csrf } });
  if (!reply.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

const QUESTIONS = [
  {
    key: 'q1',
    type: 'single',
    text: '您觉得村里的老人最需要哪方面的服务？',
    required: true,
    options: [
      { value: 'healthcare', label: '看病、体检等医疗保健', needType: 'healthcare' },
      { value: 'daily_care', label: '做饭、打扫等生活照料', needType: 'daily_care' },
      { value: 'recreation', label: '唱歌、跳舞等文体活动', needType: 'recreation' },
    ],
  },
  { key: 'q2', type: 'scale', text: '您对目前的服务满意吗？', scale: { min: 1, max: 5, minLabel: '很不满意', maxLabel: '很满意' } },
];

/** A small survey answered under version 1, then given a question more (version 2) and answered again. */
async function seedVersioned(client: Client): Promise<string> {
  const survey = await send<SurveyShape>(client, 'post', '/api/surveys', { title: '重阳节活动满意度回访', audience: 'elder', mode: 'questionnaire', status: 'open', questions: QUESTIONS });
  const answers = [
    { q1: 'healthcare', q2: 4 },
    { q1: 'recreation', q2: 5 },
    { q1: 'healthcare', q2: 3 },
  ];
  for (const [index, given] of answers.entries()) {
    await send(client, 'post', `/api/surveys/${survey.id}/responses`, { source: index === 2 ? 'phone' : 'visit', gender: index % 2 ? 'male' : 'female', ageBand: '70-79', answers: given });
  }
  const changed = await send<SurveyShape>(client, 'put', `/api/surveys/${survey.id}`, {
    version: survey.version,
    questions: [...QUESTIONS, { key: 'q3', type: 'text', text: '还有什么想对社工说的？' }],
  });
  await send(client, 'post', `/api/surveys/${survey.id}/responses`, { source: 'group', gender: 'female', ageBand: '60-69', answers: { q1: 'daily_care', q2: 4, q3: '希望多来村里看看。' } });
  return changed.id;
}

export async function seedSurveys(url: string): Promise<SurveysFixture> {
  const manager = await apiAs(url, 'anyuan.manager');
  try {
    const list = (await (await manager.api.get('/api/surveys?limit=50')).json()) as { items: SurveyShape[] };
    const elderId = list.items.find((survey) => survey.templateKey === 'elder')?.id ?? null;
    if (!elderId) console.warn('screenshots: the demo has no elders’ survey; its pages are left out');
    let versionedId: string | null = null;
    try {
      versionedId = await seedVersioned(manager);
    } catch (error) {
      console.warn(`screenshots: the versioned survey was not made: ${String(error)}`);
    }
    const draft = await send<SurveyShape>(manager, 'post', '/api/surveys', { title: '儿童暑期活动意向调查（草稿）', audience: 'left_behind_child', mode: 'questionnaire', status: 'draft', questions: QUESTIONS.slice(0, 1) }).catch(() => null);
    return { elderId, versionedId, draftId: draft?.id ?? null };
  } finally {
    await manager.close();
  }
}

async function ready(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

/** Answers the first questions of a fill form the way a worker would tap them. */
async function answerSome(page: Page, count: number): Promise<void> {
  const questions = page.locator('[data-testid="survey-form"] fieldset[data-question]');
  for (let index = 0; index < count && index < (await questions.count()); index++) {
    const question = questions.nth(index);
    const type = await question.getAttribute('data-type');
    // Already answered (a chosen option, a ranked one, a value): leave it.
    if ((await question.locator('[aria-checked="true"], [aria-pressed="true"]').count()) > 0) continue;
    if ((type === 'number' || type === 'text') && (await question.locator('input, textarea').first().inputValue()) !== '') continue;
    if (type === 'single' || type === 'scale') await question.locator('[role="radio"]').nth(index % 2).click();
    else if (type === 'multi') await question.locator('[role="checkbox"]').first().click();
    else if (type === 'rank') {
      await question.locator('.lm-sv-rank button.lm-sv-choice').nth(1).click();
      await question.locator('.lm-sv-rank button.lm-sv-choice').nth(0).click();
    } else if (type === 'number') await question.locator('input').fill('3');
    else if (type === 'text') await question.locator('textarea').fill('想学用智能手机和孩子视频。');
  }
}

export async function surveysScreens(kit: ScreenKit, fixture: SurveysFixture): Promise<void> {
  const { browser, url, size, lang, tag, open, shot, signIn, visit } = kit;
  const zh = lang === 'zh-CN';

  // The station's manager: the list, the picker, the builder (preview, errors), the survey page's tabs.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.manager');
    await visit(page, '/surveys');
    await page.locator('.ant-table-row, [data-testid="survey-card"]').first().waitFor();
    await shot(page, `${tag}-500-surveys-list`);
    await page.getByTestId('survey-create').click();
    await page.getByTestId('template-option').first().waitFor();
    await shot(page, `${tag}-501-surveys-template-picker`, false);
    await page.getByTestId('template-option').first().click();
    await page.getByTestId('survey-builder').waitFor();
    await page.getByTestId('question-card').first().waitFor();
    await shot(page, `${tag}-502-survey-builder-template`, false);
    await page.getByTestId('preview-toggle').click();
    await page.getByTestId('builder-preview').waitFor();
    await page.waitForTimeout(400);
    const preview = page.getByTestId('builder-preview');
    await preview.locator('fieldset[data-question] [role="radio"]').first().click();
    await shot(page, `${tag}-503-survey-builder-preview`, false);
    if (size === 'phone') await page.keyboard.press('Escape');
    else await page.getByTestId('preview-toggle').click();
    await page.getByTestId('survey-title').fill('');
    await page.getByTestId('question-text').nth(1).fill('');
    await page.getByTestId('builder-save').click();
    await page.getByTestId('builder-error').waitFor();
    await page.waitForTimeout(600);
    await shot(page, `${tag}-504-survey-builder-errors`, false);
    await page.getByTestId('question-card').nth(1).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot(page, `${tag}-504b-survey-builder-question-error`, false);

    await visit(page, '/surveys/new');
    await page.getByTestId('question-card').first().waitFor();
    await shot(page, `${tag}-505-survey-builder-blank`, false);
    await page.getByTestId('question-card').first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot(page, `${tag}-506-survey-builder-question`, false);

    if (fixture.elderId) {
      await visit(page, `/surveys/${fixture.elderId}`);
      await page.getByTestId('question-result').first().waitFor();
      await ready(page);
      await shot(page, `${tag}-510-survey-results`, size === 'desktop');
      await visit(page, `/surveys/${fixture.elderId}?tab=crosstab`);
      await page.getByTestId('crosstab-table').waitFor();
      await ready(page);
      await shot(page, `${tag}-511-survey-crosstab`);
      await visit(page, `/surveys/${fixture.elderId}?tab=crosstab&by=age_band&view=heatmap`);
      await page.getByTestId('crosstab-table').waitFor();
      await ready(page);
      await shot(page, `${tag}-512-survey-crosstab-heatmap`);
      await visit(page, `/surveys/${fixture.elderId}?tab=ranking`);
      await page.getByTestId('ranking-chart').waitFor();
      await ready(page);
      await shot(page, `${tag}-513-survey-ranking`);
      await visit(page, `/surveys/${fixture.elderId}?tab=responses`);
      await page.locator('.ant-table-row, [data-testid="response-card"]').first().waitFor();
      await shot(page, `${tag}-514-survey-responses`);
      await page.locator('.ant-table-row, [data-testid="response-card"]').first().click();
      await page.getByTestId('response-details').waitFor();
      await shot(page, `${tag}-515-survey-response-drawer`, false);
      await page.keyboard.press('Escape');
    }
    if (fixture.versionedId) {
      await visit(page, `/surveys/${fixture.versionedId}?tab=versions`);
      await page.getByTestId('version-row').first().waitFor();
      await ready(page);
      await shot(page, `${tag}-516-survey-versions`);
      await visit(page, `/surveys/${fixture.versionedId}`);
      await page.getByTestId('question-result').first().waitFor();
      await ready(page);
      await shot(page, `${tag}-517-survey-results-versions`);
      await visit(page, `/surveys/${fixture.versionedId}/edit`);
      await page.getByTestId('has-responses').waitFor();
      await page.getByTestId('question-text').first().fill(zh ? '您觉得村里的老人最需要哪一项服务？' : 'Which service do elders in the village need most?');
      await page.getByTestId('builder-save').click();
      await page.locator('.lm-sv-version-confirm').waitFor();
      await shot(page, `${tag}-518-survey-new-version-confirm`, false);
      await page.keyboard.press('Escape');
    }
    await visit(page, '/surveys?q=nothing-like-this');
    await page.locator('.ant-empty').first().waitFor();
    await shot(page, `${tag}-519-surveys-empty-search`);
    await context.close();
  }

  // A worker fills in the elders' interview: prompts on each question, the errors of a hurried submit, the success.
  if (fixture.elderId) {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.worker');
    await visit(page, `/surveys/${fixture.elderId}/fill`);
    await page.getByTestId('survey-form').waitFor();
    await page.getByTestId('respondent-kind').getByText(zh ? '匿名填写' : 'Anonymous').click();
    await page.getByTestId('respondent-gender').locator('[data-value="female"]').click();
    await page.getByTestId('respondent-age').locator('[data-value="70-79"]').click();
    await shot(page, `${tag}-520-survey-fill-start`, false);
    await answerSome(page, 3);
    await page.getByTestId('survey-form').locator('fieldset[data-question]').nth(2).scrollIntoViewIfNeeded();
    await shot(page, `${tag}-521-survey-fill-interview`, false);
    await page.getByTestId('fill-submit').click();
    await page.getByTestId('fill-error').waitFor();
    await page.waitForTimeout(600);
    await shot(page, `${tag}-522-survey-fill-errors`, false);
    await answerSome(page, 30);
    await page.getByTestId('fill-submit').click();
    await page
      .getByTestId('fill-success')
      .waitFor({ timeout: 10_000 })
      .then(() => shot(page, `${tag}-523-survey-fill-success`, false))
      .catch(() => shot(page, `${tag}-523-survey-fill-not-accepted`, false));
    await visit(page, `/surveys/${fixture.elderId}/fill?source=paper`);
    await page.getByTestId('fill-collected-at').waitFor();
    await shot(page, `${tag}-524-survey-fill-paper`, false);
    if (fixture.draftId) {
      await visit(page, `/surveys/${fixture.draftId}/fill`);
      await page.getByTestId('survey-not-open').waitFor();
      await shot(page, `${tag}-525-survey-fill-not-open`, false);
    }
    await context.close();
  }

  // A volunteer sees only what to fill in; the county sees the aggregates.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.volunteer');
    await visit(page, '/surveys');
    await page.locator('.ant-table-row, [data-testid="survey-card"], .ant-empty').first().waitFor();
    await shot(page, `${tag}-530-surveys-volunteer`);
    await context.close();
  }
  if (fixture.elderId) {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'county');
    await visit(page, `/surveys/${fixture.elderId}?tab=ranking`);
    await page.getByTestId('ranking-chart').waitFor();
    await ready(page);
    await shot(page, `${tag}-531-survey-county-ranking`);
    await context.close();
  }
}
