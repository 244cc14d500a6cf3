import { useMemo, useState } from 'react';
import { Button, Card, Empty, Form, Grid, Input, InputNumber, List, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined, FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { GROUPS, PERSON_STATUSES, RISK_LEVELS } from '../../../shared/codes';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { exportUrl, usePeople } from './people-api';
import { codeOptions, GroupTags, PhoneLink, RiskTag, useGenderLabel } from './people-labels';
import type { PeopleFilters, PersonSummary, RiskLevel } from './people-types';

const FILTER_KEYS = ['q', 'group', 'villageId', 'riskLevel', 'status', 'minAge', 'maxAge'] as const;

/** The list's filters live in the address, so going back from a person returns to the same list. */
function filtersOf(params: URLSearchParams): PeopleFilters {
  const number = (key: string) => {
    const value = params.get(key);
    return value !== null && /^\d{1,3}$/.test(value) ? Number(value) : undefined;
  };
  return {
    q: params.get('q') ?? undefined,
    group: params.get('group') ?? undefined,
    villageId: params.get('villageId') ?? undefined,
    riskLevel: params.get('riskLevel') ?? undefined,
    status: params.get('status') ?? undefined,
    minAge: number('minAge'),
    maxAge: number('maxAge'),
  };
}

function paramsOf(filters: PeopleFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params;
}

export function PeopleListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const navigate = useNavigate();
  const genderLabel = useGenderLabel();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const people = usePeople(filters);
  const orgs = useOrgTree();
  const rows = people.data?.pages.flatMap((page) => page.items) ?? [];
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  // On a phone the filters fold away under the search box until asked for (open when any is set).
  const activeFilters = FILTER_KEYS.filter((key) => key !== 'q' && params.has(key)).length;
  const [filtersOpen, setFiltersOpen] = useState(activeFilters > 0);
  const showFilters = !narrow || filtersOpen;

  const villages = useMemo(
    () => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name })),
    [orgs.data],
  );

  function update(patch: Partial<PeopleFilters>) {
    setParams(paramsOf({ ...filters, ...patch }), { replace: true });
  }

  const open = (person: PersonSummary) => void navigate(`/people/${person.id}`);
  const emptyText = filters.q ? t('people.emptySearch', { q: filters.q }) : t('people.empty');

  const columns: TableColumnsType<PersonSummary> = [
    {
      title: t('people.columns.name'),
      key: 'name',
      render: (_value, person) => (
        <Link to={`/people/${person.id}`} className="lm-person-name" onClick={(event) => event.stopPropagation()}>
          {person.name}
        </Link>
      ),
    },
    { title: t('people.columns.gender'), key: 'gender', render: (_value, person) => genderLabel(person.gender) || '—' },
    {
      title: t('people.columns.age'),
      key: 'age',
      render: (_value, person) => (person.age === null ? '—' : <span className="lm-nowrap">{t('people.ageYears', { age: person.age })}</span>),
    },
    { title: t('people.columns.village'), key: 'village', render: (_value, person) => <span className="lm-nowrap">{person.villageName ?? '—'}</span> },
    { title: t('people.columns.groups'), key: 'groups', render: (_value, person) => <GroupTags groups={person.groups} /> },
    { title: t('people.columns.risk'), key: 'risk', render: (_value, person) => <RiskTag level={person.riskLevel} /> },
    { title: t('people.columns.phone'), key: 'phone', render: (_value, person) => <PhoneLink phone={person.phone} /> },
    {
      title: t('people.columns.idNumber'),
      key: 'idNumber',
      responsive: ['lg'],
      render: (_value, person) => (person.idNumberMasked ? <span className="lm-mono">{person.idNumberMasked}</span> : <span className="lm-muted">—</span>),
    },
  ];

  const actions = (
    <>
      {hasPermission(user, 'people:export') && (
        <Button icon={<DownloadOutlined />} href={exportUrl(filters)} data-testid="people-export">
          {t('people.export')}
        </Button>
      )}
      {hasPermission(user, 'people:import') && (
        <Link to="/people/import">
          <Button icon={<UploadOutlined />}>{t('people.importAction')}</Button>
        </Link>
      )}
      {hasPermission(user, 'people:write') && (
        <Link to="/people/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="people-create">
            {t('people.create')}
          </Button>
        </Link>
      )}
    </>
  );

  const width = (desktop: number) => (narrow ? '100%' : desktop);

  return (
    <div>
      <PageHeader title={t('people.title')} description={narrow ? undefined : t('people.description')} extra={actions} />
      <Card className="lm-filters" size={narrow ? 'small' : 'default'}>
        <Form layout={narrow ? 'vertical' : 'inline'} className="lm-filters__form lm-people-filters">
          <Form.Item className="lm-people-filters__search">
            <Input.Search
              key={filters.q ?? ''}
              allowClear
              defaultValue={filters.q}
              placeholder={t('people.searchPlaceholder')}
              aria-label={t('people.searchPlaceholder')}
              onSearch={(value) => update({ q: value.trim() || undefined })}
              enterButton
              style={{ width: width(460) }}
              data-testid="people-search"
            />
          </Form.Item>
          {narrow && (
            <Form.Item>
              <Button icon={<FilterOutlined />} onClick={() => setFiltersOpen((open) => !open)} data-testid="filters-toggle">
                {t('people.filters.more')}
                {activeFilters > 0 && ` (${activeFilters})`}
              </Button>
            </Form.Item>
          )}
          {showFilters && (
            <>
          <Form.Item label={t('people.filters.group')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filters.group}
              placeholder={t('people.filters.any')}
              options={codeOptions(GROUPS, language)}
              onChange={(group?: string) => update({ group })}
              style={{ width: width(160) }}
              popupMatchSelectWidth={false}
              data-testid="filter-group"
            />
          </Form.Item>
          <Form.Item label={t('people.filters.village')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filters.villageId}
              placeholder={t('people.filters.any')}
              options={villages}
              loading={orgs.isPending}
              onChange={(villageId?: string) => update({ villageId })}
              style={{ width: width(160) }}
              popupMatchSelectWidth={false}
              data-testid="filter-village"
            />
          </Form.Item>
          <Form.Item label={t('people.filters.risk')}>
            <Select
              allowClear
              value={filters.riskLevel}
              placeholder={t('people.filters.any')}
              options={Object.keys(RISK_LEVELS).map((value) => ({ value, label: <RiskTag level={value as RiskLevel} /> }))}
              onChange={(riskLevel?: string) => update({ riskLevel })}
              style={{ width: width(150) }}
              popupMatchSelectWidth={false}
              data-testid="filter-risk"
            />
          </Form.Item>
          <Form.Item label={t('people.filters.age')}>
            <Space.Compact style={{ width: width(170) }}>
              <InputNumber
                key={`min-${filters.minAge ?? ''}`}
                min={0}
                max={130}
                precision={0}
                defaultValue={filters.minAge}
                placeholder={t('people.filters.ageFrom')}
                aria-label={t('people.filters.ageFrom')}
                onBlur={(event) => update({ minAge: event.target.value === '' ? undefined : Number(event.target.value) })}
                onPressEnter={(event) => update({ minAge: event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value) })}
                style={{ width: '50%' }}
                data-testid="filter-min-age"
              />
              <InputNumber
                key={`max-${filters.maxAge ?? ''}`}
                min={0}
                max={130}
                precision={0}
                defaultValue={filters.maxAge}
                placeholder={t('people.filters.ageTo')}
                aria-label={t('people.filters.ageTo')}
                onBlur={(event) => update({ maxAge: event.target.value === '' ? undefined : Number(event.target.value) })}
                onPressEnter={(event) => update({ maxAge: event.currentTarget.value === '' ? undefined : Number(event.currentTarget.value) })}
                style={{ width: '50%' }}
                data-testid="filter-max-age"
              />
            </Space.Compact>
          </Form.Item>
          <Form.Item label={t('people.filters.status')}>
            <Select
              allowClear
              value={filters.status}
              placeholder={codeOptions(PERSON_STATUSES, language)[0]?.label}
              options={codeOptions(PERSON_STATUSES, language)}
              onChange={(status?: string) => update({ status })}
              style={{ width: width(120) }}
              data-testid="filter-status"
            />
          </Form.Item>
            </>
          )}
          {params.size > 0 && (
            <Form.Item>
              <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('common.reset')}</Button>
            </Form.Item>
          )}
        </Form>
      </Card>
      {people.isError ? (
        <LoadError error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          {narrow ? (
            <List<PersonSummary>
              className="lm-card-list lm-people-cards"
              dataSource={rows}
              loading={people.isPending}
              locale={{ emptyText: <Empty description={emptyText} /> }}
              renderItem={(person) => (
                <List.Item key={person.id} onClick={() => open(person)} className="lm-clickable" data-testid="person-card">
                  <div className="lm-card-list__item">
                    <div className="lm-card-list__top">
                      <Link to={`/people/${person.id}`} className="lm-person-name" onClick={(event) => event.stopPropagation()}>
                        {person.name}
                      </Link>
                      <RiskTag level={person.riskLevel} />
                    </div>
                    <div className="lm-card-list__line">
                      {[genderLabel(person.gender), person.age === null ? null : t('people.ageYears', { age: person.age }), person.villageName]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    <GroupTags groups={person.groups} />
                    {person.phone && (
                      <div className="lm-card-list__meta">
                        <PhoneLink phone={person.phone} />
                      </div>
                    )}
                  </div>
                </List.Item>
              )}
            />
          ) : (
            <Table<PersonSummary>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={people.isPending || (people.isPlaceholderData && people.isFetching)}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              rowClassName="lm-clickable"
              onRow={(person) => ({ onClick: () => open(person) })}
              locale={{ emptyText: <Empty description={emptyText} /> }}
            />
          )}
          <LoadMore
            shown={rows.length}
            hasMore={people.hasNextPage}
            loading={people.isFetchingNextPage}
            onLoadMore={() => void people.fetchNextPage()}
          />
        </Card>
      )}
      {rows.length > 0 && (
        <div className="lm-list-count">
          <Tag variant="filled">{t('people.shown', { count: rows.length })}</Tag>
        </div>
      )}
    </div>
  );
}
