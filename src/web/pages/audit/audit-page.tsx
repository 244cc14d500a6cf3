import { useState } from 'react';
import { AutoComplete, Button, Card, DatePicker, Empty, Form, Grid, List, Space, Table, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import type { AuditEvent } from '../../app/types';
import { formatDateTime } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { useAuditEvents, type AuditFilters } from './audit-api';
import { KNOWN_ACTIONS, OutcomeTag, useAuditLabels } from './audit-labels';

interface FilterValues {
  action?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

function toFilters(values: FilterValues): AuditFilters {
  return {
    action: values.action?.trim() || undefined,
    from: values.from?.format('YYYY-MM-DD'),
    to: values.to?.format('YYYY-MM-DD'),
  };
}

function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

export function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const labels = useAuditLabels();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useAuditEvents(filters);
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  const screens = Grid.useBreakpoint();
  // Phones get a list of cards: six columns do not fit 390 px without sideways scrolling.
  const narrow = screens.md === false;

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string) => <span className="lm-nowrap">{formatDateTime(at, language)}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_value, event) =>
        event.actorUsername ? (
          <div className="lm-user-cell">
            <span className="lm-nowrap">{event.actorUsername}</span>
            {event.actorRole && (
              <Typography.Text type="secondary" className="lm-user-cell__username">
                {labels.role(event.actorRole)}
              </Typography.Text>
            )}
          </div>
        ) : (
          <span className="lm-muted">{t('audit.system')}</span>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => (
        <span className="lm-nowrap" title={action}>
          {labels.action(action)}
        </span>
      ),
    },
    {
      title: t('audit.record'),
      key: 'record',
      render: (_value, event) =>
        event.entityType ? (
          <span className="lm-nowrap" title={event.entityId ?? undefined}>
            {labels.entity(event.entityType)}
            {event.entityId && <span className="lm-muted lm-mono"> {shortId(event.entityId)}</span>}
          </span>
        ) : (
          <span className="lm-muted">—</span>
        ),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      render: (outcome: AuditEvent['outcome']) => <OutcomeTag outcome={outcome} />,
    },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      key: 'ip',
      render: (ip: string | null) => (ip ? <span className="lm-mono">{ip}</span> : <span className="lm-muted">—</span>),
    },
  ];

  return (
    <div>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card className="lm-filters">
        <Form<FilterValues>
          form={form}
          layout={narrow ? 'vertical' : 'inline'}
          onFinish={(values) => setFilters(toFilters(values))}
          className="lm-filters__form"
        >
          <Form.Item name="action" label={t('audit.actionFilter')}>
            <AutoComplete
              allowClear
              placeholder={t('audit.actionPlaceholder')}
              style={{ width: narrow ? '100%' : 200 }}
              options={KNOWN_ACTIONS.map((action) => ({ value: action, label: `${labels.action(action)} · ${action}` }))}
              filterOption={(input, option) =>
                option !== undefined && String(option.label).toLowerCase().includes(input.trim().toLowerCase())
              }
            />
          </Form.Item>
          <Form.Item name="from" label={t('audit.from')}>
            <DatePicker inputReadOnly style={narrow ? { width: '100%' } : undefined} />
          </Form.Item>
          <Form.Item name="to" label={t('audit.to')}>
            <DatePicker inputReadOnly style={narrow ? { width: '100%' } : undefined} />
          </Form.Item>
          <Form.Item style={narrow ? { marginBottom: 0 } : undefined}>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {events.isError ? (
        <LoadError error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          {narrow ? (
            <List<AuditEvent>
              className="lm-card-list"
              dataSource={rows}
              loading={events.isPending}
              locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
              renderItem={(event) => (
                <List.Item key={event.id}>
                  <div className="lm-card-list__item">
                    <div className="lm-card-list__top">
                      <strong>{labels.action(event.action)}</strong>
                      <OutcomeTag outcome={event.outcome} />
                    </div>
                    <div className="lm-card-list__line">
                      {event.actorUsername ?? t('audit.system')}
                      {event.actorRole && <span className="lm-muted"> · {labels.role(event.actorRole)}</span>}
                    </div>
                    <div className="lm-card-list__meta">
                      {formatDateTime(event.at, language)}
                      {event.entityType && ` · ${labels.entity(event.entityType)}`}
                      {event.ip && ` · ${event.ip}`}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<AuditEvent>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={events.isPending}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
            />
          )}
          <LoadMore
            shown={rows.length}
            hasMore={events.hasNextPage}
            loading={events.isFetchingNextPage}
            onLoadMore={() => void events.fetchNextPage()}
          />
        </Card>
      )}
    </div>
  );
}
