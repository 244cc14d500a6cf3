import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { GROUPS } from '../../../shared/codes';
import { fileNameOf, needTypesFor, nextStatuses, periodRange, RANKING_GROUPS, sortForPerson, surveyFor } from './needs-model';

describe('the needs pages’ rules', () => {
  it('offers the most surveyed groups first and every group once', () => {
    expect(RANKING_GROUPS.slice(0, 3)).toEqual(['elder', 'left_behind_child', 'woman']);
    expect([...RANKING_GROUPS].sort()).toEqual(Object.keys(GROUPS).sort());
  });

  it('counts the last twelve months back from today, today included', () => {
    const today = dayjs('2026-11-29');
    expect(periodRange('last12', today)).toEqual({ from: '2025-11-30', to: '2026-11-29' });
    expect(periodRange('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-11-29' });
    expect(periodRange('lastYear', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodRange('all', today)).toEqual({});
  });

  it('moves a need on as the register allows: identified → being served → met or not met, and reopens a closed one', () => {
    expect(nextStatuses('identified')).toEqual(['being_served', 'met', 'unmet']);
    expect(nextStatuses('being_served')).toEqual(['met', 'unmet', 'identified']);
    expect(nextStatuses('met')).toEqual(['identified']);
    expect(nextStatuses('unmet')).toEqual(['being_served', 'identified']);
  });

  it('lists a person’s open needs before the closed ones, newest first within each', () => {
    const needs = [
      { id: 'a', status: 'met' as const, identifiedAt: '2026-10-01T00:00:00Z' },
      { id: 'b', status: 'identified' as const, identifiedAt: '2026-03-01T00:00:00Z' },
      { id: 'c', status: 'being_served' as const, identifiedAt: '2026-06-01T00:00:00Z' },
      { id: 'd', status: 'unmet' as const, identifiedAt: '2026-11-01T00:00:00Z' },
    ];
    expect(sortForPerson(needs).map((need) => need.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('suggests an elder’s need types first, and a mother of left-behind children both women’s and no children’s', () => {
    const elder = needTypesFor(['empty_nest_elder']);
    expect(elder.suggested[0]).toBe('healthcare');
    expect(elder.suggested).not.toContain('tutoring');
    expect(elder.others).toContain('tutoring');
    const woman = needTypesFor(['woman', 'needy_household']);
    expect(woman.suggested).toEqual(['child_education', 'family_health', 'employment', 'rights_protection']);
    const nobody = needTypesFor([]);
    expect(nobody.suggested).toEqual([]);
    expect(nobody.others).toHaveLength(17);
  });

  it('picks the open survey of one of the person’s groups that was used last', () => {
    const base = { status: 'open', lastResponseAt: null, updatedAt: '2026-01-01T00:00:00Z' };
    const surveys = [
      { ...base, id: 'children', audience: 'left_behind_child' },
      { ...base, id: 'old', audience: 'elder', lastResponseAt: '2026-05-01T00:00:00Z' },
      { ...base, id: 'recent', audience: 'elder', lastResponseAt: '2026-11-01T00:00:00Z' },
      { ...base, id: 'closed', audience: 'elder', status: 'closed', lastResponseAt: '2026-11-20T00:00:00Z' },
    ];
    expect(surveyFor(surveys, ['elder', 'disabled'])?.id).toBe('recent');
    expect(surveyFor(surveys, ['woman'])).toBeNull();
    // An empty-nest elder answers the elders' questionnaire, unless there is one for empty-nest elders.
    expect(surveyFor(surveys, ['empty_nest_elder'])?.id).toBe('recent');
    expect(surveyFor([...surveys, { ...base, id: 'nest', audience: 'empty_nest_elder' }], ['empty_nest_elder'])?.id).toBe('nest');
  });

  it('names a download as the server does, Chinese names included', () => {
    const name = encodeURIComponent('老年人需求排序.xlsx');
    expect(fileNameOf(`attachment; filename="needs-ranking.xlsx"; filename*=UTF-8''${name}`, 'x.xlsx')).toBe('老年人需求排序.xlsx');
    expect(fileNameOf('attachment; filename="needs-ranking.svg"', 'x.svg')).toBe('needs-ranking.svg');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A", 'x.svg')).toBe('x.svg');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
