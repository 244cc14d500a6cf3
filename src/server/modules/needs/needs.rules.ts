import { NEED_SERVICE_TYPES, NEED_TRANSITIONS, NEED_TYPES, OPEN_NEED_STATUSES, type NeedStatus, type NeedTypeCode } from '../../../shared/codes';

const NEED_ORDER = new Map((Object.keys(NEED_TYPES) as NeedTypeCode[]).map((code, index) => [code, index]));

export interface NeedCount {
  needType: NeedTypeCode;
  count: number;
  firstChoice: number;
}

export interface RankedNeed extends NeedCount {
  /** count / respondents, 0–1 (0 when nobody responded). */
  share: number;
  /** Competition ranking (1, 2, 2, 4): equal count and equal first choices share a place. */
  rank: number;
}

/**
 * The needs ranking of a group from its raw counts: needs nobody expressed are left out; most
 * respondents first, then most first choices, then the order of NEED_TYPES (so equal needs list
 * the same way every time). Only equal count and equal first choices share a rank.
 */
export function rankNeeds(respondents: number, counts: readonly NeedCount[]): RankedNeed[] {
  const order = (code: NeedTypeCode) => NEED_ORDER.get(code) ?? Number.MAX_SAFE_INTEGER;
  const sorted = counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || b.firstChoice - a.firstChoice || order(a.needType) - order(b.needType));
  const ranked: RankedNeed[] = [];
  sorted.forEach((need, index) => {
    const before = ranked[index - 1];
    const tied = before !== undefined && before.count === need.count && before.firstChoice === need.firstChoice;
    ranked.push({
      needType: need.needType,
      count: need.count,
      firstChoice: need.firstChoice,
      share: respondents > 0 ? need.count / respondents : 0,
      rank: tied ? before.rank : index + 1,
    });
  });
  return ranked;
}

export type TransitionCheck = { ok: true; reopens: boolean } | { ok: false };

/**
 * Whether a need may move from one status to another (NEED_TRANSITIONS). `reopens` is a move from
 * a closed status (met, unmet) back to an open one, which a second open need of the type blocks.
 */
export function checkNeedTransition(from: NeedStatus, to: NeedStatus): TransitionCheck {
  if (!NEED_TRANSITIONS[from].includes(to)) return { ok: false };
  return { ok: true, reopens: !isOpenStatus(from) && isOpenStatus(to) };
}

export function isOpenStatus(status: NeedStatus): boolean {
  return OPEN_NEED_STATUSES.includes(status);
}

/** The service types that answer a need type (NEED_SERVICE_TYPES), never empty for a known type. */
export function answeringServiceTypes(needType: NeedTypeCode): readonly string[] {
  return NEED_SERVICE_TYPES[needType] ?? [];
}

/** The need types a document names now that it did not name before (a saved assessment's new needs), in its order. */
export function addedNeeds(before: readonly NeedTypeCode[] | null | undefined, after: readonly NeedTypeCode[] | null | undefined): NeedTypeCode[] {
  const had = new Set(before ?? []);
  return [...new Set(after ?? [])].filter((need) => !had.has(need));
}
