import type { Locator, Page, Response } from 'playwright-core';

/** The survey builder (/surveys/new, /surveys/:id/edit): the survey's fields, question cards and the preview. */
export class SurveyBuilder {
  readonly root: Locator;
  readonly title: Locator;
  readonly description: Locator;
  readonly cards: Locator;
  readonly preview: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('survey-builder');
    this.title = page.getByTestId('survey-title');
    this.description = page.getByTestId('survey-description');
    this.cards = page.getByTestId('question-card');
    this.preview = page.getByTestId('builder-preview');
    this.error = page.getByTestId('builder-error');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/surveys/new');
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.cards.first().waitFor({ state: 'visible' });
  }

  /**
   * Picks an option of an antd select by its visible text. A searchable select is typed into
   * first: its list is virtual, so an option far down is not in the page until searched for.
   */
  private async pick(select: Locator, label: string, search = false): Promise<void> {
    await select.click();
    if (search) await this.page.keyboard.type(label);
    const option = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first();
    await option.click();
    await option.waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  async chooseAudience(label: string): Promise<void> {
    await this.pick(this.page.getByTestId('survey-audience'), label, true);
  }

  async chooseMode(label: string): Promise<void> {
    await this.page.getByTestId('survey-mode').getByText(label, { exact: true }).click();
  }

  card(index: number): Locator {
    return this.cards.nth(index);
  }

  async setType(index: number, label: string): Promise<void> {
    await this.pick(this.card(index).getByTestId('question-type'), label);
  }

  async setText(index: number, text: string): Promise<void> {
    await this.card(index).getByTestId('question-text').fill(text);
  }

  async setRequired(index: number, required: boolean): Promise<void> {
    const toggle = this.card(index).getByTestId('question-required');
    if ((await toggle.getAttribute('aria-checked')) !== String(required)) await toggle.click();
  }

  /** Fills option `optionIndex` of a question (adding rows as needed), with its need type. */
  async setOption(index: number, optionIndex: number, label: string, needType?: string): Promise<void> {
    const card = this.card(index);
    while ((await card.getByTestId('option-row').count()) <= optionIndex) await card.getByTestId('option-add').click();
    const row = card.getByTestId('option-row').nth(optionIndex);
    await row.getByTestId('option-label').fill(label);
    if (needType) await this.pick(row.getByTestId('option-need'), needType, true);
  }

  /** Adds a question of a type (单选题, 多选题 …) at the end. */
  async addQuestion(typeLabel: string): Promise<void> {
    const before = await this.cards.count();
    await this.page.getByTestId('question-add').click();
    await this.page.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item').filter({ hasText: typeLabel }).click();
    await this.cards.nth(before).waitFor({ state: 'visible' });
  }

  /** "Show only when question `source` (its text, or 第 N 题) is `value`". */
  async showIf(index: number, source: string, value: string): Promise<void> {
    const card = this.card(index);
    await this.pick(card.getByTestId('showif-source'), source);
    await this.pick(card.getByTestId('showif-value'), value);
  }

  async moveUp(index: number): Promise<void> {
    await this.card(index).getByTestId('question-up').click();
  }

  async togglePreview(): Promise<void> {
    await this.page.getByTestId('preview-toggle').click();
  }

  /** The questions the preview shows, by their keys. */
  previewKeys(): Promise<string[]> {
    return this.preview.locator('fieldset[data-question]').evaluateAll((items) => items.map((item) => item.getAttribute('data-question') ?? ''));
  }

  /** Taps an option of a question in the preview. */
  async previewChoose(key: string, label: string): Promise<void> {
    await this.preview.locator(`fieldset[data-question="${key}"]`).getByRole('radio', { name: label, exact: true }).click();
  }

  /** The error shown on a question card (a field's, an option's or the card's own). */
  cardErrors(index: number): Locator {
    return this.card(index).locator('.ant-form-item-explain-error, [data-testid="question-card-error"], .lm-sv-option__error');
  }

  private async saveWith(testId: string): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((response) => ['POST', 'PUT'].includes(response.request().method()) && /\/api\/surveys(\/[0-9a-f-]{36})?$/.test(new URL(response.url()).pathname)),
      this.page.getByTestId(testId).click(),
    ]);
    return response;
  }

  /** Saves (a new survey as a draft) and returns the server's answer. */
  save(): Promise<Response> {
    return this.saveWith('builder-save');
  }

  saveAndPublish(): Promise<Response> {
    return this.saveWith('builder-save-publish');
  }
}
