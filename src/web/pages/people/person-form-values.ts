import dayjs, { type Dayjs } from 'dayjs';
import { CHILD_GROUPS, ELDER_GROUPS, type GroupCode } from '../../../shared/codes';
import type { FieldName } from '../../components/form-errors';
import type { CreatePersonRequest, Person } from './people-types';

type Child = NonNullable<CreatePersonRequest['child']>;
type Elder = NonNullable<CreatePersonRequest['elder']>;
type Parent = NonNullable<Child['parents']>[number];
type ParentRole = Parent['role'];

/** A parent as the form holds it: one block each for father and mother. */
export interface ParentValues {
  name?: string | null;
  phone?: string | null;
  status?: Parent['status'] | null;
  workProvince?: string | null;
  workCity?: string | null;
  contactFrequency?: Parent['contactFrequency'];
}

/** What the person form holds: the request's shape, with days as dayjs values and the parents apart. */
export interface PersonFormValues {
  name?: string;
  idNumber?: string;
  gender?: CreatePersonRequest['gender'];
  birthDate?: Dayjs | null;
  ethnicity?: CreatePersonRequest['ethnicity'];
  status?: CreatePersonRequest['status'];
  phone?: string | null;
  villageId?: string;
  householdId?: string | null;
  relationToHead?: string | null;
  address?: string | null;
  groups?: GroupCode[];
  riskLevel?: CreatePersonRequest['riskLevel'];
  riskReason?: string | null;
  health?: CreatePersonRequest['health'];
  healthNotes?: string | null;
  disabilityType?: string | null;
  disabilityGrade?: number | null;
  livingSituation?: CreatePersonRequest['livingSituation'];
  notes?: string | null;
  child?: {
    schooling?: Child['schooling'];
    school?: string | null;
    grade?: string | null;
    boarding?: boolean | null;
    hukouRegistered?: boolean | null;
    guardian?: { name?: string | null; phone?: string | null; relation?: string | null; capacity?: NonNullable<Child['guardian']>['capacity'] };
    guardianshipType?: Child['guardianshipType'];
    father?: ParentValues;
    mother?: ParentValues;
    childDirector?: { name?: string | null; phone?: string | null };
  };
  elder?: {
    selfCare?: Elder['selfCare'];
    emergencyContact?: { name?: string | null; phone?: string | null; relation?: string | null };
    childrenAway?: Array<{ name?: string | null; phone?: string | null; place?: string | null; contactFrequency?: Parent['contactFrequency'] }>;
  };
  consent?: {
    given?: boolean;
    by?: 'self' | 'guardian';
    guardianName?: string | null;
    on?: Dayjs | null;
    note?: string | null;
  };
}

/** The request without the client id: what a form edits and what two versions are compared on. */
export type PersonRequest = Omit<CreatePersonRequest, 'id'>;

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function value<T>(input: T | null | undefined): T | null {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '') ? null : input;
}

function day(input: Dayjs | null | undefined): string | null {
  return input ? input.format('YYYY-MM-DD') : null;
}

/** Drops keys whose value is null; null when nothing is left. */
function compact<T extends Record<string, unknown>>(input: T): T | null {
  const entries = Object.entries(input).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
  return entries.length === 0 ? null : input;
}

function parent(role: ParentRole, input: ParentValues | undefined): Parent | null {
  if (!input) return null;
  const filled = compact({
    name: text(input.name),
    phone: text(input.phone),
    status: value(input.status),
    workProvince: text(input.workProvince),
    workCity: text(input.workCity),
    contactFrequency: value(input.contactFrequency),
  });
  if (!filled) return null;
  return { ...filled, role, status: filled.status ?? 'unknown' };
}

function childOf(input: PersonFormValues['child']): Child | null {
  if (!input) return null;
  const guardian = input.guardian
    ? compact({ name: text(input.guardian.name), phone: text(input.guardian.phone), relation: text(input.guardian.relation), capacity: value(input.guardian.capacity) })
    : null;
  const parents = [parent('father', input.father), parent('mother', input.mother)].filter((p): p is Parent => p !== null);
  const directorName = text(input.childDirector?.name);
  const directorPhone = text(input.childDirector?.phone);
  const child = compact({
    schooling: value(input.schooling),
    school: text(input.school),
    grade: text(input.grade),
    boarding: value(input.boarding),
    hukouRegistered: value(input.hukouRegistered),
    guardian,
    guardianshipType: value(input.guardianshipType),
    parents: parents.length > 0 ? parents : null,
    childDirector: directorName || directorPhone ? { name: directorName ?? '', phone: directorPhone } : null,
  });
  return child;
}

function elderOf(input: PersonFormValues['elder']): Elder | null {
  if (!input) return null;
  const contactName = text(input.emergencyContact?.name);
  const contactPhone = text(input.emergencyContact?.phone);
  const contactRelation = text(input.emergencyContact?.relation);
  const away = (input.childrenAway ?? [])
    .map((entry) => ({ name: text(entry.name) ?? '', phone: text(entry.phone), place: text(entry.place), contactFrequency: value(entry.contactFrequency) }))
    .filter((entry) => entry.name !== '' || entry.phone || entry.place);
  return compact({
    selfCare: value(input.selfCare),
    emergencyContact: contactName || contactPhone || contactRelation ? { name: contactName ?? '', phone: contactPhone, relation: contactRelation } : null,
    childrenAway: away.length > 0 ? away : null,
  });
}

function consentOf(input: PersonFormValues['consent']): CreatePersonRequest['consent'] {
  if (!input || input.given === undefined || !input.by || !input.on) return null;
  return { given: input.given, by: input.by, guardianName: text(input.guardianName), on: day(input.on) ?? '', note: text(input.note) };
}

/**
 * The request a form's values make. Empty text becomes null; the child's and elder's sections
 * only when shown (`sections`), null when shown and empty.
 */
export function toRequest(values: PersonFormValues, sections: { child: boolean; elder: boolean }): PersonRequest {
  const request: PersonRequest = {
    name: values.name?.trim() ?? '',
    villageId: values.villageId ?? '',
    gender: value(values.gender),
    birthDate: day(values.birthDate),
    ethnicity: value(values.ethnicity),
    phone: text(values.phone),
    householdId: value(values.householdId),
    relationToHead: text(values.relationToHead),
    groups: values.groups ?? [],
    riskLevel: value(values.riskLevel),
    riskReason: text(values.riskReason),
    address: text(values.address),
    notes: text(values.notes),
    health: value(values.health),
    healthNotes: text(values.healthNotes),
    disabilityType: text(values.disabilityType),
    disabilityGrade: value(values.disabilityGrade),
    livingSituation: value(values.livingSituation),
    consent: consentOf(values.consent),
    // A hidden section is left as stored, never wiped: a file does not lose a child's record
    // because a group was unticked.
    child: sections.child ? childOf(values.child) : undefined,
    elder: sections.elder ? elderOf(values.elder) : undefined,
  };
  if (values.status) request.status = values.status;
  const idNumber = text(values.idNumber);
  if (idNumber) request.idNumber = idNumber;
  return request;
}

function parentValues(person: Person, role: ParentRole): ParentValues | undefined {
  const found = person.child?.parents?.find((p) => p.role === role);
  if (!found) return undefined;
  const { role: _role, ...rest } = found;
  return rest;
}

/** The form's values for a file on record (the identity number stays empty: it is only shown masked). */
export function fromPerson(person: Person): PersonFormValues {
  return {
    name: person.name,
    gender: person.gender,
    birthDate: person.birthDate ? dayjs(person.birthDate) : null,
    ethnicity: (person.ethnicity ?? null) as PersonFormValues['ethnicity'],
    status: person.status,
    phone: person.phone,
    villageId: person.villageId,
    householdId: person.householdId,
    relationToHead: person.relationToHead,
    address: person.address,
    groups: person.groups as GroupCode[],
    riskLevel: person.riskLevel,
    health: person.health,
    healthNotes: person.healthNotes,
    disabilityType: person.disabilityType,
    disabilityGrade: person.disabilityGrade,
    livingSituation: (person.livingSituation ?? null) as PersonFormValues['livingSituation'],
    notes: person.notes,
    child: person.child
      ? {
          schooling: person.child.schooling,
          school: person.child.school,
          grade: person.child.grade,
          boarding: person.child.boarding,
          hukouRegistered: person.child.hukouRegistered,
          guardian: person.child.guardian ?? undefined,
          guardianshipType: person.child.guardianshipType,
          father: parentValues(person, 'father'),
          mother: parentValues(person, 'mother'),
          childDirector: person.child.childDirector ?? undefined,
        }
      : undefined,
    elder: person.elder
      ? {
          selfCare: person.elder.selfCare,
          emergencyContact: person.elder.emergencyContact ?? undefined,
          childrenAway: person.elder.childrenAway ?? [],
        }
      : undefined,
    consent: person.consent
      ? { ...person.consent, on: person.consent.on ? dayjs(person.consent.on) : null }
      : undefined,
  };
}

/** The file on record as a request, normalised exactly as the form's own values are. */
export function personAsRequest(person: Person): PersonRequest {
  return toRequest(fromPerson(person), { child: person.child !== null, elder: person.elder !== null });
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The keys of `next` that differ from `base`: what a PATCH sends. */
export function changedFields(base: PersonRequest, next: PersonRequest): Partial<PersonRequest> {
  const patch: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(base), ...Object.keys(next)]);
  for (const key of keys) {
    const nextValue: unknown = Reflect.get(next, key);
    if (nextValue === undefined) continue;
    if (!same(Reflect.get(base, key), nextValue)) patch[key] = nextValue;
  }
  return patch;
}

/** The age a birth date gives today, or null. */
export function ageFrom(birthDate: Dayjs | null | undefined, today: Dayjs = dayjs()): number | null {
  if (!birthDate) return null;
  return today.diff(birthDate, 'year');
}

/** Which optional sections the form shows: a child's for a child group or under 18, an elder's for an elder group or 60+. */
export function sectionsFor(groups: readonly string[] | undefined, age: number | null): { child: boolean; elder: boolean } {
  const list = groups ?? [];
  return {
    child: list.some((g) => (CHILD_GROUPS as string[]).includes(g)) || (age !== null && age < 18),
    elder: list.some((g) => (ELDER_GROUPS as string[]).includes(g)) || (age !== null && age >= 60),
  };
}

const TOP_FIELDS = new Set([
  'name', 'idNumber', 'gender', 'birthDate', 'ethnicity', 'status', 'phone', 'villageId', 'householdId', 'relationToHead', 'address',
  'groups', 'riskLevel', 'riskReason', 'health', 'healthNotes', 'disabilityType', 'disabilityGrade', 'livingSituation', 'notes',
]);

/** The form field that shows a server issue at `segments` of the request that was sent. */
export function fieldForIssue(segments: string[], sent: PersonRequest): FieldName | null {
  const [head, second, third, fourth] = segments;
  if (head === undefined) return null;
  if (TOP_FIELDS.has(head)) return head;
  if (head === 'consent') return second ? ['consent', second] : null;
  if (head === 'child' && second === 'parents' && third !== undefined && fourth !== undefined) {
    const role = sent.child?.parents?.[Number(third)]?.role;
    return role ? ['child', role, fourth] : null;
  }
  if (head === 'elder' && second === 'childrenAway' && third !== undefined && fourth !== undefined) return ['elder', 'childrenAway', Number(third), fourth];
  if ((head === 'child' || head === 'elder') && second !== undefined) return third !== undefined ? [head, second, third] : [head, second];
  return null;
}

