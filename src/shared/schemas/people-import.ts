import { z } from 'zod';
import { GROUP_CODES, type GroupCode } from '../codes';
import type { Label } from '../i18n';
import { zId } from './common';
import { zGroup, zListPeopleQuery } from './people';

/**
 * Excel in and out of people files (API.md, People). The fields a sheet column can carry; a
 * column may also be a check-box column of one group (`group.left_behind_child`: √ in the rows
 * of that group).
 */
export const IMPORT_BASE_FIELDS = [
  'personId',
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'ethnicity',
  'phone',
  'village',
  'address',
  'groups',
  'riskLevel',
  'livingSituation',
  'health',
  'disabilityType',
  'disabilityGrade',
  'notes',
  'school',
  'grade',
  'boarding',
  'schooling',
  'hukouRegistered',
  'guardianName',
  'guardianPhone',
  'guardianRelation',
  'guardianshipType',
  'guardianshipAssessment',
  'fatherName',
  'fatherPhone',
  'fatherWorkPlace',
  'fatherWorkProvince',
  'fatherWorkCity',
  'motherName',
  'motherPhone',
  'motherWorkPlace',
  'motherWorkProvince',
  'motherWorkCity',
  'childDirector',
  'childDirectorPhone',
  'incomeSources',
  'assistance',
] as const;
export type ImportBaseField = (typeof IMPORT_BASE_FIELDS)[number];
export type ImportField = ImportBaseField | `group.${GroupCode}`;
export const IMPORT_FIELDS = [...IMPORT_BASE_FIELDS, ...GROUP_CODES.map((code) => `group.${code}` as const)] as [ImportField, ...ImportField[]];

export const zImportField = z.enum(IMPORT_FIELDS).describe('A field of a person file, or group.<code> for a check-box column of one group');

/** Column letters as Excel shows them. */
export const zColumn = z.string().regex(/^[A-Z]{1,3}$/).describe('Column letter as Excel shows it (A, B, … AA)');

export const zColumnMapping = z
  .record(zColumn, zImportField.nullable())
  .describe('Column letter → field; null leaves the column out');
export type ColumnMapping = Record<string, ImportField | null>;

export const IMPORT_LAYOUTS = ['template', 'national_roster', 'custom'] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

const zBoolQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true');

export const zImportQuery = z.strictObject({
  dryRun: zBoolQuery.default(true).describe('true (default): check every row and report, writing nothing'),
  villageId: zId.optional().describe('The village of rows whose sheet has no village column'),
  groups: z
    .string()
    .max(400)
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return undefined;
      const parsed = z.array(zGroup).safeParse(value.split(',').map((part) => part.trim()).filter(Boolean));
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: 'import.groupUnknown' });
        return z.NEVER;
      }
      return parsed.data;
    })
    .describe('Comma-separated group codes for rows whose sheet has no group column (a national roster: left_behind_child by default)'),
});
export type ImportQuery = z.output<typeof zImportQuery>;

export const zImportRowError = z.object({
  column: zColumn.nullable().describe('The column of the bad cell; null when the problem is not one cell’s (a default village)'),
  code: z.string().describe('VALIDATION_FAILED, ID_NUMBER_INVALID or DUPLICATE'),
  message: z.string().describe("Why, in the caller's language"),
});
export type ImportRowError = z.infer<typeof zImportRowError>;

export const zImportRow = z.object({
  row: z.number().int().describe('The sheet row number as Excel shows it'),
  status: z.enum(['created', 'updated', 'failed']),
  errors: z.array(zImportRowError),
});
export type ImportRow = z.infer<typeof zImportRow>;

export const zImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
  rows: z.array(zImportRow).describe('One entry per data row, in sheet order'),
});
export type ImportResult = z.infer<typeof zImportResult>;

export const zImportPreview = z.object({
  layout: z.enum(IMPORT_LAYOUTS).describe('Our template, the national left-behind child roster, or any other sheet'),
  headerRow: z.number().int().describe('The (last) header row; data starts below it'),
  headers: z.array(z.object({ column: zColumn, text: z.string() })),
  signature: z.string().describe('A stable hash of the normalised header texts; saved mappings are kept under it'),
  mapping: zColumnMapping,
  mappingSource: z.enum(['layout', 'saved', 'suggested']).describe('layout: recognised; saved: the station saved it; suggested: guessed from header texts, save it before importing'),
  sampleRows: z.array(z.record(zColumn, z.string())).describe('The first five data rows, column → text'),
});
export type ImportPreview = z.infer<typeof zImportPreview>;

export const zSaveMappingRequest = z.strictObject({
  signature: z.string().regex(/^[0-9a-f]{32}$/).describe('The signature the preview gave'),
  name: z.string().trim().min(1, 'name.blank').max(60).describe('A name for the layout, e.g. 黄羊川村老人台账'),
  mapping: zColumnMapping,
});
export type SaveMappingRequest = z.infer<typeof zSaveMappingRequest>;

export const zSavedMapping = z.object({
  id: zId,
  signature: z.string(),
  name: z.string(),
  mapping: zColumnMapping,
  version: z.number().int(),
});

export const zImportMappingRequiredDetails = z.object({
  signature: z.string(),
  mapping: zColumnMapping.describe('The suggested mapping'),
});

export const zExportPeopleQuery = zListPeopleQuery.omit({ limit: true, cursor: true }).describe('The filters of GET /api/people');
export type ExportPeopleQuery = z.output<typeof zExportPeopleQuery>;

/** Labels of coded values that the API keeps in schemas rather than code lists (import reads them, export writes them). */
export const HEALTH_LABELS = {
  healthy: { 'zh-CN': '健康', 'en-US': 'Healthy' },
  chronic_illness: { 'zh-CN': '慢性病', 'en-US': 'Chronic illness' },
  serious_illness: { 'zh-CN': '患重病', 'en-US': 'Serious illness' },
  disabled: { 'zh-CN': '残疾', 'en-US': 'Disabled' },
} satisfies Record<string, Label>;

export const GENDER_LABELS = {
  male: { 'zh-CN': '男', 'en-US': 'Male' },
  female: { 'zh-CN': '女', 'en-US': 'Female' },
} satisfies Record<string, Label>;

export const SCHOOLING_LABELS = {
  none: { 'zh-CN': '未入学', 'en-US': 'Not in school' },
  kindergarten: { 'zh-CN': '学前教育', 'en-US': 'Kindergarten' },
  primary: { 'zh-CN': '小学', 'en-US': 'Primary school' },
  junior: { 'zh-CN': '初中', 'en-US': 'Junior middle school' },
  senior: { 'zh-CN': '高中', 'en-US': 'Senior middle school' },
  vocational: { 'zh-CN': '中职', 'en-US': 'Vocational school' },
  dropped_out: { 'zh-CN': '辍学', 'en-US': 'Dropped out' },
} satisfies Record<string, Label>;

/** 监护类型 of the national form. */
export const GUARDIANSHIP_TYPE_LABELS = {
  none: { 'zh-CN': '无人监护', 'en-US': 'No guardian' },
  parent_unable: { 'zh-CN': '父母一方无监护能力', 'en-US': 'One parent unable to act as guardian' },
  entrusted_incapable: { 'zh-CN': '委托监护人监护能力较差', 'en-US': 'Entrusted guardian not capable enough' },
  fair: { 'zh-CN': '一般', 'en-US': 'Fair' },
  good: { 'zh-CN': '较好', 'en-US': 'Good' },
} satisfies Record<string, Label>;
