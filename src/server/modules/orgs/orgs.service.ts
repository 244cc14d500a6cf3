import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, inTransaction, type Ctx } from '../../context';
import { orgs } from '../../db/schema/index';
import { AppError, fieldError, isUniqueViolation, notFound } from '../../errors';
import { stationScope } from '../../auth/scope';
import { requirePermission } from '../../auth/guard';
import { recordAudit } from '../../audit/audit';
import type { OrgNode } from '../../../shared/schemas/orgs';

type OrgRow = typeof orgs.$inferSelect;

/**
 * Orgs a caller sees: stations and villages through the common station scope, plus the county
 * row itself for county users (a county row belongs to no station).
 */
function orgScope(ctx: Ctx): SQL {
  const actor = actorOf(ctx);
  const byStation = stationScope(ctx, orgs.stationId);
  if (actor.scopeLevel === 'county' && actor.countyId) return or(byStation, eq(orgs.id, actor.countyId))!;
  return byStation;
}

export function toOrgNode(row: OrgRow): OrgNode {
  return { id: row.id, name: row.name, level: row.level, parentId: row.parentId, code: row.code, version: row.version, children: [] };
}

const LEVEL_ORDER = { county: 0, station: 1, village: 2 } as const;

/** The org tree in the caller's scope: its roots are the nodes whose parent the caller cannot see. */
export async function getOrgTree(ctx: Ctx): Promise<OrgNode[]> {
  const rows = await ctx.db.select().from(orgs).where(orgScope(ctx)).orderBy(asc(orgs.name));
  const nodes = new Map(rows.map((row) => [row.id, toOrgNode(row)]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const byName = (a: OrgNode, b: OrgNode) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, 'zh-CN');
  const sortDeep = (list: OrgNode[]) => {
    list.sort(byName);
    for (const node of list) sortDeep(node.children);
  };
  sortDeep(roots);
  return roots;
}

async function findOrgRow(ctx: Ctx, id: string): Promise<OrgRow> {
  const [row] = await ctx.db.select().from(orgs).where(and(eq(orgs.id, id), orgScope(ctx)));
  if (!row) throw notFound();
  return row;
}

export async function getOrg(ctx: Ctx, id: string): Promise<OrgNode> {
  return toOrgNode(await findOrgRow(ctx, id));
}

/** Org ids of a level within the caller's scope; other modules check a villageId through this. */
export async function requireVillage(ctx: Ctx, villageId: string): Promise<OrgRow> {
  const row = await findOrgRow(ctx, villageId);
  if (row.level !== 'village') throw notFound();
  return row;
}

export async function createVillage(ctx: Ctx, input: { parentId: string; name: string; code?: string | undefined }): Promise<OrgNode> {
  const station = await findOrgRow(ctx, input.parentId);
  if (station.level !== 'station') throw fieldError('parentId', 'org.parentNotStation');
  const row: OrgRow = {
    id: uuidv7(),
    parentId: station.id,
    level: 'village',
    name: input.name,
    code: input.code ?? null,
    countyId: station.countyId,
    stationId: station.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
  try {
    await inTransaction(ctx, async (tx) => {
      await tx.db.insert(orgs).values(row);
      await recordAudit(tx, { action: 'org.create', entityType: 'org', entityId: row.id, stationId: station.id, details: { name: row.name } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { details: { field: 'name' } });
    throw error;
  }
  return toOrgNode(row);
}

/** Renames an org. Managers rename their villages; stations and counties are renamed by administrators. */
export async function renameOrg(ctx: Ctx, id: string, input: { version: number; name: string }): Promise<OrgNode> {
  const current = await findOrgRow(ctx, id);
  if (current.level !== 'village' && actorOf(ctx).role !== 'admin') throw new AppError('FORBIDDEN');
  requirePermission(ctx, 'orgs:write');
  try {
    return await inTransaction(ctx, async (tx) => {
      const [updated] = await tx.db
        .update(orgs)
        .set({ name: input.name, updatedAt: ctx.now, version: sql`${orgs.version} + 1` })
        .where(and(eq(orgs.id, id), eq(orgs.version, input.version)))
        .returning();
      if (!updated) {
        const [latest] = await tx.db.select().from(orgs).where(eq(orgs.id, id));
        throw new AppError('VERSION_CONFLICT', { details: { current: latest ? toOrgNode(latest) : null } });
      }
      await recordAudit(tx, {
        action: 'org.update',
        entityType: 'org',
        entityId: id,
        stationId: updated.stationId,
        details: { name: { from: current.name, to: updated.name } },
      });
      return toOrgNode(updated);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { details: { field: 'name' } });
    throw error;
  }
}

export interface VillageInfo {
  id: string;
  name: string;
  stationId: string;
  code: string | null;
}

/** The villages in the caller's scope, by id; other modules resolve and check villageIds through this. */
export async function villagesInScope(ctx: Ctx): Promise<Map<string, VillageInfo>> {
  const rows = await ctx.db
    .select({ id: orgs.id, name: orgs.name, stationId: orgs.stationId, code: orgs.code })
    .from(orgs)
    .where(and(eq(orgs.level, 'village'), stationScope(ctx, orgs.stationId)));
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, stationId: row.stationId!, code: row.code }]));
}

/** The villages of one station in name order (no caller scope: for jobs; callers check the station first). */
export async function villagesOfStation(ctx: Ctx, stationId: string): Promise<VillageInfo[]> {
  const rows = await ctx.db
    .select({ id: orgs.id, name: orgs.name, stationId: orgs.stationId, code: orgs.code })
    .from(orgs)
    .where(and(eq(orgs.level, 'village'), eq(orgs.stationId, stationId)))
    .orderBy(asc(orgs.name));
  return rows.map((row) => ({ id: row.id, name: row.name, stationId: row.stationId!, code: row.code }));
}

/** Every station (for jobs that visit each in turn). */
export async function allStations(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return ctx.db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.level, 'station')).orderBy(asc(orgs.name));
}
