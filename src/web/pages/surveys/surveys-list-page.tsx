import { useMemo, useState } from 'react';
import { Button, Card, Empty, Form, Grid, Input, List, Select, Table, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { GROUPS, SURVEY_STATUSES } from '../../../shared/codes';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { codeOptions } from '../people/people-labels';
import { AudienceTag, ModeTag, StatusTag } from './survey-labels';
import type { SurveyFilters, SurveySummary } from './survey-types';
import { useSurveys } from './surveys-api';
import { TemplatePicker } from './template-picker';
import './surveys.css';

const FILTER_KEYS = ['status', 'audience', 'q'] as const;

function filtersOf(params: URLSearchParams): SurveyFilters {
  const filters: SurveyFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

function paramsOf(filters: SurveyFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/**
 * /surveys: the station's surveys with their audience, mode, status, version and responses; a
 * table on a desk, cards on a phone. Staff open a survey or build one (blank or from a
 * template); a volunteer only fills in the open ones.
 */
export function SurveysListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const narrow = Grid.useBreakpoint().md === false;
  const [picking, setPicking] = useState(false);
  const [search, setSearch] = useState(filters.q ?? '');
  const canWrite = hasPermission(user, 'surveys:write');
  const canRespond = hasPermission(user, 'surveys:respond');
  // A volunteer fills in surveys; the survey's page (results, responses) is for the station's staff and the county.
  const fillOnly = canRespond && !hasPermission(user, 'surveys:analyse');
  // Drafts and closed surveys are nothing to fill in: one who only fills in sees the open ones.
  const surveys = useSurveys(fillOnly ? { ...filters, status: 'open' } : filters);
  const rows = surveys.data?.pages.flatMap((page) => page.items) ?? [];
  const emptyText = params.size > 0 ? t('surveys.list.empty') : fillOnly ? t('surveys.list.emptyVolunteer') : t('surveys.list.emptyAll');

  const update = (patch: Partial<SurveyFilters>) => setParams(paramsOf({ ...filters, ...patch }), { replace: true });
  const choose = (templateKey: string | null) => {
    setPicking(false);
    void navigate(templateKey ? `/surveys/new?template=${encodeURIComponent(templateKey)}` : '/surveys/new');
  };

  const title = (survey: SurveySummary) =>
    fillOnly ? (
      <span className="lm-sv-list__title">{survey.title}</span>
    ) : (
      <Link to={`/surveys/${survey.id}`} className="lm-sv-list__title" onClick={(event) => event.stopPropagation()}>
        {survey.title}
      </Link>
    );
  const lastResponse = (survey: SurveySummary) =>
    survey.lastResponseAt ? <span className="lm-nowrap">{formatDate(survey.lastResponseAt, language)}</span> : <span className="lm-muted">{t('surveys.list.noResponses')}</span>;
  const actions = (survey: SurveySummary) => (
    <span className="lm-sv-list__actions">
      {canRespond && survey.status === 'open' && (
        <Link to={`/surveys/${survey.id}/fill`} onClick={(event) => event.stopPropagation()}>
          <Button type={fillOnly ? 'primary' : 'default'} size="small" icon={<EditOutlined />} data-testid="survey-fill">
            {t('surveys.fillAction')}
          </Button>
        </Link>
      )}
    </span>
  );

  const columns: TableColumnsType<SurveySummary> = [
    { title: t('surveys.list.columns.title'), key: 'title', render: (_value, survey) => title(survey) },
    { title: t('surveys.list.columns.audience'), key: 'audience', render: (_value, survey) => <AudienceTag audience={survey.audience} /> },
    { title: t('surveys.list.columns.mode'), key: 'mode', render: (_value, survey) => <ModeTag mode={survey.mode} /> },
    { title: t('surveys.list.columns.status'), key: 'status', render: (_value, survey) => <StatusTag status={survey.status} /> },
    { title: t('surveys.list.columns.version'), key: 'version', render: (_value, survey) => <span className="lm-nowrap">{t('surveys.versionN', { number: survey.currentVersion })}</span> },
    { title: t('surveys.list.columns.responses'), key: 'responses', align: 'right', render: (_value, survey) => <span className="lm-sv-num">{survey.responseCount}</span> },
    { title: t('surveys.list.columns.lastResponse'), key: 'lastResponse', render: (_value, survey) => lastResponse(survey) },
    { title: t('surveys.list.columns.actions'), key: 'actions', render: (_value, survey) => actions(survey) },
  ];

  return (
    <div data-testid="surveys-list-page">
      <PageHeader
        title={t('surveys.title')}
        description={narrow ? undefined : t('surveys.description')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="survey-create">
              {t('surveys.create')}
            </Button>
          )
        }
      />
      <Card className="lm-filters" size={narrow ? 'small' : 'default'}>
        <Form layout={narrow ? 'vertical' : 'inline'} className="lm-filters__form lm-sv-filters">
          {!fillOnly && (
            <Form.Item label={t('surveys.list.filters.status')}>
              <Select
                allowClear
                value={filters.status}
                placeholder={t('surveys.list.filters.any')}
                options={codeOptions(SURVEY_STATUSES, language)}
                onChange={(status?: string) => update({ status })}
                style={{ width: narrow ? '100%' : 130 }}
                popupMatchSelectWidth={false}
                data-testid="filter-status"
              />
            </Form.Item>
          )}
          <Form.Item label={t('surveys.list.filters.audience')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filters.audience}
              placeholder={t('surveys.list.filters.any')}
              options={codeOptions(GROUPS, language)}
              onChange={(audience?: string) => update({ audience })}
              style={{ width: narrow ? '100%' : 160 }}
              popupMatchSelectWidth={false}
              data-testid="filter-audience"
            />
          </Form.Item>
          <Form.Item>
            <Input.Search
              allowClear
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                if (event.target.value === '') update({ q: undefined });
              }}
              onSearch={(value) => update({ q: value.trim() || undefined })}
              placeholder={t('surveys.list.filters.search')}
              style={{ width: narrow ? '100%' : 240 }}
              data-testid="filter-q"
            />
          </Form.Item>
        </Form>
      </Card>
      {surveys.isError ? (
        <LoadError error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          {narrow ? (
            <List<SurveySummary>
              className="lm-card-list"
              dataSource={rows}
              loading={surveys.isPending}
              locale={{ emptyText: <Empty description={emptyText} /> }}
              renderItem={(survey) => (
                <List.Item
                  key={survey.id}
                  onClick={fillOnly ? undefined : () => void navigate(`/surveys/${survey.id}`)}
                  className={fillOnly ? undefined : 'lm-clickable'}
                  data-testid="survey-card"
                  data-survey={survey.id}
                >
                  <div className="lm-card-list__item">
                    <div className="lm-card-list__top">
                      {title(survey)}
                      <StatusTag status={survey.status} />
                    </div>
                    <span className="lm-tags">
                      <AudienceTag audience={survey.audience} />
                      <ModeTag mode={survey.mode} />
                    </span>
                    <div className="lm-card-list__meta">
                      {[
                        t('surveys.versionN', { number: survey.currentVersion }),
                        t('surveys.responsesN', { count: survey.responseCount }),
                        survey.lastResponseAt ? formatDate(survey.lastResponseAt, language) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    {canRespond && survey.status === 'open' && <div className="lm-card-list__actions lm-sv-list__card-actions">{actions(survey)}</div>}
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<SurveySummary>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={surveys.isPending || (surveys.isPlaceholderData && surveys.isFetching)}
              pagination={false}
              size="middle"
              rowClassName={fillOnly ? undefined : 'lm-clickable'}
              onRow={(survey) => ({ onClick: fillOnly ? undefined : () => void navigate(`/surveys/${survey.id}`) })}
              locale={{ emptyText: <Empty description={emptyText} /> }}
              scroll={{ x: 'max-content' }}
            />
          )}
          <LoadMore shown={rows.length} hasMore={surveys.hasNextPage} loading={surveys.isFetchingNextPage} onLoadMore={() => void surveys.fetchNextPage()} />
        </Card>
      )}
      {rows.length > 0 && (
        <div className="lm-list-count">
          <Tag variant="filled">{t('surveys.list.shown', { count: rows.length })}</Tag>
        </div>
      )}
      {canWrite && <TemplatePicker open={picking} onClose={() => setPicking(false)} onChoose={choose} />}
    </div>
  );
}
