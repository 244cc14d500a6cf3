import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { NeedsPage } from './pages/needs-page';
import { PersonNeedsCard } from './pages/needs-person-card';
import { PersonPage } from './pages/person-page';
import { registerNeed, seedRankings } from './pages/needs-seed';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const worker = await apiAs(server.url, 'anyuan.worker');
  try {
    await seedRankings(worker);
  } finally {
    await worker.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('needs on a phone (390×844)', () => {
  it('a worker reads the elders’ ranking as cards, health care on top, and the register as cards, nothing scrolling sideways', async () => {
    const client = await apiAs(server.url, 'anyuan.worker');
    const village = await firstVillage(client.api);
    const personId = await createPerson(client, { name: '杨兰英', villageId: village.id, birthDate: '1949-09-09', gender: 'female', groups: ['elder'] });
    const need = await registerNeed(client, personId, 'daily_care', '腿脚不便，做饭打扫有困难');
    await client.close();

    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    try {
      await new SignInPage(page).goto();
      await new SignInPage(page).signIn('anyuan.worker', DEMO_PASSWORD);
      const needs = new NeedsPage(page);
      await needs.goto();
      await needs.waitForRanking('elder');
      expect((await needs.rankedCodes())[0]).toBe('healthcare');
      // Cards, not a table.
      expect(await needs.rankingCard.locator('.ant-table').count()).toBe(0);
      expect(await needs.rankingCard.locator('.lm-card-list [data-testid="ranking-row"]').count()).toBeGreaterThan(2);
      expect(await sideways(page)).toBeLessThanOrEqual(390);

      await needs.openRegister();
      await needs.waitForList();
      await expect.poll(() => needs.row(need.id).count()).toBe(1);
      expect(await needs.list.locator('.ant-table').count()).toBe(0);
      expect(await needs.row(need.id).innerText()).toContain('生活照料');
      expect(await sideways(page)).toBeLessThanOrEqual(390);

      // A count of the summary is a button the size of a fingertip.
      const count = needs.summary.locator('[data-testid="summary-count"][data-need="daily_care"][data-column="unanswered"]');
      const box = await count.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(36);
      await needs.clickCount('daily_care', 'unanswered');
      await expect.poll(() => page.url()).toContain('needType=daily_care');
      await expect.poll(() => needs.row(need.id).count()).toBe(1);

      // The person's card: the need with its status, and moving it on.
      await new PersonPage(page).goto(personId);
      const card = new PersonNeedsCard(page);
      await card.need('daily_care').waitFor({ state: 'visible' });
      const moved = await card.move('daily_care', 'being_served');
      expect(moved.status()).toBe(200);
      await expect.poll(() => card.status('daily_care')).toBe('being_served');
      expect(await sideways(page)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
