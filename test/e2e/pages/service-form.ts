import type { Locator, Page, Response } from 'playwright-core';

/** The form that logs a service (/services/new?personId=…). */
export class ServiceForm {
  readonly root: Locator;
  readonly person: Locator;
  readonly summary: Locator;
  readonly checklist: Locator;
  readonly saveButton: Locator;
  readonly photoInput: Locator;
  readonly photoQueue: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('service-form-page');
    this.person = page.getByTestId('service-person');
    this.summary = page.locator('#service_summary');
    this.checklist = page.getByTestId('checklist');
    this.saveButton = page.getByTestId('service-save');
    this.photoInput = page.getByTestId('photo-input');
    this.photoQueue = page.getByTestId('photo-queue');
  }

  async gotoFor(personId: string): Promise<void> {
    await this.page.goto(`/services/new?personId=${personId}`);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.person.waitFor({ state: 'visible' });
  }

  /** The big 服务方式 button of a kind, by its label. */
  kind(label: string): Locator {
    return this.page.getByTestId('kind-picker').getByRole('radio', { name: label, exact: true });
  }

  async chooseKind(label: string): Promise<void> {
    await this.kind(label).click();
  }

  async toggleType(label: string): Promise<void> {
    await this.page.getByTestId('type-picker').getByRole('checkbox', { name: label, exact: true }).click();
  }

  async chooseDuration(minutes: 15 | 30 | 45 | 60): Promise<void> {
    await this.page.getByTestId('duration-picker').locator(`[data-value="${minutes}"]`).click();
  }

  async fillSummary(text: string): Promise<void> {
    await this.summary.fill(text);
  }

  async chooseWellbeing(level: 1 | 2 | 3 | 4 | 5): Promise<void> {
    await this.page.getByTestId('wellbeing-picker').locator(`[data-value="${level}"]`).click();
  }

  /** Turns on "needs a follow-up" and taps a quick pick (明天, 一周后, …). */
  async followUp(preset: string): Promise<void> {
    await this.page.getByTestId('follow-up-switch').click();
    await this.page.locator('.lm-svc-follow-up').getByRole('button', { name: preset, exact: true }).click();
  }

  /** Opens a checklist section by its label (身体状况, 居家安全, …). */
  async openSection(label: string): Promise<void> {
    await this.checklist.locator('.ant-collapse-header').filter({ hasText: label }).click();
  }

  /** Answers one checklist item (`home_safety.heating`) with 正常 / 有问题 / 未查看. */
  async answer(item: string, label: string): Promise<void> {
    await this.checklist.locator(`[data-item="${item}"]`).getByRole('radio', { name: label, exact: true }).click();
  }

  finding(item: string): Locator {
    return this.checklist.locator(`[data-item="${item}"] [aria-checked="true"]`);
  }

  async restOk(section: string): Promise<void> {
    await this.page.getByTestId(`checklist-rest-ok-${section}`).click();
  }

  async fillNote(section: string, text: string): Promise<void> {
    await this.page.locator(`#service_checklist_${section}_note`).fill(text);
  }

  async addPhoto(name: string, buffer: Buffer, mimeType = 'image/png'): Promise<void> {
    await this.photoInput.setInputFiles({ name, mimeType, buffer });
  }

  /** The error under a field: `summary`, `serviceTypes`, … */
  fieldError(name: string): Locator {
    return this.page.locator('.ant-form-item').filter({ has: this.page.locator(`#service_${name}`) }).locator('.ant-form-item-explain-error');
  }

  /** Saves and returns the server's answer to the POST of the record. */
  async save(): Promise<Response> {
    const [response] = await Promise.all([this.page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/services'), this.saveButton.click()]);
    return response;
  }
}
