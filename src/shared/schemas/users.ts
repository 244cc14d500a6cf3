import { z } from 'zod';
import { ROLES } from '../roles';
import { zId, zPageQuery, zVersion } from './common';
import { zPassword } from './auth';

export const zUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'username.shape')
  .describe('3–40 lower-case letters, digits, dots, hyphens or underscores');

export const zUserRow = z.object({
  id: zId,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgId: zId.nullable(),
  orgName: z.string().nullable(),
  stationId: zId.nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserRow = z.infer<typeof zUserRow>;

export const zListUsersQuery = z.strictObject({
  q: z.string().trim().max(50).optional().describe('Part of a username or display name'),
  ...zPageQuery,
});

export const zCreateUserRequest = z.strictObject({
  username: zUsername,
  displayName: z.string().trim().min(1, 'name.blank').max(50),
  role: z.enum(ROLES),
  orgId: zId.nullable().describe('Station for manager/worker/volunteer, county for county, null for admin'),
  password: zPassword,
});

export const zUpdateUserRequest = z.strictObject({
  version: zVersion,
  displayName: z.string().trim().min(1, 'name.blank').max(50).optional(),
  role: z.enum(ROLES).optional(),
  disabled: z.boolean().optional(),
});

export const zResetPasswordRequest = z.strictObject({ password: zPassword });
