import type { Locator, Page } from 'playwright-core';

/** Visit findings (/services/findings?item=…): who was found of concern on one checklist item. */
export class FindingsPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('findings-page');
  }

  async goto(item?: string): Promise<void> {
    await this.page.goto(item ? `/services/findings?item=${item}` : '/services/findings');
    await this.root.waitFor({ state: 'visible' });
    await this.page.locator('.ant-table-tbody, .lm-card-list').first().waitFor({ state: 'visible' });
  }

  /** The row (desktop) or card (phone) of a person. */
  entry(name: string): Locator {
    return this.page.locator('.ant-table-tbody tr.ant-table-row, [data-testid="finding-card"]').filter({ hasText: name });
  }
}
