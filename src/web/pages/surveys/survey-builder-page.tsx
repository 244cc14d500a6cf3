import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';

export function SurveyBuilderPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('surveys.title')} />;
}
