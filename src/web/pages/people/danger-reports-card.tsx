import { Alert, App, Button, Card, List, Space } from 'antd';
import { AlertOutlined, CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../app/api';
import { useLanguage } from '../../app/language';
import { formatDateMinute } from '../../components/format';
import { useAcknowledgeDanger, useOpenDangerReports } from './people-api';

/**
 * 强制报告 not yet acknowledged, at the top of the manager's home page: a child reported to the
 * police must be seen at once. Renders nothing while there are none.
 */
export function DangerReportsCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const reports = useOpenDangerReports(true);
  const acknowledge = useAcknowledgeDanger();

  if (reports.isError) return <Alert type="error" showIcon title={errorText(reports.error)} style={{ marginBottom: 16 }} />;
  const items = reports.data?.items ?? [];
  if (items.length === 0) return null;

  return (
    <Card
      className="lm-danger-card"
      data-testid="danger-reports"
      title={
        <Space>
          <AlertOutlined />
          {t('people.danger.openTitle', { count: items.length })}
        </Space>
      }
    >
      <List
        dataSource={items}
        renderItem={(report) => (
          <List.Item
            key={report.id}
            data-testid="danger-report"
            actions={[
              <Button
                key="ack"
                danger
                type="primary"
                icon={<CheckOutlined />}
                loading={acknowledge.isPending && acknowledge.variables === report.id}
                onClick={() =>
                  acknowledge.mutate(report.id, {
                    onSuccess: () => void message.success(t('people.danger.acknowledged', { name: report.personName })),
                    onError: (error) => void message.error(errorText(error)),
                  })
                }
              >
                {t('people.danger.acknowledge')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Link to={`/people/${report.personId}`} className="lm-danger-card__name">
                  {report.personName}
                </Link>
              }
              description={
                <div className="lm-stack">
                  <span>
                    {t('people.danger.line', {
                      village: report.villageName ?? '—',
                      time: formatDateMinute(report.reportedAt, language),
                      to: report.reportedTo,
                    })}
                  </span>
                  <span className="lm-danger-card__what">{report.what}</span>
                  {report.reportedBy && <span className="lm-muted lm-small">{t('people.danger.by', { name: report.reportedBy })}</span>}
                </div>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
