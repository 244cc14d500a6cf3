import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { PersonPage } from './pages/person-page';
import { TaskDay } from './pages/task-day';
import { TaskCompleteForm } from './pages/task-complete-form';
import { TasksList } from './pages/tasks-list';

let server: TestServer;
let browser: Browser;
let village: { id: string; name: string };

type Client = Awaited<ReturnType<typeof apiAs>>;

async function send(client: Client, method: 'post' | 'put', path: string, data: Record<string, unknown>): Promise<unknown> {
  const reply = await client.api[method](path, { data, headers: { 'X-CSRF-Token': client.csrf } });
  if (!reply.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${reply.status()} ${await reply.text()}`);
  return reply.json();
}

/** The manager gives one village to anyuan.worker, so that the village's plan tasks are theirs. */
async function villageToWorker(): Promise<{ id: string; name: string }> {
  const manager = await apiAs(server.url, 'anyuan.manager');
  const worker = await apiAs(server.url, 'anyuan.worker');
  try {
    const me = (await (await worker.api.get('/api/auth/me')).json()) as { user: { id: string } };
    const staff = (await (await manager.api.get('/api/services/staff')).json()) as { workers: Array<{ id: string }> };
    expect(staff.workers.map((w) => w.id)).toContain(me.user.id);
    const chosen = await firstVillage(manager.api);
    const settings = (await (await manager.api.get('/api/care/settings')).json()) as { version: number; villageWorkers: Record<string, string> };
    await send(manager, 'put', '/api/care/settings', { version: settings.version, villageWorkers: { ...settings.villageWorkers, [chosen.id]: me.user.id } });
    return chosen;
  } finally {
    await manager.close();
    await worker.close();
  }
}

/** A high-risk solitary elder with a phone in the worker's village, and today's tasks made for them. */
async function elderWithTasks(name: string, phone: string): Promise<string> {
  const manager = await apiAs(server.url, 'anyuan.manager');
  try {
    const personId = await createPerson(manager, { name, villageId: village.id, birthDate: '1942-05-06', gender: 'female', phone, groups: ['solitary_elder'], riskLevel: 'high' });
    await send(manager, 'post', '/api/tasks/generate', {});
    return personId;
  } finally {
    await manager.close();
  }
}

async function workerOnPhone(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await newContext(browser, server.url, 'phone');
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn('anyuan.worker', DEMO_PASSWORD);
  return { page, close: () => context.close() };
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  village = await villageToWorker();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the worker's day on a phone (390×844)", () => {
  it('a worker finds a new elder’s call under her village, calls, and completes it with the one-minute form; the record is on the file', async () => {
    const personId = await elderWithTasks('祁桂英', '13893501234');
    const { page, close } = await workerOnPhone();
    try {
      const day = new TaskDay(page);
      await day.waitUntilLoaded();
      const call = day.tasksOf(personId, 'phone');
      await call.waitFor({ state: 'visible' });
      // One trip a village: the task sits under its village, with the phone to tap.
      expect(await day.villageOf(personId).getByTestId('day-village-name').innerText()).toBe(village.name);
      expect(await call.getByTestId('task-call').getAttribute('href')).toBe('tel:13893501234');
      expect(await call.innerText()).toContain('电话关怀');
      expect(await call.innerText()).toContain('今天到期');
      // The home visit the rules ask for is due today as well.
      await day.tasksOf(personId, 'home_visit').waitFor({ state: 'visible' });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      const taskId = await call.getAttribute('data-task');
      expect(taskId).toBeTruthy();

      await call.getByTestId('task-complete').click();
      const form = new TaskCompleteForm(page);
      await form.waitUntilShown();
      // A call defaults to a phone record of ten minutes, companionship.
      expect(await form.kind('电话关怀').getAttribute('aria-checked')).toBe('true');
      expect(await form.minutes().inputValue()).toBe('10');
      expect(await form.type('陪伴聊天').getAttribute('aria-checked')).toBe('true');
      // The drawer takes the whole phone screen.
      const box = await page.locator('.lm-task-drawer .ant-drawer-body').boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(380);

      // Saving without a summary writes nothing and says what is missing.
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/complete')) posts.push(request.url());
      });
      await form.saveButton.click();
      await form.fieldError('summary').waitFor({ state: 'visible' });
      expect(await form.fieldError('summary').innerText()).toBe('请填写服务内容');
      expect(posts).toEqual([]);

      await form.addPhrase('身体状况良好');
      await form.addPhrase('情绪稳定');
      expect(await form.summary.inputValue()).toBe('身体状况良好，情绪稳定');
      await form.summary.fill(`${await form.summary.inputValue()}。孙子周末回来看她。`);
      await form.chooseWellbeing(4);
      const answered = await form.save();
      expect(answered.status()).toBe(200);
      const reply = (await answered.json()) as { task: { status: string; serviceId: string }; service: { id: string; kind: string; durationMinutes: number; serviceTypes: string[]; taskId: string } };
      expect(reply.task.status).toBe('done');
      expect(reply.service).toMatchObject({ kind: 'phone', durationMinutes: 10, serviceTypes: ['companionship'], taskId });
      // The record's id was made by the phone (UUIDv7), so a retry after a lost reply is safe.
      expect(reply.service.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);

      await page.locator('.ant-message').getByText('已完成，祁桂英的服务记录已保存').waitFor({ state: 'visible' });
      await day.task(taskId!).waitFor({ state: 'detached' });
      await expect.poll(() => day.count('done').innerText()).not.toBe('0');

      // Her home visit is still to do; its card leads to her file.
      await day.tasksOf(personId, 'home_visit').getByTestId('task-person').click();
      const person = new PersonPage(page);
      await person.waitUntilShown();
      const record = page.getByTestId('person-service').first();
      await record.waitFor({ state: 'visible' });
      expect(await record.innerText()).toContain('电话关怀');
      expect(await record.innerText()).toContain('孙子周末回来看她');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    } finally {
      await close();
    }
  });

  it('a worker who cannot reach an elder records it with a note; the task comes back tomorrow with the attempt counted', async () => {
    const personId = await elderWithTasks('马兰英', '13893505678');
    const { page, close } = await workerOnPhone();
    try {
      const day = new TaskDay(page);
      await day.waitUntilLoaded();
      const call = day.tasksOf(personId, 'phone');
      await call.waitFor({ state: 'visible' });
      const taskId = await call.getAttribute('data-task');

      await call.getByTestId('task-unreachable').click();
      const dialog = page.getByTestId('unreachable-dialog');
      await dialog.waitFor({ state: 'visible' });
      expect(await dialog.innerText()).toContain('第 1 次未联系上');
      await dialog.getByTestId('unreachable-notes').getByRole('button', { name: '电话无人接听' }).click();
      expect(await dialog.getByTestId('unreachable-note').inputValue()).toBe('电话无人接听');
      const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/unreachable'));
      await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
      const task = (await (await answered).json()) as { attempts: number; status: string };
      expect(task).toMatchObject({ attempts: 1, status: 'open' });
      await page.locator('.ant-message').getByText(/已记录第 1 次未联系上/).waitFor({ state: 'visible' });
      // Tried today, due again tomorrow: off today's list.
      await day.task(taskId!).waitFor({ state: 'detached' });

      const week = new TasksList(page);
      await week.goto('?tab=week');
      const again = week.taskOf(personId).filter({ has: page.locator('.ant-tag[data-kind="phone"]') });
      await again.waitFor({ state: 'visible' });
      expect(await again.getByTestId('task-attempts').innerText()).toBe('已 1 次未联系上');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

      await again.getByTestId('task-open').click();
      const history = page.getByTestId('task-history');
      await history.waitFor({ state: 'visible' });
      const event = history.locator('[data-testid="task-event"][data-kind="unreachable"]');
      expect(await event.innerText()).toContain('电话无人接听');
      expect(await event.innerText()).toContain('第 1 次');
    } finally {
      await close();
    }
  });
});
