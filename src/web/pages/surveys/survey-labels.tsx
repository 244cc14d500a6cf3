import { Tag, type SelectProps } from 'antd';
import {
  AGE_BANDS,
  CROSSTAB_DIMENSIONS,
  GENDERS,
  NEED_TYPES,
  NEED_TYPES_BY_AUDIENCE,
  QUESTION_TYPES,
  RESPONSE_SOURCES,
  SURVEY_MODES,
  SURVEY_STATUSES,
  CHILD_GROUPS,
  ELDER_GROUPS,
  type GroupCode,
  type NeedTypeCode,
  type SurveyStatus,
} from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import type { Language } from '../../i18n';
import { codeLabel, groupLabel } from '../people/people-labels';

export { groupLabel };
export const statusLabel = (code: string, language: Language) => codeLabel(SURVEY_STATUSES, code, language);
export const modeLabel = (code: string, language: Language) => codeLabel(SURVEY_MODES, code, language);
export const questionTypeLabel = (code: string, language: Language) => codeLabel(QUESTION_TYPES, code, language);
export const needTypeLabel = (code: string, language: Language) => codeLabel(NEED_TYPES, code, language);
export const sourceLabel = (code: string, language: Language) => codeLabel(RESPONSE_SOURCES, code, language);
export const ageBandLabel = (code: string | null, language: Language) => codeLabel(AGE_BANDS, code, language);
export const genderLabel = (code: string | null, language: Language) => codeLabel(GENDERS, code, language);
export const dimensionLabel = (code: string, language: Language) => codeLabel(CROSSTAB_DIMENSIONS, code, language);

const STATUS_COLOR: Record<SurveyStatus, string> = { draft: 'default', open: 'green', closed: 'volcano' };

export function StatusTag({ status }: { status: string }) {
  const language = useLanguage();
  const color = Object.hasOwn(STATUS_COLOR, status) ? STATUS_COLOR[status as SurveyStatus] : 'default';
  return (
    <Tag color={color} variant="filled" data-status={status}>
      {statusLabel(status, language)}
    </Tag>
  );
}

export function ModeTag({ mode }: { mode: string }) {
  const language = useLanguage();
  return (
    <Tag color={mode === 'interview' ? 'purple' : 'blue'} variant="outlined" data-mode={mode}>
      {modeLabel(mode, language)}
    </Tag>
  );
}

export function AudienceTag({ audience }: { audience: string }) {
  const language = useLanguage();
  return (
    <Tag color="cyan" variant="filled" data-audience={audience}>
      {groupLabel(audience, language)}
    </Tag>
  );
}

/** The need types that belong with an audience (DOMAIN.md), or null for a group the seed's findings do not cover. */
export function needTypesOfAudience(audience: GroupCode | null): readonly NeedTypeCode[] | null {
  if (!audience) return null;
  if (ELDER_GROUPS.includes(audience)) return NEED_TYPES_BY_AUDIENCE.elder;
  if (CHILD_GROUPS.includes(audience)) return NEED_TYPES_BY_AUDIENCE.child;
  if (audience === 'woman') return NEED_TYPES_BY_AUDIENCE.woman;
  return null;
}

/**
 * The need types as select options: those of the survey's audience first, then the rest, so a
 * worker building an elders' survey sees the elders' needs at once.
 */
export function needTypeOptions(audience: GroupCode | null, language: Language, titles: { audience: string; other: string }): NonNullable<SelectProps['options']> {
  const all = Object.keys(NEED_TYPES) as NeedTypeCode[];
  const own = needTypesOfAudience(audience);
  const option = (code: NeedTypeCode) => ({ value: code, label: needTypeLabel(code, language) });
  if (!own) return all.map(option);
  return [
    { label: titles.audience, title: 'audience', options: own.map(option) },
    { label: titles.other, title: 'other', options: all.filter((code) => !own.includes(code)).map(option) },
  ];
}

/** `：` between a label and its value in Chinese, `: ` in English. */
export function colon(language: Language): string {
  return language === 'zh-CN' ? '：' : ': ';
}

/** Between the items of a list: 、 in Chinese, a comma in English. */
export function listSeparator(language: Language): string {
  return language === 'zh-CN' ? '、' : ', ';
}
