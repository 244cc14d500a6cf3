import type { ReactNode } from 'react';
import { Card, Skeleton, Tag } from 'antd';
import { CheckCircleFilled, EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/load-error';
import { TaskCard } from './task-card';
import { groupByVillage } from './task-groups';
import { useDoneToday, useMyDay } from './tasks-api';
import './tasks.css';

function Count({ value, label, tone, testId, to }: { value: ReactNode; label: string; tone: 'today' | 'overdue' | 'done'; testId: string; to: string }) {
  return (
    <Link to={to} className={`lm-day-count lm-day-count--${tone}`} data-testid={testId}>
      <span className="lm-day-count__value">{value}</span>
      <span className="lm-day-count__label">{label}</span>
    </Link>
  );
}

/**
 * 今天的任务, on top of a worker's or volunteer's home page: today's calls and visits by
 * village (one trip a village), overdue first, each with the phone to tap and what to do.
 */
export function WorkerDay() {
  const { t } = useTranslation();
  const day = useMyDay();
  const done = useDoneToday();
  const tasks = day.data?.items ?? [];
  const overdue = tasks.filter((task) => task.overdueDays > 0).length;
  const groups = groupByVillage(tasks);
  const doneValue = done.data ? `${done.data.count}${done.data.more ? '+' : ''}` : '…';

  let body: ReactNode;
  if (day.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (day.isError) body = <LoadError error={day.error} onRetry={() => void day.refetch()} />;
  else if (tasks.length === 0)
    body = (
      <div className="lm-day-empty" data-testid="worker-day-empty">
        <CheckCircleFilled className="lm-day-empty__icon" aria-hidden="true" />
        <div className="lm-day-empty__title">{t('tasks.day.emptyTitle')}</div>
        <div className="lm-muted">{done.data && done.data.count > 0 ? t('tasks.day.emptyDone', { count: done.data.count }) : t('tasks.day.emptyHint')}</div>
        <Link to="/tasks?tab=week" className="lm-day-empty__link" data-testid="worker-day-week">
          {t('tasks.day.weekLink')} <RightOutlined />
        </Link>
      </div>
    );
  else
    body = (
      <div className="lm-day-villages">
        {groups.map((group) => (
          <section key={group.villageId} className="lm-day-village" data-testid="day-village" data-village={group.villageId} aria-label={group.villageName ?? undefined}>
            <header className="lm-day-village__head">
              <EnvironmentOutlined aria-hidden="true" />
              <span className="lm-day-village__name" data-testid="day-village-name">
                {group.villageName ?? t('tasks.day.noVillage')}
              </span>
              <span className="lm-muted">{t('tasks.day.villageCount', { count: group.tasks.length })}</span>
              {group.overdue > 0 && (
                <Tag color="red" variant="filled" className="lm-day-village__overdue">
                  {t('tasks.day.villageOverdue', { count: group.overdue })}
                </Tag>
              )}
            </header>
            <div className="lm-day-village__tasks">
              {group.tasks.map((task) => (
                <TaskCard key={task.id} task={task} />
              ))}
            </div>
          </section>
        ))}
      </div>
    );

  return (
    <Card
      className="lm-day"
      size="small"
      data-testid="worker-day"
      title={<span className="lm-day__title">{t('tasks.day.title')}</span>}
      extra={
        <Link to="/tasks" data-testid="worker-day-all">
          {t('tasks.day.all')} <RightOutlined />
        </Link>
      }
    >
      <div className="lm-day-counts">
        <Count value={day.isError ? '—' : day.data ? tasks.length - overdue : '…'} label={t('tasks.day.countToday')} tone="today" testId="count-today" to="/tasks?tab=today" />
        <Count value={day.isError ? '—' : day.data ? overdue : '…'} label={t('tasks.day.countOverdue')} tone="overdue" testId="count-overdue" to="/tasks?tab=overdue" />
        <Count value={done.isError ? '—' : doneValue} label={t('tasks.day.countDone')} tone="done" testId="count-done" to="/tasks?tab=done" />
      </div>
      {body}
    </Card>
  );
}
