import { useMemo } from 'react';
import { Button, Card, Empty, Grid, List, Table, Tag, type TableColumnsType } from 'antd';
import { AlertOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { FollowUpTag } from './record-details';
import { filtersOf, paramsOf, ServiceFiltersBar } from './service-filters';
import { ConcernTags, KindTag, servedByText, ServiceTypeTags, useDurationText } from './service-labels';
import type { ServiceFilters, ServiceRecord } from './service-types';
import { useServices } from './services-api';
import './services.css';

/** /services: the station's records, newest first; cards on a phone, a table on a desk. */
export function ServicesListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const navigate = useNavigate();
  const duration = useDurationText();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const services = useServices(filters);
  const rows = services.data?.pages.flatMap((page) => page.items) ?? [];
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const personName = filters.personId ? (rows[0]?.personName ?? null) : null;
  const emptyText = params.size > 0 ? t('services.list.empty') : t('services.list.emptyAll');

  const update = (next: ServiceFilters) => setParams(paramsOf(next), { replace: true });
  const open = (record: ServiceRecord) => void navigate(`/services/${record.id}`);
  const personLink = (record: ServiceRecord) => (
    <Link to={`/people/${record.personId}`} className="lm-person-name" onClick={(event) => event.stopPropagation()}>
      {record.personName}
    </Link>
  );
  const summary = (record: ServiceRecord) => (
    <div className="lm-stack">
      <span className="lm-svc-summary-line">{record.summary}</span>
      {(record.concerns.length > 0 || record.followUpNeeded) && (
        <span className="lm-tags">
          <ConcernTags concerns={record.concerns} max={3} />
          {record.followUpNeeded && <FollowUpTag on={record.followUpOn} />}
        </span>
      )}
    </div>
  );

  const columns: TableColumnsType<ServiceRecord> = [
    {
      title: t('services.list.columns.startedAt'),
      key: 'startedAt',
      render: (_value, record) => (
        <Link to={`/services/${record.id}`} className="lm-nowrap" onClick={(event) => event.stopPropagation()}>
          {formatDateMinute(record.startedAt, language)}
        </Link>
      ),
    },
    { title: t('services.list.columns.person'), key: 'person', render: (_value, record) => personLink(record) },
    { title: t('services.list.columns.village'), key: 'village', render: (_value, record) => <span className="lm-nowrap">{record.villageName ?? '—'}</span> },
    { title: t('services.list.columns.kind'), key: 'kind', render: (_value, record) => <KindTag kind={record.kind} /> },
    { title: t('services.list.columns.serviceTypes'), key: 'types', render: (_value, record) => <ServiceTypeTags types={record.serviceTypes} /> },
    { title: t('services.list.columns.summary'), key: 'summary', className: 'lm-svc-summary-cell', render: (_value, record) => summary(record) },
    { title: t('services.list.columns.servedBy'), key: 'servedBy', responsive: ['lg'], className: 'lm-svc-served-cell', render: (_value, record) => servedByText(record, language) || '—' },
  ];

  const actions = (
    <>
      <Link to="/services/findings">
        <Button icon={<AlertOutlined />} data-testid="findings-link">
          {t('services.findingsLink')}
        </Button>
      </Link>
      {hasPermission(user, 'services:write') && (
        <Link to={filters.personId ? `/services/new?personId=${filters.personId}` : '/services/new'} state={{ from: `/services?${params.toString()}` }}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="service-create">
            {t('services.log')}
          </Button>
        </Link>
      )}
    </>
  );

  return (
    <div data-testid="services-list-page">
      <PageHeader title={t('services.title')} description={narrow ? undefined : t('services.description')} extra={actions} />
      <ServiceFiltersBar filters={filters} onChange={update} personName={personName} />
      {services.isError ? (
        <LoadError error={services.error} onRetry={() => void services.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          {narrow ? (
            <List<ServiceRecord>
              className="lm-card-list"
              dataSource={rows}
              loading={services.isPending}
              locale={{ emptyText: <Empty description={emptyText} /> }}
              renderItem={(record) => (
                <List.Item key={record.id} onClick={() => open(record)} className="lm-clickable" data-testid="service-card">
                  <div className="lm-svc-item">
                    <div className="lm-svc-item__top">
                      {personLink(record)}
                      <KindTag kind={record.kind} />
                    </div>
                    <div className="lm-svc-item__meta">
                      {[formatDateMinute(record.startedAt, language), duration(record.durationMinutes), record.villageName].filter(Boolean).join(' · ')}
                    </div>
                    <ServiceTypeTags types={record.serviceTypes} />
                    {summary(record)}
                    <div className="lm-svc-item__meta">{servedByText(record, language)}</div>
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<ServiceRecord>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={services.isPending || (services.isPlaceholderData && services.isFetching)}
              pagination={false}
              size="middle"
              rowClassName="lm-clickable"
              onRow={(record) => ({ onClick: () => open(record) })}
              locale={{ emptyText: <Empty description={emptyText} /> }}
            />
          )}
          <LoadMore shown={rows.length} hasMore={services.hasNextPage} loading={services.isFetchingNextPage} onLoadMore={() => void services.fetchNextPage()} />
        </Card>
      )}
      {rows.length > 0 && (
        <div className="lm-list-count">
          <Tag variant="filled">{t('services.list.shown', { count: rows.length })}</Tag>
        </div>
      )}
    </div>
  );
}
