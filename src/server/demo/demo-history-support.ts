import { v7 as uuidv7 } from 'uuid';
import { ageOn } from '../../shared/id-number';
import type { EthnicityCode, FestivalCode, GroupCode, RiskLevel } from '../../shared/codes';
import type { PersonInput } from '../../shared/schemas/people';
import { dayStart } from '../time';
import { festivalsOfYear } from '../modules/care/festivals';
import { mulberry32, type SyntheticHousehold } from './synthetic-people';

/**
 * What the demo history (demo-history.ts, demo-history-cases.ts) shares: a seeded random source,
 * the residents as the history sees them, calendar days and the festivals of the year.
 * EVERYTHING the history makes is invented, like the residents it is made for.
 */

/** A seeded random source with the helpers the history draws with. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  weighted<T>(shares: readonly (readonly [T, number])[]): T {
    const total = shares.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of shares) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return shares[shares.length - 1]![0];
  }

  /** The list in a random order (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[] {
    const result = [...list];
    for (let i = result.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [result[i], result[j]] = [result[j]!, result[i]!];
    }
    return result;
  }

  /** `count` distinct items of the list, in the list's order. */
  sample<T>(list: readonly T[], count: number): T[] {
    const chosen = new Set(this.shuffle(list.map((_, i) => i)).slice(0, Math.min(count, list.length)));
    return list.filter((_, i) => chosen.has(i));
  }

  /** A UUIDv7 of the given instant with seeded random bits: ids sort like the records they name. */
  uuid(at: Date): string {
    const random = new Uint8Array(16);
    for (let i = 0; i < 16; i++) random[i] = Math.floor(this.next() * 256);
    return uuidv7({ msecs: at.getTime(), random });
  }
}

// ---------------------------------------------------------------------------------------------
// Days (YYYY-MM-DD, Asia/Shanghai)

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function monthOf(day: string): number {
  return Number(day.slice(5, 7));
}

/** The instant of a Shanghai day at the given minute after midnight. */
export function at(day: string, minuteOfDay: number): Date {
  return new Date(dayStart(day).getTime() + minuteOfDay * 60_000);
}

/** Tianzhu heats from mid-October to mid-April (a high, cold county). */
export function inHeatingSeason(day: string): boolean {
  const month = monthOf(day);
  const date = Number(day.slice(8, 10));
  return month >= 11 || month <= 3 || (month === 10 && date >= 15) || (month === 4 && date < 15);
}

/** School holidays, roughly: winter from mid-January to late February, summer from mid-July to the end of August. */
export function inSchoolHoliday(day: string): boolean {
  const month = monthOf(day);
  const date = Number(day.slice(8, 10));
  return (month === 1 && date >= 15) || (month === 2 && date <= 25) || (month === 7 && date >= 12) || month === 8;
}

// ---------------------------------------------------------------------------------------------
// Festivals: computed by the care module's calendar, never typed in.

export type FestivalKey = FestivalCode;

export interface Festival {
  key: FestivalKey;
  name: string;
  day: string;
}

/** The festivals and days of care (DOMAIN.md) that fall between two days, inclusive, in date order. */
export function festivalsBetween(from: string, to: string): Festival[] {
  const found: Festival[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const festival of festivalsOfYear(year, 'zh-CN')) {
      // Summaries say the short name: 重阳节, not 重阳节（老年节）.
      if (festival.date >= from && festival.date <= to) found.push({ key: festival.code, name: festival.name.replace(/（.*）$/, ''), day: festival.date });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Residents as the history sees them

/** Who a resident is to the station's care: decides how often and how they are served. */
export type CareProfile = 'elder_special' | 'elder' | 'left_behind_child' | 'child_in_difficulty' | 'child' | 'disabled' | 'woman' | 'needy_adult' | 'none';

export interface HistoryPerson {
  id: string;
  name: string;
  villageId: string;
  householdId: string;
  gender: 'male' | 'female';
  age: number;
  ethnicity: EthnicityCode;
  groups: ReadonlySet<GroupCode>;
  risk: RiskLevel | null;
  living: PersonInput['livingSituation'];
  selfCare: 'independent' | 'partly' | 'unable' | null;
  health: PersonInput['health'];
  disabilityType: string | null;
  disabilityGrade: number | null;
  /** Has children working away (an empty-nest elder's). */
  childrenAway: number;
  /** Where a left-behind child's father works, as the file says. */
  parentsWorkIn: string | null;
  guardianRelation: string | null;
  profile: CareProfile;
}

function birthDateOf(input: PersonInput): string {
  if (input.birthDate) return input.birthDate;
  const number = input.idNumber ?? '';
  if (/^\d{17}[\dX]$/.test(number)) return `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  throw new Error(`synthetic person ${input.name} has neither a birth date nor an identity number`);
}

function genderOf(input: PersonInput): 'male' | 'female' {
  if (input.gender) return input.gender;
  const number = input.idNumber ?? '';
  return Number(number.charAt(16)) % 2 === 1 ? 'male' : 'female';
}

/**
 * Elders in special difficulty (DOMAIN.md): living alone, empty-nest, solitary, unable to care
 * for themselves, or severely disabled.
 */
function isElderInSpecialDifficulty(groups: ReadonlySet<GroupCode>, input: PersonInput): boolean {
  return (
    input.livingSituation === 'alone' ||
    groups.has('empty_nest_elder') ||
    groups.has('solitary_elder') ||
    input.elder?.selfCare === 'unable' ||
    (groups.has('disabled') && (input.disabilityGrade ?? 4) <= 2)
  );
}

function profileOf(groups: ReadonlySet<GroupCode>, input: PersonInput, age: number): CareProfile {
  if (groups.has('elder')) return isElderInSpecialDifficulty(groups, input) ? 'elder_special' : 'elder';
  if (groups.has('left_behind_child')) return 'left_behind_child';
  if (groups.has('child_in_difficulty') || groups.has('unsupported_child')) return 'child_in_difficulty';
  if (groups.has('other_child') || groups.has('minority_girl')) return 'child';
  if (groups.has('disabled')) return 'disabled';
  if (groups.has('woman')) return 'woman';
  if (groups.has('low_income') || groups.has('needy_household') || groups.has('extreme_poverty')) return age < 18 ? 'child' : 'needy_adult';
  return 'none';
}

/** The residents of synthetic households, as the history needs them, in the households' order. */
export function historyPeople(households: readonly SyntheticHousehold[], today: string): HistoryPerson[] {
  const result: HistoryPerson[] = [];
  for (const household of households) {
    for (const member of household.members) {
      const input = member.input;
      const groups = new Set<GroupCode>(input.groups);
      const age = ageOn(birthDateOf(input), today);
      const father = input.child?.parents?.find((p) => p.role === 'father' && p.status === 'away');
      result.push({
        id: member.id,
        name: input.name,
        villageId: household.villageId,
        householdId: household.id,
        gender: genderOf(input),
        age,
        ethnicity: input.ethnicity ?? 'han',
        groups,
        risk: input.riskLevel ?? null,
        living: input.livingSituation,
        selfCare: input.elder?.selfCare ?? null,
        health: input.health,
        disabilityType: input.disabilityType ?? null,
        disabilityGrade: input.disabilityGrade ?? null,
        childrenAway: input.elder?.childrenAway?.length ?? 0,
        parentsWorkIn: father ? `${father.workProvince ?? ''}${father.workCity ?? ''}` || null : null,
        guardianRelation: input.child?.guardian?.relation ?? null,
        profile: profileOf(groups, input, age),
      });
    }
  }
  return result;
}
