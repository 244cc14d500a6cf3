import { z } from 'zod';
import { CHECKLIST_FINDINGS, CHECKLIST_ITEM_KEYS, SERVICE_KINDS, SERVICE_TYPES, VISIT_CHECKLIST, type ChecklistSection } from '../codes';
import { zDate, zId, zPageQuery, zVersion, codeKeys } from './common';

export const zServiceKind = z.enum(codeKeys(SERVICE_KINDS)).describe('phone | home_visit | office | group | online');
export const zServiceType = z.enum(codeKeys(SERVICE_TYPES)).describe('Service type code (服务类型), see src/shared/codes.ts');
export const zChecklistFinding = z.enum(codeKeys(CHECKLIST_FINDINGS));
export const zChecklistItemKey = z.enum(CHECKLIST_ITEM_KEYS as [string, ...string[]]).describe('A checklist item as section.item, e.g. home_safety.heating');

function checklistSection<S extends ChecklistSection>(section: S) {
  type Items = Record<keyof (typeof VISIT_CHECKLIST)[S]['items'], z.ZodOptional<typeof zChecklistFinding>>;
  // Built from the code list, so a new item needs no schema change; typed by the list's keys.
  const items = Object.fromEntries(Object.keys(VISIT_CHECKLIST[section].items).map((item) => [item, zChecklistFinding.optional()])) as Items;
  return z.strictObject({ ...items, note: z.string().trim().max(500).nullish() }).optional();
}

/** An elder's home-visit checklist (DOMAIN.md): each item ok / concern / not_checked, with a note per section. */
export const zVisitChecklist = z
  .strictObject({
    health: checklistSection('health'),
    money: checklistSection('money'),
    family: checklistSection('family'),
    home_safety: checklistSection('home_safety'),
    service_needs: checklistSection('service_needs'),
  })
  .describe("An elder's home-visit checklist; items of concern are listed in the record's concerns");
export type VisitChecklist = z.infer<typeof zVisitChecklist>;

const startedAt = z.iso.datetime({ offset: true }).describe('When the service started (ISO 8601 with offset)');

const serviceFields = {
  kind: zServiceKind,
  serviceTypes: z.array(zServiceType).min(1).max(13).describe('One or more service types'),
  startedAt,
  durationMinutes: z.number().int().min(1).max(1440).describe('Minutes spent with the person'),
  summary: z.string().trim().min(1).max(4000).describe('What was done and found'),
  caseId: zId.nullish().describe('The case this service belongs to (its person must be the same)'),
  taskId: zId.nullish().describe('The care task this service completes'),
  goalIds: z.array(z.string().min(1).max(40)).max(20).optional().describe("Goals of the case's service plan this service works on"),
  workerIds: z.array(zId).max(10).optional().describe('Workers who served; defaults to the recorder when a worker or manager records'),
  volunteerIds: z.array(zId).max(20).optional().describe('Volunteers who served; a volunteer recording is added automatically'),
  wellbeing: z.number().int().min(1).max(5).nullish().describe("The person's wellbeing as the worker judged it, 1 (very poor) to 5 (very good)"),
  followUpNeeded: z.boolean().optional().describe('Whether a follow-up is needed; then followUpOn is the day'),
  followUpOn: zDate.nullish(),
  checklist: zVisitChecklist.nullish().describe('Only for a home visit'),
  goods: z.string().trim().max(200).nullish().describe('Goods given (送温暖), e.g. 米一袋、油一桶'),
};

export const zCreateServiceRequest = z
  .strictObject({
    id: zId.optional().describe('A UUID made by the client; sending it again with the same content returns the existing record'),
    personId: zId,
    ...serviceFields,
  })
  .describe('A service record (服务记录)');
export type CreateServiceRequest = z.input<typeof zCreateServiceRequest>;

export const zUpdateServiceRequest = z
  .strictObject({ version: zVersion, ...serviceFields })
  .partial()
  .required({ version: true })
  .describe('Correct a service record (only the fields sent change); the previous content is kept');
export type UpdateServiceRequest = z.infer<typeof zUpdateServiceRequest>;

export const zPersonRef = z.object({ id: zId, name: z.string() });

export const zAttachment = z.object({
  id: zId,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string().describe('GET this address (signed in) for the file'),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof zAttachment>;

export const zServiceRecord = z.object({
  id: zId,
  stationId: zId,
  personId: zId,
  personName: z.string(),
  villageId: zId,
  villageName: z.string().nullable(),
  kind: zServiceKind,
  serviceTypes: z.array(zServiceType),
  startedAt: z.string(),
  durationMinutes: z.number().int(),
  summary: z.string(),
  caseId: zId.nullable(),
  taskId: zId.nullable(),
  goalIds: z.array(z.string()),
  workers: z.array(zPersonRef),
  volunteers: z.array(zPersonRef),
  wellbeing: z.number().int().nullable(),
  followUpNeeded: z.boolean(),
  followUpOn: z.string().nullable(),
  checklist: z.record(z.string(), z.record(z.string(), z.string().nullable().optional())).nullable(),
  concerns: z.array(z.string()).describe('Checklist items found of concern, as section.item'),
  goods: z.string().nullable(),
  attachments: z.array(zAttachment),
  recordedBy: zPersonRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ServiceRecord = z.infer<typeof zServiceRecord>;

export const zListServicesQuery = z.object({
  personId: zId.optional(),
  caseId: zId.optional(),
  workerId: zId.optional().describe('Records where this worker or volunteer served'),
  kind: zServiceKind.optional(),
  serviceType: zServiceType.optional().describe('Records of this type (a professional type also matches its concrete types)'),
  villageId: zId.optional(),
  from: zDate.optional().describe('First day (Asia/Shanghai), inclusive'),
  to: zDate.optional().describe('Last day (Asia/Shanghai), inclusive'),
  concern: zChecklistItemKey.optional().describe('Home visits that found this checklist item of concern'),
  followUp: z.enum(['open']).optional().describe('open: records that need a follow-up'),
  ...zPageQuery,
});
export type ListServicesQuery = z.infer<typeof zListServicesQuery>;

export const zFindingsQuery = z.object({
  item: zChecklistItemKey,
  villageId: zId.optional(),
  ...zPageQuery,
});

/** A person whose latest checked home visit found an item of concern. */
export const zFinding = z.object({
  personId: zId,
  personName: z.string(),
  villageId: zId,
  villageName: z.string().nullable(),
  phone: z.string().nullable(),
  serviceId: zId,
  visitedAt: z.string(),
  note: z.string().nullable().describe("The note of the item's section"),
});
export type Finding = z.infer<typeof zFinding>;

export const zExportServicesQuery = zListServicesQuery.omit({ limit: true, cursor: true });
export type ExportServicesQuery = z.infer<typeof zExportServicesQuery>;
