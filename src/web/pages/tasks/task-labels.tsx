import { Tag } from 'antd';
import { PhoneFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, TASK_EVENTS, TASK_REASONS, TASK_STATUSES, UNREACHABLE_ALERT_ATTEMPTS } from '../../../shared/codes';
import { useLanguage } from '../../app/language';
import type { Language } from '../../i18n';
import { formatDate, TIME_ZONE, today } from '../../components/format';
import { codeLabel } from '../people/people-labels';
import type { Task } from './task-types';

export const channelLabel = (code: string, language: Language) => codeLabel(CONTACT_CHANNELS, code, language);
export const taskEventLabel = (code: string, language: Language) => codeLabel(TASK_EVENTS, code, language);
export const taskReasonLabel = (code: string, language: Language) => codeLabel(TASK_REASONS, code, language);
export const taskStatusLabel = (code: string, language: Language) => codeLabel(TASK_STATUSES, code, language);

/** The stations' calendar day (`YYYY-MM-DD`) of an instant. */
export function dayOf(instant: string): string {
  return dayjs(instant).tz(TIME_ZONE).format('YYYY-MM-DD');
}

/** Today in the stations' time zone, `YYYY-MM-DD`. */
export function todayDay(): string {
  return today().format('YYYY-MM-DD');
}

/**
 * When a task is due, as a tag: 逾期 3 天 (red), 今天到期 (orange), or 11月29日前 (a campaign's
 * window still open).
 */
export function DueTag({ task }: { task: Pick<Task, 'dueDate' | 'overdueDays' | 'status'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (task.status !== 'open') return null;
  if (task.overdueDays > 0) {
    return (
      <Tag color="red" variant="solid" data-testid="task-overdue" data-days={task.overdueDays}>
        {t('tasks.due.overdue', { count: task.overdueDays })}
      </Tag>
    );
  }
  if (task.dueDate === todayDay()) {
    return (
      <Tag color="orange" variant="filled" data-testid="task-due">
        {t('tasks.due.today')}
      </Tag>
    );
  }
  return (
    <Tag variant="filled" data-testid="task-due">
      {t('tasks.due.by', { date: formatDate(task.dueDate, language) })}
    </Tag>
  );
}

/** 已 2 次未联系上; red from the attempt that alerts the manager. */
export function AttemptsTag({ attempts }: { attempts: number }) {
  const { t } = useTranslation();
  if (attempts <= 0) return null;
  return (
    <Tag color={attempts >= UNREACHABLE_ALERT_ATTEMPTS ? 'red' : 'gold'} variant="filled" data-testid="task-attempts" data-attempts={attempts}>
      {t('tasks.attempts', { count: attempts })}
    </Tag>
  );
}

/** 节日关怀 · 2026 重阳节 for a campaign's task. */
export function CampaignTag({ task }: { task: Pick<Task, 'campaignName' | 'reason'> }) {
  const language = useLanguage();
  if (task.reason !== 'campaign') return null;
  return (
    <Tag color="magenta" variant="filled" data-testid="task-campaign">
      {task.campaignName ?? taskReasonLabel('campaign', language)}
    </Tag>
  );
}

const STATUS_COLOR: Record<string, string> = { open: 'processing', done: 'success', cancelled: 'default' };

export function TaskStatusTag({ status }: { status: string }) {
  const language = useLanguage();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} variant="filled" data-status={status}>
      {taskStatusLabel(status, language)}
    </Tag>
  );
}

/** The person's phone as a big tap-to-call button, the first thing a thumb finds. */
export function CallButton({ phone, name, block = false }: { phone: string | null; name: string; block?: boolean }) {
  const { t } = useTranslation();
  if (!phone) return <span className="lm-task-call lm-task-call--none">{t('tasks.noPhone')}</span>;
  return (
    <a
      href={`tel:${phone.replace(/[^\d+]/g, '')}`}
      className={`lm-task-call${block ? ' lm-task-call--block' : ''}`}
      aria-label={t('tasks.callName', { name, phone })}
      data-testid="task-call"
      onClick={(event) => event.stopPropagation()}
    >
      <PhoneFilled aria-hidden="true" />
      <span className="lm-phone">{phone}</span>
    </a>
  );
}
