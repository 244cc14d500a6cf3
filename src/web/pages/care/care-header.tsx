import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import type { Permission } from '../../app/types';
import { PageHeader } from '../../components/page-header';
import './care.css';

type CareTab = 'calendar' | 'alerts' | 'settings';

const TABS: ReadonlyArray<{ key: CareTab; path: string; permission: Permission }> = [
  { key: 'calendar', path: '/care', permission: 'care:read' },
  { key: 'alerts', path: '/care/alerts', permission: 'care:manage' },
  { key: 'settings', path: '/care/settings', permission: 'care:manage' },
];

/**
 * The head of the care area: the page's title and actions, and the area's pages as tabs
 * (节日日历 for everyone; 关爱提醒 and 关爱设置 for the manager).
 */
export function CareHeader({ active, title, description, extra }: { active: CareTab; title: ReactNode; description?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const tabs = TABS.filter((tab) => hasPermission(user, tab.permission));
  return (
    <div className="lm-care-head">
      <PageHeader title={title} description={description} extra={extra} />
      {tabs.length > 1 && (
        <nav aria-label={t('care.nav.label')}>
          <Tabs
            className="lm-care-head__tabs"
            activeKey={active}
            onChange={(key) => {
              const tab = tabs.find((item) => item.key === key);
              if (tab) void navigate(tab.path);
            }}
            items={tabs.map((tab) => ({
              key: tab.key,
              label: (
                <a
                  href={tab.path}
                  data-testid={`care-tab-${tab.key}`}
                  onClick={(event) => {
                    // A plain click switches the tab; ctrl/⌘-click still opens the page in a new tab.
                    if (event.ctrlKey || event.metaKey || event.shiftKey) event.stopPropagation();
                    else event.preventDefault();
                  }}
                >
                  {t(`care.nav.${tab.key}`)}
                </a>
              ),
            }))}
          />
        </nav>
      )}
    </div>
  );
}
