import { useState } from 'react';
import { Alert, Card, Descriptions, Drawer, Empty, Grid, List, Skeleton, Table, Tag, type TableColumnsType } from 'antd';
import { CommentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../app/language';
import { formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { answerText } from './answer-format';
import { ageBandLabel, genderLabel, listSeparator, needTypeLabel, sourceLabel } from './survey-labels';
import { visibleQuestions } from './survey-logic';
import type { Answers, Survey, SurveyResponse } from './survey-types';
import { useResponse, useResponses, useSurveyVersion } from './surveys-api';

/** 答卷: the survey's responses newest first, a page at a time; one opens in a drawer with its questions. */
export function ResponsesTab({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const narrow = Grid.useBreakpoint().md === false;
  const responses = useResponses(survey.id, {}, true);
  const rows = responses.data?.pages.flatMap((page) => page.items) ?? [];
  const [openId, setOpenId] = useState<string | null>(null);

  const respondent = (response: SurveyResponse) =>
    response.person ? (
      <Link to={`/people/${response.person.id}`} className="lm-person-name" onClick={(event) => event.stopPropagation()}>
        {response.person.name}
      </Link>
    ) : (
      <span>
        <Tag variant="filled">{t('surveys.anonymous')}</Tag>
        <span className="lm-muted lm-small">{[genderLabel(response.gender, language), ageBandLabel(response.ageBand, language)].filter(Boolean).join(' · ')}</span>
      </span>
    );

  const columns: TableColumnsType<SurveyResponse> = [
    { title: t('surveys.responses.columns.collectedAt'), key: 'at', render: (_value, response) => <span className="lm-nowrap">{formatDateMinute(response.collectedAt, language)}</span> },
    { title: t('surveys.responses.columns.respondent'), key: 'respondent', render: (_value, response) => respondent(response) },
    { title: t('surveys.responses.columns.village'), key: 'village', render: (_value, response) => response.villageName ?? '—' },
    { title: t('surveys.responses.columns.source'), key: 'source', render: (_value, response) => <Tag variant="outlined">{sourceLabel(response.source, language)}</Tag> },
    { title: t('surveys.responses.columns.collectedBy'), key: 'by', render: (_value, response) => response.collectedBy.name },
    { title: t('surveys.responses.columns.version'), key: 'version', render: (_value, response) => <span className="lm-nowrap">{t('surveys.versionN', { number: response.versionNumber })}</span> },
  ];

  return (
    <div className="lm-sv-tab" data-testid="responses-tab">
      {responses.isError ? (
        <LoadError error={responses.error} onRetry={() => void responses.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          {narrow ? (
            <List<SurveyResponse>
              className="lm-card-list"
              dataSource={rows}
              loading={responses.isPending}
              locale={{ emptyText: <Empty description={t('surveys.responses.empty')} /> }}
              renderItem={(response) => (
                <List.Item key={response.id} onClick={() => setOpenId(response.id)} className="lm-clickable" data-testid="response-card">
                  <div className="lm-card-list__item">
                    <div className="lm-card-list__top">
                      {respondent(response)}
                      <span className="lm-muted lm-small">{formatDateMinute(response.collectedAt, language)}</span>
                    </div>
                    <div className="lm-card-list__meta">
                      {[response.villageName, sourceLabel(response.source, language), response.collectedBy.name, t('surveys.versionN', { number: response.versionNumber })].filter(Boolean).join(' · ')}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<SurveyResponse>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={responses.isPending}
              pagination={false}
              size="middle"
              rowClassName="lm-clickable"
              onRow={(response) => ({ onClick: () => setOpenId(response.id) })}
              locale={{ emptyText: <Empty description={t('surveys.responses.empty')} /> }}
              scroll={{ x: 'max-content' }}
            />
          )}
          <LoadMore shown={rows.length} hasMore={responses.hasNextPage} loading={responses.isFetchingNextPage} onLoadMore={() => void responses.fetchNextPage()} />
        </Card>
      )}
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        title={t('surveys.responses.drawerTitle')}
        placement={narrow ? 'bottom' : 'right'}
        size={narrow ? '90%' : 560}
        destroyOnHidden
        rootClassName="lm-sv-response-drawer"
      >
        {openId && <ResponseDetails surveyId={survey.id} responseId={openId} />}
      </Drawer>
    </div>
  );
}

/** One response with the questions of the version it was filled from, each answered, skipped or hidden. */
function ResponseDetails({ surveyId, responseId }: { surveyId: string; responseId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const response = useResponse(surveyId, responseId);
  const version = useSurveyVersion(surveyId, response.data?.versionNumber ?? null);
  if (response.isError) return <LoadError error={response.error} onRetry={() => void response.refetch()} />;
  if (version.isError) return <LoadError error={version.error} onRetry={() => void version.refetch()} />;
  if (response.isPending || version.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = response.data;
  const questions = version.data.questions;
  const shown = new Set(visibleQuestions(questions, data.answers as Answers).map((question) => question.key));
  return (
    <div className="lm-sv-response" data-testid="response-details">
      <Descriptions size="small" column={1} className="lm-desc">
        <Descriptions.Item label={t('surveys.responses.respondentFacts')}>
          {data.person ? (
            <Link to={`/people/${data.person.id}`} className="lm-person-name">
              {data.person.name}
            </Link>
          ) : (
            t('surveys.anonymous')
          )}
          {[data.villageName, genderLabel(data.gender, language), ageBandLabel(data.ageBand, language)].filter(Boolean).map((fact) => (
            <span key={fact} className="lm-muted">
              {' · '}
              {fact}
            </span>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.responses.columns.collectedAt')}>
          {formatDateMinute(data.collectedAt, language)} · {sourceLabel(data.source, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.responses.columns.collectedBy')}>{data.collectedBy.name}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.responses.columns.version')}>{t('surveys.responses.filledFrom', { number: data.versionNumber })}</Descriptions.Item>
        {data.needTypes.length > 0 && (
          <Descriptions.Item label={t('surveys.responses.needs')}>
            <span className="lm-tags">
              {data.needTypes.map((need) => (
                <Tag key={need} color="cyan" variant="filled">
                  {needTypeLabel(need, language)}
                </Tag>
              ))}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {data.note && <Alert type="info" icon={<CommentOutlined />} showIcon title={t('surveys.responses.note')} description={data.note} className="lm-sv-response__note" />}
      <ol className="lm-sv-answers">
        {questions.map((question) => {
          const text = answerText(question, data.answers[question.key], listSeparator(language));
          return (
            <li key={question.key} className={`lm-sv-answer${shown.has(question.key) ? '' : ' lm-sv-answer--hidden'}`} data-key={question.key}>
              <div className="lm-sv-answer__question">{question.text}</div>
              <div className="lm-sv-answer__value" data-testid="answer-value">
                {text ?? <span className="lm-muted">{shown.has(question.key) ? t('surveys.responses.notAnswered') : t('surveys.responses.hidden')}</span>}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
