import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { Person } from './people-types';
import { changedFields, fieldForIssue, fromPerson, personAsRequest, sectionsFor, toRequest } from './person-form-values';
import { applyChoices, mergeRows } from './person-merge';

function person(overrides: Partial<Person> = {}): Person {
  return {
    id: '0190f000-0000-7000-8000-000000000001',
    stationId: '0190f000-0000-7000-8000-000000000002',
    villageId: '0190f000-0000-7000-8000-000000000003',
    villageName: '松山村',
    householdId: null,
    name: '张小梅',
    gender: 'female',
    birthDate: '2016-03-08',
    age: 10,
    ethnicity: 'tibetan',
    phone: null,
    groups: ['left_behind_child'],
    riskLevel: 'medium',
    status: 'active',
    idNumberMasked: '620623********1234',
    version: 3,
    relationToHead: null,
    address: '松山村二社',
    notes: null,
    health: 'healthy',
    healthNotes: null,
    disabilityType: null,
    disabilityGrade: null,
    livingSituation: 'with_grandparents',
    consent: null,
    child: {
      school: '松山小学',
      grade: '四年级',
      boarding: false,
      guardian: { name: '张奶奶', phone: '13900000001', relation: '祖母', capacity: 'fair' },
      parents: [{ role: 'father', name: '张军', phone: '13800000002', status: 'away', workProvince: '浙江', workCity: '宁波', contactFrequency: 'monthly' }],
    },
    elder: null,
    benefits: [],
    eligibleBenefits: [],
    flags: { parentsCallRarely: true, openDangerReport: false, childMayBeAlone: false, groupAgeMismatch: [] },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('the person form and its request', () => {
  it('a file read back into the form and out again sends nothing when nothing was touched', () => {
    const loaded = person();
    const mine = toRequest(fromPerson(loaded), sectionsFor(loaded.groups, loaded.age));
    expect(changedFields(personAsRequest(loaded), mine)).toEqual({});
  });

  it('typing a phone sends the phone only; blank text becomes null', () => {
    const loaded = person();
    const values = { ...fromPerson(loaded), phone: ' 13912345678 ', notes: '   ' };
    expect(changedFields(personAsRequest(loaded), toRequest(values, sectionsFor(loaded.groups, loaded.age)))).toEqual({ phone: '13912345678' });
  });

  it('a parent typed in the form becomes a parents entry with a status, and a hidden section is left as stored', () => {
    const request = toRequest(
      { name: '李娜', villageId: 'v', birthDate: dayjs('2015-01-01'), child: { mother: { name: '王芳', workCity: '兰州' } } },
      { child: true, elder: false },
    );
    expect(request.child?.parents).toEqual([{ role: 'mother', name: '王芳', phone: null, status: 'unknown', workProvince: null, workCity: '兰州', contactFrequency: null }]);
    expect(request.elder).toBeUndefined();
  });

  it('a child group or an age under 18 shows the child section; 60 or an elder group the elder section', () => {
    expect(sectionsFor(['left_behind_child'], null)).toEqual({ child: true, elder: false });
    expect(sectionsFor([], 12)).toEqual({ child: true, elder: false });
    expect(sectionsFor(['empty_nest_elder'], null)).toEqual({ child: false, elder: true });
    expect(sectionsFor([], 60)).toEqual({ child: false, elder: true });
    expect(sectionsFor([], 40)).toEqual({ child: false, elder: false });
  });
});

describe('merging after a version conflict', () => {
  const loaded = person();
  const base = personAsRequest(loaded);

  it('their phone and your address are both kept by default', () => {
    const theirs = personAsRequest(person({ phone: '13700000000', version: 4 }));
    const mine = { ...base, address: '松山村三社' };
    const rows = mergeRows(base, theirs, mine);
    expect(rows.map((row) => [row.path, row.defaultChoice])).toEqual([
      ['phone', 'theirs'],
      ['address', 'mine'],
    ]);
    const merged = applyChoices(theirs, rows, {});
    expect(merged.phone).toBe('13700000000');
    expect(merged.address).toBe('松山村三社');
    expect(changedFields(theirs, merged)).toEqual({ address: '松山村三社' });
  });

  it('both changing the same item offers both, yours by default, and theirs when chosen', () => {
    const theirs = personAsRequest(person({ riskLevel: 'high' }));
    const mine = { ...base, riskLevel: 'low' as const };
    const rows = mergeRows(base, theirs, mine);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ path: 'riskLevel', base: 'medium', theirs: 'high', mine: 'low', mineChanged: true, defaultChoice: 'mine' });
    expect(applyChoices(theirs, rows, {}).riskLevel).toBe('low');
    expect(applyChoices(theirs, rows, { riskLevel: 'theirs' }).riskLevel).toBe('high');
  });

  it("inside the child's file, their school and your guardian phone are separate items", () => {
    const theirChild = { ...loaded.child, school: '安远中心小学' };
    const theirs = personAsRequest(person({ child: theirChild }));
    const mine = { ...base, child: { ...base.child, guardian: { name: '张奶奶', phone: '13911112222', relation: '祖母', capacity: 'fair' as const } } };
    const rows = mergeRows(base, theirs, mine);
    expect(rows.map((row) => row.path)).toEqual(['child.school', 'child.guardian']);
    const merged = applyChoices(theirs, rows, {});
    expect(merged.child?.school).toBe('安远中心小学');
    expect(merged.child?.guardian?.phone).toBe('13911112222');
  });

  it('the same change made by both needs no choice', () => {
    const theirs = personAsRequest(person({ phone: '13700000000' }));
    expect(mergeRows(base, theirs, { ...base, phone: '13700000000' })).toEqual([]);
  });
});

describe('server errors onto the form', () => {
  const sent = toRequest({ name: 'x', villageId: 'v', child: { mother: { name: '王芳', phone: '123' } } }, { child: true, elder: false });

  it('a top-level field, a group and a parent each land on the field that shows them', () => {
    expect(fieldForIssue(['idNumber'], sent)).toBe('idNumber');
    expect(fieldForIssue(['groups', '0'], sent)).toBe('groups');
    expect(fieldForIssue(['child', 'parents', '0', 'phone'], sent)).toEqual(['child', 'mother', 'phone']);
    expect(fieldForIssue(['child', 'guardian', 'phone'], sent)).toEqual(['child', 'guardian', 'phone']);
    expect(fieldForIssue(['elder', 'childrenAway', '1', 'name'], sent)).toEqual(['elder', 'childrenAway', 1, 'name']);
    expect(fieldForIssue([''], sent)).toBeNull();
  });
});
