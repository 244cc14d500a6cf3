import type { Locator, Page } from 'playwright-core';

/** The places page (/places): the org tree and its add / rename dialogs. */
export class PlacesPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.locator('.ant-table-tbody');
    this.dialog = page.locator('.ant-modal:visible');
  }

  async goto(): Promise<void> {
    await this.page.goto('/places');
    await this.table.locator('tr.ant-table-row').first().waitFor({ state: 'visible' });
  }

  tableText(): Promise<string> {
    return this.table.innerText();
  }

  row(name: string): Locator {
    return this.table.locator('tr.ant-table-row').filter({ hasText: name }).last();
  }

  async addVillage(station: string, name: string): Promise<void> {
    await this.row(station).locator('td:last-child button').click();
    await this.fillNameAndSave(name);
    await this.dialog.waitFor({ state: 'hidden' });
  }

  async openRename(village: string): Promise<void> {
    await this.table.locator('tr.ant-table-row').filter({ has: this.page.getByText(village, { exact: true }) }).locator('td:last-child button').click();
    await this.dialog.waitFor({ state: 'visible' });
  }

  async rename(village: string, name: string): Promise<void> {
    await this.openRename(village);
    await this.fillNameAndSave(name);
    await this.dialog.waitFor({ state: 'hidden' });
  }

  async fillNameAndSave(name: string): Promise<void> {
    const input = this.dialog.locator('input');
    await input.fill(name);
    await this.save();
  }

  async save(): Promise<void> {
    await this.dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  }

  async conflictText(): Promise<string> {
    const alert = this.page.getByTestId('version-conflict');
    await alert.waitFor({ state: 'visible' });
    return alert.innerText();
  }
}
