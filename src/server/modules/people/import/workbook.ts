import ExcelJS from 'exceljs';
import { AppError } from '../../../errors';
import { cellValue, textOf, type CellValue } from './cells';

/** An uploaded file as the import reads it. */
export interface Upload {
  filename: string;
  buffer: Buffer;
}

/** The first sheet's cells: `values[i][j]` is row i+1, column j+1; merged cells repeat their master's value. */
export interface SheetData {
  values: CellValue[][];
  text: string[][];
}

export { XLSX_CONTENT_TYPE as XLSX_TYPE } from '../../../xlsx';

/** Reads the first sheet of an .xlsx; anything that is not one is 415 UNSUPPORTED_FILE. */
export async function readFirstSheet(upload: Upload): Promise<SheetData> {
  // An .xlsx is a zip file: refuse other content before handing it to the parser.
  if (upload.buffer.length < 4 || upload.buffer.readUInt32LE(0) !== 0x04034b50) throw new AppError('UNSUPPORTED_FILE');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(upload.buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('UNSUPPORTED_FILE', { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { values: [], text: [] };
  const width = sheet.columnCount;
  const values: CellValue[][] = [];
  const text: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const rowValues: CellValue[] = [];
    const rowText: string[] = [];
    if (row.hasValues) {
      for (let c = 1; c <= width; c++) {
        const value = cellValue(row.getCell(c));
        rowValues.push(value);
        rowText.push(textOf(value));
      }
    }
    values.push(rowValues);
    text.push(rowText);
  }
  return { values, text };
}
