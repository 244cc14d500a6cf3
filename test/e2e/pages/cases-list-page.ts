import type { Locator, Page } from 'playwright-core';

/** The cases list (/cases): tabs open / waiting for approval / review overdue / closed. */
export class CasesListPage {
  constructor(readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/cases${query}`);
    await this.page.getByTestId('cases-tab-open').waitFor({ state: 'visible' });
  }

  async openTab(key: 'open' | 'closeRequested' | 'reviewDue' | 'closed'): Promise<void> {
    await this.page.getByTestId(`cases-tab-${key}`).click();
  }

  row(name: string): Locator {
    return this.page.locator('[data-testid="case-row"], [data-testid="case-card"]').filter({ hasText: name });
  }
}
