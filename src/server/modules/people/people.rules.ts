import { pinyin } from 'pinyin-pro';
import { ageOn, parseIdNumber } from '../../../shared/id-number';
import { GROUP_AGE_RULES, type BenefitCode, type GroupCode } from '../../../shared/codes';
import type { FieldMessageKey } from '../../../shared/errors';
import type { Person } from '../../../shared/schemas/people';

/** Pure rules of a person's file: derived fields, age-bound groups, flags and benefit eligibility. */

export interface FieldProblem {
  path: string;
  key: FieldMessageKey;
  /** Set when the problem is an invalid identity number (answers ID_NUMBER_INVALID). */
  idNumber?: boolean;
}

/** Full pinyin without tones or spaces (`zhangsan`), and initials (`zs`); surnames read as surnames (单 → shan). */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { full: clean.join(''), initials: clean.map((s) => s[0]).join('') };
}

/** The characters of a name and its adjacent pairs (才让卓玛 → 才 让 卓 玛 才让 让卓 卓玛), for one- and two-character search. */
export function nameGrams(name: string): string[] {
  const chars = [...name.replace(/\s+/g, '')];
  const grams = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

export function phoneDigits(phone: string | null | undefined): string | null {
  return phone ? phone.replace(/\D/g, '') : null;
}

/**
 * Reconciles identity number, sex and birth date: with a number, sex and birth date come from it
 * and must agree with any given. Returns the normalised number or the problems.
 */
export function reconcileIdentity(
  input: { idNumber?: string | null | undefined; gender?: 'male' | 'female' | null | undefined; birthDate?: string | null | undefined },
  today: string,
): { idNumber: string | null; gender: 'male' | 'female' | null; birthDate: string | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let gender = input.gender ?? null;
  let birthDate = input.birthDate ?? null;
  if (birthDate && birthDate > today) problems.push({ path: 'birthDate', key: 'birthDate.future' });
  if (!input.idNumber) return { idNumber: null, gender, birthDate, problems };
  const parsed = parseIdNumber(input.idNumber, today);
  if (!parsed.ok) {
    problems.push({ path: 'idNumber', key: `idNumber.${parsed.problem}`, idNumber: true });
    return { idNumber: null, gender, birthDate, problems };
  }
  if (gender && gender !== parsed.id.gender) problems.push({ path: 'gender', key: 'idNumber.genderMismatch' });
  if (birthDate && birthDate !== parsed.id.birthDate) problems.push({ path: 'birthDate', key: 'idNumber.birthDateMismatch' });
  gender = parsed.id.gender;
  birthDate = parsed.id.birthDate;
  return { idNumber: parsed.id.value, gender, birthDate, problems };
}

/** Groups whose age or sex rule the person does not meet (only checked where birth date / sex are known). */
export function groupProblems(groups: readonly string[], birthDate: string | null, gender: string | null, today: string): { group: GroupCode; key: FieldMessageKey }[] {
  const problems: { group: GroupCode; key: FieldMessageKey }[] = [];
  const age = birthDate ? ageOn(birthDate, today) : null;
  for (const group of groups as GroupCode[]) {
    const rule = GROUP_AGE_RULES[group];
    if (!rule) continue;
    if (age !== null && rule.maxAgeExclusive !== undefined && age >= rule.maxAgeExclusive) problems.push({ group, key: 'group.tooOld' });
    else if (age !== null && rule.minAge !== undefined && age < rule.minAge) problems.push({ group, key: 'group.tooYoung' });
    else if (gender && rule.gender && gender !== rule.gender) problems.push({ group, key: 'group.gender' });
  }
  return problems;
}

type FlagInput = Pick<Person, 'birthDate' | 'gender' | 'groups' | 'child' | 'livingSituation'>;

export function personFlags(person: FlagInput, openDangerReport: boolean, today: string): Person['flags'] {
  const parentsAway = person.child?.parents?.filter((p) => p.status === 'away') ?? [];
  const parentsCallRarely = parentsAway.some((p) => p.contactFrequency === 'monthly' || p.contactFrequency === 'rarely' || p.contactFrequency === 'never');
  const age = person.birthDate ? ageOn(person.birthDate, today) : null;
  return {
    parentsCallRarely,
    openDangerReport,
    childMayBeAlone: age !== null && age < 16 && person.livingSituation === 'alone',
    groupAgeMismatch: groupProblems(person.groups, person.birthDate, person.gender, today).map((p) => p.group),
  };
}

export interface EligibilityInput {
  birthDate: string | null;
  groups: readonly string[];
  disabilityGrade: number | null;
  benefits: readonly { benefit: string; status: string }[];
}

/**
 * Benefits the person looks eligible for (DOMAIN.md), leaving out those received or applied for.
 * A suggestion for the worker to check, not a decision: the county decides.
 */
export function eligibleBenefits(person: EligibilityInput, today: string): BenefitCode[] {
  const age = person.birthDate ? ageOn(person.birthDate, today) : null;
  const has = (group: GroupCode) => person.groups.includes(group);
  const active = new Set(person.benefits.filter((b) => b.status === 'receiving' || b.status === 'applied').map((b) => b.benefit));
  const receivesDibao = person.benefits.some((b) => b.benefit === 'dibao' && b.status === 'receiving') || has('low_income');
  const severe = person.disabilityGrade !== null && person.disabilityGrade <= 2;
  const candidates: [BenefitCode, boolean][] = [
    ['old_age_allowance', age !== null && age >= 80],
    ['disability_care', severe],
    ['disability_living', (has('disabled') || person.disabilityGrade !== null) && receivesDibao],
    ['tekun', (has('solitary_elder') || has('unsupported_child')) && ((age !== null && (age >= 60 || age < 16)) || severe)],
    ['dibao', has('needy_household') && !has('low_income')],
  ];
  return candidates.filter(([code, eligible]) => eligible && !active.has(code)).map(([code]) => code);
}
