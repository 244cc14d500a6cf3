import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { orgs, users } from '../../db/schema/index';
import { AppError, fieldError, isUniqueViolation, notFound } from '../../errors';
import { stationScope } from '../../auth/scope';
import { recordAudit } from '../../audit/audit';
import { endSessionsOf } from '../../auth/auth.service';
import { hashPassword } from '../../auth/passwords';
import { decodeCursor, encodeCursor } from '../../pagination';
import { ROLE_SCOPE_LEVEL, type Role } from '../../../shared/roles';
import type { UserRow, zCreateUserRequest, zListUsersQuery, zUpdateUserRequest } from '../../../shared/schemas/users';

type UserRecord = typeof users.$inferSelect;

const userColumns = { user: users, orgName: orgs.name };

function toUserRow(row: { user: UserRecord; orgName: string | null }): UserRow {
  const { user } = row;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgId: user.orgId,
    orgName: row.orgName,
    stationId: user.stationId,
    disabled: user.disabled,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Accounts in the caller's scope: administrators see all, managers their station's. */
export async function findUsers(ctx: Ctx, query: z.infer<typeof zListUsersQuery>): Promise<{ items: UserRow[]; nextCursor: string | null }> {
  const conditions: SQL[] = [stationScope(ctx, users.stationId)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  if (query.cursor) conditions.push(gt(users.username, decodeCursor(query.cursor, 1)[0]));
  const rows = await ctx.db
    .select(userColumns)
    .from(users)
    .leftJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(...conditions))
    .orderBy(asc(users.username))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toUserRow), nextCursor: rows.length > query.limit && last ? encodeCursor([last.user.username]) : null };
}

async function findUserRecord(ctx: Ctx, id: string): Promise<{ user: UserRecord; orgName: string | null }> {
  const [row] = await ctx.db
    .select(userColumns)
    .from(users)
    .leftJoin(orgs, eq(orgs.id, users.orgId))
    .where(and(eq(users.id, id), stationScope(ctx, users.stationId)));
  if (!row) throw notFound();
  return row;
}

export async function getUser(ctx: Ctx, id: string): Promise<UserRow> {
  return toUserRow(await findUserRecord(ctx, id));
}

/** Where an account of this role sits: managers, workers and volunteers in a station, county users in a county, admins nowhere. */
async function placementFor(ctx: Ctx, role: Role, orgId: string | null) {
  const level = ROLE_SCOPE_LEVEL[role];
  if (level === null) {
    if (orgId) throw fieldError('orgId', 'user.orgMismatch');
    return { orgId: null, stationId: null, countyId: null, orgName: null };
  }
  if (!orgId) throw fieldError('orgId', 'user.orgMismatch');
  const [org] = await ctx.db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound();
  if (org.level !== level) throw fieldError('orgId', 'user.orgMismatch');
  return { orgId: org.id, stationId: level === 'station' ? org.id : null, countyId: org.countyId, orgName: org.name };
}

export async function createUser(ctx: Ctx, input: z.infer<typeof zCreateUserRequest>): Promise<UserRow> {
  const placement = await placementFor(ctx, input.role, input.orgId);
  const [taken] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (taken) throw new AppError('DUPLICATE', { details: { field: 'username' } });
  if (input.password.toLowerCase() === input.username) throw fieldError('password', 'password.sameAsUsername');
  const record: UserRecord = {
    id: uuidv7(),
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    orgId: placement.orgId,
    stationId: placement.stationId,
    countyId: placement.countyId,
    disabled: false,
    passwordChangedAt: ctx.now,
    lastLoginAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  try {
    await inTransaction(ctx, async (tx) => {
      await tx.db.insert(users).values(record);
      await recordAudit(tx, {
        action: 'user.create',
        entityType: 'user',
        entityId: record.id,
        stationId: record.stationId,
        details: { username: record.username, role: record.role },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { details: { field: 'username' } });
    throw error;
  }
  return toUserRow({ user: record, orgName: placement.orgName });
}

export async function updateUser(ctx: Ctx, id: string, input: z.infer<typeof zUpdateUserRequest>): Promise<UserRow> {
  const { user: current, orgName } = await findUserRecord(ctx, id);
  if (input.disabled === true && id === actorOf(ctx).userId) throw fieldError('disabled', 'user.cannotDisableSelf');
  if (input.role && input.role !== current.role) {
    const level = ROLE_SCOPE_LEVEL[input.role];
    const currentLevel = ROLE_SCOPE_LEVEL[current.role];
    if (level !== currentLevel) throw fieldError('role', 'user.orgMismatch');
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ['displayName', 'role', 'disabled'] as const) {
    if (input[key] !== undefined && input[key] !== current[key]) changes[key] = { from: current[key], to: input[key] };
  }
  return inTransaction(ctx, async (tx) => {
    const [updated] = await tx.db
      .update(users)
      .set({
        ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
        ...(input.role === undefined ? {} : { role: input.role }),
        ...(input.disabled === undefined ? {} : { disabled: input.disabled }),
        updatedAt: ctx.now,
        version: sql`${users.version} + 1`,
      })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!updated) {
      const latest = await findUserRecord(tx, id);
      throw new AppError('VERSION_CONFLICT', { details: { current: toUserRow(latest) } });
    }
    // A disabled account, or one whose role changed, must sign in again.
    if (changes.disabled || changes.role) await endSessionsOf(tx, id);
    await recordAudit(tx, { action: 'user.update', entityType: 'user', entityId: id, stationId: updated.stationId, details: { changes } });
    return toUserRow({ user: updated, orgName });
  });
}

export async function resetPassword(ctx: Ctx, id: string, input: { password: string }): Promise<void> {
  const { user } = await findUserRecord(ctx, id);
  if (input.password.toLowerCase() === user.username) throw fieldError('password', 'password.sameAsUsername');
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(users)
      .set({ passwordHash, passwordChangedAt: ctx.now, updatedAt: ctx.now, version: sql`${users.version} + 1` })
      .where(eq(users.id, id));
    await endSessionsOf(tx, id);
    await recordAudit(tx, { action: 'user.password_reset', entityType: 'user', entityId: id, stationId: user.stationId });
  });
}

export interface StaffRef {
  id: string;
  name: string;
  role: 'manager' | 'worker' | 'volunteer';
}

/** The active workers (and managers) and volunteers of a station: who can serve, take a case, be named on a record. */
export async function stationStaff(ctx: Ctx, stationId: string): Promise<{ workers: StaffRef[]; volunteers: StaffRef[] }> {
  const rows = await ctx.db
    .select({ id: users.id, name: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.stationId, stationId), eq(users.disabled, false), inArray(users.role, ['manager', 'worker', 'volunteer'])))
    .orderBy(asc(users.displayName));
  return {
    workers: rows.filter((r) => r.role !== 'volunteer').map(({ id, name, role }) => ({ id, name, role: role as StaffRef['role'] })),
    volunteers: rows.filter((r) => r.role === 'volunteer').map(({ id, name }) => ({ id, name, role: 'volunteer' as const })),
  };
}

/** Display names of accounts, for replies that name who did something (any station: names only). */
export async function userNames(ctx: Ctx, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
