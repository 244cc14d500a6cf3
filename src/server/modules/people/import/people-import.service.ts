import { and, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, inTransaction, type Ctx } from '../../../context';
import { importMappings, people, personRevisions, riskChanges } from '../../../db/schema/index';
import { AppError, fieldError, issueMessage } from '../../../errors';
import { canonicalJson, recordAudit } from '../../../audit/audit';
import { villagesInScope, type VillageInfo } from '../../orgs/orgs.service';
import { findByIdIndexes, idNumberIndex, insertPeople, peopleScope, PersonPreparer, todayOf, type PersonValues } from '../people.service';
import type { PersonRow } from '../people.reply';
import { parseIdNumber } from '../../../../shared/id-number';
import { FIELD_MESSAGES, type FieldMessageKey } from '../../../../shared/errors';
import type { GroupCode, RiskLevel } from '../../../../shared/codes';
import { zCreatePersonRequest, type CreatePersonRequest, type PersonInput } from '../../../../shared/schemas/people';
import type { ColumnMapping, ImportField, ImportLayout, ImportPreview, ImportQuery, ImportResult, ImportRow, ImportRowError, SaveMappingRequest } from '../../../../shared/schemas/people-import';
import {
  parseAssessment,
  parseBoolean,
  parseDate,
  parseDisabilityGrade,
  parseEthnicity,
  parseGender,
  parseGroups,
  parseGuardianshipType,
  parseHealth,
  parseIdCell,
  parseLiving,
  parseRisk,
  parseSchooling,
  normalisePhone,
  splitNameAndPhone,
  splitWorkPlace,
  textOf,
  type CellValue,
  type IdCell,
  type Parsed,
} from './cells';
import { classifyLayout, columnIndex, findHeader, headerSignature, suggestMapping, type HeaderInfo } from './layouts';
import { readFirstSheet, type SheetData, type Upload } from './workbook';

export const MAX_IMPORT_ROWS = 50_000;
const BATCH = 1000;

/* ------------------------------------------------------------------ reading the sheet */

interface ResolvedSheet {
  sheet: SheetData;
  header: HeaderInfo;
  signature: string;
  layout: ImportLayout;
  mapping: ColumnMapping;
  mappingSource: 'layout' | 'saved' | 'suggested';
}

async function savedMapping(ctx: Ctx, signature: string): Promise<ColumnMapping | null> {
  const stationId = actorOf(ctx).stationId;
  if (!stationId) return null;
  const [row] = await ctx.db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.stationId, stationId), eq(importMappings.signature, signature)));
  return row ? (row.mapping as ColumnMapping) : null;
}

async function resolveSheet(ctx: Ctx, upload: Upload): Promise<ResolvedSheet> {
  const sheet = await readFirstSheet(upload);
  const header = findHeader(sheet.text);
  if (!header || header.cells.length === 0) throw fieldError('file', 'import.noHeader');
  const signature = headerSignature(header.cells);
  const { layout, mapping } = classifyLayout(header.cells);
  const saved = await savedMapping(ctx, signature);
  if (saved) return { sheet, header, signature, layout, mapping: saved, mappingSource: 'saved' };
  if (layout !== 'custom') return { sheet, header, signature, layout, mapping, mappingSource: 'layout' };
  return { sheet, header, signature, layout, mapping: suggestMapping(header.cells), mappingSource: 'suggested' };
}

function dataRowNumbers(resolved: ResolvedSheet): number[] {
  const { sheet, header, mapping } = resolved;
  const columns = Object.entries(mapping)
    .filter(([, field]) => field)
    .map(([column]) => columnIndex(column) - 1);
  const rows: number[] = [];
  for (let r = header.lastRow + 1; r <= sheet.text.length; r++) {
    const text = sheet.text[r - 1] ?? [];
    const filled = columns.map((c) => text[c] ?? '').filter((t) => t !== '');
    if (filled.length === 0) continue;
    // Government forms often number their columns (1, 2, 3 …) in a row under the headers.
    if (rows.length === 0 && filled.length >= 3 && filled.every((t, i) => t === String(Number(filled[0]) + i))) continue;
    rows.push(r);
  }
  return rows;
}

/** What the first sheet is and how its columns would be read (API: POST /api/people/import/preview). */
export async function previewImport(ctx: Ctx, readUpload: () => Promise<Upload>): Promise<ImportPreview> {
  const resolved = await resolveSheet(ctx, await readUpload());
  const sampleRows = dataRowNumbers(resolved)
    .slice(0, 5)
    .map((r) => {
      const text = resolved.sheet.text[r - 1] ?? [];
      return Object.fromEntries(resolved.header.cells.map((cell) => [cell.column, text[columnIndex(cell.column) - 1] ?? '']));
    });
  return {
    layout: resolved.layout,
    headerRow: resolved.header.lastRow,
    headers: resolved.header.cells.map((cell) => ({ column: cell.column, text: cell.text })),
    signature: resolved.signature,
    mapping: resolved.mapping,
    mappingSource: resolved.mappingSource,
    sampleRows,
  };
}

/* ------------------------------------------------------------------ saved mappings */

export async function saveImportMapping(ctx: Ctx, input: SaveMappingRequest): Promise<{ id: string; signature: string; name: string; mapping: ColumnMapping; version: number }> {
  const stationId = actorOf(ctx).stationId;
  if (!stationId) throw fieldError('signature', 'import.noStation');
  const fields = Object.values(input.mapping).filter((f): f is ImportField => Boolean(f));
  if (!fields.includes('name')) throw fieldError('mapping', 'import.mappingNoName');
  const twice = Object.entries(input.mapping).find(([, field], index, all) => field && all.findIndex(([, other]) => other === field) !== index);
  if (twice) throw fieldError(`mapping.${twice[0]}`, 'import.mappingTwice');
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(importMappings)
      .values({ id: uuidv7(), createdAt: tx.now, updatedAt: tx.now, version: 1, stationId, signature: input.signature, name: input.name, mapping: input.mapping })
      .onConflictDoUpdate({
        target: [importMappings.stationId, importMappings.signature],
        set: { name: input.name, mapping: input.mapping, updatedAt: tx.now, version: sql`${importMappings.version} + 1` },
      })
      .returning();
    if (!row) throw new Error('the mapping upsert returned no row');
    await recordAudit(tx, { action: 'people.import_mapping.save', entityType: 'import_mapping', entityId: row.id, stationId, details: { signature: input.signature, name: input.name } });
    return { id: row.id, signature: row.signature, name: row.name, mapping: row.mapping as ColumnMapping, version: row.version };
  });
}

/* ------------------------------------------------------------------ one row */

interface ParentPatch {
  name?: string | null;
  phone?: string | null;
  workProvince?: string | null;
  workCity?: string | null;
}

interface ChildPatch {
  school?: string | null;
  grade?: string | null;
  boarding?: boolean | null;
  schooling?: string | null;
  hukouRegistered?: boolean | null;
  guardianshipType?: string | null;
  guardian?: { name?: string | null; phone?: string | null; relation?: string | null };
  father?: ParentPatch;
  mother?: ParentPatch;
  childDirector?: { name?: string; phone?: string | null } | null;
}

/** What a row says, field by field, for the fields its sheet has. */
interface RowPatch {
  name?: string;
  gender?: 'male' | 'female' | null;
  birthDate?: string | null;
  ethnicity?: string | null;
  phone?: string | null;
  villageId?: string;
  address?: string | null;
  groups?: GroupCode[];
  riskLevel?: RiskLevel | null;
  livingSituation?: string | null;
  health?: string | null;
  disabilityType?: string | null;
  disabilityGrade?: number | null;
  notes?: string | null;
  child: ChildPatch;
}

interface Draft {
  row: number;
  errors: ImportRowError[];
  patch: RowPatch;
  idCell: IdCell;
  personId: string | null;
  /** Input path (name, child.guardian.phone, groups:left_behind_child …) → column letter. */
  columns: Map<string, string>;
  /** Set when the village is known: the station the row belongs to, and its identity-number index. */
  stationId: string | null;
  idIndex: string | null;
}

function message(ctx: Ctx, key: FieldMessageKey, value?: string): string {
  const text = FIELD_MESSAGES[key][ctx.lang];
  return value ? `${text}${ctx.lang === 'zh-CN' ? '：' : ': '}${value}` : text;
}

function villageFinder(villages: Map<string, VillageInfo>): (name: string) => VillageInfo[] {
  const byName = new Map<string, VillageInfo[]>();
  const key = (name: string) => name.normalize('NFKC').replace(/\s/g, '').replace(/(村民委员会|村委会|居民委员会|居委会)$/, '');
  for (const village of villages.values()) {
    const k = key(village.name);
    byName.set(k, [...(byName.get(k) ?? []), village]);
  }
  return (name) => byName.get(key(name)) ?? byName.get(`${key(name)}村`) ?? [];
}

interface DraftContext {
  ctx: Ctx;
  mapping: ColumnMapping;
  layout: ImportLayout;
  findVillage: (name: string) => VillageInfo[];
  villages: Map<string, VillageInfo>;
  defaults: { villageId?: string | undefined; groups?: GroupCode[] | undefined };
}

function draftRow(d: DraftContext, values: readonly CellValue[], rowNumber: number): Draft {
  const { ctx } = d;
  const draft: Draft = { row: rowNumber, errors: [], patch: { child: {} }, idCell: { kind: 'none' }, personId: null, columns: new Map(), stationId: null, idIndex: null };
  const { patch, columns } = draft;
  const child = patch.child;
  const fail = (column: string, key: FieldMessageKey, value?: string, code = 'VALIDATION_FAILED') => draft.errors.push({ column, code, message: message(ctx, key, value) });
  const take = <T>(column: string, parsed: Parsed<T>, text: string, set: (value: T) => void) => {
    if (parsed.ok) set(parsed.value);
    else fail(column, parsed.key, text, parsed.key === 'import.idNumberAsNumber' ? 'ID_NUMBER_INVALID' : 'VALIDATION_FAILED');
  };
  const nullable = (text: string) => (text === '' ? null : text);
  let groupColumn = false;
  const groups = new Set<GroupCode>();
  let assessment: RiskLevel | null | undefined;
  const extraNotes: string[] = [];

  for (const [column, field] of Object.entries(d.mapping)) {
    if (!field) continue;
    const value = values[columnIndex(column) - 1] ?? null;
    const text = textOf(value);
    const at = (path: string) => columns.set(path, column);
    if (field.startsWith('group.')) {
      const code = field.slice('group.'.length) as GroupCode;
      groupColumn = true;
      at(`groups:${code}`);
      take(column, parseBoolean(value), text, (yes) => {
        if (yes) groups.add(code);
      });
      continue;
    }
    switch (field as Exclude<ImportField, `group.${string}`>) {
      case 'personId':
        if (text) draft.personId = text;
        at('personId');
        break;
      case 'name':
        patch.name = text;
        at('name');
        break;
      case 'idNumber': {
        draft.idCell = parseIdCell(value);
        at('idNumber');
        if (draft.idCell.kind === 'lost') fail(column, 'import.idNumberAsNumber', undefined, 'ID_NUMBER_INVALID');
        break;
      }
      case 'gender':
        at('gender');
        take(column, parseGender(text), text, (v) => (patch.gender = v));
        break;
      case 'birthDate':
        at('birthDate');
        take(column, parseDate(value), text, (v) => (patch.birthDate = v));
        break;
      case 'ethnicity':
        at('ethnicity');
        take(column, parseEthnicity(text), text, (v) => (patch.ethnicity = v));
        break;
      case 'phone':
        at('phone');
        patch.phone = normalisePhone(value);
        break;
      case 'village': {
        at('villageId');
        if (!text) break;
        const found = d.findVillage(text);
        if (found.length === 1) patch.villageId = found[0]!.id;
        else fail(column, 'import.villageUnknown', text);
        break;
      }
      case 'address':
        at('address');
        patch.address = nullable(text);
        break;
      case 'groups': {
        at('groups');
        groupColumn = true;
        const parsed = parseGroups(text);
        for (const code of parsed.codes) groups.add(code);
        if (parsed.unknown.length > 0) fail(column, 'import.groupUnknown', parsed.unknown.join('、'));
        break;
      }
      case 'riskLevel':
        at('riskLevel');
        take(column, parseRisk(text), text, (v) => (patch.riskLevel = v));
        break;
      case 'guardianshipAssessment':
        at('riskLevel');
        take(column, parseAssessment(text), text, (v) => (assessment = v));
        break;
      case 'livingSituation':
        at('livingSituation');
        take(column, parseLiving(text), text, (v) => (patch.livingSituation = v));
        break;
      case 'health':
        at('health');
        take(column, parseHealth(text), text, (v) => (patch.health = v));
        break;
      case 'disabilityType':
        at('disabilityType');
        patch.disabilityType = nullable(text);
        break;
      case 'disabilityGrade':
        at('disabilityGrade');
        take(column, parseDisabilityGrade(value), text, (v) => (patch.disabilityGrade = v));
        break;
      case 'notes':
        at('notes');
        patch.notes = nullable(text);
        break;
      case 'incomeSources':
        at('notes');
        if (text) extraNotes.push(`${ctx.lang === 'zh-CN' ? '家庭收入来源：' : 'Income: '}${text}`);
        break;
      case 'assistance':
        at('notes');
        if (text) extraNotes.push(`${ctx.lang === 'zh-CN' ? '享受救助情况：' : 'Assistance: '}${text}`);
        break;
      case 'school':
        at('child.school');
        child.school = nullable(text);
        break;
      case 'grade':
        at('child.grade');
        child.grade = nullable(text);
        break;
      case 'boarding':
        at('child.boarding');
        take(column, parseBoolean(value), text, (v) => (child.boarding = v));
        break;
      case 'hukouRegistered':
        at('child.hukouRegistered');
        take(column, parseBoolean(value), text, (v) => (child.hukouRegistered = v));
        break;
      case 'schooling':
        at('child.schooling');
        take(column, parseSchooling(text), text, (v) => (child.schooling = v));
        break;
      case 'guardianshipType':
        at('child.guardianshipType');
        take(column, parseGuardianshipType(text), text, (v) => (child.guardianshipType = v));
        break;
      case 'guardianName':
        at('child.guardian.name');
        child.guardian = { ...child.guardian, name: nullable(text) };
        break;
      case 'guardianPhone':
        at('child.guardian.phone');
        child.guardian = { ...child.guardian, phone: normalisePhone(value) };
        break;
      case 'guardianRelation':
        at('child.guardian.relation');
        child.guardian = { ...child.guardian, relation: nullable(text) };
        break;
      case 'fatherName':
      case 'motherName':
      case 'fatherPhone':
      case 'motherPhone':
      case 'fatherWorkPlace':
      case 'motherWorkPlace':
      case 'fatherWorkProvince':
      case 'motherWorkProvince':
      case 'fatherWorkCity':
      case 'motherWorkCity': {
        const role = field.startsWith('father') ? 'father' : 'mother';
        const attribute = field.slice(role.length);
        const parent: ParentPatch = { ...child[role] };
        if (attribute === 'Name') parent.name = nullable(text);
        else if (attribute === 'Phone') parent.phone = normalisePhone(value);
        else if (attribute === 'WorkPlace') Object.assign(parent, splitWorkPlace(text));
        else if (attribute === 'WorkProvince') parent.workProvince = nullable(text);
        else parent.workCity = nullable(text);
        child[role] = parent;
        at(`child.parents.${role}.${attribute === 'Name' ? 'name' : attribute === 'Phone' ? 'phone' : attribute === 'WorkCity' ? 'workCity' : 'workProvince'}`);
        if (attribute === 'WorkPlace') at(`child.parents.${role}.workCity`);
        break;
      }
      case 'childDirector': {
        at('child.childDirector');
        if (!text) {
          child.childDirector = null;
          break;
        }
        const { name, phone } = splitNameAndPhone(text);
        child.childDirector = { ...child.childDirector, name, ...(phone ? { phone } : {}) };
        break;
      }
      case 'childDirectorPhone':
        at('child.childDirector.phone');
        if (text) child.childDirector = { name: child.childDirector?.name ?? '', ...child.childDirector, phone: normalisePhone(value) };
        break;
    }
  }

  if (groupColumn) patch.groups = [...groups];
  if (patch.riskLevel === undefined && assessment !== undefined) patch.riskLevel = assessment;
  if (patch.riskLevel === undefined && d.layout === 'national_roster' && child.guardianshipType) {
    // Without an assessment column the guardianship type says how safe the child is (DOMAIN.md: 差 → high).
    patch.riskLevel = ({ none: 'high', entrusted_incapable: 'high', parent_unable: 'medium', fair: 'medium', good: 'low' } as Record<string, RiskLevel>)[child.guardianshipType] ?? null;
  }
  if (extraNotes.length > 0) patch.notes = [patch.notes, ...extraNotes].filter(Boolean).join('；');
  if (patch.name === undefined || patch.name === '') draft.errors.push({ column: columns.get('name') ?? null, code: 'VALIDATION_FAILED', message: message(ctx, 'person.nameBlank') });

  // The village decides the station, and with it where identity numbers are looked up.
  const villageId = patch.villageId ?? (columns.has('villageId') && draft.errors.some((e) => e.column === columns.get('villageId')) ? undefined : d.defaults.villageId);
  const village = villageId ? d.villages.get(villageId) : undefined;
  if (village) draft.stationId = village.stationId;
  if (draft.idCell.kind === 'given' && village) {
    const parsed = parseIdNumber(draft.idCell.value, todayOf(ctx));
    if (parsed.ok) draft.idIndex = idNumberIndex(ctx, parsed.id.value);
  }
  return draft;
}

/* ------------------------------------------------------------------ merging a row into a file */

function stripEmpty<T>(value: T): T | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => stripEmpty(item)).filter((item) => item !== undefined);
    return (items.length > 0 ? items : undefined) as T | undefined;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, stripEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return (entries.length > 0 ? Object.fromEntries(entries) : undefined) as T | undefined;
  }
  return value;
}

type StoredChild = NonNullable<PersonInput['child']>;
type StoredParent = NonNullable<StoredChild['parents']>[number];

function mergeChild(current: StoredChild | null | undefined, patch: ChildPatch): { child: StoredChild | null; parentRoles: string[] } {
  const base: StoredChild = { ...(current ?? {}) };
  for (const key of ['school', 'grade', 'boarding', 'schooling', 'hukouRegistered', 'guardianshipType'] as const) {
    if (patch[key] !== undefined) Object.assign(base, { [key]: patch[key] });
  }
  if (patch.guardian) base.guardian = { ...(base.guardian ?? {}), ...patch.guardian };
  if (patch.childDirector !== undefined) base.childDirector = patch.childDirector ? { ...(base.childDirector ?? { name: '' }), ...patch.childDirector } : null;
  if (base.childDirector && !base.childDirector.name) base.childDirector = null;
  const parents: StoredParent[] = [...(base.parents ?? [])];
  for (const role of ['father', 'mother'] as const) {
    const given = patch[role];
    if (!given) continue;
    const index = parents.findIndex((p) => p.role === role);
    const existing = index >= 0 ? parents[index] : undefined;
    const merged: StoredParent = { role, status: existing?.status ?? (given.workProvince || given.workCity ? 'away' : 'unknown'), ...existing, ...given };
    const hasContent = Boolean(merged.name || merged.phone || merged.workProvince || merged.workCity || existing);
    if (!hasContent) continue;
    if (index >= 0) parents[index] = merged;
    else parents.push(merged);
  }
  parents.sort((a, b) => (a.role === b.role ? 0 : a.role === 'father' ? -1 : 1));
  if (parents.length > 0) base.parents = parents;
  const cleaned = stripEmpty(base);
  return { child: cleaned ?? null, parentRoles: (cleaned?.parents ?? []).map((p) => p.role) };
}

const SIMPLE_KEYS = ['name', 'gender', 'birthDate', 'ethnicity', 'phone', 'villageId', 'address', 'groups', 'riskLevel', 'livingSituation', 'health', 'disabilityType', 'disabilityGrade', 'notes'] as const;

function rowAsInput(row: PersonRow): CreatePersonRequest {
  return {
    name: row.name,
    villageId: row.villageId,
    gender: row.gender,
    birthDate: row.birthDate,
    ethnicity: row.ethnicity as CreatePersonRequest['ethnicity'],
    phone: row.phone,
    householdId: row.householdId,
    relationToHead: row.relationToHead,
    groups: row.groups as GroupCode[],
    riskLevel: row.riskLevel,
    status: row.status,
    address: row.address,
    notes: row.notes,
    health: row.health,
    healthNotes: row.healthNotes,
    disabilityType: row.disabilityType,
    disabilityGrade: row.disabilityGrade,
    livingSituation: row.livingSituation as CreatePersonRequest['livingSituation'],
    consent: row.consent as CreatePersonRequest['consent'],
    child: row.child as CreatePersonRequest['child'],
    elder: row.elder as CreatePersonRequest['elder'],
  };
}

/** The request a row amounts to: a new file, or the stored file with the row's fields over it. */
function rowInput(draft: Draft, current: PersonRow | null, defaults: DraftContext['defaults'], layout: ImportLayout): { input: Record<string, unknown>; parentRoles: string[] } {
  const { patch } = draft;
  const base: Record<string, unknown> = current ? { ...rowAsInput(current) } : { groups: [] };
  for (const key of SIMPLE_KEYS) if (patch[key] !== undefined) base[key] = patch[key];
  if (!base.villageId && defaults.villageId) base.villageId = defaults.villageId;
  if (!patch.groups) {
    const given = defaults.groups ?? (layout === 'national_roster' ? (['left_behind_child'] as GroupCode[]) : []);
    base.groups = [...new Set([...((base.groups as GroupCode[] | undefined) ?? []), ...given])];
  }
  if (draft.idCell.kind === 'given') {
    base.idNumber = draft.idCell.value;
    // A number in the row decides sex and birth date unless the row gives them too (then they must agree).
    if (patch.gender === undefined) delete base.gender;
    if (patch.birthDate === undefined) delete base.birthDate;
  }
  const { child, parentRoles } = mergeChild(current?.child as StoredChild | null | undefined, patch.child);
  base.child = child;
  for (const [key, value] of Object.entries(base)) if (value === undefined) delete base[key];
  return { input: base, parentRoles };
}

function columnOfPath(draft: Draft, path: string, parentRoles: string[], groups: readonly string[]): string | null {
  const parts = path.split('.');
  if (parts[0] === 'groups' && parts[1] !== undefined) {
    const code = groups[Number(parts[1])];
    return draft.columns.get(`groups:${code}`) ?? draft.columns.get('groups') ?? null;
  }
  if (parts[0] === 'child' && parts[1] === 'parents' && parts[2] !== undefined) parts[2] = parentRoles[Number(parts[2])] ?? parts[2];
  for (let n = parts.length; n > 0; n--) {
    const column = draft.columns.get(parts.slice(0, n).join('.'));
    if (column) return column;
  }
  return null;
}

function sameStored(a: unknown, b: unknown): boolean {
  return canonicalJson(stripEmpty(a) ?? null) === canonicalJson(stripEmpty(b) ?? null);
}

/* ------------------------------------------------------------------ the import */

class DryRunDone extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run rolled back');
  }
}

interface PendingUpdate {
  id: string;
  current: PersonRow;
  values: PersonValues;
  changed: (keyof PersonValues)[];
}

async function loadRows(tx: Ctx, ids: string[]): Promise<Map<string, PersonRow>> {
  const found = new Map<string, PersonRow>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    // Locked until the import commits, so nobody changes a file between its check and its update.
    const rows = await tx.db.select().from(people).where(and(inArray(people.id, chunk), peopleScope(tx))).for('update');
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Imports the first sheet of an .xlsx (API: POST /api/people/import). Each row is checked by the
 * same rules as the API; a row whose identity number (or 档案编号) is on file updates that file,
 * keeping a revision. Failed rows change nothing and the good rows are written in one
 * transaction; a dry run does the same work and rolls it back.
 */
export async function importPeople(ctx: Ctx, options: ImportQuery, readUpload: () => Promise<Upload>): Promise<ImportResult> {
  const villages = await villagesInScope(ctx);
  // Checked before the file is read: a default village outside the caller's scope is bad input, like on POST /api/people.
  if (options.villageId && !villages.has(options.villageId)) throw fieldError('villageId', 'village.unknown');
  const upload = await readUpload();
  const resolved = await resolveSheet(ctx, upload);
  if (resolved.mappingSource === 'suggested') {
    throw new AppError('IMPORT_MAPPING_REQUIRED', { details: { signature: resolved.signature, mapping: resolved.mapping } });
  }
  const rowNumbers = dataRowNumbers(resolved);
  if (rowNumbers.length > MAX_IMPORT_ROWS) throw fieldError('file', 'import.tooManyRows');

  const draftContext: DraftContext = {
    ctx,
    mapping: resolved.mapping,
    layout: resolved.layout,
    villages,
    findVillage: villageFinder(villages),
    defaults: { villageId: options.villageId, groups: options.groups },
  };
  const drafts = rowNumbers.map((r) => draftRow(draftContext, resolved.sheet.values[r - 1] ?? [], r));

  const run = async (tx: Ctx): Promise<ImportResult> => {
    const preparer = await PersonPreparer.open(tx);

    // Files named by 档案编号, and files holding the rows' identity numbers: one query per batch.
    const personIds = [...new Set(drafts.map((d) => d.personId).filter((id): id is string => id !== null && UUID.test(id)))];
    const byIndex = new Map<string, string>();
    const indexesByStation = new Map<string, string[]>();
    for (const d of drafts) {
      if (d.idIndex && d.stationId) indexesByStation.set(d.stationId, [...(indexesByStation.get(d.stationId) ?? []), d.idIndex]);
    }
    for (const [stationId, indexes] of indexesByStation) {
      const unique = [...new Set(indexes)];
      for (let i = 0; i < unique.length; i += BATCH) {
        for (const [index, id] of await findByIdIndexes(tx, stationId, unique.slice(i, i + BATCH))) byIndex.set(`${stationId}:${index}`, id);
      }
    }
    const currentRows = await loadRows(tx, [...new Set([...personIds, ...byIndex.values()])]);

    const rows: ImportRow[] = [];
    const inserts: { id: string; values: PersonValues }[] = [];
    const updates: PendingUpdate[] = [];
    const seenIndexes = new Set<string>();
    const seenFiles = new Set<string>();

    for (const draft of drafts) {
      const errors = [...draft.errors];
      const idColumn = draft.columns.get('idNumber') ?? null;
      let target: PersonRow | null = null;
      if (draft.personId) {
        target = currentRows.get(draft.personId) ?? null;
        if (!target) errors.push({ column: draft.columns.get('personId') ?? null, code: 'VALIDATION_FAILED', message: message(tx, 'import.personUnknown') });
      }
      const indexKey = draft.idIndex && draft.stationId ? `${draft.stationId}:${draft.idIndex}` : null;
      if (indexKey) {
        const holder = byIndex.get(indexKey);
        if (seenIndexes.has(indexKey)) errors.push({ column: idColumn, code: 'DUPLICATE', message: message(tx, 'import.duplicateInFile') });
        else if (holder && draft.personId && target && holder !== target.id) errors.push({ column: idColumn, code: 'DUPLICATE', message: message(tx, 'idNumber.duplicate') });
        else if (holder && !draft.personId) {
          target = currentRows.get(holder) ?? null;
          // A file of the station that the caller cannot see (a volunteer's scope) is not theirs to update.
          if (!target) errors.push({ column: idColumn, code: 'DUPLICATE', message: message(tx, 'idNumber.duplicate') });
        }
        seenIndexes.add(indexKey);
      }
      if (target) {
        if (seenFiles.has(target.id)) errors.push({ column: draft.columns.get('personId') ?? idColumn, code: 'DUPLICATE', message: message(tx, 'import.samePersonTwice') });
        seenFiles.add(target.id);
      }

      const { input, parentRoles } = rowInput(draft, target, draftContext.defaults, resolved.layout);
      if (!input.villageId && !errors.some((e) => e.column !== null && e.column === draft.columns.get('villageId'))) {
        errors.push({ column: draft.columns.get('villageId') ?? null, code: 'VALIDATION_FAILED', message: message(tx, 'import.villageRequired') });
      }
      if (errors.length > 0) {
        rows.push({ row: draft.row, status: 'failed', errors });
        continue;
      }
      const parsed = zCreatePersonRequest.safeParse(input);
      if (!parsed.success) {
        const groups = (input.groups as string[] | undefined) ?? [];
        for (const issue of parsed.error.issues) {
          errors.push({ column: columnOfPath(draft, issue.path.map(String).join('.'), parentRoles, groups), code: 'VALIDATION_FAILED', message: issueMessage(issue, tx.lang) });
        }
        rows.push({ row: draft.row, status: 'failed', errors });
        continue;
      }
      const keepNumber = target && parsed.data.idNumber === undefined;
      const { prepared, problems } = await preparer.prepare(
        parsed.data,
        keepNumber && target ? { cipher: target.idNumberCipher, index: target.idNumberIndex, masked: target.idNumberMasked } : undefined,
      );
      if (!prepared) {
        for (const problem of problems) {
          errors.push({
            column: columnOfPath(draft, problem.path, parentRoles, parsed.data.groups),
            code: problem.idNumber ? 'ID_NUMBER_INVALID' : 'VALIDATION_FAILED',
            message: message(tx, problem.key),
          });
        }
        rows.push({ row: draft.row, status: 'failed', errors });
        continue;
      }
      if (!target) {
        inserts.push({ id: uuidv7(), values: prepared.values });
        rows.push({ row: draft.row, status: 'created', errors: [] });
        continue;
      }
      const values = prepared.values;
      if (values.idNumberIndex === target.idNumberIndex) {
        // The same number again: keep the stored cipher (a new one would read as a change).
        values.idNumberCipher = target.idNumberCipher;
        values.idNumberMasked = target.idNumberMasked;
      }
      const changed = (Object.keys(values) as (keyof PersonValues)[]).filter((key) => !sameStored(values[key], target[key]));
      if (changed.length > 0) updates.push({ id: target.id, current: target, values, changed });
      rows.push({ row: draft.row, status: 'updated', errors: [] });
    }

    await insertPeople(tx, inserts);
    await applyUpdates(tx, updates);
    const result: ImportResult = {
      created: rows.filter((r) => r.status === 'created').length,
      updated: rows.filter((r) => r.status === 'updated').length,
      failed: rows.filter((r) => r.status === 'failed').length,
      rows,
    };
    await recordAudit(tx, {
      action: 'people.import',
      stationId: actorOf(tx).stationId,
      details: {
        fileName: upload.filename,
        layout: resolved.layout,
        mappingSource: resolved.mappingSource,
        signature: resolved.signature,
        rows: rows.length,
        created: result.created,
        updated: result.updated,
        unchanged: result.updated - updates.length,
        failed: result.failed,
      },
    });
    if (options.dryRun) throw new DryRunDone(result);
    return result;
  };

  try {
    return await inTransaction(ctx, run);
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}

async function applyUpdates(tx: Ctx, updates: PendingUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const actor = actorOf(tx);
  const reason = tx.lang === 'zh-CN' ? 'Excel 导入' : 'Excel import';
  for (let i = 0; i < updates.length; i += 500) {
    const chunk = updates.slice(i, i + 500);
    for (const { id, current, values } of chunk) {
      await tx.db
        .update(people)
        .set({ ...values, updatedAt: tx.now, updatedBy: actor.userId, version: sql`${people.version} + 1` })
        .where(and(eq(people.id, id), eq(people.stationId, current.stationId)));
    }
    // The file as it was, as updatePerson keeps it: every column but the blind index.
    await tx.db.insert(personRevisions).values(
      chunk.map(({ id, current, changed }) => {
        const { idNumberIndex: _index, ...before } = current;
        return {
          id: uuidv7(),
          stationId: current.stationId,
          personId: id,
          version: current.version,
          changedAt: tx.now,
          changedBy: actor.userId,
          changedFields: changed.filter((key) => !['namePinyin', 'nameInitials', 'phoneDigits', 'idNumberCipher', 'idNumberIndex'].includes(key)),
          before,
        };
      }),
    );
    const risks = chunk.filter(({ current, values }) => values.riskLevel !== current.riskLevel);
    if (risks.length > 0) {
      await tx.db.insert(riskChanges).values(
        risks.map(({ id, current, values }) => ({ id: uuidv7(), stationId: current.stationId, personId: id, at: tx.now, fromLevel: current.riskLevel, toLevel: values.riskLevel, reason, changedBy: actor.userId })),
      );
    }
  }
}
