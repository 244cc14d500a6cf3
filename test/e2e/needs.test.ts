import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, createPerson, firstVillage } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { Shell } from './pages/shell';
import { NeedsPage } from './pages/needs-page';
import { PersonNeedsCard } from './pages/needs-person-card';
import { PersonPage } from './pages/person-page';
import { ranking, registerNeed, seedRankings, serve } from './pages/needs-seed';
import { periodRange } from '../../src/web/pages/needs/needs-model';
import { today } from '../../src/web/components/format';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The demo township may come with a year of responses; where a focus group has none, a small questionnaire is answered.
  const worker = await apiAs(server.url, 'anyuan.worker');
  try {
    await seedRankings(worker);
  } finally {
    await worker.close();
  }
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

describe('needs ranking (1440×900)', () => {
  it('a worker reads the elders’ ranking with health care first, then elderly education and recreation, beside the children’s and women’s', async () => {
    const { page, close } = await signedIn('anyuan.worker');
    try {
      await new Shell(page).go('需求分析');
      await page.waitForURL('**/needs');
      const needs = new NeedsPage(page);
      await needs.waitForRanking('elder');

      const client = await apiAs(server.url, 'anyuan.worker');
      // The page opens on the last twelve months.
      const expected = await ranking(client, 'elder', periodRange('last12', today())).finally(() => client.close());
      await expect.poll(() => needs.rankedCodes()).toEqual(expected.items.map((item) => item.needType));
      expect((await needs.rankedCodes()).slice(0, 3)).toEqual(['healthcare', 'elder_education', 'recreation']);
      expect((await needs.rankedNeeds())[0]).toBe('医疗保健');
      expect(await needs.respondents()).toBe(expected.respondents);
      expect(await needs.respondents()).toBeGreaterThan(0);
      // The share column is the count over the respondents, as a percentage.
      const first = expected.items[0]!;
      expect(await needs.rankingCard.getByTestId('ranking-row').first().innerText()).toContain(`${Math.round(first.share * 1000) / 10}%`);
      await needs.rankingCard.getByTestId('ranking-chart').locator('canvas').waitFor({ state: 'visible' });

      // The three focus groups side by side, three needs each; a card opens that group's ranking.
      await expect.poll(() => needs.overviewNeeds('elder')).toEqual(['healthcare', 'elder_education', 'recreation']);
      await expect.poll(async () => (await needs.overviewNeeds('left_behind_child')).length).toBeGreaterThan(0);
      await expect.poll(async () => (await needs.overviewNeeds('woman')).length).toBeGreaterThan(0);
      await needs.openOverview('woman');
      await needs.waitForRanking('woman');
      await expect.poll(() => page.url()).toContain('group=woman');
      expect(await needs.rankingCard.innerText()).toContain('妇女的需求排序');
    } finally {
      await close();
    }
  });

  it('exporting gives a real Excel file with the ranking, and the chart downloads as PNG and SVG images', async () => {
    const { page, close } = await signedIn('anyuan.manager');
    try {
      const needs = new NeedsPage(page);
      await needs.goto();
      await needs.waitForRanking('elder');

      const download = await needs.exportExcel();
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const path = join(tmpdir(), `needs-ranking-${Date.now()}.xlsx`);
      await download.saveAs(path);
      expect((await stat(path)).size).toBeGreaterThan(2000);
      const bytes = await readFile(path);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const cells: string[] = [];
      workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
      expect(cells, cells.join(' | ')).toContain('医疗保健');
      expect(cells).toContain('老年教育');
      expect(cells.indexOf('医疗保健')).toBeLessThan(cells.indexOf('老年教育'));

      const image = await needs.downloadPng();
      expect(image.suggestedFilename()).toMatch(/\.png$/);
      const pngPath = join(tmpdir(), `needs-ranking-${Date.now()}.png`);
      await image.saveAs(pngPath);
      const png = await readFile(pngPath);
      expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(png.length).toBeGreaterThan(10_000);

      const drawing = await needs.downloadSvg();
      expect(drawing.suggestedFilename()).toMatch(/\.svg$/);
      const svgPath = join(tmpdir(), `needs-ranking-${Date.now()}.svg`);
      await drawing.saveAs(svgPath);
      const svg = await readFile(svgPath, 'utf8');
      expect(svg).toMatch(/<svg[\s>]/);
      expect(svg).toContain('医疗保健');
    } finally {
      await close();
    }
  });

  it('civil affairs reads the ranking across stations but has no needs register', async () => {
    const { page, close } = await signedIn('county');
    try {
      const needs = new NeedsPage(page);
      await needs.goto();
      await needs.waitForRanking('elder');
      expect(await page.getByTestId('ranking-station').count()).toBe(1);
      expect(await page.getByTestId('needs-tab-register').count()).toBe(0);
      await needs.goto('?tab=register');
      await needs.waitForRanking('elder');
      expect(await needs.summary.count()).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('needs register (1440×900)', () => {
  it('a worker registers a need on an elder’s file and moves it to being served, then to met', async () => {
    const client = await apiAs(server.url, 'anyuan.worker');
    const village = await firstVillage(client.api);
    const personId = await createPerson(client, { name: '祁玉兰', villageId: village.id, birthDate: '1947-03-08', gender: 'female', groups: ['empty_nest_elder'] });
    await client.close();

    const { page, close } = await signedIn('anyuan.worker');
    try {
      const person = new PersonPage(page);
      await person.goto(personId);
      const card = new PersonNeedsCard(page);
      await card.waitUntilLoaded();
      expect(await card.root.innerText()).toContain('还没有登记需求');
      // "Fill in a survey" opens the open elders' questionnaire for this person.
      await expect.poll(() => card.root.getByTestId('need-fill-survey').getAttribute('href')).toMatch(new RegExp(`^/surveys/[0-9a-f-]{36}/fill\\?personId=${personId}$`));

      const created = await card.add({ needLabel: '智能手机使用', note: '想和在外打工的儿子视频' });
      expect(created.status()).toBe(201);
      await card.need('digital_skills').waitFor({ state: 'visible' });
      expect(await card.status('digital_skills')).toBe('identified');
      expect(await card.need('digital_skills').innerText()).toContain('想和在外打工的儿子视频');
      expect(await card.need('digital_skills').innerText()).toMatch(/走访 · \d{4}年\d{1,2}月\d{1,2}日 识别/);

      const serving = await card.move('digital_skills', 'being_served');
      expect(serving.status()).toBe(200);
      await expect.poll(() => card.status('digital_skills')).toBe('being_served');
      expect(await card.need('digital_skills').getByTestId('need-status').innerText()).toBe('服务中');

      const met = await card.move('digital_skills', 'met');
      expect(met.status()).toBe(200);
      await card.root.getByTestId('person-needs-closed').waitFor({ state: 'visible' });
      await card.showClosed();
      await expect.poll(() => card.status('digital_skills')).toBe('met');
      expect(await card.need('digital_skills').getByTestId('need-status').innerText()).toBe('已满足');

      // Registering the same need again opens a new one: the met one stays as it was.
      await card.add({ needLabel: '智能手机使用' });
      await card.need('digital_skills').first().waitFor({ state: 'visible' });
      await card.showClosed();
      await expect.poll(() => card.need('digital_skills').count()).toBe(2);
      expect(await card.status('digital_skills')).toBe('identified');
    } finally {
      await close();
    }
  });

  it('a stale status change is refused with a note, and the card shows the need as it now is', async () => {
    const client = await apiAs(server.url, 'anyuan.worker');
    const village = await firstVillage(client.api);
    const personId = await createPerson(client, { name: '赵福林', villageId: village.id, birthDate: '1950-10-10', gender: 'male', groups: ['elder'] });
    const need = await registerNeed(client, personId, 'healthcare');

    const { page, close } = await signedIn('anyuan.worker');
    try {
      await new PersonPage(page).goto(personId);
      const card = new PersonNeedsCard(page);
      await card.need('healthcare').waitFor({ state: 'visible' });
      // Someone else moves it on meanwhile.
      const reply = await client.api.patch(`/api/needs/${need.id}`, { data: { version: need.version, status: 'being_served' }, headers: { 'X-CSRF-Token': client.csrf } });
      expect(reply.status()).toBe(200);
      const refused = await card.move('healthcare', 'unmet');
      expect(refused.status()).toBe(409);
      await page.locator('.ant-message').getByText('已重新载入最新内容').waitFor({ state: 'visible' });
      await expect.poll(() => card.status('healthcare')).toBe('being_served');
    } finally {
      await close();
      await client.close();
    }
  });

  it('the register lists only the needs no service has answered when asked, and a count of the summary filters the list', async () => {
    const client = await apiAs(server.url, 'anyuan.worker');
    const village = await firstVillage(client.api);
    const waiting = await createPerson(client, { name: '李桂香', villageId: village.id, birthDate: '1945-02-02', gender: 'female', groups: ['elder'] });
    const served = await createPerson(client, { name: '王存福', villageId: village.id, birthDate: '1946-06-06', gender: 'male', groups: ['elder'] });
    const open = await registerNeed(client, waiting, 'recreation', '想参加村里的秧歌队');
    const answered = await registerNeed(client, served, 'recreation');
    await serve(client, served, ['social_integration'], '带老人参加重阳节文艺活动。');
    await client.close();

    const { page, close } = await signedIn('anyuan.worker');
    try {
      const needs = new NeedsPage(page);
      await needs.goto('?tab=register');
      await needs.summary.waitFor({ state: 'visible' });
      await needs.waitForList();
      await expect.poll(() => needs.row(open.id).count()).toBe(1);
      await expect.poll(() => needs.row(answered.id).count()).toBe(1);
      expect(await needs.row(answered.id).getByTestId('need-answered').innerText()).toContain('社会融入');
      expect(await needs.row(open.id).getByTestId('need-person').innerText()).toBe('李桂香');

      const reply = await needs.unansweredOnly();
      expect(reply.status()).toBe(200);
      await expect.poll(() => needs.row(answered.id).count()).toBe(0);
      await expect.poll(() => needs.row(open.id).count()).toBe(1);
      const shown = await needs.rows().count();
      expect(await needs.list.getByTestId('need-unanswered').count()).toBe(shown);
      expect(page.url()).toContain('unanswered=true');

      // A count of the summary: recreation's unanswered needs.
      await needs.clickCount('recreation', 'unanswered');
      await expect.poll(() => page.url()).toContain('needType=recreation');
      await expect.poll(async () => new Set(await needs.list.getByTestId('need-type').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-need')))).size).toBe(1);
      expect(await needs.list.getByTestId('need-type').first().getAttribute('data-need')).toBe('recreation');
      await expect.poll(() => needs.row(open.id).count()).toBe(1);

      // The person links to their file.
      await needs.row(open.id).getByTestId('need-person').click();
      await page.waitForURL(`**/people/${waiting}`);
    } finally {
      await close();
    }
  });
});
