import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../testing/test-app';
import { inTransaction, systemCtx, type Ctx } from '../context';
import { households, people, personBenefits } from '../db/schema/index';
import { PersonPreparer, todayOf } from '../modules/people/people.service';
import { ageOn, parseIdNumber } from '../../shared/id-number';
import { DEMO_STATIONS } from './demo-township';
import { insertResidents, systemActor } from './load-residents';
import { ResidentGenerator, residentsOf, type SyntheticHousehold, type SyntheticVillage } from './synthetic-people';

let t: TestApp;
let ctx: Ctx;
let villages: SyntheticVillage[];
let today: string;

const counterIds = () => {
  let n = 0;
  return () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
};

function generate(seed: number, people: number): SyntheticHousehold[] {
  return new ResidentGenerator({ seed, today, townName: '安远镇', villages, newId: counterIds() }).households(people);
}

beforeAll(async () => {
  t = await makeTestApp({ demoPeople: 40 });
  ctx = { ...systemCtx(t.deps), actor: systemActor(t.demo.userIds.admin!) };
  today = todayOf(ctx);
  villages = DEMO_STATIONS[0].villages.map((name, i) => ({ id: t.demo.stations.anyuan.villageIds[i]!, name }));
});
afterAll(async () => {
  await t.close();
});

describe('synthetic residents', () => {
  it('every generated person passes the preparer without a single problem', async () => {
    const preparer = await PersonPreparer.open(ctx);
    const failures: unknown[] = [];
    for (const resident of residentsOf(generate(7, 3000))) {
      // Households are not in the database yet: the household check is the loader's test below.
      const { problems } = await preparer.prepare({ ...resident.input, householdId: null });
      if (problems.length > 0) failures.push({ name: resident.input.name, groups: resident.input.groups, problems });
    }
    expect(failures).toEqual([]);
  });

  it('identity numbers are valid Tianzhu numbers, unique, with the sex parity of the relation', () => {
    const all = residentsOf(generate(11, 5000));
    const numbers = all.map((r) => r.input.idNumber).filter((n): n is string => Boolean(n));
    expect(numbers.length).toBeGreaterThan(all.length * 0.9);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const resident of all) {
      if (!resident.input.idNumber) continue;
      const parsed = parseIdNumber(resident.input.idNumber, today);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.id.regionCode).toBe('620623');
      const relation = resident.input.relationToHead ?? '';
      if (['孙女', '女儿', '儿媳'].includes(relation) || resident.input.groups.includes('woman')) expect(parsed.id.gender).toBe('female');
      if (['孙子', '儿子'].includes(relation)) expect(parsed.id.gender).toBe('male');
    }
  });

  it('looks like a rural Tianzhu township: ethnicities, ages, groups and risk in their shares', () => {
    const all = residentsOf(generate(23, 10_000));
    const share = (test: (r: (typeof all)[number]) => boolean) => all.filter(test).length / all.length;
    const ageOf = (r: (typeof all)[number]) => {
      const birthDate = r.input.idNumber ? parseIdNumber(r.input.idNumber, today) : null;
      return ageOn(birthDate?.ok ? birthDate.id.birthDate : r.input.birthDate!, today);
    };
    expect(share((r) => r.input.ethnicity === 'han')).toBeCloseTo(0.6, 1);
    expect(share((r) => r.input.ethnicity === 'tibetan')).toBeCloseTo(0.3, 1);
    expect(share((r) => r.input.ethnicity === 'tu')).toBeGreaterThan(0.03);
    expect(share((r) => r.input.ethnicity === 'hui')).toBeGreaterThan(0.01);
    // Many elders and children, few working-age adults: they work away.
    expect(share((r) => ageOf(r) >= 60)).toBeGreaterThan(0.35);
    expect(share((r) => ageOf(r) < 16)).toBeGreaterThan(0.25);
    expect(share((r) => ageOf(r) >= 18 && ageOf(r) < 60)).toBeLessThan(0.3);
    expect(share((r) => r.input.groups.includes('left_behind_child'))).toBeGreaterThan(0.12);
    expect(share((r) => r.input.groups.includes('empty_nest_elder'))).toBeGreaterThan(0.1);
    expect(share((r) => r.input.groups.includes('solitary_elder'))).toBeGreaterThan(0.01);
    expect(share((r) => r.input.groups.includes('minority_girl'))).toBeGreaterThan(0.02);
    for (const group of ['disabled', 'low_income', 'woman', 'extreme_poverty'] as const) expect(share((r) => r.input.groups.includes(group))).toBeGreaterThan(0.005);
    const grouped = all.filter((r) => r.input.groups.length > 0);
    const risk = (level: string) => grouped.filter((r) => r.input.riskLevel === level).length / grouped.length;
    expect(risk('high')).toBeCloseTo(0.1, 1);
    expect(risk('medium')).toBeCloseTo(0.3, 1);
    expect(all.filter((r) => r.input.groups.length === 0).every((r) => r.input.riskLevel === null)).toBe(true);
  });

  it('a left-behind child has both parents accounted for, one away, and a guardian of its household', () => {
    for (const household of generate(5, 2000)) {
      const ids = new Set(household.members.map((m) => m.id));
      for (const child of household.members.filter((m) => m.input.groups.includes('left_behind_child'))) {
        const parents = child.input.child?.parents ?? [];
        expect(parents.map((p) => p.role)).toEqual(['father', 'mother']);
        expect(parents[0]!.status).toBe('away');
        expect(parents[0]!.workProvince).toBeTruthy();
        expect(parents[1]!.status).not.toBe('home');
        expect(ids.has(child.input.child!.guardian!.personId!)).toBe(true);
        expect(child.input.livingSituation).toBe('with_grandparents');
      }
    }
  });

  it('the same seed gives the same people; another seed gives others', () => {
    expect(generate(99, 500)).toEqual(generate(99, 500));
    expect(generate(100, 500)).not.toEqual(generate(99, 500));
    expect(residentsOf(generate(99, 777))).toHaveLength(777);
  });

  it('the loader writes households, people and benefits that the API then finds', async () => {
    const batch = new ResidentGenerator({ seed: 3, today, townName: '安远镇', villages }).households(300);
    const loaded = await inTransaction(ctx, async (tx) => insertResidents(tx, await PersonPreparer.open(tx), batch));
    expect(loaded.people).toBe(300);
    expect(loaded.households).toBe(batch.length);
    const member = batch[0]!.members[0]!;
    const [row] = await t.deps.db.select().from(people).where(eq(people.id, member.id));
    expect(row).toMatchObject({ householdId: batch[0]!.id, name: member.input.name, stationId: t.demo.stations.anyuan.id });
    const [benefits] = await t.deps.db.select({ n: count() }).from(personBenefits);
    expect(benefits!.n).toBeGreaterThan(0);
  });
});

describe('the demo township with residents', () => {
  it('loads the asked number of residents into each station, in households', async () => {
    for (const station of Object.values(t.demo.stations)) {
      const [row] = await t.deps.db.select({ n: count() }).from(people).where(eq(people.stationId, station.id));
      expect(row!.n).toBeGreaterThanOrEqual(40);
    }
    expect(t.demo.residents.people).toBe(80);
    const [row] = await t.deps.db.select({ n: count() }).from(households).where(eq(households.stationId, t.demo.stations.dachaigou.id));
    expect(row!.n).toBeGreaterThan(5);
  });

  it("a station worker finds the station's residents by name, pinyin and initials", async () => {
    const worker = await t.login('dachaigou.worker');
    const list = await worker.inject({ method: 'GET', url: '/api/people?limit=200' });
    expect(list.statusCode).toBe(200);
    const items: { name: string; stationId: string }[] = list.json().items;
    expect(items).toHaveLength(40);
    expect(items.every((p) => p.stationId === t.demo.stations.dachaigou.id)).toBe(true);
    const someone = items[7]!;
    const byName = await worker.inject({ method: 'GET', url: `/api/people?q=${encodeURIComponent(someone.name)}` });
    expect(byName.json().items.map((p: { name: string }) => p.name)).toContain(someone.name);
  });
});
