import { useState } from 'react';
import { Button, Card, Empty, List, Skeleton } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import type { Person } from '../people/people-types';
import { StageTag } from './case-labels';
import { useCaseList } from './cases-api';
import { OpenCaseDialog } from './open-case-dialog';
import './cases.css';

/** The person's cases, open and closed, and 开案 for those who may write. */
export function PersonCasesCard({ person }: { person: Person }) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const [opening, setOpening] = useState(false);
  const cases = useCaseList({ personId: person.id, status: 'all' }, 20);
  const canWrite = hasPermission(user, 'cases:write');

  let body;
  if (cases.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (cases.isError) body = <LoadError error={cases.error} onRetry={() => void cases.refetch()} />;
  else if (cases.data.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.personCard.empty')} />;
  else
    body = (
      <List
        size="small"
        dataSource={cases.data.items}
        renderItem={(item) => (
          <List.Item key={item.id} data-testid="person-case">
            <Link to={`/cases/${item.id}`} className="lm-case-link">
              <StageTag stage={item.stage} />
              <span className="lm-case-link__text">
                <span className="lm-case-problem">{item.presentingProblem}</span>
                <span className="lm-muted lm-small">
                  {item.stage === 'closed' && item.closedAt
                    ? t('cases.personCard.closedOn', { date: formatDate(item.closedAt, language) })
                    : t('cases.personCard.openedBy', { date: formatDate(item.openedAt, language), name: item.worker.name })}
                </span>
              </span>
              <RightOutlined className="lm-muted" />
            </Link>
          </List.Item>
        )}
      />
    );

  return (
    <Card
      title={t('cases.personCard.title')}
      size="small"
      data-testid="person-cases"
      extra={
        canWrite &&
        person.status === 'active' && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="open-case">
            {t('cases.personCard.open')}
          </Button>
        )
      }
    >
      {body}
      {canWrite && <OpenCaseDialog personId={person.id} name={person.name} open={opening} onClose={() => setOpening(false)} />}
    </Card>
  );
}
