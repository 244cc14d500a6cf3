import type { Download, Locator, Page } from 'playwright-core';

/** Care alerts (/care/alerts?type=…): counts per type as tabs, the people, per worker, the visit rate. */
export class CareAlertsPage {
  readonly root: Locator;
  readonly byWorker: Locator;
  readonly visitRate: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('alerts-page');
    this.byWorker = page.getByTestId('alerts-by-worker');
    this.visitRate = page.getByTestId('visit-rate-card');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/care/alerts${query}`);
    await this.root.waitFor({ state: 'visible' });
  }

  /** The count on a type's tab, once the summary has answered. */
  async count(type: string): Promise<number> {
    const badge = this.page.getByTestId(`alert-count-${type}`);
    await this.page.waitForFunction((id) => /^\d+$/.test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''), `alert-count-${type}`);
    return Number(await badge.innerText());
  }

  /** The type of the tab that is open. */
  async activeType(): Promise<string | null> {
    const active = this.page.locator('.lm-care-alert-tabs .ant-tabs-tab-active [data-testid^="alert-tab-"]');
    return ((await active.getAttribute('data-testid')) ?? '').replace('alert-tab-', '') || null;
  }

  async export(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('alerts-export').click();
    return download;
  }
}
