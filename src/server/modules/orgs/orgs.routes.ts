import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorBody, zId } from '../../../shared/schemas/common';
import { zCreateVillageRequest, zOrgNode, zUpdateOrgRequest } from '../../../shared/schemas/orgs';
import { createVillage, getOrg, getOrgTree, renameOrg } from './orgs.service';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 404: zErrorBody, 409: zErrorBody };
const zParams = z.object({ id: zId });

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs',
    {
      config: { access: 'orgs:read' },
      schema: { tags: ['orgs'], summary: "The org tree (county → station → village) in the caller's scope", response: { 200: z.array(zOrgNode), ...errors } },
    },
    async (request) => getOrgTree(request.ctx),
  );

  app.get(
    '/api/orgs/:id',
    { config: { access: 'orgs:read' }, schema: { tags: ['orgs'], summary: 'One org', params: zParams, response: { 200: zOrgNode, ...errors } } },
    async (request) => getOrg(request.ctx, request.params.id),
  );

  app.post(
    '/api/orgs',
    {
      config: { access: 'orgs:write' },
      schema: { tags: ['orgs'], summary: 'Add a village (村/社区) to a station', body: zCreateVillageRequest, response: { 201: zOrgNode, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createVillage(request.ctx, request.body)),
  );

  app.patch(
    '/api/orgs/:id',
    {
      config: { access: 'orgs:write' },
      schema: { tags: ['orgs'], summary: 'Rename an org (optimistic concurrency)', params: zParams, body: zUpdateOrgRequest, response: { 200: zOrgNode, ...errors } },
    },
    async (request) => renameOrg(request.ctx, request.params.id, request.body),
  );
};
