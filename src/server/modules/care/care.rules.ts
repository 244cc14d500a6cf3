import {
  CARE_GROUPS,
  CHILD_GROUPS,
  ELDER_GROUPS,
  SPECIAL_DIFFICULTY_GROUPS,
  type CareAudience,
  type CareRules,
  type ContactChannel,
  type GroupCode,
  type RiskLevel,
} from '../../../shared/codes';
import type { PlanEntry } from '../../db/schema/care';

/** What the care rules need to know about a person. */
export interface CarePerson {
  id: string;
  villageId: string;
  groups: string[];
  riskLevel: RiskLevel | null;
  status: 'active' | 'moved' | 'deceased';
  livingSituation?: string | null;
}

export type NoPlanReason = 'not_in_care_group' | 'no_risk_level' | 'inactive' | 'no_worker';

/** Elders' rules win when a person is in both (a grandmother who is also in a children's group cannot be). */
export function audienceOf(groups: readonly string[]): CareAudience | null {
  if (groups.some((g) => ELDER_GROUPS.includes(g as GroupCode))) return 'elder';
  if (groups.some((g) => CHILD_GROUPS.includes(g as GroupCode))) return 'child';
  return null;
}

export function inCareGroup(groups: readonly string[]): boolean {
  return groups.some((g) => CARE_GROUPS.includes(g as GroupCode));
}

/** An elder in special difficulty (特殊困难老年人): living alone, empty-nest, solitary, disabled or in extreme poverty. */
export function inSpecialDifficulty(person: Pick<CarePerson, 'groups' | 'livingSituation'>): boolean {
  if (!person.groups.some((g) => ELDER_GROUPS.includes(g as GroupCode))) return false;
  return person.livingSituation === 'alone' || person.groups.some((g) => SPECIAL_DIFFICULTY_GROUPS.includes(g as GroupCode));
}

export interface PlansInForce {
  source: 'rule' | 'override' | 'none';
  plans: PlanEntry[];
  noPlanReason: NoPlanReason | null;
}

/**
 * The plans that apply to a person: their own (override) if the manager set one, else the
 * station's rule for their audience and risk level. A person with no risk level has no rule
 * plan: their risk must be assessed first, and the "no plan" alert says so. The responsible
 * person is the override's while they are still with the station (`isActive`), else the
 * village's worker.
 */
export function plansInForce(person: CarePerson, rules: CareRules, override: PlanEntry[] | null, villageWorker: string | null, isActive: (userId: string) => boolean = () => true): PlansInForce {
  if (person.status !== 'active') return { source: 'none', plans: [], noPlanReason: 'inactive' };
  if (override) {
    return {
      source: 'override',
      plans: override.map((p) => ({ ...p, responsibleId: p.responsibleId && isActive(p.responsibleId) ? p.responsibleId : villageWorker })),
      noPlanReason: null,
    };
  }
  const audience = audienceOf(person.groups);
  if (!audience) return { source: 'none', plans: [], noPlanReason: 'not_in_care_group' };
  if (!person.riskLevel) return { source: 'none', plans: [], noPlanReason: 'no_risk_level' };
  const cadence = rules[audience][person.riskLevel];
  const plans: PlanEntry[] = [];
  for (const channel of ['phone', 'home_visit'] as const) {
    const everyDays = cadence[channel];
    if (everyDays) plans.push({ channel, everyDays, responsibleId: villageWorker });
  }
  return { source: 'rule', plans, noPlanReason: null };
}

/** Adds days to a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day the next contact is due: the last contact's day plus the cadence, or today if there never was one. */
export function nextDueDay(lastContactDay: string | null, everyDays: number, today: string): string {
  if (!lastContactDay) return today;
  return addDays(lastContactDay, everyDays);
}

export interface VillageLoad {
  villageId: string;
  /** How many people of the village the work is about (e.g. people in care groups). */
  people: number;
}

/**
 * Shares villages out among workers so each village has one worker (one trip a village) and the
 * load is even: the manager's choices (`fixed`, already checked) stand; the other villages go,
 * largest first, to whichever of `workerIds` has least so far. Deterministic for the same input, so tasks do not change hands between runs.
 */
export function shareVillages(villages: readonly VillageLoad[], workerIds: readonly string[], fixed: Readonly<Record<string, string>>): Map<string, string> {
  const assignment = new Map<string, string>();
  const load = new Map(workerIds.map((id) => [id, 0]));
  for (const village of villages) {
    const worker = fixed[village.villageId];
    if (worker) {
      assignment.set(village.villageId, worker);
      load.set(worker, (load.get(worker) ?? 0) + village.people);
    }
  }
  const rest = villages.filter((v) => !assignment.has(v.villageId)).sort((a, b) => b.people - a.people || (a.villageId < b.villageId ? -1 : 1));
  for (const village of rest) {
    if (workerIds.length === 0) break;
    let best = workerIds[0]!;
    for (const id of workerIds) if (load.get(id)! < load.get(best)!) best = id;
    assignment.set(village.villageId, best);
    load.set(best, load.get(best)! + village.people);
  }
  return assignment;
}

/** "Fell at two contacts in a row": the last three scores (oldest first) each lower than the one before. */
export function wellbeingFalling(scoresOldestFirst: readonly number[]): boolean {
  if (scoresOldestFirst.length < 3) return false;
  const [a, b, c] = scoresOldestFirst.slice(-3) as [number, number, number];
  return b < a && c < b;
}

/** Which plan channels a service kind counts for. */
export function channelsServedBy(kind: string): ContactChannel[] {
  if (kind === 'home_visit') return ['phone', 'home_visit'];
  if (kind === 'phone' || kind === 'online') return ['phone'];
  return [];
}
