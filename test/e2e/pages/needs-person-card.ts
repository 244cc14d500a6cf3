import type { Locator, Page, Response } from 'playwright-core';

/** The needs card on a person's file, with its "register a need" dialog and status menus. */
export class PersonNeedsCard {
  readonly root: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('person-needs-card');
    this.dialog = page.locator('.ant-modal:visible');
  }

  /** Waits until the person's needs have loaded (a need, or the empty note). */
  async waitUntilLoaded(): Promise<void> {
    await this.root.locator('[data-testid="person-need"], .ant-empty').first().waitFor({ state: 'visible' });
  }

  need(code: string): Locator {
    return this.root.locator(`[data-testid="person-need"][data-need="${code}"]`);
  }

  /** Opens the folded list of met and not-met needs. */
  async showClosed(): Promise<void> {
    const toggle = this.root.getByTestId('person-needs-closed');
    if ((await this.root.locator('[data-testid="person-need"][data-status="met"], [data-testid="person-need"][data-status="unmet"]').count()) === 0) await toggle.click();
  }

  async status(code: string): Promise<string | null> {
    return this.need(code).first().getAttribute('data-status');
  }

  /** Registers a need through the dialog and returns the server's answer to the POST. */
  async add(input: { needLabel: string; note?: string; source?: string }): Promise<Response> {
    await this.root.getByTestId('need-add').click();
    await this.dialog.waitFor({ state: 'visible' });
    await this.dialog.locator('#need_needType').click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: input.needLabel }).first().click();
    if (input.source) await this.dialog.getByText(input.source, { exact: true }).click();
    if (input.note) await this.dialog.locator('#need_note').fill(input.note);
    const [response] = await Promise.all([
      this.page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/needs'),
      this.dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
    ]);
    await this.dialog.waitFor({ state: 'hidden' });
    return response;
  }

  /** Moves a need on through its "change status" menu; returns the server's answer to the PATCH. */
  async move(code: string, to: string): Promise<Response> {
    await this.need(code).first().getByTestId('need-change').click();
    const item = this.page.locator('.ant-dropdown:visible').getByTestId(`need-to-${to}`);
    await item.waitFor({ state: 'visible' });
    const [response] = await Promise.all([
      this.page.waitForResponse((response) => response.request().method() === 'PATCH' && new URL(response.url()).pathname.startsWith('/api/needs/')),
      item.click(),
    ]);
    return response;
  }
}
