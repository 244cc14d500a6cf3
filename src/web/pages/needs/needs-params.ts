import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { NEED_STATUSES, NEED_TYPES, type GroupCode, type NeedStatus } from '../../../shared/codes';
import { today } from '../../components/format';
import { isGroup, isPeriod, periodRange, type Period } from './needs-model';

export type NeedsTab = 'ranking' | 'register';

/** What the /needs page shows, read from its address so a link (or a reload) opens the same view. */
export interface NeedsView {
  tab: NeedsTab;
  group: GroupCode;
  stationId?: string;
  villageId?: string;
  period: Period;
  from?: string;
  to?: string;
  needType?: string;
  status?: NeedStatus;
  unanswered: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isStatus(value: string | null): value is NeedStatus {
  return value !== null && Object.hasOwn(NEED_STATUSES, value);
}

export function viewOf(params: URLSearchParams): NeedsView {
  const groupParam = params.get('group');
  const periodParam = params.get('period');
  const period: Period = isPeriod(periodParam) ? periodParam : 'last12';
  const range =
    period === 'custom'
      ? { from: DAY.test(params.get('from') ?? '') ? (params.get('from') ?? undefined) : undefined, to: DAY.test(params.get('to') ?? '') ? (params.get('to') ?? undefined) : undefined }
      : periodRange(period, today());
  const needType = params.get('needType');
  const status = params.get('status');
  return {
    tab: params.get('tab') === 'register' ? 'register' : 'ranking',
    group: isGroup(groupParam) ? groupParam : 'elder',
    stationId: params.get('stationId') ?? undefined,
    villageId: params.get('villageId') ?? undefined,
    period,
    ...range,
    needType: needType && Object.hasOwn(NEED_TYPES, needType) ? needType : undefined,
    status: isStatus(status) ? status : undefined,
    unanswered: params.get('unanswered') === 'true',
  };
}

/** The page's view and a way to change parts of it (empty values drop out of the address). */
export function useNeedsView(): [NeedsView, (patch: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewOf(params), [params]);
  function update(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }
  return [view, update];
}
