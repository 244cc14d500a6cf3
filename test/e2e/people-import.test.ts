import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newContext } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { apiAs, firstVillage, idNumberFor } from './support/people';
import { SignInPage } from './pages/sign-in-page';
import { ImportPage } from './pages/import-page';

let server: TestServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'lastmeter-import-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The header row of the template: the first row with a 姓名 cell, and each header's column. */
function headerColumns(sheet: ExcelJS.Worksheet): { row: number; columns: Map<string, number> } {
  for (let r = 1; r <= Math.min(sheet.rowCount, 10); r++) {
    const columns = new Map<string, number>();
    sheet.getRow(r).eachCell((cell, col) => columns.set(String(cell.text).trim(), col));
    if ([...columns.keys()].some((text) => text.includes('姓名'))) return { row: r, columns };
  }
  throw new Error('no header row with 姓名 in the template');
}

function column(columns: Map<string, number>, ...needles: string[]): number | undefined {
  for (const [text, col] of columns) if (needles.some((needle) => text.includes(needle))) return col;
  return undefined;
}

describe('importing people from Excel', () => {
  it('the template filled with two good rows and one bad: the dry run names the bad row in Chinese, the import creates two', async () => {
    const probe = await apiAs(server.url, 'anyuan.worker');
    const templateReply = await probe.api.get('/api/people/import-template');
    const village = await firstVillage(probe.api);
    await probe.close();
    expect(templateReply.status()).toBe(200);

    const browserContext = await newContext(browser, server.url);
    const page = await browserContext.newPage();
    try {
      await new SignInPage(page).goto();
      await new SignInPage(page).signIn('anyuan.worker', DEMO_PASSWORD);
      const importing = new ImportPage(page);
      await importing.goto();
      const download = await importing.downloadTemplate();
      const templatePath = join(dir, 'template.xlsx');
      await download.saveAs(templatePath);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(templatePath);
      const sheet = workbook.worksheets[0]!;
      const { row: headerRow, columns } = headerColumns(sheet);
      const nameCol = column(columns, '姓名')!;
      const idCol = column(columns, '身份证')!;
      const villageCol = column(columns, '村');
      const goodId = idNumberFor('2014-05-06', 'male');
      const badId = `${goodId.slice(0, 17)}${goodId[17] === '1' ? '2' : '1'}`;
      const rows: Array<[string, string]> = [
        ['杨天宝', goodId],
        ['杨天乐', idNumberFor('2016-07-08', 'female')],
        ['杨错号', badId],
      ];
      rows.forEach(([name, id], index) => {
        const row = sheet.getRow(headerRow + 1 + index);
        row.getCell(nameCol).value = name;
        row.getCell(idCol).value = id;
        if (villageCol) row.getCell(villageCol).value = village.name;
        row.commit();
      });
      const filled = join(dir, '花名册.xlsx');
      await workbook.xlsx.writeFile(filled);

      await importing.choose(filled);
      await importing.chooseDefaultVillage(village.name);
      await importing.dryRunButton.click();
      await importing.summary.waitFor({ state: 'visible' });
      expect(await importing.summary.innerText()).toMatch(/可新建 2 人.*有 1 行有错误/);
      const failed = await importing.failedRows.innerText();
      expect(failed).toContain(String(headerRow + 3));
      expect(failed).toMatch(/身份证/);

      await importing.confirmButton.click();
      await page.getByText('导入完成：新建 2 人').waitFor();
    } finally {
      await browserContext.close();
    }
  });
});
