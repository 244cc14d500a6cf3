import { count } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { AppDeps, Ctx } from '../context';
import { inTransaction } from '../context';
import { orgs, users } from '../db/schema/index';
import { hashPassword } from '../auth/passwords';
import { recordAudit } from '../audit/audit';
import type { Role } from '../../shared/roles';

/**
 * The demo township. Everything here is synthetic: the county and the two towns exist, the
 * village names, people and records are invented for demonstration and match no real person.
 */
export const DEMO_COUNTY = { name: '天祝藏族自治县', code: '620623' } as const;

export const DEMO_STATIONS = [
  {
    key: 'anyuan',
    name: '安远镇社工站',
    code: '620623101000',
    villages: ['黄羊川村', '青石村', '柏树湾村', '南岔村', '红崖村', '上庄村', '松山村', '马场村'],
  },
  {
    key: 'dachaigou',
    name: '打柴沟镇社工站',
    code: '620623102000',
    villages: ['金沙村', '石门村', '雪岭村', '红沟村', '柳湾村', '大湾村', '沙沟村'],
  },
] as const;

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; station: 'anyuan' | 'dachaigou' | 'county' | null }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', station: null },
  { username: 'county', displayName: '县民政局 李科长', role: 'county', station: 'county' },
  { username: 'anyuan.manager', displayName: '马站长', role: 'manager', station: 'anyuan' },
  { username: 'anyuan.worker', displayName: '社工 王芳', role: 'worker', station: 'anyuan' },
  { username: 'anyuan.volunteer', displayName: '志愿者 才让卓玛', role: 'volunteer', station: 'anyuan' },
  { username: 'dachaigou.worker', displayName: '社工 张明', role: 'worker', station: 'dachaigou' },
];

export interface DemoTownship {
  countyId: string;
  stations: Record<'anyuan' | 'dachaigou', { id: string; villageIds: string[] }>;
  userIds: Record<string, string>;
}

export async function hasAnyOrg(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(orgs);
  return (row?.n ?? 0) > 0;
}

/** Loads the demo township in one transaction: all of it, or nothing. */
export async function loadDemoTownship(ctx: Ctx, password: string): Promise<DemoTownship> {
  const passwordHash = await hashPassword(password);
  const now = ctx.now;
  const stamp = { createdAt: now, updatedAt: now, version: 1 };
  const countyId = uuidv7();
  const result: DemoTownship = {
    countyId,
    stations: { anyuan: { id: '', villageIds: [] }, dachaigou: { id: '', villageIds: [] } },
    userIds: {},
  };
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(orgs).values({ id: countyId, ...stamp, parentId: null, level: 'county', name: DEMO_COUNTY.name, code: DEMO_COUNTY.code, countyId, stationId: null });
    for (const station of DEMO_STATIONS) {
      const stationId = uuidv7();
      result.stations[station.key].id = stationId;
      await tx.db.insert(orgs).values({ id: stationId, ...stamp, parentId: countyId, level: 'station', name: station.name, code: station.code, countyId, stationId });
      const villages = station.villages.map((name, index) => ({
        id: uuidv7(),
        ...stamp,
        parentId: stationId,
        level: 'village' as const,
        name,
        code: `${station.code.slice(0, 9)}${String(200 + index + 1).padStart(3, '0')}`,
        countyId,
        stationId,
      }));
      await tx.db.insert(orgs).values(villages);
      result.stations[station.key].villageIds = villages.map((v) => v.id);
    }
    for (const account of DEMO_ACCOUNTS) {
      const id = uuidv7();
      result.userIds[account.username] = id;
      const stationId = account.station && account.station !== 'county' ? result.stations[account.station].id : null;
      const orgId = account.station === 'county' ? countyId : stationId;
      await tx.db.insert(users).values({
        id,
        ...stamp,
        username: account.username,
        displayName: account.displayName,
        passwordHash,
        role: account.role,
        orgId,
        stationId,
        countyId: account.station ? countyId : null,
        disabled: false,
        passwordChangedAt: now,
        lastLoginAt: null,
      });
    }
    await recordAudit(tx, {
      action: 'demo.load',
      details: { note: 'synthetic demo township', stations: DEMO_STATIONS.length, accounts: DEMO_ACCOUNTS.length },
      actorOverride: { id: null, username: 'system', role: null },
    });
  });
  return result;
}
