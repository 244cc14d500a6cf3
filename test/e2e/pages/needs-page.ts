import type { Download, Locator, Page, Response } from 'playwright-core';

/** 需求分析 (/needs): the ranking of a group's needs, and the needs register. */
export class NeedsPage {
  readonly root: Locator;
  readonly rankingCard: Locator;
  readonly overview: Locator;
  readonly summary: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('needs-page');
    this.rankingCard = page.getByTestId('ranking-card');
    this.overview = page.getByTestId('ranking-overview');
    this.summary = page.getByTestId('needs-summary');
    this.list = page.getByTestId('needs-list');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/needs${query}`);
    await this.root.waitFor({ state: 'visible' });
  }

  /** The ranking of a group, once its answer is drawn (rows or the empty note). */
  async waitForRanking(group: string): Promise<void> {
    await this.page.locator(`[data-testid="ranking-card"][data-group="${group}"]`).waitFor({ state: 'visible' });
    await this.rankingCard.locator('[data-testid="ranking-row"], [data-testid="ranking-empty"]').first().waitFor({ state: 'visible' });
  }

  /** The needs of the table, top down. */
  async rankedNeeds(): Promise<string[]> {
    return (await this.rankingCard.getByTestId('ranking-need').allInnerTexts()).map((text) => text.trim());
  }

  /** The need codes of the table, top down. */
  async rankedCodes(): Promise<string[]> {
    const rows = this.rankingCard.getByTestId('ranking-row');
    const codes: string[] = [];
    for (const row of await rows.all()) codes.push((await row.getAttribute('data-need')) ?? '');
    return codes;
  }

  async respondents(): Promise<number> {
    return Number(await this.rankingCard.getByTestId('ranking-respondents').getAttribute('data-count'));
  }

  /** The top needs (codes) of a group's overview card. */
  async overviewNeeds(group: string): Promise<string[]> {
    const items = this.overview.locator(`[data-testid="overview-card"][data-group="${group}"] [data-testid="overview-need"]`);
    const codes: string[] = [];
    for (const item of await items.all()) codes.push((await item.getAttribute('data-need')) ?? '');
    return codes;
  }

  async openOverview(group: string): Promise<void> {
    await this.overview.locator(`[data-testid="overview-card"][data-group="${group}"]`).click();
  }

  /** Chooses a group in the filter by its label. */
  async chooseGroup(label: string): Promise<void> {
    await this.page.getByTestId('ranking-group').click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
  }

  async exportExcel(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('ranking-export').click()]);
    return download;
  }

  async downloadSvg(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('ranking-svg').click()]);
    return download;
  }

  async downloadPng(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('ranking-png').click()]);
    return download;
  }

  // -- register ---------------------------------------------------------------------------------

  async openRegister(): Promise<void> {
    await this.page.getByTestId('needs-tab-register').click();
    await this.summary.waitFor({ state: 'visible' });
  }

  /** Waits for the register's list to have answered (rows, or the empty note). */
  async waitForList(): Promise<void> {
    await this.list.locator('[data-testid="need-row"], .ant-empty').first().waitFor({ state: 'visible' });
  }

  /** Ticks "unanswered only" and returns the list's answer. */
  async unansweredOnly(): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((response) => new URL(response.url()).pathname === '/api/needs' && new URL(response.url()).searchParams.get('unanswered') === 'true'),
      this.page.getByTestId('register-unanswered').click(),
    ]);
    return response;
  }

  /** Clicks a count of the summary (column: identified | beingServed | met | unmet | unanswered; need: a code or "all"). */
  async clickCount(need: string, column: string): Promise<Response> {
    const [response] = await Promise.all([
      this.page.waitForResponse((response) => new URL(response.url()).pathname === '/api/needs'),
      this.summary.locator(`[data-testid="summary-count"][data-need="${need}"][data-column="${column}"]`).click(),
    ]);
    return response;
  }

  row(id: string): Locator {
    return this.list.locator(`[data-testid="need-row"][data-id="${id}"]`);
  }

  rows(): Locator {
    return this.list.getByTestId('need-row');
  }
}
