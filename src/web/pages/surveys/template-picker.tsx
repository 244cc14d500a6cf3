import { Card, Modal, Skeleton } from 'antd';
import { FileAddOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { LoadError } from '../../components/load-error';
import { AudienceTag, ModeTag } from './survey-labels';
import { useTemplates } from './surveys-api';

/**
 * 新建问卷: a blank survey, or one of the ready-made needs surveys (elders, children, women), each
 * shown with what it is for and how many questions it asks. Choosing one opens the builder.
 */
export function TemplatePicker({ open, onClose, onChoose }: { open: boolean; onClose: () => void; onChoose: (templateKey: string | null) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const templates = useTemplates(language, open);
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('surveys.picker.title')} width={720} destroyOnHidden className="lm-sv-picker">
      <p className="lm-muted">{t('surveys.picker.intro')}</p>
      <div className="lm-sv-picker__grid" data-testid="template-picker">
        <button type="button" className="lm-sv-picker__item" onClick={() => onChoose(null)} data-testid="template-blank">
          <span className="lm-sv-picker__icon" aria-hidden="true">
            <FileAddOutlined />
          </span>
          <span className="lm-sv-picker__body">
            <span className="lm-sv-picker__title">{t('surveys.picker.blank')}</span>
            <span className="lm-sv-picker__description">{t('surveys.picker.blankDescription')}</span>
          </span>
        </button>
        {templates.isPending && (
          <Card size="small">
            <Skeleton active paragraph={{ rows: 2 }} />
          </Card>
        )}
        {templates.isError && <LoadError error={templates.error} onRetry={() => void templates.refetch()} />}
        {templates.data?.map((template) => (
          <button key={template.key} type="button" className="lm-sv-picker__item" onClick={() => onChoose(template.key)} data-testid="template-option" data-template={template.key}>
            <span className="lm-sv-picker__icon lm-sv-picker__icon--template" aria-hidden="true">
              <FileTextOutlined />
            </span>
            <span className="lm-sv-picker__body">
              <span className="lm-sv-picker__title">{template.title}</span>
              <span className="lm-tags">
                <AudienceTag audience={template.audience} />
                <ModeTag mode={template.mode} />
                <span className="lm-muted lm-small">{t('surveys.questionsN', { count: template.questions.length })}</span>
              </span>
              <span className="lm-sv-picker__description">{template.description}</span>
            </span>
          </button>
        ))}
      </div>
    </Modal>
  );
}
