import type { Dayjs } from 'dayjs';
import { GROUPS, NEED_TRANSITIONS, NEED_TYPES_BY_AUDIENCE, OPEN_NEED_STATUSES, type GroupCode, type NeedStatus, type NeedTypeCode } from '../../../shared/codes';

/** The groups the station surveys most, in the order a manager reads them; the others follow in code-list order. */
export const MAIN_GROUPS: readonly GroupCode[] = ['elder', 'left_behind_child', 'woman'];
export const RANKING_GROUPS: readonly GroupCode[] = [...MAIN_GROUPS, ...(Object.keys(GROUPS) as GroupCode[]).filter((code) => !MAIN_GROUPS.includes(code))];

export function isGroup(value: string | null): value is GroupCode {
  return value !== null && Object.hasOwn(GROUPS, value);
}

export type Period = 'last12' | 'thisYear' | 'lastYear' | 'all' | 'custom';
export const PERIODS: readonly Period[] = ['last12', 'thisYear', 'lastYear', 'all', 'custom'];

export function isPeriod(value: string | null): value is Period {
  return PERIODS.some((period) => period === value);
}

/** The days a period covers, counted back from today (`YYYY-MM-DD`); "all" has no bounds, "custom" is the caller's. */
export function periodRange(period: Exclude<Period, 'custom'>, today: Dayjs): { from?: string; to?: string } {
  const day = (value: Dayjs) => value.format('YYYY-MM-DD');
  switch (period) {
    case 'last12':
      return { from: day(today.subtract(12, 'month').add(1, 'day')), to: day(today) };
    case 'thisYear':
      return { from: day(today.startOf('year')), to: day(today) };
    case 'lastYear': {
      const last = today.subtract(1, 'year');
      return { from: day(last.startOf('year')), to: day(last.endOf('year')) };
    }
    case 'all':
      return {};
  }
}

/** The statuses a need can move to from its status (NEED_TRANSITIONS), in the order a worker meets them. */
export function nextStatuses(status: NeedStatus): NeedStatus[] {
  const order: NeedStatus[] = ['being_served', 'met', 'unmet', 'identified'];
  return order.filter((next) => NEED_TRANSITIONS[status].includes(next));
}

export function isOpen(status: NeedStatus): boolean {
  return OPEN_NEED_STATUSES.includes(status);
}

/** A person's needs as their file shows them: open ones first, each part newest first. */
export function sortForPerson<T extends { status: NeedStatus; identifiedAt: string }>(needs: readonly T[]): T[] {
  return [...needs].sort((a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status)) || b.identifiedAt.localeCompare(a.identifiedAt));
}

const ELDERLY: readonly GroupCode[] = ['elder', 'empty_nest_elder', 'solitary_elder'];
const CHILDREN: readonly GroupCode[] = ['left_behind_child', 'child_in_difficulty', 'unsupported_child', 'other_child', 'minority_girl'];

/**
 * The need types that belong with a person's groups (elders', children's, women's), first, and
 * then the rest: what the "add a need" picker offers on top.
 */
export function needTypesFor(groups: readonly string[]): { suggested: NeedTypeCode[]; others: NeedTypeCode[] } {
  const suggested = new Set<NeedTypeCode>();
  if (groups.some((group) => ELDERLY.some((code) => code === group))) NEED_TYPES_BY_AUDIENCE.elder.forEach((code) => suggested.add(code));
  if (groups.some((group) => CHILDREN.some((code) => code === group))) NEED_TYPES_BY_AUDIENCE.child.forEach((code) => suggested.add(code));
  if (groups.includes('woman')) NEED_TYPES_BY_AUDIENCE.woman.forEach((code) => suggested.add(code));
  const all: NeedTypeCode[] = [...NEED_TYPES_BY_AUDIENCE.elder, ...NEED_TYPES_BY_AUDIENCE.child, ...NEED_TYPES_BY_AUDIENCE.woman];
  return { suggested: all.filter((code) => suggested.has(code)), others: all.filter((code) => !suggested.has(code)) };
}

/** Whether a survey for `audience` is for a person of these groups: their own group, or elders' for any elder. */
function fits(audience: string, groups: readonly string[]): 0 | 1 | 2 {
  if (groups.includes(audience)) return 2;
  if (audience === 'elder' && groups.some((group) => ELDERLY.some((code) => code === group))) return 1;
  return 0;
}

/**
 * The open survey to fill in with a person: one for their own group before an elders' one for an
 * empty-nest or solitary elder; among those, the one used last. None when nothing fits.
 */
export function surveyFor<T extends { audience: string; status: string; lastResponseAt: string | null; updatedAt: string }>(
  surveys: readonly T[],
  groups: readonly string[],
): T | null {
  const fitting = surveys.filter((survey) => survey.status === 'open' && fits(survey.audience, groups) > 0);
  const used = (survey: T) => survey.lastResponseAt ?? survey.updatedAt;
  return fitting.sort((a, b) => fits(b.audience, groups) - fits(a.audience, groups) || used(b).localeCompare(used(a)))[0] ?? null;
}

/** The file name a reply's Content-Disposition gives (`filename*=UTF-8''…` first), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed name: the plain one, or the fallback.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}
