import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { BENEFITS, ETHNICITIES, GROUPS, LIVING_SITUATIONS, PERSON_STATUSES, RISK_LEVELS } from '../../../shared/codes';
import type { Label } from '../../../shared/i18n';
import { useLanguage } from '../../app/language';
import type { Language } from '../../i18n';
import type { RiskLevel } from './people-types';

type CodeList = Record<string, Label>;

/** The label of a code of src/shared/codes.ts; an unknown code shows as itself. */
export function codeLabel(list: CodeList, code: string | null | undefined, language: Language): string {
  if (!code) return '';
  return Object.hasOwn(list, code) ? (list[code]?.[language] ?? code) : code;
}

export const groupLabel = (code: string, language: Language) => codeLabel(GROUPS, code, language);
export const riskLabel = (code: string | null, language: Language) => codeLabel(RISK_LEVELS, code, language);
export const ethnicityLabel = (code: string | null, language: Language) => codeLabel(ETHNICITIES, code, language);
export const livingLabel = (code: string | null, language: Language) => codeLabel(LIVING_SITUATIONS, code, language);
export const statusLabel = (code: string | null, language: Language) => codeLabel(PERSON_STATUSES, code, language);
export const benefitLabel = (code: string, language: Language) => codeLabel(BENEFITS, code, language);

export function codeOptions(list: CodeList, language: Language): Array<{ value: string; label: string }> {
  return Object.keys(list).map((value) => ({ value, label: codeLabel(list, value, language) }));
}

const GROUP_COLOR: Record<string, string> = {
  left_behind_child: 'blue',
  child_in_difficulty: 'geekblue',
  unsupported_child: 'volcano',
  other_child: 'cyan',
  minority_girl: 'magenta',
  elder: 'purple',
  empty_nest_elder: 'purple',
  solitary_elder: 'purple',
  disabled: 'orange',
  low_income: 'gold',
  extreme_poverty: 'gold',
  woman: 'pink',
  needy_household: 'lime',
};

export function GroupTags({ groups }: { groups: readonly string[] }) {
  const language = useLanguage();
  if (groups.length === 0) return <span className="lm-muted">—</span>;
  return (
    <span className="lm-tags">
      {groups.map((group) => (
        <Tag key={group} color={GROUP_COLOR[group] ?? 'default'} variant="filled">
          {groupLabel(group, language)}
        </Tag>
      ))}
    </span>
  );
}

const RISK_COLOR: Record<RiskLevel, string> = { high: 'red', medium: 'gold', low: 'green' };

/** 高风险（红） as a red tag, 中 yellow, 低 green. */
export function RiskTag({ level }: { level: RiskLevel | null }) {
  const language = useLanguage();
  if (!level) return <span className="lm-muted">—</span>;
  return (
    <Tag color={RISK_COLOR[level]} variant="solid" data-risk={level}>
      {riskLabel(level, language)}
    </Tag>
  );
}

export function useGenderLabel() {
  const { t } = useTranslation();
  return (gender: string | null | undefined) => (gender === 'male' || gender === 'female' ? t(`people.gender.${gender}`) : '');
}

/** A phone number as a tap-to-call link. */
export function PhoneLink({ phone }: { phone: string | null | undefined }) {
  const { t } = useTranslation();
  if (!phone) return <span className="lm-muted">—</span>;
  return (
    <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} className="lm-phone" aria-label={t('people.call', { phone })} onClick={(event) => event.stopPropagation()}>
      {phone}
    </a>
  );
}

/** The first character of the surname, for the photo placeholder. */
export function initialOf(name: string): string {
  return Array.from(name.trim())[0] ?? '?';
}
