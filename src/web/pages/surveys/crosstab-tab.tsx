import { Card, Empty, Form, Grid, Segmented, Select, Skeleton } from 'antd';
import { BarChartOutlined, HeatMapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CROSSTAB_DIMENSIONS, type CrosstabDimension } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { Chart } from '../../components/chart';
import { LoadError } from '../../components/load-error';
import { AnalysisFiltersBar, analysisFiltersOf, withAnalysisFilters } from './analysis-filters';
import { barHeight, crosstabBarsOption, crosstabHeatmapOption, percent } from './survey-charts';
import { dimensionLabel } from './survey-labels';
import type { Crosstab, Survey } from './survey-types';
import { useCrosstab } from './surveys-api';

const DIMENSIONS = Object.keys(CROSSTAB_DIMENSIONS) as CrosstabDimension[];

function isDimension(value: string | null): value is CrosstabDimension {
  return value !== null && (DIMENSIONS as string[]).includes(value);
}

/**
 * 交叉分析: one question's answers by village, group, sex or age band, as a table of counts and
 * shares of each row and as grouped bars or a heat map. The question, dimension and chart live in
 * the address with the filters.
 */
export function CrosstabTab({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const filters = analysisFiltersOf(params);
  const candidates = survey.questions.filter((question) => question.type === 'single' || question.type === 'multi' || question.type === 'rank' || question.type === 'scale');
  const asked = params.get('question');
  const question = candidates.find((item) => item.key === asked) ?? candidates[0] ?? null;
  const byParam = params.get('by');
  const by: CrosstabDimension = isDimension(byParam) ? byParam : 'village';
  const view = params.get('view') === 'heatmap' ? 'heatmap' : 'bars';
  const crosstab = useCrosstab(survey.id, question?.key ?? null, by, filters, question !== null);
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) next.set(key, value);
    setParams(next, { replace: true });
  };
  const numberOf = (key: string) => survey.questions.findIndex((item) => item.key === key) + 1;

  if (candidates.length === 0) {
    return (
      <Card className="lm-sv-tab">
        <Empty description={t('surveys.crosstab.noQuestion')} />
      </Card>
    );
  }

  return (
    <div className="lm-sv-tab" data-testid="crosstab-tab">
      <AnalysisFiltersBar filters={filters} onChange={(next) => setParams(withAnalysisFilters(params, next), { replace: true })} versions={survey.versions.map((version) => version.number)} />
      <Card size="small" className="lm-sv-crosstab__pick">
        <Form layout={narrow ? 'vertical' : 'inline'} className="lm-filters__form">
          <Form.Item label={t('surveys.crosstab.question')}>
            <Select
              value={question?.key}
              options={candidates.map((item) => ({ value: item.key, label: `${numberOf(item.key)}. ${item.text}` }))}
              onChange={(key: string) => set({ question: key })}
              placeholder={t('surveys.crosstab.chooseQuestion')}
              style={{ width: narrow ? '100%' : 360 }}
              popupMatchSelectWidth={false}
              data-testid="crosstab-question"
            />
          </Form.Item>
          <Form.Item label={t('surveys.crosstab.by')}>
            <Segmented<CrosstabDimension>
              value={by}
              options={DIMENSIONS.map((dimension) => ({ value: dimension, label: CROSSTAB_DIMENSIONS[dimension][language] }))}
              onChange={(value) => set({ by: value })}
              data-testid="crosstab-by"
            />
          </Form.Item>
          <Form.Item>
            <Segmented<'bars' | 'heatmap'>
              value={view}
              options={[
                { value: 'bars', label: t('surveys.crosstab.bars'), icon: <BarChartOutlined /> },
                { value: 'heatmap', label: t('surveys.crosstab.heatmap'), icon: <HeatMapOutlined /> },
              ]}
              onChange={(value) => set({ view: value })}
              data-testid="crosstab-view"
            />
          </Form.Item>
        </Form>
      </Card>
      {crosstab.isError ? (
        <LoadError error={crosstab.error} onRetry={() => void crosstab.refetch()} />
      ) : crosstab.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : crosstab.data.total.respondents === 0 ? (
        <Card>
          <Empty description={t('surveys.crosstab.empty')} />
        </Card>
      ) : (
        <Card size="small" title={`${numberOf(crosstab.data.question.key)}. ${crosstab.data.question.text}`} data-testid="crosstab-result">
          <Chart
            option={
              view === 'heatmap'
                ? crosstabHeatmapOption(crosstab.data, { share: t('surveys.results.share'), labelWidth: columnLabelWidth(crosstab.data.columns.length, narrow) })
                : crosstabBarsOption(crosstab.data)
            }
            height={view === 'heatmap' ? Math.max(220, (narrow ? 140 : 110) + crosstab.data.rows.length * 40) : barHeight(crosstab.data.rows.length, 16 + 12 * crosstab.data.columns.length) + 24 * Math.ceil(crosstab.data.columns.length / 4)}
            ariaLabel={t('surveys.crosstab.chart')}
            testId="crosstab-chart"
          />
          <CrosstabTable crosstab={crosstab.data} />
          <p className="lm-muted lm-small lm-sv-crosstab__hint">{t('surveys.crosstab.cellHint')}</p>
        </Card>
      )}
    </div>
  );
}

/** How wide an answer's name may be under a heat map's column before it wraps: the plot's width shared by the columns. */
function columnLabelWidth(columns: number, narrow: boolean): number {
  const plot = narrow ? 240 : 900;
  return Math.max(36, Math.min(140, Math.floor(plot / Math.max(1, columns)) - 6));
}

function CrosstabTable({ crosstab }: { crosstab: Crosstab }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const cell = (cells: Crosstab['total']['cells'], value: string) => {
    const found = cells.find((item) => item.value === value);
    return found && found.count > 0 ? (
      <>
        {found.count} <span className="lm-muted">({percent(found.share)})</span>
      </>
    ) : (
      <span className="lm-muted">0</span>
    );
  };
  return (
    <div className="lm-sv-table-wrap">
      <table className="lm-sv-table lm-sv-table--crosstab" data-testid="crosstab-table">
        <thead>
          <tr>
            <th>{dimensionLabel(crosstab.by, language)}</th>
            <th className="lm-sv-table__num">{t('surveys.crosstab.respondents')}</th>
            {crosstab.columns.map((column) => (
              <th key={column.value} className="lm-sv-table__num">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {crosstab.rows.map((row) => (
            <tr key={row.value} data-row={row.value}>
              <th scope="row">{row.label}</th>
              <td className="lm-sv-table__num">{row.respondents}</td>
              {crosstab.columns.map((column) => (
                <td key={column.value} className="lm-sv-table__num">
                  {cell(row.cells, column.value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('surveys.crosstab.total')}</th>
            <td className="lm-sv-table__num">{crosstab.total.respondents}</td>
            {crosstab.columns.map((column) => (
              <td key={column.value} className="lm-sv-table__num">
                {cell(crosstab.total.cells, column.value)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
