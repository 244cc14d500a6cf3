import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Skeleton, Tag } from 'antd';
import { EditOutlined, HomeOutlined, PhoneOutlined, RightOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CARE_AUDIENCES } from '../../../shared/codes';
import { hasPermission, useUser } from '../../app/auth';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/load-error';
import { codeLabel, riskLabel } from '../people/people-labels';
import type { Person } from '../people/people-types';
import { PlanEditDialog, PlanResetDialog } from './plan-dialogs';
import { channelLabel, todayDay } from './task-labels';
import type { ContactPlan, PlanInForce } from './task-types';
import { useContactPlan } from './tasks-api';
import './tasks.css';

function daysFrom(day: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

function PlanRow({ plan }: { plan: PlanInForce }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = todayDay();
  const late = daysFrom(plan.nextDue, today);
  return (
    <li className="lm-plan" data-testid="plan-channel" data-channel={plan.channel}>
      <div className="lm-plan__top">
        <span className="lm-plan__channel">
          {plan.channel === 'phone' ? <PhoneOutlined aria-hidden="true" /> : <HomeOutlined aria-hidden="true" />}
          {channelLabel(plan.channel, language)}
        </span>
        <span className="lm-plan__every" data-testid="plan-every">
          {t('tasks.plan.every', { count: plan.everyDays })}
        </span>
      </div>
      <div className="lm-plan__line">
        <span>{t('tasks.plan.responsible', { name: plan.responsible?.name ?? t('tasks.plan.nobody') })}</span>
        <span>{plan.lastContactAt ? t('tasks.plan.last', { date: formatDate(plan.lastContactAt, language) }) : t('tasks.plan.never')}</span>
      </div>
      <div className="lm-plan__line">
        <span>
          {t('tasks.plan.next', { date: formatDate(plan.nextDue, language) })}{' '}
          {late > 0 ? (
            <Tag color="red" variant="solid" data-testid="plan-overdue">
              {t('tasks.due.overdue', { count: late })}
            </Tag>
          ) : late === 0 ? (
            <Tag color="orange" variant="filled">
              {t('tasks.due.today')}
            </Tag>
          ) : null}
        </span>
        {plan.openTaskId && (
          <Link to={`/tasks/${plan.openTaskId}`} data-testid="plan-task">
            {t('tasks.plan.openTask')} <RightOutlined />
          </Link>
        )}
      </div>
    </li>
  );
}

/** Where the plan comes from: the station's rules for the person's audience and risk, or the person's own, with why and by whom. */
function PlanSource({ plan }: { plan: ContactPlan }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (plan.source === 'rule') {
    const basis = [plan.audience ? codeLabel(CARE_AUDIENCES, plan.audience, language) : null, plan.riskLevel ? riskLabel(plan.riskLevel, language) : null].filter(Boolean).join(' · ');
    return (
      <div className="lm-plan-source" data-testid="plan-source" data-source="rule">
        <Tag color="blue" variant="filled">
          {t('tasks.plan.sourceRule')}
        </Tag>
        {basis && <span className="lm-muted">{basis}</span>}
      </div>
    );
  }
  if (plan.source !== 'override') return null;
  return (
    <div className="lm-plan-source lm-plan-source--override" data-testid="plan-source" data-source="override">
      <Tag color="purple" variant="filled">
        {t('tasks.plan.sourceOverride')}
      </Tag>
      {plan.reason && <span data-testid="plan-reason">{t('tasks.plan.reason', { reason: plan.reason })}</span>}
      {plan.updatedBy && plan.updatedAt && <span className="lm-muted lm-small">{t('tasks.plan.setBy', { name: plan.updatedBy.name, date: formatDate(plan.updatedAt, language) })}</span>}
    </div>
  );
}

/**
 * 联系计划 on a person's file: the calls and visits in force (how often, who, when last, when
 * next, the open task), where they come from, or why there are none. A manager sets a person's own
 * plan, or returns them to the station's rules.
 */
export function PersonContactPlanCard({ person }: { person: Pick<Person, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const user = useUser();
  const plan = useContactPlan(person.id);
  const [dialog, setDialog] = useState<'edit' | 'reset' | null>(null);
  const manages = hasPermission(user, 'care:manage');

  // Someone no care group covers has no plan to show; a manager still sees the quiet line, to set one.
  if (plan.data?.noPlanReason === 'not_in_care_group' && plan.data.source === 'none' && !manages) return null;

  let body: ReactNode;
  if (plan.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (plan.isError) body = <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  else {
    const data = plan.data;
    body = (
      <>
        <PlanSource plan={data} />
        {data.noPlanReason && (
          <Alert
            type={data.noPlanReason === 'no_worker' || data.noPlanReason === 'no_risk_level' ? 'warning' : 'info'}
            showIcon
            title={t(`tasks.plan.none.${data.noPlanReason}`)}
            className="lm-plan-none"
            data-testid="plan-none"
            data-reason={data.noPlanReason}
          />
        )}
        {data.source === 'override' && data.plans.length === 0 && <div className="lm-muted" data-testid="plan-empty-override">{t('tasks.plan.noRegular')}</div>}
        {data.plans.length > 0 && (
          <ul className="lm-plans" data-testid="plans">
            {data.plans.map((entry) => (
              <PlanRow key={entry.channel} plan={entry} />
            ))}
          </ul>
        )}
        {manages && data.noPlanReason !== 'inactive' && (
          <div className="lm-plan-actions">
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="plan-edit">
              {data.source === 'override' ? t('tasks.plan.edit') : t('tasks.plan.override')}
            </Button>
            {data.source === 'override' && (
              <Button icon={<RollbackOutlined />} onClick={() => setDialog('reset')} data-testid="plan-reset">
                {t('tasks.plan.reset')}
              </Button>
            )}
          </div>
        )}
        {manages && dialog === 'edit' && <PlanEditDialog personId={person.id} plan={data} open onClose={() => setDialog(null)} />}
        {manages && dialog === 'reset' && <PlanResetDialog personId={person.id} plan={data} open onClose={() => setDialog(null)} />}
      </>
    );
  }

  return (
    <Card title={t('tasks.plan.title')} size="small" data-testid="person-plan-card" className="lm-plan-card">
      {body}
    </Card>
  );
}
