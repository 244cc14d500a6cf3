import type { Locator, Page, Response } from 'playwright-core';

/** A survey's page (/surveys/:id): its head and actions, and the tabs of results, cross-tab, ranking, responses, versions. */
export class SurveyPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly head: Locator;
  readonly ranking: Locator;
  readonly rankingRespondents: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('survey-page');
    this.title = page.getByTestId('survey-name');
    this.head = page.getByTestId('survey-head');
    this.ranking = page.getByTestId('ranking-tab');
    this.rankingRespondents = page.getByTestId('ranking-respondents');
  }

  async goto(id: string, tab?: string): Promise<void> {
    await this.page.goto(tab ? `/surveys/${id}?tab=${tab}` : `/surveys/${id}`);
    await this.title.waitFor({ state: 'visible' });
  }

  /** The survey's id, from the address. */
  id(): string {
    const match = /\/surveys\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a survey: ${this.page.url()}`);
    return match[1];
  }

  async status(): Promise<string | null> {
    return this.head.locator('[data-status]').first().getAttribute('data-status');
  }

  tab(key: string): Locator {
    return this.page.getByTestId(`survey-tab-${key}`);
  }

  async openTab(key: string): Promise<void> {
    await this.tab(key).click();
    await this.page.getByTestId(`${key}-tab`).waitFor({ state: 'visible' });
  }

  /** Publishes (or closes, or reopens) through the confirmation and returns the server's answer. */
  async changeStatus(action: 'publish' | 'close' | 'reopen'): Promise<Response> {
    await this.page.getByTestId(`survey-${action}`).click();
    const dialog = this.page.locator('.ant-modal-confirm:visible');
    await dialog.waitFor({ state: 'visible' });
    const [response] = await Promise.all([
      this.page.waitForResponse((response) => response.request().method() === 'PUT' && /\/api\/surveys\/[0-9a-f-]{36}$/.test(new URL(response.url()).pathname)),
      dialog.locator('.ant-btn-primary, .ant-btn-dangerous').last().click(),
    ]);
    await dialog.waitFor({ state: 'hidden' });
    return response;
  }

  /** The ranking table as { needType label → [rank, count] }, read from its rows. */
  async rankingRows(): Promise<Array<{ need: string; rank: number; count: number }>> {
    const rows = this.ranking.locator('.ant-table-row, [data-testid="ranking-row"]');
    return rows.evaluateAll((items) =>
      items.map((item) => {
        const cells = Array.from(item.querySelectorAll('td')).map((cell) => (cell.textContent ?? '').trim());
        return { need: cells[1] ?? '', rank: Number(cells[0]), count: Number(cells[2]) };
      }),
    );
  }

  /** A question's card in the results tab. */
  result(key: string): Locator {
    return this.page.locator(`[data-testid="question-result"][data-key="${key}"]`);
  }

  /** The count of an option in a question's results table. */
  async optionCount(key: string, value: string): Promise<number> {
    const text = await this.result(key).locator(`tr[data-value="${value}"] [data-testid="option-count"]`).textContent();
    return Number(text?.trim());
  }
}
