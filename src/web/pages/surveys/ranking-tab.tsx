import { useRef } from 'react';
import { Button, Card, Empty, Grid, List, Progress, Skeleton, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { FileExcelOutlined, PictureOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { withQuery } from '../../app/api';
import { useLanguage } from '../../app/language';
import { Chart, downloadDataUrl, type ChartHandle } from '../../components/chart';
import { LoadError } from '../../components/load-error';
import { AnalysisFiltersBar, analysisFiltersOf, withAnalysisFilters } from './analysis-filters';
import { barHeight, percent, rankingOption } from './survey-charts';
import { groupLabel } from './survey-labels';
import type { Ranking, Survey } from './survey-types';
import { useSurveyRanking } from './surveys-api';

type Item = Ranking['items'][number];

/**
 * 需求排序 of one survey: the needs its respondents expressed (options carrying a need type),
 * counted for the survey's audience, most needed first, as a table and a chart.
 */
export function RankingTab({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const all = analysisFiltersOf(params);
  const filters = { villageId: all.villageId, from: all.from, to: all.to };
  const ranking = useSurveyRanking(survey.id, survey.audience, filters, true);
  const chart = useRef<ChartHandle>(null);
  const exportUrl = withQuery('/api/needs/ranking/export', { group: survey.audience, surveyId: survey.id, ...filters });

  const columns: TableColumnsType<Item> = [
    { title: t('surveys.ranking.rank'), key: 'rank', width: 72, render: (_value, item) => <span className="lm-sv-rank-badge" data-rank={item.rank}>{item.rank}</span> },
    { title: t('surveys.ranking.need'), key: 'need', render: (_value, item) => <strong>{item.label}</strong> },
    { title: t('surveys.ranking.count'), key: 'count', align: 'right', render: (_value, item) => <span className="lm-sv-num">{item.count}</span> },
    {
      title: t('surveys.ranking.share'),
      key: 'share',
      render: (_value, item) => (
        <div className="lm-sv-share">
          <Progress percent={Math.round(item.share * 1000) / 10} showInfo={false} size="small" strokeColor="#0b6e74" />
          <span className="lm-sv-num">{percent(item.share)}</span>
        </div>
      ),
    },
    {
      title: (
        <Tooltip title={t('surveys.ranking.firstChoiceHint')}>
          <span>
            {t('surveys.ranking.firstChoice')} <QuestionCircleOutlined className="lm-muted" />
          </span>
        </Tooltip>
      ),
      key: 'first',
      align: 'right',
      render: (_value, item) => <span className="lm-sv-num">{item.firstChoice}</span>,
    },
  ];

  return (
    <div className="lm-sv-tab" data-testid="ranking-tab">
      <AnalysisFiltersBar
        filters={all}
        onChange={(next) => setParams(withAnalysisFilters(params, { ...all, villageId: next.villageId, from: next.from, to: next.to }), { replace: true })}
        versions={[]}
        only={['villageId', 'from', 'to']}
      />
      <p className="lm-muted lm-sv-tab__intro">{t('surveys.ranking.intro', { group: groupLabel(survey.audience, language) })}</p>
      {ranking.isError ? (
        <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : ranking.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : ranking.data.items.length === 0 ? (
        <Card>
          <Empty description={t('surveys.ranking.empty')} />
        </Card>
      ) : (
        <Card size="small" data-testid="ranking-result">
          <div className="lm-sv-toolbar">
            <Tag variant="filled" color="cyan" data-testid="ranking-respondents" data-count={ranking.data.respondents}>
              {t('surveys.ranking.respondents', { count: ranking.data.respondents })}
            </Tag>
            <Space size={4} wrap>
              <Button
                size="small"
                icon={<PictureOutlined />}
                onClick={() => {
                  const png = chart.current?.toPng();
                  if (png) downloadDataUrl(png, `${survey.title}-${t('surveys.ranking.title')}.png`);
                }}
              >
                {t('surveys.ranking.download')}
              </Button>
              <Button size="small" icon={<FileExcelOutlined />} href={exportUrl} data-testid="ranking-export">
                {t('surveys.ranking.exportExcel')}
              </Button>
            </Space>
          </div>
          <Chart ref={chart} option={rankingOption(ranking.data, { count: t('surveys.ranking.count') })} height={barHeight(ranking.data.items.length)} ariaLabel={t('surveys.ranking.chart')} testId="ranking-chart" />
          {narrow ? (
            <List<Item>
              className="lm-card-list"
              dataSource={ranking.data.items}
              renderItem={(item) => (
                <List.Item key={item.needType} data-testid="ranking-row" data-need={item.needType} data-rank={item.rank} data-count={item.count}>
                  <div className="lm-card-list__item">
                    <div className="lm-card-list__top">
                      <span>
                        <span className="lm-sv-rank-badge">{item.rank}</span> <strong>{item.label}</strong>
                      </span>
                      <span className="lm-sv-num">
                        {item.count} · {percent(item.share)}
                      </span>
                    </div>
                    <Progress percent={Math.round(item.share * 1000) / 10} showInfo={false} size="small" strokeColor="#0b6e74" />
                    <div className="lm-card-list__meta">
                      {t('surveys.ranking.firstChoice')} {item.firstChoice}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<Item>
              rowKey="needType"
              columns={columns}
              dataSource={ranking.data.items}
              pagination={false}
              size="middle"
            />
          )}
        </Card>
      )}
    </div>
  );
}
