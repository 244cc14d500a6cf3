import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorBody, zId, zPage } from '../../../shared/schemas/common';
import {
  zCase,
  zCaseDocumentKind,
  zCaseSummary,
  zCloseRequestRequest,
  zCreateCaseRequest,
  zDeclineCloseRequest,
  zListCasesQuery,
  zReferralOutcomeRequest,
  zReferralRequest,
  zReviewRequest,
  zSaveDocumentRequest,
  zTransferRequest,
  zTransitionRequest,
} from '../../../shared/schemas/cases';
import {
  createCase,
  declineClosure,
  findCases,
  getCase,
  recordReferralOutcome,
  referCase,
  requestClosure,
  reviewCase,
  saveDocument,
  transferCase,
  transitionCase,
} from './cases.service';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 404: zErrorBody, 409: zErrorBody };
const zParams = z.object({ id: zId });
const conflict = 'Name the version you read; a stale one → 409 VERSION_CONFLICT with details.current (the current case). A closed case → 409 CASE_CLOSED.';

export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/cases',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary: 'Open a case (接案)',
        description: 'The intake record starts with the source, the presenting problem and today. Sending the same client id again returns the existing case (200).',
        body: zCreateCaseRequest,
        response: { 200: zCase, 201: zCase, ...errors },
      },
    },
    async (request, reply) => {
      const { item, created } = await createCase(request.ctx, request.body);
      return reply.status(created ? 201 : 200).send(item);
    },
  );

  app.get(
    '/api/cases',
    {
      config: { access: 'cases:read' },
      schema: { tags: ['cases'], summary: 'Cases, newest first (open by default)', querystring: zListCasesQuery, response: { 200: zPage(zCaseSummary), ...errors } },
    },
    async (request) => findCases(request.ctx, request.query),
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'cases:read' },
      schema: { tags: ['cases'], summary: 'A case with its stage documents, what they lack, referrals, history and goal progress (audited)', params: zParams, response: { 200: zCase, ...errors } },
    },
    async (request) => getCase(request.ctx, request.params.id),
  );

  app.put(
    '/api/cases/:id/documents/:kind',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary: "Save a stage's document (drafts may be incomplete; the previous content is kept in the history)",
        description: `kind: intake | assessment | plan | evaluation | closure. A document opens with its stage (the closure report at any time). ${conflict}`,
        params: z.object({ id: zId, kind: zCaseDocumentKind }),
        body: zSaveDocumentRequest,
        response: { 200: zCase, ...errors },
      },
    },
    async (request) => saveDocument(request.ctx, request.params.id, request.params.kind, request.body),
  );

  app.post(
    '/api/cases/:id/transition',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary: 'Move a case to another stage',
        description: `Stages in order intake, assessment, planning, intervention, evaluation, closed; from the evaluation back to planning or intervention; closed from any stage with an early closure reason (moved, declined, referred, died). Skipping → 400 STAGE_ORDER; the leaving stage's document incomplete → 400 DOCUMENT_INCOMPLETE (details name the missing fields); closing without the manager's approval (cases:approve) → 403 FORBIDDEN. ${conflict}`,
        params: zParams,
        body: zTransitionRequest,
        response: { 200: zCase, ...errors },
      },
    },
    async (request) => transitionCase(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/close-request',
    {
      config: { access: 'cases:write' },
      schema: { tags: ['cases'], summary: "Ask the manager to close the case (the closure report must be complete)", description: conflict, params: zParams, body: zCloseRequestRequest, response: { 200: zCase, ...errors } },
    },
    async (request) => requestClosure(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/close-request/decline',
    {
      config: { access: 'cases:approve' },
      schema: { tags: ['cases'], summary: 'Decline a closure request, saying why', description: conflict, params: zParams, body: zDeclineCloseRequest, response: { 200: zCase, ...errors } },
    },
    async (request) => declineClosure(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/transfer',
    {
      config: { access: 'cases:write' },
      schema: { tags: ['cases'], summary: 'Hand the case to another worker of the station (kept in the history)', description: conflict, params: zParams, body: zTransferRequest, response: { 200: zCase, ...errors } },
    },
    async (request) => transferCase(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/referrals',
    {
      config: { access: 'cases:write' },
      schema: { tags: ['cases'], summary: 'Record a referral (转介表)', description: conflict, params: zParams, body: zReferralRequest, response: { 200: zCase, ...errors } },
    },
    async (request) => referCase(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/api/cases/:id/referrals/:referralId',
    {
      config: { access: 'cases:write' },
      schema: {
        tags: ['cases'],
        summary: "Record a referral's outcome (also after closure)",
        params: z.object({ id: zId, referralId: zId }),
        body: zReferralOutcomeRequest,
        response: { 200: zCase, ...errors },
      },
    },
    async (request) => recordReferralOutcome(request.ctx, request.params.id, request.params.referralId, request.body),
  );

  app.post(
    '/api/cases/:id/reviews',
    {
      config: { access: 'cases:write' },
      schema: { tags: ['cases'], summary: 'Record a dynamic review (动态评估) and set the next one', description: conflict, params: zParams, body: zReviewRequest, response: { 200: zCase, ...errors } },
    },
    async (request) => reviewCase(request.ctx, request.params.id, request.body),
  );
};
