import { describe, expect, it } from 'vitest';
import { FESTIVAL_CODES, type FestivalCode } from '../../../shared/codes';
import { festivalDate, festivalsOfYear, nextOccurrence } from './festivals';

describe('festival dates', () => {
  it.each<[FestivalCode, number, string]>([
    ['spring_festival', 2025, '2025-01-29'],
    ['spring_festival', 2026, '2026-02-17'],
    ['spring_festival', 2027, '2027-02-06'],
    ['mid_autumn', 2024, '2024-09-17'],
    ['mid_autumn', 2025, '2025-10-06'],
    ['mid_autumn', 2026, '2026-09-25'],
    ['double_ninth', 2025, '2025-10-29'],
    ['double_ninth', 2026, '2026-10-18'],
    ['losar', 2026, '2026-02-18'],
    ['dragon_boat', 2025, '2025-05-31'],
    ['dragon_boat', 2026, '2026-06-19'],
    ['qingming', 2025, '2025-04-04'],
    ['qingming', 2026, '2026-04-05'],
    ['lantern', 2026, '2026-03-03'],
    ['laba', 2026, '2026-01-26'],
    ['helping_disabled_day', 2026, '2026-05-17'],
    ['social_work_day', 2026, '2026-03-17'],
    ['volunteer_day', 2026, '2026-12-05'],
    ['charity_day', 2026, '2026-09-05'],
  ])('%s of %i falls on %s', (code, year, date) => {
    expect(festivalDate(code, year)).toBe(date);
    expect(festivalsOfYear(year, 'zh-CN').find((f) => f.code === code)?.date).toBe(date);
  });

  it('a year lists every festival exactly once, in date order', () => {
    const festivals = festivalsOfYear(2026, 'zh-CN');
    expect(festivals.map((f) => f.code).sort()).toEqual([...FESTIVAL_CODES].sort());
    const dates = festivals.map((f) => f.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d.startsWith('2026-'))).toBe(true);
  });

  it('the third Sunday of May and the third Tuesday of March are that weekday, between the 15th and the 21st', () => {
    for (const year of [2024, 2025, 2026, 2027, 2028]) {
      const helping = festivalDate('helping_disabled_day', year)!;
      const socialWork = festivalDate('social_work_day', year)!;
      expect(new Date(`${helping}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(new Date(`${socialWork}T00:00:00Z`).getUTCDay()).toBe(2);
      expect(Number(helping.slice(8))).toBeGreaterThanOrEqual(15);
      expect(Number(helping.slice(8))).toBeLessThanOrEqual(21);
      expect(helping.slice(5, 7)).toBe('05');
      expect(socialWork.slice(5, 7)).toBe('03');
    }
  });

  it('names the day in its own calendar, in the caller language', () => {
    const zh = festivalsOfYear(2026, 'zh-CN');
    const en = festivalsOfYear(2026, 'en-US');
    expect(zh.find((f) => f.code === 'double_ninth')).toMatchObject({ name: '重阳节（老年节）', calendar: 'lunar', lunarDate: '农历九月初九' });
    expect(en.find((f) => f.code === 'double_ninth')).toMatchObject({ name: "Double Ninth (Elders' Day)", calendar: 'lunar', lunarDate: 'Lunar 9/9' });
    expect(zh.find((f) => f.code === 'losar')).toMatchObject({ calendar: 'tibetan', lunarDate: '藏历正月初一' });
    expect(en.find((f) => f.code === 'losar')).toMatchObject({ calendar: 'tibetan', lunarDate: 'Tibetan 1/1' });
    expect(zh.find((f) => f.code === 'qingming')).toMatchObject({ calendar: 'solar', lunarDate: null });
    expect(zh.find((f) => f.code === 'womens_day')).toMatchObject({ name: '妇女节', calendar: 'solar', lunarDate: null });
  });

  it('Laba of a lunar year that ends in the next Gregorian year is found in January', () => {
    // Lunar 2025's twelfth month begins in January 2026; lunar 2026's Laba falls in January 2027.
    expect(festivalsOfYear(2026, 'en-US').filter((f) => f.code === 'laba')).toEqual([
      { code: 'laba', name: 'Laba Festival', date: '2026-01-26', calendar: 'lunar', lunarDate: 'Lunar 12/8' },
    ]);
  });
});

describe('the next occurrence of a festival', () => {
  it('is this year while the day has not passed, the day itself included', () => {
    expect(nextOccurrence('double_ninth', '2026-06-01')).toEqual({ year: 2026, date: '2026-10-18' });
    expect(nextOccurrence('double_ninth', '2026-10-18')).toEqual({ year: 2026, date: '2026-10-18' });
  });

  it('is next year once the day has passed', () => {
    expect(nextOccurrence('spring_festival', '2026-11-29')).toEqual({ year: 2027, date: '2027-02-06' });
    expect(nextOccurrence('mid_autumn', '2025-10-07')).toEqual({ year: 2026, date: '2026-09-25' });
  });
});
