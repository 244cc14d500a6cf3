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

describe('signing in', () => {
  it('a worker signs in, reads the home page in Chinese, switches to English, keeps it after a reload and signs out', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      await page.goto('/');
      const signIn = new SignInPage(page);
      await signIn.waitUntilShown();
      expect(page.url()).toContain('/sign-in');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await signIn.demoNote.innerText()).toContain('合成数据');

      await signIn.signIn('anyuan.worker', DEMO_PASSWORD);
      const shell = new Shell(page);
      expect(await shell.menuLabels()).toEqual(['首页', '我的任务', '服务对象', '服务记录', '个案管理', '关爱服务', '问卷调查', '需求分析', '机构与村居']);
      expect(await shell.scopeName()).toBe('安远镇社工站');
      expect(await shell.headerText()).toContain('社工');
      await expect.poll(() => page.getByTestId('today').innerText()).toMatch(/^今天是 \d{4}年\d{1,2}月\d{1,2}日 星期[一二三四五六日]$/);
      await expect.poll(() => page.locator('.lm-home').innerText()).toContain('村(社区)');

      await shell.switchLanguage('English');
      await expect.poll(() => shell.menuLabels()).toEqual(['Home', 'My tasks', 'People', 'Service records', 'Casework', 'Care', 'Surveys', 'Needs', 'Places']);
      expect(await shell.headerText()).toContain('Social worker');
      expect(await page.getByTestId('today').innerText()).toMatch(
        /^Today is (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}$/,
      );
      expect(await page.locator('html').getAttribute('lang')).toBe('en-US');

      await page.reload();
      await shell.header.waitFor({ state: 'visible' });
      await expect.poll(() => shell.menuLabels()).toEqual(['Home', 'My tasks', 'People', 'Service records', 'Casework', 'Care', 'Surveys', 'Needs', 'Places']);
      expect(await page.locator('.lm-home').innerText()).toContain('Hello,');

      await shell.signOut('Sign out');
      await signIn.waitUntilShown();
      expect(page.url()).toContain('/sign-in');
      expect(await page.locator('.lm-signin__title').innerText()).toBe('Sign in');

      // The session is really over: the home page sends us back to sign in.
      await page.goto('/');
      await signIn.waitUntilShown();
      expect(page.url()).toContain('/sign-in');
    } finally {
      await context.close();
    }
  });

  it('a wrong password shows the server’s Chinese message and keeps the user on the sign-in page', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.fillAndSubmit('anyuan.volunteer', 'not-the-password');
      expect(await signIn.errorMessage()).toContain('用户名或密码不正确');
      expect(page.url()).toContain('/sign-in');
    } finally {
      await context.close();
    }
  });

  it('a volunteer’s menu holds their tasks, care and surveys, but no casework and no needs analysis', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn('anyuan.volunteer', DEMO_PASSWORD);
      const shell = new Shell(page);
      expect(await shell.menuLabels()).toEqual(['首页', '我的任务', '服务对象', '服务记录', '关爱服务', '问卷调查', '机构与村居']);
    } finally {
      await context.close();
    }
  });

  it('the sign-in page switches to English before signing in and shows English errors', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.switchLanguage('English');
      await expect.poll(() => signIn.submitButton.innerText()).toMatch(/Sign in/);
      await signIn.fillAndSubmit('dachaigou.worker', 'wrong-password-1');
      expect(await signIn.errorMessage()).toContain('Wrong username or password');
    } finally {
      await context.close();
    }
  });

  it('a station manager sees the users and audit areas, and the latest audit events on the home page', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn('anyuan.manager', DEMO_PASSWORD);
      const shell = new Shell(page);
      expect(await shell.menuLabels()).toEqual(['首页', '我的任务', '服务对象', '服务记录', '个案管理', '关爱服务', '问卷调查', '需求分析', '机构与村居', '用户管理', '审计日志']);
      await expect.poll(() => page.locator('.lm-home').innerText()).toContain('最近操作');
      // Signing in is itself audited, so the list is never empty here.
      await expect.poll(() => page.locator('.lm-home .ant-list-item').count()).toBeGreaterThan(0);

      await shell.go('审计日志');
      await page.waitForURL('**/audit');
      await expect.poll(() => page.locator('.ant-table-tbody').innerText()).toContain('登录');
    } finally {
      await context.close();
    }
  });

  it('when the session ends, the next request leads to sign-in with a note, and signing in returns to that page', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn('anyuan.manager', DEMO_PASSWORD);
      const shell = new Shell(page);
      // The home page's cards must have loaded: a card still loading when the cookie goes would end the session first.
      await expect.poll(() => page.locator('.ant-skeleton, .ant-spin-spinning').count(), { timeout: 30_000 }).toBe(0);
      await page.waitForTimeout(500);
      await context.clearCookies();
      await shell.go('审计日志');
      await signIn.waitUntilShown();
      await expect.poll(() => page.locator('.lm-signin__card').innerText()).toContain('登录已过期');
      await signIn.signIn('anyuan.manager', DEMO_PASSWORD);
      await page.waitForURL('**/audit');
    } finally {
      await context.close();
    }
  });

  it('a worker who types the address of the users page sees “page not found”', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn('dachaigou.worker', DEMO_PASSWORD);
      await page.goto('/users');
      await expect.poll(() => page.locator('.ant-result-title').innerText()).toBe('页面不存在');
    } finally {
      await context.close();
    }
  });
});
