/**
 * Screenshots of the care pages (called from scripts/screenshots.ts): the festival calendar, the
 * "start festival care" dialog with an error, a campaign with progress and goods, the alerts with
 * the visit rate, the settings (and a version conflict), the manager's home cards, a worker's
 * calendar and a campaign that does not exist.
 */
import type { Page } from 'playwright-core';
import { apiAs } from '../../test/e2e/support/people';
import type { ScreenKit } from './services';

export interface CareFixture {
  campaignId: string | null;
  /** A group nobody of the station is in, so the dialog can show the server's refusal. */
  emptyGroup: string | null;
  /** A village without danger alerts, for the empty list. */
  quietVillageId: string | null;
}

type Client = Awaited<ReturnType<typeof apiAs>>;

async function send<T>(client: Client, method: 'post' | 'put', path: string, data: Record<string, unknown>): Promise<T> {
  const reply = await client.api[method](path, { data, headers: { 'X-CSRF-Token': client.csrf } });
  if (!reply.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as T;
}

interface Festival {
  code: string;
  date: string;
}

interface OrgNode {
  id: string;
  level: string;
  children: OrgNode[];
}

interface TaskShape {
  id: string;
  kind: string;
  version: number;
}

const GROUPS = [
  'unsupported_child',
  'minority_girl',
  'child_in_difficulty',
  'other_child',
  'needy_household',
  'extreme_poverty',
  'disabled',
  'woman',
  'low_income',
  'left_behind_child',
  'elder',
  'empty_nest_elder',
  'solitary_elder',
];

/**
 * The Spring Festival's care of the coming year for elders (calls and visits), a few of its
 * tasks done with goods and one call not answered; the next festival is left to start.
 */
export async function seedCare(url: string): Promise<CareFixture> {
  const manager = await apiAs(url, 'anyuan.manager');
  try {
    let emptyGroup: string | null = null;
    for (const group of GROUPS) {
      const page = (await (await manager.api.get(`/api/people?group=${group}&limit=1`)).json()) as { items: unknown[] };
      if (page.items.length === 0) {
        emptyGroup = group;
        break;
      }
    }

    let quietVillageId: string | null = null;
    const roots = (await (await manager.api.get('/api/orgs')).json()) as OrgNode[];
    const villages: OrgNode[] = [];
    const walk = (node: OrgNode) => (node.level === 'village' ? villages.push(node) : node.children.forEach(walk));
    roots.forEach(walk);
    for (const village of villages) {
      const page = (await (await manager.api.get(`/api/care/alerts?type=danger&villageId=${village.id}&limit=1`)).json()) as { items: unknown[] };
      if (page.items.length === 0) {
        quietVillageId = village.id;
        break;
      }
    }

    const thisYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const festivals = (await (await manager.api.get(`/api/calendar/festivals?year=${thisYear + 1}`)).json()) as Festival[];
    const spring = festivals.find((festival) => festival.code === 'spring_festival');
    if (!spring) return { campaignId: null, emptyGroup, quietVillageId };
    const campaign = await send<{ id: string }>(manager, 'post', '/api/campaigns', {
      festival: 'spring_festival',
      year: thisYear + 1,
      groups: ['empty_nest_elder', 'solitary_elder'],
      kinds: ['phone', 'home_visit'],
      windowDays: 14,
    });
    const tasks = ((await (await manager.api.get(`/api/tasks?assignee=all&campaignId=${campaign.id}&limit=12`)).json()) as { items: TaskShape[] }).items;
    const goods = ['米一袋、油一桶', '棉被一床、春联一副', '米面各一袋、慰问金 200 元'];
    let given = 0;
    for (const task of tasks.filter((item) => item.kind === 'home_visit').slice(0, 3)) {
      await send(manager, 'post', `/api/tasks/${task.id}/complete`, {
        service: {
          serviceTypes: ['material_aid', 'companionship'],
          startedAt: new Date(Date.now() - (given + 2) * 3_600_000).toISOString(),
          durationMinutes: 40,
          summary: '春节前入户慰问，送去年货，陪老人聊天。',
          goods: goods[given % goods.length],
        },
      }).catch((error: unknown) => console.warn(`screenshots: a campaign visit was not recorded: ${String(error)}`));
      given += 1;
    }
    for (const task of tasks.filter((item) => item.kind === 'phone').slice(0, 4)) {
      await send(manager, 'post', `/api/tasks/${task.id}/complete`, {
        service: { serviceTypes: ['companionship'], startedAt: new Date(Date.now() - 3_600_000).toISOString(), durationMinutes: 10, summary: '电话拜早年，老人身体还好。' },
      }).catch((error: unknown) => console.warn(`screenshots: a campaign call was not recorded: ${String(error)}`));
    }
    const unanswered = tasks.filter((item) => item.kind === 'phone')[4];
    if (unanswered) await send(manager, 'post', `/api/tasks/${unanswered.id}/unreachable`, { version: unanswered.version, note: '电话无人接听' });
    return { campaignId: campaign.id, emptyGroup, quietVillageId };
  } finally {
    await manager.close();
  }
}

/** A settings change by someone else, so the open settings page meets a version conflict. */
async function changeSettingsBehindTheirBack(url: string): Promise<void> {
  const manager = await apiAs(url, 'anyuan.manager');
  try {
    const settings = (await (await manager.api.get('/api/care/settings')).json()) as { version: number; silenceDays: number };
    await send(manager, 'put', '/api/care/settings', { version: settings.version, silenceDays: settings.silenceDays === 42 ? 35 : 42 });
  } finally {
    await manager.close();
  }
}

async function ready(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

export async function careScreens(kit: ScreenKit, fixture: CareFixture): Promise<void> {
  const { browser, url, size, lang, tag, open, shot, signIn, visit } = kit;

  // The manager: home cards, calendar, the dialog and its error, a campaign, alerts, settings.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.manager');
    await page.getByTestId('care-home').waitFor();
    await ready(page);
    await shot(page, `${tag}-300-care-manager-home`);

    await visit(page, '/care');
    await page.getByTestId('festival').first().waitFor();
    await ready(page);
    await shot(page, `${tag}-301-care-calendar`);

    await page.getByTestId('campaign-other').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    await shot(page, `${tag}-302-care-campaign-dialog`, false);
    if (fixture.emptyGroup) {
      // Only a group with nobody in it: the server refuses, under the groups.
      const day = new Date(Date.now() + 8 * 3_600_000 + 12 * 86_400_000).toISOString().slice(0, 10);
      const input = dialog.locator('#campaign_date');
      for (let attempt = 0; attempt < 3 && !(await input.inputValue()); attempt++) {
        await input.click();
        const dropdown = page.locator('.ant-picker-dropdown:visible');
        await dropdown.locator('.ant-picker-cell').first().waitFor();
        await page.waitForTimeout(300);
        if ((await dropdown.locator(`td[title="${day}"]`).count()) === 0) await dropdown.locator('.ant-picker-header-next-btn').click();
        await dropdown.locator(`td[title="${day}"]`).click();
        await page.waitForTimeout(300);
      }
      await dialog.locator('#campaign_name').fill(lang === 'zh-CN' ? '入冬前走访' : 'Visits before winter');
      for (const box of await dialog.locator('.lm-care-groups .ant-checkbox-wrapper').all()) {
        const value = await box.locator('input').getAttribute('value');
        if ((await box.locator('input').isChecked()) !== (value === fixture.emptyGroup)) await box.click();
      }
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/campaigns'));
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await answered;
    } else {
      for (const box of await dialog.locator('.lm-care-groups .ant-checkbox-wrapper-checked').all()) await box.click();
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    }
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(page, `${tag}-303-care-campaign-dialog-error`, false);
    await page.keyboard.press('Escape');

    if (fixture.campaignId) {
      await visit(page, `/care/campaigns/${fixture.campaignId}`);
      await page.getByTestId('campaign-page').waitFor();
      await ready(page);
      await shot(page, `${tag}-304-care-campaign`);
    }

    await visit(page, '/care/alerts');
    await page.getByTestId('alerts-page').waitFor();
    await ready(page);
    await shot(page, `${tag}-305-care-alerts`);
    await visit(page, '/care/alerts?type=silent');
    await ready(page);
    await shot(page, `${tag}-306-care-alerts-silent`);
    if (fixture.quietVillageId) {
      await visit(page, `/care/alerts?type=danger&villageId=${fixture.quietVillageId}`);
      await page.locator('.ant-empty').first().waitFor();
      await ready(page);
      await shot(page, `${tag}-307-care-alerts-empty`);
    }

    await visit(page, '/care/settings');
    await page.getByTestId('settings-page').waitFor();
    await ready(page);
    await shot(page, `${tag}-308-care-settings`);
    // Empty: no regular calls for these elders; the change meets someone else's.
    await page.locator('#careSettings_rules_elder_low_phone').fill('');
    await page.locator('#careSettings_silenceDays').fill('60');
    await changeSettingsBehindTheirBack(url);
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-error').waitFor();
    await shot(page, `${tag}-309-care-settings-conflict`, false);

    await visit(page, '/care/campaigns/00000000-0000-4000-8000-000000000000');
    await page.locator('.ant-result').waitFor();
    await shot(page, `${tag}-310-care-campaign-not-found`);
    await context.close();
  }

  // A worker: the calendar without the manager's tabs and buttons.
  {
    const { context, page } = await open(browser, url, size, lang);
    await signIn(page, 'anyuan.worker');
    await visit(page, '/care');
    await page.getByTestId('festival').first().waitFor();
    await ready(page);
    await shot(page, `${tag}-311-care-calendar-worker`);
    await context.close();
  }
}
