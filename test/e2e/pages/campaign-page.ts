import type { Locator, Page } from 'playwright-core';

/** A festival campaign (/care/campaigns/:id): progress overall, by village and by worker. */
export class CampaignPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly byVillage: Locator;
  readonly byWorker: Locator;
  readonly tasksLink: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('campaign-page');
    this.name = page.getByTestId('campaign-name');
    this.byVillage = page.getByTestId('campaign-by-village');
    this.byWorker = page.getByTestId('campaign-by-worker');
    this.tasksLink = page.getByTestId('campaign-tasks');
  }

  async waitUntilShown(): Promise<void> {
    await this.root.waitFor({ state: 'visible' });
  }

  /** The campaign's id, from the address. */
  id(): string {
    return new URL(this.page.url()).pathname.split('/').pop() ?? '';
  }

  /** One of the overall counts: done, open, unreachable, total. */
  async count(which: 'done' | 'open' | 'unreachable' | 'total'): Promise<number> {
    return Number((await this.page.getByTestId(`campaign-${which}`).locator('.lm-care-stat__value').innerText()).trim());
  }

  /** The rows (desktop table) or cards (phone list) of a progress card. */
  rows(card: Locator): Locator {
    return card.locator('.ant-table-tbody tr.ant-table-row, [data-testid="progress-row"]');
  }
}
