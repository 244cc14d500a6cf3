import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { zErrorBody } from '../../shared/schemas/common';
import { zChangePasswordRequest, zLoginRequest, zSessionReply } from '../../shared/schemas/auth';
import { changeOwnPassword, login, logout, toSessionReply } from './auth.service';
import { SESSION_COOKIE } from './guard';
import { actorOf } from '../context';

const errors = { 400: zErrorBody, 401: zErrorBody, 403: zErrorBody, 423: zErrorBody, 429: zErrorBody };

export const authRoutes: FastifyPluginAsyncZod<{ cookieSecure: boolean }> = async (app, options) => {
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: options.cookieSecure });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in',
        description: 'Wrong password → 401 INVALID_CREDENTIALS; 5 failures in 15 minutes lock the account for 15 minutes (423); 30 attempts a minute per address (429).',
        body: zLoginRequest,
        response: { 200: zSessionReply, ...errors },
      },
    },
    async (request, reply) => {
      const { token, reply: body } = await login(request.ctx, request.body);
      setSessionCookie(reply, token);
      return body;
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: zSessionReply, ...errors } } },
    async (request) => toSessionReply(request.ctx.deps, actorOf(request.ctx), request.sessionToken!),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        description: 'Ends every session of the user and starts a new one for this browser.',
        body: zChangePasswordRequest,
        response: { 200: zSessionReply, ...errors },
      },
    },
    async (request, reply) => {
      const { token, reply: body } = await changeOwnPassword(request.ctx, request.body);
      setSessionCookie(reply, token);
      return body;
    },
  );
};
