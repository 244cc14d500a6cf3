import { useMemo } from 'react';
import { Card, Empty, Form, Grid, List, Select, Table, Tag, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CHECKLIST_ITEM_KEYS } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { PhoneLink } from '../people/people-labels';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { checklistItemLabel, checklistItemOptions } from './service-labels';
import type { Finding } from './service-types';
import { useFindings } from './services-api';
import './services.css';

export const DEFAULT_FINDING_ITEM = 'home_safety.heating';

/** /services/findings?item=…&villageId=…: who was last found of concern on one checklist item (e.g. "heating unsafe"). */
export function FindingsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const requested = params.get('item');
  const item = requested && CHECKLIST_ITEM_KEYS.includes(requested) ? requested : DEFAULT_FINDING_ITEM;
  const villageId = params.get('villageId') ?? undefined;
  const findings = useFindings(item, villageId);
  const orgs = useOrgTree();
  const rows = findings.data?.pages.flatMap((page) => page.items) ?? [];
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const itemLabel = checklistItemLabel(item, language, true);

  const villages = useMemo(
    () => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name })),
    [orgs.data],
  );

  function update(patch: { item?: string; villageId?: string }) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  const personLink = (finding: Finding) => (
    <Link to={`/people/${finding.personId}`} className="lm-person-name">
      {finding.personName}
    </Link>
  );
  const recordLink = (finding: Finding) => (
    <Link to={`/services/${finding.serviceId}`} className="lm-nowrap">
      {t('services.findings.openRecord')} <RightOutlined />
    </Link>
  );

  const columns: TableColumnsType<Finding> = [
    { title: t('services.fields.person'), key: 'person', render: (_value, finding) => personLink(finding) },
    { title: t('services.fields.village'), key: 'village', render: (_value, finding) => <span className="lm-nowrap">{finding.villageName ?? '—'}</span> },
    { title: t('services.fields.phone'), key: 'phone', render: (_value, finding) => <PhoneLink phone={finding.phone} /> },
    { title: t('services.fields.visitedAt'), key: 'visitedAt', render: (_value, finding) => <span className="lm-nowrap">{formatDate(finding.visitedAt, language)}</span> },
    { title: t('services.fields.note'), key: 'note', className: 'lm-svc-summary-cell', render: (_value, finding) => finding.note ?? <span className="lm-muted">—</span> },
    { title: '', key: 'record', render: (_value, finding) => recordLink(finding) },
  ];

  return (
    <div data-testid="findings-page">
      <Link to="/services" className="lm-back-link">
        <ArrowLeftOutlined /> {t('services.record.back')}
      </Link>
      <PageHeader title={t('services.findings.title')} description={t('services.findings.description')} />
      <Card className="lm-filters" size={narrow ? 'small' : 'default'}>
        <Form layout={narrow ? 'vertical' : 'inline'} className="lm-filters__form lm-svc-filters">
          <Form.Item label={t('services.findings.item')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={item}
              options={checklistItemOptions(language)}
              onChange={(value: string) => update({ item: value })}
              style={{ width: narrow ? '100%' : 220 }}
              data-testid="findings-item"
            />
          </Form.Item>
          <Form.Item label={t('services.findings.village')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={villageId}
              placeholder={t('services.list.filters.any')}
              options={villages}
              loading={orgs.isPending}
              onChange={(value?: string) => update({ villageId: value })}
              style={{ width: narrow ? '100%' : 180 }}
              data-testid="findings-village"
            />
          </Form.Item>
        </Form>
      </Card>
      {findings.isError ? (
        <LoadError error={findings.error} onRetry={() => void findings.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          {narrow ? (
            <List<Finding>
              className="lm-card-list"
              dataSource={rows}
              loading={findings.isPending}
              locale={{ emptyText: <Empty description={t('services.findings.empty', { item: itemLabel })} /> }}
              renderItem={(finding) => (
                <List.Item key={finding.personId} data-testid="finding-card">
                  <div className="lm-svc-item">
                    <div className="lm-svc-item__top">
                      {personLink(finding)}
                      {finding.phone && <PhoneLink phone={finding.phone} />}
                    </div>
                    <div className="lm-svc-item__meta">{[finding.villageName, formatDate(finding.visitedAt, language)].filter(Boolean).join(' · ')}</div>
                    {finding.note && <div className="lm-svc-summary-line">{finding.note}</div>}
                    <div>{recordLink(finding)}</div>
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<Finding>
              rowKey="personId"
              columns={columns}
              dataSource={rows}
              loading={findings.isPending || (findings.isPlaceholderData && findings.isFetching)}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t('services.findings.empty', { item: itemLabel })} /> }}
            />
          )}
          <LoadMore shown={rows.length} hasMore={findings.hasNextPage} loading={findings.isFetchingNextPage} onLoadMore={() => void findings.fetchNextPage()} />
        </Card>
      )}
      {rows.length > 0 && (
        <div className="lm-list-count">
          <Tag variant="filled">{t('services.findings.shown', { count: rows.length })}</Tag>
        </div>
      )}
    </div>
  );
}
