import crypto from 'node:crypto';
import { GROUPS, GROUP_CODES, type GroupCode } from '../../../../shared/codes';
import type { ColumnMapping, ImportBaseField, ImportField, ImportLayout } from '../../../../shared/schemas/people-import';

/**
 * Column recognition: which header text means which field, where the header row is, and which
 * layout a sheet has (our template, the national left-behind child roster, or anything else).
 * Pure functions over the sheet's text, so they are tested without a database.
 */

/** The columns of our own template, in order: the import template and the export ledger share them. */
export const TEMPLATE_COLUMNS: readonly { header: string; field: ImportBaseField; width: number; note: { 'zh-CN': string; 'en-US': string } }[] = [
  { header: '姓名', field: 'name', width: 10, note: { 'zh-CN': '必填。', 'en-US': 'Required.' } },
  { header: '公民身份证号码', field: 'idNumber', width: 22, note: { 'zh-CN': '18 位（或旧式 15 位）。请将此列设为「文本」格式，否则 Excel 会丢失后几位。填写后性别和出生日期由号码得出；已在本站建档的号码会更新原档案。', 'en-US': '18 characters (or 15, old style). Keep this column formatted as Text, or Excel drops the last digits. Sex and birth date follow from it; a number already on file updates that file.' } },
  { header: '性别', field: 'gender', width: 6, note: { 'zh-CN': '男 / 女；有身份证号码时可不填。', 'en-US': 'Male / female; may be left empty when the identity number is given.' } },
  { header: '出生日期', field: 'birthDate', width: 12, note: { 'zh-CN': '如 2015-03-04（也可写 2015/3/4、2015.3.4、20150304、2015年3月4日）。', 'en-US': 'E.g. 2015-03-04 (also 2015/3/4, 2015.3.4, 20150304).' } },
  { header: '民族', field: 'ethnicity', width: 8, note: { 'zh-CN': '见右侧选项。', 'en-US': 'See the options on the right.' } },
  { header: '联系电话', field: 'phone', width: 14, note: { 'zh-CN': '11 位手机号或带区号的固定电话（0935-1234567）。', 'en-US': 'An 11-digit mobile or a landline with area code.' } },
  { header: '村(社区)', field: 'village', width: 12, note: { 'zh-CN': '本站的村(社区)名称，见右侧选项。不填时使用导入时选择的默认村。', 'en-US': "A village of your station (options on the right); empty: the import's default village." } },
  { header: '住址', field: 'address', width: 20, note: { 'zh-CN': '', 'en-US': '' } },
  { header: '服务对象类别', field: 'groups', width: 18, note: { 'zh-CN': '可填多个，用顿号、逗号或空格分隔，如「留守儿童、少数民族女孩」。', 'en-US': 'Several allowed, separated by 、 , or spaces.' } },
  { header: '风险等级', field: 'riskLevel', width: 12, note: { 'zh-CN': '高 / 中 / 低（或右侧选项）。', 'en-US': 'High / medium / low.' } },
  { header: '居住状况', field: 'livingSituation', width: 12, note: { 'zh-CN': '见右侧选项。', 'en-US': 'See the options on the right.' } },
  { header: '健康状况', field: 'health', width: 10, note: { 'zh-CN': '见右侧选项。', 'en-US': 'See the options on the right.' } },
  { header: '残疾类别', field: 'disabilityType', width: 10, note: { 'zh-CN': '如 肢体、视力、听力、言语、智力、精神、多重。', 'en-US': 'E.g. physical, visual, hearing.' } },
  { header: '残疾等级', field: 'disabilityGrade', width: 8, note: { 'zh-CN': '1–4（或 一级 … 四级）。', 'en-US': '1–4.' } },
  { header: '备注', field: 'notes', width: 24, note: { 'zh-CN': '', 'en-US': '' } },
  { header: '就读学校', field: 'school', width: 16, note: { 'zh-CN': '儿童填写。', 'en-US': 'Children.' } },
  { header: '年级', field: 'grade', width: 8, note: { 'zh-CN': '儿童填写。', 'en-US': 'Children.' } },
  { header: '是否寄宿', field: 'boarding', width: 8, note: { 'zh-CN': '是 / 否（也可用 √）。', 'en-US': 'Yes / no (or a tick).' } },
  { header: '监护人姓名', field: 'guardianName', width: 10, note: { 'zh-CN': '实际（委托）监护人。', 'en-US': 'The actual (entrusted) guardian.' } },
  { header: '监护人电话', field: 'guardianPhone', width: 14, note: { 'zh-CN': '', 'en-US': '' } },
  { header: '与儿童关系', field: 'guardianRelation', width: 10, note: { 'zh-CN': '如 祖父、祖母、外祖母。', 'en-US': 'E.g. grandfather, grandmother.' } },
  { header: '父亲姓名', field: 'fatherName', width: 10, note: { 'zh-CN': '', 'en-US': '' } },
  { header: '父亲电话', field: 'fatherPhone', width: 14, note: { 'zh-CN': '', 'en-US': '' } },
  { header: '父亲务工地点', field: 'fatherWorkPlace', width: 16, note: { 'zh-CN': '如 新疆乌鲁木齐市、甘肃省兰州市；填写即视为外出务工。', 'en-US': 'E.g. 甘肃省兰州市; filled in means working away.' } },
  { header: '母亲姓名', field: 'motherName', width: 10, note: { 'zh-CN': '', 'en-US': '' } },
  { header: '母亲电话', field: 'motherPhone', width: 14, note: { 'zh-CN': '', 'en-US': '' } },
  { header: '母亲务工地点', field: 'motherWorkPlace', width: 16, note: { 'zh-CN': '', 'en-US': '' } },
  { header: '儿童主任', field: 'childDirector', width: 16, note: { 'zh-CN': '村儿童主任姓名，可在后面加电话，如「马红 13909351234」。', 'en-US': 'The village child director, optionally followed by a phone.' } },
];

/** The export's last column: the file's id, so a re-import updates the right file even with masked identity numbers. */
export const PERSON_ID_HEADER = '档案编号';

/** Header text as compared: full-width folded, no spaces, brackets, stars or colons, lower case. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s()[\]{}<>【】《》〈〉「」*:：.。、,，]/g, '')
    .toLowerCase();
}

const PHONE = '(联系)?(电话|手机|手机号码?|电话号码|联系方式|联系电话)';

const FIELD_PATTERNS: [RegExp, ImportBaseField | null][] = [
  [/^(序号|编号|顺序号)$/, null],
  [/^档案编号$/, 'personId'],
  [/^(儿童|服务对象|老人|本人)?姓名$/, 'name'],
  [/^(儿童|本人)?(公民身份证?号码?|身份证号码?|身份证|证件号码?)$/, 'idNumber'],
  [/^性别$/, 'gender'],
  [/^出生(日期|年月|年月日|日期年月日)?$/, 'birthDate'],
  [/^民族$/, 'ethnicity'],
  [new RegExp(`^(本人|儿童)?${PHONE}$`), 'phone'],
  [/^(所在|所属)?(村|社区|村社区|村组|村社|村居|村委会|村名|行政村)(名称)?$/, 'village'],
  [/^(家庭住址|住址|地址|现住址|现居住地|现居住地址|居住地址|家庭地址|详细地址|现居住地详细地址)$/, 'address'],
  [/^(户籍所在地|户籍地址|户籍地)$/, null],
  [/^((服务对象|人员|群体|特殊群体)(类别|类型)|类别)$/, 'groups'],
  [/^风险(等级|级别)?$/, 'riskLevel'],
  [/^居住(状况|情况|方式)$/, 'livingSituation'],
  [/^(身体)?健康(状况|情况)$/, 'health'],
  [/^残疾(类别|类型)$/, 'disabilityType'],
  [/^残疾(等级|级别)$/, 'disabilityGrade'],
  [/^(备注|说明|其他情况|其他)$/, 'notes'],
  [/^(就读|所在)?学校(名称)?$/, 'school'],
  [/^(就读)?(年级|班级)$/, 'grade'],
  [/^(是否)?寄宿(情况)?$/, 'boarding'],
  [/^(就学|上学|在校)(情况|状况)$/, 'schooling'],
  [/^(户籍是否登记|是否登记户籍|户口是否登记|是否有户籍|户籍登记|户籍登记情况|是否登记户口)$/, 'hukouRegistered'],
  [/^监护(类型|类别|方式)$/, 'guardianshipType'],
  [/^(监护)?(状况|情况)?评估(等级|结果|情况)?$/, 'guardianshipAssessment'],
  [/^家庭(主要)?(经济)?收入来源$/, 'incomeSources'],
  [/^(享受|获得)?(救助|社会救助)(情况)?$/, 'assistance'],
  [/^(村)?儿童主任(姓名)?$/, 'childDirector'],
  [new RegExp(`^(村)?儿童主任${PHONE}$`), 'childDirectorPhone'],
  [/^(与儿童|与被监护人|与被监护儿童)?关系$/, 'guardianRelation'],
];

type Role = 'father' | 'mother' | 'guardian' | 'ignored';
const ROLE_PREFIXES: [RegExp, Role][] = [
  [/^(父亲|父)/, 'father'],
  [/^(母亲|母)/, 'mother'],
  [/^(实际监护人|委托监护人|监护人|受委托监护人)/, 'guardian'],
  [/^(祖父|祖母|外祖父|外祖母|爷爷|奶奶|外公|外婆)/, 'ignored'],
];
const ROLE_ATTRIBUTES: [RegExp, 'Name' | 'Phone' | 'WorkPlace' | 'WorkProvince' | 'WorkCity' | 'Relation' | null][] = [
  [/^姓名$/, 'Name'],
  [new RegExp(`^${PHONE}$`), 'Phone'],
  [/^(当前|现)?(务工|工作)(地点?|所在地|地址|单位)?(省|省份|省区市)$/, 'WorkProvince'],
  [/^(当前|现)?(务工|工作)(地点?|所在地|地址|单位)?(市|市县|地市|城市|市州)$/, 'WorkCity'],
  [/^(当前|现)?(务工|工作)(地点?|所在地|地址|单位)?$/, 'WorkPlace'],
  [/^(与儿童|与被监护人|与被监护儿童)?关系$/, 'Relation'],
  [/^((公民)?身份证?号码?|出生(日期|年月)?|年龄|住址|地址|健康状况|监护能力|身体状况|文化程度|是否外出务工|外出务工情况|务工情况|情况)$/, null],
];

/** A group's own label (or a common short name) heading a check-box column: √ in the rows of that group. */
const GROUP_HEADERS = new Map<string, GroupCode>([
  ...GROUP_CODES.map((code) => [normaliseHeader(GROUPS[code]['zh-CN']), code] as const),
  ['低保', 'low_income'],
  ['低保户', 'low_income'],
  ['特困', 'extreme_poverty'],
  ['特困供养', 'extreme_poverty'],
  ['空巢', 'empty_nest_elder'],
  ['孤寡', 'solitary_elder'],
  ['留守', 'left_behind_child'],
  ['困境', 'child_in_difficulty'],
  ['残疾', 'disabled'],
]);

/**
 * The field a header means: a field, `null` for a column known to carry nothing we keep (序号,
 * a parent's identity number), or `undefined` when the text is not recognised.
 */
export function recogniseHeader(text: string): ImportField | null | undefined {
  const normal = normaliseHeader(text);
  if (!normal) return undefined;
  for (const [pattern, field] of FIELD_PATTERNS) if (pattern.test(normal)) return field;
  const group = GROUP_HEADERS.get(normal);
  if (group) return `group.${group}`;
  for (const [prefix, role] of ROLE_PREFIXES) {
    const match = prefix.exec(normal);
    if (!match) continue;
    const rest = normal.slice(match[0].length);
    for (const [pattern, attribute] of ROLE_ATTRIBUTES) {
      if (!pattern.test(rest)) continue;
      if (attribute === null || role === 'ignored') return null;
      if (role === 'guardian') {
        if (attribute === 'Name') return 'guardianName';
        if (attribute === 'Phone') return 'guardianPhone';
        if (attribute === 'Relation') return 'guardianRelation';
        return null;
      }
      if (attribute === 'Relation') return null;
      return `${role}${attribute}`;
    }
  }
  return undefined;
}

/**
 * A header cell of one or more header rows, as its parts from top to bottom (a merged cell
 * repeats over the rows it spans; repeats are dropped). The field is found on the longest tail of
 * the parts that is recognised, so 「家庭情况 / 父亲 / 姓名」 is 父亲姓名 and a title row above
 * the headers does not hide them.
 */
export function recogniseParts(parts: readonly string[]): ImportField | null | undefined {
  for (let start = 0; start < parts.length; start++) {
    const field = recogniseHeader(parts.slice(start).join(''));
    if (field !== undefined) return field;
  }
  return undefined;
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letter: string): number {
  let n = 0;
  for (const char of letter) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

export interface HeaderCell {
  column: string;
  /** The header text as shown (parts joined). */
  text: string;
  parts: string[];
}

export interface HeaderInfo {
  /** The first and last header rows (1-based); data starts below `lastRow`. */
  firstRow: number;
  lastRow: number;
  cells: HeaderCell[];
}

/** A sheet's text: `rows[i][j]` is the text of row i+1, column j+1 (merged cells repeat their master's text). */
export type SheetText = readonly (readonly string[])[];

function headerCells(sheet: SheetText, first: number, span: number): HeaderCell[] {
  const width = Math.max(0, ...sheet.slice(first - 1, first - 1 + span).map((row) => row.length));
  const cells: HeaderCell[] = [];
  for (let col = 0; col < width; col++) {
    const parts: string[] = [];
    for (let r = first - 1; r < first - 1 + span; r++) {
      const text = (sheet[r]?.[col] ?? '').trim();
      if (text && parts.at(-1) !== text) parts.push(text);
    }
    if (parts.length > 0) cells.push({ column: columnLetter(col + 1), text: parts.join(''), parts });
  }
  return cells;
}

/** Distinct fields recognised (a field read twice counts once: 「姓名」 under both 儿童 and 父亲 is not two names), plus known columns kept out. */
function score(cells: HeaderCell[]): number {
  const found = cells.map((cell) => recogniseParts(cell.parts)).filter((field) => field !== undefined);
  return new Set(found.filter((field) => field !== null)).size + found.filter((field) => field === null).length;
}

/**
 * Finds the header: the run of one to three rows among the first fifteen whose columns are most
 * often recognised. Ties go to fewer rows, then to the earlier row, so a title row above the
 * headers and a second header row below merged group headings both come out right.
 */
export function findHeader(sheet: SheetText): HeaderInfo | null {
  let best: { first: number; span: number; score: number } | null = null;
  const lastStart = Math.min(15, sheet.length);
  for (let first = 1; first <= lastStart; first++) {
    for (let span = 1; span <= 3 && first + span - 1 <= sheet.length; span++) {
      const value = score(headerCells(sheet, first, span));
      if (value === 0) continue;
      if (!best || value > best.score || (value === best.score && span < best.span)) best = { first, span, score: value };
    }
  }
  if (!best) {
    // Nothing recognised: the first non-empty row is the header, for the worker to map by hand.
    const first = sheet.findIndex((row) => row.some((text) => text.trim() !== '')) + 1;
    if (first === 0) return null;
    return { firstRow: first, lastRow: first, cells: headerCells(sheet, first, 1) };
  }
  return { firstRow: best.first, lastRow: best.first + best.span - 1, cells: headerCells(sheet, best.first, best.span) };
}

/** A stable hash of the normalised header texts in column order: saved mappings are found by it. */
export function headerSignature(cells: readonly HeaderCell[]): string {
  const content = cells.map((cell) => `${cell.column}=${normaliseHeader(cell.text)}`).join('|');
  return crypto.createHash('sha256').update(content).digest('hex').slice(0, 32);
}

const TEMPLATE_HEADERS = new Set([...TEMPLATE_COLUMNS.map((c) => normaliseHeader(c.header)), normaliseHeader(PERSON_ID_HEADER), '序号']);
const ROSTER_MARKERS = new Set<ImportField>([
  'hukouRegistered',
  'schooling',
  'guardianshipType',
  'guardianshipAssessment',
  'incomeSources',
  'assistance',
  'fatherWorkProvince',
  'fatherWorkCity',
  'motherWorkProvince',
  'motherWorkCity',
]);

/** The mapping the header texts suggest: recognised columns get their field, a field only once (the first column). */
export function suggestMapping(cells: readonly HeaderCell[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportField>();
  for (const cell of cells) {
    const field = recogniseParts(cell.parts);
    if (field && !taken.has(field)) {
      mapping[cell.column] = field;
      taken.add(field);
    } else {
      mapping[cell.column] = null;
    }
  }
  return mapping;
}

/** Which layout the headers are, with its mapping when it is one we know. */
export function classifyLayout(cells: readonly HeaderCell[]): { layout: ImportLayout; mapping: ColumnMapping } {
  const mapping = suggestMapping(cells);
  const fields = new Set(Object.values(mapping).filter((f): f is ImportField => Boolean(f)));
  if (!fields.has('name')) return { layout: 'custom', mapping };
  const templateLike = cells.every((cell) => TEMPLATE_HEADERS.has(normaliseHeader(cell.text)) || TEMPLATE_HEADERS.has(normaliseHeader(cell.parts.at(-1) ?? '')));
  if (templateLike && fields.size >= 2) return { layout: 'template', mapping };
  const markers = [...fields].filter((f) => ROSTER_MARKERS.has(f)).length;
  const entrusted = cells.some((cell) => normaliseHeader(cell.text).includes('委托监护人'));
  if (markers + (entrusted ? 1 : 0) >= 2) return { layout: 'national_roster', mapping };
  return { layout: 'custom', mapping };
}
