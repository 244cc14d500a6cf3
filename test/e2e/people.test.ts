import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage, idNumberFor } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { PeoplePage } from './pages/people-page';
import { PersonPage } from './pages/person-page';
import { PersonForm } from './pages/person-form';
import { HomePage } from './pages/home-page';

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

async function signedIn(username: string): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(username, DEMO_PASSWORD);
  return { page, close: () => context.close() };
}

describe('people (一人一档)', () => {
  it("a worker creates a child's file from an identity number, finds her by initials, and a manager reveals the number", async () => {
    const idNumber = idNumberFor('2016-03-08', 'female');
    const worker = await signedIn('anyuan.worker');
    let personId: string;
    try {
      const form = new PersonForm(worker.page);
      await form.gotoNew();
      await form.fill('name', '祁卓尕');
      await form.fill('idNumber', idNumber);
      // Sex and birth date are read from the number in the browser, and greyed out.
      expect(await form.derivedText()).toContain('2016年3月8日');
      expect(await form.field('birthDate').isDisabled()).toBe(true);
      const village = await firstVillage((await apiAs(server.url, 'anyuan.worker')).api);
      await form.choose('villageId', village.name);
      await form.choose('groups', '留守儿童');
      // A child group opens the child's section.
      await form.page.getByTestId('child-section').waitFor({ state: 'visible' });
      await form.fill('child_school', '安远镇中心小学');
      await form.fill('child_father_name', '祁军');
      await form.fill('child_father_workCity', '宁波');
      await form.save();

      const person = new PersonPage(worker.page);
      await person.waitUntilShown();
      personId = person.id();
      expect(await person.name.innerText()).toBe('祁卓尕');
      expect(await person.idNumber.innerText()).toBe(`620623********${idNumber.slice(-4)}`);
      expect(await person.text()).toContain('2016年3月8日');
      expect(await person.text()).toContain('安远镇中心小学');
      // A worker holds no pii:reveal.
      expect(await person.revealButton.count()).toBe(0);

      const list = new PeoplePage(worker.page);
      await list.goto();
      await list.searchFor('qzg');
      await expect.poll(() => list.row('祁卓尕').count()).toBe(1);
      expect(await list.row('祁卓尕').innerText()).toContain('留守儿童');
      await list.row('祁卓尕').click();
      await worker.page.waitForURL(`**/people/${personId}`);
    } finally {
      await worker.close();
    }

    const manager = await signedIn('anyuan.manager');
    try {
      const person = new PersonPage(manager.page);
      await person.goto(personId);
      await person.revealButton.click();
      await expect.poll(() => person.idNumber.innerText()).toBe(idNumber);
    } finally {
      await manager.close();
    }
  });

  it('two people edit the same file at once: the second meets the merge dialog and the file keeps both changes', async () => {
    const client = await apiAs(server.url, 'anyuan.worker');
    const village = await firstVillage(client.api);
    const id = await createPerson(client, { name: '马秀兰', villageId: village.id, birthDate: '1950-05-01', gender: 'female', groups: ['empty_nest_elder'], address: '一社' });
    await client.close();

    const first = await signedIn('anyuan.worker');
    const second = await signedIn('anyuan.manager');
    try {
      const formA = new PersonForm(first.page);
      const formB = new PersonForm(second.page);
      await formA.gotoEdit(id);
      await formB.gotoEdit(id);

      await formA.fill('phone', '13912345678');
      await formA.save();
      await new PersonPage(first.page).waitUntilShown();

      await formB.fill('address', '二社 17 号');
      await formB.save();
      await formB.mergeDialog.waitFor({ state: 'visible' });
      const dialog = await formB.mergeDialog.innerText();
      expect(dialog).toContain('13912345678');
      expect(dialog).toContain('二社 17 号');
      // Defaults: theirs where I changed nothing, mine where I did.
      expect(await second.page.getByTestId('merge-theirs-phone').locator('input').isChecked()).toBe(true);
      expect(await second.page.getByTestId('merge-mine-address').locator('input').isChecked()).toBe(true);
      await formB.saveMerged();

      const person = new PersonPage(second.page);
      await person.waitUntilShown();
      await expect.poll(() => person.text()).toContain('二社 17 号');
      expect(await person.text()).toContain('13912345678');
      // Nothing else was lost on the way.
      expect(await person.text()).toContain('空巢老人');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("a worker's danger report appears in red on the manager's home page until acknowledged", async () => {
    const client = await apiAs(server.url, 'anyuan.worker');
    const village = await firstVillage(client.api);
    const id = await createPerson(client, { name: '尕藏草', villageId: village.id, birthDate: '2014-09-01', gender: 'female', groups: ['left_behind_child'] });
    await client.close();

    const worker = await signedIn('anyuan.worker');
    try {
      const person = new PersonPage(worker.page);
      await person.goto(id);
      await person.reportDanger({ reportedTo: '安远派出所 王警官', what: '孩子独自在家三天，无人照看' });
      await expect.poll(() => person.text()).toContain('已强制报告');
    } finally {
      await worker.close();
    }

    const manager = await signedIn('anyuan.manager');
    try {
      const home = new HomePage(manager.page);
      await home.goto();
      await home.dangerReports.waitFor({ state: 'visible' });
      expect(await home.dangerReport('尕藏草').innerText()).toContain('安远派出所 王警官');
      await home.acknowledge('尕藏草', '已知悉');
      await expect.poll(() => home.dangerReport('尕藏草').count()).toBe(0);
    } finally {
      await manager.close();
    }
  });
});
