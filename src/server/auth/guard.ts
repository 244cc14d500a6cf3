import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps, Ctx } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/audit';
import { authenticate, checkCsrf } from './auth.service';
import { pickLang } from '../../shared/i18n';
import { PERMISSIONS, type Permission } from '../../shared/roles';

export const SESSION_COOKIE = 'lm_session';

/** Who may call a route: anyone, any signed-in user, or holders of one named permission. */
export type Access = 'public' | 'signed-in' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    ctx: Ctx;
    sessionToken: string | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isPermission(access: Access): access is Permission {
  return (PERMISSIONS as readonly string[]).includes(access);
}

/**
 * Guards the whole API. Every /api route must declare `config.access` (the app refuses to start
 * otherwise), so no endpoint can be added without a permission check. Before any body is parsed:
 * the session is loaded, unauthenticated callers get 401, state-changing requests need the CSRF
 * header, and the route's permission is checked (403, audited).
 */
export function installGuard(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.method === 'HEAD') return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no config.access`);
    if (access !== 'public' && access !== 'signed-in' && !isPermission(access)) {
      throw new Error(`route ${String(route.method)} ${route.url} names an unknown permission ${String(access)}`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    request.ctx = {
      db: deps.db,
      actor: null,
      deps,
      now: deps.now(),
      lang: pickLang(request.headers['accept-language']),
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    };
    if (!request.url.startsWith('/api')) return;
    // Replies of the API may carry personal data: never cache them anywhere.
    reply.header('cache-control', 'no-store');

    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;

    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await authenticate(request.ctx, token) : null;
    if (!actor || !token) throw new AppError('UNAUTHENTICATED');
    request.ctx.actor = actor;
    request.sessionToken = token;

    if (STATE_CHANGING.has(request.method) && !checkCsrf(deps, token, request.headers['x-csrf-token'] as string | undefined)) {
      throw new AppError('CSRF');
    }
    if (isPermission(access) && !actor.permissions.has(access)) {
      await recordAudit(request.ctx, {
        action: 'access.denied',
        stationId: actor.stationId,
        outcome: 'denied',
        details: { method: request.method, route: request.routeOptions.url ?? request.url, permission: access },
      });
      throw new AppError('FORBIDDEN');
    }
  });
}

/** Fails unless the caller holds the permission; for rules finer than a route's (e.g. a manager renaming a station). */
export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!ctx.actor?.permissions.has(permission)) throw new AppError('FORBIDDEN');
}
