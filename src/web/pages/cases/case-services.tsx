import { Button, Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SERVICE_KINDS, SERVICE_TYPES } from '../../../shared/codes';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { codeLabel } from '../people/people-labels';
import type { Case } from './case-types';
import { useCaseServices } from './cases-api';

/** The service records of the case (服务记录表, the intervention stage's documents), each with the plan goals it worked on. */
export function CaseServicesCard({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const services = useCaseServices(caseData.id, caseData.serviceCount);
  const canLog = hasPermission(user, 'services:write') && caseData.stage !== 'closed';
  const goals = caseData.documents.plan?.goals ?? [];
  const goalName = (id: string): string | null => {
    const index = goals.findIndex((goal) => goal.id === id);
    return index >= 0 ? t('cases.plan.goalN', { n: index + 1 }) : null;
  };

  let body;
  if (services.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (services.isError) body = <LoadError error={services.error} onRetry={() => void services.refetch()} />;
  else if (services.data.items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.services.empty')} />;
  else
    body = (
      <List
        size="small"
        dataSource={services.data.items}
        renderItem={(record) => (
          <List.Item key={record.id} data-testid="case-service">
            <div className="lm-case-service">
              <div className="lm-card-list__top">
                <Link to={`/services/${record.id}`} className="lm-nowrap">
                  {formatDateMinute(record.startedAt, language)}
                </Link>
                <Tag variant="filled" color="cyan">
                  {codeLabel(SERVICE_KINDS, record.kind, language)}
                </Tag>
              </div>
              <div className="lm-tags">
                {record.serviceTypes.map((type) => (
                  <Tag key={type} variant="outlined">
                    {codeLabel(SERVICE_TYPES, type, language)}
                  </Tag>
                ))}
                {record.goalIds
                  .map(goalName)
                  .filter((name): name is string => name !== null)
                  .map((name) => (
                    <Tag key={name} color="purple" variant="filled">
                      {name}
                    </Tag>
                  ))}
              </div>
              <Typography.Paragraph ellipsis={{ rows: 2 }} className="lm-case-service__summary">
                {record.summary}
              </Typography.Paragraph>
              <div className="lm-muted lm-small">
                {[...record.workers, ...record.volunteers].map((person) => person.name).join('、')} · {t('cases.services.minutes', { count: record.durationMinutes })}
              </div>
            </div>
          </List.Item>
        )}
      />
    );

  return (
    <Card
      size="small"
      title={t('cases.services.title')}
      data-testid="case-services"
      extra={
        canLog && (
          <Link to={`/services/new?personId=${caseData.personId}&caseId=${caseData.id}`}>
            <Button size="small" type="primary" icon={<PlusOutlined />}>
              {t('cases.services.log')}
            </Button>
          </Link>
        )
      }
    >
      <Typography.Paragraph type="secondary" className="lm-small">
        {t('cases.services.intro')}
      </Typography.Paragraph>
      {body}
    </Card>
  );
}
