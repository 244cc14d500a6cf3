/**
 * The services API's shapes, from the shared zod schemas (type-only, so zod stays out of the bundle).
 */
import type { CHECKLIST_FINDINGS } from '../../../shared/codes';

export type {
  Attachment,
  CreateServiceRequest,
  Finding,
  ServiceRecord,
  UpdateServiceRequest,
  VisitChecklist,
} from '../../../shared/schemas/services';
export type { ChecklistSection, ServiceKind, ServiceTypeCode } from '../../../shared/codes';

export type ChecklistFinding = keyof typeof CHECKLIST_FINDINGS;

/** Someone who can be named as having served: a worker or a volunteer of the station. */
export interface StaffMember {
  id: string;
  name: string;
}

/** GET /api/services/staff. */
export interface Staff {
  workers: StaffMember[];
  volunteers: StaffMember[];
}

/** One earlier content of a record (GET /api/services/:id/revisions). */
export interface ServiceRevision {
  version: number;
  changedAt: string;
  changedBy: StaffMember;
  content: Record<string, unknown>;
}

/** The filters of the station's list, as its address and the API take them. */
export interface ServiceFilters {
  personId?: string;
  caseId?: string;
  workerId?: string;
  kind?: string;
  serviceType?: string;
  villageId?: string;
  from?: string;
  to?: string;
  concern?: string;
  followUp?: 'open';
}

export const SERVICE_FILTER_KEYS = ['personId', 'caseId', 'workerId', 'kind', 'serviceType', 'villageId', 'from', 'to', 'concern', 'followUp'] as const satisfies ReadonlyArray<
  keyof ServiceFilters
>;

/** Photos a record may hold, and the largest one the server takes. */
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
