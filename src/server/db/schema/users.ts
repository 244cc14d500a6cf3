import { boolean, check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { instant, recordColumns } from './columns';
import { orgs } from './orgs';

export const users = pgTable(
  'users',
  {
    ...recordColumns(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'county', 'manager', 'worker', 'volunteer'] }).notNull(),
    orgId: uuid('org_id').references(() => orgs.id),
    stationId: uuid('station_id'),
    countyId: uuid('county_id'),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: instant('password_changed_at').notNull(),
    lastLoginAt: instant('last_login_at'),
  },
  (t) => [
    uniqueIndex('users_username_idx').on(t.username),
    index('users_station_idx').on(t.stationId, t.username),
    check('users_role_check', sql`${t.role} in ('admin', 'county', 'manager', 'worker', 'volunteer')`),
  ],
);

/** Server-side sessions, so that several app processes share them. Only the token's hash is kept. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_idx').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/**
 * Every sign-in attempt, by username and by client address. Lockout and the per-address rate
 * limit are counted from here, so they hold across app processes, and they apply to unknown
 * usernames exactly as to known ones (nothing reveals which usernames exist).
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey(),
    at: instant('at').notNull(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    outcome: text('outcome', { enum: ['ok', 'failed', 'locked', 'rate_limited'] }).notNull(),
  },
  (t) => [index('login_attempts_username_idx').on(t.username, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);
