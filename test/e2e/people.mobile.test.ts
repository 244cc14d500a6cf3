import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { PeoplePage } from './pages/people-page';
import { PersonPage } from './pages/person-page';

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

describe('people on a phone (390×844)', () => {
  it('the list shows cards; a person opens with a tap-to-call link', async () => {
    const client = await apiAs(server.url, 'anyuan.worker');
    const village = await firstVillage(client.api);
    await createPerson(client, { name: '李桂英', villageId: village.id, birthDate: '1948-02-11', gender: 'female', phone: '13893501234', groups: ['solitary_elder'] });
    await client.close();

    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn('anyuan.worker', DEMO_PASSWORD);
      const list = new PeoplePage(page);
      await list.goto();
      await list.searchFor('李桂英');
      await list.card('李桂英').waitFor({ state: 'visible' });
      expect(await page.locator('.ant-table').count()).toBe(0);
      expect(await list.card('李桂英').locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:13893501234');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await list.card('李桂英').locator('.lm-card-list__line').click();
      const person = new PersonPage(page);
      await person.waitUntilShown();
      expect(await person.root.locator('a[href="tel:13893501234"]').count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
