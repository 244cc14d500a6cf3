import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { SignInPage } from './pages/sign-in-page';
import { UsersPage } from './pages/users-page';

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

describe('users', () => {
  it('the administrator creates a Dachaigou worker who can sign in, then disables the account', async () => {
    const adminContext = await newContext(browser, server.url);
    const page = await adminContext.newPage();
    try {
      await new SignInPage(page).goto();
      await new SignInPage(page).signIn('admin', DEMO_PASSWORD);
      const users = new UsersPage(page);
      await users.goto();
      await users.create({
        username: 'dachaigou.worker2',
        displayName: '社工 李娜',
        roleLabel: '社工',
        orgName: '打柴沟镇社工站',
        password: 'first-password-2026',
      });
      await users.dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => users.row('dachaigou.worker2').innerText()).toContain('打柴沟镇社工站');

      const newcomerContext = await newContext(browser, server.url);
      const newcomer = await newcomerContext.newPage();
      await new SignInPage(newcomer).goto();
      await new SignInPage(newcomer).signIn('dachaigou.worker2', 'first-password-2026');
      expect(await newcomer.getByTestId('scope-name').innerText()).toContain('打柴沟镇社工站');
      await newcomerContext.close();

      await users.setDisabled('dachaigou.worker2', '停用');
      await expect.poll(() => users.row('dachaigou.worker2').innerText()).toContain('已停用');

      const laterContext = await newContext(browser, server.url);
      const later = await laterContext.newPage();
      const signIn = new SignInPage(later);
      await signIn.goto();
      await signIn.fillAndSubmit('dachaigou.worker2', 'first-password-2026');
      expect(await signIn.errorMessage()).not.toBe('');
      expect(later.url()).toContain('/sign-in');
      await laterContext.close();
    } finally {
      await adminContext.close();
    }
  });

  it('a password shorter than ten characters is refused in the create dialog before anything is sent', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      await new SignInPage(page).goto();
      await new SignInPage(page).signIn('admin', DEMO_PASSWORD);
      const users = new UsersPage(page);
      await users.goto();
      let posted = false;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/api/users')) posted = true;
      });
      await users.create({ username: 'short.pw', displayName: '测试', roleLabel: '志愿者', orgName: '安远镇社工站', password: 'short' });
      await expect.poll(() => users.dialog.innerText()).toContain('密码至少 10 个字符');
      expect(posted).toBe(false);
    } finally {
      await context.close();
    }
  });
});
