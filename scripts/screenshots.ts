/**
 * Saves PNGs of every page of the web client at desktop and phone size, in both languages where
 * it matters, into screenshots/ (git-ignored), for a human to look at.
 *
 *   npx vite build && npx tsx scripts/screenshots.ts
 *
 * With SCREENSHOTS_URL set it photographs that running server instead of starting a test server.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from '../test/e2e/support/browser';

const OUT = join(process.cwd(), 'screenshots');
type Size = 'desktop' | 'phone';
type Lang = 'zh-CN' | 'en-US';

async function open(browser: Browser, url: string, size: Size, lang: Lang): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, url, size);
  await context.addInitScript((language) => {
    window.localStorage.setItem('lastmeter.language', language);
  }, lang);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.warn(`console ${message.type()}: ${message.text()}`);
  });
  return { context, page };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Let antd's enter animations finish.
  await page.waitForTimeout(450);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await settle(page);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage });
  console.log(`saved ${path}`);
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#signIn_username').fill(username);
  await page.locator('#signIn_password').fill(DEMO_PASSWORD);
  await page.locator('form#signIn button[type="submit"]').click();
  await page.locator('.lm-header').waitFor({ state: 'visible' });
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('.lm-header').waitFor({ state: 'visible' });
}

async function serverToPhotograph(): Promise<{ url: string; close(): Promise<void> }> {
  const url = process.env.SCREENSHOTS_URL;
  if (url) return { url, close: async () => {} };
  const { startTestServer } = await import('../src/server/testing/server');
  return startTestServer();
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await serverToPhotograph();
  const browser = await launchBrowser();
  try {
    for (const size of ['desktop', 'phone'] as const) {
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const tag = `${size}-${lang}`;

        // Sign-in, and its error state.
        {
          const { context, page } = await open(browser, server.url, size, lang);
          await page.goto('/sign-in');
          await shot(page, `${tag}-01-sign-in`);
          await page.locator('#signIn_username').fill('anyuan.volunteer');
          await page.locator('#signIn_password').fill('wrong-password');
          await page.locator('form#signIn button[type="submit"]').click();
          await page.getByTestId('sign-in-error').waitFor();
          await shot(page, `${tag}-02-sign-in-error`);
          await page.locator('#signIn_username').fill('');
          await page.locator('#signIn_password').fill('');
          await page.locator('form#signIn button[type="submit"]').click();
          await shot(page, `${tag}-03-sign-in-required`);
          await context.close();
        }

        // A worker: home, places, the drawer on phones, the change-password dialog.
        {
          const { context, page } = await open(browser, server.url, size, lang);
          await signIn(page, 'anyuan.worker');
          await shot(page, `${tag}-10-worker-home`);
          if (size === 'phone') {
            await page.locator('.lm-header__menu-button').click();
            await page.getByTestId('nav-drawer').waitFor();
            await shot(page, `${tag}-11-worker-drawer`, false);
            await page.keyboard.press('Escape');
          }
          await visit(page, '/places');
          await shot(page, `${tag}-12-worker-places`);
          await page.getByTestId('user-menu').click();
          await page.locator('.ant-dropdown-menu').waitFor();
          await shot(page, `${tag}-13-worker-user-menu`, false);
          await page.locator('.ant-dropdown-menu-item').first().click();
          await page.locator('.ant-modal:visible').waitFor();
          await page.locator('.ant-modal:visible input').nth(0).fill('wrong-current-password');
          await page.locator('.ant-modal:visible input').nth(1).fill('short');
          await page.locator('.ant-modal:visible .ant-btn-primary').click();
          await shot(page, `${tag}-14-change-password-client-errors`, false);
          await page.locator('.ant-modal:visible input').nth(1).fill('a-new-password-2026');
          await page.locator('.ant-modal:visible input').nth(2).fill('a-new-password-2026');
          const answered = page.waitForResponse((response) => response.url().includes('/api/auth/password'));
          await page.locator('.ant-modal:visible .ant-btn-primary').click();
          await answered;
          await shot(page, `${tag}-15-change-password-server-error`, false);
          await visit(page, '/users');
          await shot(page, `${tag}-16-worker-not-found`);
          await context.close();
        }

        // A station manager: home with the latest audit events, users, audit, add a village.
        {
          const { context, page } = await open(browser, server.url, size, lang);
          await signIn(page, 'anyuan.manager');
          await shot(page, `${tag}-20-manager-home`);
          await visit(page, '/places');
          await page.locator('.ant-table-row').filter({ hasText: '安远镇社工站' }).locator('td:last-child button').click();
          await page.locator('.ant-modal:visible').waitFor();
          await shot(page, `${tag}-21-manager-add-village`, false);
          await page.keyboard.press('Escape');
          await visit(page, '/users');
          await shot(page, `${tag}-22-manager-users`);
          await visit(page, '/audit');
          await shot(page, `${tag}-23-manager-audit`);
          await page.locator('.lm-filters input').first().fill('no.such.action');
          await page.locator('.lm-filters button[type="submit"]').click();
          await shot(page, `${tag}-24-audit-empty`);
          await context.close();
        }

        // The administrator: every county, user management with the create dialog.
        {
          const { context, page } = await open(browser, server.url, size, lang);
          await signIn(page, 'admin');
          await shot(page, `${tag}-30-admin-home`);
          await visit(page, '/places');
          await shot(page, `${tag}-31-admin-places`);
          await visit(page, '/users');
          await shot(page, `${tag}-32-admin-users`);
          await page.locator('.lm-page-head__extra .ant-btn-primary').click();
          await page.locator('.ant-modal:visible').waitFor();
          await page.locator('.ant-modal:visible .ant-btn-primary').click();
          await shot(page, `${tag}-33-admin-create-user-errors`, false);
          await page.keyboard.press('Escape');
          await context.close();
        }

        // Civil affairs (county): read-only overview.
        {
          const { context, page } = await open(browser, server.url, size, lang);
          await signIn(page, 'county');
          await shot(page, `${tag}-40-county-home`);
          await visit(page, '/places');
          await shot(page, `${tag}-41-county-places`);
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
