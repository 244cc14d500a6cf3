import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorBody, zId, zPage } from '../../../shared/schemas/common';
import {
  zBenefit,
  zCreateHouseholdRequest,
  zCreatePersonRequest,
  zDangerReport,
  zDangerReportRequest,
  zGetPersonQuery,
  zHousehold,
  zListPeopleQuery,
  zPerson,
  zPersonSummary,
  zSetBenefitRequest,
  zTimelineItem,
  zUpdateHouseholdRequest,
  zUpdatePersonRequest,
} from '../../../shared/schemas/people';
import { createPerson, findEligible, findPeople, getPerson, personTimeline, updatePerson } from './people.service';
import { zPageQuery } from '../../../shared/schemas/common';
import { acknowledgeDangerReport, createHousehold, getHousehold, listDangerReports, reportDanger, setBenefit, updateHousehold } from './care-records.service';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 404: zErrorBody, 409: zErrorBody };
const zParams = z.object({ id: zId });

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/people',
    {
      config: { access: 'people:read' },
      schema: { tags: ['people'], summary: 'Search and list files (一人一档), ordered by name pinyin', querystring: zListPeopleQuery, response: { 200: zPage(zPersonSummary), ...errors } },
    },
    async (request) => findPeople(request.ctx, request.query),
  );

  app.post(
    '/api/people',
    {
      config: { access: 'people:write' },
      schema: {
        tags: ['people'],
        summary: 'Create a file',
        description: 'With idNumber, gender and birthDate are derived from it and must agree if given. A bad number → 400 ID_NUMBER_INVALID; a number already on file in the station → 409 DUPLICATE (details.existingId). Sending the same client id again returns the existing file (200).',
        body: zCreatePersonRequest,
        response: { 200: zPerson, 201: zPerson, ...errors },
      },
    },
    async (request, reply) => {
      const { person, created } = await createPerson(request.ctx, request.body);
      return reply.status(created ? 201 : 200).send(person);
    },
  );

  app.get(
    '/api/people/:id',
    {
      config: { access: 'people:read' },
      schema: {
        tags: ['people'],
        summary: "A person's file (audited)",
        description: '?reveal=idNumber adds the whole identity number for callers with pii:reveal; the reveal is audited.',
        params: zParams,
        querystring: zGetPersonQuery,
        response: { 200: zPerson, ...errors },
      },
    },
    async (request) => getPerson(request.ctx, request.params.id, { revealIdNumber: request.query.reveal === 'idNumber' }),
  );

  app.patch(
    '/api/people/:id',
    {
      config: { access: 'people:write' },
      schema: { tags: ['people'], summary: 'Change a file (name the version you read; a stale one → 409 with the current file)', params: zParams, body: zUpdatePersonRequest, response: { 200: zPerson, ...errors } },
    },
    async (request) => updatePerson(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/people/:id/timeline',
    { config: { access: 'people:read' }, schema: { tags: ['people'], summary: "The person's history, newest first", params: zParams, response: { 200: z.object({ items: z.array(zTimelineItem) }), ...errors } } },
    async (request) => ({ items: await personTimeline(request.ctx, request.params.id) }),
  );

  app.put(
    '/api/people/:id/benefits/:benefit',
    {
      config: { access: 'people:write' },
      schema: { tags: ['people'], summary: 'Record a benefit received, applied for, refused or stopped', params: z.object({ id: zId, benefit: zBenefit }), body: zSetBenefitRequest, response: { 200: zPerson, ...errors } },
    },
    async (request) => setBenefit(request.ctx, request.params.id, request.params.benefit, request.body),
  );

  app.get(
    '/api/benefits/eligible',
    {
      config: { access: 'people:read' },
      schema: {
        tags: ['people'],
        summary: 'Everyone who looks eligible for a benefit and neither receives nor has applied for it (政策落实)',
        querystring: z.strictObject({ benefit: zBenefit, ...zPageQuery }),
        response: { 200: zPage(zPersonSummary), ...errors },
      },
    },
    async (request) => findEligible(request.ctx, request.query.benefit, request.query),
  );

  app.post(
    '/api/people/:id/danger-reports',
    {
      config: { access: 'people:write' },
      schema: { tags: ['people'], summary: '强制报告: record that a child in danger was reported to the police', params: zParams, body: zDangerReportRequest, response: { 201: zDangerReport, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await reportDanger(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/danger-reports',
    {
      config: { access: 'people:read' },
      schema: { tags: ['people'], summary: 'Danger reports of the station (open: not yet acknowledged by the manager)', querystring: z.strictObject({ status: z.enum(['open', 'all']).default('open') }), response: { 200: z.object({ items: z.array(zDangerReport) }), ...errors } },
    },
    async (request) => ({ items: await listDangerReports(request.ctx, { open: request.query.status === 'open' }) }),
  );

  app.post(
    '/api/danger-reports/:id/acknowledge',
    { config: { access: 'danger:acknowledge' }, schema: { tags: ['people'], summary: 'The manager acknowledges a danger report', params: zParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await acknowledgeDangerReport(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/households',
    { config: { access: 'people:write' }, schema: { tags: ['people'], summary: 'Create a household (户)', body: zCreateHouseholdRequest, response: { 201: zHousehold, ...errors } } },
    async (request, reply) => reply.status(201).send(await createHousehold(request.ctx, request.body)),
  );
  app.get(
    '/api/households/:id',
    { config: { access: 'people:read' }, schema: { tags: ['people'], summary: 'A household with its members', params: zParams, response: { 200: zHousehold, ...errors } } },
    async (request) => getHousehold(request.ctx, request.params.id),
  );
  app.patch(
    '/api/households/:id',
    { config: { access: 'people:write' }, schema: { tags: ['people'], summary: 'Change a household', params: zParams, body: zUpdateHouseholdRequest, response: { 200: zHousehold, ...errors } } },
    async (request) => updateHousehold(request.ctx, request.params.id, request.body),
  );
};
