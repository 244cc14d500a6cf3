import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { checklistItemLabel, CHECKLIST_SECTIONS, checklistItems, colon, findingLabel, sectionLabel } from './service-labels';
import type { ServiceRecord } from './service-types';

const FINDING_COLOR: Record<string, string> = { ok: 'green', concern: 'red', not_checked: 'default' };

/** A record's checklist, read-only: sections with concerns stand out, each item with its finding. */
export function ChecklistView({ checklist }: { checklist: ServiceRecord['checklist'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!checklist) return <span className="lm-muted">{t('services.checklist.notFilled')}</span>;

  const sections = CHECKLIST_SECTIONS.filter((section) => checklist[section] !== undefined);
  return (
    <div className="lm-svc-checklist-view" data-testid="checklist-view">
      {sections.map((section) => {
        const found = checklist[section] ?? {};
        const needs = section === 'service_needs';
        const answered = checklistItems(section).filter((item) => typeof found[item] === 'string');
        const concern = answered.some((item) => found[item] === 'concern');
        return (
          <div key={section} className={`lm-svc-checklist-view__section${concern ? ' lm-svc-checklist-view__section--concern' : ''}`} data-section={section}>
            <div className="lm-svc-checklist-view__title">{sectionLabel(section, language)}</div>
            <div className="lm-svc-checklist-view__items">
              {answered.map((item) => {
                const finding = found[item] ?? '';
                const word =
                  needs && finding === 'concern' ? t('services.checklist.needed') : needs && finding === 'ok' ? t('services.checklist.notNeeded') : findingLabel(finding, language);
                return (
                  <Tag key={item} color={FINDING_COLOR[finding] ?? 'default'} variant={finding === 'concern' ? 'solid' : 'filled'} data-item={`${section}.${item}`} data-finding={finding}>
                    {checklistItemLabel(`${section}.${item}`, language)}
                    {colon(language)}
                    {word}
                  </Tag>
                );
              })}
            </div>
            {found.note && <div className="lm-svc-checklist-view__note">{found.note}</div>}
          </div>
        );
      })}
    </div>
  );
}
