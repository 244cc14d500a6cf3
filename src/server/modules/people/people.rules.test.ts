import { describe, expect, it } from 'vitest';
import { eligibleBenefits, groupProblems, namePinyin, personFlags, reconcileIdentity } from './people.rules';
import { checkCharacter } from '../../../shared/id-number';

const TODAY = '2026-11-29';
const idFor = (first17: string) => first17 + checkCharacter(first17);

describe('name search keys', () => {
  it('gives full pinyin and initials, reading surnames as surnames', () => {
    expect(namePinyin('张三')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(namePinyin('单雄信')).toEqual({ full: 'shanxiongxin', initials: 'sxx' });
    expect(namePinyin('才让卓玛')).toEqual({ full: 'cairangzhuoma', initials: 'crzm' });
    expect(namePinyin('吕小花')).toEqual({ full: 'lvxiaohua', initials: 'lxh' });
  });
});

describe('identity, sex and birth date', () => {
  it('derives sex and birth date from the number', () => {
    expect(reconcileIdentity({ idNumber: idFor('62062320150304002') }, TODAY)).toMatchObject({ gender: 'female', birthDate: '2015-03-04', problems: [] });
  });
  it('names a disagreeing sex or birth date, and a bad number', () => {
    const result = reconcileIdentity({ idNumber: idFor('62062320150304002'), gender: 'male', birthDate: '2015-03-05' }, TODAY);
    expect(result.problems.map((p) => p.key)).toEqual(['idNumber.genderMismatch', 'idNumber.birthDateMismatch']);
    const bad = idFor('62062320150304002').slice(0, 17) + (idFor('62062320150304002').endsWith('1') ? '2' : '1');
    expect(reconcileIdentity({ idNumber: bad }, TODAY).problems).toEqual([{ path: 'idNumber', key: 'idNumber.checksum', idNumber: true }]);
  });
});

describe('age-bound groups', () => {
  it('a left-behind child must be under 16, an elder 60 or over, a minority girl a girl', () => {
    expect(groupProblems(['left_behind_child'], '2010-11-29', 'male', TODAY)).toEqual([{ group: 'left_behind_child', key: 'group.tooOld' }]);
    expect(groupProblems(['left_behind_child'], '2010-11-30', 'male', TODAY)).toEqual([]);
    expect(groupProblems(['elder', 'solitary_elder'], '1966-11-30', 'female', TODAY).map((p) => p.key)).toEqual(['group.tooYoung', 'group.tooYoung']);
    expect(groupProblems(['minority_girl'], '2015-01-01', 'male', TODAY)).toEqual([{ group: 'minority_girl', key: 'group.gender' }]);
    expect(groupProblems(['disabled', 'elder'], null, null, TODAY)).toEqual([]);
  });
});

describe('flags', () => {
  it('flags a child whose parent away calls less than weekly', () => {
    const child = { parents: [{ role: 'father' as const, status: 'away' as const, contactFrequency: 'monthly' as const }] };
    const flags = personFlags({ birthDate: '2015-01-01', gender: 'male', groups: ['left_behind_child'], child, livingSituation: 'with_grandparents' }, false, TODAY);
    expect(flags).toEqual({ parentsCallRarely: true, openDangerReport: false, childMayBeAlone: false, groupAgeMismatch: [] });
    const weekly = { parents: [{ role: 'mother' as const, status: 'away' as const, contactFrequency: 'weekly' as const }] };
    expect(personFlags({ birthDate: '2015-01-01', gender: 'male', groups: [], child: weekly, livingSituation: 'alone' }, true, TODAY)).toMatchObject({
      parentsCallRarely: false,
      openDangerReport: true,
      childMayBeAlone: true,
    });
  });
});

describe('benefit eligibility', () => {
  const base = { birthDate: null, groups: [], disabilityGrade: null, benefits: [] };
  it('suggests the old-age allowance at 80 unless already received or applied for', () => {
    expect(eligibleBenefits({ ...base, birthDate: '1946-11-29' }, TODAY)).toEqual(['old_age_allowance']);
    expect(eligibleBenefits({ ...base, birthDate: '1946-11-30' }, TODAY)).toEqual([]);
    expect(eligibleBenefits({ ...base, birthDate: '1940-01-01', benefits: [{ benefit: 'old_age_allowance', status: 'applied' }] }, TODAY)).toEqual([]);
  });
  it('suggests the care subsidy for grade 1–2 and the living subsidy for disabled people on dibao', () => {
    expect(eligibleBenefits({ ...base, disabilityGrade: 2, groups: ['disabled', 'low_income'] }, TODAY)).toEqual(['disability_care', 'disability_living']);
    expect(eligibleBenefits({ ...base, disabilityGrade: 3, groups: ['disabled'] }, TODAY)).toEqual([]);
  });
  it('suggests extreme-poverty support for a solitary elder and dibao for a needy household', () => {
    expect(eligibleBenefits({ ...base, birthDate: '1950-05-05', groups: ['solitary_elder', 'needy_household'] }, TODAY)).toEqual(['tekun', 'dibao']);
  });
});
