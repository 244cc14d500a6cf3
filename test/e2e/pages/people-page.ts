import type { Locator, Page } from 'playwright-core';

/** The people list (/people): search, filters, the table on desktop and cards on phones. */
export class PeoplePage {
  readonly search: Locator;
  readonly table: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('people-search').locator('input');
    this.table = page.locator('.ant-table-tbody');
    this.cards = page.getByTestId('person-card');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/people${query}`);
    await this.search.waitFor({ state: 'visible' });
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
  }

  row(name: string): Locator {
    return this.table.locator('tr.ant-table-row').filter({ hasText: name });
  }

  card(name: string): Locator {
    return this.cards.filter({ hasText: name });
  }

  listText(): Promise<string> {
    return this.page.locator('.lm-content .ant-card').last().innerText();
  }
}
