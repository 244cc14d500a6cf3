import { useState } from 'react';
import { Button } from 'antd';
import { CalendarOutlined, CheckOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasPermission, useUser } from '../../app/auth';
import type { SessionUser } from '../../app/types';
import { CompleteTaskDrawer } from './complete-drawer';
import { PostponeDialog, ReassignDialog, UnreachableDialog } from './task-dialogs';
import type { Task } from './task-types';

/** Anyone of the station who cares may act on an open task, covering for a colleague (volunteers only see their own). */
export function canActOn(task: Pick<Task, 'status'>, user: SessionUser): boolean {
  return task.status === 'open' && hasPermission(user, 'care:write');
}

/** A task changes hands by the manager, or by whoever holds it. */
export function canReassign(task: Pick<Task, 'status' | 'assignee'>, user: SessionUser): boolean {
  return task.status === 'open' && (hasPermission(user, 'care:manage') || task.assignee?.id === user.id);
}

type Dialog = 'complete' | 'unreachable' | 'postpone' | 'reassign' | null;

/**
 * 完成 / 未联系上 / 延期 (and 改派 on the task page) with their dialogs. `size="large"` gives the
 * thumb-sized buttons of the worker's day.
 */
export function TaskActions({
  task,
  withReassign = false,
  size = 'large',
  onCompleted,
}: {
  task: Task;
  withReassign?: boolean;
  size?: 'large' | 'middle';
  onCompleted?: () => void;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!canActOn(task, user)) return null;
  const reassign = withReassign && canReassign(task, user);
  // In a table row the words alone fit; on a card the icons help a thumb find its button.
  const icons = size === 'large';
  const close = () => setDialog(null);

  return (
    <>
      <div className={`lm-task-actions lm-task-actions--${size}`} data-testid="task-actions">
        <Button type="primary" size={size} icon={icons && <CheckOutlined />} onClick={() => setDialog('complete')} data-testid="task-complete">
          {t('tasks.actions.complete')}
        </Button>
        <Button size={size} icon={icons && <StopOutlined />} onClick={() => setDialog('unreachable')} data-testid="task-unreachable">
          {t('tasks.actions.unreachable')}
        </Button>
        <Button size={size} icon={icons && <CalendarOutlined />} onClick={() => setDialog('postpone')} data-testid="task-postpone">
          {t('tasks.actions.postpone')}
        </Button>
        {reassign && (
          <Button size={size} icon={icons && <SwapOutlined />} onClick={() => setDialog('reassign')} data-testid="task-reassign">
            {t('tasks.actions.reassign')}
          </Button>
        )}
      </div>
      <CompleteTaskDrawer task={task} open={dialog === 'complete'} onClose={close} onDone={onCompleted} />
      {dialog === 'unreachable' && <UnreachableDialog task={task} open onClose={close} />}
      {dialog === 'postpone' && <PostponeDialog task={task} open onClose={close} />}
      {reassign && dialog === 'reassign' && <ReassignDialog task={task} open onClose={close} />}
    </>
  );
}
