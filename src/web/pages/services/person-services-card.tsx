import type { ReactNode } from 'react';
import { Button, Card, Empty, List, Skeleton } from 'antd';
import { EditOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import type { Person } from '../people/people-types';
import { FollowUpTag } from './record-details';
import { ConcernTags, KindTag, listSeparator, serviceTypeLabel } from './service-labels';
import { useLatestServices } from './services-api';
import './services.css';

const SHOWN = 5;

/** On a person's file: the latest service records, and the button to log one. */
export function PersonServicesCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const canLog = hasPermission(user, 'services:write');
  const services = useLatestServices({ personId: person.id }, SHOWN);

  let body: ReactNode;
  if (services.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (services.isError) body = <LoadError error={services.error} onRetry={() => void services.refetch()} />;
  else if (services.data.items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canLog ? t('services.card.emptyCanLog') : t('services.card.empty')} />;
  else
    body = (
      <List
        size="small"
        dataSource={services.data.items}
        renderItem={(record) => (
          <List.Item key={record.id} data-testid="person-service">
            <Link to={`/services/${record.id}`} className="lm-svc-item">
              <span className="lm-svc-item__top">
                <span className="lm-nowrap">{formatDate(record.startedAt, language)}</span>
                <KindTag kind={record.kind} />
              </span>
              <span className="lm-svc-item__meta">{record.serviceTypes.map((type) => serviceTypeLabel(type, language)).join(listSeparator(language))}</span>
              <span className="lm-svc-summary-line">{record.summary}</span>
              {(record.concerns.length > 0 || record.followUpNeeded) && (
                <span className="lm-tags">
                  <ConcernTags concerns={record.concerns} max={3} />
                  {record.followUpNeeded && <FollowUpTag on={record.followUpOn} />}
                </span>
              )}
            </Link>
          </List.Item>
        )}
      />
    );

  return (
    <Card
      title={t('services.card.title')}
      size="small"
      data-testid="person-services-card"
      extra={
        <Link to={`/services?personId=${person.id}`} data-testid="person-services-all">
          {t('services.card.all')} <RightOutlined />
        </Link>
      }
    >
      {canLog && (
        <Link to={`/services/new?personId=${person.id}`} state={{ from: `/people/${person.id}` }}>
          <Button type="primary" size="large" block icon={<EditOutlined />} className="lm-svc-log-button" data-testid="log-service">
            {t('services.log')}
          </Button>
        </Link>
      )}
      {body}
    </Card>
  );
}
