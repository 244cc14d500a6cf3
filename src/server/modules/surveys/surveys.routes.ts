import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorBody, zId, zPage } from '../../../shared/schemas/common';
import {
  zBatchResponsesReply,
  zBatchResponsesRequest,
  zCreateResponseRequest,
  zCreateSurveyRequest,
  zCrosstab,
  zCrosstabQuery,
  zExportResponsesQuery,
  zListResponsesQuery,
  zListSurveysQuery,
  zResultsQuery,
  zSurvey,
  zSurveyResponse,
  zSurveyResults,
  zSurveySummary,
  zSurveyTemplate,
  zSurveyVersion,
  zUpdateSurveyRequest,
} from '../../../shared/schemas/surveys';
import { sendXlsx } from '../../xlsx';
import { createSurvey, findSurveys, getSurvey, getSurveyVersion, updateSurvey } from './surveys.service';
import { createResponse, createResponses, getResponse, listResponses } from './responses.service';
import { exportResponses } from './responses-export.service';
import { surveyCrosstab, surveyResults } from './results.service';
import { surveyTemplates } from './survey-templates';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 404: zErrorBody, 409: zErrorBody };
const zParams = z.object({ id: zId });

export const surveysRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/survey-templates',
    {
      config: { access: 'surveys:read' },
      schema: {
        tags: ['surveys'],
        summary: "Ready-made needs surveys for elders, left-behind children and women, in the caller's language",
        description: 'POST a template’s fields to /api/surveys (with templateKey = its key) to start from it.',
        response: { 200: z.object({ items: z.array(zSurveyTemplate) }), ...errors },
      },
    },
    async (request) => ({ items: surveyTemplates(request.ctx.lang) }),
  );

  app.post(
    '/api/surveys',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags: ['surveys'],
        summary: 'Build a survey (调查问卷 or 结构化访谈)',
        description:
          'Duplicate keys, choice questions with fewer than two options, options where none belong, a scale or range the wrong way round, and conditions naming an unknown, later or text question → 400 VALIDATION_FAILED, each details entry naming the question (`question`, `questionText`). Callers who see several stations name `stationId`.',
        body: zCreateSurveyRequest,
        response: { 201: zSurvey, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createSurvey(request.ctx, request.body)),
  );

  app.get(
    '/api/surveys',
    {
      config: { access: 'surveys:read' },
      schema: { tags: ['surveys'], summary: 'Surveys, newest first, with their response counts', querystring: zListSurveysQuery, response: { 200: zPage(zSurveySummary), ...errors } },
    },
    async (request) => findSurveys(request.ctx, request.query),
  );

  app.post(
    '/api/surveys/responses/batch',
    {
      config: { access: 'surveys:respond' },
      schema: {
        tags: ['surveys'],
        summary: "Send a phone's queue of responses (up to 200)",
        description:
          'Each response is accepted or refused on its own: `created`, `existing` (the same id and content was taken before) or `refused` with the error (code, message in the caller’s language, details). The accepted ones are written in one transaction.',
        body: zBatchResponsesRequest,
        response: { 200: zBatchResponsesReply, ...errors },
      },
    },
    async (request) => createResponses(request.ctx, request.body.responses),
  );

  app.get(
    '/api/surveys/:id',
    {
      config: { access: 'surveys:read' },
      schema: { tags: ['surveys'], summary: 'A survey with its current questions and its versions', params: zParams, response: { 200: zSurvey, ...errors } },
    },
    async (request) => getSurvey(request.ctx, request.params.id),
  );

  app.put(
    '/api/surveys/:id',
    {
      config: { access: 'surveys:write' },
      schema: {
        tags: ['surveys'],
        summary: 'Change a survey',
        description:
          'Name the version you read (a stale one → 409 VERSION_CONFLICT with details.current). Changed questions replace the current version’s while it has no responses; once it has, they become a new version and old responses keep theirs. Status moves draft → open → closed, and closed → open.',
        params: zParams,
        body: zUpdateSurveyRequest,
        response: { 200: zSurvey, ...errors },
      },
    },
    async (request) => updateSurvey(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/surveys/:id/versions/:number',
    {
      config: { access: 'surveys:read' },
      schema: {
        tags: ['surveys'],
        summary: 'The questions of one version of a survey',
        params: z.object({ id: zId, number: z.coerce.number().int().min(1) }),
        response: { 200: zSurveyVersion, ...errors },
      },
    },
    async (request) => getSurveyVersion(request.ctx, request.params.id, request.params.number),
  );

  app.post(
    '/api/surveys/:id/responses',
    {
      config: { access: 'surveys:respond' },
      schema: {
        tags: ['surveys'],
        summary: 'Fill in a survey (a response)',
        description:
          'Idempotent by the client-made `id`: the same id and content again → 200 with the same response; other content → 409 DUPLICATE. Answers are checked against the version’s questions: an unknown question, a value not among the options, a ranking repeating an option, a missing required answer, or an answer to a question the skip logic hides → 400 naming the question. A linked person must be in the caller’s scope (else 404); their village, sex, age band and groups are copied from the file.',
        params: zParams,
        body: zCreateResponseRequest,
        response: { 200: zSurveyResponse, 201: zSurveyResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { response, created } = await createResponse(request.ctx, request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(response);
    },
  );

  app.get(
    '/api/surveys/:id/responses',
    {
      config: { access: 'surveys:responses' },
      schema: {
        tags: ['surveys'],
        summary: 'Responses of a survey, newest first (audited)',
        params: zParams,
        querystring: zListResponsesQuery,
        response: { 200: zPage(zSurveyResponse), ...errors },
      },
    },
    async (request) => listResponses(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/api/surveys/:id/responses/export',
    {
      config: { access: 'surveys:responses' },
      schema: {
        tags: ['surveys'],
        summary: 'The responses as .xlsx: one row a response, one column a question (audited)',
        params: zParams,
        querystring: zExportResponsesQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { fileName, body } = await exportResponses(request.ctx, request.params.id, request.query);
      return sendXlsx(reply, fileName, 'survey-responses.xlsx', body);
    },
  );

  app.get(
    '/api/surveys/:id/responses/:responseId',
    {
      config: { access: 'surveys:responses' },
      schema: {
        tags: ['surveys'],
        summary: 'One response (audited)',
        params: z.object({ id: zId, responseId: zId }),
        response: { 200: zSurveyResponse, ...errors },
      },
    },
    async (request) => getResponse(request.ctx, request.params.id, request.params.responseId),
  );

  app.get(
    '/api/surveys/:id/results',
    {
      config: { access: 'surveys:analyse' },
      schema: {
        tags: ['surveys'],
        summary: 'Answer distributions per question',
        description:
          'Per question: respondents shown it (`asked`) and who answered; options with count and share of those who answered, for rankings the mean place and first places; scale and number distributions with mean, median, least and greatest; the latest 50 texts. Across versions questions are matched by key with the current version’s labels; `versionNumber` limits it to one version.',
        params: zParams,
        querystring: zResultsQuery,
        response: { 200: zSurveyResults, ...errors },
      },
    },
    async (request) => surveyResults(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/api/surveys/:id/crosstab',
    {
      config: { access: 'surveys:analyse' },
      schema: {
        tags: ['surveys'],
        summary: 'One question’s answers by village, group, sex or age band',
        description: 'Rows: the dimension’s values (a response counts in each of its groups); cells: each option (scale: each point) with its share of the row’s respondents. Text and number questions → 400.',
        params: zParams,
        querystring: zCrosstabQuery,
        response: { 200: zCrosstab, ...errors },
      },
    },
    async (request) => surveyCrosstab(request.ctx, request.params.id, request.query),
  );
};
