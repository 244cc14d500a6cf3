import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';

export function NeedsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('needs.title')} />;
}
