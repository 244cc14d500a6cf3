import type { Actor } from '../../context';
import type { people, personBenefits } from '../../db/schema/index';
import { ageOn } from '../../../shared/id-number';
import type { Person, PersonSummary } from '../../../shared/schemas/people';
import { eligibleBenefits, personFlags } from './people.rules';

export type PersonRow = typeof people.$inferSelect;
export type BenefitRow = typeof personBenefits.$inferSelect;

/** Volunteers and county officials never see identity numbers, even masked (DESIGN.md). */
function seesIdNumbers(actor: Actor | null): boolean {
  return actor !== null && actor.role !== 'volunteer' && actor.role !== 'county';
}

export function toPersonSummary(row: PersonRow, villageName: string | null, actor: Actor | null, today: string): PersonSummary {
  return {
    id: row.id,
    stationId: row.stationId,
    villageId: row.villageId,
    villageName,
    householdId: row.householdId,
    name: row.name,
    gender: row.gender,
    birthDate: row.birthDate,
    age: row.birthDate ? ageOn(row.birthDate, today) : null,
    ethnicity: row.ethnicity,
    phone: row.phone,
    groups: row.groups,
    riskLevel: row.riskLevel,
    status: row.status,
    idNumberMasked: seesIdNumbers(actor) ? row.idNumberMasked : null,
    version: row.version,
  };
}

export function toPerson(
  row: PersonRow,
  extra: { villageName: string | null; benefits: BenefitRow[]; openDangerReport: boolean; idNumber?: string },
  actor: Actor | null,
  today: string,
): Person {
  const volunteer = actor?.role === 'volunteer';
  const summary = toPersonSummary(row, extra.villageName, actor, today);
  const benefits = extra.benefits.map((b) => ({ benefit: b.benefit as Person['benefits'][number]['benefit'], status: b.status, appliedOn: b.appliedOn, since: b.since, note: b.note, version: b.version }));
  const child = (row.child ?? null);
  const elder = (row.elder ?? null);
  return {
    ...summary,
    relationToHead: row.relationToHead,
    address: row.address,
    notes: volunteer ? null : row.notes,
    health: row.health,
    healthNotes: volunteer ? null : row.healthNotes,
    disabilityType: row.disabilityType,
    disabilityGrade: row.disabilityGrade,
    livingSituation: row.livingSituation,
    consent: (row.consent ?? null) as Person['consent'],
    child,
    elder,
    benefits,
    eligibleBenefits: eligibleBenefits({ birthDate: row.birthDate, groups: row.groups, disabilityGrade: row.disabilityGrade, benefits }, today),
    flags: personFlags({ birthDate: row.birthDate, gender: row.gender, groups: row.groups, child, livingSituation: row.livingSituation }, extra.openDangerReport, today),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(extra.idNumber ? { idNumber: extra.idNumber } : {}),
  };
}
