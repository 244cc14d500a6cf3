import type { Locator, Page } from 'playwright-core';

/** The home page (/), with the manager's open danger reports on top. */
export class HomePage {
  readonly dangerReports: Locator;

  constructor(readonly page: Page) {
    this.dangerReports = page.getByTestId('danger-reports');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByTestId('today').waitFor({ state: 'visible' });
  }

  dangerReport(name: string): Locator {
    return this.page.getByTestId('danger-report').filter({ hasText: name });
  }

  async acknowledge(name: string, label: string): Promise<void> {
    await this.dangerReport(name).getByRole('button', { name: label }).click();
  }
}
