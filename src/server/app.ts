import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from './context';
import { AppError, installErrorHandling, RequestValidationError } from './errors';
import { installGuard } from './auth/guard';
import { authRoutes } from './auth/auth.routes';
import { auditRoutes } from './audit/audit.routes';
import { orgsRoutes } from './modules/orgs/orgs.routes';
import { usersRoutes } from './modules/users/users.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { peopleImportRoutes } from './modules/people/import/people-import.routes';
import { servicesRoutes } from './modules/services/services.routes';
import { casesRoutes } from './modules/cases/cases.routes';
import { careRoutes } from './modules/care/care.routes';
import { surveysRoutes } from './modules/surveys/surveys.routes';
import { needsRoutes } from './modules/needs/needs.routes';

export interface BuildOptions {
  logger?: boolean | { level: string };
}

/** Builds the whole HTTP application on the given dependencies; tests build it through here. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    // Request bodies are validated by zod; unknown fields are refused there, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(({ schema, httpPart }) => (data) => {
    // reportInput lets messages say what was received; the input itself never reaches the reply.
    const result = (schema as z.ZodType).safeParse(data, { reportInput: true });
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  });
  app.setSerializerCompiler(serializerCompiler);
  const webDir = deps.webDir && fs.existsSync(path.join(deps.webDir, 'index.html')) ? deps.webDir : undefined;
  installErrorHandling(app, { spaFallback: Boolean(webDir) });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Without HTTPS configured the browser would refuse plain-HTTP assets of a local install.
    strictTransportSecurity: deps.config.cookieSecure,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Uploads (Excel ledgers, photos): one file a request, size-checked; routes check the type.
  await app.register(multipart, { limits: { files: 1, fileSize: deps.config.uploadLimitBytes, fields: 10, fieldSize: 64 * 1024 } });
  await app.register(rateLimit, {
    max: deps.config.apiRatePerMinute,
    timeWindow: 60_000,
    allowList: (request) => !request.url.startsWith('/api'),
    errorResponseBuilder: (_request, context) => new AppError('RATE_LIMITED', { headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) } }),
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'LastMeter API (最后一米)',
        description: 'The HTTP API of a township social work station platform. Errors: { error: { code, message, details } }; messages follow Accept-Language (zh-CN, en-US).',
        version: deps.version,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lm_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  installGuard(app, deps);

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and database mode',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, database: deps.databaseKind, version: deps.version }),
  );
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes, { cookieSecure: deps.config.cookieSecure });
  await app.register(orgsRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(peopleRoutes);
  await app.register(peopleImportRoutes);
  await app.register(servicesRoutes);
  await app.register(casesRoutes);
  await app.register(careRoutes);
  await app.register(surveysRoutes);
  await app.register(needsRoutes);

  if (webDir) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });

  return app;
}
