import type { Widen } from '../../i18n/zh-CN';

/** Messages of the needs pages (zh-CN is the source of the keys; en-US must match). Code labels come from src/shared/codes.ts. */
export const needsZh = {
  title: '需求分析',
};

export const needsEn: Widen<typeof needsZh> = {
  title: 'Needs',
};
