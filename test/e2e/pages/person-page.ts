import type { Locator, Page } from 'playwright-core';

/** A person's file (/people/:id). */
export class PersonPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly idNumber: Locator;
  readonly revealButton: Locator;
  readonly editButton: Locator;
  readonly dangerButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('person-page');
    this.name = page.getByTestId('person-name');
    this.idNumber = page.getByTestId('id-number');
    this.revealButton = page.getByTestId('reveal-id');
    this.editButton = page.getByTestId('person-edit');
    this.dangerButton = page.getByTestId('danger-report-button');
    this.dialog = page.locator('.ant-modal:visible');
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/people/${id}`);
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.name.waitFor({ state: 'visible' });
  }

  /** The person's id, from the address. */
  id(): string {
    const match = /\/people\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a person page: ${this.page.url()}`);
    return match[1];
  }

  text(): Promise<string> {
    return this.root.innerText();
  }

  async reportDanger(input: { reportedTo: string; what: string }): Promise<void> {
    await this.dangerButton.click();
    await this.dialog.waitFor({ state: 'visible' });
    await this.dialog.locator('#danger_reportedTo').fill(input.reportedTo);
    await this.dialog.locator('#danger_what').fill(input.what);
    await this.dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
