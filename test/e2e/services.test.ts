import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { ServicesList } from './pages/services-list';
import { ServiceRecordPage } from './pages/service-page';
import { ServiceForm } from './pages/service-form';

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

type Client = Awaited<ReturnType<typeof apiAs>>;

async function recordService(client: Client, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const reply = await client.api.post('/api/services', { data: body, headers: { 'X-CSRF-Token': client.csrf } });
  if (reply.status() !== 201) throw new Error(`record service: ${reply.status()} ${await reply.text()}`);
  return (await reply.json()) as { id: string; version: number };
}

async function signedIn(username: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await newContext(browser, server.url, 'desktop');
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(username, DEMO_PASSWORD);
  return { page, close: () => context.close() };
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describe('service records at a desk (1440×900)', () => {
  it("the manager narrows the station's list by how the service was given and by who served", async () => {
    const worker = await apiAs(server.url, 'anyuan.worker');
    const manager = await apiAs(server.url, 'anyuan.manager');
    try {
      const village = await firstVillage(worker.api);
      const called = await createPerson(worker, { name: '周玉梅', villageId: village.id, birthDate: '1950-05-05', gender: 'female', groups: ['empty_nest_elder'] });
      const visited = await createPerson(worker, { name: '韩建军', villageId: village.id, birthDate: '1947-07-07', gender: 'male', groups: ['solitary_elder'] });
      await recordService(worker, { personId: called, kind: 'phone', serviceTypes: ['companionship'], startedAt: hoursAgo(3), durationMinutes: 15, summary: '电话问候周玉梅，身体还好。' });
      await recordService(manager, {
        personId: visited,
        kind: 'home_visit',
        serviceTypes: ['material_aid'],
        startedAt: hoursAgo(2),
        durationMinutes: 40,
        summary: '站长入户送米面油。',
        goods: '米一袋、油一桶',
        checklist: { home_safety: { heating: 'ok' } },
      });
    } finally {
      await worker.close();
      await manager.close();
    }

    const { page, close } = await signedIn('anyuan.manager');
    try {
      const list = new ServicesList(page);
      await list.goto();
      await list.entries('周玉梅').waitFor({ state: 'visible' });
      await list.entries('韩建军').waitFor({ state: 'visible' });

      await list.filter('filter-kind', '电话关怀');
      await list.entries('韩建军').waitFor({ state: 'detached' });
      await list.entries('周玉梅').waitFor({ state: 'visible' });
      expect(new URL(page.url()).searchParams.get('kind')).toBe('phone');
      expect(new Set(await list.rows.locator('[data-kind]').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-kind'))))).toEqual(new Set(['phone']));

      await page.getByRole('button', { name: '重置' }).click();
      await list.filter('filter-worker', '马站长');
      await list.entries('周玉梅').waitFor({ state: 'detached' });
      await list.entries('韩建军').waitFor({ state: 'visible' });
      expect(await list.entries('韩建军').innerText()).toContain('送温暖');

      // A row opens its record.
      await list.entries('韩建军').locator('td').nth(2).click();
      const record = new ServiceRecordPage(page);
      await record.title.waitFor({ state: 'visible' });
      expect(await record.details.innerText()).toContain('米一袋、油一桶');
    } finally {
      await close();
    }
  });

  it('the recorder corrects a record and sees the history; a correction that crosses the manager’s shows what is saved and re-applies', async () => {
    const worker = await apiAs(server.url, 'anyuan.worker');
    let record: { id: string; version: number };
    try {
      const village = await firstVillage(worker.api);
      const personId = await createPerson(worker, { name: '沈德明', villageId: village.id, birthDate: '1946-01-21', gender: 'male', groups: ['elder'] });
      record = await recordService(worker, { personId, kind: 'office', serviceTypes: ['policy'], startedAt: hoursAgo(5), durationMinutes: 30, summary: '来站咨询高龄津贴。' });
    } finally {
      await worker.close();
    }

    const { page, close } = await signedIn('anyuan.worker');
    try {
      const shown = new ServiceRecordPage(page);
      await shown.goto(record.id);
      // The history loads after the record: wait for it rather than read the card while it loads.
      await expect.poll(() => shown.history.innerText()).toContain('这条记录还没有被修改过');

      await shown.startCorrection();
      await shown.field('summary').fill('来站咨询高龄津贴，已帮助填写申请表。');
      await page.getByTestId('duration-picker').locator('[data-value="60"]').click();
      expect((await shown.saveCorrection()).status()).toBe(200);
      await page.getByTestId('service-edit').waitFor({ state: 'detached' });
      expect(await shown.summary.innerText()).toBe('来站咨询高龄津贴，已帮助填写申请表。');
      await shown.corrections().first().waitFor({ state: 'visible' });
      const first = await shown.history.innerText();
      expect(first).toContain('第 2 版');
      expect(first).toContain('社工 王芳');
      expect(first).toContain('服务内容');
      expect(first).toContain('来站咨询高龄津贴。');
      expect(first).toContain('30 分钟');
      expect(first).toContain('1 小时');

      // The manager corrects the same record while the worker is still typing.
      await shown.startCorrection();
      await shown.field('summary').fill('来站咨询高龄津贴，申请表已交民政办。');
      const manager = await apiAs(server.url, 'anyuan.manager');
      try {
        const reply = await manager.api.patch(`/api/services/${record.id}`, { data: { version: 2, goods: '宣传册一份' }, headers: { 'X-CSRF-Token': manager.csrf } });
        expect(reply.status()).toBe(200);
      } finally {
        await manager.close();
      }
      expect((await shown.saveCorrection()).status()).toBe(409);
      await shown.conflict.waitFor({ state: 'visible' });
      expect(await shown.conflict.innerText()).toContain('宣传册一份');

      expect((await shown.saveCorrection('reapply')).status()).toBe(200);
      await page.getByTestId('service-edit').waitFor({ state: 'detached' });
      expect(await shown.summary.innerText()).toBe('来站咨询高龄津贴，申请表已交民政办。');
      // The manager's correction stays: the worker's re-applied change touched only the summary.
      expect(await shown.details.innerText()).toContain('宣传册一份');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="correction"]').length === 3);
      expect(await shown.corrections().evaluateAll((items) => items.map((item) => item.getAttribute('data-version')))).toEqual(['4', '3', '2']);
    } finally {
      await close();
    }
  });

  it("a record that names nobody who served gets the server's message on the who-served field", async () => {
    const worker = await apiAs(server.url, 'anyuan.worker');
    let personId: string;
    try {
      const village = await firstVillage(worker.api);
      personId = await createPerson(worker, { name: '童秀兰', villageId: village.id, birthDate: '1990-10-10', gender: 'female', groups: ['woman'] });
    } finally {
      await worker.close();
    }

    const { page, close } = await signedIn('anyuan.worker');
    try {
      const form = new ServiceForm(page);
      await form.gotoFor(personId);
      // Not an elder: a home visit without the checklist.
      expect(await form.checklist.count()).toBe(0);
      await form.toggleType('安全教育');
      await form.chooseDuration(30);
      await form.fillSummary('入户宣传防诈骗知识。');
      const workers = page.locator('.ant-form-item').filter({ has: page.locator('#service_workerIds') });
      await workers.locator('.ant-select-selection-item-remove').click();
      await workers.locator('.ant-select-selection-item').waitFor({ state: 'detached' });
      const answer = await form.save();
      expect(answer.status()).toBe(400);
      await form.fieldError('workerIds').waitFor({ state: 'visible' });
      expect(await form.fieldError('workerIds').innerText()).toContain('请选择提供服务的社工或志愿者');
      expect(page.url()).toContain('/services/new');
    } finally {
      await close();
    }
  });
});
