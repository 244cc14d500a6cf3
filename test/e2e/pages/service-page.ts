import type { Locator, Page, Response } from 'playwright-core';

/** One service record (/services/:id): details, checklist, photos, history, correction. */
export class ServiceRecordPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly details: Locator;
  readonly summary: Locator;
  readonly checklist: Locator;
  readonly photos: Locator;
  readonly history: Locator;
  readonly editButton: Locator;
  readonly conflict: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('service-page');
    this.title = page.getByTestId('service-title');
    this.details = page.getByTestId('record-details').first();
    this.summary = page.getByTestId('record-summary').first();
    this.checklist = page.getByTestId('checklist-view');
    this.photos = page.getByTestId('photo-gallery').locator('img');
    this.history = page.getByTestId('revisions-card');
    this.editButton = page.getByTestId('service-edit-button');
    this.conflict = page.getByTestId('service-conflict');
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/services/${id}`);
    await this.title.waitFor({ state: 'visible' });
  }

  /** The record's id, from the address. */
  id(): string {
    const match = /\/services\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a service record: ${this.page.url()}`);
    return match[1];
  }

  corrections(): Locator {
    return this.history.getByTestId('correction');
  }

  async startCorrection(): Promise<void> {
    await this.editButton.click();
    await this.page.getByTestId('service-edit').waitFor({ state: 'visible' });
  }

  field(name: string): Locator {
    return this.page.locator(`#serviceEdit_${name}`);
  }

  /** Saves the correction (or re-applies it after a conflict) and returns the server's answer. */
  async saveCorrection(button: 'save' | 'reapply' = 'save'): Promise<Response> {
    const [response] = await Promise.all([this.page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/api/services/')), this.page.getByTestId(button === 'save' ? 'service-save-edit' : 'conflict-reapply').click()]);
    return response;
  }
}
