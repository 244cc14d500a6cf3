import type { Locator, Page, Response } from 'playwright-core';

/** The fill-in page (/surveys/:id/fill): who answers, how, the questions, submit. */
export class SurveyFill {
  readonly root: Locator;
  readonly form: Locator;
  readonly questions: Locator;
  readonly prompts: Locator;
  readonly submitButton: Locator;
  readonly success: Locator;
  readonly error: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('survey-fill-page');
    this.form = page.getByTestId('survey-form');
    this.questions = this.form.locator('fieldset[data-question]');
    this.prompts = this.form.getByTestId('interviewer-prompt');
    this.submitButton = page.getByTestId('fill-submit');
    this.success = page.getByTestId('fill-success');
    this.error = page.getByTestId('fill-error');
    this.progress = page.getByTestId('fill-progress');
  }

  async goto(surveyId: string, query = ''): Promise<void> {
    await this.page.goto(`/surveys/${surveyId}/fill${query}`);
    await this.form.waitFor({ state: 'visible' });
  }

  async anonymous(options: { gender?: 'male' | 'female'; ageBand?: string } = {}): Promise<void> {
    await this.page.getByTestId('respondent-kind').locator('.ant-segmented-item').nth(1).click();
    if (options.gender) await this.page.getByTestId('respondent-gender').locator(`[data-value="${options.gender}"]`).click();
    if (options.ageBand) await this.page.getByTestId('respondent-age').locator(`[data-value="${options.ageBand}"]`).click();
  }

  /** The person chosen (by ?personId= or by search), as shown. */
  respondent(): Locator {
    return this.page.getByTestId('respondent-person');
  }

  question(key: string): Locator {
    return this.form.locator(`fieldset[data-question="${key}"]`);
  }

  async shownKeys(): Promise<string[]> {
    return this.questions.evaluateAll((items) => items.map((item) => item.getAttribute('data-question') ?? ''));
  }

  async choose(key: string, label: string): Promise<void> {
    await this.question(key).getByRole('radio', { name: label, exact: true }).click();
  }

  async check(key: string, ...labels: string[]): Promise<void> {
    for (const label of labels) await this.question(key).getByRole('checkbox', { name: label, exact: true }).click();
  }

  async write(key: string, text: string): Promise<void> {
    await this.question(key).locator('textarea').fill(text);
  }

  questionError(key: string): Locator {
    return this.question(key).getByTestId('question-error');
  }

  /**
   * Answers every question shown that has no answer yet, the way a hurried worker would (the
   * first option, the middle of a scale, the least number, a short text), until the skip logic
   * shows nothing new.
   */
  async answerEverything(): Promise<void> {
    for (let round = 0; round < 5; round++) {
      let answered = 0;
      const count = await this.questions.count();
      for (let index = 0; index < count; index++) {
        const question = this.questions.nth(index);
        const type = await question.getAttribute('data-type');
        if ((await question.locator('[aria-checked="true"], [aria-pressed="true"]').count()) > 0) continue;
        if (type === 'single' || type === 'multi') await question.locator('[role="radio"], [role="checkbox"]').first().click();
        else if (type === 'rank') await question.locator('button[aria-pressed]').first().click();
        else if (type === 'scale') {
          const points = question.locator('[role="radio"]');
          await points.nth(Math.floor((await points.count()) / 2)).click();
        } else if (type === 'number') {
          const input = question.locator('input');
          if ((await input.inputValue()) !== '') continue;
          await input.fill((await input.getAttribute('aria-valuemin')) ?? '1');
          await input.blur();
        } else if (type === 'text') {
          const input = question.locator('textarea');
          if ((await input.inputValue()) !== '') continue;
          await input.fill('身体还行，想多和人聊聊天。');
        } else continue;
        answered += 1;
      }
      if (answered === 0) return;
    }
  }

  /** Submits and returns the server's answer to the POST of the response. */
  async submit(): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((response) => response.request().method() === 'POST' && /\/api\/surveys\/[0-9a-f-]{36}\/responses$/.test(new URL(response.url()).pathname)),
      this.submitButton.click(),
    ]);
    return response;
  }

  async again(): Promise<void> {
    await this.page.getByTestId('fill-again').click();
    await this.form.waitFor({ state: 'visible' });
  }
}
