import { describe, expect, it } from 'vitest';
import { NEED_SERVICE_TYPES, NEED_STATUSES, NEED_TYPES, type NeedStatus, type NeedTypeCode } from '../../../shared/codes';
import { addedNeeds, answeringServiceTypes, checkNeedTransition, rankNeeds } from './needs.rules';

describe('the needs ranking arithmetic', () => {
  // 20 elders answered; counts as the survey module reports them, in no particular order.
  const counts = [
    { needType: 'anti_fraud', count: 3, firstChoice: 0 },
    { needType: 'recreation', count: 9, firstChoice: 2 },
    { needType: 'companionship', count: 0, firstChoice: 0 },
    { needType: 'healthcare', count: 14, firstChoice: 9 },
    { needType: 'daily_care', count: 9, firstChoice: 1 },
    { needType: 'elder_education', count: 9, firstChoice: 2 },
    { needType: 'digital_skills', count: 3, firstChoice: 0 },
    { needType: 'policy_access', count: 1, firstChoice: 1 },
  ] satisfies { needType: NeedTypeCode; count: number; firstChoice: number }[];

  it('sorts by count, then first choices, then the order of the need types, with competition ranks for true ties', () => {
    const ranked = rankNeeds(20, counts);
    expect(ranked.map((r) => [r.needType, r.count, r.firstChoice, r.rank])).toEqual([
      ['healthcare', 14, 9, 1],
      // Equal count and equal first choices share second place, listed in NEED_TYPES order…
      ['elder_education', 9, 2, 2],
      ['recreation', 9, 2, 2],
      // …the same count with fewer first choices comes after them: fourth, not third.
      ['daily_care', 9, 1, 4],
      ['digital_skills', 3, 0, 5],
      ['anti_fraud', 3, 0, 5],
      ['policy_access', 1, 1, 7],
    ]);
  });

  it('shares are count / respondents; needs nobody expressed are left out', () => {
    const ranked = rankNeeds(20, counts);
    expect(ranked.find((r) => r.needType === 'healthcare')!.share).toBe(0.7);
    expect(ranked.find((r) => r.needType === 'recreation')!.share).toBe(0.45);
    expect(ranked.find((r) => r.needType === 'policy_access')!.share).toBe(0.05);
    expect(ranked.some((r) => r.needType === 'companionship')).toBe(false);
  });

  it('nobody responding gives an empty ranking, and a share is 0 rather than a division by zero', () => {
    expect(rankNeeds(0, [])).toEqual([]);
    expect(rankNeeds(0, [{ needType: 'tutoring', count: 1, firstChoice: 0 }])).toEqual([{ needType: 'tutoring', count: 1, firstChoice: 0, share: 0, rank: 1 }]);
  });

  it('does not change the counts it was given', () => {
    const copy = structuredClone(counts);
    rankNeeds(20, counts);
    expect(counts).toEqual(copy);
  });
});

describe('need status moves', () => {
  const statuses = Object.keys(NEED_STATUSES) as NeedStatus[];
  it.each([
    ['identified', 'being_served', true, false],
    ['identified', 'met', true, false],
    ['being_served', 'unmet', true, false],
    ['being_served', 'identified', true, false],
    ['met', 'identified', true, true],
    ['unmet', 'identified', true, true],
    ['unmet', 'being_served', true, true],
    ['met', 'being_served', false, false],
    ['met', 'unmet', false, false],
    ['identified', 'identified', false, false],
  ] as const)('%s → %s allowed: %s, reopens: %s', (from, to, ok, reopens) => {
    const check = checkNeedTransition(from, to);
    expect(check.ok).toBe(ok);
    if (check.ok) expect(check.reopens).toBe(reopens);
  });

  it('every status can move somewhere', () => {
    for (const from of statuses) expect(statuses.some((to) => checkNeedTransition(from, to).ok)).toBe(true);
  });
});

describe('which services answer a need', () => {
  it('every need type has at least one answering service type', () => {
    for (const code of Object.keys(NEED_TYPES) as NeedTypeCode[]) expect(answeringServiceTypes(code).length).toBeGreaterThan(0);
    expect(answeringServiceTypes('healthcare')).toEqual(NEED_SERVICE_TYPES.healthcare);
  });
});

describe('needs an assessment adds', () => {
  it('are those it names now and did not before, once each', () => {
    expect(addedNeeds(null, ['daily_care', 'companionship'])).toEqual(['daily_care', 'companionship']);
    expect(addedNeeds(['daily_care'], ['daily_care', 'companionship', 'companionship'])).toEqual(['companionship']);
    expect(addedNeeds(['daily_care', 'companionship'], ['daily_care'])).toEqual([]);
    expect(addedNeeds(['daily_care'], null)).toEqual([]);
  });
});
