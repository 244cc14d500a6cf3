import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Col, DatePicker, Empty, Form, Grid, List, Progress, Row, Select, Skeleton, Table, Tabs, type TableColumnsType } from 'antd';
import { DownloadOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CareAlertType } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import type { Language } from '../../i18n';
import { formatDate, today } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { GroupTags, RiskTag } from '../people/people-labels';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { useStaff } from '../services/services-api';
import { CareHeader } from './care-header';
import { ALERT_TYPES, AlertName, isAlertType } from './care-labels';
import { ALERTS_EXPORT_PATH, useAlerts, useAlertSummary, useVisitRate, type Alert, type AlertSummary, type VisitRate } from './care-api';

/** Alerts about tasks, which belong to a worker: only these filter by worker. */
const BY_WORKER: readonly CareAlertType[] = ['overdue', 'unreachable'];

/**
 * 关爱提醒 (/care/alerts?type=…): counts per alert type as tabs, the people of the chosen type
 * (by village and worker), each worker's tasks, and the month's visit rate of elders in special
 * difficulty against the 100% target; the whole as an Excel workbook.
 */
export function CareAlertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const typeParam = params.get('type');
  const type: CareAlertType = isAlertType(typeParam) ? typeParam : 'overdue';
  const villageId = params.get('villageId') ?? undefined;
  const assigneeId = BY_WORKER.includes(type) ? (params.get('assigneeId') ?? undefined) : undefined;
  const summary = useAlertSummary();

  function update(patch: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  return (
    <div className="lm-care" data-testid="alerts-page">
      <CareHeader
        active="alerts"
        title={t('care.alerts.title')}
        description={t('care.alerts.description')}
        extra={
          <Button icon={<DownloadOutlined />} href={ALERTS_EXPORT_PATH} download data-testid="alerts-export">
            {t('care.alerts.export')}
          </Button>
        }
      />
      {summary.isError && <LoadError error={summary.error} onRetry={() => void summary.refetch()} />}
      <AlertsCard
        type={type}
        villageId={villageId}
        assigneeId={assigneeId}
        summary={summary.data}
        onType={(next) => update({ type: next, assigneeId: BY_WORKER.includes(next) ? assigneeId : undefined })}
        onFilter={update}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <ByWorkerCard summary={summary.data} loading={summary.isPending} onWorker={(id) => update({ type: 'overdue', assigneeId: id ?? undefined })} />
        </Col>
        <Col xs={24} xl={11}>
          <VisitRateCard current={summary.data?.visitRate} />
        </Col>
      </Row>
    </div>
  );
}

function TabLabel({ type, count, silenceDays }: { type: CareAlertType; count: number | undefined; silenceDays: number | undefined }) {
  const language = useLanguage();
  return (
    <span className="lm-care-tab-label" data-testid={`alert-tab-${type}`}>
      <AlertName type={type} silenceDays={silenceDays} language={language} />
      <span className={`lm-care-tab-count${count ? ' lm-care-tab-count--some' : ''}`} data-testid={`alert-count-${type}`}>
        {count ?? '…'}
      </span>
    </span>
  );
}

function AlertsCard({
  type,
  villageId,
  assigneeId,
  summary,
  onType,
  onFilter,
}: {
  type: CareAlertType;
  villageId: string | undefined;
  assigneeId: string | undefined;
  summary: AlertSummary | undefined;
  onType: (type: CareAlertType) => void;
  onFilter: (patch: Record<string, string | undefined>) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const narrow = Grid.useBreakpoint().md === false;
  const filters = useMemo(() => ({ type, villageId, assigneeId }), [type, villageId, assigneeId]);
  const alerts = useAlerts(filters);
  const rows = alerts.data?.pages.flatMap((page) => page.items) ?? [];
  const orgs = useOrgTree();
  const staff = useStaff();
  const villages = useMemo(
    () => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name })),
    [orgs.data],
  );
  const workers = useMemo(() => (staff.data?.workers ?? []).map((worker) => ({ value: worker.id, label: worker.name })), [staff.data]);
  const filtered = Boolean(villageId || assigneeId);

  const person = (alert: Alert) => (
    <Link to={`/people/${alert.personId}`} className="lm-person-name">
      {alert.personName}
    </Link>
  );
  const links = (alert: Alert) => (
    <span className="lm-tags">
      {alert.taskId && (
        <Link to={`/tasks/${alert.taskId}`} className="lm-nowrap" data-testid="alert-task">
          {t('care.alerts.openTask')} <RightOutlined />
        </Link>
      )}
      {alert.serviceId && (
        <Link to={`/services/${alert.serviceId}`} className="lm-nowrap">
          {t('care.alerts.openRecord')} <RightOutlined />
        </Link>
      )}
    </span>
  );
  const assignee = (alert: Alert) => (alert.assignee ? alert.assignee.name : <span className="lm-muted">{t('care.alerts.unassigned')}</span>);

  const columns: TableColumnsType<Alert> = [
    {
      title: `${t('care.alerts.person')} · ${t('care.alerts.village')}`,
      key: 'person',
      render: (_value, alert) => (
        <span className="lm-stack">
          <span className="lm-tags lm-nowrap">
            {person(alert)}
            {alert.riskLevel && <RiskTag level={alert.riskLevel} />}
          </span>
          <span className="lm-muted lm-small lm-nowrap">{alert.villageName ?? '—'}</span>
        </span>
      ),
    },
    {
      title: t('care.alerts.groups'),
      key: 'groups',
      render: (_value, alert) => (
        <div className="lm-care-groups-cell">
          <GroupTags groups={alert.groups} />
        </div>
      ),
    },
    { title: t('care.alerts.detail'), key: 'detail', render: (_value, alert) => <div className="lm-care-detail">{alert.detail}</div> },
    { title: t('care.alerts.since'), key: 'since', render: (_value, alert) => <SinceCell alert={alert} language={language} /> },
    { title: t('care.alerts.assignee'), key: 'assignee', render: (_value, alert) => <span className="lm-nowrap">{assignee(alert)}</span> },
    { title: '', key: 'links', render: (_value, alert) => links(alert) },
  ];
  const villageSelect = (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={villageId}
      placeholder={narrow ? t('care.alerts.allVillages') : t('care.alerts.any')}
      aria-label={t('care.alerts.village')}
      options={villages}
      loading={orgs.isPending}
      onChange={(value?: string) => onFilter({ villageId: value })}
      style={{ width: narrow ? '100%' : 180 }}
      data-testid="alerts-village"
    />
  );
  const workerSelect = (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={assigneeId}
      placeholder={narrow ? t('care.alerts.allWorkers') : t('care.alerts.any')}
      aria-label={t('care.alerts.worker')}
      options={workers}
      loading={staff.isPending}
      onChange={(value?: string) => onFilter({ assigneeId: value })}
      style={{ width: narrow ? '100%' : 160 }}
      data-testid="alerts-worker"
    />
  );
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('care.alerts.emptyFiltered') : t(`care.alerts.empty.${type}`)} />;

  return (
    <Card className="lm-care-section" styles={{ body: { padding: 0 } }} data-testid="alerts-card">
      {narrow ? (
        <div className="lm-care-type-grid" role="tablist">
          {ALERT_TYPES.map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={key === type}
              className={`lm-care-type${key === type ? ' lm-care-type--active' : ''}`}
              onClick={() => onType(key)}
            >
              <TabLabel type={key} count={summary?.counts[key]} silenceDays={summary?.silenceDays} />
            </button>
          ))}
        </div>
      ) : (
        <Tabs
          className="lm-care-alert-tabs"
          activeKey={type}
          onChange={(key) => {
            if (isAlertType(key)) onType(key);
          }}
          tabBarStyle={{ padding: '0 16px' }}
          items={ALERT_TYPES.map((key) => ({ key, label: <TabLabel type={key} count={summary?.counts[key]} silenceDays={summary?.silenceDays} /> }))}
        />
      )}
      {narrow ? (
        <div className="lm-care-filters-row">
          {villageSelect}
          {BY_WORKER.includes(type) && workerSelect}
        </div>
      ) : (
        <Form layout="inline" className="lm-filters__form lm-care-alert-filters" style={{ padding: '12px 16px 0' }}>
          <Form.Item label={t('care.alerts.village')}>{villageSelect}</Form.Item>
          {BY_WORKER.includes(type) && <Form.Item label={t('care.alerts.worker')}>{workerSelect}</Form.Item>}
        </Form>
      )}
      <div style={{ paddingTop: 12 }}>
        {alerts.isError ? (
          <div style={{ padding: 16 }}>
            <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />
          </div>
        ) : narrow ? (
          <List<Alert>
            className="lm-card-list"
            dataSource={rows}
            loading={alerts.isPending}
            locale={{ emptyText: empty }}
            renderItem={(alert) => (
              <List.Item key={`${alert.personId}:${alert.taskId ?? alert.serviceId ?? ''}`} data-testid="alert">
                <div className="lm-card-list__item">
                  <div className="lm-card-list__top">
                    {person(alert)}
                    <SinceCell alert={alert} language={language} />
                  </div>
                  <div className="lm-card-list__line">{alert.detail}</div>
                  <GroupTags groups={alert.groups} />
                  <div className="lm-card-list__meta">{[alert.villageName, alert.assignee?.name].filter(Boolean).join(' · ')}</div>
                  {links(alert)}
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Table<Alert>
            rowKey={(alert) => `${alert.personId}:${alert.taskId ?? alert.serviceId ?? ''}`}
            columns={columns}
            dataSource={rows}
            loading={alerts.isPending || (alerts.isPlaceholderData && alerts.isFetching)}
            pagination={false}
            size="middle"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: empty }}
          />
        )}
        <LoadMore shown={rows.length} hasMore={alerts.hasNextPage} loading={alerts.isFetchingNextPage} onLoadMore={() => void alerts.fetchNextPage()} />
      </div>
    </Card>
  );
}

/** When an alert started, in the words of its type. */
function SinceCell({ alert, language }: { alert: Alert; language: Language }) {
  const { t } = useTranslation();
  const date = alert.since ? formatDate(alert.since, language) : null;
  let lines: ReactNode[];
  switch (alert.type) {
    case 'overdue':
      lines = [
        date && t('care.alerts.overdueSince', { date }),
        alert.days !== null && (
          <span key="days" className="lm-care-since--late">
            {t('care.alerts.overdueDays', { count: alert.days })}
          </span>
        ),
      ];
      break;
    case 'silent':
      lines = [
        date ? t('care.alerts.silentSince', { date }) : t('care.alerts.silentNever'),
        alert.days !== null && (
          <span key="days" className="lm-care-since--late">
            {t('care.alerts.silentDays', { count: alert.days })}
          </span>
        ),
      ];
      break;
    case 'danger':
    case 'wellbeing_drop':
      lines = [date && t('care.alerts.recordedOn', { date })];
      break;
    default:
      lines = [date];
  }
  const shown = lines.filter(Boolean);
  if (shown.length === 0) return <span className="lm-muted">—</span>;
  return (
    <span className="lm-stack lm-nowrap">
      {shown.map((line, index) => (typeof line === 'string' ? <span key={index}>{line}</span> : line))}
    </span>
  );
}

type WorkerRow = AlertSummary['byWorker'][number];

function ByWorkerCard({ summary, loading, onWorker }: { summary: AlertSummary | undefined; loading: boolean; onWorker: (id: string | null) => void }) {
  const { t } = useTranslation();
  const narrow = Grid.useBreakpoint().md === false;
  const rows = summary?.byWorker ?? [];
  const name = (row: WorkerRow) =>
    row.id === null ? (
      <span className="lm-muted">{t('care.alerts.unassigned')}</span>
    ) : (
      <Button type="link" size="small" className="lm-care-worker-link" onClick={() => onWorker(row.id)} style={{ padding: 0 }}>
        {row.name}
      </Button>
    );
  const late = (value: number) => <span className={value > 0 ? 'lm-care-since--late lm-care-num' : 'lm-care-num'}>{value}</span>;
  const columns: TableColumnsType<WorkerRow> = [
    { title: t('care.alerts.worker'), key: 'name', render: (_value, row) => name(row) },
    { title: t('care.alerts.workerOpen'), key: 'open', align: 'right', render: (_value, row) => <span className="lm-care-num">{row.open}</span> },
    { title: t('care.alerts.workerOverdue'), key: 'overdue', align: 'right', render: (_value, row) => late(row.overdue) },
    { title: t('care.alerts.workerUnreachable'), key: 'unreachable', align: 'right', render: (_value, row) => late(row.unreachable) },
    { title: t('care.alerts.workerDone'), key: 'done', align: 'right', render: (_value, row) => <span className="lm-care-num">{row.doneThisMonth}</span> },
  ];
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.alerts.byWorkerEmpty')} />;
  return (
    <Card className="lm-care-section" title={t('care.alerts.byWorker')} styles={{ body: { padding: 0 } }} data-testid="alerts-by-worker">
      {narrow ? (
        <List<WorkerRow>
          className="lm-card-list"
          dataSource={rows}
          loading={loading}
          locale={{ emptyText: empty }}
          renderItem={(row) => (
            <List.Item key={row.id ?? 'none'}>
              <div className="lm-care-row-card">
                <div className="lm-care-row-card__top">{name(row)}</div>
                <div className="lm-care-row-card__counts">
                  <span>
                    {t('care.alerts.workerOpen')} {row.open}
                  </span>
                  <span>
                    {t('care.alerts.workerOverdue')} {late(row.overdue)}
                  </span>
                  <span>
                    {t('care.alerts.workerUnreachable')} {late(row.unreachable)}
                  </span>
                  <span>
                    {t('care.alerts.workerDone')} {row.doneThisMonth}
                  </span>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<WorkerRow> rowKey={(row) => row.id ?? 'none'} columns={columns} dataSource={rows} loading={loading} pagination={false} size="middle" scroll={{ x: 'max-content' }} locale={{ emptyText: empty }} />
      )}
    </Card>
  );
}

const MONTH_FORMAT = { 'zh-CN': 'YYYY年M月', 'en-US': 'MMM YYYY' } as const;

function rateColor(rate: number, target: number): string {
  if (rate >= target) return '#3f8f4f';
  if (rate >= target * 0.8) return '#e8912d';
  return '#cf1322';
}

function VisitRateCard({ current }: { current: VisitRate | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const thisMonth = today().format('YYYY-MM');
  const [month, setMonth] = useState(thisMonth);
  // This month's rate comes with the summary; another month is asked for.
  const other = useVisitRate(month, month !== thisMonth);
  const rate = month === thisMonth ? current : other.data;
  const loading = month === thisMonth ? !current : other.isPending;

  let body: ReactNode;
  if (month !== thisMonth && other.isError) body = <LoadError error={other.error} onRetry={() => void other.refetch()} />;
  else if (loading || !rate) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (rate.station.elders === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.alerts.noElders')} />;
  else
    body = (
      <div className="lm-care-visit-rows" data-testid="visit-rate">
        {[{ row: rate.station, station: true }, ...rate.villages.map((row) => ({ row, station: false }))].map(({ row, station }) => (
          <div key={station ? 'station' : row.id} className={`lm-care-visit-row${station ? ' lm-care-visit-row--station' : ''}`} data-testid={station ? 'visit-rate-station' : 'visit-rate-village'}>
            <span className="lm-care-visit-row__name">{station ? t('care.alerts.station') : row.name}</span>
            <Progress percent={Math.round(row.rate * 100)} strokeColor={rateColor(row.rate, rate.target)} format={(percent) => `${percent ?? 0}%`} size="small" aria-label={row.name} />
            <span className="lm-muted lm-small">{t('care.alerts.visited', { visited: row.visited, elders: row.elders })}</span>
          </div>
        ))}
      </div>
    );

  return (
    <Card
      className="lm-care-section"
      title={t('care.alerts.visitRate')}
      data-testid="visit-rate-card"
      extra={
        <DatePicker
          picker="month"
          allowClear={false}
          inputReadOnly
          size="small"
          value={dayjs(`${month}-01`)}
          format={MONTH_FORMAT[language]}
          disabledDate={(day) => day.format('YYYY-MM') > thisMonth}
          onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
          aria-label={t('care.alerts.month')}
          style={{ width: 120 }}
          data-testid="visit-rate-month"
        />
      }
    >
      <p className="lm-muted lm-small" style={{ marginTop: 0 }}>
        {t('care.alerts.visitRateHint')}
      </p>
      {body}
    </Card>
  );
}
