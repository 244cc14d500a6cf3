import { useMemo, useState } from 'react';
import { Button, Card, Form, Grid, Input, Select, Space } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, GENDERS, GROUPS } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import { codeOptions } from '../people/people-labels';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { ANALYSIS_FILTER_KEYS, type AnalysisFilters } from './survey-types';

/** The analysis filters live in the address, so a filtered result can be shared and comes back. */
export function analysisFiltersOf(params: URLSearchParams): AnalysisFilters {
  const filters: AnalysisFilters = {};
  for (const key of ANALYSIS_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** Writes the filters into the address, keeping its other parameters (the tab, the cross-tab's question). */
export function withAnalysisFilters(params: URLSearchParams, filters: AnalysisFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ANALYSIS_FILTER_KEYS) {
    const value = filters[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

type FilterKey = (typeof ANALYSIS_FILTER_KEYS)[number];

/**
 * Village, group, sex, age band, the days filled in and the version. `only` limits the fields
 * (the ranking takes village and days). On a phone they fold away until asked for.
 */
export function AnalysisFiltersBar({
  filters,
  onChange,
  versions,
  only,
}: {
  filters: AnalysisFilters;
  onChange: (next: AnalysisFilters) => void;
  versions: readonly number[];
  only?: readonly FilterKey[];
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const narrow = Grid.useBreakpoint().md === false;
  const orgs = useOrgTree();
  const villages = useMemo(
    () => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name })),
    [orgs.data],
  );
  const shows = (key: FilterKey) => !only || only.includes(key);
  const setCount = ANALYSIS_FILTER_KEYS.filter((key) => shows(key) && filters[key]).length;
  const [open, setOpen] = useState(setCount > 0);
  const update = (patch: Partial<AnalysisFilters>) => onChange({ ...filters, ...patch });
  const width = (desktop: number) => (narrow ? '100%' : desktop);
  const any = t('surveys.filters.any');
  const select = (key: FilterKey, label: string, options: Array<{ value: string; label: string }>, desktop: number, search = false) =>
    shows(key) && (
      <Form.Item label={label}>
        <Select
          allowClear
          showSearch={search ? { optionFilterProp: 'label' } : undefined}
          value={filters[key]}
          placeholder={any}
          options={options}
          onChange={(value?: string) => update({ [key]: value })}
          style={{ width: width(desktop) }}
          popupMatchSelectWidth={false}
          data-testid={`filter-${key}`}
        />
      </Form.Item>
    );

  return (
    <Card className="lm-filters lm-sv-analysis-filters" size="small">
      <Form layout={narrow ? 'vertical' : 'inline'} className="lm-filters__form">
        {narrow && (
          <Form.Item>
            <Button icon={<FilterOutlined />} onClick={() => setOpen((value) => !value)} data-testid="filters-toggle">
              {t('surveys.filters.more')}
              {setCount > 0 && ` (${setCount})`}
            </Button>
          </Form.Item>
        )}
        {(!narrow || open) && (
          <>
            {select('villageId', t('surveys.filters.village'), villages, 140, true)}
            {select('group', t('surveys.filters.group'), codeOptions(GROUPS, language), 150, true)}
            {select('gender', t('surveys.filters.gender'), codeOptions(GENDERS, language), 90)}
            {select('ageBand', t('surveys.filters.ageBand'), codeOptions(AGE_BANDS, language), 120)}
            {shows('from') && (
              <Form.Item label={t('surveys.filters.period')}>
                <Space.Compact style={{ width: narrow ? '100%' : undefined }}>
                  <Input type="date" value={filters.from ?? ''} max={filters.to} onChange={(event) => update({ from: event.target.value || undefined })} aria-label={t('surveys.filters.from')} data-testid="filter-from" />
                  <Input type="date" value={filters.to ?? ''} min={filters.from} onChange={(event) => update({ to: event.target.value || undefined })} aria-label={t('surveys.filters.to')} data-testid="filter-to" />
                </Space.Compact>
              </Form.Item>
            )}
            {versions.length > 1 &&
              select(
                'versionNumber',
                t('surveys.filters.version'),
                versions.map((number) => ({ value: String(number), label: t('surveys.versionN', { number }) })),
                110,
              )}
          </>
        )}
        {setCount > 0 && (
          <Form.Item>
            <Button onClick={() => onChange({})}>{t('surveys.filters.reset')}</Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
