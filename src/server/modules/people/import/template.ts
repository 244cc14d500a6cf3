import ExcelJS from 'exceljs';
import type { Ctx } from '../../../context';
import { villagesInScope } from '../../orgs/orgs.service';
import { ETHNICITIES, GROUPS, LIVING_SITUATIONS, RISK_LEVELS } from '../../../../shared/codes';
import type { Label } from '../../../../shared/i18n';
import { GENDER_LABELS, HEALTH_LABELS } from '../../../../shared/schemas/people-import';
import type { ImportBaseField } from '../../../../shared/schemas/people-import';
import { columnLetter, TEMPLATE_COLUMNS } from './layouts';

export const TEMPLATE_SHEET = '人员信息';
export const HELP_SHEET = '填写说明';
/** Rows of the template that carry drop-down lists. */
const VALIDATED_ROWS = 1000;

declare module 'exceljs' {
  interface Worksheet {
    /** Present at run time though exceljs does not declare it; takes a range address ('C2:C1001'), written as one rule. */
    dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
  }
}

const labels = (list: Record<string, Label>) => Object.values(list).map((label) => label['zh-CN']);

/** Writes the header row of our layout: bold, frozen, wide enough, identity and phone columns kept as text. */
export function writeHeaderRow(sheet: ExcelJS.Worksheet, rowNumber: number, extraHeaders: string[] = []): void {
  const headers = [...TEMPLATE_COLUMNS.map((c) => c.header), ...extraHeaders];
  const row = sheet.getRow(rowNumber);
  headers.forEach((header, index) => {
    const cell = row.getCell(index + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  TEMPLATE_COLUMNS.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = column.width;
    if (column.field === 'idNumber' || column.field.endsWith('Phone') || column.field === 'phone') sheetColumn.numFmt = '@';
  });
  extraHeaders.forEach((_header, index) => (sheet.getColumn(TEMPLATE_COLUMNS.length + index + 1).width = 38));
  sheet.views = [{ state: 'frozen', ySplit: rowNumber }];
}

function columnOf(field: ImportBaseField): string {
  return columnLetter(TEMPLATE_COLUMNS.findIndex((c) => c.field === field) + 1);
}

/**
 * The import template (API: GET /api/people/import-template): our header row on the first sheet
 * with drop-down lists, and a second sheet that explains each column and lists the allowed
 * labels and the villages of the caller's station.
 */
export async function importTemplate(ctx: Ctx): Promise<Buffer> {
  const villages = [...(await villagesInScope(ctx)).values()].map((v) => v.name).sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LastMeter 最后一米';
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET);
  const help = workbook.addWorksheet(HELP_SHEET);
  writeHeaderRow(sheet, 1);

  help.getRow(1).values = ['列名', '说明'];
  TEMPLATE_COLUMNS.forEach((column, index) => {
    help.getRow(index + 2).values = [column.header, column.note['zh-CN']];
  });
  help.getColumn(1).width = 16;
  help.getColumn(2).width = 60;
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const lists: { title: string; values: string[]; field: ImportBaseField | null; multi?: boolean }[] = [
    { title: '服务对象类别', values: labels(GROUPS), field: 'groups', multi: true },
    { title: '民族', values: labels(ETHNICITIES), field: 'ethnicity' },
    { title: '风险等级', values: labels(RISK_LEVELS), field: 'riskLevel' },
    { title: '居住状况', values: labels(LIVING_SITUATIONS), field: 'livingSituation' },
    { title: '健康状况', values: labels(HEALTH_LABELS), field: 'health' },
    { title: '性别', values: labels(GENDER_LABELS), field: 'gender' },
    { title: '是否寄宿', values: ['是', '否'], field: 'boarding' },
    { title: '残疾等级', values: ['1', '2', '3', '4'], field: 'disabilityGrade' },
    { title: '村(社区)', values: villages, field: 'village' },
  ];
  lists.forEach((list, index) => {
    const col = index + 4;
    const letter = columnLetter(col);
    help.getColumn(col).width = Math.max(10, list.title.length * 2 + 4);
    const title = help.getCell(1, col);
    title.value = list.title;
    title.font = { bold: true };
    list.values.forEach((value, i) => (help.getCell(i + 2, col).value = value));
    if (!list.field || list.values.length === 0) return;
    const target = columnOf(list.field);
    const range = `'${HELP_SHEET}'!$${letter}$2:$${letter}$${list.values.length + 1}`;
    sheet.dataValidations.add(`${target}2:${target}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      // Groups take several labels in one cell: the list helps, it does not forbid.
      showErrorMessage: !list.multi,
      errorStyle: list.multi ? 'information' : 'stop',
      errorTitle: list.title,
      error: '请从下拉列表中选择。',
    });
  });
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
