import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { RiskTag } from '../people/people-labels';
import { KindTag } from '../services/service-labels';
import { TaskActions } from './task-actions';
import { AttemptsTag, CallButton, CampaignTag, DueTag, TaskStatusTag } from './task-labels';
import type { Task } from './task-types';

/**
 * One task as a card: who (a link to the file), what (call or visit, campaign), when (due or
 * overdue), the tries so far, the phone to tap, and what to do.
 */
export function TaskCard({ task, showVillage = false, showAssignee = false }: { task: Task; showVillage?: boolean; showAssignee?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const open = task.status === 'open';
  const meta = [showVillage ? task.villageName : null, task.address, showAssignee ? (task.assignee?.name ?? t('tasks.unassigned')) : null].filter(Boolean);

  return (
    <div className={`lm-task-card${task.overdueDays > 0 && open ? ' lm-task-card--overdue' : ''}`} data-testid="task-card" data-task={task.id} data-person={task.personId}>
      <div className="lm-task-card__top">
        <Link to={`/people/${task.personId}`} className="lm-task-card__name" data-testid="task-person">
          {task.personName}
        </Link>
        {task.riskLevel === 'high' && <RiskTag level={task.riskLevel} />}
        <span className="lm-task-card__spacer" />
        <Link to={`/tasks/${task.id}`} className="lm-task-card__more" aria-label={t('tasks.openTask', { name: task.personName })} data-testid="task-open">
          {t('tasks.details')} <RightOutlined />
        </Link>
      </div>
      <div className="lm-tags lm-task-card__tags">
        <KindTag kind={task.kind} />
        <CampaignTag task={task} />
        {open ? <DueTag task={task} /> : <TaskStatusTag status={task.status} />}
        {open && <AttemptsTag attempts={task.attempts} />}
      </div>
      {meta.length > 0 && <div className="lm-task-card__meta">{meta.join(' · ')}</div>}
      {open && task.postponedReason && <div className="lm-task-card__meta">{t('tasks.postponedBecause', { reason: task.postponedReason })}</div>}
      {task.status === 'done' && task.completedAt && (
        <div className="lm-task-card__meta">
          {t('tasks.completedOn', { date: formatDate(task.completedAt, language) })}
          {task.serviceId && (
            <>
              {' · '}
              <Link to={`/services/${task.serviceId}`}>{t('tasks.openRecord')}</Link>
            </>
          )}
        </div>
      )}
      {open && (
        <>
          <CallButton phone={task.phone} name={task.personName} block />
          <TaskActions task={task} />
        </>
      )}
    </div>
  );
}
