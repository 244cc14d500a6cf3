import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission, useUser } from '../../app/auth';
import { PageHeader } from '../../components/page-header';
import { useNeedsView, type NeedsTab } from './needs-params';
import { RankingSection } from './ranking-section';
import { RegisterSection } from './register-section';
import './needs.css';

const TABS: readonly NeedsTab[] = ['ranking', 'register'];

/**
 * 需求分析 (/needs): 需求排序, the needs each group expressed in surveys, ranked, with the three
 * focus groups side by side, as a chart, a table, an Excel file and an image; and for the
 * station's own staff 需求台账, the register of needs identified per person and whether a
 * service has answered them. The view lives in the address (?tab=&group=&villageId=…).
 */
export function NeedsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [view, update] = useNeedsView();
  const register = hasPermission(user, 'needs:read');
  const tab: NeedsTab = register ? view.tab : 'ranking';

  return (
    <div className="lm-needs" data-testid="needs-page">
      <PageHeader title={t('needs.title')} description={t('needs.description')} />
      {register && (
        <nav aria-label={t('needs.tabs.label')}>
          <Tabs
            className="lm-needs__tabs"
            activeKey={tab}
            onChange={(key) => update({ tab: key === 'register' ? 'register' : undefined })}
            items={TABS.map((key) => ({ key, label: <span data-testid={`needs-tab-${key}`}>{t(`needs.tabs.${key}`)}</span> }))}
          />
        </nav>
      )}
      {tab === 'ranking' ? <RankingSection view={view} update={update} /> : <RegisterSection view={view} update={update} />}
    </div>
  );
}
