import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, recordColumns } from './columns';
import { orgs } from './orgs';

/** A household (户): an address in a village, its head and its tags (低保户, 特困户 …). */
export const households = pgTable(
  'households',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => orgs.id),
    address: text('address'),
    headPersonId: uuid('head_person_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
  },
  (t) => [index('households_station_village_idx').on(t.stationId, t.villageId)],
);

/**
 * One file per person (一人一档). The identity number is stored encrypted (AES-256-GCM) beside an
 * HMAC blind index for exact lookup and duplicate checks; only the mask is kept in clear.
 * Name pinyin and initials are stored for search. Child and elder sections are structured JSON
 * validated by the shared zod schemas.
 */
export const people = pgTable(
  'people',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    villageId: uuid('village_id')
      .notNull()
      .references(() => orgs.id),
    householdId: uuid('household_id').references(() => households.id),
    relationToHead: text('relation_to_head'),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    /** Every character and every pair of adjacent characters of the name: one- and two-character searches (卓玛) use it, as trigrams cannot. */
    nameGrams: text('name_grams').array().notNull().default(sql`'{}'::text[]`),
    gender: text('gender', { enum: ['male', 'female'] }),
    birthDate: date('birth_date', { mode: 'string' }),
    ethnicity: text('ethnicity'),
    phone: text('phone'),
    phoneDigits: text('phone_digits'),
    idNumberCipher: text('id_number_cipher'),
    idNumberIndex: text('id_number_index'),
    idNumberMasked: text('id_number_masked'),
    groups: text('groups').array().notNull().default(sql`'{}'::text[]`),
    riskLevel: text('risk_level', { enum: ['high', 'medium', 'low'] }),
    status: text('status', { enum: ['active', 'moved', 'deceased'] }).notNull().default('active'),
    address: text('address'),
    notes: text('notes'),
    health: text('health', { enum: ['healthy', 'chronic_illness', 'serious_illness', 'disabled'] }),
    healthNotes: text('health_notes'),
    disabilityType: text('disability_type'),
    disabilityGrade: smallint('disability_grade'),
    livingSituation: text('living_situation'),
    consent: jsonb('consent'),
    child: jsonb('child'),
    elder: jsonb('elder'),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('people_station_pinyin_idx').on(t.stationId, t.namePinyin, t.id),
    // Callers who see every station (administrators, the county) page through everyone in name order.
    index('people_pinyin_idx').on(t.namePinyin, t.id),
    index('people_id_number_idx').on(t.idNumberIndex),
    index('people_name_grams_idx').using('gin', t.nameGrams),
    index('people_station_village_idx').on(t.stationId, t.villageId, t.namePinyin, t.id),
    index('people_station_birth_idx').on(t.stationId, t.birthDate),
    index('people_station_initials_idx').on(t.stationId, t.nameInitials.op('text_pattern_ops')),
    index('people_station_name_prefix_idx').on(t.stationId, t.name.op('text_pattern_ops')),
    index('people_groups_idx').using('gin', t.groups),
    index('people_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('people_pinyin_trgm_idx').using('gin', t.namePinyin.op('gin_trgm_ops')),
    index('people_phone_trgm_idx').using('gin', t.phoneDigits.op('gin_trgm_ops')),
    index('people_household_idx').on(t.householdId),
    uniqueIndex('people_station_id_number_idx').on(t.stationId, t.idNumberIndex),
    check('people_disability_grade_check', sql`${t.disabilityGrade} between 1 and 4`),
  ],
);

/** A person's file as it was before each change: records are never silently changed. */
export const personRevisions = pgTable(
  'person_revisions',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    version: integer('version').notNull(),
    changedAt: instant('changed_at').notNull(),
    changedBy: uuid('changed_by'),
    changedFields: text('changed_fields').array().notNull(),
    before: jsonb('before').notNull(),
  },
  (t) => [index('person_revisions_person_idx').on(t.stationId, t.personId, t.version)],
);

/** Every change of risk level, with its reason and who made it (DOMAIN.md). */
export const riskChanges = pgTable(
  'risk_changes',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    at: instant('at').notNull(),
    fromLevel: text('from_level'),
    toLevel: text('to_level'),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
  },
  (t) => [index('risk_changes_person_idx').on(t.stationId, t.personId, t.at)],
);

/** Benefits a person receives, has applied for, or was refused (DOMAIN.md's list). */
export const personBenefits = pgTable(
  'person_benefits',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    benefit: text('benefit').notNull(),
    status: text('status', { enum: ['receiving', 'applied', 'refused', 'stopped'] }).notNull(),
    appliedOn: date('applied_on', { mode: 'string' }),
    since: date('since', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [uniqueIndex('person_benefits_person_benefit_idx').on(t.stationId, t.personId, t.benefit), index('person_benefits_station_idx').on(t.stationId, t.benefit, t.status)],
);

/** 强制报告: a child found in danger was reported to the police; the manager sees it at once. */
export const dangerReports = pgTable(
  'danger_reports',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    reportedAt: instant('reported_at').notNull(),
    reportedTo: text('reported_to').notNull(),
    what: text('what').notNull(),
    reportedBy: uuid('reported_by').notNull(),
    createdAt: instant('created_at').notNull(),
    acknowledgedAt: instant('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [index('danger_reports_station_idx').on(t.stationId, t.acknowledgedAt, t.reportedAt), index('danger_reports_person_idx').on(t.stationId, t.personId)],
);

/** Column mappings of import sheets, saved per station and reused by header signature. */
export const importMappings = pgTable(
  'import_mappings',
  {
    ...recordColumns(),
    stationId: uuid('station_id').notNull(),
    signature: text('signature').notNull(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').notNull(),
  },
  (t) => [uniqueIndex('import_mappings_station_signature_idx').on(t.stationId, t.signature)],
);
