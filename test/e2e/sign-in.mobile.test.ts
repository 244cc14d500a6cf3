import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { SignInPage } from './pages/sign-in-page';
import { Shell } from './pages/shell';

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

describe('on a phone (390×844)', () => {
  it('a worker signs in and opens the menu drawer to reach the places page', async () => {
    const context = await newContext(browser, server.url, 'phone');
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      // The form fits the screen: nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

      await signIn.signIn('anyuan.worker', DEMO_PASSWORD);
      const shell = new Shell(page);
      expect(await page.locator('.lm-sider').count()).toBe(0);

      const drawer = await shell.openDrawer();
      expect(await drawer.innerText()).toContain('安远镇社工站');
      expect(await shell.menuLabels()).toEqual(['首页', '我的任务', '服务对象', '服务记录', '个案管理', '关爱服务', '问卷调查', '需求分析', '机构与村居']);

      await shell.go('机构与村居');
      await page.waitForURL('**/places');
      await drawer.waitFor({ state: 'hidden' });
      await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('安远镇社工站');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
