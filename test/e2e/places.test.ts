import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { SignInPage } from './pages/sign-in-page';
import { PlacesPage } from './pages/places-page';

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

describe('places', () => {
  it('a station manager adds a village to the station and renames it', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      await new SignInPage(page).goto();
      await new SignInPage(page).signIn('anyuan.manager', DEMO_PASSWORD);
      const places = new PlacesPage(page);
      await places.goto();
      await places.addVillage('安远镇社工站', '测试新村');
      await expect.poll(() => places.tableText()).toContain('测试新村');

      await places.rename('测试新村', '测试新村二组');
      await expect.poll(() => places.tableText()).toContain('测试新村二组');
    } finally {
      await context.close();
    }
  });

  it('a rename that lost a race shows the name saved meanwhile, and saving again wins', async () => {
    const managerContext = await newContext(browser, server.url);
    const adminContext = await newContext(browser, server.url);
    const page = await managerContext.newPage();
    const other = await adminContext.newPage();
    try {
      await new SignInPage(page).goto();
      await new SignInPage(page).signIn('anyuan.manager', DEMO_PASSWORD);
      await new SignInPage(other).goto();
      await new SignInPage(other).signIn('admin', DEMO_PASSWORD);

      const places = new PlacesPage(page);
      await places.goto();
      await places.addVillage('安远镇社工站', '竞争村');
      await expect.poll(() => places.tableText()).toContain('竞争村');

      // The manager opens the rename dialog; meanwhile the administrator renames the village.
      await places.openRename('竞争村');
      const otherPlaces = new PlacesPage(other);
      await otherPlaces.goto();
      await otherPlaces.rename('竞争村', '竞争村（管理员改）');
      await expect.poll(() => otherPlaces.tableText()).toContain('竞争村（管理员改）');

      await places.fillNameAndSave('竞争村（站长改）');
      await expect.poll(() => places.conflictText()).toContain('竞争村（管理员改）');
      await places.save();
      await places.dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => places.tableText()).toContain('竞争村（站长改）');
    } finally {
      await managerContext.close();
      await adminContext.close();
    }
  });
});
