import type { ReactNode } from 'react';
import { App, Button, Card, Descriptions, Dropdown, Grid, Result, Skeleton, Tabs, Typography, type MenuProps } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, EllipsisOutlined, FileTextOutlined, FormOutlined, PauseCircleOutlined, PlayCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { SurveyStatus } from '../../../shared/codes';
import { ApiError, errorText } from '../../app/api';
import { hasPermission, useUser } from '../../app/auth';
import type { Permission } from '../../app/types';
import { useLanguage } from '../../app/language';
import { formatDate, formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { CrosstabTab } from './crosstab-tab';
import { RankingTab } from './ranking-tab';
import { ResponsesTab } from './responses-tab';
import { ResultsTab } from './results-tab';
import { AudienceTag, ModeTag, StatusTag } from './survey-labels';
import type { Survey } from './survey-types';
import { responsesExportUrl, useSurvey, useUpdateSurvey } from './surveys-api';
import { VersionsTab } from './versions-tab';
import './surveys.css';

type TabKey = 'results' | 'crosstab' | 'ranking' | 'responses' | 'versions';

/** Who sees which tab: the county sees the aggregates only; single responses are the station's. */
const TABS: ReadonlyArray<{ key: TabKey; permission: Permission }> = [
  { key: 'results', permission: 'surveys:analyse' },
  { key: 'crosstab', permission: 'surveys:analyse' },
  { key: 'ranking', permission: 'surveys:analyse' },
  { key: 'responses', permission: 'surveys:responses' },
  { key: 'versions', permission: 'surveys:respond' },
];

/** /surveys/:id: the survey's head and actions, then its results, cross-tabs, ranking, responses and versions. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const survey = useSurvey(id);
  const back = (
    <Link to="/surveys" className="lm-back-link">
      <ArrowLeftOutlined /> {t('surveys.back')}
    </Link>
  );
  if (survey.isPending) {
    return (
      <div className="lm-sv-page">
        {back}
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (survey.isError) {
    return (
      <div className="lm-sv-page">
        {back}
        {survey.error instanceof ApiError && survey.error.status === 404 ? <Result status="404" title={t('surveys.notFound')} /> : <LoadError error={survey.error} onRetry={() => void survey.refetch()} />}
      </div>
    );
  }
  return (
    <div className="lm-sv-page" data-testid="survey-page">
      {back}
      <SurveyHead survey={survey.data} />
      <SurveyTabs survey={survey.data} />
    </div>
  );
}

const STATUS_ACTIONS: Record<SurveyStatus, { to: SurveyStatus; key: 'publish' | 'close' | 'reopen' } | null> = {
  draft: { to: 'open', key: 'publish' },
  open: { to: 'closed', key: 'close' },
  closed: { to: 'open', key: 'reopen' },
};

function SurveyHead({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  const { message, modal } = App.useApp();
  const update = useUpdateSurvey(survey.id);
  const navigate = useNavigate();
  const narrow = Grid.useBreakpoint().md === false;
  const canWrite = hasPermission(user, 'surveys:write');
  const canRespond = hasPermission(user, 'surveys:respond');
  const canExport = hasPermission(user, 'surveys:responses');
  const action = STATUS_ACTIONS[survey.status];
  const done = { publish: t('surveys.survey.published'), close: t('surveys.survey.closed'), reopen: t('surveys.survey.reopened') };
  const confirm = { publish: t('surveys.survey.publishConfirm'), close: t('surveys.survey.closeConfirm'), reopen: t('surveys.survey.reopenConfirm') };

  const changeStatus = () => {
    if (!action) return;
    void modal.confirm({
      title: t(`surveys.survey.${action.key}`),
      content: confirm[action.key],
      okText: t(`surveys.survey.${action.key}`),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: action.key === 'close' },
      onOk: () =>
        new Promise<void>((resolve) => {
          update.mutate(
            { version: survey.version, status: action.to },
            {
              onSuccess: () => {
                void message.success(done[action.key]);
                resolve();
              },
              onError: (error) => {
                void message.error(errorText(error));
                resolve();
              },
            },
          );
        }),
    });
  };

  const statusIcon = action?.key === 'publish' ? <SendOutlined /> : action?.key === 'close' ? <PauseCircleOutlined /> : <PlayCircleOutlined />;
  const more: NonNullable<MenuProps['items']> = [
    ...(canWrite ? [{ key: 'edit', icon: <EditOutlined />, label: t('surveys.edit') }] : []),
    ...(canWrite && action && action.key !== 'publish' ? [{ key: 'status', icon: statusIcon, label: t(`surveys.survey.${action.key}`) }] : []),
    ...(canExport && survey.responseCount > 0 ? [{ key: 'export', icon: <DownloadOutlined />, label: t('surveys.survey.export') }] : []),
  ];
  const onMore = (key: string) => {
    if (key === 'edit') void navigate(`/surveys/${survey.id}/edit`);
    if (key === 'status') changeStatus();
    if (key === 'export') window.location.assign(responsesExportUrl(survey.id));
  };

  return (
    <Card className="lm-sv-head" data-testid="survey-head">
      <div className="lm-sv-head__row">
        <div className="lm-sv-head__title">
          <Typography.Title level={1} data-testid="survey-name">
            {survey.title}
          </Typography.Title>
          <span className="lm-tags">
            <StatusTag status={survey.status} />
            <AudienceTag audience={survey.audience} />
            <ModeTag mode={survey.mode} />
          </span>
        </div>
        <div className="lm-sv-head__actions">
          {canRespond && survey.status === 'open' && (
            <>
              <Link to={`/surveys/${survey.id}/fill`}>
                <Button type="primary" icon={<FormOutlined />} data-testid="survey-fill">
                  {t('surveys.fillIn')}
                </Button>
              </Link>
              <Link to={`/surveys/${survey.id}/fill?source=paper`}>
                <Button icon={<FileTextOutlined />} data-testid="survey-paper">
                  {t('surveys.enterPaper')}
                </Button>
              </Link>
            </>
          )}
          {/* On a phone only publishing stays a button: editing, closing and exporting are desk work. */}
          {canWrite && action && (action.key === 'publish' || !narrow) && (
            <Button
              type={action.key === 'publish' ? 'primary' : 'default'}
              icon={statusIcon}
              onClick={changeStatus}
              loading={update.isPending}
              data-testid={`survey-${action.key}`}
            >
              {t(`surveys.survey.${action.key}`)}
            </Button>
          )}
          {narrow ? (
            more.length > 0 && (
              <Dropdown menu={{ items: more, onClick: ({ key }) => onMore(key) }} trigger={['click']}>
                <Button icon={<EllipsisOutlined />} aria-label={t('surveys.survey.moreActions')} data-testid="survey-more" />
              </Dropdown>
            )
          ) : (
            <>
              {canWrite && (
                <Link to={`/surveys/${survey.id}/edit`}>
                  <Button icon={<EditOutlined />} data-testid="survey-edit">
                    {t('surveys.edit')}
                  </Button>
                </Link>
              )}
              {canExport && survey.responseCount > 0 && (
                <Button icon={<DownloadOutlined />} href={responsesExportUrl(survey.id)} data-testid="survey-export">
                  {t('surveys.survey.export')}
                </Button>
              )}
            </>
          )}
        </div>
      </div>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} className="lm-desc lm-sv-head__facts">
        <Descriptions.Item label={t('surveys.survey.facts.version')}>{t('surveys.versionN', { number: survey.currentVersion })}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.survey.facts.responses')}>
          <span data-testid="survey-responses">{survey.responseCount}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.survey.facts.lastResponse')}>{survey.lastResponseAt ? formatDate(survey.lastResponseAt, language) : t('surveys.list.noResponses')}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.survey.facts.createdBy')}>
          {t('surveys.survey.facts.createdValue', { name: survey.createdBy.name, time: formatDateMinute(survey.createdAt, language) })}
        </Descriptions.Item>
      </Descriptions>
      {survey.description && (
        <Typography.Paragraph className="lm-sv-head__description lm-prewrap" ellipsis={{ rows: 2, expandable: true, symbol: t('surveys.survey.more') }}>
          {survey.description}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function SurveyTabs({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((tab) => hasPermission(user, tab.permission));
  const asked = params.get('tab');
  const active = tabs.find((tab) => tab.key === asked)?.key ?? tabs[0]?.key;
  if (!active) return null;
  const content: Record<TabKey, () => ReactNode> = {
    results: () => <ResultsTab survey={survey} />,
    crosstab: () => <CrosstabTab survey={survey} />,
    ranking: () => <RankingTab survey={survey} />,
    responses: () => <ResponsesTab survey={survey} />,
    versions: () => <VersionsTab survey={survey} />,
  };
  return (
    <Tabs
      className="lm-sv-tabs"
      activeKey={active}
      onChange={(key) => {
        const next = new URLSearchParams(params);
        next.set('tab', key);
        setParams(next, { replace: true });
      }}
      destroyOnHidden
      items={tabs.map((tab) => ({
        key: tab.key,
        label: <span data-testid={`survey-tab-${tab.key}`}>{t(`surveys.survey.tabs.${tab.key}`)}</span>,
        children: tab.key === active ? content[tab.key]() : null,
      }))}
    />
  );
}
