import type { Locator, Page } from 'playwright-core';

/** The users page (/users) and its create / reset-password dialogs. */
export class UsersPage {
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.locator('.ant-table-tbody');
    this.dialog = page.locator('.ant-modal:visible');
  }

  async goto(): Promise<void> {
    await this.page.goto('/users');
    await this.table.locator('tr.ant-table-row').first().waitFor({ state: 'visible' });
  }

  tableText(): Promise<string> {
    return this.table.innerText();
  }

  row(username: string): Locator {
    return this.table.locator('tr.ant-table-row').filter({ hasText: username });
  }

  private async choose(field: Locator, option: string, optionSelector: string): Promise<void> {
    await field.click();
    await this.page.locator(`${optionSelector}:visible`).filter({ hasText: option }).first().click();
  }

  async create(input: { username: string; displayName: string; roleLabel: string; orgName: string; password: string }): Promise<void> {
    await this.page.locator('.lm-page-head__extra .ant-btn-primary').click();
    await this.dialog.waitFor({ state: 'visible' });
    const items = this.dialog.locator('.ant-form-item');
    await items.nth(0).locator('input').fill(input.username);
    await items.nth(1).locator('input').fill(input.displayName);
    await this.choose(items.nth(2).locator('.ant-select'), input.roleLabel, '.ant-select-item-option');
    await this.choose(items.nth(3).locator('.ant-select'), input.orgName, '.ant-select-tree-treenode');
    await items.nth(4).locator('input').fill(input.password);
    await this.dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  }

  async setDisabled(username: string, label: string): Promise<void> {
    await this.row(username).getByRole('button', { name: label }).click();
    await this.page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
  }
}
