import type { Label } from './i18n';

/**
 * Roles and the named permissions they hold. Least privilege: only `manager` and `admin` hold
 * `pii:reveal`; `county` reads aggregates and lists without identity numbers; a volunteer sees
 * only the people paired with them.
 */
export const ROLES = ['admin', 'county', 'manager', 'worker', 'volunteer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'orgs:read',
  'orgs:write',
  'users:read',
  'users:manage',
  'audit:read',
  'people:read',
  'people:write',
  'people:import',
  'people:export',
  'pii:reveal',
  'danger:acknowledge',
  'services:read',
  'services:write',
  'cases:read',
  'cases:write',
  'cases:approve',
  'care:read',
  'care:write',
  'care:manage',
  'surveys:read',
  'surveys:write',
  'surveys:respond',
  'surveys:responses',
  'surveys:analyse',
  'needs:read',
  'needs:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  // Civil affairs reads surveys and their aggregate results and rankings, never single responses.
  county: ['orgs:read', 'surveys:read', 'surveys:analyse'],
  manager: [
    'orgs:read',
    'orgs:write',
    'users:read',
    'audit:read',
    'people:read',
    'people:write',
    'people:import',
    'people:export',
    'pii:reveal',
    'danger:acknowledge',
    'services:read',
    'services:write',
    'cases:read',
    'cases:write',
    'cases:approve',
    'care:read',
    'care:write',
    'care:manage',
    'surveys:read',
    'surveys:write',
    'surveys:respond',
    'surveys:responses',
    'surveys:analyse',
    'needs:read',
    'needs:write',
  ],
  worker: ['orgs:read', 'people:read', 'people:write', 'people:import', 'people:export', 'services:read', 'services:write', 'cases:read', 'cases:write', 'care:read', 'care:write',
    'surveys:read', 'surveys:write', 'surveys:respond', 'surveys:responses', 'surveys:analyse', 'needs:read', 'needs:write'],
  // A volunteer records the services they give to the people paired with them; case documents are never theirs to see.
  // Volunteers see and complete only the care tasks assigned to them.
  // Volunteers help fill in questionnaires (mostly anonymous community ones) but do not read others' responses.
  volunteer: ['orgs:read', 'people:read', 'services:read', 'services:write', 'care:read', 'care:write', 'surveys:read', 'surveys:respond'],
};

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}

/** Which org level a role's scope is anchored to; `null` means the whole installation. */
export const ROLE_SCOPE_LEVEL: Record<Role, 'station' | 'county' | null> = {
  admin: null,
  county: 'county',
  manager: 'station',
  worker: 'station',
  volunteer: 'station',
};

export const ROLE_LABELS: Record<Role, Label> = {
  admin: { 'zh-CN': '管理员', 'en-US': 'Administrator' },
  county: { 'zh-CN': '民政局', 'en-US': 'Civil affairs' },
  manager: { 'zh-CN': '站长', 'en-US': 'Station manager' },
  worker: { 'zh-CN': '社工', 'en-US': 'Social worker' },
  volunteer: { 'zh-CN': '志愿者', 'en-US': 'Volunteer' },
};
