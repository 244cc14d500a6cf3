import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { useLanguage } from '../app/language';

/** 中文 / English; the choice is remembered in localStorage. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => void setLanguage(value)}
      options={LANGUAGES.map((value) => ({ value, label: <span lang={value}>{t(`language.${value}`)}</span> }))}
    />
  );
}
