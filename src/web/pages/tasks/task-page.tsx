import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Empty, Result, Row, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useLanguage } from '../../app/language';
import { formatDate, formatDateMinute } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { PageLoading } from '../../components/page-loading';
import { GroupTags, RiskTag } from '../people/people-labels';
import { KindTag } from '../services/service-labels';
import { useStaff } from '../services/services-api';
import { TaskActions } from './task-actions';
import { AttemptsTag, CallButton, CampaignTag, DueTag, TaskStatusTag, taskEventLabel, taskReasonLabel } from './task-labels';
import type { TaskDetail, TaskEvent } from './task-types';
import { useTask } from './tasks-api';
import './tasks.css';

/** /tasks/:id: one task, its person, its history and what can be done with it. */
export function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const task = useTask(id);
  if (task.isPending) return <PageLoading />;
  if (task.isError) {
    if (task.error instanceof ApiError && task.error.status === 404) {
      return <Result status="404" title={t('tasks.task.notFound')} extra={<Link to="/tasks">{t('tasks.task.back')}</Link>} />;
    }
    return <LoadError error={task.error} onRetry={() => void task.refetch()} />;
  }
  return <TaskView task={task.data} />;
}

function TaskView({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const open = task.status === 'open';
  const facts = [task.villageName, task.address].filter(Boolean).join(' · ');

  return (
    <div className="lm-task-page" data-testid="task-page">
      <Link to="/tasks" className="lm-back-link">
        <ArrowLeftOutlined /> {t('tasks.task.back')}
      </Link>
      <Card className="lm-task-page__head" variant="borderless">
        <div className="lm-task-page__who">
          <Typography.Title level={1} className="lm-task-page__name" data-testid="task-person-name">
            <Link to={`/people/${task.personId}`}>{task.personName}</Link>
          </Typography.Title>
          {facts && <div className="lm-muted">{facts}</div>}
          <div className="lm-tags">
            <TaskStatusTag status={task.status} />
            <KindTag kind={task.kind} />
            <CampaignTag task={task} />
            {open && <DueTag task={task} />}
            {open && <AttemptsTag attempts={task.attempts} />}
          </div>
        </div>
        {open && (
          <div className="lm-task-page__act">
            <CallButton phone={task.phone} name={task.personName} block />
            <TaskActions task={task} withReassign />
          </div>
        )}
        {task.status === 'done' && task.serviceId && (
          <Link to={`/services/${task.serviceId}`} className="lm-task-page__record" data-testid="task-record">
            {t('tasks.openRecord')}
          </Link>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('tasks.task.details')}>
            <Descriptions column={1} size="small" className="lm-desc" data-testid="task-details">
              <Descriptions.Item label={t('tasks.task.person')}>
                <span className="lm-stack">
                  <Link to={`/people/${task.personId}`}>{task.personName}</Link>
                  <span className="lm-tags">
                    <RiskTag level={task.riskLevel} />
                    <GroupTags groups={task.groups} />
                  </span>
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('tasks.task.phone')}>{task.phone ?? <span className="lm-muted">{t('tasks.noPhone')}</span>}</Descriptions.Item>
              <Descriptions.Item label={t('tasks.task.reason')}>
                {task.reason === 'campaign' && task.campaignId ? (
                  <Link to={`/care/campaigns/${task.campaignId}`}>{task.campaignName ?? taskReasonLabel('campaign', language)}</Link>
                ) : (
                  taskReasonLabel(task.reason, language)
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('tasks.task.window')}>
                {task.startOn === task.dueDate ? formatDate(task.dueDate, language) : t('tasks.task.windowRange', { from: formatDate(task.startOn, language), to: formatDate(task.dueDate, language) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('tasks.task.assignee')}>{task.assignee?.name ?? <span className="lm-muted">{t('tasks.unassigned')}</span>}</Descriptions.Item>
              {task.attempts > 0 && (
                <Descriptions.Item label={t('tasks.task.attempts')}>
                  <span>
                    {t('tasks.attempts', { count: task.attempts })}
                    {task.lastAttemptAt && <span className="lm-muted">{` · ${t('tasks.task.lastAttempt', { date: formatDateMinute(task.lastAttemptAt, language) })}`}</span>}
                  </span>
                </Descriptions.Item>
              )}
              {task.postponedReason && <Descriptions.Item label={t('tasks.task.postponedReason')}>{task.postponedReason}</Descriptions.Item>}
              {task.completedAt && <Descriptions.Item label={t('tasks.task.completedAt')}>{formatDateMinute(task.completedAt, language)}</Descriptions.Item>}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('tasks.task.history')} data-testid="task-history">
            <TaskHistory events={task.events} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function TaskHistory({ events }: { events: readonly TaskEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const staff = useStaff();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.task.noHistory')} />;
  const nameOf = (id: string | null) => {
    if (!id) return t('tasks.unassigned');
    return [...(staff.data?.workers ?? []), ...(staff.data?.volunteers ?? [])].find((person) => person.id === id)?.name ?? t('tasks.task.someone');
  };

  const detail = (event: TaskEvent): ReactNode => {
    const details = event.details ?? {};
    if (event.kind === 'unreachable') {
      const attempt = typeof details.attempt === 'number' ? details.attempt : null;
      if (attempt === null) return null;
      return details.alert === true ? t('tasks.task.attemptAlerted', { count: attempt }) : t('tasks.task.attemptNumber', { count: attempt });
    }
    if (event.kind === 'postponed') {
      const from = stringOf(details.from);
      const to = stringOf(details.to);
      return from && to ? t('tasks.task.postponedFromTo', { from: formatDate(from, language), to: formatDate(to, language) }) : null;
    }
    if (event.kind === 'reassigned' && 'to' in details) return t('tasks.task.reassignedFromTo', { from: nameOf(stringOf(details.from)), to: nameOf(stringOf(details.to)) });
    if ((event.kind === 'completed' || event.kind === 'satisfied') && stringOf(details.serviceId)) {
      return <Link to={`/services/${stringOf(details.serviceId)}`}>{t('tasks.openRecord')}</Link>;
    }
    return null;
  };

  return (
    <Timeline
      className="lm-task-history"
      items={[...events].reverse().map((event, index) => ({
        key: `${event.at}-${index}`,
        color: event.kind === 'unreachable' ? 'orange' : event.kind === 'completed' || event.kind === 'satisfied' ? 'green' : event.kind === 'cancelled' ? 'gray' : 'blue',
        content: (
          <div className="lm-task-event" data-testid="task-event" data-kind={event.kind}>
            <div className="lm-task-event__top">
              <strong>{taskEventLabel(event.kind, language)}</strong>
              <span className="lm-muted lm-small">
                {formatDateMinute(event.at, language)}
                {event.by ? ` · ${event.by.name}` : ` · ${t('tasks.task.system')}`}
              </span>
            </div>
            {detail(event) && <div className="lm-task-event__detail">{detail(event)}</div>}
            {event.note && <div className="lm-task-event__note">{event.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
