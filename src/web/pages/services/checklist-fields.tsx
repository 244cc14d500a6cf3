import { useState } from 'react';
import { Button, Collapse, Form, Input, Tag, type FormInstance } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ChecklistSection } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { CHECKLIST_SECTIONS, checklistItemLabel, checklistItems, sectionLabel } from './service-labels';
import { FindingButtons } from './service-inputs';
import { sectionCounts, type ServiceFormValues } from './service-form-values';

/**
 * The elder's home-visit checklist (DOMAIN.md) inside the service form: one collapsible panel per
 * section, three buttons per item and a note per section. "Rest are fine" answers every item not
 * yet answered with 正常, so a visit without findings takes one tap a section.
 */
export function ChecklistFields({ form, defaultOpen = [] }: { form: FormInstance<ServiceFormValues>; defaultOpen?: ChecklistSection[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const checklist = Form.useWatch('checklist', form);
  const [open, setOpen] = useState<string[]>(defaultOpen);

  function restOk(section: ChecklistSection) {
    for (const item of checklistItems(section)) {
      if (!form.getFieldValue(['checklist', section, item])) form.setFieldValue(['checklist', section, item], 'ok');
    }
  }

  const items = CHECKLIST_SECTIONS.map((section) => {
    const counts = sectionCounts(section, checklist?.[section]);
    const needs = section === 'service_needs';
    return {
      key: section,
      forceRender: true,
      label: <span className="lm-checklist__section">{sectionLabel(section, language)}</span>,
      extra:
        counts.concerns > 0 ? (
          <Tag color="red" variant="solid" className="lm-checklist__status">
            {t(needs ? 'services.checklist.neededCount' : 'services.checklist.concernCount', { count: counts.concerns })}
          </Tag>
        ) : (
          <Tag color={counts.done === counts.total ? 'green' : 'default'} variant="filled" className="lm-checklist__status">
            {t('services.checklist.progress', { done: counts.done, total: counts.total })}
          </Tag>
        ),
      children: (
        <div className="lm-checklist__body" data-testid={`checklist-${section}`}>
          {checklistItems(section).map((item) => {
            const label = checklistItemLabel(`${section}.${item}`, language);
            return (
              <Form.Item key={item} name={['checklist', section, item]} label={label} className="lm-checklist__item" data-item={`${section}.${item}`}>
                <FindingButtons needs={needs} label={label} />
              </Form.Item>
            );
          })}
          {counts.done < counts.total && (
            <Button icon={<CheckOutlined />} onClick={() => restOk(section)} className="lm-checklist__rest-ok" data-testid={`checklist-rest-ok-${section}`}>
              {t('services.checklist.allOk')}
            </Button>
          )}
          <Form.Item name={['checklist', section, 'note']} className="lm-checklist__note">
            <Input.TextArea rows={2} maxLength={500} placeholder={t('services.checklist.notePlaceholder')} aria-label={`${sectionLabel(section, language)} ${t('services.fields.note')}`} />
          </Form.Item>
        </div>
      ),
    };
  });

  return (
    <div className="lm-checklist" data-testid="checklist">
      <p className="lm-muted lm-small lm-checklist__hint">{t('services.checklist.hint')}</p>
      <Collapse items={items} activeKey={open} onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])} expandIconPlacement="end" />
    </div>
  );
}
