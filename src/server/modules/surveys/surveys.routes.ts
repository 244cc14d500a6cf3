import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const surveysRoutes: FastifyPluginAsyncZod = async () => {};
