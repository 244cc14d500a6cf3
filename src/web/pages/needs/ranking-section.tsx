import { useMemo, useRef, useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Empty, Form, Grid, Input, List, Row, Select, Skeleton, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PictureOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { GroupCode } from '../../../shared/codes';
import { Chart, downloadDataUrl, type ChartHandle } from '../../components/chart';
import { formatDate, today } from '../../components/format';
import { errorText } from '../../app/api';
import { LoadError } from '../../components/load-error';
import { useLanguage } from '../../app/language';
import { groupLabel } from '../people/people-labels';
import { downloadFromApi, rankingExportPath, rankingSvgPath, useRanking, type Ranking, type RankingQuery } from './needs-api';
import { MAIN_GROUPS, PERIODS, RANKING_GROUPS, type Period } from './needs-model';
import type { NeedsView } from './needs-params';
import { usePlaces } from './needs-places';
import { PlaceFilterItems } from './place-filter-items';
import { percentOf, rankingChartHeight, rankingChartOption } from './ranking-chart';

type RankingItem = Ranking['items'][number];
type Update = (patch: Record<string, string | undefined>) => void;

/** The filters every ranking on the page shares: the place and the period. */
function placeAndPeriod(view: NeedsView): Omit<RankingQuery, 'group'> {
  return { stationId: view.stationId, villageId: view.villageId, from: view.from, to: view.to };
}

/** 需求排序: the filters, the three focus groups side by side, then the chosen group's chart and table. */
export function RankingSection({ view, update }: { view: NeedsView; update: Update }) {
  const query: RankingQuery = { group: view.group, ...placeAndPeriod(view) };
  return (
    <div className="lm-needs__section" data-testid="ranking-section">
      <RankingFilters view={view} update={update} />
      <GroupsOverview view={view} onGroup={(group) => update({ group: group === 'elder' ? undefined : group })} />
      <RankingCard query={query} view={view} />
    </div>
  );
}

function RankingFilters({ view, update }: { view: NeedsView; update: Update }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const narrow = Grid.useBreakpoint().md === false;
  const places = usePlaces(view.stationId);
  const width = (desktop: number) => (narrow ? '100%' : desktop);
  const groupOptions = [
    { label: t('needs.filters.mainGroups'), title: 'main', options: MAIN_GROUPS.map((code) => ({ value: code, label: groupLabel(code, language) })) },
    {
      label: t('needs.filters.otherGroups'),
      title: 'other',
      options: RANKING_GROUPS.filter((code) => !MAIN_GROUPS.includes(code)).map((code) => ({ value: code, label: groupLabel(code, language) })),
    },
  ];

  return (
    <Card className="lm-filters lm-needs__filters" size={narrow ? 'small' : 'default'}>
      <Form layout={narrow ? 'vertical' : 'inline'} className="lm-filters__form">
        <Form.Item label={t('needs.filters.group')}>
          <Select
            value={view.group}
            options={groupOptions}
            onChange={(group: GroupCode) => update({ group: group === 'elder' ? undefined : group })}
            style={{ width: width(170) }}
            popupMatchSelectWidth={false}
            data-testid="ranking-group"
          />
        </Form.Item>
        <PlaceFilterItems places={places} stationId={view.stationId} villageId={view.villageId} update={update} width={width} testIdPrefix="ranking" />
        <Form.Item label={t('needs.filters.period')} className={view.period === 'custom' ? 'lm-needs__period-item--wide' : undefined}>
          <div className="lm-needs__period">
            <Select
              value={view.period}
              options={PERIODS.map((value) => ({ value, label: t(`needs.periods.${value}`) }))}
              onChange={(period: Period) =>
                update(period === 'custom' ? { period, from: view.from, to: view.to } : { period: period === 'last12' ? undefined : period, from: undefined, to: undefined })
              }
              style={{ width: width(150) }}
              popupMatchSelectWidth={false}
              data-testid="ranking-period"
            />
            {view.period === 'custom' && (
              <Space.Compact className="lm-needs__dates">
                <Input
                  type="date"
                  value={view.from ?? ''}
                  max={view.to}
                  onChange={(event) => update({ from: event.target.value || undefined })}
                  aria-label={t('needs.filters.from')}
                  data-testid="ranking-from"
                />
                <Input
                  type="date"
                  value={view.to ?? ''}
                  min={view.from}
                  onChange={(event) => update({ to: event.target.value || undefined })}
                  aria-label={t('needs.filters.to')}
                  data-testid="ranking-to"
                />
              </Space.Compact>
            )}
          </div>
        </Form.Item>
      </Form>
      {!narrow && view.from && view.to && view.period !== 'custom' && (
        <div className="lm-muted lm-small lm-needs__range">{t('needs.ranking.periodValue', { from: formatDate(view.from, language), to: formatDate(view.to, language) })}</div>
      )}
    </Card>
  );
}

/** Elders, left-behind children and women: each group's top three needs as a small card, the chosen one outlined. */
function GroupsOverview({ view, onGroup }: { view: NeedsView; onGroup: (group: GroupCode) => void }) {
  const { t } = useTranslation();
  return (
    <section className="lm-needs__overview" aria-label={t('needs.overview.title')} data-testid="ranking-overview">
      <div className="lm-needs__overview-head">
        <h2 className="lm-needs__h2">{t('needs.overview.title')}</h2>
        <span className="lm-muted lm-small">{t('needs.overview.hint')}</span>
      </div>
      <Row gutter={[12, 12]}>
        {MAIN_GROUPS.map((group) => (
          <Col key={group} xs={24} md={8}>
            <OverviewCard group={group} query={{ group, ...placeAndPeriod(view) }} active={group === view.group} onOpen={() => onGroup(group)} />
          </Col>
        ))}
      </Row>
    </section>
  );
}

function OverviewCard({ group, query, active, onOpen }: { group: GroupCode; query: RankingQuery; active: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ranking = useRanking(query);
  const name = groupLabel(group, language);
  let body: ReactNode;
  if (ranking.isPending) body = <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  else if (ranking.isError) body = <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  else if (ranking.data.items.length === 0) body = <div className="lm-muted lm-needs__overview-empty">{t('needs.overview.empty')}</div>;
  else
    body = (
      <ol className="lm-needs__top">
        {ranking.data.items.slice(0, 3).map((item) => (
          <li key={item.needType} className="lm-needs__top-item" data-testid="overview-need" data-need={item.needType}>
            <span className={`lm-needs__top-rank lm-needs__top-rank--${item.rank}`}>{item.rank}</span>
            <span className="lm-needs__top-name">{item.label}</span>
            <span className="lm-needs__top-share">{percentOf(item.share)}%</span>
            <span className="lm-needs__top-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, percentOf(item.share))}%` }} />
            </span>
          </li>
        ))}
      </ol>
    );
  return (
    <Card
      size="small"
      className={`lm-needs__overview-card${active ? ' lm-needs__overview-card--active' : ''}`}
      data-testid="overview-card"
      data-group={group}
      title={name}
      extra={ranking.data && <span className="lm-muted lm-small lm-nowrap">{t('needs.overview.respondents', { count: ranking.data.respondents })}</span>}
      hoverable
      onClick={onOpen}
      role="button"
      tabIndex={0}
      aria-pressed={active}
      aria-label={t('needs.overview.open', { group: name })}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen();
        }
      }}
    >
      {body}
    </Card>
  );
}

/** `2025年11月30日 至 2026年11月29日`, or "since", "until", "all time". */
function usePeriodText(view: NeedsView): string {
  const { t } = useTranslation();
  const language = useLanguage();
  if (view.from && view.to) return t('needs.ranking.periodValue', { from: formatDate(view.from, language), to: formatDate(view.to, language) });
  if (view.from) return t('needs.ranking.since', { from: formatDate(view.from, language) });
  if (view.to) return t('needs.ranking.until', { to: formatDate(view.to, language) });
  return t('needs.ranking.allTime');
}

function RankingCard({ query, view }: { query: RankingQuery; view: NeedsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const ranking = useRanking(query);
  const places = usePlaces(view.stationId);
  const periodText = usePeriodText(view);
  const exportChart = useRef<ChartHandle>(null);
  const group = groupLabel(query.group, language);
  const data = ranking.data?.group === query.group ? ranking.data : undefined;
  const items = useMemo(() => data?.items ?? [], [data]);
  const bars = useMemo(() => items.map((item) => ({ label: item.label, share: item.share, count: item.count, rank: item.rank })), [items]);
  const title = t('needs.ranking.title', { group });
  const place = places.nameOf(view.villageId) ?? places.nameOf(view.stationId) ?? t('needs.ranking.allPlaces');
  const subtitle = t('needs.ranking.chartSubtitle', { place, period: periodText, count: data?.respondents ?? 0 });
  const screenOption = useMemo(() => rankingChartOption(bars, { labelWidth: narrow ? 84 : 150 }), [bars, narrow]);
  const imageOption = useMemo(() => rankingChartOption(bars, { title, subtitle, labelWidth: 180 }), [bars, title, subtitle]);
  const chartLabel = t('needs.ranking.chartLabel', { group, needs: items.map((item) => `${item.label} ${percentOf(item.share)}%`).join(language === 'zh-CN' ? '，' : ', ') });

  const [busy, setBusy] = useState<'xlsx' | 'svg' | null>(null);
  function download(kind: 'xlsx' | 'svg') {
    setBusy(kind);
    const name = `${t('needs.ranking.fileName', { group, date: today().format('YYYY-MM-DD') })}.${kind}`;
    downloadFromApi(kind === 'xlsx' ? rankingExportPath(query) : rankingSvgPath(query), name)
      .catch((error: unknown) => void message.error(errorText(error)))
      .finally(() => setBusy(null));
  }

  function downloadPng() {
    const png = exportChart.current?.toPng();
    if (!png) {
      void message.warning(t('needs.ranking.pngFailed'));
      return;
    }
    downloadDataUrl(png, `${t('needs.ranking.fileName', { group, date: today().format('YYYY-MM-DD') })}.png`);
  }

  const actions = (
    <Space wrap size={8} className="lm-needs__actions">
      <Button icon={<FileExcelOutlined />} onClick={() => download('xlsx')} loading={busy === 'xlsx'} disabled={items.length === 0} data-testid="ranking-export">
        {t('needs.ranking.export')}
      </Button>
      <Button icon={<PictureOutlined />} onClick={downloadPng} disabled={items.length === 0} data-testid="ranking-png">
        {t('needs.ranking.downloadPng')}
      </Button>
      <Button type="link" icon={<DownloadOutlined />} onClick={() => download('svg')} loading={busy === 'svg'} disabled={items.length === 0} data-testid="ranking-svg">
        {t('needs.ranking.downloadSvg')}
      </Button>
    </Space>
  );

  let body: ReactNode;
  if (ranking.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (ranking.isError) body = <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  else if (items.length === 0)
    body = (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span data-testid="ranking-empty">{t('needs.ranking.empty', { group })}</span>}>
        <div className="lm-muted lm-small">{t('needs.ranking.emptyHint')}</div>
      </Empty>
    );
  else
    body = (
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={12}>
          <Chart option={screenOption} height={rankingChartHeight(bars.length, false)} ariaLabel={chartLabel} testId="ranking-chart" />
        </Col>
        <Col xs={24} xl={12}>
          <RankingTable items={items} narrow={narrow} loading={ranking.isPlaceholderData && ranking.isFetching} />
        </Col>
      </Row>
    );

  return (
    <Card
      className="lm-needs__ranking"
      data-testid="ranking-card"
      data-group={query.group}
      title={
        <div className="lm-needs__ranking-title">
          <h2 className="lm-needs__h2">{title}</h2>
          <span className="lm-muted lm-small lm-needs__subtitle">
            {place} · {periodText}
            {data && (
              <>
                {' · '}
                <span className="lm-needs__respondents lm-nowrap" data-testid="ranking-respondents" data-count={data.respondents}>
                  {t('needs.ranking.respondentsValue', { count: data.respondents })}
                </span>{' '}
                <Tooltip title={t('needs.ranking.respondentsHint')}>
                  <QuestionCircleOutlined aria-label={t('needs.ranking.respondentsHint')} />
                </Tooltip>
              </>
            )}
          </span>
        </div>
      }
      extra={narrow || items.length === 0 ? undefined : actions}
    >
      {narrow && items.length > 0 && <div className="lm-needs__phone-actions">{actions}</div>}
      {body}
      {items.length > 0 && (
        // The image to download: the same bars at a fixed width with the title inside, whatever the screen.
        <div className="lm-needs__export-chart" aria-hidden="true">
          <Chart ref={exportChart} option={imageOption} height={rankingChartHeight(bars.length, true)} ariaLabel={chartLabel} />
        </div>
      )}
    </Card>
  );
}

function RankingTable({ items, narrow, loading }: { items: RankingItem[]; narrow: boolean; loading: boolean }) {
  const { t } = useTranslation();
  if (narrow)
    return (
      <List<RankingItem>
        className="lm-card-list lm-needs__rank-list"
        dataSource={items}
        loading={loading}
        renderItem={(item) => (
          <List.Item key={item.needType} data-testid="ranking-row" data-need={item.needType}>
            <div className="lm-needs__rank-card">
              <span className={`lm-needs__top-rank lm-needs__top-rank--${item.rank}`}>{item.rank}</span>
              <div className="lm-card-list__item">
                <div className="lm-card-list__top">
                  <strong data-testid="ranking-need">{item.label}</strong>
                  <span className="lm-needs__num lm-needs__share">{percentOf(item.share)}%</span>
                </div>
                <div className="lm-card-list__meta">{t('needs.ranking.cardMeta', { count: item.count, first: item.firstChoice })}</div>
              </div>
            </div>
          </List.Item>
        )}
      />
    );
  const columns: TableColumnsType<RankingItem> = [
    { title: t('needs.ranking.rank'), key: 'rank', width: 64, align: 'center', render: (_value, item) => <span className={`lm-needs__top-rank lm-needs__top-rank--${item.rank}`}>{item.rank}</span> },
    { title: t('needs.ranking.need'), key: 'need', render: (_value, item) => <span data-testid="ranking-need">{item.label}</span> },
    { title: t('needs.ranking.count'), key: 'count', align: 'right', render: (_value, item) => <span className="lm-needs__num">{item.count}</span> },
    { title: t('needs.ranking.share'), key: 'share', align: 'right', render: (_value, item) => <span className="lm-needs__num lm-needs__share">{percentOf(item.share)}%</span> },
    { title: t('needs.ranking.firstChoice'), key: 'first', align: 'right', render: (_value, item) => <span className="lm-needs__num">{item.firstChoice}</span> },
  ];
  return (
    <Table<RankingItem>
      rowKey="needType"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      size="small"
      onRow={(item) => ({ className: 'lm-needs__rank-row', 'data-testid': 'ranking-row', 'data-need': item.needType })}
    />
  );
}
