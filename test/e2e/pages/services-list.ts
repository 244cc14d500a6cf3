import type { Locator, Page } from 'playwright-core';

/** The station's service records (/services): filters, a table on desktop and cards on phones. */
export class ServicesList {
  readonly root: Locator;
  readonly rows: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('services-list-page');
    this.rows = page.locator('.ant-table-tbody tr.ant-table-row');
    this.cards = page.getByTestId('service-card');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/services${query}`);
    await this.root.waitFor({ state: 'visible' });
    await this.page.locator('.ant-table-tbody, .lm-card-list').first().waitFor({ state: 'visible' });
  }

  /** The rows (desktop) or cards (phone) that mention `text`. */
  entries(text: string): Locator {
    return this.page.locator('.ant-table-tbody tr.ant-table-row, [data-testid="service-card"]').filter({ hasText: text });
  }

  /** Chooses a filter option by its label; `filter` is the select's test id (filter-kind, filter-worker, …). */
  async filter(filter: string, label: string): Promise<void> {
    const select = this.page.getByTestId(filter);
    await select.click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
    await this.page.waitForURL((url) => url.search.length > 1);
  }

  /** Waits for the list to answer after a filter change. */
  async settled(): Promise<void> {
    await this.page.waitForLoadState('networkidle');
    await this.page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
  }
}
