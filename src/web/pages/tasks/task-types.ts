/**
 * The care API's shapes for tasks and contact plans, from the shared zod schemas (type-only, so
 * zod stays out of the bundle).
 */
import type { z } from 'zod';
import type { zCompleteTaskReply, zPlanEntryInput, zPlanInForce, zTaskEvent } from '../../../shared/schemas/care';

export type { CompleteTaskRequest, ContactPlan, GenerateReply, Task, TaskDetail } from '../../../shared/schemas/care';
export type { ContactChannel, TaskEventKind } from '../../../shared/codes';

export type CompleteTaskReply = z.infer<typeof zCompleteTaskReply>;
export type PlanEntryInput = z.infer<typeof zPlanEntryInput>;
export type PlanInForce = z.infer<typeof zPlanInForce>;
export type TaskEvent = z.infer<typeof zTaskEvent>;

/** Which of the list's tabs: the API's `due` filters, and the done list. */
export type TaskTab = 'today' | 'overdue' | 'week' | 'done';

/** The filters of a task list, as the API takes them. */
export interface TaskFilters {
  assignee?: string;
  status?: 'open' | 'done';
  due?: 'today' | 'overdue' | 'week';
  campaignId?: string;
  personId?: string;
  villageId?: string;
}
