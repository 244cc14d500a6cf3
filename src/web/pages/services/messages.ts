import type { Widen } from '../../i18n/zh-CN';

/** Messages of the services pages (zh-CN is the source of the keys; en-US must match). */
export const servicesZh = {
  title: 'Services',
} as const;

export const servicesEn: Widen<typeof servicesZh> = {
  title: 'Services',
};
