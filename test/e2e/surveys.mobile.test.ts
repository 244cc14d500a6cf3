import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { SurveyFill } from './pages/survey-fill';

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

interface Template {
  key: string;
  title: string;
  description: string;
  audience: string;
  mode: string;
  questions: Array<{ prompt?: string | null }>;
}

/** The elders' template, published as it comes (a structured interview with prompts). */
async function elderInterview(title: string): Promise<{ id: string; prompts: string[] }> {
  const client = await apiAs(server.url, 'anyuan.manager');
  try {
    const reply = (await (await client.api.get('/api/survey-templates')).json()) as { items: Template[] };
    const template = reply.items.find((item) => item.audience === 'elder' && item.mode === 'interview');
    if (!template) throw new Error('no elders’ interview template');
    const made = await client.api.post('/api/surveys', {
      data: { title, description: template.description, audience: template.audience, mode: template.mode, status: 'open', templateKey: template.key, questions: template.questions },
      headers: { 'X-CSRF-Token': client.csrf },
    });
    if (made.status() !== 201) throw new Error(`create survey: ${made.status()} ${await made.text()}`);
    const prompts = template.questions.map((question) => question.prompt ?? '').filter(Boolean);
    return { id: ((await made.json()) as { id: string }).id, prompts };
  } finally {
    await client.close();
  }
}

async function responseCount(id: string): Promise<number> {
  const client = await apiAs(server.url, 'anyuan.manager');
  try {
    return ((await (await client.api.get(`/api/surveys/${id}`)).json()) as { responseCount: number }).responseCount;
  } finally {
    await client.close();
  }
}

describe('filling in a survey on a phone (390×844)', () => {
  it("a worker interviews an elder with the template's prompts; a retry after a lost reply makes one response, not two", async () => {
    const title = `入户访谈（手机）${Date.now() % 100000}`;
    const survey = await elderInterview(title);
    expect(survey.prompts.length).toBeGreaterThan(0);

    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn('anyuan.worker', DEMO_PASSWORD);

      // From the list's card to the form.
      await page.goto('/surveys');
      const card = page.getByTestId('survey-card').filter({ hasText: title });
      await card.waitFor({ state: 'visible' });
      await card.getByTestId('survey-fill').click();
      const fill = new SurveyFill(page);
      await fill.form.waitFor({ state: 'visible' });
      expect(await page.getByTestId('fill-title').innerText()).toBe(title);

      // Interview mode: the interviewer's prompt sits on the questions that have one.
      await expect.poll(() => fill.prompts.count()).toBeGreaterThan(0);
      const firstPrompt = await fill.prompts.first().innerText();
      expect(firstPrompt).toContain('访谈提示');
      expect(survey.prompts.some((prompt) => firstPrompt.includes(prompt))).toBe(true);

      await fill.anonymous({ gender: 'female', ageBand: '80+' });
      // Nothing answered: the required questions are named on the page.
      await fill.submitButton.click();
      await fill.error.waitFor({ state: 'visible' });
      expect(await fill.form.getByTestId('question-error').count()).toBeGreaterThan(0);
      expect(await fill.form.getByTestId('question-error').first().innerText()).toBe('此题为必答题');

      await fill.answerEverything();
      await expect.poll(() => fill.form.getByTestId('question-error').count()).toBe(0);
      const progress = await fill.progress.innerText();
      const [answered, total] = (/(\d+)\/(\d+)/.exec(progress) ?? []).slice(1).map(Number);
      expect(answered).toBe(total);

      // The first submit reaches the server but its reply is lost on the way back.
      let lost = false;
      await page.route('**/api/surveys/*/responses', async (route) => {
        if (lost) return route.continue();
        lost = true;
        await route.fetch();
        await route.abort('internetdisconnected');
      });
      await fill.submitButton.click();
      await fill.error.waitFor({ state: 'visible' });
      expect(await fill.error.innerText()).toContain('无法连接服务器');
      await expect.poll(() => responseCount(survey.id)).toBe(1);

      // The retry names the same response: the server answers with it, and nothing new is made.
      const retry = await fill.submit();
      expect(retry.status()).toBe(200);
      await fill.success.waitFor({ state: 'visible' });
      expect(await responseCount(survey.id)).toBe(1);

      // 再填一份: a fresh form for the next respondent.
      await fill.again();
      expect(await fill.form.locator('[aria-checked="true"]').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
