import type { Widen } from '../../i18n/zh-CN';

/** Messages of the cases pages (zh-CN is the source of the keys; en-US must match). */
export const casesZh = {
  title: 'Cases',
} as const;

export const casesEn: Widen<typeof casesZh> = {
  title: 'Cases',
};
