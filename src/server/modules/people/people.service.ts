import { and, asc, desc, eq, gt, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { dangerReports, households, orgs, people, personBenefits, personRevisions, riskChanges } from '../../db/schema/index';
import type { BenefitCode as EligibleBenefit } from '../../../shared/codes';
import { AppError, notFound } from '../../errors';
import { stationScope } from '../../auth/scope';
import { recordAudit } from '../../audit/audit';
import { decodeCursor, encodeCursor } from '../../pagination';
import { blindIndex, decryptPii, encryptPii } from '../../pii';
import { shanghaiDay } from '../../time';
import { villagesInScope, type VillageInfo } from '../orgs/orgs.service';
import { maskIdNumber, parseIdNumber } from '../../../shared/id-number';
import { FIELD_MESSAGES } from '../../../shared/errors';
import { BENEFITS, RISK_LEVELS, type BenefitCode, type RiskLevel } from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';
import type { ListPeopleQuery, Person, PersonInput, PersonSummary, UpdatePersonRequest } from '../../../shared/schemas/people';
import { groupProblems, nameGrams, namePinyin, phoneDigits, reconcileIdentity, type FieldProblem } from './people.rules';
import { toPerson, toPersonSummary, type PersonRow } from './people.reply';

export const ID_INDEX_PURPOSE = 'id-number';

export function todayOf(ctx: Ctx): string {
  return shanghaiDay(ctx.now);
}

/**
 * The people a caller may see: their stations' files. A volunteer sees only the people paired
 * with them; pairings are kept by the volunteers module, and until a volunteer is paired the
 * list is empty.
 */
export function peopleScope(ctx: Ctx): SQL {
  const actor = actorOf(ctx);
  const station = stationScope(ctx, people.stationId);
  if (actor.role === 'volunteer') return and(station, sql`false`)!;
  return station;
}

export function idNumberIndex(ctx: Ctx, normalised: string): string {
  return blindIndex(ctx.deps.keys, ID_INDEX_PURPOSE, normalised);
}

/** The stored columns of a person that come from the input (everything but identity and bookkeeping). */
export type PersonValues = Omit<PersonRow, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'createdBy' | 'updatedBy'>;

export interface Prepared {
  values: PersonValues;
  /** The normalised identity number, when one was given. */
  idNumber: string | null;
}

export function problemsToError(problems: FieldProblem[], lang: Lang): AppError {
  const details = problems.map((p) => ({ path: p.path, message: FIELD_MESSAGES[p.key][lang] }));
  return new AppError(problems.some((p) => p.idNumber) ? 'ID_NUMBER_INVALID' : 'VALIDATION_FAILED', { details });
}

/**
 * Turns input into the stored columns, checking every rule a file must meet. Made once per
 * request (the villages in scope are loaded once, households cached), so an import of thousands
 * of rows checks each against the same lookups.
 */
export class PersonPreparer {
  private readonly householdCache = new Map<string, { villageId: string } | null>();

  private constructor(
    private readonly ctx: Ctx,
    readonly villages: Map<string, VillageInfo>,
  ) {}

  static async open(ctx: Ctx): Promise<PersonPreparer> {
    return new PersonPreparer(ctx, await villagesInScope(ctx));
  }

  private async household(id: string): Promise<{ villageId: string } | null> {
    if (!this.householdCache.has(id)) {
      const [row] = await this.ctx.db
        .select({ villageId: households.villageId })
        .from(households)
        .where(and(eq(households.id, id), stationScope(this.ctx, households.stationId)));
      this.householdCache.set(id, row ?? null);
    }
    return this.householdCache.get(id) ?? null;
  }

  async prepare(input: PersonInput, existingCipher?: { cipher: string | null; index: string | null; masked: string | null }): Promise<{ prepared: Prepared | null; problems: FieldProblem[] }> {
    const today = todayOf(this.ctx);
    const problems: FieldProblem[] = [];
    const village = this.villages.get(input.villageId);
    if (!village) problems.push({ path: 'villageId', key: 'village.unknown' });
    if (input.householdId) {
      const household = await this.household(input.householdId);
      if (!household || household.villageId !== input.villageId) problems.push({ path: 'householdId', key: 'household.unknown' });
    }
    // An update that leaves the number alone keeps the stored cipher; it is never decrypted to re-check.
    const keepStored = input.idNumber === undefined && existingCipher;
    const identity = reconcileIdentity({ idNumber: keepStored ? null : input.idNumber, gender: input.gender, birthDate: input.birthDate }, today);
    problems.push(...identity.problems);
    for (const p of groupProblems(input.groups, identity.birthDate, identity.gender, today)) {
      problems.push({ path: `groups.${input.groups.indexOf(p.group)}`, key: p.key });
    }
    if (problems.length > 0 || !village) return { prepared: null, problems };

    const { full, initials } = namePinyin(input.name);
    const values: PersonValues = {
      stationId: village.stationId,
      villageId: village.id,
      householdId: input.householdId ?? null,
      relationToHead: input.relationToHead ?? null,
      name: input.name,
      namePinyin: full,
      nameInitials: initials,
      nameGrams: nameGrams(input.name),
      gender: identity.gender,
      birthDate: identity.birthDate,
      ethnicity: input.ethnicity ?? null,
      phone: input.phone ?? null,
      phoneDigits: phoneDigits(input.phone),
      idNumberCipher: keepStored ? existingCipher.cipher : identity.idNumber ? encryptPii(this.ctx.deps.keys, identity.idNumber) : null,
      idNumberIndex: keepStored ? existingCipher.index : identity.idNumber ? idNumberIndex(this.ctx, identity.idNumber) : null,
      idNumberMasked: keepStored ? existingCipher.masked : identity.idNumber ? maskIdNumber(identity.idNumber) : null,
      groups: [...new Set(input.groups)],
      riskLevel: input.riskLevel ?? null,
      status: input.status ?? 'active',
      address: input.address ?? null,
      notes: input.notes ?? null,
      health: input.health ?? null,
      healthNotes: input.healthNotes ?? null,
      disabilityType: input.disabilityType ?? null,
      disabilityGrade: input.disabilityGrade ?? null,
      livingSituation: input.livingSituation ?? null,
      consent: input.consent ?? null,
      child: input.child ?? null,
      elder: input.elder ?? null,
    };
    return { prepared: { values, idNumber: identity.idNumber }, problems: [] };
  }
}

/** Ids of files in a station that already hold these identity-number indexes. */
export async function findByIdIndexes(ctx: Ctx, stationId: string, indexes: string[]): Promise<Map<string, string>> {
  if (indexes.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: people.id, index: people.idNumberIndex })
    .from(people)
    .where(and(eq(people.stationId, stationId), inArray(people.idNumberIndex, indexes)));
  return new Map(rows.map((row) => [row.index!, row.id]));
}

export async function loadPersonRow(ctx: Ctx, id: string): Promise<{ row: PersonRow; villageName: string | null }> {
  const [found] = await ctx.db
    .select({ row: people, villageName: orgs.name })
    .from(people)
    .leftJoin(orgs, eq(orgs.id, people.villageId))
    .where(and(eq(people.id, id), peopleScope(ctx)));
  if (!found) throw notFound();
  return found;
}

export async function personDetail(ctx: Ctx, row: PersonRow, villageName: string | null, idNumber?: string): Promise<Person> {
  const benefits = await ctx.db
    .select()
    .from(personBenefits)
    .where(and(eq(personBenefits.stationId, row.stationId), eq(personBenefits.personId, row.id)))
    .orderBy(asc(personBenefits.benefit));
  const [open] = await ctx.db
    .select({ id: dangerReports.id })
    .from(dangerReports)
    .where(and(eq(dangerReports.stationId, row.stationId), eq(dangerReports.personId, row.id), isNull(dangerReports.acknowledgedAt)))
    .limit(1);
  return toPerson(row, { villageName, benefits, openDangerReport: Boolean(open), ...(idNumber ? { idNumber } : {}) }, ctx.actor, todayOf(ctx));
}

/** Inserts prepared files with their first risk level recorded; the caller holds the transaction. */
export async function insertPeople(tx: Ctx, rows: { id: string; values: PersonValues }[]): Promise<void> {
  if (rows.length === 0) return;
  const actor = actorOf(tx);
  const stamp = { createdAt: tx.now, updatedAt: tx.now, version: 1, createdBy: actor.userId, updatedBy: actor.userId };
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await tx.db.insert(people).values(chunk.map(({ id, values }) => ({ id, ...values, ...stamp })));
    const risks = chunk.filter((r) => r.values.riskLevel);
    if (risks.length > 0) {
      await tx.db.insert(riskChanges).values(
        risks.map(({ id, values }) => ({ id: uuidv7(), stationId: values.stationId, personId: id, at: tx.now, fromLevel: null, toLevel: values.riskLevel, reason: null, changedBy: actor.userId })),
      );
    }
  }
}

export async function createPerson(ctx: Ctx, input: PersonInput): Promise<{ person: Person; created: boolean }> {
  if (input.id) {
    const [existing] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.id, input.id));
    if (existing) {
      // The same client id sent again (a retried request from the field): the file already exists.
      const found = await loadPersonRow(ctx, input.id).catch(() => null);
      if (!found) throw new AppError('DUPLICATE', { details: { existingId: input.id } });
      return { person: await personDetail(ctx, found.row, found.villageName), created: false };
    }
  }
  const preparer = await PersonPreparer.open(ctx);
  const { prepared, problems } = await preparer.prepare(input);
  if (!prepared) throw problemsToError(problems, ctx.lang);
  if (prepared.values.idNumberIndex) {
    const clash = await findByIdIndexes(ctx, prepared.values.stationId, [prepared.values.idNumberIndex]);
    const existingId = clash.get(prepared.values.idNumberIndex);
    if (existingId) throw new AppError('DUPLICATE', { details: { existingId, field: 'idNumber' } });
  }
  const id = input.id ?? uuidv7();
  await inTransaction(ctx, async (tx) => {
    await insertPeople(tx, [{ id, values: prepared.values }]);
    if (input.riskReason && prepared.values.riskLevel) {
      await tx.db.update(riskChanges).set({ reason: input.riskReason }).where(and(eq(riskChanges.personId, id), eq(riskChanges.stationId, prepared.values.stationId)));
    }
    await recordAudit(tx, { action: 'person.create', entityType: 'person', entityId: id, stationId: prepared.values.stationId });
  });
  const found = await loadPersonRow(ctx, id);
  return { person: await personDetail(ctx, found.row, found.villageName), created: true };
}

/** Reads a file (audited as a read of personal data); with `revealIdNumber`, the whole number too (audited apart). */
export async function getPerson(ctx: Ctx, id: string, options: { revealIdNumber?: boolean } = {}): Promise<Person> {
  const { row, villageName } = await loadPersonRow(ctx, id);
  let idNumber: string | undefined;
  if (options.revealIdNumber) {
    if (!actorOf(ctx).permissions.has('pii:reveal')) throw new AppError('FORBIDDEN');
    if (row.idNumberCipher) idNumber = decryptPii(ctx.deps.keys, row.idNumberCipher);
  }
  await recordAudit(ctx, {
    action: idNumber ? 'person.reveal_id' : 'person.read',
    entityType: 'person',
    entityId: id,
    stationId: row.stationId,
  });
  return personDetail(ctx, row, villageName, idNumber);
}

const INPUT_KEYS = [
  'name', 'villageId', 'gender', 'birthDate', 'ethnicity', 'phone', 'householdId', 'relationToHead', 'groups', 'riskLevel',
  'status', 'address', 'notes', 'health', 'healthNotes', 'disabilityType', 'disabilityGrade', 'livingSituation', 'consent', 'child', 'elder',
] as const;

/** The stored row as input, so a partial update can be merged over it and checked as a whole. */
function rowAsInput(row: PersonRow): PersonInput {
  return {
    name: row.name,
    villageId: row.villageId,
    gender: row.gender,
    birthDate: row.birthDate,
    ethnicity: row.ethnicity as PersonInput['ethnicity'],
    phone: row.phone,
    householdId: row.householdId,
    relationToHead: row.relationToHead,
    groups: row.groups as PersonInput['groups'],
    riskLevel: row.riskLevel,
    status: row.status,
    address: row.address,
    notes: row.notes,
    health: row.health,
    healthNotes: row.healthNotes,
    disabilityType: row.disabilityType,
    disabilityGrade: row.disabilityGrade,
    livingSituation: row.livingSituation as PersonInput['livingSituation'],
    consent: row.consent as PersonInput['consent'],
    child: row.child as PersonInput['child'],
    elder: row.elder as PersonInput['elder'],
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Updates a file under optimistic concurrency. The version read must be current (else 409 with
 * the current file); the file as it was is kept as a revision; a risk change is recorded with its reason.
 */
export async function updatePerson(ctx: Ctx, id: string, patch: UpdatePersonRequest): Promise<Person> {
  const { row: current, villageName } = await loadPersonRow(ctx, id);
  if (current.version !== patch.version) {
    throw new AppError('VERSION_CONFLICT', { details: { current: await personDetail(ctx, current, villageName) } });
  }
  const merged: PersonInput = { ...rowAsInput(current) };
  for (const key of INPUT_KEYS) {
    if (patch[key] !== undefined) Object.assign(merged, { [key]: patch[key] });
  }
  if (patch.idNumber !== undefined) merged.idNumber = patch.idNumber;
  // Sex and birth date follow a stored number unless the patch changes them (then they must agree).
  if (patch.idNumber === undefined && current.idNumberCipher && (patch.gender !== undefined || patch.birthDate !== undefined)) {
    merged.idNumber = decryptPii(ctx.deps.keys, current.idNumberCipher);
  }
  const preparer = await PersonPreparer.open(ctx);
  const { prepared, problems } = await preparer.prepare(merged, merged.idNumber === undefined ? { cipher: current.idNumberCipher, index: current.idNumberIndex, masked: current.idNumberMasked } : undefined);
  if (!prepared) throw problemsToError(problems, ctx.lang);
  if (prepared.values.idNumberIndex && prepared.values.idNumberIndex !== current.idNumberIndex) {
    const existingId = (await findByIdIndexes(ctx, prepared.values.stationId, [prepared.values.idNumberIndex])).get(prepared.values.idNumberIndex);
    if (existingId && existingId !== id) throw new AppError('DUPLICATE', { details: { existingId, field: 'idNumber' } });
  }
  const changed = (Object.keys(prepared.values) as (keyof PersonValues)[]).filter((key) => !sameValue(prepared.values[key], current[key]));
  const visibleChanges = changed.filter((key) => !['namePinyin', 'nameInitials', 'phoneDigits', 'idNumberCipher', 'idNumberIndex'].includes(key));
  if (changed.length === 0) return personDetail(ctx, current, villageName);

  await inTransaction(ctx, async (tx) => {
    const actor = actorOf(tx);
    const [updated] = await tx.db
      .update(people)
      .set({ ...prepared.values, updatedAt: tx.now, updatedBy: actor.userId, version: sql`${people.version} + 1` })
      .where(and(eq(people.id, id), eq(people.version, patch.version)))
      .returning({ id: people.id });
    if (!updated) {
      const latest = await loadPersonRow(tx, id);
      throw new AppError('VERSION_CONFLICT', { details: { current: await personDetail(tx, latest.row, latest.villageName) } });
    }
    const { idNumberCipher: _cipher, idNumberIndex: _index, ...before } = current;
    await tx.db.insert(personRevisions).values({
      id: uuidv7(),
      stationId: current.stationId,
      personId: id,
      version: current.version,
      changedAt: tx.now,
      changedBy: actor.userId,
      changedFields: visibleChanges,
      before: { ...before, idNumberCipher: current.idNumberCipher },
    });
    if (prepared.values.riskLevel !== current.riskLevel) {
      await tx.db.insert(riskChanges).values({
        id: uuidv7(),
        stationId: current.stationId,
        personId: id,
        at: tx.now,
        fromLevel: current.riskLevel,
        toLevel: prepared.values.riskLevel,
        reason: patch.riskReason ?? null,
        changedBy: actor.userId,
      });
    }
    await recordAudit(tx, { action: 'person.update', entityType: 'person', entityId: id, stationId: current.stationId, details: { fields: visibleChanges } });
  });
  const found = await loadPersonRow(ctx, id);
  return personDetail(ctx, found.row, found.villageName);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // 29 February of a year that has none becomes 28 February.
  const date = new Date(Date.UTC(y - years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** What `q` asks for: a whole identity number, phone digits, pinyin or initials, or part of a name. */
export function searchCondition(ctx: Ctx, rawQuery: string): SQL | undefined {
  const q = rawQuery.trim();
  if (!q) return undefined;
  const asId = /^(\d{15}|\d{17}[\dXx])$/.test(q) ? parseIdNumber(q, todayOf(ctx)) : null;
  if (asId?.ok) return eq(people.idNumberIndex, idNumberIndex(ctx, asId.id.value));
  if (/^[\d\s-]+$/.test(q)) {
    const digits = q.replace(/\D/g, '');
    return digits.length >= 3 ? like(people.phoneDigits, `%${digits}%`) : like(people.phoneDigits, `${digits}%`);
  }
  if (/^[a-zA-Z\s']+$/.test(q)) {
    const letters = escapeLike(q.toLowerCase().replace(/[\s']/g, ''));
    const options = [like(people.namePinyin, `${letters}%`), like(people.nameInitials, `${letters}%`)];
    if (letters.length >= 3) options.push(like(people.namePinyin, `%${letters}%`));
    return or(...options);
  }
  const chars = [...q.replace(/\s+/g, '')];
  // One or two characters: the name's grams (a GIN index); longer: trigrams on the name.
  if (chars.length <= 2) return sql`${people.nameGrams} @> array[${chars.join('')}]::text[]`;
  return like(people.name, `%${escapeLike(q)}%`);
}

/** Conditions of a people list (search and filters), shared by the list and the export. */
export function listConditions(ctx: Ctx, query: Omit<ListPeopleQuery, 'limit' | 'cursor'>): SQL[] {
  const today = todayOf(ctx);
  const conditions: SQL[] = [peopleScope(ctx), eq(people.status, query.status ?? 'active')];
  const search = query.q ? searchCondition(ctx, query.q) : undefined;
  if (search) conditions.push(search);
  if (query.group) conditions.push(sql`${people.groups} @> array[${query.group}]::text[]`);
  if (query.villageId) conditions.push(eq(people.villageId, query.villageId));
  if (query.householdId) conditions.push(eq(people.householdId, query.householdId));
  if (query.riskLevel) conditions.push(eq(people.riskLevel, query.riskLevel));
  if (query.minAge !== undefined) conditions.push(lte(people.birthDate, yearsBefore(today, query.minAge)));
  if (query.maxAge !== undefined) conditions.push(gt(people.birthDate, yearsBefore(today, query.maxAge + 1)));
  return conditions;
}

/** The query of one keyset page of files matching `conditions`, in name-pinyin order (one more row than the page, to tell whether another follows). */
export function peoplePageQuery(ctx: Ctx, conditions: SQL[], page: { limit: number; cursor?: string | undefined }) {
  const where = [...conditions];
  if (page.cursor) {
    const [pinyin, id] = decodeCursor(page.cursor, 2);
    // A row comparison, so the (…, name_pinyin, id) indexes can start at the cursor.
    where.push(sql`(${people.namePinyin}, ${people.id}) > (${pinyin}, ${id})`);
  }
  return ctx.db
    .select({ row: people, villageName: orgs.name })
    .from(people)
    .leftJoin(orgs, eq(orgs.id, people.villageId))
    .where(and(...where))
    .orderBy(asc(people.namePinyin), asc(people.id))
    .limit(page.limit + 1);
}

async function pageOfPeople(ctx: Ctx, conditions: SQL[], page: { limit: number; cursor?: string | undefined }): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  const rows = await peoplePageQuery(ctx, conditions, page);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const today = todayOf(ctx);
  return {
    items: items.map(({ row, villageName }) => toPersonSummary(row, villageName, ctx.actor, today)),
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.row.namePinyin, last.row.id]) : null,
  };
}

export async function findPeople(ctx: Ctx, query: ListPeopleQuery): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  return pageOfPeople(ctx, listConditions(ctx, query), query);
}

export interface TimelineItem {
  at: string;
  kind: string;
  title: string;
  refId: string | null;
}

export type TimelineSource = (ctx: Ctx, person: { id: string; stationId: string }) => Promise<TimelineItem[]>;
const timelineSources: TimelineSource[] = [];

/** Other modules add what they record about a person (service records, cases, activities …) to the timeline. */
export function registerTimelineSource(source: TimelineSource): void {
  timelineSources.push(source);
}

const TIMELINE_TITLES = {
  person_created: { 'zh-CN': '建立档案', 'en-US': 'File created' },
  file_updated: { 'zh-CN': '档案更新', 'en-US': 'File updated' },
  risk_changed: { 'zh-CN': '风险等级调整', 'en-US': 'Risk level changed' },
  danger_reported: { 'zh-CN': '强制报告', 'en-US': 'Danger reported' },
  benefit: { 'zh-CN': '救助与福利', 'en-US': 'Benefit' },
} as const;

export async function personTimeline(ctx: Ctx, id: string): Promise<TimelineItem[]> {
  const { row } = await loadPersonRow(ctx, id);
  const lang = ctx.lang;
  const scoped = { stationId: row.stationId, personId: id };
  const [revisions, risks, dangers, benefits] = await Promise.all([
    ctx.db.select().from(personRevisions).where(and(eq(personRevisions.stationId, scoped.stationId), eq(personRevisions.personId, id))).orderBy(desc(personRevisions.version)).limit(200),
    ctx.db.select().from(riskChanges).where(and(eq(riskChanges.stationId, scoped.stationId), eq(riskChanges.personId, id))).orderBy(desc(riskChanges.at)).limit(200),
    ctx.db.select().from(dangerReports).where(and(eq(dangerReports.stationId, scoped.stationId), eq(dangerReports.personId, id))).orderBy(desc(dangerReports.reportedAt)).limit(200),
    ctx.db.select().from(personBenefits).where(and(eq(personBenefits.stationId, scoped.stationId), eq(personBenefits.personId, id))),
  ]);
  const colon = lang === 'zh-CN' ? '：' : ': ';
  const risk = (level: string | null) => (level ? RISK_LEVELS[level as RiskLevel][lang] : '—');
  const BENEFIT_STATUS = {
    receiving: { 'zh-CN': '享受中', 'en-US': 'receiving' },
    applied: { 'zh-CN': '已申请', 'en-US': 'applied' },
    refused: { 'zh-CN': '未获批', 'en-US': 'refused' },
    stopped: { 'zh-CN': '已停发', 'en-US': 'stopped' },
  } as const;
  const items: TimelineItem[] = [
    { at: row.createdAt.toISOString(), kind: 'person_created', title: TIMELINE_TITLES.person_created[lang], refId: id },
    ...revisions.map((r) => ({ at: r.changedAt.toISOString(), kind: 'file_updated', title: TIMELINE_TITLES.file_updated[lang], refId: r.id })),
    ...risks.map((r) => ({
      at: r.at.toISOString(),
      kind: 'risk_changed',
      title: `${TIMELINE_TITLES.risk_changed[lang]}${colon}${risk(r.fromLevel)} → ${risk(r.toLevel)}${r.reason ? ` (${r.reason})` : ''}`,
      refId: r.id,
    })),
    ...dangers.map((d) => ({ at: d.reportedAt.toISOString(), kind: 'danger_reported', title: `${TIMELINE_TITLES.danger_reported[lang]}${colon}${d.reportedTo}`, refId: d.id })),
    ...benefits.map((b) => ({
      at: b.updatedAt.toISOString(),
      kind: 'benefit',
      title: `${BENEFITS[b.benefit as BenefitCode][lang]}${colon}${BENEFIT_STATUS[b.status][lang]}`,
      refId: b.id,
    })),
  ];
  for (const source of timelineSources) items.push(...(await source(ctx, { id, stationId: row.stationId })));
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}


/**
 * The eligibility rules of `eligibleBenefits` (people.rules.ts) as SQL, so the station can list
 * everyone who looks entitled to a benefit and neither receives nor awaits it. A test keeps the
 * two in agreement.
 */
function eligibilityCondition(benefit: EligibleBenefit, today: string): SQL {
  const has = (group: string) => sql`${people.groups} @> array[${group}]::text[]`;
  const receivesDibao = sql`exists (select 1 from person_benefits b where b.station_id = ${people.stationId} and b.person_id = ${people.id} and b.benefit = 'dibao' and b.status = 'receiving')`;
  const severe = sql`${people.disabilityGrade} <= 2`;
  switch (benefit) {
    case 'old_age_allowance':
      return lte(people.birthDate, yearsBefore(today, 80));
    case 'disability_care':
      return severe;
    case 'disability_living':
      return sql`(${has('disabled')} or ${people.disabilityGrade} is not null) and (${has('low_income')} or ${receivesDibao})`;
    case 'tekun':
      return sql`(${has('solitary_elder')} or ${has('unsupported_child')}) and (${people.birthDate} <= ${yearsBefore(today, 60)} or ${people.birthDate} > ${yearsBefore(today, 16)} or ${severe})`;
    case 'dibao':
      return sql`${has('needy_household')} and not ${has('low_income')}`;
    case 'temporary_aid':
      // Sudden hardship is not in the file: nobody is suggested for it.
      return sql`false`;
  }
}

export async function findEligible(ctx: Ctx, benefit: EligibleBenefit, page: { limit: number; cursor?: string | undefined }): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  const today = todayOf(ctx);
  const conditions: SQL[] = [
    peopleScope(ctx),
    eq(people.status, 'active'),
    eligibilityCondition(benefit, today),
    sql`not exists (select 1 from person_benefits b where b.station_id = ${people.stationId} and b.person_id = ${people.id} and b.benefit = ${benefit} and b.status in ('receiving', 'applied'))`,
  ];
  return pageOfPeople(ctx, conditions, page);
}

/** A person as the care module plans contacts for them. */
export interface CareCandidate {
  id: string;
  name: string;
  namePinyin: string;
  villageId: string;
  groups: string[];
  riskLevel: RiskLevel | null;
  status: 'active' | 'moved' | 'deceased';
  livingSituation: string | null;
  phone: string | null;
  createdAt: Date;
}

const careCandidateColumns = {
  id: people.id,
  name: people.name,
  namePinyin: people.namePinyin,
  villageId: people.villageId,
  groups: people.groups,
  riskLevel: people.riskLevel,
  status: people.status,
  livingSituation: people.livingSituation,
  phone: people.phone,
  createdAt: people.createdAt,
};

/**
 * The active people of one station in any of the given groups (GIN index on groups). No caller
 * scope: the care job runs without one, so callers check the station is theirs first.
 */
export async function peopleOfStationInGroups(ctx: Ctx, stationId: string, groups: readonly string[]): Promise<CareCandidate[]> {
  return ctx.db
    .select(careCandidateColumns)
    .from(people)
    .where(and(eq(people.stationId, stationId), eq(people.status, 'active'), sql`${people.groups} && array[${sql.join(
        groups.map((g) => sql`${g}`),
        sql`, `,
      )}]::text[]`));
}

/** The people of a station with these ids, active or not (names, villages, phones); no caller scope, as above. */
export async function peopleOfStationByIds(ctx: Ctx, stationId: string, ids: readonly string[]): Promise<CareCandidate[]> {
  if (ids.length === 0) return [];
  return ctx.db
    .select(careCandidateColumns)
    .from(people)
    .where(and(eq(people.stationId, stationId), inArray(people.id, [...new Set(ids)])));
}
