import { Card, Col, Empty, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import type { SessionUser } from '../../app/types';
import { formatDateTime, formatLongDate, today } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { countByLevel, useOrgTree } from '../places/places-api';
import { useLatestAuditEvents } from '../audit/audit-api';
import { OutcomeTag, useAuditLabels } from '../audit/audit-labels';
import { DangerReportsCard } from '../people/danger-reports-card';
import { ServicesHomeCards } from '../services/home-cards';
import { CasesHomeCards } from '../cases/home-cards';
import { WorkerDay } from '../tasks/worker-day';
import { CareHomeCards } from '../care/home-cards';

export function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const canReadAudit = hasPermission(user, 'audit:read');

  return (
    <div className="lm-home">
      {(user.role === 'worker' || user.role === 'volunteer') && hasPermission(user, 'care:read') && <WorkerDay />}
      {hasPermission(user, 'danger:acknowledge') && <DangerReportsCard />}
      {hasPermission(user, 'care:manage') && <CareHomeCards />}
      {hasPermission(user, 'cases:read') && <CasesHomeCards />}
      {hasPermission(user, 'services:read') && <ServicesHomeCards />}
      <Card variant="borderless" className="lm-home__hello">
        <Typography.Title level={1} className="lm-home__greeting">
          {t('home.greeting', { name: user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="today">
          {t('home.today', { date: formatLongDate(today(), language) })}
        </Typography.Text>
        <ScopeLine user={user} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={canReadAudit ? 14 : 24}>
          <PlacesCard user={user} />
        </Col>
        {canReadAudit && (
          <Col xs={24} lg={10}>
            <RecentAuditCard />
          </Col>
        )}
      </Row>
    </div>
  );
}

function ScopeLine({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const label =
    user.scope.level === 'station' ? t('home.yourStation') : user.scope.level === 'county' ? t('home.yourCounty') : t('home.yourScope');
  return (
    <div className="lm-home__scope">
      <BankOutlined />
      <span>
        {label}
        <strong data-testid="home-scope-name">{user.scope.orgName ?? t('scope.all')}</strong>
      </span>
      <span className="lm-home__role">{t(`roles.${user.role}`)}</span>
    </div>
  );
}

function PlacesCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const orgs = useOrgTree();
  const showCounties = user.scope.level === 'all';

  let body;
  if (orgs.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (orgs.isError) body = <LoadError error={orgs.error} onRetry={() => void orgs.refetch()} />;
  else if (orgs.data.length === 0) body = <Empty description={t('home.noPlaces')} />;
  else {
    const counts = countByLevel(orgs.data);
    body = (
      <Row gutter={[16, 16]}>
        {showCounties && (
          <Col xs={12} sm={8}>
            <Statistic title={t('home.counties')} value={counts.county} prefix={<EnvironmentOutlined />} />
          </Col>
        )}
        <Col xs={12} sm={8}>
          <Statistic title={t('home.stations')} value={counts.station} prefix={<BankOutlined />} />
        </Col>
        <Col xs={12} sm={8}>
          <Statistic title={t('home.villages')} value={counts.village} prefix={<ApartmentOutlined />} />
        </Col>
      </Row>
    );
  }

  return (
    <Card
      title={t('home.placesTitle')}
      extra={
        <Link to="/places">
          {t('home.viewPlaces')} <RightOutlined />
        </Link>
      }
    >
      {body}
    </Card>
  );
}

function RecentAuditCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useAuditLabels();
  const latest = useLatestAuditEvents(5, true);

  let body;
  if (latest.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (latest.isError) body = <LoadError error={latest.error} onRetry={() => void latest.refetch()} />;
  else if (latest.data.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noAudit')} />;
  else
    body = (
      <List
        size="small"
        dataSource={latest.data.items}
        renderItem={(event) => (
          <List.Item key={event.id} extra={<OutcomeTag outcome={event.outcome} />}>
            <List.Item.Meta
              title={
                <span>
                  {event.actorUsername ?? t('audit.system')} · {labels.action(event.action)}
                </span>
              }
              description={formatDateTime(event.at, language)}
            />
          </List.Item>
        )}
      />
    );

  return (
    <Card
      title={t('home.recentAudit')}
      extra={
        <Link to="/audit">
          {t('home.viewAudit')} <RightOutlined />
        </Link>
      }
    >
      {body}
    </Card>
  );
}
