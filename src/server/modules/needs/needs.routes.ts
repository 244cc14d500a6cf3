import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorBody, zId, zPage } from '../../../shared/schemas/common';
import { zCreateNeedRequest, zListNeedsQuery, zNeed, zNeedsSummary, zNeedsSummaryQuery, zRanking, zRankingQuery, zUpdateNeedRequest } from '../../../shared/schemas/needs';
import { sendXlsx } from '../../xlsx';
import { createNeed, findNeeds, getNeed, needsSummary, updateNeed } from './needs.service';
import { exportRanking, needsRanking, rankingChartSvg } from './ranking.service';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 404: zErrorBody, 409: zErrorBody };
const zParams = z.object({ id: zId });
const rankingFilters =
  'A station or survey named must be one of yours (else 404); a village must be one you see, in that station (else 400 VALIDATION_FAILED). County users rank over all their stations.';

export const needsRoutes: FastifyPluginAsyncZod = async (app) => {
  // -- ranking (from survey responses) ----------------------------------------------------------

  app.get(
    '/api/needs/ranking',
    {
      config: { access: 'surveys:analyse' },
      schema: {
        tags: ['needs'],
        summary: "A group's needs ranked by how many respondents expressed them (需求排序)",
        description: `From every response whose options carry a needType. Sorted by count, then first choices, then the order of the need types; equal count and first choices share a rank (1, 2, 2, 4). Only needs someone expressed are listed. ${rankingFilters}`,
        querystring: zRankingQuery,
        response: { 200: zRanking, ...errors },
      },
    },
    async (request) => needsRanking(request.ctx, request.query),
  );

  app.get(
    '/api/needs/ranking/export',
    {
      config: { access: 'surveys:analyse' },
      schema: {
        tags: ['needs'],
        summary: 'The ranking as an .xlsx table (audited)',
        description: `Same query as GET /api/needs/ranking: a title row (group, filters, respondents), then rank, need, count, share and first choices. ${rankingFilters}`,
        querystring: zRankingQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { fileName, body } = await exportRanking(request.ctx, request.query);
      return sendXlsx(reply, fileName, 'needs-ranking.xlsx', body);
    },
  );

  app.get(
    '/api/needs/ranking/chart.svg',
    {
      config: { access: 'surveys:analyse' },
      schema: {
        tags: ['needs'],
        summary: 'The ranking as a bar chart image (SVG, drawn on the server; audited)',
        description: `Same query as GET /api/needs/ranking. ${rankingFilters}`,
        querystring: zRankingQuery,
        produces: ['image/svg+xml'],
      },
    },
    async (request, reply) => {
      const { fileName, svg } = await rankingChartSvg(request.ctx, request.query);
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="needs-ranking.svg"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(svg);
    },
  );

  // -- register ---------------------------------------------------------------------------------

  app.get(
    '/api/needs/summary',
    {
      config: { access: 'needs:read' },
      schema: {
        tags: ['needs'],
        summary: 'Per need type: needs by status, and open needs no service has answered yet',
        description: 'Every need type is listed, labelled in your language. A station named must be one of yours (404); a village must be one you see (400).',
        querystring: zNeedsSummaryQuery,
        response: { 200: zNeedsSummary, ...errors },
      },
    },
    async (request) => needsSummary(request.ctx, request.query),
  );

  app.get(
    '/api/needs',
    {
      config: { access: 'needs:read' },
      schema: {
        tags: ['needs'],
        summary: 'The needs register (需求台账), newest first',
        description:
          "answeredBy is the person's latest service record, since the need was identified, of a type that answers it; unanswered=true lists open needs without one. A station named must be one of yours (404). Listing a person's needs is audited.",
        querystring: zListNeedsQuery,
        response: { 200: zPage(zNeed), ...errors },
      },
    },
    async (request) => findNeeds(request.ctx, request.query),
  );

  app.post(
    '/api/needs',
    {
      config: { access: 'needs:write' },
      schema: {
        tags: ['needs'],
        summary: 'Register a need of a person',
        description:
          'If the person already has this need open (identified or being served) → 200 with that need. Idempotent by the client-made `id` (same person and need → 200; otherwise 409 DUPLICATE). A person you cannot see → 400.',
        body: zCreateNeedRequest,
        response: { 200: zNeed, 201: zNeed, ...errors },
      },
    },
    async (request, reply) => {
      const { need, created } = await createNeed(request.ctx, request.body);
      return reply.status(created ? 201 : 200).send(need);
    },
  );

  app.get(
    '/api/needs/:id',
    {
      config: { access: 'needs:read' },
      schema: { tags: ['needs'], summary: 'A need (audited)', params: zParams, response: { 200: zNeed, ...errors } },
    },
    async (request) => getNeed(request.ctx, request.params.id),
  );

  app.patch(
    '/api/needs/:id',
    {
      config: { access: 'needs:write' },
      schema: {
        tags: ['needs'],
        summary: 'Move a need on, or change its note',
        description:
          'identified → being_served → met | unmet; met or unmet can be reopened (another move → 400). Reopening while the person has another open need of the type → 409 DUPLICATE. Name the version you read; a stale one → 409 VERSION_CONFLICT with details.current.',
        params: zParams,
        body: zUpdateNeedRequest,
        response: { 200: zNeed, ...errors },
      },
    },
    async (request) => updateNeed(request.ctx, request.params.id, request.body),
  );
};
