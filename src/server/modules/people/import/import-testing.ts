import ExcelJS from 'exceljs';
import type { Session } from '../../../testing/test-app';
import { XLSX_TYPE } from './workbook';
import { makeIdNumber, makePhone } from '../../../testing/factories';
import { TEMPLATE_COLUMNS } from './layouts';

/** A workbook of one sheet from rows of cell values (row 1 first); merges as 'A1:C1'. */
export async function makeWorkbook(rows: (string | number | Date | null)[][], options: { merges?: string[]; textColumns?: number[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const column of options.textColumns ?? []) sheet.getColumn(column).numFmt = '@';
  rows.forEach((values, index) => {
    const row = sheet.getRow(index + 1);
    values.forEach((value, col) => {
      if (value !== null && value !== '') row.getCell(col + 1).value = value;
    });
  });
  for (const range of options.merges ?? []) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart body with the field `file`, serialised by Node's own FormData. */
export async function multipartFile(buffer: Buffer, filename = 'people.xlsx', type = XLSX_TYPE): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(buffer)], { type }), filename);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': response.headers.get('content-type') ?? '' } };
}

export async function postFile(session: Session, url: string, buffer: Buffer, filename = 'people.xlsx', extraHeaders: Record<string, string> = {}) {
  const { payload, headers } = await multipartFile(buffer, filename);
  return session.inject({ method: 'POST', url, payload, headers: { ...headers, ...extraHeaders } });
}

/** The first sheet of a downloaded workbook as text rows. */
export async function readWorkbook(body: Buffer): Promise<{ sheets: string[]; rows: string[][]; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const value = row.getCell(c).value;
      values.push(value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    rows[number - 1] = values;
  });
  return { sheets: workbook.worksheets.map((s) => s.name), rows, workbook };
}

const VILLAGES = ['黄羊川村', '青石村', '柏树湾村', '南岔村', '红崖村', '上庄村', '松山村', '马场村'];
const SURNAMES = '王李张刘陈杨赵黄周吴马才索卓';
const GIVEN = '明华芳军秀英强玉兰梅杰让南措吉';

/** Columns of the ledger that Excel must keep as text (identity number, phone), 1-based. */
export const LEDGER_TEXT_COLUMNS = [2, 6];

/** A ledger in our template's layout: `count` valid, distinct files of children and elders across the Anyuan villages. */
export function ledgerRows(count: number): (string | null)[][] {
  const seen = new Set<string>();
  const rows: (string | null)[][] = [];
  const headers = TEMPLATE_COLUMNS.map((c) => c.header);
  const at = (header: string) => headers.indexOf(header);
  for (let i = 0; rows.length < count; i++) {
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
