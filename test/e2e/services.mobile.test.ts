import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { PersonPage } from './pages/person-page';
import { ServiceForm } from './pages/service-form';
import { ServicesList } from './pages/services-list';
import { FindingsPage } from './pages/findings-page';
import { ServiceRecordPage } from './pages/service-page';

/** A 1×1 PNG: a photo as small as a photo can be. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

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

async function elderOnFile(name: string, phone: string): Promise<string> {
  const client = await apiAs(server.url, 'anyuan.worker');
  try {
    const village = await firstVillage(client.api);
    return await createPerson(client, { name, villageId: village.id, birthDate: '1944-03-08', gender: 'female', phone, groups: ['solitary_elder'], riskLevel: 'high' });
  } finally {
    await client.close();
  }
}

async function signedInWorkerOnPhone(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await newContext(browser, server.url, 'phone');
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn('anyuan.worker', DEMO_PASSWORD);
  return { page, close: () => context.close() };
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('logging a service on a phone (390×844)', () => {
  it('a worker logs a home visit to an elder with the checklist, a follow-up and a photo; it shows on the file, in the list and in the heating findings', async () => {
    const personId = await elderOnFile('祁桂兰', '13893507711');
    const { page, close } = await signedInWorkerOnPhone();
    try {
      const person = new PersonPage(page);
      await person.goto(personId);
      await page.getByTestId('log-service').click();

      const form = new ServiceForm(page);
      await form.waitUntilShown();
      expect(await form.person.innerText()).toContain('祁桂兰');
      expect(await form.person.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:13893507711');
      // A home visit is the default, and an elder's home visit has the checklist.
      expect(await form.kind('入户探访').getAttribute('aria-checked')).toBe('true');
      await form.checklist.waitFor({ state: 'visible' });

      await form.toggleType('陪伴聊天');
      await form.toggleType('生活照料');
      await form.chooseDuration(45);
      await form.fillSummary('入户探访：老人独居，屋里很冷，炉子漏烟；帮忙打扫了院子。');
      await form.chooseWellbeing(2);
      await form.openSection('居家安全');
      await form.answer('home_safety.heating', '有问题');
      await form.restOk('home_safety');
      await form.fillNote('home_safety', '炉子漏烟，已联系村委更换');
      expect(await form.finding('home_safety.heating').innerText()).toBe('有问题');
      expect(await form.finding('home_safety.water').innerText()).toBe('正常');
      await form.followUp('一周后');
      await form.addPhoto('stove.png', TINY_PNG);
      await form.photoQueue.locator('img').waitFor({ state: 'visible' });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

      const photoUploaded = page.waitForResponse((response) => response.url().includes('/attachments') && response.request().method() === 'POST');
      const created = await form.save();
      expect(created.status()).toBe(201);
      const record = (await created.json()) as { id: string; concerns: string[]; wellbeing: number; followUpNeeded: boolean; followUpOn: string };
      expect(record.concerns).toEqual(['home_safety.heating']);
      expect(record.wellbeing).toBe(2);
      expect(record.followUpNeeded).toBe(true);
      expect((await photoUploaded).status()).toBe(201);

      // Back on the person's file, with the new record on it.
      await page.waitForURL((url) => url.pathname === `/people/${personId}`);
      await page.locator('.ant-message').getByText('已保存 祁桂兰 的服务记录').waitFor({ state: 'visible' });
      const onFile = page.getByTestId('person-service').first();
      await onFile.waitFor({ state: 'visible' });
      expect(await onFile.innerText()).toContain('陪伴聊天');
      expect(await onFile.innerText()).toContain('冬季取暖');

      const list = new ServicesList(page);
      await list.goto();
      await list.entries('祁桂兰').first().waitFor({ state: 'visible' });
      expect(await page.locator('.ant-table').count()).toBe(0);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

      const findings = new FindingsPage(page);
      await findings.goto('home_safety.heating');
      const found = findings.entry('祁桂兰');
      await found.waitFor({ state: 'visible' });
      expect(await found.innerText()).toContain('炉子漏烟');
      expect(await found.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:13893507711');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);

      await found.getByText('查看探访记录').click();
      const shown = new ServiceRecordPage(page);
      await shown.title.waitFor({ state: 'visible' });
      expect(shown.id()).toBe(record.id);
      expect(await shown.checklist.locator('[data-item="home_safety.heating"]').getAttribute('data-finding')).toBe('concern');
      await shown.photos.first().waitFor({ state: 'visible' });
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid="photo-gallery"] img');
        return img !== null && img.complete && img.naturalWidth === 1;
      });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    } finally {
      await close();
    }
  });

  it('saving without a summary shows the error on the summary and writes nothing', async () => {
    const personId = await elderOnFile('马秀英', '13893507722');
    const { page, close } = await signedInWorkerOnPhone();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/services')) posts.push(request.url());
    });
    try {
      const form = new ServiceForm(page);
      await form.gotoFor(personId);
      await form.chooseKind('电话关怀');
      // A phone call is no home visit: no checklist.
      await form.checklist.waitFor({ state: 'detached' });
      await form.toggleType('陪伴聊天');
      await form.chooseDuration(15);
      await form.fillSummary('   ');
      await form.saveButton.click();

      await form.fieldError('summary').waitFor({ state: 'visible' });
      expect(await form.fieldError('summary').innerText()).toBe('请填写服务内容');
      expect(page.url()).toContain('/services/new');
      expect(posts).toEqual([]);

      const client = await apiAs(server.url, 'anyuan.worker');
      try {
        const reply = await client.api.get(`/api/services?personId=${personId}`);
        expect(((await reply.json()) as { items: unknown[] }).items).toEqual([]);
      } finally {
        await client.close();
      }
    } finally {
      await close();
    }
  });
});
