import { useMemo } from 'react';
import { Card, Empty, Grid, List, Segmented, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CASE_STAGE_ORDER } from '../../../shared/codes';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { ReviewDate, StageTag, stageIndex } from './case-labels';
import type { CaseListTab, CaseStage, CaseSummary } from './case-types';
import { useCases } from './cases-api';
import './cases.css';

const TABS: readonly CaseListTab[] = ['open', 'closeRequested', 'reviewDue', 'closed'];

function isTab(value: string | null): value is CaseListTab {
  return TABS.some((tab) => tab === value);
}

/** Six short bars, filled up to the case's stage. */
export function StageMeter({ stage }: { stage: CaseStage }) {
  const reached = stageIndex(stage);
  return (
    <span className="lm-stage-meter" aria-hidden>
      {CASE_STAGE_ORDER.map((code, index) => (
        <span key={code} className={index <= reached ? 'lm-stage-meter__bar lm-stage-meter__bar--on' : 'lm-stage-meter__bar'} />
      ))}
    </span>
  );
}

function StageCell({ stage }: { stage: CaseStage }) {
  return (
    <span className="lm-stage-cell">
      <StageTag stage={stage} />
      <StageMeter stage={stage} />
    </span>
  );
}

/**
 * 个案管理: a worker's own cases (or the station's), a manager's whole station, in four tabs:
 * open, waiting for the manager's approval, review overdue, closed.
 */
export function CasesListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const manager = hasPermission(user, 'cases:approve');
  const tabParam = params.get('tab');
  const tab: CaseListTab = isTab(tabParam) ? tabParam : 'open';
  const scopeParam = params.get('scope');
  const mine = scopeParam === 'mine' || (scopeParam === null && !manager);
  const filters = useMemo(() => ({ tab, mine }), [tab, mine]);
  const cases = useCases(filters);
  const rows = cases.data?.pages.flatMap((page) => page.items) ?? [];

  function update(patch: { tab?: CaseListTab; scope?: 'mine' | 'all' }) {
    const next = new URLSearchParams(params);
    if (patch.tab) next.set('tab', patch.tab);
    if (patch.scope) next.set('scope', patch.scope);
    setParams(next, { replace: true });
  }

  const open = (item: CaseSummary) => void navigate(`/cases/${item.id}`);
  const emptyText = (
    <div className="lm-case-empty">
      <div>{t(`cases.empty.${tab}`)}</div>
      {tab === 'open' && <div className="lm-muted lm-small">{t('cases.emptyHint')}</div>}
    </div>
  );

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.columns.person'),
      key: 'person',
      render: (_value, item) => (
        <div className="lm-stack">
          <Link to={`/cases/${item.id}`} className="lm-person-name" onClick={(event) => event.stopPropagation()}>
            {item.personName}
          </Link>
          <span className="lm-muted lm-small lm-case-problem">{item.presentingProblem}</span>
        </div>
      ),
    },
    { title: t('cases.columns.village'), key: 'village', render: (_value, item) => <span className="lm-nowrap">{item.villageName ?? '—'}</span> },
    {
      title: t('cases.columns.stage'),
      key: 'stage',
      render: (_value, item) => (
        <span className="lm-nowrap">
          <StageCell stage={item.stage} />
          {item.closeRequested && item.stage !== 'closed' && (
            <Tag color="orange" variant="filled" className="lm-case-flag">
              {t('cases.closeRequestedTag')}
            </Tag>
          )}
        </span>
      ),
    },
    ...(mine ? [] : [{ title: t('cases.columns.worker'), key: 'worker', render: (_value: unknown, item: CaseSummary) => <span className="lm-nowrap">{item.worker.name}</span> }]),
    tab === 'closed'
      ? { title: t('cases.case.closedOn'), key: 'closed', render: (_value, item) => <span className="lm-nowrap">{item.closedAt ? formatDate(item.closedAt, language) : '—'}</span> }
      : { title: t('cases.columns.nextReview'), key: 'review', render: (_value, item) => <ReviewDate on={item.nextReviewOn} overdue={item.reviewOverdue} /> },
    {
      title: t('cases.columns.lastContact'),
      key: 'lastContact',
      render: (_value, item) =>
        item.lastContactAt ? <span className="lm-nowrap">{formatDate(item.lastContactAt, language)}</span> : <span className="lm-muted">{t('cases.noContact')}</span>,
    },
    { title: t('cases.columns.opened'), key: 'opened', responsive: ['lg'], render: (_value, item) => <span className="lm-nowrap">{formatDate(item.openedAt, language)}</span> },
  ];

  return (
    <div className="lm-cases">
      <PageHeader
        title={t('cases.title')}
        description={narrow ? undefined : t('cases.description')}
        extra={
          <Segmented
            value={mine ? 'mine' : 'all'}
            onChange={(value) => update({ scope: value === 'mine' ? 'mine' : 'all' })}
            options={[
              { value: 'mine', label: t('cases.scope.mine') },
              { value: 'all', label: t('cases.scope.all') },
            ]}
            data-testid="cases-scope"
          />
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          if (isTab(key)) update({ tab: key });
        }}
        items={TABS.map((key) => ({ key, label: <span data-testid={`cases-tab-${key}`}>{t(`cases.tabs.${key}`)}</span> }))}
        className="lm-cases__tabs"
      />
      {cases.isError ? (
        <LoadError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          {narrow ? (
            <List<CaseSummary>
              className="lm-card-list"
              dataSource={rows}
              loading={cases.isPending}
              locale={{ emptyText }}
              renderItem={(item) => (
                <List.Item key={item.id} onClick={() => open(item)} className="lm-clickable" data-testid="case-card">
                  <div className="lm-card-list__item">
                    <div className="lm-card-list__top">
                      <Link to={`/cases/${item.id}`} className="lm-person-name" onClick={(event) => event.stopPropagation()}>
                        {item.personName}
                      </Link>
                      <StageTag stage={item.stage} />
                    </div>
                    <StageMeter stage={item.stage} />
                    <div className="lm-card-list__line lm-case-problem">{item.presentingProblem}</div>
                    <div className="lm-card-list__meta">
                      {[item.villageName, mine ? null : item.worker.name].filter(Boolean).join(' · ')}
                    </div>
                    <div className="lm-card-list__meta lm-case-card__dates">
                      {tab !== 'closed' && (
                        <span>
                          {t('cases.columns.nextReview')} <ReviewDate on={item.nextReviewOn} overdue={item.reviewOverdue} />
                        </span>
                      )}
                      <span>
                        {t('cases.columns.lastContact')} {item.lastContactAt ? formatDate(item.lastContactAt, language) : t('cases.noContact')}
                      </span>
                    </div>
                    {item.closeRequested && item.stage !== 'closed' && (
                      <span>
                        <Tag color="orange" variant="filled">
                          {t('cases.closeRequestedTag')}
                        </Tag>
                      </span>
                    )}
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<CaseSummary>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={cases.isPending || (cases.isPlaceholderData && cases.isFetching)}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              rowClassName="lm-clickable"
              onRow={(item) => ({ onClick: () => open(item), 'data-testid': 'case-row' })}
              locale={{ emptyText: <Empty description={emptyText} /> }}
            />
          )}
          <LoadMore shown={rows.length} hasMore={cases.hasNextPage} loading={cases.isFetchingNextPage} onLoadMore={() => void cases.fetchNextPage()} />
        </Card>
      )}
    </div>
  );
}
