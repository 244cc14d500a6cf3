import type { Locator, Page, Response } from 'playwright-core';

/** The contact-plan card on a person's file, and its dialogs. */
export class TaskPlanCard {
  readonly root: Locator;
  readonly source: Locator;
  readonly dialog: Locator;
  readonly resetDialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('person-plan-card');
    this.source = this.root.getByTestId('plan-source');
    this.dialog = page.getByTestId('plan-dialog');
    this.resetDialog = page.getByTestId('plan-reset-dialog');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.root.locator('[data-testid="plan-source"], [data-testid="plan-none"]').first().waitFor({ state: 'visible' });
  }

  channel(channel: 'phone' | 'home_visit'): Locator {
    return this.root.locator(`[data-testid="plan-channel"][data-channel="${channel}"]`);
  }

  async openEdit(): Promise<void> {
    await this.root.getByTestId('plan-edit').click();
    await this.dialog.waitFor({ state: 'visible' });
  }

  /** Turns a channel on or off in the edit dialog. */
  async setChannel(channel: 'phone' | 'home_visit', on: boolean): Promise<void> {
    const toggle = this.dialog.getByTestId(`plan-on-${channel}`);
    if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
  }

  /** Taps a cadence chip (每周, 每月, …) of a channel. */
  async chooseEvery(channel: 'phone' | 'home_visit', label: string): Promise<void> {
    await this.dialog.getByTestId(`plan-edit-${channel}`).getByRole('button', { name: label, exact: true }).click();
  }

  async fillReason(text: string): Promise<void> {
    await this.dialog.getByTestId('plan-reason-input').fill(text);
  }

  /** Saves the dialog and returns the server's answer to the PUT. */
  async save(): Promise<Response> {
    const [response] = await Promise.all([this.page.waitForResponse((response) => response.request().method() === 'PUT' && new URL(response.url()).pathname.endsWith('/contact-plan')), this.page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click()]);
    return response;
  }

  /** Returns the person to the station's rules, with a reason. */
  async reset(reason: string): Promise<Response> {
    await this.root.getByTestId('plan-reset').click();
    await this.resetDialog.waitFor({ state: 'visible' });
    await this.resetDialog.getByTestId('plan-reset-reason').fill(reason);
    const [response] = await Promise.all([this.page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith('/contact-plan/reset')), this.page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click()]);
    return response;
  }
}
