import { v7 as uuidv7 } from 'uuid';
import type { Actor, Ctx } from '../context';
import { households, personBenefits } from '../db/schema/index';
import { insertPeople, type PersonPreparer, type PersonValues } from '../modules/people/people.service';
import { permissionsOf } from '../../shared/roles';
import type { SyntheticHousehold } from './synthetic-people';

/**
 * The caller that loads synthetic data (demo township, scale data): an administrator, of every
 * station or of the given ones (so `PersonPreparer` loads only their villages), in whose name
 * `insertPeople` records the rows.
 */
export function systemActor(userId: string, stationIds: Actor['stationIds'] = 'all'): Actor {
  return {
    userId,
    username: 'system',
    displayName: '系统（合成数据）',
    role: 'admin',
    orgId: null,
    orgName: null,
    stationId: null,
    countyId: null,
    scopeLevel: 'all',
    stationIds,
    permissions: new Set(permissionsOf('admin')),
    sessionId: '',
  };
}

export interface LoadedResidents {
  households: number;
  people: number;
  benefits: number;
}

/**
 * Inserts synthetic households, their members and their benefits. Every member goes through
 * `PersonPreparer.prepare` (identity number, age-bound groups, village) and `insertPeople` (first
 * risk level recorded), so the data obeys every rule a worker's entry does; a member that breaks
 * one is a bug in the generator and stops the load. `tx` must carry an actor (see `systemActor`)
 * and should be a transaction.
 *
 * `checkHouseholds: false` skips the preparer's per-household lookup: the households are made
 * here in the member's own village, so the check cannot fail, and at scale it would cost one query
 * per household.
 */
export async function insertResidents(
  tx: Ctx,
  preparer: PersonPreparer,
  batch: readonly SyntheticHousehold[],
  options: { checkHouseholds?: boolean } = {},
): Promise<LoadedResidents> {
  const checkHouseholds = options.checkHouseholds ?? true;
  const stamp = { createdAt: tx.now, updatedAt: tx.now, version: 1 };
  const stationOf = (villageId: string): string => {
    const village = preparer.villages.get(villageId);
    if (!village) throw new Error(`synthetic data names a village out of scope: ${villageId}`);
    return village.stationId;
  };
  const householdRows = batch.map((h) => ({ id: h.id, ...stamp, stationId: stationOf(h.villageId), villageId: h.villageId, address: h.address, headPersonId: h.headPersonId, tags: h.tags, notes: null }));
  for (let i = 0; i < householdRows.length; i += 500) await tx.db.insert(households).values(householdRows.slice(i, i + 500));

  const rows: { id: string; values: PersonValues }[] = [];
  const benefitRows: (typeof personBenefits.$inferInsert)[] = [];
  for (const household of batch) {
    for (const member of household.members) {
      const input = checkHouseholds ? member.input : { ...member.input, householdId: null };
      const { prepared, problems } = await preparer.prepare(input);
      if (!prepared) throw new Error(`synthetic person ${member.input.name} breaks a rule: ${JSON.stringify(problems)}`);
      prepared.values.householdId = household.id;
      rows.push({ id: member.id, values: prepared.values });
      for (const benefit of member.benefits) {
        benefitRows.push({ id: uuidv7(), ...stamp, stationId: prepared.values.stationId, personId: member.id, benefit: benefit.benefit, status: benefit.status, appliedOn: benefit.appliedOn, since: benefit.since, note: null });
      }
    }
  }
  await insertPeople(tx, rows);
  for (let i = 0; i < benefitRows.length; i += 500) await tx.db.insert(personBenefits).values(benefitRows.slice(i, i + 500));
  return { households: householdRows.length, people: rows.length, benefits: benefitRows.length };
}
