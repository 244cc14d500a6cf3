import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const needsRoutes: FastifyPluginAsyncZod = async () => {};
