import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Grid, List, Select, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasPermission, useUser } from '../../app/auth';
import { errorText } from '../../app/api';
import { useLanguage } from '../../app/language';
import { formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { LoadMore } from '../../components/load-more';
import { PageHeader } from '../../components/page-header';
import { GroupTags, PhoneLink } from '../people/people-labels';
import { flattenOrgs, useOrgTree } from '../places/places-api';
import { KindTag } from '../services/service-labels';
import { useStaff } from '../services/services-api';
import { TaskActions } from './task-actions';
import { TaskCard } from './task-card';
import { AttemptsTag, CampaignTag, DueTag } from './task-labels';
import type { GenerateReply, Task, TaskFilters, TaskTab } from './task-types';
import { useGenerateTasks, useTasks } from './tasks-api';
import './tasks.css';

const TABS: readonly TaskTab[] = ['today', 'overdue', 'week', 'done'];

function isTab(value: string | null): value is TaskTab {
  return TABS.some((tab) => tab === value);
}

function filtersOf(tab: TaskTab, assignee: string, villageId: string | null, campaignId: string | null): TaskFilters {
  return {
    assignee,
    status: tab === 'done' ? 'done' : 'open',
    due: tab === 'done' ? undefined : tab,
    villageId: villageId ?? undefined,
    campaignId: campaignId ?? undefined,
  };
}

/** What "generate now" did, in a sentence. */
function GenerateResult({ result, onClose }: { result: GenerateReply; onClose: () => void }) {
  const { t } = useTranslation();
  if (result.skipped) return <Alert type="info" showIcon closable={{ onClose }} title={t('tasks.generate.skipped')} className="lm-tasks__notice" data-testid="generate-result" />;
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      title={result.created > 0 ? t('tasks.generate.created', { count: result.created }) : t('tasks.generate.createdNone')}
      description={result.satisfied + result.cancelled > 0 ? t('tasks.generate.details', { satisfied: result.satisfied, cancelled: result.cancelled }) : undefined}
      className="lm-tasks__notice"
      data-testid="generate-result"
    />
  );
}

/**
 * 我的任务: today's, overdue, this week's and done calls and visits. A manager sees the station's
 * (or one worker's, or the unassigned ones) and can make today's tasks now; `?campaignId=` shows
 * one campaign's tasks.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const user = useUser();
  const language = useLanguage();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const manager = hasPermission(user, 'care:manage');
  const tabParam = params.get('tab');
  const tab: TaskTab = isTab(tabParam) ? tabParam : 'today';
  const assignee = (manager ? params.get('assignee') : null) ?? (manager ? 'all' : 'me');
  const villageId = params.get('villageId');
  const campaignId = params.get('campaignId');
  const filters = useMemo(() => filtersOf(tab, assignee, villageId, campaignId), [tab, assignee, villageId, campaignId]);
  const tasks = useTasks(filters);
  const rows = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  const orgs = useOrgTree();
  const staff = useStaff();
  const generate = useGenerateTasks();
  const [generated, setGenerated] = useState<GenerateReply | null>(null);
  const showAssignee = assignee !== 'me';

  const villages = useMemo(
    () => flattenOrgs(orgs.data ?? []).filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name })),
    [orgs.data],
  );
  const assignees = useMemo(
    () => [
      { value: 'all', label: t('tasks.filters.all') },
      { value: 'me', label: t('tasks.filters.me') },
      { value: 'unassigned', label: t('tasks.filters.unassigned') },
      ...[...(staff.data?.workers ?? []), ...(staff.data?.volunteers ?? [])].filter((person) => person.id !== user.id).map((person) => ({ value: person.id, label: person.name })),
    ],
    [staff.data, t, user.id],
  );
  const campaignName = rows.find((task) => task.campaignId === campaignId)?.campaignName ?? null;

  function update(patch: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  function runGenerate() {
    setGenerated(null);
    generate.mutate(undefined, {
      onSuccess: setGenerated,
      onError: (error) => void message.error(errorText(error)),
    });
  }

  const columns: TableColumnsType<Task> = [
    {
      title: t('tasks.columns.person'),
      key: 'person',
      render: (_value, task) => (
        <div className="lm-stack" data-person={task.personId} data-task={task.id}>
          <Link to={`/tasks/${task.id}`} className="lm-person-name">
            {task.personName}
          </Link>
          <GroupTags groups={task.groups} />
        </div>
      ),
    },
    { title: t('tasks.columns.village'), key: 'village', render: (_value, task) => <span className="lm-nowrap">{task.villageName ?? '—'}</span> },
    {
      title: t('tasks.columns.kind'),
      key: 'kind',
      render: (_value, task) => (
        <span className="lm-tags lm-tags--stacked">
          <KindTag kind={task.kind} />
          <CampaignTag task={task} />
        </span>
      ),
    },
    tab === 'done'
      ? { title: t('tasks.columns.completedAt'), key: 'completed', render: (_value, task) => <span className="lm-nowrap">{task.completedAt ? formatDateMinute(task.completedAt, language) : '—'}</span> }
      : {
          title: t('tasks.columns.due'),
          key: 'due',
          render: (_value, task) => (
            <span className="lm-tags lm-tags--stacked">
              <DueTag task={task} />
              <AttemptsTag attempts={task.attempts} />
            </span>
          ),
        },
    ...(showAssignee
      ? [{ title: t('tasks.columns.assignee'), key: 'assignee', render: (_value: unknown, task: Task) => <span className="lm-nowrap">{task.assignee?.name ?? <span className="lm-muted">{t('tasks.unassigned')}</span>}</span> }]
      : []),
    { title: t('tasks.columns.phone'), key: 'phone', render: (_value, task) => <PhoneLink phone={task.phone} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_value, task) =>
        task.status === 'open' ? (
          <TaskActions task={task} size="middle" />
        ) : task.serviceId ? (
          <Link to={`/services/${task.serviceId}`} className="lm-nowrap">
            {t('tasks.openRecord')}
          </Link>
        ) : null,
    },
  ];

  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`tasks.empty.${tab}`)} />;

  return (
    <div className="lm-tasks" data-testid="tasks-page">
      <PageHeader
        title={manager ? t('tasks.titleStation') : t('tasks.title')}
        description={narrow ? undefined : t('tasks.description')}
        extra={
          manager && (
            <Button type="primary" icon={<ThunderboltOutlined />} loading={generate.isPending} onClick={runGenerate} data-testid="generate-tasks">
              {t('tasks.generate.button')}
            </Button>
          )
        }
      />
      {generated && <GenerateResult result={generated} onClose={() => setGenerated(null)} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          if (isTab(key)) update({ tab: key });
        }}
        items={TABS.map((key) => ({ key, label: <span data-testid={`tasks-tab-${key}`}>{t(`tasks.tabs.${key}`)}</span> }))}
        className="lm-tasks__tabs"
      />
      <Card className="lm-filters" size="small">
        <Form layout={narrow ? 'vertical' : 'inline'} className="lm-filters__form lm-tasks__filters">
          {manager && (
            <Form.Item label={t('tasks.filters.assignee')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={assignee}
                options={assignees}
                loading={staff.isPending}
                onChange={(value: string) => update({ assignee: value })}
                style={{ width: narrow ? '100%' : 160 }}
                popupMatchSelectWidth={false}
                data-testid="filter-assignee"
              />
            </Form.Item>
          )}
          <Form.Item label={t('tasks.filters.village')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={villageId ?? undefined}
              placeholder={t('tasks.filters.any')}
              options={villages}
              loading={orgs.isPending}
              onChange={(value?: string) => update({ villageId: value ?? null })}
              style={{ width: narrow ? '100%' : 160 }}
              popupMatchSelectWidth={false}
              data-testid="filter-village"
            />
          </Form.Item>
          {campaignId && (
            <Form.Item>
              <Tag closable onClose={() => update({ campaignId: null })} color="magenta" className="lm-tasks__campaign" data-testid="filter-campaign">
                <Link to={`/care/campaigns/${campaignId}`}>{campaignName ? t('tasks.filters.campaign', { name: campaignName }) : t('tasks.filters.thisCampaign')}</Link>
              </Tag>
            </Form.Item>
          )}
        </Form>
      </Card>
      {tasks.isError ? (
        <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : narrow ? (
        <List<Task>
          className="lm-task-list"
          dataSource={rows}
          loading={tasks.isPending}
          locale={{ emptyText: empty }}
          renderItem={(task) => (
            <List.Item key={task.id}>
              <TaskCard task={task} showVillage showAssignee={showAssignee} />
            </List.Item>
          )}
        />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<Task>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={tasks.isPending || (tasks.isPlaceholderData && tasks.isFetching)}
            pagination={false}
            size="middle"
            scroll={{ x: 'max-content' }}
            rowClassName={(task) => (task.overdueDays > 0 && task.status === 'open' ? 'lm-task-row--overdue' : '')}
            locale={{ emptyText: empty }}
          />
        </Card>
      )}
      <LoadMore hasMore={tasks.hasNextPage} loading={tasks.isFetchingNextPage} onLoadMore={() => void tasks.fetchNextPage()} shown={rows.length} />
      {rows.length > 0 && <div className="lm-muted lm-small lm-list-count">{t('tasks.shown', { count: rows.length })}</div>}
    </div>
  );
}
