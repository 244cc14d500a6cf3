import crypto from 'node:crypto';
import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, AppDeps, Ctx } from '../context';
import { actorOf, inTransaction } from '../context';
import { loginAttempts, orgs, sessions, users } from '../db/schema/index';
import { AppError, fieldError } from '../errors';
import { recordAudit } from '../audit/audit';
import { hmacHex, safeEqual, sha256Hex } from '../secrets';
import { checkPassword, hashPassword } from './passwords';
import { permissionsOf, ROLE_SCOPE_LEVEL } from '../../shared/roles';
import type { SessionReply } from '../../shared/schemas/auth';

const MINUTE = 60_000;

export function csrfTokenFor(deps: AppDeps, sessionToken: string): string {
  return hmacHex(deps.keys.csrf, sessionToken);
}

export function checkCsrf(deps: AppDeps, sessionToken: string, header: string | undefined): boolean {
  return typeof header === 'string' && safeEqual(header, csrfTokenFor(deps, sessionToken));
}

export function toSessionReply(deps: AppDeps, actor: Actor, token: string): SessionReply {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      stationId: actor.stationId,
      scope: { level: actor.scopeLevel, orgId: actor.orgId, orgName: actor.orgName },
      permissions: [...actor.permissions],
    },
    csrfToken: csrfTokenFor(deps, token),
  };
}

type UserRow = typeof users.$inferSelect;

/** Builds the caller from a user row: role → permissions, org → the stations in scope. */
async function actorFor(ctx: Pick<Ctx, 'db'>, user: UserRow, orgName: string | null, sessionId: string): Promise<Actor> {
  const level = ROLE_SCOPE_LEVEL[user.role];
  let stationIds: Actor['stationIds'] = [];
  if (level === null) stationIds = 'all';
  else if (level === 'station') stationIds = user.stationId ? [user.stationId] : [];
  else if (user.countyId) {
    const rows = await ctx.db
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.countyId, user.countyId), eq(orgs.level, 'station')));
    stationIds = rows.map((row) => row.id);
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgId: user.orgId,
    orgName,
    stationId: user.stationId,
    countyId: user.countyId,
    scopeLevel: level ?? 'all',
    stationIds,
    permissions: new Set(permissionsOf(user.role)),
    sessionId,
  };
}

async function orgNameOf(ctx: Pick<Ctx, 'db'>, orgId: string | null): Promise<string | null> {
  if (!orgId) return null;
  const [org] = await ctx.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  return org?.name ?? null;
}

/**
 * The caller behind a session token, or null when the token is unknown, expired (absolute or
 * idle timeout) or its user disabled. Touches the session at most once a minute.
 */
export async function authenticate(ctx: Pick<Ctx, 'db' | 'deps' | 'now'>, token: string): Promise<Actor | null> {
  const { config } = ctx.deps;
  const [row] = await ctx.db
    .select({ session: { id: sessions.id, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt }, user: users, orgName: orgs.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(sessions.tokenHash, sha256Hex(token)));
  if (!row) return null;
  const now = ctx.now.getTime();
  const idleLimit = row.session.lastSeenAt.getTime() + config.sessionIdleMinutes * MINUTE;
  if (row.user.disabled || now >= row.session.expiresAt.getTime() || now >= idleLimit) {
    await ctx.db.delete(sessions).where(eq(sessions.id, row.session.id));
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > MINUTE) {
    await ctx.db.update(sessions).set({ lastSeenAt: ctx.now }).where(eq(sessions.id, row.session.id));
  }
  return actorFor(ctx, row.user, row.orgName, row.session.id);
}

async function createSession(ctx: Ctx, user: UserRow): Promise<{ token: string; actor: Actor }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const id = uuidv7();
  await ctx.db.insert(sessions).values({
    id,
    tokenHash: sha256Hex(token),
    userId: user.id,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + ctx.deps.config.sessionAbsoluteHours * 60 * MINUTE),
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 300) ?? null,
  });
  return { token, actor: await actorFor(ctx, user, await orgNameOf(ctx, user.orgId), id) };
}

/** Seconds until the per-address limit lets this client try again, or 0 when it may try now. */
async function rateLimitWait(ctx: Ctx): Promise<number> {
  const { loginRatePerMinute } = ctx.deps.config;
  const windowStart = new Date(ctx.now.getTime() - MINUTE);
  const recent = await ctx.db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ctx.ip), gt(loginAttempts.at, windowStart)))
    .orderBy(desc(loginAttempts.at))
    .limit(loginRatePerMinute);
  if (recent.length < loginRatePerMinute) return 0;
  const oldest = recent.at(-1)!.at.getTime();
  return Math.max(1, Math.ceil((oldest + MINUTE - ctx.now.getTime()) / 1000));
}

/** Whether a username has failed too often lately: counts failures since its last success in the lock window. */
async function isLocked(ctx: Ctx, username: string): Promise<boolean> {
  const { loginMaxFailures, loginLockMinutes } = ctx.deps.config;
  const recent = await ctx.db
    .select({ outcome: loginAttempts.outcome })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, username),
        gt(loginAttempts.at, new Date(ctx.now.getTime() - loginLockMinutes * MINUTE)),
        inArray(loginAttempts.outcome, ['ok', 'failed']),
      ),
    )
    .orderBy(desc(loginAttempts.at))
    .limit(loginMaxFailures);
  let failures = 0;
  for (const attempt of recent) {
    if (attempt.outcome === 'ok') break;
    failures++;
  }
  return failures >= loginMaxFailures;
}

async function noteAttempt(ctx: Ctx, username: string, outcome: 'ok' | 'failed' | 'locked'): Promise<void> {
  await ctx.db.insert(loginAttempts).values({ id: uuidv7(), at: ctx.now, username, ip: ctx.ip, outcome });
}

/**
 * Signs a user in. Wrong password, unknown user, disabled user and locked account all spend one
 * argon2 verification, so timing does not tell them apart; the first three give the same answer.
 */
export async function login(ctx: Ctx, input: { username: string; password: string }): Promise<{ token: string; reply: SessionReply }> {
  const username = input.username.trim().toLowerCase().slice(0, 100);
  const wait = await rateLimitWait(ctx);
  if (wait > 0) throw new AppError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });

  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  const locked = await isLocked(ctx, username);
  const passwordOk = await checkPassword(user?.passwordHash ?? null, input.password);
  const who = { id: user?.id ?? null, username, role: user?.role ?? null };

  if (locked || !user || user.disabled || !passwordOk) {
    const outcome = locked ? 'locked' : 'failed';
    await inTransaction(ctx, async (tx) => {
      await noteAttempt(tx, username, outcome);
      await recordAudit(tx, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user?.id ?? null,
        stationId: user?.stationId ?? null,
        outcome: locked ? 'denied' : 'failed',
        details: { reason: locked ? 'locked' : user?.disabled ? 'disabled' : 'invalid_credentials' },
        actorOverride: who,
      });
    });
    // The failure that reaches the limit already answers "locked", so the user learns at once.
    if (locked || (await isLocked(ctx, username))) throw new AppError('ACCOUNT_LOCKED');
    throw new AppError('INVALID_CREDENTIALS');
  }

  return inTransaction(ctx, async (tx) => {
    await noteAttempt(tx, username, 'ok');
    // Tidy as we go: this user's dead sessions, and attempts too old to matter.
    await tx.db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, ctx.now)));
    await tx.db.execute(
      sql`delete from login_attempts where id in (select id from login_attempts where at < ${new Date(ctx.now.getTime() - 24 * 60 * MINUTE)} limit 200)`,
    );
    await tx.db.update(users).set({ lastLoginAt: ctx.now }).where(eq(users.id, user.id));
    const { token, actor } = await createSession(tx, user);
    await recordAudit({ ...tx, actor }, { action: 'auth.login', entityType: 'user', entityId: user.id, stationId: user.stationId });
    return { token, reply: toSessionReply(ctx.deps, actor, token) };
  });
}

export async function logout(ctx: Ctx): Promise<void> {
  const actor = actorOf(ctx);
  await inTransaction(ctx, async (tx) => {
    await tx.db.delete(sessions).where(eq(sessions.id, actor.sessionId));
    await recordAudit(tx, { action: 'auth.logout', entityType: 'user', entityId: actor.userId, stationId: actor.stationId });
  });
}

/** Ends every session of a user (password change or reset, disabling). */
export async function endSessionsOf(ctx: Ctx, userId: string): Promise<void> {
  await ctx.db.delete(sessions).where(eq(sessions.userId, userId));
}

/** A user changes their own password: every session ends and this one is replaced by a new one. */
export async function changeOwnPassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; reply: SessionReply }> {
  const actor = actorOf(ctx);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await checkPassword(user.passwordHash, input.currentPassword))) throw fieldError('currentPassword', 'password.wrong');
  if (input.newPassword === input.currentPassword) throw fieldError('newPassword', 'password.unchanged');
  if (input.newPassword.toLowerCase() === user.username) throw fieldError('newPassword', 'password.sameAsUsername');
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(users)
      .set({ passwordHash, passwordChangedAt: ctx.now, updatedAt: ctx.now, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id))
      .returning();
    await endSessionsOf(tx, user.id);
    const { token, actor: renewed } = await createSession(tx, updated!);
    await recordAudit(tx, { action: 'auth.password_change', entityType: 'user', entityId: user.id, stationId: user.stationId });
    return { token, reply: toSessionReply(ctx.deps, renewed, token) };
  });
}
