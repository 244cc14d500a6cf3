import { describe, expect, it } from 'vitest';
import { DEFAULT_CARE_RULES } from '../../../shared/codes';
import { addDays, audienceOf, channelsServedBy, daysBetween, inSpecialDifficulty, nextDueDay, plansInForce, shareVillages, wellbeingFalling, type CarePerson } from './care.rules';

const elder = (overrides: Partial<CarePerson> = {}): CarePerson => ({ id: 'p1', villageId: 'v1', groups: ['elder', 'solitary_elder'], riskLevel: 'high', status: 'active', ...overrides });

describe('contact plans from the station rules', () => {
  it('a solitary elder at high risk is phoned weekly and visited every two weeks (DOMAIN.md defaults)', () => {
    const result = plansInForce(elder(), DEFAULT_CARE_RULES, null, 'w1');
    expect(result).toEqual({
      source: 'rule',
      noPlanReason: null,
      plans: [
        { channel: 'phone', everyDays: 7, responsibleId: 'w1' },
        { channel: 'home_visit', everyDays: 14, responsibleId: 'w1' },
      ],
    });
  });

  it('an elder in special difficulty at medium risk is visited monthly, the policy floor', () => {
    const plans = plansInForce(elder({ riskLevel: 'medium' }), DEFAULT_CARE_RULES, null, 'w1').plans;
    expect(plans.find((p) => p.channel === 'home_visit')?.everyDays).toBe(30);
    expect(plans.find((p) => p.channel === 'phone')?.everyDays).toBe(14);
  });

  it('a left-behind child at low risk is phoned monthly and visited quarterly', () => {
    const plans = plansInForce(elder({ groups: ['left_behind_child'], riskLevel: 'low' }), DEFAULT_CARE_RULES, null, null).plans;
    expect(plans.map((p) => [p.channel, p.everyDays])).toEqual([
      ['phone', 30],
      ['home_visit', 90],
    ]);
  });

  it('a person whose risk was never assessed has no plan, and says why', () => {
    expect(plansInForce(elder({ riskLevel: null }), DEFAULT_CARE_RULES, null, 'w1')).toEqual({ source: 'none', plans: [], noPlanReason: 'no_risk_level' });
  });

  it('people outside the care groups, and people who moved or died, have no plan', () => {
    expect(plansInForce(elder({ groups: ['woman'] }), DEFAULT_CARE_RULES, null, 'w1').noPlanReason).toBe('not_in_care_group');
    expect(plansInForce(elder({ status: 'moved' }), DEFAULT_CARE_RULES, null, 'w1').noPlanReason).toBe('inactive');
    expect(plansInForce(elder({ status: 'deceased' }), DEFAULT_CARE_RULES, [{ channel: 'phone', everyDays: 7, responsibleId: null }], 'w1').noPlanReason).toBe('inactive');
  });

  it("a person's own plan replaces the rules; its responsible defaults to the village worker", () => {
    const result = plansInForce(elder(), DEFAULT_CARE_RULES, [{ channel: 'phone', everyDays: 3, responsibleId: null }], 'w1');
    expect(result).toEqual({ source: 'override', noPlanReason: null, plans: [{ channel: 'phone', everyDays: 3, responsibleId: 'w1' }] });
  });

  it('a rule with no regular contact on a channel makes no plan for it', () => {
    const rules = structuredClone(DEFAULT_CARE_RULES);
    rules.elder.low = { phone: 30, home_visit: null };
    expect(plansInForce(elder({ riskLevel: 'low' }), rules, null, 'w1').plans.map((p) => p.channel)).toEqual(['phone']);
  });

  it('elder rules win for a person in both an elder and another group', () => {
    expect(audienceOf(['disabled', 'elder'])).toBe('elder');
    expect(audienceOf(['unsupported_child', 'disabled'])).toBe('child');
    expect(audienceOf(['woman'])).toBeNull();
  });
});

describe('elders in special difficulty', () => {
  it('are elders living alone, empty-nest, solitary, disabled or in extreme poverty', () => {
    expect(inSpecialDifficulty({ groups: ['elder'], livingSituation: 'alone' })).toBe(true);
    expect(inSpecialDifficulty({ groups: ['elder', 'disabled'], livingSituation: 'with_children' })).toBe(true);
    expect(inSpecialDifficulty({ groups: ['empty_nest_elder'], livingSituation: null })).toBe(true);
    expect(inSpecialDifficulty({ groups: ['elder'], livingSituation: 'with_children' })).toBe(false);
    expect(inSpecialDifficulty({ groups: ['disabled'], livingSituation: 'alone' })).toBe(false);
  });
});

describe('days', () => {
  it('the next contact is due the cadence after the last one, or today if there never was one', () => {
    expect(nextDueDay(null, 7, '2026-11-29')).toBe('2026-11-29');
    expect(nextDueDay('2026-11-20', 7, '2026-11-29')).toBe('2026-11-27');
    expect(nextDueDay('2026-12-28', 14, '2026-11-29')).toBe('2027-01-11');
  });

  it('adds and counts days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2026-11-01', '2026-11-29')).toBe(28);
    expect(daysBetween('2026-11-29', '2026-11-22')).toBe(-7);
  });

  it('a visit counts as a call; a video call counts as a call; an office visit counts for neither', () => {
    expect(channelsServedBy('home_visit')).toEqual(['phone', 'home_visit']);
    expect(channelsServedBy('online')).toEqual(['phone']);
    expect(channelsServedBy('office')).toEqual([]);
  });
});

describe('sharing villages among workers', () => {
  const villages = [
    { villageId: 'a', people: 40 },
    { villageId: 'b', people: 30 },
    { villageId: 'c', people: 20 },
    { villageId: 'd', people: 10 },
  ];

  it('gives each village one worker and evens the load, largest village first', () => {
    const shared = shareVillages(villages, ['w1', 'w2'], {});
    expect(Object.fromEntries(shared)).toEqual({ a: 'w1', b: 'w2', c: 'w2', d: 'w1' });
  });

  it("keeps the manager's choices and shares the rest around them", () => {
    const shared = shareVillages(villages, ['w1', 'w2'], { a: 'w2' });
    expect(shared.get('a')).toBe('w2');
    expect(shared.get('b')).toBe('w1');
    // After b, w1 holds 30 and w2 40: c goes to w1 (50), then d to w2 (50).
    expect(shared.get('c')).toBe('w1');
    expect(shared.get('d')).toBe('w2');
  });

  it('gives the same answer for the same input, and none without workers', () => {
    expect(shareVillages(villages, ['w1', 'w2', 'w3'], {})).toEqual(shareVillages([...villages].reverse(), ['w1', 'w2', 'w3'], {}));
    expect(shareVillages(villages, [], {}).size).toBe(0);
  });
});

describe('wellbeing falling', () => {
  it('is two falls in a row over the last three scores', () => {
    expect(wellbeingFalling([4, 3, 2])).toBe(true);
    expect(wellbeingFalling([5, 5, 4, 3, 2])).toBe(true);
    expect(wellbeingFalling([4, 3, 3])).toBe(false);
    expect(wellbeingFalling([2, 3, 2])).toBe(false);
    expect(wellbeingFalling([4, 3])).toBe(false);
  });
});
