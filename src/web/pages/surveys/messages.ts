import type { Widen } from '../../i18n/zh-CN';

/** Messages of the surveys pages (zh-CN is the source of the keys; en-US must match). Code labels come from src/shared/codes.ts. */
export const surveysZh = {
  title: '问卷调查',
};

export const surveysEn: Widen<typeof surveysZh> = {
  title: 'Surveys',
};
