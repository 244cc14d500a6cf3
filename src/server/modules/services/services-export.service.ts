import ExcelJS from 'exceljs';
import { and, count, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { actorOf, type Ctx } from '../../context';
import { serviceRecords } from '../../db/schema/index';
import { AppError, fieldError } from '../../errors';
import { recordAudit } from '../../audit/audit';
import { writtenDay } from '../../xlsx';
import { getOrg, villagesInScope } from '../orgs/orgs.service';
import { todayOf } from '../people/people.service';
import { CHECKLIST_ITEM_KEYS, SERVICE_KINDS, SERVICE_TYPES, VISIT_CHECKLIST, type ChecklistSection } from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';
import type { ExportServicesQuery, ServiceRecord } from '../../../shared/schemas/services';
import { toServiceRecords } from './services.reply';
import { listConditions, selectWithNames } from './services.service';

export const MAX_SERVICE_EXPORT_ROWS = 50_000;
const PAGE = 1000;

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['日期', '时间', '服务对象', '村(社区)', '服务方式', '服务类型', '时长(分钟)', '服务内容', '服务社工', '志愿者', '状态评分', '需跟进', '跟进日期', '探访发现的问题', '发放物资', '关联个案', '记录人', '记录编号'],
  'en-US': ['Date', 'Time', 'Person', 'Village', 'Kind', 'Service types', 'Minutes', 'Summary', 'Workers', 'Volunteers', 'Wellbeing', 'Follow-up', 'Follow-up on', 'Concerns found', 'Goods given', 'Case', 'Recorded by', 'Record id'],
};

function concernLabel(key: string, lang: Lang): string {
  const [section, item] = key.split('.') as [ChecklistSection, string];
  const items: Record<string, { 'zh-CN': string; 'en-US': string }> = VISIT_CHECKLIST[section].items;
  return `${VISIT_CHECKLIST[section].label[lang]}·${items[item]?.[lang] ?? item}`;
}

function rowOf(record: ServiceRecord, lang: Lang): (string | number)[] {
  const local = new Date(new Date(record.startedAt).getTime() + 8 * 3_600_000).toISOString();
  const yes = lang === 'zh-CN' ? '是' : 'yes';
  const list = (names: string[]) => names.join(lang === 'zh-CN' ? '、' : ', ');
  return [
    local.slice(0, 10),
    local.slice(11, 16),
    record.personName,
    record.villageName ?? '',
    SERVICE_KINDS[record.kind][lang],
    list(record.serviceTypes.map((t) => SERVICE_TYPES[t][lang])),
    record.durationMinutes,
    record.summary,
    list(record.workers.map((w) => w.name)),
    list(record.volunteers.map((v) => v.name)),
    record.wellbeing ?? '',
    record.followUpNeeded ? yes : '',
    record.followUpOn ?? '',
    list(record.concerns.filter((c) => CHECKLIST_ITEM_KEYS.includes(c)).map((c) => concernLabel(c, lang))),
    record.goods ?? '',
    record.caseId ? yes : '',
    record.recordedBy.name,
    record.id,
  ];
}

/**
 * The service ledger (服务记录台账) of the list's filters, newest first, in keyset pages of
 * 1,000 and at most 50,000 rows: what stations used to keep by hand in Excel. One audit event
 * records the filters and the row count.
 */
export async function exportServices(ctx: Ctx, query: ExportServicesQuery): Promise<{ fileName: string; body: Buffer; rows: number }> {
  const actor = actorOf(ctx);
  if (query.villageId && !(await villagesInScope(ctx)).has(query.villageId)) throw fieldError('villageId', 'village.unknown');
  const conditions = listConditions(ctx, query);
  const [total] = await ctx.db.select({ n: count() }).from(serviceRecords).where(and(...conditions));
  if (Number(total?.n ?? 0) > MAX_SERVICE_EXPORT_ROWS) throw new AppError('VALIDATION_FAILED', { details: [{ path: '', messageKey: 'export.tooManyServices' }] });

  const lang = ctx.lang;
  const zh = lang === 'zh-CN';
  const stationName = actor.stationId ? (await getOrg(ctx, actor.stationId)).name : zh ? '全部社工站' : 'all stations';
  const today = todayOf(ctx);
  const ledger = zh ? '服务记录台账' : 'Service ledger';
  const period = query.from || query.to ? `${query.from ? writtenDay(query.from, lang) : '…'} – ${query.to ? writtenDay(query.to, lang) : '…'}` : zh ? '全部时间' : 'all dates';

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LastMeter 最后一米';
  const sheet = workbook.addWorksheet(ledger);
  const headers = HEADERS[lang];
  sheet.getCell(1, 1).value = `${ledger} — ${stationName} — ${period} — ${zh ? '导出于' : 'exported'} ${writtenDay(today, lang)}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, headers.length);
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF5FB' } };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  const widths = [11, 7, 10, 12, 10, 20, 9, 48, 14, 12, 8, 7, 11, 24, 14, 8, 10, 38];
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.getColumn(8).alignment = { wrapText: true, vertical: 'top' };

  let written = 0;
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const where: SQL[] = [...conditions];
    if (after) where.push(or(lt(serviceRecords.startedAt, after.at), and(eq(serviceRecords.startedAt, after.at), lt(serviceRecords.id, after.id)))!);
    const page = await selectWithNames(ctx)
      .where(and(...where))
      .orderBy(desc(serviceRecords.startedAt), desc(serviceRecords.id))
      .limit(PAGE);
    for (const record of await toServiceRecords(ctx, page)) sheet.addRow(rowOf(record, lang));
    written += page.length;
    const last = page.at(-1);
    if (page.length < PAGE || !last) break;
    after = { at: last.row.startedAt, id: last.row.id };
  }

  await recordAudit(ctx, { action: 'services.export', entityType: 'service', stationId: actor.stationId, details: { filters: { ...query }, rows: written } });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${ledger}-${stationName}-${writtenDay(today, lang)}.xlsx`, body, rows: written };
}
