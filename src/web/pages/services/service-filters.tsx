import { useMemo, useState } from 'react';
import { Button, Card, Form, Grid, Input, Select, Space, Tag } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { SERVICE_KINDS, SERVICE_TYPES } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { today } from '../../components/format';
import { codeOptions } from '../people/people-labels';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { checklistItemLabel } from './service-labels';
import { SERVICE_FILTER_KEYS, type ServiceFilters } from './service-types';
import { useStaff } from './services-api';

/** The list's filters live in the address, so going back from a record returns to the same list. */
export function filtersOf(params: URLSearchParams): ServiceFilters {
  const filters: ServiceFilters = {};
  for (const key of SERVICE_FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if (key === 'followUp') {
      if (value === 'open') filters.followUp = 'open';
    } else filters[key] = value;
  }
  return filters;
}

export function paramsOf(filters: ServiceFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SERVICE_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

type Period = 'week' | 'month' | 'lastMonth' | 'year';
const PERIODS: Period[] = ['week', 'month', 'lastMonth', 'year'];

function periodRange(period: Period, now: Dayjs): { from: string; to: string } {
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');
  switch (period) {
    case 'week':
      return { from: day(now.subtract(6, 'day')), to: day(now) };
    case 'month':
      return { from: day(now.startOf('month')), to: day(now) };
    case 'lastMonth': {
      const last = now.subtract(1, 'month');
      return { from: day(last.startOf('month')), to: day(last.endOf('month')) };
    }
    case 'year':
      return { from: day(now.startOf('year')), to: day(now) };
  }
}

function periodOf(filters: ServiceFilters, now: Dayjs): Period | 'custom' | undefined {
  if (!filters.from && !filters.to) return undefined;
  return PERIODS.find((period) => {
    const range = periodRange(period, now);
    return range.from === filters.from && range.to === filters.to;
  }) ?? 'custom';
}

/**
 * Filters of the station's list: who served, how, what type, which village, when. On a phone they
 * fold away until asked for. Filters that arrive from elsewhere (one person, a case, a concern,
 * open follow-ups) show as tags to take off.
 */
export function ServiceFiltersBar({
  filters,
  onChange,
  personName,
}: {
  filters: ServiceFilters;
  onChange: (next: ServiceFilters) => void;
  personName: string | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const staff = useStaff();
  const orgs = useOrgTree();
  const now = today();
  const period = periodOf(filters, now);
  const [custom, setCustom] = useState(period === 'custom');
  const setCount = (['workerId', 'kind', 'serviceType', 'villageId'] as const).filter((key) => filters[key]).length + (filters.from || filters.to ? 1 : 0);
  const [open, setOpen] = useState(setCount > 0);
  const show = !narrow || open;

  const villages = useMemo(
    () => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name })),
    [orgs.data],
  );
  const people = useMemo(
    () => [...(staff.data?.workers ?? []), ...(staff.data?.volunteers ?? [])].map((person) => ({ value: person.id, label: person.name })),
    [staff.data],
  );
  const update = (patch: Partial<ServiceFilters>) => onChange({ ...filters, ...patch });
  const width = (desktop: number) => (narrow ? '100%' : desktop);
  const any = t('services.list.filters.any');

  const chips: Array<{ key: keyof ServiceFilters; label: string }> = [];
  if (filters.personId) chips.push({ key: 'personId', label: personName ? t('services.list.filters.person', { name: personName }) : t('services.list.filters.thisPerson') });
  if (filters.caseId) chips.push({ key: 'caseId', label: t('services.list.filters.case') });
  if (filters.concern) chips.push({ key: 'concern', label: t('services.list.filters.concern', { item: checklistItemLabel(filters.concern, language, true) }) });
  if (filters.followUp) chips.push({ key: 'followUp', label: t('services.list.filters.followUpOpen') });

  return (
    <>
      <Card className="lm-filters" size={narrow ? 'small' : 'default'}>
        <Form layout={narrow ? 'vertical' : 'inline'} className="lm-filters__form lm-svc-filters">
          {narrow && (
            <Form.Item>
              <Button icon={<FilterOutlined />} onClick={() => setOpen((value) => !value)} data-testid="filters-toggle">
                {t('services.list.filters.more')}
                {setCount > 0 && ` (${setCount})`}
              </Button>
            </Form.Item>
          )}
          {show && (
            <>
              <Form.Item label={t('services.list.filters.worker')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  value={filters.workerId}
                  placeholder={any}
                  options={people}
                  loading={staff.isPending}
                  onChange={(workerId?: string) => update({ workerId })}
                  style={{ width: width(150) }}
                  popupMatchSelectWidth={false}
                  data-testid="filter-worker"
                />
              </Form.Item>
              <Form.Item label={t('services.list.filters.kind')}>
                <Select
                  allowClear
                  value={filters.kind}
                  placeholder={any}
                  options={codeOptions(SERVICE_KINDS, language)}
                  onChange={(kind?: string) => update({ kind })}
                  style={{ width: width(130) }}
                  popupMatchSelectWidth={false}
                  data-testid="filter-kind"
                />
              </Form.Item>
              <Form.Item label={t('services.list.filters.serviceType')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  value={filters.serviceType}
                  placeholder={any}
                  options={codeOptions(SERVICE_TYPES, language)}
                  onChange={(serviceType?: string) => update({ serviceType })}
                  style={{ width: width(140) }}
                  popupMatchSelectWidth={false}
                  data-testid="filter-type"
                />
              </Form.Item>
              <Form.Item label={t('services.list.filters.village')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  value={filters.villageId}
                  placeholder={any}
                  options={villages}
                  loading={orgs.isPending}
                  onChange={(villageId?: string) => update({ villageId })}
                  style={{ width: width(140) }}
                  popupMatchSelectWidth={false}
                  data-testid="filter-village"
                />
              </Form.Item>
              <Form.Item label={t('services.list.filters.period')}>
                <div className="lm-svc-period">
                  <Select
                    allowClear
                    value={custom ? 'custom' : period}
                    placeholder={any}
                    options={[...PERIODS, 'custom' as const].map((value) => ({ value, label: t(`services.list.periods.${value}`) }))}
                    onChange={(value?: Period | 'custom') => {
                      setCustom(value === 'custom');
                      if (value === 'custom') return;
                      update(value ? periodRange(value, now) : { from: undefined, to: undefined });
                    }}
                    style={{ width: width(120) }}
                    popupMatchSelectWidth={false}
                    data-testid="filter-period"
                  />
                  {custom && (
                    <Space.Compact>
                      <Input
                        type="date"
                        value={filters.from ?? ''}
                        max={filters.to}
                        onChange={(event) => update({ from: event.target.value || undefined })}
                        aria-label={t('services.list.periods.from')}
                        data-testid="filter-from"
                      />
                      <Input
                        type="date"
                        value={filters.to ?? ''}
                        min={filters.from}
                        onChange={(event) => update({ to: event.target.value || undefined })}
                        aria-label={t('services.list.periods.to')}
                        data-testid="filter-to"
                      />
                    </Space.Compact>
                  )}
                </div>
              </Form.Item>
            </>
          )}
          {setCount > 0 && (
            <Form.Item>
              <Button
                onClick={() => {
                  setCustom(false);
                  onChange({ personId: filters.personId, caseId: filters.caseId, concern: filters.concern, followUp: filters.followUp });
                }}
              >
                {t('common.reset')}
              </Button>
            </Form.Item>
          )}
        </Form>
      </Card>
      {chips.length > 0 && (
        <div className="lm-svc-active-filters" data-testid="active-filters">
          {chips.map((chip) => (
            <Tag key={chip.key} closable color="cyan" variant="filled" onClose={() => update({ [chip.key]: undefined })}>
              {chip.label}
            </Tag>
          ))}
        </div>
      )}
    </>
  );
}
