import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zErrorBody, zPage } from '../../shared/schemas/common';
import { zAuditEvent, zListAuditQuery } from '../../shared/schemas/audit';
import { findAuditEvents } from './audit';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: "The audit trail, newest first, within the caller's stations",
        querystring: zListAuditQuery,
        response: { 200: zPage(zAuditEvent), 400: zErrorBody, 401: zErrorBody, 403: zErrorBody },
      },
    },
    async (request) => findAuditEvents(request.ctx, request.query),
  );
};
