import type { Locator, Page, Response } from 'playwright-core';

/** The festival calendar (/care) and its "start festival care" dialog. */
export class CareCalendarPage {
  readonly root: Locator;
  readonly upcoming: Locator;
  readonly festivals: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('calendar-page');
    this.upcoming = page.getByTestId('calendar-upcoming');
    this.festivals = page.getByTestId('festival');
    this.dialog = page.locator('.ant-modal:visible').filter({ has: page.getByTestId('campaign-dialog') });
  }

  async goto(): Promise<void> {
    await this.page.goto('/care');
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.root.waitFor({ state: 'visible' });
    await this.festivals.first().waitFor({ state: 'visible' });
  }

  /** The festivals a manager may still start a campaign for, earliest first. */
  startable(): Locator {
    return this.festivals.filter({ has: this.page.getByTestId('festival-start') });
  }

  festival(code: string, date: string): Locator {
    return this.page.locator(`[data-testid="festival"][data-code="${code}"][data-date="${date}"]`);
  }

  async openDialog(festival: Locator): Promise<void> {
    await festival.getByTestId('festival-start').click();
    await this.dialog.waitFor({ state: 'visible' });
  }

  /** Ticks exactly the groups named (by their labels) in the open dialog. */
  async chooseGroups(labels: readonly string[]): Promise<void> {
    const boxes = this.dialog.locator('.lm-care-groups .ant-checkbox-wrapper');
    for (const box of await boxes.all()) {
      const label = (await box.innerText()).trim();
      const checked = await box.locator('input').isChecked();
      if (checked !== labels.includes(label)) await box.click();
    }
  }

  /** Ticks exactly the ways named (电话问候, 入户探访). */
  async chooseKinds(labels: readonly string[]): Promise<void> {
    const boxes = this.dialog.locator('.ant-form-item').filter({ hasText: '关怀方式' }).locator('.ant-checkbox-wrapper');
    for (const box of await boxes.all()) {
      const label = (await box.innerText()).trim();
      const checked = await box.locator('input').isChecked();
      if (checked !== labels.includes(label)) await box.click();
    }
  }

  /** Submits the dialog and returns the server's answer. */
  async submit(): Promise<Response> {
    const [response] = await Promise.all([this.page.waitForResponse((response) => response.url().endsWith('/api/campaigns') && response.request().method() === 'POST'), this.dialog.locator('.ant-modal-footer .ant-btn-primary').click()]);
    return response;
  }
}
