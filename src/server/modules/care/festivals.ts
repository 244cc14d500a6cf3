import { LunarDay, RabByungMonth, SolarTerm, type SolarDay } from 'tyme4ts';
import { FESTIVAL_CODES, FESTIVALS, type CalendarKind, type FestivalCode } from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';
import type { Festival } from '../../../shared/schemas/care';

/**
 * Festivals and days of care (DOMAIN.md), computed from the lunar, Tibetan and Gregorian
 * calendars: how each is fixed, never its Gregorian date.
 */
type Rule =
  | { kind: 'lunar'; month: number; day: number }
  | { kind: 'solar_term'; term: string }
  | { kind: 'tibetan_new_year' }
  | { kind: 'fixed'; month: number; day: number }
  /** The nth given weekday (0 = Sunday) of a month. */
  | { kind: 'nth_weekday'; month: number; weekday: number; nth: number };

const RULES: Record<FestivalCode, Rule> = {
  new_year: { kind: 'fixed', month: 1, day: 1 },
  laba: { kind: 'lunar', month: 12, day: 8 },
  spring_festival: { kind: 'lunar', month: 1, day: 1 },
  losar: { kind: 'tibetan_new_year' },
  lantern: { kind: 'lunar', month: 1, day: 15 },
  lei_feng_day: { kind: 'fixed', month: 3, day: 5 },
  womens_day: { kind: 'fixed', month: 3, day: 8 },
  social_work_day: { kind: 'nth_weekday', month: 3, weekday: 2, nth: 3 },
  qingming: { kind: 'solar_term', term: '清明' },
  helping_disabled_day: { kind: 'nth_weekday', month: 5, weekday: 0, nth: 3 },
  childrens_day: { kind: 'fixed', month: 6, day: 1 },
  dragon_boat: { kind: 'lunar', month: 5, day: 5 },
  charity_day: { kind: 'fixed', month: 9, day: 5 },
  mid_autumn: { kind: 'lunar', month: 8, day: 15 },
  elders_day: { kind: 'fixed', month: 10, day: 1 },
  double_ninth: { kind: 'lunar', month: 9, day: 9 },
  disability_day: { kind: 'fixed', month: 12, day: 3 },
  volunteer_day: { kind: 'fixed', month: 12, day: 5 },
};

interface Occurrence {
  date: string;
  calendar: CalendarKind;
  /** The day in its own calendar, per language; null for Gregorian days. */
  lunarDate: Record<Lang, string> | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dayString(day: SolarDay): string {
  return `${day.getYear()}-${pad(day.getMonth())}-${pad(day.getDay())}`;
}

/** The Gregorian day of the nth weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((weekday - firstWeekday + 7) % 7) + (nth - 1) * 7;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A lunar day can fall in the Gregorian year before or after its lunar year (腊八 of one lunar
 * year is usually in January of the next Gregorian one), so both lunar years that overlap `year`
 * are asked. In some years 腊八 comes twice (January and late December), in the next not at all.
 */
function lunarOccurrences(year: number, month: number, day: number): Occurrence[] {
  return [year - 1, year]
    .map((lunarYear) => LunarDay.fromYmd(lunarYear, month, day))
    .map((lunar) => ({
      date: dayString(lunar.getSolarDay()),
      calendar: 'lunar' as const,
      lunarDate: { 'zh-CN': `农历${lunar.getLunarMonth().getName()}${lunar.getName()}`, 'en-US': `Lunar ${lunar.getMonth()}/${lunar.getDay()}` },
    }))
    .filter((o) => o.date.startsWith(`${year}-`));
}

/**
 * Losar is the first day of the first Tibetan month (the day after a skipped 初一 when the
 * calendar leaves it out, as in 1977). The library's Tibetan tables cover only some decades
 * (1951–2050 today): outside them there is no Losar to give.
 */
function losar(year: number): Occurrence[] {
  let first;
  try {
    first = RabByungMonth.fromYm(year, 1).getDays()[0];
  } catch {
    return [];
  }
  if (!first) return [];
  const date = dayString(first.getSolarDay());
  if (!date.startsWith(`${year}-`)) return [];
  return [
    {
      date,
      calendar: 'tibetan',
      lunarDate: { 'zh-CN': `藏历${first.getRabByungMonth().getName()}${first.getName()}`, 'en-US': `Tibetan ${first.getMonth()}/${first.getDay()}` },
    },
  ];
}

/** Every day a festival falls on in a Gregorian year: usually one, 腊八 sometimes none or two. */
function occurrences(code: FestivalCode, year: number): Occurrence[] {
  const rule = RULES[code];
  switch (rule.kind) {
    case 'lunar':
      return lunarOccurrences(year, rule.month, rule.day);
    case 'solar_term':
      return [{ date: dayString(SolarTerm.fromName(year, rule.term).getSolarDay()), calendar: 'solar', lunarDate: null }];
    case 'tibetan_new_year':
      return losar(year);
    case 'fixed':
      return [{ date: `${year}-${pad(rule.month)}-${pad(rule.day)}`, calendar: 'solar', lunarDate: null }];
    case 'nth_weekday':
      return [{ date: nthWeekday(year, rule.month, rule.weekday, rule.nth), calendar: 'solar', lunarDate: null }];
  }
}

/** The festivals and days of care that fall in a Gregorian year, by date (ties in FESTIVALS order). */
export function festivalsOfYear(year: number, lang: Lang): Festival[] {
  const found: Festival[] = [];
  for (const code of FESTIVAL_CODES) {
    for (const o of occurrences(code, year)) {
      found.push({ code, name: FESTIVALS[code][lang], date: o.date, calendar: o.calendar, lunarDate: o.lunarDate?.[lang] ?? null });
    }
  }
  const order = (code: FestivalCode) => FESTIVAL_CODES.indexOf(code);
  return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order(a.code) - order(b.code)));
}

/** A festival's day in a Gregorian year (the first, in a year 腊八 comes twice); null when it does not fall in that year. */
export function festivalDate(code: FestivalCode, year: number): string | null {
  return occurrences(code, year)[0]?.date ?? null;
}

/** The festival's next day on or after `today` (YYYY-MM-DD), with the Gregorian year it falls in. */
export function nextOccurrence(code: FestivalCode, today: string): { year: number; date: string } {
  const first = Number(today.slice(0, 4));
  // Two years ahead covers a year without 腊八.
  for (let year = first; year <= first + 2; year++) {
    const date = occurrences(code, year).find((o) => o.date >= today)?.date;
    if (date) return { year, date };
  }
  throw new Error(`${code} has no day after ${today} in the calendar tables`);
}
