import { z } from 'zod';
import { zDate, zId, zPageQuery } from './common';

export const AUDIT_OUTCOMES = ['ok', 'failed', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const zAuditEvent = z.object({
  id: zId,
  at: z.string().describe('ISO instant'),
  chain: z.string().describe('The hash chain: a station id, or "system"'),
  seq: z.number().int(),
  actorId: zId.nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string().describe('e.g. auth.login, person.read, user.create'),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  stationId: zId.nullable(),
  ip: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  details: z.unknown(),
});

export const zListAuditQuery = z.strictObject({
  action: z.string().trim().max(60).optional().describe('Action, or its prefix such as "auth."'),
  actorId: zId.optional(),
  stationId: zId.optional(),
  entityId: z.string().max(60).optional(),
  from: zDate.optional().describe('First day, inclusive (Asia/Shanghai)'),
  to: zDate.optional().describe('Last day, inclusive (Asia/Shanghai)'),
  ...zPageQuery,
});
