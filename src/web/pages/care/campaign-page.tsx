import type { ReactNode } from 'react';
import { Button, Card, Col, Descriptions, Empty, Grid, List, Result, Row, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useLanguage } from '../../app/language';
import { formatDate, formatDateMinute, formatLongDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { GroupTags } from '../people/people-labels';
import { CampaignBar, festivalLabel, type Counts } from './care-labels';
import { useCampaign, type CampaignDetail } from './care-api';
import './care.css';

type ProgressRow = CampaignDetail['byVillage'][number];
type Goods = CampaignDetail['goods'][number];

/**
 * A campaign (/care/campaigns/:id): what it is for, how far it has come overall, by village and
 * by worker, and the goods its visits gave.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const narrow = Grid.useBreakpoint().md === false;

  const back = (
    <Link to={campaign.data ? `/care?year=${campaign.data.date.slice(0, 4)}` : '/care'} className="lm-back-link">
      <ArrowLeftOutlined /> {t('care.campaign.back')}
    </Link>
  );

  if (campaign.isPending) {
    return (
      <div className="lm-care">
        {back}
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (campaign.isError) {
    return (
      <div className="lm-care">
        {back}
        {campaign.error instanceof ApiError && campaign.error.status === 404 ? (
          <Result status="404" title={t('care.campaign.notFound')} />
        ) : (
          <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />
        )}
      </div>
    );
  }

  const data = campaign.data;
  return (
    <div className="lm-care" data-testid="campaign-page">
      {back}
      <Card className="lm-care-campaign-head">
        <div className="lm-care-campaign-head__row">
          <div>
            <Typography.Title level={1} className="lm-care-campaign-head__title" data-testid="campaign-name">
              {data.name}
            </Typography.Title>
            <Tag color={data.festival ? 'red' : 'default'} variant="filled">
              {data.festival ? festivalLabel(data.festival, language) : t('care.calendar.otherCampaign')}
            </Tag>
          </div>
          <Link to={`/tasks?campaignId=${data.id}`} data-testid="campaign-tasks">
            <Button type="primary" icon={<UnorderedListOutlined />}>
              {t('care.campaign.viewTasks')}
            </Button>
          </Link>
        </div>
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} className="lm-desc" style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('care.campaign.date')}>{formatLongDate(data.date, language)}</Descriptions.Item>
          <Descriptions.Item label={t('care.campaign.window')}>
            {t('care.campaign.windowValue', { from: formatDate(data.windowStart, language), to: formatDate(data.date, language) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('care.campaign.groups')}>
            <GroupTags groups={data.groups} />
          </Descriptions.Item>
          <Descriptions.Item label={t('care.campaign.kinds')}>
            <span className="lm-tags">
              {data.kinds.map((kind) => (
                <Tag key={kind} color={kind === 'phone' ? 'blue' : 'green'} variant="filled">
                  {t(`care.kinds.${kind}`)}
                </Tag>
              ))}
            </span>
          </Descriptions.Item>
          {data.createdBy && (
            <Descriptions.Item label={t('care.campaign.createdBy')}>
              {t('care.campaign.createdValue', { name: data.createdBy.name, time: formatDateMinute(data.createdAt, language) })}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card className="lm-care-section" title={t('care.campaign.overall')} data-testid="campaign-overall">
        {data.progress.total === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.campaign.noTasks')} />
        ) : (
          <div className="lm-care-overall">
            <div className="lm-care-overall__bar">
              <CampaignBar counts={data.progress} />
              {data.progress.unreachable > 0 && <span className="lm-muted lm-small">{t('care.progress.legendUnreachable', { count: data.progress.unreachable })}</span>}
            </div>
            <Stats counts={data.progress} />
          </div>
        )}
      </Card>

      <Row gutter={[16, 0]}>
        <Col xs={24} xl={12}>
          <ProgressCard title={t('care.campaign.byVillage')} nameTitle={t('care.campaign.village')} rows={data.byVillage} narrow={narrow} testId="campaign-by-village" />
        </Col>
        <Col xs={24} xl={12}>
          <ProgressCard title={t('care.campaign.byWorker')} nameTitle={t('care.campaign.worker')} rows={data.byAssignee} narrow={narrow} testId="campaign-by-worker" unnamed={t('care.campaign.unassigned')} />
        </Col>
      </Row>

      <GoodsCard goods={data.goods} narrow={narrow} />
    </div>
  );
}

function Stats({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const items: Array<[keyof Counts, string]> = [
    ['done', t('care.progress.done')],
    ['open', t('care.progress.open')],
    ['unreachable', t('care.progress.unreachable')],
    ['total', t('care.progress.total')],
  ];
  return (
    <div className="lm-care-stats">
      {items.map(([key, label]) => (
        <div key={key} className={`lm-care-stat lm-care-stat--${key}`} data-testid={`campaign-${key}`}>
          <span className="lm-care-stat__value">{counts[key]}</span>
          <span className="lm-care-stat__label">{label}</span>
        </div>
      ))}
    </div>
  );
}

function ProgressCard({
  title,
  nameTitle,
  rows,
  narrow,
  testId,
  unnamed,
}: {
  title: string;
  nameTitle: string;
  rows: ProgressRow[];
  narrow: boolean;
  testId: string;
  unnamed?: string;
}) {
  const { t } = useTranslation();
  const name = (row: ProgressRow): ReactNode => (row.id === null && unnamed ? <span className="lm-muted">{unnamed}</span> : row.name);
  const num = (value: number) => <span className="lm-care-num">{value}</span>;
  const columns: TableColumnsType<ProgressRow> = [
    { title: nameTitle, key: 'name', render: (_value, row) => <span className="lm-nowrap">{name(row)}</span> },
    { title: t('care.progress.done'), key: 'done', align: 'right', render: (_value, row) => num(row.done) },
    { title: t('care.progress.open'), key: 'open', align: 'right', render: (_value, row) => num(row.open) },
    { title: t('care.progress.unreachable'), key: 'unreachable', align: 'right', render: (_value, row) => num(row.unreachable) },
    { title: t('care.progress.total'), key: 'total', align: 'right', render: (_value, row) => num(row.total) },
    { title: t('care.campaign.rate'), key: 'bar', className: 'lm-care-bar-cell', render: (_value, row) => <CampaignBar counts={row} size="small" /> },
  ];
  return (
    <Card className="lm-care-section" title={title} styles={{ body: { padding: 0 } }} data-testid={testId}>
      {narrow ? (
        <List<ProgressRow>
          className="lm-card-list"
          dataSource={rows}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.progress.none')} /> }}
          renderItem={(row) => (
            <List.Item key={row.id ?? 'none'} data-testid="progress-row">
              <div className="lm-care-row-card">
                <div className="lm-care-row-card__top">
                  <strong>{name(row)}</strong>
                  <span className="lm-care-num">{t('care.progress.summary', { done: row.done, total: row.total })}</span>
                </div>
                <CampaignBar counts={row} size="small" />
                <div className="lm-care-row-card__counts">
                  <span>
                    {t('care.progress.open')} {row.open}
                  </span>
                  <span>
                    {t('care.progress.unreachable')} {row.unreachable}
                  </span>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<ProgressRow>
          rowKey={(row) => row.id ?? 'none'}
          columns={columns}
          dataSource={rows}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.progress.none')} /> }}
        />
      )}
    </Card>
  );
}

function GoodsCard({ goods, narrow }: { goods: Goods[]; narrow: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const person = (item: Goods) => (
    <Link to={`/people/${item.personId}`} className="lm-person-name">
      {item.personName}
    </Link>
  );
  const columns: TableColumnsType<Goods> = [
    { title: t('care.campaign.person'), key: 'person', render: (_value, item) => person(item) },
    { title: t('care.campaign.village'), key: 'village', render: (_value, item) => <span className="lm-nowrap">{item.villageName ?? '—'}</span> },
    { title: t('care.campaign.goodsColumn'), key: 'goods', render: (_value, item) => <span className="lm-care-detail">{item.goods}</span> },
    { title: t('care.campaign.day'), key: 'day', render: (_value, item) => <span className="lm-nowrap">{formatDate(item.startedAt, language)}</span> },
  ];
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('care.campaign.goodsEmpty')} />;
  return (
    <Card className="lm-care-section" title={t('care.campaign.goods')} styles={{ body: { padding: 0 } }} data-testid="campaign-goods">
      {narrow ? (
        <List<Goods>
          className="lm-card-list"
          dataSource={goods}
          locale={{ emptyText: empty }}
          renderItem={(item) => (
            <List.Item key={item.serviceId}>
              <div className="lm-card-list__item">
                <div className="lm-card-list__top">
                  {person(item)}
                  <span className="lm-muted lm-small">{formatDate(item.startedAt, language)}</span>
                </div>
                <div className="lm-card-list__line">{item.goods}</div>
                <div className="lm-card-list__meta">{item.villageName}</div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Goods> rowKey="serviceId" columns={columns} dataSource={goods} pagination={false} size="middle" scroll={{ x: 'max-content' }} locale={{ emptyText: empty }} />
      )}
    </Card>
  );
}
