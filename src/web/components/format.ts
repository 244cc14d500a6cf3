import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Language } from '../i18n';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Days and times are read in the stations' own time zone, wherever the browser is. */
export const TIME_ZONE = 'Asia/Shanghai';

const LONG_DATE: Record<Language, string> = {
  'zh-CN': 'YYYY年M月D日 dddd',
  'en-US': 'dddd, D MMMM YYYY',
};

const DATE: Record<Language, string> = {
  'zh-CN': 'YYYY年M月D日',
  'en-US': 'D MMM YYYY',
};

const DATE_TIME: Record<Language, string> = {
  'zh-CN': 'YYYY年M月D日 HH:mm:ss',
  'en-US': 'D MMM YYYY HH:mm:ss',
};

const DAYJS_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

function inZone(value: Dayjs | Date | string): Dayjs {
  return dayjs(value).tz(TIME_ZONE);
}

/** `2026年11月29日 星期日` / `Sunday, 29 November 2026`. */
export function formatLongDate(value: Dayjs | Date | string, language: Language): string {
  return inZone(value).locale(DAYJS_LOCALE[language]).format(LONG_DATE[language]);
}

/**
 * `2026年11月29日` / `29 Nov 2026`. A calendar day (`YYYY-MM-DD`, e.g. a birth date) is shown as
 * written; an instant is read in the stations' time zone.
 */
export function formatDate(value: Dayjs | Date | string, language: Language): string {
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : inZone(value);
  return day.locale(DAYJS_LOCALE[language]).format(DATE[language]);
}

/** `2026年11月29日 10:32` / `29 Nov 2026 10:32`: an instant to the minute. */
export function formatDateMinute(value: Dayjs | Date | string, language: Language): string {
  return inZone(value).locale(DAYJS_LOCALE[language]).format(DATE_TIME[language].replace(':ss', ''));
}

/** `2026年11月29日 10:32:05` / `29 Nov 2026 10:32:05`. */
export function formatDateTime(value: Dayjs | Date | string, language: Language): string {
  return inZone(value).locale(DAYJS_LOCALE[language]).format(DATE_TIME[language]);
}

/** Today in Asia/Shanghai as a dayjs value. */
export function today(): Dayjs {
  return dayjs().tz(TIME_ZONE);
}
