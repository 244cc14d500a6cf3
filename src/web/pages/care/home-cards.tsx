import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Col, Progress, Row, Skeleton, Tag } from 'antd';
import { AlertOutlined, CalendarOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatLongDate, today } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { ALERT_TYPES, AlertName, CalendarTag, CampaignBar, campaignOf, daysFrom, useDaysText } from './care-labels';
import { useAlertSummary, useCampaigns, useFestivalsOfYears, type AlertSummary, type Festival } from './care-api';
import { CampaignDialog, type CampaignTarget } from './campaign-dialog';
import './care.css';

/** On the manager's home page: alert counts, this month's visit rate, and the next festival's campaign. */
export function CareHomeCards() {
  const user = useUser();
  // The cards are one station's; an administrator above the stations has none to show.
  if (!user.stationId) return null;
  return (
    <Row gutter={[16, 16]} className="lm-care-home" data-testid="care-home">
      <Col xs={24} xl={14}>
        <AlertsCard />
      </Col>
      <Col xs={24} xl={10}>
        <NextFestivalCard />
      </Col>
    </Row>
  );
}

function AlertsCard() {
  const { t } = useTranslation();
  const summary = useAlertSummary();
  let body: ReactNode;
  if (summary.isPending) body = <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  else if (summary.isError) body = <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  else body = <AlertTiles summary={summary.data} />;
  return (
    <Card
      size="small"
      data-testid="care-home-alerts"
      title={
        <span>
          <AlertOutlined /> {t('care.home.title')}
        </span>
      }
      extra={
        <Link to="/care/alerts">
          {t('care.home.all')} <RightOutlined />
        </Link>
      }
    >
      {body}
    </Card>
  );
}

function AlertTiles({ summary }: { summary: AlertSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rate = summary.visitRate.station;
  const percent = Math.round(rate.rate * 100);
  return (
    <>
      <div className="lm-care-tiles">
        {ALERT_TYPES.map((type) => {
          const count = summary.counts[type] ?? 0;
          return (
            <Link key={type} to={`/care/alerts?type=${type}`} className={`lm-care-tile${count > 0 ? ' lm-care-tile--some' : ''}`} data-testid="care-tile" data-type={type}>
              <span className="lm-care-tile__count">{count}</span>
              <span className="lm-care-tile__label">
                <AlertName type={type} silenceDays={summary.silenceDays} language={language} />
              </span>
            </Link>
          );
        })}
      </div>
      <Link to="/care/alerts" className="lm-care-home__rate" data-testid="care-home-rate" style={{ display: 'block', color: 'inherit' }}>
        <div className="lm-card-list__top">
          <span className="lm-small">{t('care.home.visitRate')}</span>
          <span className="lm-muted lm-small">{t('care.home.visitRateValue', { visited: rate.visited, elders: rate.elders })}</span>
        </div>
        <Progress percent={percent} strokeColor={rate.rate >= summary.visitRate.target ? '#3f8f4f' : rate.rate >= 0.8 ? '#e8912d' : '#cf1322'} format={(value) => `${value ?? 0}%`} aria-label={t('care.home.visitRate')} />
      </Link>
    </>
  );
}

function NextFestivalCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const daysText = useDaysText();
  const now = today();
  const todayIso = now.format('YYYY-MM-DD');
  const thisYear = now.year();
  const years = useMemo(() => [thisYear, thisYear + 1], [thisYear]);
  const festivals = useFestivalsOfYears(years);
  const next: Festival | null = useMemo(() => festivals.data?.find((festival) => festival.date >= todayIso) ?? null, [festivals.data, todayIso]);
  const nextYear = next ? Number(next.date.slice(0, 4)) : thisYear;
  const campaigns = useCampaigns(nextYear, next !== null);
  const campaign = next ? campaignOf(next, campaigns.data?.items) : null;
  const [dialog, setDialog] = useState<CampaignTarget | null>(null);

  let body: ReactNode;
  if (festivals.isPending) body = <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  else if (festivals.isError) body = <LoadError error={festivals.error} onRetry={festivals.refetch} />;
  else if (!next) body = <span className="lm-muted">{t('care.home.noFestival')}</span>;
  else
    body = (
      <div className="lm-care-home__festival">
        <div className="lm-card-list__top">
          <span className="lm-care-upcoming__name">
            {next.name} <CalendarTag calendar={next.calendar} language={language} />
          </span>
          <Tag color="orange" variant="filled">
            {daysText(daysFrom(todayIso, next.date))}
          </Tag>
        </div>
        <span className="lm-muted">{[formatLongDate(next.date, language), next.lunarDate].filter(Boolean).join(' · ')}</span>
        {campaigns.isPending ? (
          <Skeleton.Button active size="small" />
        ) : campaign ? (
          <Link to={`/care/campaigns/${campaign.id}`} className="lm-care-fest__link" data-testid="care-home-campaign">
            <span className="lm-small">{campaign.name}</span>
            <CampaignBar counts={campaign.progress} />
            <span className="lm-small">
              {t('care.progress.summary', { done: campaign.progress.done, total: campaign.progress.total })} · {t('care.calendar.openCampaign')} <RightOutlined />
            </span>
          </Link>
        ) : (
          <div className="lm-card-list__top">
            <span className="lm-muted">{t('care.home.notStarted')}</span>
            <Button type="primary" onClick={() => setDialog({ festival: next })} data-testid="care-home-start">
              {t('care.calendar.start')}
            </Button>
          </div>
        )}
      </div>
    );

  return (
    <Card
      size="small"
      data-testid="care-home-festival"
      title={
        <span>
          <CalendarOutlined /> {t('care.home.nextFestival')}
        </span>
      }
      extra={
        <Link to="/care">
          {t('care.home.calendar')} <RightOutlined />
        </Link>
      }
    >
      {body}
      <CampaignDialog target={dialog} onClose={() => setDialog(null)} />
    </Card>
  );
}
