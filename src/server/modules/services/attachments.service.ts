import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { serviceAttachments, serviceRecords } from '../../db/schema/index';
import { AppError, fieldError, notFound } from '../../errors';
import { recordAudit } from '../../audit/audit';
import type { Attachment } from '../../../shared/schemas/services';
import { toAttachment } from './services.reply';
import { servicesScope } from './services.service';

export const MAX_PHOTOS_PER_RECORD = 9;

/** The type of an image by its first bytes; what the client claims is not trusted. */
export function imageTypeOf(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

function fileOf(ctx: Ctx, stationId: string, id: string): string {
  return path.join(ctx.deps.config.dataDir, 'attachments', stationId, id);
}

/** Writes the bytes durably (fsync, then rename into place), so an acknowledged photo survives a crash. */
async function writeDurably(target: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.part`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, target);
}

/** Attaches a photo to a service record the caller may see. */
export async function addAttachment(ctx: Ctx, serviceId: string, readUpload: () => Promise<{ fileName: string; bytes: Buffer }>): Promise<Attachment> {
  const [service] = await ctx.db
    .select({ id: serviceRecords.id, stationId: serviceRecords.stationId, personId: serviceRecords.personId })
    .from(serviceRecords)
    .where(and(eq(serviceRecords.id, serviceId), servicesScope(ctx)));
  if (!service) throw notFound();
  // The upload is read only once the record is known to be the caller's: out of scope is 404 whatever was sent.
  const upload = await readUpload();
  if (upload.bytes.length === 0) throw fieldError('file', 'service.photoMissing');
  if (upload.bytes.length > ctx.deps.config.photoLimitBytes) throw new AppError('PAYLOAD_TOO_LARGE');
  const contentType = imageTypeOf(upload.bytes);
  if (!contentType) throw new AppError('UNSUPPORTED_FILE');
  const [photos] = await ctx.db.select({ n: count() }).from(serviceAttachments).where(and(eq(serviceAttachments.stationId, service.stationId), eq(serviceAttachments.serviceId, serviceId)));
  if ((photos?.n ?? 0) >= MAX_PHOTOS_PER_RECORD) throw fieldError('file', 'service.tooManyPhotos');

  const id = uuidv7();
  const target = fileOf(ctx, service.stationId, id);
  await writeDurably(target, upload.bytes);
  const row = {
    id,
    stationId: service.stationId,
    serviceId,
    personId: service.personId,
    fileName: path.basename(upload.fileName || 'photo').slice(0, 200),
    contentType,
    sizeBytes: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    createdBy: actorOf(ctx).userId,
    createdAt: ctx.now,
  };
  try {
    await inTransaction(ctx, async (tx) => {
      await tx.db.insert(serviceAttachments).values(row);
      await recordAudit(tx, { action: 'service.attach', entityType: 'service', entityId: serviceId, stationId: service.stationId, details: { attachmentId: id, size: row.sizeBytes } });
    });
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
  return toAttachment(row);
}

/** A photo's bytes, for callers who may see its person's records (audited: a photo of someone's home is personal data). */
export async function readAttachment(ctx: Ctx, id: string): Promise<{ contentType: string; fileName: string; bytes: Buffer }> {
  const [found] = await ctx.db
    .select({ attachment: serviceAttachments })
    .from(serviceAttachments)
    .innerJoin(serviceRecords, eq(serviceRecords.id, serviceAttachments.serviceId))
    .where(and(eq(serviceAttachments.id, id), servicesScope(ctx)));
  if (!found) throw notFound();
  const { attachment } = found;
  const bytes = await readFile(fileOf(ctx, attachment.stationId, attachment.id)).catch(() => {
    throw notFound();
  });
  await recordAudit(ctx, { action: 'attachment.read', entityType: 'service', entityId: attachment.serviceId, stationId: attachment.stationId, details: { attachmentId: id } });
  return { contentType: attachment.contentType, fileName: attachment.fileName, bytes };
}
