import { Card, Empty, List, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Chart } from '../../components/chart';
import { LoadError } from '../../components/load-error';
import { useLanguage } from '../../app/language';
import { AnalysisFiltersBar, analysisFiltersOf, withAnalysisFilters } from './analysis-filters';
import { barHeight, countBarsOption, distributionOption, percent, rankBarsOption, rankOrder } from './survey-charts';
import { needTypeLabel, questionTypeLabel } from './survey-labels';
import { scalePoints } from './survey-logic';
import type { Question, QuestionResult, Survey } from './survey-types';
import { useResults } from './surveys-api';

/**
 * 结果: per question, who was asked (skip logic) and who answered, and the answers: counts and
 * shares of the options, a ranking's mean places and first places, a scale's or number's
 * distribution with mean and median, the latest written answers.
 */
export function ResultsTab({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = analysisFiltersOf(params);
  const results = useResults(survey.id, filters, true);
  const versions = survey.versions.map((version) => version.number);
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="lm-sv-tab" data-testid="results-tab">
      <AnalysisFiltersBar filters={filters} onChange={(next) => setParams(withAnalysisFilters(params, next), { replace: true })} versions={versions} />
      {results.isError ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : results.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <div className="lm-sv-tab__summary">
            <Tag variant="filled" color="cyan" data-testid="results-respondents">
              {t('surveys.results.respondents', { count: results.data.respondents })}
            </Tag>
          </div>
          {results.data.respondents === 0 ? (
            <Card>
              <Empty description={filtered ? t('surveys.results.emptyFiltered') : t('surveys.results.empty')} />
            </Card>
          ) : (
            <div className="lm-sv-results">
              {results.data.questions.map((result, index) => (
                <QuestionResultCard
                  key={result.key}
                  result={result}
                  number={index + 1}
                  respondents={results.data.respondents}
                  question={survey.questions.find((question) => question.key === result.key)}
                />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function QuestionResultCard({ result, number, respondents, question }: { result: QuestionResult; number: number; respondents: number; question: Question | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Respondents the skip logic never showed the question to.
  const skipped = Math.max(0, respondents - result.asked);
  return (
    <Card
      size="small"
      className="lm-sv-result"
      data-testid="question-result"
      data-key={result.key}
      title={
        <div className="lm-sv-result__head">
          <span className="lm-sv-result__title">
            {number}. {result.text}
          </span>
        </div>
      }
      extra={<Tag variant="outlined">{questionTypeLabel(result.type, language)}</Tag>}
    >
      <div className="lm-sv-result__counts lm-muted lm-small" data-testid="result-counts">
        <span>{t('surveys.results.answered', { answered: result.answered })}</span>
        <span>{t('surveys.results.asked', { asked: result.asked })}</span>
        {skipped > 0 && <span>{t('surveys.results.skipped', { count: skipped })}</span>}
      </div>
      {result.answered === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.results.noAnswers')} /> : <ResultBody result={result} number={number} question={question} />}
    </Card>
  );
}

function ResultBody({ result, number, question }: { result: QuestionResult; number: number; question: Question | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ariaLabel = t('surveys.results.chart', { number });
  const testId = `result-chart-${result.key}`;
  if ((result.type === 'single' || result.type === 'multi') && result.options) {
    const bars = result.options.map((option) => ({ label: option.label, count: option.count, share: option.share }));
    return (
      <>
        <Chart option={countBarsOption(bars, { count: t('surveys.results.count') })} height={barHeight(bars.length)} ariaLabel={ariaLabel} testId={testId} />
        <OptionTable result={result} />
      </>
    );
  }
  if (result.type === 'rank' && result.options) {
    const ordered = rankOrder(result.options);
    return (
      <>
        <Chart
          option={rankBarsOption(result.options, { firstPlace: t('surveys.results.firstPlace'), ranked: t('surveys.results.ranked') })}
          height={barHeight(result.options.length, 40) + 24}
          ariaLabel={ariaLabel}
          testId={testId}
        />
        <table className="lm-sv-table" data-testid="result-table">
          <thead>
            <tr>
              <th>{t('surveys.results.option')}</th>
              <th className="lm-sv-table__num">{t('surveys.results.ranked')}</th>
              <th className="lm-sv-table__num">{t('surveys.results.firstPlace')}</th>
              <th className="lm-sv-table__num">{t('surveys.results.meanRank')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((option) => (
              <tr key={option.value} data-value={option.value}>
                <td>
                  {option.label}
                  {option.needType && <span className="lm-sv-need">{needTypeLabel(option.needType, language)}</span>}
                </td>
                <td className="lm-sv-table__num">
                  {option.count} · {percent(option.share)}
                </td>
                <td className="lm-sv-table__num">{option.firstPlace ?? 0}</td>
                <td className="lm-sv-table__num">{option.meanRank === null ? '—' : option.meanRank.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  if ((result.type === 'scale' || result.type === 'number') && result.distribution) {
    const stats: Array<[string, number | null | undefined]> = [
      [t('surveys.results.mean'), result.mean],
      [t('surveys.results.median'), result.median],
      [t('surveys.results.min'), result.min],
      [t('surveys.results.max'), result.max],
    ];
    return (
      <>
        <div className="lm-sv-stats" data-testid="result-stats">
          {stats.map(([label, value]) => (
            <div key={label} className="lm-sv-stat">
              <span className="lm-sv-stat__value">{value === null || value === undefined ? '—' : Number.isInteger(value) ? value : value.toFixed(2)}</span>
              <span className="lm-sv-stat__label">{label}</span>
            </div>
          ))}
        </div>
        <Chart
          option={distributionOption(result.distribution, {
            count: t('surveys.results.count'),
            points: result.type === 'scale' && question ? scalePoints(question) : undefined,
            unit: question?.range?.unit,
          })}
          height={220}
          ariaLabel={ariaLabel}
          testId={testId}
        />
        {result.type === 'scale' && (question?.scale?.minLabel || question?.scale?.maxLabel) && (
          <div className="lm-sv-scale__ends lm-small">
            <span>{question.scale.minLabel}</span>
            <span>{question.scale.maxLabel}</span>
          </div>
        )}
      </>
    );
  }
  if (result.type === 'text') {
    const texts = result.texts ?? [];
    return texts.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.results.noTexts')} />
    ) : (
      <>
        <div className="lm-muted lm-small">{t('surveys.results.latestTexts')}</div>
        <List size="small" className="lm-sv-texts" dataSource={texts} renderItem={(text, index) => <List.Item key={index}>{text}</List.Item>} data-testid="result-texts" />
      </>
    );
  }
  return null;
}

/** The numbers behind a choice chart, folded away: the chart's labels carry them already; the table adds the need types. */
function OptionTable({ result }: { result: QuestionResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <details className="lm-sv-details">
      <summary>{t('surveys.results.table')}</summary>
      <table className="lm-sv-table" data-testid="result-table">
        <thead>
          <tr>
            <th>{t('surveys.results.option')}</th>
            <th className="lm-sv-table__num">{t('surveys.results.count')}</th>
            <th className="lm-sv-table__num">{t('surveys.results.share')}</th>
          </tr>
        </thead>
        <tbody>
          {(result.options ?? []).map((option) => (
            <tr key={option.value} data-value={option.value}>
              <td>
                {option.label}
                {option.needType && <span className="lm-sv-need">{needTypeLabel(option.needType, language)}</span>}
              </td>
              <td className="lm-sv-table__num" data-testid="option-count">
                {option.count}
              </td>
              <td className="lm-sv-table__num">{percent(option.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
