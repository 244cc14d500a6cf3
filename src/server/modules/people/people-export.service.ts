import ExcelJS from 'exceljs';
import { and, asc, count, eq, gt, or, type SQL } from 'drizzle-orm';
import { actorOf, type Ctx } from '../../context';
import { people } from '../../db/schema/index';
import { AppError, fieldError } from '../../errors';
import { recordAudit } from '../../audit/audit';
import { decryptPii } from '../../pii';
import { getOrg, villagesInScope } from '../orgs/orgs.service';
import { listConditions, todayOf } from './people.service';
import type { PersonRow } from './people.reply';
import { ETHNICITIES, GROUPS, LIVING_SITUATIONS, PERSON_STATUSES, RISK_LEVELS, type EthnicityCode, type GroupCode, type LivingSituationCode } from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';
import type { PersonInput } from '../../../shared/schemas/people';
import { GENDER_LABELS, HEALTH_LABELS, type ExportPeopleQuery, type ImportBaseField } from '../../../shared/schemas/people-import';
import { joinWorkPlace } from './import/cells';
import { PERSON_ID_HEADER, TEMPLATE_COLUMNS } from './import/layouts';
import { writeHeaderRow } from './import/template';
import { writtenDay } from '../../xlsx';

export const MAX_EXPORT_ROWS = 50_000;
const PAGE = 1000;

type Child = NonNullable<PersonInput['child']>;


/** One ledger cell of a file, in the template's words: labels, not codes (the import reads them back). */
function cellText(row: PersonRow, field: ImportBaseField, villageName: string, idNumber: string | null): string {
  const child = row.child as Child | null;
  const parent = (role: 'father' | 'mother') => child?.parents?.find((p) => p.role === role);
  switch (field) {
    case 'name':
      return row.name;
    case 'idNumber':
      return idNumber ?? '';
    case 'gender':
      return row.gender ? GENDER_LABELS[row.gender]['zh-CN'] : '';
    case 'birthDate':
      return row.birthDate ?? '';
    case 'ethnicity':
      return row.ethnicity && Object.hasOwn(ETHNICITIES, row.ethnicity) ? ETHNICITIES[row.ethnicity as EthnicityCode]['zh-CN'] : '';
    case 'phone':
      return row.phone ?? '';
    case 'village':
      return villageName;
    case 'address':
      return row.address ?? '';
    case 'groups':
      return row.groups.map((g) => (Object.hasOwn(GROUPS, g) ? GROUPS[g as GroupCode]['zh-CN'] : g)).join('、');
    case 'riskLevel':
      return row.riskLevel ? RISK_LEVELS[row.riskLevel]['zh-CN'] : '';
    case 'livingSituation':
      return row.livingSituation && Object.hasOwn(LIVING_SITUATIONS, row.livingSituation) ? LIVING_SITUATIONS[row.livingSituation as LivingSituationCode]['zh-CN'] : '';
    case 'health':
      return row.health ? HEALTH_LABELS[row.health]['zh-CN'] : '';
    case 'disabilityType':
      return row.disabilityType ?? '';
    case 'disabilityGrade':
      return row.disabilityGrade ? String(row.disabilityGrade) : '';
    case 'notes':
      return row.notes ?? '';
    case 'school':
      return child?.school ?? '';
    case 'grade':
      return child?.grade ?? '';
    case 'boarding':
      return child?.boarding === true ? '是' : child?.boarding === false ? '否' : '';
    case 'guardianName':
      return child?.guardian?.name ?? '';
    case 'guardianPhone':
      return child?.guardian?.phone ?? '';
    case 'guardianRelation':
      return child?.guardian?.relation ?? '';
    case 'fatherName':
    case 'motherName':
      return parent(field === 'fatherName' ? 'father' : 'mother')?.name ?? '';
    case 'fatherPhone':
    case 'motherPhone':
      return parent(field === 'fatherPhone' ? 'father' : 'mother')?.phone ?? '';
    case 'fatherWorkPlace':
    case 'motherWorkPlace': {
      const p = parent(field === 'fatherWorkPlace' ? 'father' : 'mother');
      return joinWorkPlace(p?.workProvince, p?.workCity);
    }
    case 'childDirector':
      return child?.childDirector ? [child.childDirector.name, child.childDirector.phone].filter(Boolean).join(' ') : '';
    default:
      return '';
  }
}

function describeFilters(query: ExportPeopleQuery, villageName: string | null, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  if (query.q) parts.push(`${zh ? '关键词' : 'search'}=${query.q}`);
  if (villageName) parts.push(`${zh ? '村(社区)' : 'village'}=${villageName}`);
  if (query.group) parts.push(`${zh ? '类别' : 'group'}=${GROUPS[query.group][lang]}`);
  if (query.riskLevel) parts.push(`${zh ? '风险等级' : 'risk'}=${RISK_LEVELS[query.riskLevel][lang]}`);
  parts.push(`${zh ? '状态' : 'status'}=${PERSON_STATUSES[query.status ?? 'active'][lang]}`);
  if (query.minAge !== undefined || query.maxAge !== undefined) parts.push(`${zh ? '年龄' : 'age'}=${query.minAge ?? 0}–${query.maxAge ?? '∞'}`);
  if (query.householdId) parts.push(`${zh ? '户' : 'household'}=${query.householdId}`);
  return `${zh ? '筛选条件：' : 'Filters: '}${parts.join(zh ? '；' : '; ')}`;
}

/**
 * The ledger of the files matching the list's filters (API: GET /api/people/export), read in
 * keyset pages of 1,000 and at most 50,000 rows. Identity numbers are masked unless the caller
 * holds pii:reveal. One audit event records the filters and the row count.
 */
export async function exportPeople(ctx: Ctx, query: ExportPeopleQuery): Promise<{ fileName: string; body: Buffer; rows: number }> {
  const actor = actorOf(ctx);
  const villages = await villagesInScope(ctx);
  if (query.villageId && !villages.has(query.villageId)) throw fieldError('villageId', 'village.unknown');
  const conditions = listConditions(ctx, query);
  const [total] = await ctx.db.select({ n: count() }).from(people).where(and(...conditions));
  const matching = Number(total?.n ?? 0);
  if (matching > MAX_EXPORT_ROWS) throw new AppError('VALIDATION_FAILED', { details: [{ path: '', messageKey: 'export.tooMany' }] });

  const reveal = actor.permissions.has('pii:reveal');
  const stationName = actor.stationId ? (await getOrg(ctx, actor.stationId)).name : ctx.lang === 'zh-CN' ? '全部社工站' : 'all stations';
  const today = todayOf(ctx);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LastMeter 最后一米';
  const sheet = workbook.addWorksheet('人员台账');
  const width = TEMPLATE_COLUMNS.length + 1;
  const title = sheet.getCell(1, 1);
  title.value = `人员台账 — ${stationName} — ${writtenDay(today)} — ${describeFilters(query, query.villageId ? (villages.get(query.villageId)?.name ?? null) : null, ctx.lang)}`;
  title.font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, width);
  writeHeaderRow(sheet, 2, [PERSON_ID_HEADER]);

  let written = 0;
  let after: { pinyin: string; id: string } | null = null;
  for (;;) {
    const where: SQL[] = [...conditions];
    if (after) where.push(or(gt(people.namePinyin, after.pinyin), and(eq(people.namePinyin, after.pinyin), gt(people.id, after.id)))!);
    const page = await ctx.db
      .select()
      .from(people)
      .where(and(...where))
      .orderBy(asc(people.namePinyin), asc(people.id))
      .limit(PAGE);
    for (const row of page) {
      if (written >= MAX_EXPORT_ROWS) break;
      const idNumber = reveal && row.idNumberCipher ? decryptPii(ctx.deps.keys, row.idNumberCipher) : row.idNumberMasked;
      const villageName = villages.get(row.villageId)?.name ?? '';
      sheet.addRow([...TEMPLATE_COLUMNS.map((column) => cellText(row, column.field, villageName, idNumber)), row.id]);
      written++;
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last || written >= MAX_EXPORT_ROWS) break;
    after = { pinyin: last.namePinyin, id: last.id };
  }

  await recordAudit(ctx, {
    action: 'people.export',
    entityType: 'person',
    stationId: actor.stationId,
    details: { filters: { ...query }, rows: written, identityNumbers: reveal ? 'whole' : 'masked' },
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `人员台账-${stationName}-${writtenDay(today)}.xlsx`, body, rows: written };
}
