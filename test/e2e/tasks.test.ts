import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { PersonPage } from './pages/person-page';
import { TaskPlanCard } from './pages/task-plan-card';

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

describe("a person's contact plan (desktop)", () => {
  it('the manager gives an elder in hospital a personal plan with a reason, and returns her to the station’s rules', async () => {
    const client = await apiAs(server.url, 'anyuan.manager');
    let personId: string;
    try {
      const village = await firstVillage(client.api);
      personId = await createPerson(client, { name: '张秀梅', villageId: village.id, birthDate: '1943-09-09', gender: 'female', phone: '13893507890', groups: ['empty_nest_elder'], riskLevel: 'medium' });
    } finally {
      await client.close();
    }

    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      const signIn = new SignInPage(page);
      await signIn.goto();
      await signIn.signIn('anyuan.manager', DEMO_PASSWORD);
      const person = new PersonPage(page);
      await person.goto(personId);
      const plan = new TaskPlanCard(page);
      await plan.waitUntilLoaded();
      // The station's default for an elder at medium risk: a call every 14 days, a visit every 30.
      expect(await plan.source.getAttribute('data-source')).toBe('rule');
      expect(await plan.source.innerText()).toContain('按本站规则');
      expect(await plan.channel('phone').getByTestId('plan-every').innerText()).toBe('每 14 天一次');
      expect(await plan.channel('home_visit').getByTestId('plan-every').innerText()).toBe('每 30 天一次');
      expect(await plan.channel('phone').innerText()).toContain('尚未联系过');

      await plan.openEdit();
      await plan.chooseEvery('phone', '每周');
      await plan.setChannel('home_visit', false);
      // No reason, no save.
      await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
      await plan.dialog.locator('.ant-form-item-explain-error').filter({ hasText: '请说明原因' }).waitFor({ state: 'visible' });
      await plan.fillReason('老人住院，出院前每周电话问候，暂停入户');
      const saved = await plan.save();
      expect(saved.status()).toBe(200);
      await plan.dialog.waitFor({ state: 'hidden' });

      await expect.poll(() => plan.source.getAttribute('data-source')).toBe('override');
      expect(await plan.root.getByTestId('plan-reason').innerText()).toBe('原因：老人住院，出院前每周电话问候，暂停入户');
      expect(await plan.channel('phone').getByTestId('plan-every').innerText()).toBe('每 7 天一次');
      expect(await plan.channel('home_visit').count()).toBe(0);
      expect(await plan.source.innerText()).toContain('马站长');

      const reset = await plan.reset('老人已出院，恢复常规探访');
      expect(reset.status()).toBe(200);
      await expect.poll(() => plan.source.getAttribute('data-source')).toBe('rule');
      expect(await plan.channel('home_visit').getByTestId('plan-every').innerText()).toBe('每 30 天一次');
    } finally {
      await context.close();
    }
  });
});
