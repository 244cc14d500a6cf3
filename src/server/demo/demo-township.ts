import { count } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { AppDeps, Ctx } from '../context';
import { inTransaction } from '../context';
import { orgs, users } from '../db/schema/index';
import { hashPassword } from '../auth/passwords';
import { recordAudit } from '../audit/audit';
import { PersonPreparer, todayOf } from '../modules/people/people.service';
import type { Role } from '../../shared/roles';
import { ResidentGenerator } from './synthetic-people';
import { insertResidents, systemActor, type LoadedResidents } from './load-residents';
import { loadDemoHistory, type HistoryStationInput, type LoadedHistory } from './demo-history';
import { demoVillageWorkers, loadDemoCare, type CareStaffAccount, type LoadedCare } from './demo-care';
import { loadDemoSurveys, type LoadedSurveys } from './demo-surveys';
import type { SyntheticHousehold } from './synthetic-people';

/**
 * The demo township. Everything here is synthetic: the county and the two towns exist, the
 * village names, people and records are invented for demonstration and match no real person.
 */
export const DEMO_COUNTY = { name: '天祝藏族自治县', code: '620623' } as const;

/** Residents per station that `npm start` loads with the demo township. */
export const DEMO_PEOPLE_PER_STATION = 300;

export const DEMO_STATIONS = [
  {
    key: 'anyuan',
    name: '安远镇社工站',
    town: '安远镇',
    code: '620623101000',
    villages: ['黄羊川村', '青石村', '柏树湾村', '南岔村', '红崖村', '上庄村', '松山村', '马场村'],
  },
  {
    key: 'dachaigou',
    name: '打柴沟镇社工站',
    town: '打柴沟镇',
    code: '620623102000',
    villages: ['金沙村', '石门村', '雪岭村', '红沟村', '柳湾村', '大湾村', '沙沟村'],
  },
] as const;

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  station: 'anyuan' | 'dachaigou' | 'county' | null;
  /**
   * Made only with the year of history (`history: true`): the staff who did that work. Tests
   * without the history keep the small cast they were written against.
   */
  withHistory?: true;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', station: null },
  { username: 'county', displayName: '县民政局 李科长', role: 'county', station: 'county' },
  { username: 'anyuan.manager', displayName: '马站长', role: 'manager', station: 'anyuan' },
  { username: 'anyuan.worker', displayName: '社工 王芳', role: 'worker', station: 'anyuan' },
  { username: 'anyuan.volunteer', displayName: '志愿者 才让卓玛', role: 'volunteer', station: 'anyuan' },
  { username: 'dachaigou.worker', displayName: '社工 张明', role: 'worker', station: 'dachaigou' },
  { username: 'anyuan.zhuoma', displayName: '社工 卓玛', role: 'worker', station: 'anyuan', withHistory: true },
  { username: 'anyuan.yangfan', displayName: '社工 杨帆', role: 'worker', station: 'anyuan', withHistory: true },
  { username: 'dachaigou.manager', displayName: '祁站长', role: 'manager', station: 'dachaigou', withHistory: true },
  { username: 'dachaigou.suonan', displayName: '社工 索南', role: 'worker', station: 'dachaigou', withHistory: true },
  { username: 'dachaigou.chenjing', displayName: '社工 陈静', role: 'worker', station: 'dachaigou', withHistory: true },
  { username: 'dachaigou.volunteer', displayName: '志愿者 马小龙', role: 'volunteer', station: 'dachaigou', withHistory: true },
];

/** The accounts a load makes: the history's staff only with the history. */
export function demoAccounts(history: boolean): DemoAccount[] {
  return DEMO_ACCOUNTS.filter((account) => history || !account.withHistory);
}

export interface DemoTownship {
  countyId: string;
  stations: Record<'anyuan' | 'dachaigou', { id: string; villageIds: string[] }>;
  userIds: Record<string, string>;
  /** What was loaded of residents (all zero without `people`). */
  residents: LoadedResidents;
  /** What was loaded of the year of history (all zero without `history`). */
  history: LoadedHistory;
  /** What was loaded of care: personal plans, tasks, campaigns (all zero without `history`). */
  care: LoadedCare;
  /** What was loaded of needs research: surveys, responses, the needs register (all zero without `history`). */
  surveys: LoadedSurveys;
}

export interface DemoOptions {
  /** Synthetic residents per station, in households (see synthetic-people.ts); 0 by default. */
  people?: number;
  /** Seed of the residents and their history; the same seed gives the same people and year. */
  seed?: number;
  /**
   * A year of service records and a dozen cases at every stage (demo-history.ts), with the
   * extra staff who did the work, and the care side that follows from it: settings, personal
   * plans, tasks, campaigns (demo-care.ts), and the year's needs research: surveys, responses and
   * the needs register (demo-surveys.ts). Off by default: unit tests make the records they need.
   */
  history?: boolean;
}

/** How the township's cases are shared out: about two thirds in Anyuan (the seed report's station). */
const HISTORY_CASES: Record<'anyuan' | 'dachaigou', Pick<HistoryStationInput, 'casesPerStage' | 'overdueReviews' | 'pendingCloseRequests' | 'closureReasons'>> = {
  anyuan: { casesPerStage: 8, overdueReviews: 4, pendingCloseRequests: 1, closureReasons: ['goals_met', 'referred', 'goals_met', 'declined'] },
  dachaigou: { casesPerStage: 4, overdueReviews: 3, pendingCloseRequests: 1, closureReasons: ['goals_met', 'referred'] },
};

export async function hasAnyOrg(deps: Pick<AppDeps, 'db'>): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(orgs);
  return (row?.n ?? 0) > 0;
}

/** Loads the demo township in one transaction: all of it, or nothing. */
export async function loadDemoTownship(ctx: Ctx, password: string, options: DemoOptions = {}): Promise<DemoTownship> {
  const passwordHash = await hashPassword(password);
  const now = ctx.now;
  const stamp = { createdAt: now, updatedAt: now, version: 1 };
  const countyId = uuidv7();
  const result: DemoTownship = {
    countyId,
    stations: { anyuan: { id: '', villageIds: [] }, dachaigou: { id: '', villageIds: [] } },
    userIds: {},
    residents: { households: 0, people: 0, benefits: 0 },
    history: { services: 0, cases: 0, caseEvents: 0 },
    care: { personalPlans: 0, planTasks: 0, campaigns: 0, campaignTasks: 0, services: 0 },
    surveys: { surveys: 0, versions: 0, responses: 0, linked: 0, anonymous: 0, paper: 0, needs: { identified: 0, being_served: 0, met: 0, unmet: 0 } },
  };
  const history = options.history ?? false;
  const seed = options.seed ?? 20210430;
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
    for (const account of demoAccounts(history)) {
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
    const perStation = options.people ?? 0;
    const households: Record<'anyuan' | 'dachaigou', SyntheticHousehold[]> = { anyuan: [], dachaigou: [] };
    if (perStation > 0) {
      const loader: Ctx = { ...tx, actor: systemActor(result.userIds.admin!) };
      const preparer = await PersonPreparer.open(loader);
      for (const [index, station] of DEMO_STATIONS.entries()) {
        const villageIds = result.stations[station.key].villageIds;
        const generator = new ResidentGenerator({
          seed: seed + index,
          today: todayOf(tx),
          townName: station.town,
          villages: station.villages.map((name, i) => ({ id: villageIds[i]!, name })),
        });
        households[station.key] = generator.households(perStation);
        const loaded = await insertResidents(loader, preparer, households[station.key]);
        result.residents.households += loaded.households;
        result.residents.people += loaded.people;
        result.residents.benefits += loaded.benefits;
      }
    }
    if (history) {
      const accountsOf = (key: 'anyuan' | 'dachaigou', role: Role) => demoAccounts(true).filter((a) => a.station === key && a.role === role);
      const staffOf = (key: 'anyuan' | 'dachaigou', role: Role) => accountsOf(key, role).map((a) => result.userIds[a.username]!);
      const staffAccount = (account: DemoAccount): CareStaffAccount => ({ id: result.userIds[account.username]!, username: account.username, displayName: account.displayName, role: account.role === 'manager' ? 'manager' : 'worker' });
      // Who goes to which village: the care module's share, used by the history's visits and the care settings alike.
      const share = (key: 'anyuan' | 'dachaigou') => demoVillageWorkers(result.stations[key].villageIds, households[key], staffOf(key, 'worker'));
      const villageWorkers = { anyuan: share('anyuan'), dachaigou: share('dachaigou') };
      result.history = await loadDemoHistory(tx, {
        now,
        seed,
        stations: DEMO_STATIONS.map((station) => ({
          id: result.stations[station.key].id,
          villageIds: result.stations[station.key].villageIds,
          villageWorkers: villageWorkers[station.key],
          households: households[station.key],
          staff: { managerId: staffOf(station.key, 'manager')[0]!, workerIds: staffOf(station.key, 'worker'), volunteerIds: staffOf(station.key, 'volunteer') },
          ...HISTORY_CASES[station.key],
        })),
      });
      result.care = await loadDemoCare(tx, {
        now,
        seed,
        stations: DEMO_STATIONS.map((station) => ({
          id: result.stations[station.key].id,
          villageIds: result.stations[station.key].villageIds,
          households: households[station.key],
          villageWorkers: villageWorkers[station.key],
          manager: staffAccount(accountsOf(station.key, 'manager')[0]!),
          workers: accountsOf(station.key, 'worker').map(staffAccount),
        })),
      });
      result.surveys = await loadDemoSurveys(tx, {
        now,
        seed,
        stations: DEMO_STATIONS.map((station) => ({
          id: result.stations[station.key].id,
          villageIds: result.stations[station.key].villageIds,
          households: households[station.key],
          villageWorkers: villageWorkers[station.key],
          manager: staffAccount(accountsOf(station.key, 'manager')[0]!),
          editsASurvey: station.key === 'anyuan',
        })),
      });
    }
    await recordAudit(tx, {
      action: 'demo.load',
      details: { note: 'synthetic demo township', stations: DEMO_STATIONS.length, accounts: demoAccounts(history).length, ...result.residents, history: result.history, care: result.care, surveys: result.surveys },
      actorOverride: { id: null, username: 'system', role: null },
    });
  });
  return result;
}
