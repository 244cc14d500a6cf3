import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import {
  CALENDARS,
  CARE_ALERTS,
  CHILD_GROUPS,
  ELDER_GROUPS,
  FESTIVALS,
  GROUPS,
  type CalendarKind,
  type CareAlertType,
  type ContactChannel,
  type FestivalCode,
  type GroupCode,
} from '../../../shared/codes';
import type { Language } from '../../i18n';
import { codeLabel } from '../people/people-labels';
import type { Campaign, Festival } from './care-api';

export const ALERT_TYPES = Object.keys(CARE_ALERTS) as CareAlertType[];
export const CHANNELS: readonly ContactChannel[] = ['phone', 'home_visit'];

export function isAlertType(value: string | null): value is CareAlertType {
  return value !== null && Object.hasOwn(CARE_ALERTS, value);
}

export const festivalLabel = (code: string | null, language: Language) => codeLabel(FESTIVALS, code, language);
export const alertLabel = (code: string, language: Language) => codeLabel(CARE_ALERTS, code, language);

const CALENDAR_COLOR: Record<CalendarKind, string> = { lunar: 'red', tibetan: 'purple', solar: 'blue' };

/** 农历 / 藏历 / 公历 as a small coloured tag. */
export function CalendarTag({ calendar, language }: { calendar: CalendarKind; language: Language }) {
  return (
    <Tag color={CALENDAR_COLOR[calendar]} variant="filled" className="lm-care-cal-tag">
      {codeLabel(CALENDARS, calendar, language)}
    </Tag>
  );
}

/** The station's campaign for a festival's day (a festival's campaign ends on the festival). */
export function campaignOf(festival: Festival, campaigns: readonly Campaign[] | undefined): Campaign | null {
  return campaigns?.find((campaign) => campaign.festival === festival.code && campaign.date === festival.date) ?? null;
}

/** Groups a festival's campaign is for unless the manager chooses otherwise. */
export function defaultGroups(festival: FestivalCode | null): GroupCode[] {
  switch (festival) {
    case 'childrens_day':
      return [...CHILD_GROUPS];
    case 'womens_day':
      return ['woman'];
    case 'disability_day':
    case 'helping_disabled_day':
      return ['disabled'];
    case 'spring_festival':
    case 'mid_autumn':
    case 'losar':
    case 'lantern':
      return [...ELDER_GROUPS, ...CHILD_GROUPS];
    default:
      return [...ELDER_GROUPS];
  }
}

export const OTHER_GROUPS = (Object.keys(GROUPS) as GroupCode[]).filter((code) => !ELDER_GROUPS.includes(code) && !CHILD_GROUPS.includes(code));

/** An alert type's name; "not contacted" with its days, kept on one line: 长期未联系（42 天）. */
export function AlertName({ type, silenceDays, language }: { type: CareAlertType; silenceDays: number | undefined; language: Language }) {
  const { t } = useTranslation();
  if (type !== 'silent' || silenceDays === undefined) return <>{alertLabel(type, language)}</>;
  return (
    <span>
      {alertLabel(type, language)}
      <span className="lm-nowrap">{t('care.alerts.silentSuffix', { days: silenceDays })}</span>
    </span>
  );
}

/** Whole days from today to a day (`YYYY-MM-DD`); negative when it has passed. */
export function daysFrom(todayIso: string, day: string): number {
  return dayjs(day).diff(dayjs(todayIso), 'day');
}

/** 就是今天 / 明天 / 还有 12 天 / 已过. */
export function useDaysText() {
  const { t } = useTranslation();
  return (days: number) => {
    if (days === 0) return t('care.calendar.today');
    if (days === 1) return t('care.calendar.tomorrow');
    if (days > 1) return t('care.calendar.inDays', { count: days });
    return t('care.calendar.past');
  };
}

export interface Counts {
  done: number;
  open: number;
  unreachable: number;
  total: number;
}

export function percentOf(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}

/**
 * Done (green) and "could not reach" (orange, a part of the open tasks) as one bar; the text is
 * the share done.
 */
export function CampaignBar({ counts, size = 'default', showInfo = true }: { counts: Counts; size?: 'small' | 'default'; showInfo?: boolean }) {
  const { t } = useTranslation();
  const done = percentOf(counts.done, counts.total);
  const reached = percentOf(counts.done + counts.unreachable, counts.total);
  return (
    <Tooltip
      title={`${t('care.progress.done')} ${counts.done} · ${t('care.progress.open')} ${counts.open} · ${t('care.progress.unreachable')} ${counts.unreachable} · ${t('care.progress.total')} ${counts.total}`}
    >
      <Progress
        className="lm-care-bar"
        percent={reached}
        success={{ percent: done, strokeColor: '#3f8f4f' }}
        strokeColor="#e8912d"
        size={size === 'small' ? 'small' : undefined}
        showInfo={showInfo}
        format={() => `${done}%`}
        aria-label={t('care.progress.summary', { done: counts.done, total: counts.total })}
      />
    </Tooltip>
  );
}
