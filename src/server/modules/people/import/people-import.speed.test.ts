import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../../../testing/test-app';
import { makeIdNumber, makePhone } from '../../../testing/factories';
import { people } from '../../../db/schema/index';
import { TEMPLATE_COLUMNS } from './layouts';
import { makeWorkbook, postFile } from './import-testing';

let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => {
  await t.close();
});

const ROWS = 10_000;
const VILLAGES = ['黄羊川村', '青石村', '柏树湾村', '南岔村', '红崖村', '上庄村', '松山村', '马场村'];
const SURNAMES = '王李张刘陈杨赵黄周吴马才索卓';
const GIVEN = '明华芳军秀英强玉兰梅杰让南措吉';

/** Ten thousand valid, distinct files: children and elders across the Anyuan villages. */
function ledgerRows(): (string | null)[][] {
  const seen = new Set<string>();
  const rows: (string | null)[][] = [];
  const headers = TEMPLATE_COLUMNS.map((c) => c.header);
  const at = (header: string) => headers.indexOf(header);
  for (let i = 0; rows.length < ROWS; i++) {
    const child = i % 2 === 0;
    const year = child ? 2011 + (i % 14) : 1930 + (i % 35);
    const day = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const gender = i % 3 === 0 ? 'female' : 'male';
    const idNumber = makeIdNumber(day, gender);
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    const row: (string | null)[] = headers.map(() => null);
    row[at('姓名')] = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 3) % GIVEN.length]}`;
    row[at('公民身份证号码')] = idNumber;
    row[at('村(社区)')] = VILLAGES[i % VILLAGES.length]!;
    row[at('联系电话')] = makePhone();
    row[at('服务对象类别')] = child ? '其他儿童' : '老年人、空巢老人';
    row[at('风险等级')] = ['高', '中', '低'][i % 3]!;
    if (child) {
      row[at('就读学校')] = '安远镇中心小学';
      row[at('父亲姓名')] = '父亲';
      row[at('父亲务工地点')] = '甘肃省兰州市';
    }
    rows.push(row);
  }
  return [headers, ...rows];
}

it('imports 10,000 rows well within the bound', { timeout: 180_000 }, async () => {
  const worker = await t.login('anyuan.worker');
  const file = await makeWorkbook(ledgerRows(), { textColumns: [2, 6] });
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
