import { useMemo, useRef, type ReactNode } from 'react';
import { Button, Card, Checkbox, Empty, Form, Grid, List, Select, Skeleton, Table, type TableColumnsType } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NEED_STATUSES, type NeedStatus } from '../../../shared/codes';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { codeOptions } from '../people/people-labels';
import { serviceTypeLabel, listSeparator } from '../services/service-labels';
import { NEED_TYPES } from '../../../shared/codes';
import { useNeeds, useNeedsSummary, type Need, type NeedFilters, type NeedsSummary } from './needs-api';
import { needSourceLabel, NeedStatusMenu, NeedStatusTag, needTypeLabel } from './needs-labels';
import type { NeedsView } from './needs-params';
import { usePlaces } from './needs-places';
import { PlaceFilterItems } from './place-filter-items';

type Update = (patch: Record<string, string | undefined>) => void;
type SummaryRow = NeedsSummary['items'][number];

/** The summary's columns: each a count, and the list filter a click on it sets. */
const COUNTS = [
  { key: 'identified', status: 'identified' },
  { key: 'beingServed', status: 'being_served' },
  { key: 'met', status: 'met' },
  { key: 'unmet', status: 'unmet' },
  { key: 'unanswered', status: null },
] as const satisfies ReadonlyArray<{ key: keyof SummaryRow; status: NeedStatus | null }>;
type CountKey = (typeof COUNTS)[number]['key'];

/** 需求台账: the counts per need type (each a link into the list), the filters, and the list. */
export function RegisterSection({ view, update }: { view: NeedsView; update: Update }) {
  const listRef = useRef<HTMLDivElement>(null);

  function pick(needType: string | undefined, column: CountKey) {
    const entry = COUNTS.find((count) => count.key === column);
    update({ needType, status: entry?.status ?? undefined, unanswered: column === 'unanswered' ? 'true' : undefined });
    listRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  return (
    <div className="lm-needs__section" data-testid="register-section">
      <SummaryCard view={view} onPick={pick} />
      <div ref={listRef}>
        <NeedsListCard view={view} update={update} />
      </div>
    </div>
  );
}

function SummaryCard({ view, onPick }: { view: NeedsView; onPick: (needType: string | undefined, column: CountKey) => void }) {
  const { t } = useTranslation();
  const narrow = Grid.useBreakpoint().md === false;
  const summary = useNeedsSummary({ villageId: view.villageId, stationId: view.stationId });
  // Every need type comes back; the ones nobody has are left out of the table.
  const rows = useMemo(() => (summary.data?.items ?? []).filter((row) => COUNTS.some((count) => row[count.key] > 0)), [summary.data]);
  const totals = useMemo(() => {
    const sum = (key: CountKey) => rows.reduce((total, row) => total + row[key], 0);
    return { identified: sum('identified'), beingServed: sum('beingServed'), met: sum('met'), unmet: sum('unmet'), unanswered: sum('unanswered') };
  }, [rows]);
  const title = (key: CountKey) => t(`needs.register.${key}`);

  const number = (needType: string | undefined, key: CountKey, value: number) => {
    const chosen = view.needType === needType && (key === 'unanswered' ? view.unanswered : !view.unanswered && view.status === COUNTS.find((count) => count.key === key)?.status);
    const className = ['lm-needs__count', key === 'unanswered' && value > 0 ? 'lm-needs__count--alert' : '', chosen ? 'lm-needs__count--chosen' : ''].filter(Boolean).join(' ');
    if (value === 0) return <span className="lm-needs__count lm-needs__count--zero">0</span>;
    return (
      <button type="button" className={className} onClick={() => onPick(needType, key)} data-testid="summary-count" data-need={needType ?? 'all'} data-column={key} aria-label={`${needType ? needTypeLabelText(rows, needType) : t('needs.register.total')} · ${title(key)}: ${value}`}>
        {value}
      </button>
    );
  };

  const columns: TableColumnsType<SummaryRow> = [
    { title: t('needs.register.needType'), key: 'need', render: (_value, row) => <span className="lm-nowrap">{row.label}</span> },
    ...COUNTS.map((count) => ({
      title: count.key === 'unanswered' ? <span className="lm-needs__alert-head">{title(count.key)}</span> : title(count.key),
      key: count.key,
      align: 'right' as const,
      className: count.key === 'unanswered' ? 'lm-needs__unanswered-col' : undefined,
      render: (_value: unknown, row: SummaryRow) => number(row.needType, count.key, row[count.key]),
    })),
  ];

  let body: ReactNode;
  if (summary.isPending) body = <Skeleton active paragraph={{ rows: 4 }} style={{ padding: 16 }} />;
  else if (summary.isError)
    body = (
      <div style={{ padding: 16 }}>
        <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
      </div>
    );
  else if (rows.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('needs.register.emptySummary')} style={{ padding: '16px 24px' }} />;
  else if (narrow)
    body = (
      <List<SummaryRow>
        className="lm-card-list"
        dataSource={rows}
        renderItem={(row) => (
          <List.Item key={row.needType} data-testid="summary-row" data-need={row.needType}>
            <div className="lm-card-list__item">
              <strong>{row.label}</strong>
              <div className="lm-needs__count-grid">
                {COUNTS.map((count) => (
                  <CountCell key={count.key} label={title(count.key)} alert={count.key === 'unanswered'} value={row[count.key]} onPick={() => onPick(row.needType, count.key)} testNeed={row.needType} column={count.key} />
                ))}
              </div>
            </div>
          </List.Item>
        )}
      />
    );
  else
    body = (
      <Table<SummaryRow>
        rowKey="needType"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ className: 'lm-needs__summary-row', 'data-testid': 'summary-row', 'data-need': row.needType })}
        summary={() => (
          <Table.Summary.Row className="lm-needs__total-row">
            <Table.Summary.Cell index={0}>{t('needs.register.total')}</Table.Summary.Cell>
            {COUNTS.map((count, index) => (
              <Table.Summary.Cell key={count.key} index={index + 1} align="right" className={count.key === 'unanswered' ? 'lm-needs__unanswered-col' : undefined}>
                {number(undefined, count.key, totals[count.key])}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
    );

  return (
    <Card className="lm-needs__summary" title={t('needs.register.summary')} styles={{ body: { padding: 0 } }} data-testid="needs-summary">
      <p className="lm-muted lm-small lm-needs__hint">{t('needs.register.summaryHint')}</p>
      {body}
    </Card>
  );
}

/** On a phone: a count with its column's name, the whole cell a button. */
function CountCell({ label, alert, value, onPick, testNeed, column }: { label: string; alert: boolean; value: number; onPick: () => void; testNeed: string; column: CountKey }) {
  const className = `lm-needs__count-cell${alert && value > 0 ? ' lm-needs__count-cell--alert' : ''}`;
  const content = (
    <>
      <span className="lm-small lm-needs__count-label">{label}</span>
      <span className="lm-needs__count-value">{value}</span>
    </>
  );
  if (value === 0) return <div className={`${className} lm-needs__count-cell--zero`}>{content}</div>;
  return (
    <button type="button" className={className} onClick={onPick} data-testid="summary-count" data-need={testNeed} data-column={column}>
      {content}
    </button>
  );
}

function needTypeLabelText(rows: readonly SummaryRow[], needType: string): string {
  return rows.find((row) => row.needType === needType)?.label ?? needType;
}

function NeedsListCard({ view, update }: { view: NeedsView; update: Update }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const canWrite = hasPermission(user, 'needs:write');
  const narrow = Grid.useBreakpoint().md === false;
  const places = usePlaces(view.stationId);
  const filters: NeedFilters = useMemo(
    () => ({
      stationId: view.stationId,
      villageId: view.villageId,
      needType: view.needType,
      status: view.unanswered ? undefined : view.status,
      unanswered: view.unanswered ? 'true' : undefined,
    }),
    [view.stationId, view.villageId, view.needType, view.status, view.unanswered],
  );
  const needs = useNeeds(filters);
  const rows = needs.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(view.villageId || view.needType || view.status || view.unanswered);
  const width = (desktop: number) => (narrow ? '100%' : desktop);

  const person = (need: Need) => (
    <Link to={`/people/${need.person.id}`} className="lm-person-name" data-testid="need-person">
      {need.person.name}
    </Link>
  );
  const answered = (need: Need) =>
    need.answeredBy ? (
      <Link to={`/services/${need.answeredBy.serviceId}`} className="lm-stack" data-testid="need-answered">
        <span className="lm-nowrap">
          {formatDate(need.answeredBy.startedAt, language)} <RightOutlined />
        </span>
        <span className="lm-muted lm-small">{need.answeredBy.serviceTypes.map((type) => serviceTypeLabel(type, language)).join(listSeparator(language))}</span>
      </Link>
    ) : (
      <span className={need.status === 'identified' || need.status === 'being_served' ? 'lm-needs__unanswered' : 'lm-muted'} data-testid="need-unanswered">
        {t('needs.register.notAnswered')}
      </span>
    );
  const needCell = (need: Need) => (
    <span className="lm-stack">
      <span data-testid="need-type" data-need={need.needType}>
        {needTypeLabel(need.needType, language)}
      </span>
      {need.note && <span className="lm-muted lm-small lm-needs__note">{need.note}</span>}
    </span>
  );

  const columns: TableColumnsType<Need> = [
    { title: t('needs.register.person'), key: 'person', render: (_value, need) => person(need) },
    { title: t('needs.register.village'), key: 'village', render: (_value, need) => <span className="lm-nowrap">{need.villageName}</span> },
    { title: t('needs.register.need'), key: 'need', render: (_value, need) => needCell(need) },
    { title: t('needs.register.status'), key: 'status', render: (_value, need) => <NeedStatusTag status={need.status} /> },
    { title: t('needs.register.source'), key: 'source', render: (_value, need) => <span className="lm-nowrap">{needSourceLabel(need.source, language)}</span> },
    { title: t('needs.register.identifiedAt'), key: 'identifiedAt', render: (_value, need) => <span className="lm-nowrap">{formatDate(need.identifiedAt, language)}</span> },
    { title: t('needs.register.answeredBy'), key: 'answeredBy', render: (_value, need) => answered(need) },
    ...(canWrite ? [{ title: '', key: 'actions', render: (_value: unknown, need: Need) => <NeedStatusMenu need={need} /> }] : []),
  ];

  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('needs.register.emptyFiltered') : t('needs.register.empty')} />;

  return (
    <Card className="lm-needs__list" title={t('needs.register.list')} styles={{ body: { padding: 0 } }} data-testid="needs-list">
      <Form layout={narrow ? 'vertical' : 'inline'} className="lm-filters__form lm-needs__list-filters">
        <PlaceFilterItems places={places} stationId={view.stationId} villageId={view.villageId} update={update} width={width} testIdPrefix="register" />
        <Form.Item label={t('needs.filters.needType')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={view.needType}
            placeholder={t('needs.filters.allNeedTypes')}
            options={codeOptions(NEED_TYPES, language)}
            onChange={(needType?: string) => update({ needType })}
            style={{ width: width(170) }}
            popupMatchSelectWidth={false}
            data-testid="register-need-type"
          />
        </Form.Item>
        <Form.Item label={t('needs.filters.status')}>
          <Select
            allowClear
            value={view.unanswered ? undefined : view.status}
            disabled={view.unanswered}
            placeholder={t('needs.filters.allStatuses')}
            options={codeOptions(NEED_STATUSES, language)}
            onChange={(status?: string) => update({ status })}
            style={{ width: width(140) }}
            popupMatchSelectWidth={false}
            data-testid="register-status"
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={view.unanswered} onChange={(event) => update({ unanswered: event.target.checked ? 'true' : undefined, status: undefined })} data-testid="register-unanswered">
            {t('needs.filters.unansweredOnly')}
          </Checkbox>
        </Form.Item>
        {filtered && (
          <Form.Item>
            <Button type="link" onClick={() => update({ villageId: undefined, needType: undefined, status: undefined, unanswered: undefined })} data-testid="register-clear">
              {t('needs.filters.clear')}
            </Button>
          </Form.Item>
        )}
      </Form>
      <div className="lm-needs__list-body">
        {needs.isError ? (
          <div style={{ padding: 16 }}>
            <LoadError error={needs.error} onRetry={() => void needs.refetch()} />
          </div>
        ) : narrow ? (
          <List<Need>
            className="lm-card-list"
            dataSource={rows}
            loading={needs.isPending}
            locale={{ emptyText: empty }}
            renderItem={(need) => (
              <List.Item key={need.id} data-testid="need-row" data-id={need.id}>
                <div className="lm-card-list__item">
                  <div className="lm-card-list__top">
                    {person(need)}
                    <NeedStatusTag status={need.status} />
                  </div>
                  <div className="lm-card-list__line">{needCell(need)}</div>
                  <div className="lm-card-list__meta">
                    {[need.villageName, needSourceLabel(need.source, language), formatDate(need.identifiedAt, language)].join(' · ')}
                  </div>
                  <div className="lm-needs__card-foot">
                    <span className="lm-needs__card-answer">
                      <span className="lm-muted lm-small">{t('needs.register.answeredBy')}</span>
                      {answered(need)}
                    </span>
                    {canWrite && <NeedStatusMenu need={need} />}
                  </div>
                </div>
              </List.Item>
            )}
          />
        ) : (
          <Table<Need>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={needs.isPending || (needs.isPlaceholderData && needs.isFetching)}
            pagination={false}
            size="middle"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: empty }}
            onRow={(need) => ({ className: 'lm-needs__need-row', 'data-testid': 'need-row', 'data-id': need.id })}
          />
        )}
        <LoadMore shown={rows.length} hasMore={needs.hasNextPage} loading={needs.isFetchingNextPage} onLoadMore={() => void needs.fetchNextPage()} />
      </div>
    </Card>
  );
}
