import ExcelJS from 'exceljs';
import type { Session } from '../../../testing/test-app';
import { XLSX_TYPE } from './workbook';

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
