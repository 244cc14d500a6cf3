import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../../../testing/test-app';
import { people } from '../../../db/schema/index';
import { LEDGER_TEXT_COLUMNS, ledgerRows, makeWorkbook, postFile } from './import-testing';

let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => {
  await t.close();
});

const ROWS = 10_000;

it('imports 10,000 rows well within the bound', { timeout: 180_000 }, async () => {
  const worker = await t.login('anyuan.worker');
  const file = await makeWorkbook(ledgerRows(ROWS), { textColumns: LEDGER_TEXT_COLUMNS });
  const started = performance.now();
  const response = await postFile(worker, '/api/people/import?dryRun=false', file, 'ten-thousand.xlsx');
  const seconds = (performance.now() - started) / 1000;
  console.log(`import of ${ROWS} rows (${t.deps.databaseKind}): ${seconds.toFixed(2)} s, file ${(file.length / 1024).toFixed(0)} KB`);
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  expect(response.json()).toMatchObject({ created: ROWS, updated: 0, failed: 0 });
  expect((await t.deps.db.select({ id: people.id }).from(people).where(eq(people.stationId, t.demo.stations.anyuan.id))).length).toBe(ROWS);
  expect(seconds).toBeLessThan(30);

  // The same ledger again: every row is an update of its file (nothing changed, nothing written).
  const againStarted = performance.now();
  const again = await postFile(worker, '/api/people/import?dryRun=false', file, 'ten-thousand.xlsx');
  console.log(`re-import of ${ROWS} unchanged rows (${t.deps.databaseKind}): ${((performance.now() - againStarted) / 1000).toFixed(2)} s`);
  expect(again.json()).toMatchObject({ created: 0, updated: ROWS, failed: 0 });
});
