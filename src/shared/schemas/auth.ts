import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../roles';
import { zId } from './common';

export const MIN_PASSWORD_LENGTH = 10;

export const zPassword = z.string().min(MIN_PASSWORD_LENGTH, 'password.tooShort').max(200).describe('At least 10 characters');

export const zScope = z.object({
  level: z.enum(['all', 'county', 'station']).describe('How far the user sees: everything, a county, or one station'),
  orgId: zId.nullable(),
  orgName: z.string().nullable(),
});

export const zSessionUser = z.object({
  id: zId,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  stationId: zId.nullable().describe('The station of a station user, else null'),
  scope: zScope,
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type SessionUser = z.infer<typeof zSessionUser>;

export const zLoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const zSessionReply = z.object({
  user: zSessionUser,
  csrfToken: z.string().describe('Send it as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE'),
});
export type SessionReply = z.infer<typeof zSessionReply>;

export const zChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: zPassword,
});
