import type { ReactNode } from 'react';
import { Badge, Card, Col, List, Row, Skeleton } from 'antd';
import { CheckCircleOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { StageTag } from './case-labels';
import type { CaseSummary } from './case-types';
import { useCaseList } from './cases-api';
import './cases.css';

const SHOWN = 5;

/** 3, or 5+ when there are more than the card shows; nothing when there are none. */
function countOf(shown: number, nextCursor: string | null | undefined): string | null {
  if (shown === 0) return null;
  return nextCursor ? `${shown}+` : String(shown);
}

/** On the home page: reviews that are overdue and, for a manager, closures waiting for approval. */
export function CasesHomeCards() {
  const user = useUser();
  const manager = hasPermission(user, 'cases:approve');
  return (
    <Row gutter={[16, 16]} className="lm-case-home" data-testid="cases-home">
      <Col xs={24} lg={manager ? 12 : 24}>
        <OverdueReviews mine={!manager} />
      </Col>
      {manager && (
        <Col xs={24} lg={12}>
          <CloseRequests />
        </Col>
      )}
    </Row>
  );
}

function HomeCard({
  title,
  count,
  link,
  testId,
  children,
}: {
  title: string;
  count: string | null;
  link: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <span className="lm-case-home__title">
          {title}
          {count !== null && <Badge count={count} color="#cf1322" />}
        </span>
      }
      extra={
        <Link to={link}>
          {t('cases.home.viewAll')} <RightOutlined />
        </Link>
      }
    >
      {children}
    </Card>
  );
}

function Quiet({ text }: { text: string }) {
  return (
    <div className="lm-case-home__quiet">
      <CheckCircleOutlined /> {text}
    </div>
  );
}

function CaseLine({ item, detail }: { item: CaseSummary; detail: ReactNode }) {
  return (
    <List.Item key={item.id} className="lm-case-home__item">
      <Link to={`/cases/${item.id}`} className="lm-case-link">
        <StageTag stage={item.stage} />
        <span className="lm-case-link__text">
          <span className="lm-person-name">{item.personName}</span>
          <span className="lm-muted lm-small">{detail}</span>
        </span>
        <RightOutlined className="lm-muted" />
      </Link>
    </List.Item>
  );
}

function OverdueReviews({ mine }: { mine: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useCaseList({ status: 'open', reviewDue: 'true', mine: mine ? 'true' : undefined }, SHOWN);
  const items = list.data?.items ?? [];
  let body: ReactNode;
  if (list.isPending) body = <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0) body = <Quiet text={mine ? t('cases.home.noOverdueMine') : t('cases.home.noOverdue')} />;
  else
    body = (
      <List
        size="small"
        dataSource={items}
        renderItem={(item) => (
          <CaseLine
            item={item}
            detail={[
              item.nextReviewOn ? t('cases.home.dueOn', { date: formatDate(item.nextReviewOn, language) }) : null,
              mine ? item.villageName : item.worker.name,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        )}
      />
    );
  return (
    <HomeCard
      title={mine ? t('cases.home.overdueMine') : t('cases.home.overdue')}
      count={countOf(items.length, list.data?.nextCursor)}
      link={`/cases?tab=reviewDue${mine ? '&scope=mine' : ''}`}
      testId="home-reviews-overdue"
    >
      {body}
    </HomeCard>
  );
}

function CloseRequests() {
  const { t } = useTranslation();
  const list = useCaseList({ status: 'open', closeRequested: 'true' }, SHOWN);
  const items = list.data?.items ?? [];
  let body: ReactNode;
  if (list.isPending) body = <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0) body = <Quiet text={t('cases.home.noRequests')} />;
  else
    body = (
      <List
        size="small"
        dataSource={items}
        renderItem={(item) => (
          <CaseLine item={item} detail={t('cases.home.requestedBy', { name: item.worker.name, village: item.villageName ?? '' })} />
        )}
      />
    );
  return (
    <HomeCard
      title={t('cases.home.requests')}
      count={countOf(items.length, list.data?.nextCursor)}
      link="/cases?tab=closeRequested&scope=all"
      testId="home-close-requests"
    >
      {body}
    </HomeCard>
  );
}
