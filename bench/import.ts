import { makeTestApp, type TestApp } from '../src/server/testing/test-app';
import { LEDGER_TEXT_COLUMNS, ledgerRows, makeWorkbook, postFile } from '../src/server/modules/people/import/import-testing';
import { insertPeople, PersonPreparer, type PersonValues } from '../src/server/modules/people/people.service';
import { systemActor } from '../src/server/demo/load-residents';
import { inTransaction, systemCtx, type Ctx } from '../src/server/context';
import { zCreatePersonRequest } from '../src/shared/schemas/people';
import { v7 as uuidv7 } from 'uuid';

export const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

export interface ImportBench {
  database: string;
  rows: number;
  importSeconds: number;
  reimportSeconds: number;
  /** The floor: the same files, already checked, written with one transaction of batched inserts. */
  insertSeconds: number;
}

async function withApp<T>(databaseUrl: string | undefined, work: (t: TestApp) => Promise<T>): Promise<T> {
  const saved = process.env.TEST_DATABASE_URL;
  if (databaseUrl) process.env.TEST_DATABASE_URL = databaseUrl;
  else delete process.env.TEST_DATABASE_URL;
  let t: TestApp;
  try {
    t = await makeTestApp({ env: { UPLOAD_LIMIT_BYTES: String(100 * 1024 * 1024) } });
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
  try {
    return await work(t);
  } finally {
    await t.close();
  }
}

/** Imports a 10,000-row ledger (our template) through the API, then again (all updates), beside the bare inserts. */
export async function benchImport(label: string, databaseUrl: string | undefined): Promise<ImportBench> {
  const sheet = ledgerRows(IMPORT_ROWS);
  const file = await makeWorkbook(sheet, { textColumns: LEDGER_TEXT_COLUMNS });
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return (performance.now() - started) / 1000;
  };
  const { importSeconds, reimportSeconds } = await withApp(databaseUrl, async (t) => {
    const worker = await t.login('anyuan.worker');
    const url = '/api/people/import?dryRun=false';
    const importSeconds = await timed(async () => {
      const response = await postFile(worker, url, file, 'bench.xlsx');
      if (response.statusCode !== 200 || response.json<{ created: number }>().created !== IMPORT_ROWS) throw new Error(`import failed: ${response.body.slice(0, 300)}`);
    });
    const reimportSeconds = await timed(() => postFile(worker, url, file, 'bench.xlsx'));
    return { importSeconds, reimportSeconds };
  });
  const insertSeconds = await withApp(databaseUrl, async (t) => {
    const ctx: Ctx = { ...systemCtx(t.deps), actor: systemActor(t.demo.userIds.admin!) };
    const preparer = await PersonPreparer.open(ctx);
    const villages = new Map([...preparer.villages.values()].map((v) => [v.name, v.id]));
    const headers = sheet[0]!;
    const column = (name: string) => headers.indexOf(name);
    const prepared: { id: string; values: PersonValues }[] = [];
    for (const row of sheet.slice(1)) {
      const input = zCreatePersonRequest.parse({
        name: row[column('姓名')],
        idNumber: row[column('公民身份证号码')],
        villageId: villages.get(row[column('村(社区)')]!),
        phone: row[column('联系电话')],
      });
      const { prepared: values } = await preparer.prepare(input);
      if (values) prepared.push({ id: uuidv7(), values: values.values });
    }
    return timed(() => inTransaction(ctx, (tx) => insertPeople(tx, prepared)));
  });
  const result = { database: label, rows: IMPORT_ROWS, importSeconds, reimportSeconds, insertSeconds };
  console.log(`${label.padEnd(9)} import of ${IMPORT_ROWS} rows ${importSeconds.toFixed(2)} s, re-import ${reimportSeconds.toFixed(2)} s, floor (inserts only) ${insertSeconds.toFixed(2)} s`);
  return result;
}
