import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { inTransaction, type Ctx } from '../context';
import { orgs, users } from '../db/schema/index';
import { recordAudit } from '../audit/audit';
import { PersonPreparer, todayOf } from '../modules/people/people.service';
import { insertResidents, systemActor } from './load-residents';
import { mulberry32, ResidentGenerator, type SyntheticVillage } from './synthetic-people';

/**
 * A synthetic county or province for scale tests (`npm run gen:scale`, `npm run bench`): counties
 * of up to `stationsPerCounty` township stations, each with 8–15 villages and its residents.
 * Everything is invented; county 1 borrows Tianzhu's name and region code, the rest are made up.
 */

export interface ScaleOptions {
  stations: number;
  peoplePerStation: number;
  seed?: number;
  stationsPerCounty?: number;
  /** Called after each batch with the totals so far. */
  onProgress?: (progress: ScaleProgress) => void;
}

export interface ScaleProgress {
  /** Stations started (the last may still be filling). */
  stations: number;
  people: number;
  households: number;
  benefits: number;
  seconds: number;
}

export interface ScaleStation {
  id: string;
  name: string;
  countyId: string;
  villages: SyntheticVillage[];
}

/** People per transaction: large enough to amortise the commit, small enough to show progress. */
const BATCH_PEOPLE = 5000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const PLACE_FIRST = ['松', '柏', '石', '金', '红', '青', '黄', '白', '马', '东', '西', '南', '北', '上', '下', '大', '小', '新', '古', '安', '永', '太', '华', '雪', '草', '朵', '赛', '哈', '岔', '毛'];
const PLACE_SECOND = ['川', '山', '滩', '沟', '岭', '湾', '坪', '台', '河', '泉', '峡', '口', '庄', '堡', '寺', '城', '洼', '岘', '坝', '塘', '水', '源', '营', '峰'];

function placeNames(random: () => number, count: number, suffix: string, taken: Set<string> = new Set()): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const first = PLACE_FIRST[Math.floor(random() * PLACE_FIRST.length)]!;
    const second = PLACE_SECOND[Math.floor(random() * PLACE_SECOND.length)]!;
    // Three-character names once the two-character ones run short.
    const extra = taken.size > 400 ? PLACE_SECOND[Math.floor(random() * PLACE_SECOND.length)]! : '';
    const name = `${first}${second}${extra}${suffix}`;
    if (taken.has(name)) continue;
    taken.add(name);
    names.push(name);
  }
  return names;
}

/** County i's region code: 620623 (Tianzhu) first, then made-up Gansu codes 62xxyy. */
function regionCodeOf(county: number): string {
  if (county === 0) return '620623';
  const city = 1 + (Math.floor(county / 99) % 30);
  const district = 1 + (county % 99);
  return `62${String(city).padStart(2, '0')}${String(district).padStart(2, '0')}`;
}

/** Creates the counties, stations and villages, then the residents, station by station. */
export async function generateScale(ctx: Ctx, options: ScaleOptions): Promise<ScaleProgress & { counties: number; stationList: ScaleStation[] }> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const random = mulberry32(seed);
  const perCounty = options.stationsPerCounty ?? 15;
  const today = todayOf(ctx);
  const [admin] = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false))).limit(1);
  const actorId = admin?.id ?? NIL_UUID;
  const stamp = { createdAt: ctx.now, updatedAt: ctx.now, version: 1 };

  const stationList: ScaleStation[] = [];
  const towns: string[] = [];
  const counties = Math.ceil(options.stations / perCounty);
  const countyNames = placeNames(random, counties, '县');
  countyNames[0] = '天祝县';
  await inTransaction(ctx, async (tx) => {
    for (let c = 0; c < counties; c++) {
      const region = regionCodeOf(c);
      const countyId = uuidv7();
      await tx.db.insert(orgs).values({ id: countyId, ...stamp, parentId: null, level: 'county', name: countyNames[c]!, code: region, countyId, stationId: null });
      const stationsHere = Math.min(perCounty, options.stations - c * perCounty);
      const townNames = placeNames(random, stationsHere, random() < 0.5 ? '镇' : '乡');
      for (let s = 0; s < stationsHere; s++) {
        const stationId = uuidv7();
        const code = `${region}${100 + s + 1}000`;
        const town = townNames[s]!;
        await tx.db.insert(orgs).values({ id: stationId, ...stamp, parentId: countyId, level: 'station', name: `${town}社工站`, code, countyId, stationId });
        const villageNames = placeNames(random, 8 + Math.floor(random() * 8), '村');
        const villages = villageNames.map((name, v) => ({ id: uuidv7(), ...stamp, parentId: stationId, level: 'village' as const, name, code: `${code.slice(0, 9)}${200 + v + 1}`, countyId, stationId }));
        await tx.db.insert(orgs).values(villages);
        stationList.push({ id: stationId, name: `${town}社工站`, countyId, villages: villages.map((v) => ({ id: v.id, name: v.name })) });
        towns.push(town);
      }
    }
  });

  const totals: ScaleProgress = { stations: 0, people: 0, households: 0, benefits: 0, seconds: 0 };
  for (const [index, station] of stationList.entries()) {
    totals.stations = index + 1;
    await addResidents(ctx, station, towns[index]!, options.peoplePerStation, { seed: seed * 100_003 + index, actorId, today, regionCode: regionCodeOf(Math.floor(index / perCounty)) }, (batch) => {
      totals.people += batch.people;
      totals.households += batch.households;
      totals.benefits += batch.benefits;
      totals.seconds = (performance.now() - started) / 1000;
      options.onProgress?.({ ...totals });
    });
  }
  await recordAudit(ctx, {
    action: 'scale.generate',
    details: { note: 'synthetic scale data', counties, stations: stationList.length, people: totals.people, seed },
    actorOverride: { id: null, username: 'system', role: null },
  });
  totals.seconds = (performance.now() - started) / 1000;
  return { ...totals, counties, stationList };
}

/** Adds `people` synthetic residents to an existing station, in transactions of BATCH_PEOPLE. */
export async function addResidents(
  ctx: Ctx,
  station: { id: string; villages: readonly SyntheticVillage[] },
  townName: string,
  people: number,
  options: { seed: number; actorId: string; today?: string; regionCode?: string },
  onBatch?: (batch: { people: number; households: number; benefits: number }) => void,
): Promise<{ people: number; households: number; benefits: number }> {
  const generator = new ResidentGenerator({ seed: options.seed, today: options.today ?? todayOf(ctx), townName, villages: station.villages, ...(options.regionCode ? { regionCode: options.regionCode } : {}) });
  const loader: Ctx = { ...ctx, actor: systemActor(options.actorId, [station.id]) };
  const preparer = await PersonPreparer.open(loader);
  const done = { people: 0, households: 0, benefits: 0 };
  while (done.people < people) {
    const batch = generator.households(Math.min(BATCH_PEOPLE, people - done.people));
    const loaded = await inTransaction(loader, (tx) => insertResidents(tx, preparer, batch, { checkHouseholds: false }));
    done.people += loaded.people;
    done.households += loaded.households;
    done.benefits += loaded.benefits;
    onBatch?.(loaded);
  }
  return done;
}
