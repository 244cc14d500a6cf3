import type { ReactNode } from 'react';
import { Button, Card, Col, List, Row, Skeleton, Tag } from 'antd';
import { AlertOutlined, CalendarOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import type { SessionUser } from '../../app/types';
import { formatDate, today } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { checklistItemLabel, KindTag } from './service-labels';
import { useFindingCount, useLatestServices } from './services-api';
import './services.css';

/** Checklist items a manager watches most (DOMAIN.md: e.g. heating before winter). */
const KEY_FINDINGS = ['home_safety.heating', 'money.food', 'health.mood', 'health.illness', 'family.children_call'] as const;
/** Findings are counted up to this many people (the findings API has no count). */
const COUNT_LIMIT = 100;
/** Open follow-ups read for the card; the ones due by today are shown. */
const FOLLOW_UPS_READ = 100;
const FOLLOW_UPS_SHOWN = 5;

/** On the home page: my follow-ups due, and, for a manager, the concerns home visits found. */
export function ServicesHomeCards() {
  const user = useUser();
  const serves = user.role === 'worker' || user.role === 'volunteer' || user.role === 'manager';
  const manages = hasPermission(user, 'cases:approve');
  if (!serves && !manages) return null;
  return (
    <Row gutter={[16, 16]} className="lm-svc-home-row">
      {serves && (
        <Col xs={24} xl={manages ? 10 : 24}>
          <FollowUpsCard user={user} />
        </Col>
      )}
      {manages && (
        <Col xs={24} xl={serves ? 14 : 24}>
          <FindingsCard />
        </Col>
      )}
    </Row>
  );
}

function FollowUpsCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Open follow-ups of records I served in; the API filters by when the service was, so "due by today" is picked here.
  const open = useLatestServices({ followUp: 'open', workerId: user.id }, FOLLOW_UPS_READ);
  const day = today().format('YYYY-MM-DD');

  let body: ReactNode;
  if (open.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (open.isError) body = <LoadError error={open.error} onRetry={() => void open.refetch()} />;
  else {
    const due = open.data.items
      .filter((record) => record.followUpOn !== null && record.followUpOn <= day)
      .sort((a, b) => (a.followUpOn ?? '').localeCompare(b.followUpOn ?? ''));
    body =
      due.length === 0 ? (
        <div className="lm-muted" data-testid="follow-ups-empty">
          {t('services.home.followUpsEmpty')}
        </div>
      ) : (
        <List
          size="small"
          dataSource={due.slice(0, FOLLOW_UPS_SHOWN)}
          renderItem={(record) => (
            <List.Item key={record.id} data-testid="follow-up">
              <div className="lm-svc-item">
                <Link to={`/services/${record.id}`} className="lm-svc-item__top">
                  <span className="lm-person-name">{record.personName}</span>
                  <Tag color={record.followUpOn && record.followUpOn < day ? 'red' : 'orange'} variant="filled">
                    {record.followUpOn && record.followUpOn < day
                      ? `${t('services.home.overdue')} · ${formatDate(record.followUpOn, language)}`
                      : t('services.home.dueToday')}
                  </Tag>
                </Link>
                <span className="lm-svc-summary-line">{record.summary}</span>
                <span className="lm-svc-follow-up-item__meta">
                  <span className="lm-svc-item__meta">
                    <KindTag kind={record.kind} />
                    {record.villageName}
                  </span>
                  <Link to={`/services/new?personId=${record.personId}&kind=${record.kind}`} state={{ from: '/' }}>
                    <Button size="small" type="primary" ghost>
                      {t('services.home.logFollowUp')}
                    </Button>
                  </Link>
                </span>
              </div>
            </List.Item>
          )}
        />
      );
  }

  return (
    <Card
      size="small"
      className="lm-svc-home"
      data-testid="follow-ups-card"
      title={
        <span>
          <CalendarOutlined /> {t('services.home.followUpsTitle')}
        </span>
      }
      extra={
        <Link to={`/services?followUp=open&workerId=${user.id}`}>
          {t('services.home.allFollowUps')} <RightOutlined />
        </Link>
      }
    >
      {body}
    </Card>
  );
}

function FindingTile({ item }: { item: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = useFindingCount(item, COUNT_LIMIT, true);
  const value = count.data ? (count.data.more ? t('services.home.findingsMore', { count: count.data.count }) : t('services.home.findingsPeople', { count: count.data.count })) : '…';
  const some = (count.data?.count ?? 0) > 0;
  return (
    <Link to={`/services/findings?item=${item}`} className={`lm-svc-finding-tile${some ? ' lm-svc-finding-tile--some' : ''}`} data-testid="finding-tile" data-item={item}>
      <span className="lm-svc-finding-tile__count">{count.isError ? '—' : value}</span>
      <span className="lm-svc-finding-tile__label">{checklistItemLabel(item, language)}</span>
    </Link>
  );
}

function FindingsCard() {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className="lm-svc-home"
      data-testid="findings-card"
      title={
        <span>
          <AlertOutlined /> {t('services.home.findingsTitle')}
        </span>
      }
      extra={
        <Link to="/services/findings">
          {t('services.home.openFindings')} <RightOutlined />
        </Link>
      }
    >
      <div className="lm-muted lm-small" style={{ marginBottom: 8 }}>
        {t('services.home.findingsHint')}
      </div>
      <div className="lm-svc-finding-tiles">
        {KEY_FINDINGS.map((item) => (
          <FindingTile key={item} item={item} />
        ))}
      </div>
    </Card>
  );
}
