import { Card, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { formatDate } from '../../components/format';
import { GoalResultTag } from './case-labels';
import type { Case } from './case-types';

/** How each goal of the plan is going: services given towards it, the last one, its target date and result. */
export function GoalProgressCard({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items = caseData.goalProgress;
  return (
    <Card size="small" title={t('cases.progress.title')} data-testid="goal-progress">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.progress.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(goal, index) => (
            <List.Item key={goal.goalId} data-testid="goal-progress-item">
              <div className="lm-case-progress">
                <div className="lm-card-list__top">
                  <span className="lm-case-progress__title">
                    <span className="lm-muted">{t('cases.plan.goalN', { n: index + 1 })}</span> {goal.description ?? t('cases.evaluation.noDescription')}
                  </span>
                  <GoalResultTag result={goal.result} />
                </div>
                <div className="lm-case-progress__facts lm-small">
                  <Tag variant="filled" color={goal.serviceCount > 0 ? 'cyan' : 'default'}>
                    {t('cases.progress.services', { count: goal.serviceCount })}
                  </Tag>
                  <span className="lm-muted">
                    {goal.lastServiceAt ? t('cases.progress.lastService', { date: formatDate(goal.lastServiceAt, language) }) : t('cases.progress.noService')}
                  </span>
                  {goal.targetDate && (
                    <span className={goal.overdue ? 'lm-case-overdue' : 'lm-muted'}>
                      {t('cases.progress.target', { date: formatDate(goal.targetDate, language) })}
                      {goal.overdue && (
                        <Tag color="red" variant="solid" className="lm-case-overdue__tag">
                          {t('cases.progress.overdue')}
                        </Tag>
                      )}
                    </span>
                  )}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
