import { asc, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context';
import { serviceAttachments, type serviceRecords } from '../../db/schema/index';
import type { ServiceKind, ServiceTypeCode } from '../../../shared/codes';
import type { Attachment, ServiceRecord } from '../../../shared/schemas/services';
import { userNames } from '../users/users.service';

export type ServiceRow = typeof serviceRecords.$inferSelect;
export interface ServiceRowWithNames {
  row: ServiceRow;
  personName: string;
  villageName: string | null;
}

type AttachmentRow = typeof serviceAttachments.$inferSelect;

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.sizeBytes,
    url: `/api/attachments/${row.id}`,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Builds replies for a page of records: names and photos are loaded once for the page. */
export async function toServiceRecords(ctx: Ctx, rows: ServiceRowWithNames[]): Promise<ServiceRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.row.id);
  const [names, photos] = await Promise.all([
    userNames(
      ctx,
      rows.flatMap((r) => [...r.row.workerIds, ...r.row.volunteerIds, r.row.recordedBy]),
    ),
    ctx.db.select().from(serviceAttachments).where(inArray(serviceAttachments.serviceId, ids)).orderBy(asc(serviceAttachments.createdAt)),
  ]);
  const ref = (id: string) => ({ id, name: names.get(id) ?? '—' });
  return rows.map(({ row, personName, villageName }) => ({
    id: row.id,
    stationId: row.stationId,
    personId: row.personId,
    personName,
    villageId: row.villageId,
    villageName,
    kind: row.kind satisfies ServiceKind,
    serviceTypes: row.serviceTypes as ServiceTypeCode[],
    startedAt: row.startedAt.toISOString(),
    durationMinutes: row.durationMinutes,
    summary: row.summary,
    caseId: row.caseId,
    taskId: row.taskId,
    goalIds: row.goalIds,
    workers: row.workerIds.map(ref),
    volunteers: row.volunteerIds.map(ref),
    wellbeing: row.wellbeing,
    followUpNeeded: row.followUpNeeded,
    followUpOn: row.followUpOn,
    checklist: row.checklist ?? null,
    concerns: row.concerns,
    goods: row.goods,
    attachments: photos.filter((p) => p.serviceId === row.id).map(toAttachment),
    recordedBy: ref(row.recordedBy),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
}
