import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zErrorBody, zId, zPage } from '../../../shared/schemas/common';
import { zCreateUserRequest, zListUsersQuery, zResetPasswordRequest, zUpdateUserRequest, zUserRow } from '../../../shared/schemas/users';
import { createUser, findUsers, getUser, resetPassword, updateUser } from './users.service';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 404: zErrorBody, 409: zErrorBody };
const zParams = z.object({ id: zId });

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    { config: { access: 'users:read' }, schema: { tags: ['users'], summary: 'Accounts in scope', querystring: zListUsersQuery, response: { 200: zPage(zUserRow), ...errors } } },
    async (request) => findUsers(request.ctx, request.query),
  );
  app.get(
    '/api/users/:id',
    { config: { access: 'users:read' }, schema: { tags: ['users'], summary: 'One account', params: zParams, response: { 200: zUserRow, ...errors } } },
    async (request) => getUser(request.ctx, request.params.id),
  );
  app.post(
    '/api/users',
    { config: { access: 'users:manage' }, schema: { tags: ['users'], summary: 'Create an account', body: zCreateUserRequest, response: { 201: zUserRow, ...errors } } },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx, request.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      config: { access: 'users:manage' },
      schema: { tags: ['users'], summary: 'Rename, change role, disable or enable an account', params: zParams, body: zUpdateUserRequest, response: { 200: zUserRow, ...errors } },
    },
    async (request) => updateUser(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/password',
    {
      config: { access: 'users:manage' },
      schema: { tags: ['users'], summary: "Reset an account's password (ends its sessions)", params: zParams, body: zResetPasswordRequest, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await resetPassword(request.ctx, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
