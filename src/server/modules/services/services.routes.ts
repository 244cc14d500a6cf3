import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors';
import { zErrorBody, zId, zPage } from '../../../shared/schemas/common';
import { zAttachment, zExportServicesQuery, zCreateServiceRequest, zFinding, zFindingsQuery, zListServicesQuery, zPersonRef, zServiceRecord, zUpdateServiceRequest } from '../../../shared/schemas/services';
import { createService, findFindings, findServices, getService, serviceRevisions, serviceStaff, updateService } from './services.service';
import { addAttachment, readAttachment } from './attachments.service';
import { exportServices } from './services-export.service';
import { sendXlsx } from '../../xlsx';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 404: zErrorBody, 409: zErrorBody };
const zParams = z.object({ id: zId });

const zRevision = z.object({ version: z.number().int(), changedAt: z.string(), changedBy: zPersonRef, content: z.record(z.string(), z.unknown()) });

/** The multipart field `file`; anything else is 415. Too large is 413 (the multipart limit, then the photo limit). */
async function photoOf(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_FILE');
  const file = await request.file();
  if (!file || file.fieldname !== 'file') throw new AppError('UNSUPPORTED_FILE');
  return { fileName: file.filename, bytes: await file.toBuffer() };
}

export const servicesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/services',
    {
      config: { access: 'services:write' },
      schema: {
        tags: ['services'],
        summary: 'Record a service (服务记录)',
        description:
          'Idempotent by the client-made `id`: the same id with the same content → 200 and the existing record; with different content → 409 DUPLICATE. A person out of scope → 404. A volunteer records only for people paired with them.',
        body: zCreateServiceRequest,
        response: { 200: zServiceRecord, 201: zServiceRecord, ...errors },
      },
    },
    async (request, reply) => {
      const { record, created } = await createService(request.ctx, request.body);
      return reply.status(created ? 201 : 200).send(record);
    },
  );

  app.get(
    '/api/services',
    {
      config: { access: 'services:read' },
      schema: { tags: ['services'], summary: 'Service records, newest first, with filters', querystring: zListServicesQuery, response: { 200: zPage(zServiceRecord), ...errors } },
    },
    async (request) => findServices(request.ctx, request.query),
  );

  app.get(
    '/api/services/export',
    {
      config: { access: 'people:export' },
      schema: {
        tags: ['services'],
        summary: 'The service ledger (服务记录台账) of the list filters, as .xlsx (audited)',
        description: 'Same filters as GET /api/services; at most 50,000 rows (more → 400 naming the limit).',
        querystring: zExportServicesQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { fileName, body } = await exportServices(request.ctx, request.query);
      return sendXlsx(reply, fileName, 'service-ledger.xlsx', body);
    },
  );

  app.get(
    '/api/services/findings',
    {
      config: { access: 'services:read' },
      schema: {
        tags: ['services'],
        summary: 'People whose latest home visit found a checklist item of concern',
        description: 'E.g. ?item=home_safety.heating: every elder whose heating was found unsafe at their latest visit that checked it.',
        querystring: zFindingsQuery,
        response: { 200: zPage(zFinding), ...errors },
      },
    },
    async (request) => findFindings(request.ctx, request.query),
  );

  app.get(
    '/api/services/staff',
    {
      config: { access: 'services:read' },
      schema: { tags: ['services'], summary: "Workers and volunteers of the caller's station (who can be named as serving)", response: { 200: z.object({ workers: z.array(zPersonRef), volunteers: z.array(zPersonRef) }), ...errors } },
    },
    async (request) => serviceStaff(request.ctx),
  );

  app.get(
    '/api/services/:id',
    {
      config: { access: 'services:read' },
      schema: { tags: ['services'], summary: 'A service record (audited)', params: zParams, response: { 200: zServiceRecord, ...errors } },
    },
    async (request) => getService(request.ctx, request.params.id),
  );

  app.patch(
    '/api/services/:id',
    {
      config: { access: 'services:write' },
      schema: {
        tags: ['services'],
        summary: 'Correct a service record (its recorder or the manager; the previous content is kept)',
        description: 'Name the version you read; a stale one → 409 VERSION_CONFLICT with details.current.',
        params: zParams,
        body: zUpdateServiceRequest,
        response: { 200: zServiceRecord, ...errors },
      },
    },
    async (request) => updateService(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/services/:id/revisions',
    {
      config: { access: 'services:read' },
      schema: { tags: ['services'], summary: 'What a record said before each correction, newest first', params: zParams, response: { 200: z.array(zRevision), ...errors } },
    },
    async (request) => serviceRevisions(request.ctx, request.params.id),
  );

  app.post(
    '/api/services/:id/attachments',
    {
      config: { access: 'services:write' },
      schema: {
        tags: ['services'],
        summary: 'Attach a photo to a service record',
        description: 'multipart/form-data with one field `file`: a JPEG, PNG or WebP photo (checked by its bytes; others → 415 UNSUPPORTED_FILE), at most PHOTO_LIMIT_BYTES (→ 413), at most 9 per record.',
        params: zParams,
        consumes: ['multipart/form-data'],
        response: { 201: zAttachment, 413: zErrorBody, 415: zErrorBody, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await addAttachment(request.ctx, request.params.id, () => photoOf(request))),
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { access: 'services:read' },
      schema: { tags: ['services'], summary: "A photo's bytes (audited; only for those who may see its person)", params: zParams },
    },
    async (request, reply) => {
      const file = await readAttachment(request.ctx, request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
};
