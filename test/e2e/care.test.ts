import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { Shell } from './pages/shell';
import { CareCalendarPage } from './pages/care-calendar-page';
import { CampaignPage } from './pages/campaign-page';
import { CareAlertsPage } from './pages/care-alerts-page';

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

async function signedIn(username: string): Promise<{ page: Page; context: BrowserContext; close: () => Promise<void> }> {
  const context = await newContext(browser, server.url, 'desktop');
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(username, DEMO_PASSWORD);
  return { page, context, close: () => context.close() };
}

const ELDER_GROUPS = ['老年人', '空巢老人', '孤寡老人'];

/** How many tasks a campaign has, as the tasks API counts them. */
async function campaignTasks(campaignId: string): Promise<number> {
  const client = await apiAs(server.url, 'anyuan.manager');
  try {
    let count = 0;
    let cursor: string | null = null;
    do {
      const query: string = `/api/tasks?assignee=all&campaignId=${campaignId}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await client.api.get(query)).json()) as { items: unknown[]; nextCursor: string | null };
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return count;
  } finally {
    await client.close();
  }
}

describe('festival care at a desk (1440×900)', () => {
  it('the manager starts the next festival’s care for elders by phone, sees its tasks by village, and starting it again makes no new tasks', async () => {
    const { page, context, close } = await signedIn('anyuan.manager');
    try {
      const shell = new Shell(page);
      await shell.go('关爱服务');
      const calendar = new CareCalendarPage(page);
      await calendar.waitUntilShown();
      await calendar.upcoming.waitFor({ state: 'visible' });

      // A second tab on the calendar, opened before the campaign exists.
      const second = await context.newPage();
      const stale = new CareCalendarPage(second);
      await stale.goto();

      const festival = calendar.startable().first();
      const code = (await festival.getAttribute('data-code')) ?? '';
      const date = (await festival.getAttribute('data-date')) ?? '';
      const festivalName = (await festival.locator('.lm-care-fest__name').innerText()).trim();
      await calendar.openDialog(festival);
      expect(await calendar.dialog.innerText()).toContain(festivalName);
      await calendar.chooseGroups(ELDER_GROUPS);
      await calendar.chooseKinds(['电话问候']);
      expect(await calendar.dialog.locator('#campaign_windowDays').inputValue()).toBe('7');
      const created = await calendar.submit();
      expect(created.status()).toBe(201);
      const reply = (await created.json()) as { id: string; tasksCreated: number; groups: string[]; kinds: string[] };
      expect(reply.tasksCreated).toBeGreaterThan(0);
      expect(new Set(reply.groups)).toEqual(new Set(['elder', 'empty_nest_elder', 'solitary_elder']));
      expect(reply.kinds).toEqual(['phone']);

      const campaign = new CampaignPage(page);
      await campaign.waitUntilShown();
      await page.getByText(`已生成 ${reply.tasksCreated} 个任务`).waitFor();
      expect(campaign.id()).toBe(reply.id);
      expect(await campaign.name.innerText()).toContain(festivalName);
      expect(await campaign.count('total')).toBe(reply.tasksCreated);
      const villages = campaign.rows(campaign.byVillage);
      expect(await villages.count()).toBeGreaterThan(0);
      const villageTotals = await villages.evaluateAll((rows) => rows.map((row) => Number(row.querySelectorAll('td')[4]?.textContent ?? '0')));
      expect(villageTotals.reduce((sum, value) => sum + value, 0)).toBe(reply.tasksCreated);
      expect(await campaign.rows(campaign.byWorker).count()).toBeGreaterThan(0);
      expect(await campaign.tasksLink.getAttribute('href')).toBe(`/tasks?campaignId=${reply.id}`);

      // Back on the calendar the festival shows its campaign instead of the button.
      await calendar.goto();
      await calendar.festival(code, date).getByTestId('festival-campaign').waitFor();

      // The tab that still shows no campaign starts it again: told it exists, taken to it, nothing new.
      await stale.openDialog(stale.festival(code, date));
      await stale.chooseGroups(ELDER_GROUPS);
      const again = await stale.submit();
      expect(again.status()).toBe(200);
      expect(((await again.json()) as { id: string; tasksCreated: number }).tasksCreated).toBe(0);
      await second.getByText('本年度该节日的关怀活动已发起').waitFor();
      const same = new CampaignPage(second);
      await same.waitUntilShown();
      expect(same.id()).toBe(reply.id);
      expect(await same.count('total')).toBe(reply.tasksCreated);
      expect(await campaignTasks(reply.id)).toBe(reply.tasksCreated);
    } finally {
      await close();
    }
  });

  it('a care campaign on another day asks for its day and name before anything is sent', async () => {
    const { page, close } = await signedIn('anyuan.manager');
    try {
      const calendar = new CareCalendarPage(page);
      await calendar.goto();
      let posted = false;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/api/campaigns')) posted = true;
      });
      await page.getByTestId('campaign-other').click();
      await calendar.dialog.waitFor({ state: 'visible' });
      await calendar.dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await calendar.dialog.locator('.ant-form-item-explain-error').nth(1).waitFor();
      expect(await calendar.dialog.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual(['请填写此项', '请填写此项']);
      await calendar.chooseGroups([]);
      await calendar.dialog.getByText('请至少选择一个类别').waitFor();
      expect(posted).toBe(false);
    } finally {
      await close();
    }
  });

  it('the alerts page shows counts per type, opens the tab the address names, and exports a workbook', async () => {
    const { page, close } = await signedIn('anyuan.manager');
    try {
      const alerts = new CareAlertsPage(page);
      await alerts.goto();
      expect(await alerts.activeType()).toBe('overdue');
      for (const type of ['overdue', 'unreachable', 'no_plan', 'silent', 'wellbeing_drop', 'danger']) {
        expect(await alerts.count(type)).toBeGreaterThanOrEqual(0);
      }
      expect(await page.getByTestId('alert-tab-silent').innerText()).toMatch(/长期未联系（\d+ 天）/);
      await alerts.byWorker.locator('.ant-table-tbody').waitFor();
      await alerts.visitRate.waitFor();

      const silent = await alerts.count('silent');
      await alerts.goto('?type=silent');
      expect(await alerts.activeType()).toBe('silent');
      if (silent > 0) await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();

      const download = await alerts.export();
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const path = join(tmpdir(), `care-alerts-${Date.now()}.xlsx`);
      await download.saveAs(path);
      const bytes = await readFile(path);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(workbook.worksheets.length).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it('a worker sees the calendar but not the alerts: no alerts tab, and /care/alerts is not there for them', async () => {
    const { page, close } = await signedIn('anyuan.worker');
    try {
      const calendar = new CareCalendarPage(page);
      await calendar.goto();
      expect(await page.getByTestId('care-tab-alerts').count()).toBe(0);
      expect(await page.getByTestId('festival-start').count()).toBe(0);
      await page.goto('/care/alerts');
      await page.getByText('页面不存在', { exact: true }).waitFor();
      expect(await page.getByTestId('alerts-page').count()).toBe(0);
    } finally {
      await close();
    }
  });
});
