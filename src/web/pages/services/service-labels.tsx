import { Tag } from 'antd';
import { EnvironmentOutlined, HomeOutlined, PhoneOutlined, TeamOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHECKLIST_FINDINGS,
  SERVICE_KINDS,
  SERVICE_TYPE_PARENT,
  SERVICE_TYPES,
  VISIT_CHECKLIST,
  WELLBEING_LEVELS,
  type ChecklistSection,
  type ServiceKind,
  type ServiceTypeCode,
} from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import type { Language } from '../../i18n';
import { codeLabel } from '../people/people-labels';

export const kindLabel = (code: string, language: Language) => codeLabel(SERVICE_KINDS, code, language);
export const serviceTypeLabel = (code: string, language: Language) => codeLabel(SERVICE_TYPES, code, language);
export const wellbeingLabel = (level: number, language: Language) => codeLabel(WELLBEING_LEVELS, String(level), language);
export const findingLabel = (code: string, language: Language) => codeLabel(CHECKLIST_FINDINGS, code, language);

export const SERVICE_KIND_CODES = Object.keys(SERVICE_KINDS) as ServiceKind[];
export const CHECKLIST_SECTIONS = Object.keys(VISIT_CHECKLIST) as ChecklistSection[];

/** The five professional services, and the concrete ones that report under them (DOMAIN.md). */
export const PROFESSIONAL_TYPES = (Object.keys(SERVICE_TYPES) as ServiceTypeCode[]).filter((code) => SERVICE_TYPE_PARENT[code] === undefined);
export const CONCRETE_TYPES = (Object.keys(SERVICE_TYPES) as ServiceTypeCode[]).filter((code) => SERVICE_TYPE_PARENT[code] !== undefined);

export function isChecklistSection(value: string): value is ChecklistSection {
  return Object.hasOwn(VISIT_CHECKLIST, value);
}

export function checklistItems(section: ChecklistSection): string[] {
  return Object.keys(VISIT_CHECKLIST[section].items);
}

export function sectionLabel(section: string, language: Language): string {
  return isChecklistSection(section) ? VISIT_CHECKLIST[section].label[language] : section;
}

/** `home_safety.heating` → 冬季取暖; with `withSection`, 居家安全 · 冬季取暖. */
export function checklistItemLabel(key: string, language: Language, withSection = false): string {
  const [section = '', item = ''] = key.split('.');
  if (!isChecklistSection(section)) return key;
  const items: Record<string, { 'zh-CN': string; 'en-US': string }> = VISIT_CHECKLIST[section].items;
  const label = Object.hasOwn(items, item) ? (items[item]?.[language] ?? key) : key;
  return withSection ? `${VISIT_CHECKLIST[section].label[language]} · ${label}` : label;
}

/** Every checklist item as a grouped select option list. */
export function checklistItemOptions(language: Language) {
  return CHECKLIST_SECTIONS.map((section) => ({
    label: VISIT_CHECKLIST[section].label[language],
    title: section,
    options: checklistItems(section).map((item) => ({ value: `${section}.${item}`, label: checklistItemLabel(`${section}.${item}`, language) })),
  }));
}

const KIND_ICON: Record<ServiceKind, ReactNode> = {
  phone: <PhoneOutlined />,
  home_visit: <HomeOutlined />,
  office: <EnvironmentOutlined />,
  group: <TeamOutlined />,
  online: <VideoCameraOutlined />,
};

export function kindIcon(kind: string): ReactNode {
  return Object.hasOwn(KIND_ICON, kind) ? KIND_ICON[kind as ServiceKind] : null;
}

const KIND_COLOR: Record<ServiceKind, string> = { phone: 'blue', home_visit: 'cyan', office: 'geekblue', group: 'purple', online: 'default' };

export function KindTag({ kind }: { kind: string }) {
  const language = useLanguage();
  const color = Object.hasOwn(KIND_COLOR, kind) ? KIND_COLOR[kind as ServiceKind] : 'default';
  return (
    <Tag color={color} icon={kindIcon(kind)} variant="filled" data-kind={kind}>
      {kindLabel(kind, language)}
    </Tag>
  );
}

export function ServiceTypeTags({ types }: { types: readonly string[] }) {
  const language = useLanguage();
  if (types.length === 0) return <span className="lm-muted">—</span>;
  return (
    <span className="lm-tags">
      {types.map((type) => (
        <Tag key={type} variant="outlined">
          {serviceTypeLabel(type, language)}
        </Tag>
      ))}
    </span>
  );
}

const WELLBEING_COLOR: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'gold', 4: 'green', 5: 'cyan' };

/** 3 · 一般, coloured from red (1) to green (5). */
export function WellbeingTag({ level }: { level: number | null }) {
  const language = useLanguage();
  if (level === null) return <span className="lm-muted">—</span>;
  return (
    <Tag color={WELLBEING_COLOR[level] ?? 'default'} variant="solid" data-wellbeing={level}>
      {level} · {wellbeingLabel(level, language)}
    </Tag>
  );
}

/** The concerns of a home visit as red tags. */
export function ConcernTags({ concerns, max }: { concerns: readonly string[]; max?: number }) {
  const language = useLanguage();
  const { t } = useTranslation();
  if (concerns.length === 0) return null;
  const shown = max === undefined ? concerns : concerns.slice(0, max);
  return (
    <span className="lm-tags">
      {shown.map((key) => (
        <Tag key={key} color="red" variant="filled" data-concern={key}>
          {checklistItemLabel(key, language)}
        </Tag>
      ))}
      {shown.length < concerns.length && <Tag variant="filled">{t('services.list.concerns', { count: concerns.length })}</Tag>}
    </span>
  );
}

/** 45 分钟, 1 小时 30 分钟. */
export function useDurationText() {
  const { t } = useTranslation();
  return (minutes: number) => {
    if (minutes < 60) return t('services.minutes', { count: minutes });
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? t('services.hours', { hours }) : t('services.hoursMinutes', { hours, minutes: rest });
  };
}

/** `：` between a label and its value in Chinese, `: ` in English. */
export function colon(language: Language): string {
  return language === 'zh-CN' ? '：' : ': ';
}

/** Between the items of a list: 、 in Chinese, a comma in English. */
export function listSeparator(language: Language): string {
  return language === 'zh-CN' ? '、' : ', ';
}

/** The names of everyone who served: workers, then volunteers. */
export function servedByText(record: { workers: ReadonlyArray<{ name: string }>; volunteers: ReadonlyArray<{ name: string }> }, language: Language): string {
  return [...record.workers, ...record.volunteers].map((p) => p.name).join(listSeparator(language));
}
