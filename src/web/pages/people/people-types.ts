/**
 * The people API's shapes, from the shared zod schemas (type-only, so zod stays out of the bundle).
 */
import type { z } from 'zod';
import type {
  zBenefitRecord,
  zDangerReport,
  zHousehold,
  zSetBenefitRequest,
  zTimelineItem,
} from '../../../shared/schemas/people';

export type {
  CreatePersonRequest,
  ListPeopleQuery,
  Person,
  PersonSummary,
} from '../../../shared/schemas/people';
import type { ImportBaseField } from '../../../shared/schemas/people-import';

export type { BenefitCode, GroupCode, RiskLevel, PersonStatus, EthnicityCode, LivingSituationCode } from '../../../shared/codes';

export type BenefitRecord = z.infer<typeof zBenefitRecord>;
export type BenefitStatus = BenefitRecord['status'];
export type SetBenefitRequest = z.input<typeof zSetBenefitRequest>;
export type DangerReport = z.infer<typeof zDangerReport>;
export type Household = z.infer<typeof zHousehold>;
export type TimelineItem = z.infer<typeof zTimelineItem>;

/** The filters of the people list, as the list's URL and the API take them. */
export interface PeopleFilters {
  q?: string;
  group?: string;
  villageId?: string;
  riskLevel?: string;
  status?: string;
  minAge?: number;
  maxAge?: number;
}

/**
 * The fields a sheet column can map onto (besides `group.<code>` for a tick column of one group):
 * IMPORT_BASE_FIELDS of src/shared/schemas/people-import.ts, restated here so that zod stays out
 * of the bundle; the `satisfies` below fails to compile when the two lists drift apart.
 */
export const IMPORT_FIELDS = [
  'personId', 'name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'phone', 'village', 'address', 'groups', 'riskLevel',
  'livingSituation', 'health', 'disabilityType', 'disabilityGrade', 'notes',
  'school', 'grade', 'boarding', 'schooling', 'hukouRegistered',
  'guardianName', 'guardianPhone', 'guardianRelation', 'guardianshipType', 'guardianshipAssessment',
  'fatherName', 'fatherPhone', 'fatherWorkPlace', 'fatherWorkProvince', 'fatherWorkCity',
  'motherName', 'motherPhone', 'motherWorkPlace', 'motherWorkProvince', 'motherWorkCity',
  'childDirector', 'childDirectorPhone', 'incomeSources', 'assistance',
] as const satisfies readonly ImportBaseField[];
export type ImportField = (typeof IMPORT_FIELDS)[number];
// Every shared field is offered: a field added there and not here is a compile error.
const _everyField: Record<ImportBaseField, true> = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, true])) as Record<ImportField, true>;
void _everyField;

export type ImportLayout = 'template' | 'national_roster' | 'custom';

export interface ImportPreview {
  layout: ImportLayout;
  headerRow: number;
  headers: Array<{ column: string; text: string }>;
  signature: string;
  mapping: Record<string, string | null>;
  mappingSource: 'layout' | 'saved' | 'suggested';
  sampleRows: unknown[];
}

export interface ImportRowResult {
  row: number;
  status: 'created' | 'updated' | 'failed';
  errors: Array<{ column: string | null; code: string; message: string }>;
}

export interface ImportResult {
  created: number;
  updated: number;
  failed: number;
  rows: ImportRowResult[];
}
