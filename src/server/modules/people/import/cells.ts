import type { Cell, CellValue as ExcelCellValue } from 'exceljs';
import { ETHNICITIES, GROUPS, LIVING_SITUATIONS, RISK_LEVELS, type EthnicityCode, type GroupCode, type LivingSituationCode, type RiskLevel } from '../../../../shared/codes';
import type { Label } from '../../../../shared/i18n';
import { GENDER_LABELS, GUARDIANSHIP_TYPE_LABELS, HEALTH_LABELS, SCHOOLING_LABELS } from '../../../../shared/schemas/people-import';

/** What a cell holds once Excel's wrappers (rich text, formulas, links) are taken off. */
export type CellValue = string | number | boolean | Date | null;

export function plainValue(value: ExcelCellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return plainValue(value.result);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return null;
  return null;
}

export function cellValue(cell: Cell): CellValue {
  return plainValue(cell.value);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The text of a cell as a person reads it. */
export function textOf(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value.trim();
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; key: ParseProblem };
export type ParseProblem = 'import.dateInvalid' | 'import.booleanInvalid' | 'import.valueUnknown' | 'import.idNumberAsNumber';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(key: ParseProblem): Parsed<T> => ({ ok: false, key });

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoDay(date);
}

/** Excel dates, 2015-03-04, 2015/3/4, 2015.3.4, 20150304, 2015年3月4日, or an Excel day number. */
export function parseDate(value: CellValue): Parsed<string | null> {
  if (value === null || value === '') return ok(null);
  if (value instanceof Date) return ok(isoDay(new Date(value.getTime() + 500)));
  if (typeof value === 'number') {
    if (/^\d{8}$/.test(String(value))) return parseDate(String(value));
    if (Number.isFinite(value) && value > 0 && value < 100_000) {
      // Excel's day number: days since 1899-12-30 (its 1900 leap-year bug included).
      return ok(isoDay(new Date(Math.round((value - 25569) * 86_400_000))));
    }
    return fail('import.dateInvalid');
  }
  if (typeof value === 'boolean') return fail('import.dateInvalid');
  const text = value.normalize('NFKC').replace(/\s/g, '');
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return fail('import.dateInvalid');
  const day = validDay(Number(match[1]), Number(match[2]), Number(match[3]));
  return day ? ok(day) : fail('import.dateInvalid');
}

const TRUE_WORDS = new Set(['√', '✓', '✔', '☑', '是', 'y', 'yes', '1', 'true', '有', '寄宿', '已登记', '登记']);
const FALSE_WORDS = new Set(['×', '✗', '✘', '☐', '否', 'n', 'no', '0', 'false', '无', '走读', '不寄宿', '未登记', '没有', '-', '—', '/']);

/** Check-box style cells: √, ✓, 是, Y, 1 are true; ×, 否, N, 0 false; empty unknown. */
export function parseBoolean(value: CellValue): Parsed<boolean | null> {
  if (value === null) return ok(null);
  if (typeof value === 'boolean') return ok(value);
  const text = textOf(value).normalize('NFKC').toLowerCase().replace(/\s/g, '');
  if (text === '') return ok(null);
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return fail('import.booleanInvalid');
}

/** Multi-valued cells split on 、,，;；/ and spaces. */
export function splitMulti(text: string): string[] {
  return text
    .split(/[、,，;；/／\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export type IdCell = { kind: 'none' } | { kind: 'masked' } | { kind: 'given'; value: string } | { kind: 'lost' };

/**
 * An identity number cell. Excel keeps 15 significant digits, so an 18-digit number typed into
 * a cell formatted as a number has lost its end (and shows as 6.20623E+17): refused, with a
 * message telling the user to format the column as text. A masked number (620623********1234,
 * from a worker's export) means "unchanged".
 */
export function parseIdCell(value: CellValue): IdCell {
  if (value === null) return { kind: 'none' };
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value >= 1e15) return { kind: 'lost' };
    return { kind: 'given', value: String(value) };
  }
  const text = textOf(value).normalize('NFKC').replace(/\s/g, '');
  if (text === '') return { kind: 'none' };
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) return { kind: 'lost' };
  if (/^[\dXx]*\*{4,}[\dXx]*$/.test(text)) return { kind: 'masked' };
  return { kind: 'given', value: text };
}

/** Phones with spaces, dashes, brackets or a +86 in front, as the API stores them. */
export function normalisePhone(value: CellValue): string | null {
  const text = textOf(value).normalize('NFKC');
  if (!text) return null;
  let digits = text.replace(/[\s\-()（）]/g, '');
  if (/^(\+?86)1\d{10}$/.test(digits)) digits = digits.replace(/^\+?86/, '');
  return digits;
}

function byLabel<K extends string>(list: Record<K, Label>, text: string, synonyms: Record<string, K> = {}): K | undefined {
  const wanted = text.normalize('NFKC').trim();
  const lower = wanted.toLowerCase();
  if (Object.hasOwn(synonyms, wanted)) return synonyms[wanted];
  return (Object.keys(list) as K[]).find((code) => {
    const label = list[code];
    const zh = label['zh-CN'].normalize('NFKC');
    // Risk labels read 高风险（红）; a ledger writes 高风险.
    return zh === wanted || zh.replace(/\(.*\)$/, '') === wanted || label['en-US'].toLowerCase() === lower || code === lower;
  });
}

const GROUP_SYNONYMS: Record<string, GroupCode> = {
  留守: 'left_behind_child',
  困境: 'child_in_difficulty',
  事实无人抚养: 'unsupported_child',
  无人抚养儿童: 'unsupported_child',
  少数民族女童: 'minority_girl',
  老人: 'elder',
  老年: 'elder',
  空巢: 'empty_nest_elder',
  孤寡: 'solitary_elder',
  残疾: 'disabled',
  残疾人员: 'disabled',
  低保: 'low_income',
  低保户: 'low_income',
  低保人员: 'low_income',
  特困: 'extreme_poverty',
  特困供养: 'extreme_poverty',
  特困供养人员: 'extreme_poverty',
  困难家庭: 'needy_household',
  困难户: 'needy_household',
};

/** Group labels in Chinese or English, codes, or common short names; the unknown ones are returned to be reported. */
export function parseGroups(text: string): { codes: GroupCode[]; unknown: string[] } {
  const codes: GroupCode[] = [];
  const unknown: string[] = [];
  for (const part of splitMulti(text)) {
    const code = byLabel(GROUPS, part, GROUP_SYNONYMS);
    if (code) codes.push(code);
    else unknown.push(part);
  }
  return { codes, unknown };
}

export function parseGender(text: string): Parsed<'male' | 'female' | null> {
  if (!text) return ok(null);
  const code = byLabel(GENDER_LABELS, text, { 男性: 'male', 女性: 'female', m: 'male', f: 'female', M: 'male', F: 'female' });
  return code ? ok(code) : fail('import.valueUnknown');
}

export function parseEthnicity(text: string): Parsed<EthnicityCode | null> {
  if (!text) return ok(null);
  const code = byLabel(ETHNICITIES, text) ?? byLabel(ETHNICITIES, `${text}族`, { 其他: 'other' });
  if (code) return ok(code);
  // Any other of China's 56 (壮族, 苗族 …): kept as "other" rather than refused.
  return /^.{1,6}族$/.test(text) ? ok('other') : fail('import.valueUnknown');
}

export function parseRisk(text: string): Parsed<RiskLevel | null> {
  if (!text) return ok(null);
  const code = byLabel(RISK_LEVELS, text, { 高: 'high', 中: 'medium', 低: 'low', 红: 'high', 黄: 'medium', 绿: 'low', 红色: 'high', 黄色: 'medium', 绿色: 'low', 高风险: 'high', 中风险: 'medium', 低风险: 'low' });
  return code ? ok(code) : fail('import.valueUnknown');
}

/** 较好 / 一般 / 差: the national form's guardianship assessment, which maps onto risk levels (DOMAIN.md). */
export function parseAssessment(text: string): Parsed<RiskLevel | null> {
  if (!text) return ok(null);
  const code = ({ 较好: 'low', 好: 'low', 良好: 'low', 一般: 'medium', 差: 'high', 较差: 'high' } as Record<string, RiskLevel>)[text.trim()];
  return code ? ok(code) : parseRisk(text);
}

export function parseLiving(text: string): Parsed<LivingSituationCode | null> {
  if (!text) return ok(null);
  const code = byLabel(LIVING_SITUATIONS, text, { 与配偶居住: 'with_spouse', 与子女居住: 'with_children', 与祖父母同住: 'with_grandparents', 寄宿: 'boarding_school', 养老院: 'institution', 敬老院: 'institution' });
  return code ? ok(code) : fail('import.valueUnknown');
}

export function parseHealth(text: string): Parsed<keyof typeof HEALTH_LABELS | null> {
  if (!text) return ok(null);
  const code = byLabel(HEALTH_LABELS, text, { 良好: 'healthy', 重病: 'serious_illness', 患病: 'serious_illness', 大病: 'serious_illness', 重大疾病: 'serious_illness', 慢病: 'chronic_illness', 慢性疾病: 'chronic_illness', 残疾人: 'disabled' });
  return code ? ok(code) : fail('import.valueUnknown');
}

export function parseSchooling(text: string): Parsed<keyof typeof SCHOOLING_LABELS | null> {
  if (!text) return ok(null);
  const code = byLabel(SCHOOLING_LABELS, text, {
    幼儿园: 'kindergarten',
    学前: 'kindergarten',
    学龄前: 'kindergarten',
    未上学: 'none',
    失学: 'none',
    不在校: 'none',
    未在校: 'none',
    普通高中: 'senior',
    职高: 'vocational',
    中专: 'vocational',
    中等职业教育: 'vocational',
    职业学校: 'vocational',
  });
  return code ? ok(code) : fail('import.valueUnknown');
}

export function parseGuardianshipType(text: string): Parsed<keyof typeof GUARDIANSHIP_TYPE_LABELS | null> {
  if (!text) return ok(null);
  const code = byLabel(GUARDIANSHIP_TYPE_LABELS, text, { 无监护: 'none', 父母一方无能力: 'parent_unable', 委托监护人能力较差: 'entrusted_incapable', 好: 'good' });
  return code ? ok(code) : fail('import.valueUnknown');
}

const GRADE_WORDS: Record<string, number> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4, 一: 1, 二: 2, 三: 3, 四: 4 };

export function parseDisabilityGrade(value: CellValue): Parsed<number | null> {
  const text = textOf(value).normalize('NFKC').replace(/\s/g, '');
  if (!text) return ok(null);
  const grade = GRADE_WORDS[text] ?? (/^[1-4]级?$/.test(text) ? Number(text[0]) : undefined);
  return grade ? ok(grade) : fail('import.valueUnknown');
}

/** 甘肃省兰州市 → province and city; text without a province stays whole as the city. */
export function splitWorkPlace(text: string): { workProvince: string | null; workCity: string | null } {
  const place = text.trim();
  if (!place) return { workProvince: null, workCity: null };
  const province = /^(.+?(省|自治区|特别行政区))(.*)$/.exec(place) ?? /^((北京|天津|上海|重庆)市?)(.*)$/.exec(place);
  if (province) return { workProvince: province[1]!, workCity: province[3]!.trim() || null };
  return { workProvince: null, workCity: place };
}

export function joinWorkPlace(province: string | null | undefined, city: string | null | undefined): string {
  if (province && city && city.startsWith(province)) return city;
  return `${province ?? ''}${city ?? ''}`;
}

/** 「马红 13909351234」: a name, optionally followed by a phone. */
export function splitNameAndPhone(text: string): { name: string; phone: string | null } {
  const match = /^(.*?)[\s,，:：]*((\+?86)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}-?\d{7,8})$/.exec(text.trim());
  if (match && match[1]) return { name: match[1].trim(), phone: normalisePhone(match[2]!) };
  return { name: text.trim(), phone: null };
}
