/**
 * The API shapes the client reads. They come from the shared zod schemas (type-only imports,
 * so zod itself stays out of the browser bundle).
 */
import type { z } from 'zod';
import type { zAuditEvent } from '../../shared/schemas/audit';

export type { SessionUser, SessionReply } from '../../shared/schemas/auth';
export type { UserRow } from '../../shared/schemas/users';
export type { OrgNode, OrgLevel } from '../../shared/schemas/orgs';
export type { Role, Permission } from '../../shared/roles';
export type AuditEvent = z.infer<typeof zAuditEvent>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One bad field of a 400 VALIDATION_FAILED reply. */
export interface FieldIssue {
  path: string | Array<string | number>;
  message: string;
}
