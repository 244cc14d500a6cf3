import type { Locator, Page, Response } from 'playwright-core';

/** The drawer that completes a task with its service record. */
export class TaskCompleteForm {
  readonly root: Locator;
  readonly summary: Locator;
  readonly saveButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('complete-form');
    this.summary = this.root.getByTestId('complete-summary');
    this.saveButton = this.root.getByTestId('complete-save');
    this.error = this.root.getByTestId('complete-error');
  }

  async waitUntilShown(): Promise<void> {
    await this.root.waitFor({ state: 'visible' });
  }

  kind(label: string): Locator {
    return this.root.getByTestId('kind-picker').getByRole('radio', { name: label, exact: true });
  }

  minutes(): Locator {
    return this.root.locator('[data-testid="minutes-picker"] input');
  }

  type(label: string): Locator {
    return this.root.getByTestId('type-picker').getByRole('checkbox', { name: label, exact: true });
  }

  /** Taps a quick phrase (身体状况良好, 情绪稳定, …) that adds to the summary. */
  async addPhrase(phrase: string): Promise<void> {
    await this.root.getByTestId('summary-phrases').getByRole('button', { name: `+ ${phrase}`, exact: true }).click();
  }

  async chooseWellbeing(level: 1 | 2 | 3 | 4 | 5): Promise<void> {
    await this.root.getByTestId('wellbeing-picker').locator(`[data-value="${level}"]`).click();
  }

  /** The error under a field of the form (`summary`, `serviceTypes`, …). */
  fieldError(name: string): Locator {
    return this.root.locator('.ant-form-item').filter({ has: this.page.locator(`#complete_${name}`) }).locator('.ant-form-item-explain-error');
  }

  /** Saves and returns the server's answer to POST /api/tasks/:id/complete. */
  async save(): Promise<Response> {
    const [response] = await Promise.all([this.page.waitForResponse((response) => response.request().method() === 'POST' && /\/api\/tasks\/[^/]+\/complete$/.test(new URL(response.url()).pathname)), this.saveButton.click()]);
    return response;
  }
}
