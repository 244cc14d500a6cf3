import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { CampaignPage } from './pages/campaign-page';
import { CareCalendarPage } from './pages/care-calendar-page';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The next festival's campaign for elders, started through the API. */
async function startCampaign(): Promise<{ id: string; tasksCreated: number }> {
  const client = await apiAs(server.url, 'anyuan.manager');
  try {
    const reply = await client.api.post('/api/campaigns', {
      data: { festival: 'spring_festival', groups: ['elder', 'empty_nest_elder', 'solitary_elder'], kinds: ['phone', 'home_visit'], windowDays: 10 },
      headers: { 'X-CSRF-Token': client.csrf },
    });
    if (reply.status() !== 201) throw new Error(`campaign: ${reply.status()} ${await reply.text()}`);
    return (await reply.json()) as { id: string; tasksCreated: number };
  } finally {
    await client.close();
  }
}

describe('festival care on a phone (390×844)', () => {
  it('the manager reads a campaign’s progress by village and worker as cards, without sideways scrolling, and the calendar puts the coming festivals first', async () => {
    const campaign = await startCampaign();
    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn('anyuan.manager', DEMO_PASSWORD);

      await page.goto(`/care/campaigns/${campaign.id}`);
      const shown = new CampaignPage(page);
      await shown.waitUntilShown();
      expect(await shown.count('total')).toBe(campaign.tasksCreated);
      const villages = shown.rows(shown.byVillage);
      await villages.first().waitFor();
      expect(await shown.byVillage.locator('table').count()).toBe(0);
      expect(await villages.count()).toBeGreaterThan(0);
      expect(await shown.rows(shown.byWorker).count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shown.tasksLink.waitFor({ state: 'visible' });

      const calendar = new CareCalendarPage(page);
      await calendar.goto();
      await calendar.upcoming.waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Festivals already past this year are folded away behind a button, unless none has passed yet.
      const toggle = page.getByTestId('calendar-past-toggle');
      if ((await toggle.count()) > 0) {
        const before = await calendar.festivals.count();
        await toggle.click();
        await page.waitForFunction((count) => document.querySelectorAll('[data-testid="festival"]').length > count, before);
      }
    } finally {
      await context.close();
    }
  });
});
