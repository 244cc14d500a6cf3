import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, withQuery } from '../../app/api';
import type { Page } from '../../app/types';
import { today } from '../../components/format';
import { dayOf } from './task-labels';
import { PEOPLE_KEY } from '../people/people-api';
import { SERVICES_KEY } from '../services/services-api';
import type {
  CompleteTaskReply,
  CompleteTaskRequest,
  ContactPlan,
  GenerateReply,
  PlanEntryInput,
  Task,
  TaskDetail,
  TaskFilters,
} from './task-types';

export const TASKS_KEY = ['tasks'] as const;
/** The care pages' queries (alerts, campaign progress): a task that changes changes them too. */
const CARE_KEY = ['care'] as const;
const PAGE_SIZE = 30;
/** A day's list is read whole: a worker has tens of tasks a day, not hundreds. */
const DAY_LIMIT = 200;

export function taskKey(id: string) {
  return [...TASKS_KEY, 'one', id] as const;
}

export function planKey(personId: string) {
  return [...TASKS_KEY, 'plan', personId] as const;
}

function listQuery(filters: TaskFilters): Record<string, string | undefined> {
  return {
    assignee: filters.assignee,
    status: filters.status,
    due: filters.due,
    campaignId: filters.campaignId,
    personId: filters.personId,
    villageId: filters.villageId,
  };
}

/** A page of tasks at a time, for "load more" lists. */
export function useTasks(filters: TaskFilters) {
  return useInfiniteQuery({
    queryKey: [...TASKS_KEY, 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<Page<Task>>(withQuery('/api/tasks', { ...listQuery(filters), limit: PAGE_SIZE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** My open tasks of today, overdue ones included, read whole for the day's plan. */
export function useMyDay() {
  return useQuery({
    queryKey: [...TASKS_KEY, 'day', 'open'],
    queryFn: ({ signal }) => api.get<Page<Task>>(withQuery('/api/tasks', { assignee: 'me', status: 'open', due: 'today', limit: DAY_LIMIT }), signal),
    // Back from a call in another app, the list should be fresh.
    refetchOnWindowFocus: true,
  });
}

/**
 * How many of my tasks I completed today. Done tasks come latest first, so today's are the head
 * of the list (counted up to a page; `more` when there may be more).
 */
export function useDoneToday() {
  return useQuery({
    queryKey: [...TASKS_KEY, 'day', 'done'],
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Task>>(withQuery('/api/tasks', { assignee: 'me', status: 'done', limit: DAY_LIMIT }), signal);
      const day = today().format('YYYY-MM-DD');
      const done = page.items.filter((task) => task.completedAt !== null && dayOf(task.completedAt) === day);
      return { count: done.length, more: page.nextCursor !== null && done.length === page.items.length };
    },
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: taskKey(id),
    queryFn: ({ signal }) => api.get<TaskDetail>(`/api/tasks/${encodeURIComponent(id)}`, signal),
  });
}

export function useContactPlan(personId: string) {
  return useQuery({
    queryKey: planKey(personId),
    queryFn: ({ signal }) => api.get<ContactPlan>(`/api/people/${encodeURIComponent(personId)}/contact-plan`, signal),
  });
}

/**
 * After a task changed: every task list, the task itself, the person's plan and the care pages.
 * Not awaited: the task may leave the list it was acted on from, and the caller's own callbacks
 * (the message that says what happened) must run before its card goes.
 */
function refreshAfterTask(queryClient: QueryClient, task: Pick<Task, 'id' | 'personId'>): void {
  void queryClient.invalidateQueries({ queryKey: CARE_KEY });
  void queryClient.invalidateQueries({ queryKey: planKey(task.personId) });
  void queryClient.invalidateQueries({ queryKey: TASKS_KEY, predicate: (query) => query.queryKey[1] !== 'plan' });
}

/** A 409 VERSION_CONFLICT or TASK_CLOSED: the task changed elsewhere, so it is read again. */
export function isTaskConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && (error.code === 'VERSION_CONFLICT' || error.code === 'TASK_CLOSED');
}

function useTaskAction<Input>(task: Pick<Task, 'id' | 'personId'>, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => api.post<Task>(`/api/tasks/${encodeURIComponent(task.id)}/${path}`, input),
    onSuccess: () => refreshAfterTask(queryClient, task),
    onError: (error) => {
      if (isTaskConflict(error)) refreshAfterTask(queryClient, task);
    },
  });
}

export function useMarkUnreachable(task: Pick<Task, 'id' | 'personId'>) {
  return useTaskAction<{ version: number; note?: string | null }>(task, 'unreachable');
}

export function usePostponeTask(task: Pick<Task, 'id' | 'personId'>) {
  return useTaskAction<{ version: number; until: string; reason: string }>(task, 'postpone');
}

export function useReassignTask(task: Pick<Task, 'id' | 'personId'>) {
  return useTaskAction<{ version: number; assigneeId: string; reason?: string | null }>(task, 'reassign');
}

/** Completes a task with its service record; the record then shows on the person's file and in the lists. */
export function useCompleteTask(task: Pick<Task, 'id' | 'personId'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CompleteTaskRequest) => api.post<CompleteTaskReply>(`/api/tasks/${encodeURIComponent(task.id)}/complete`, input),
    onSuccess: (reply) => {
      void queryClient.invalidateQueries({ queryKey: SERVICES_KEY, predicate: (query) => query.queryKey[1] !== 'staff' });
      void queryClient.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'timeline', reply.service.personId] });
      refreshAfterTask(queryClient, task);
    },
    onError: (error) => {
      if (isTaskConflict(error)) refreshAfterTask(queryClient, task);
    },
  });
}

/** The manager's "make today's tasks now". */
export function useGenerateTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<GenerateReply>('/api/tasks/generate', {}),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CARE_KEY });
      return queryClient.invalidateQueries({ queryKey: TASKS_KEY });
    },
  });
}

function usePlanWrite<Input>(personId: string, send: (input: Input) => Promise<ContactPlan>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(personId), plan);
      void queryClient.invalidateQueries({ queryKey: CARE_KEY });
      return queryClient.invalidateQueries({ queryKey: TASKS_KEY, predicate: (query) => query.queryKey[1] !== 'plan' });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') void queryClient.invalidateQueries({ queryKey: planKey(personId) });
    },
  });
}

export function useSetContactPlan(personId: string) {
  return usePlanWrite(personId, (input: { version: number; plans: PlanEntryInput[]; reason: string }) =>
    api.put<ContactPlan>(`/api/people/${encodeURIComponent(personId)}/contact-plan`, input),
  );
}

export function useResetContactPlan(personId: string) {
  return usePlanWrite(personId, (input: { version: number; reason: string }) =>
    api.post<ContactPlan>(`/api/people/${encodeURIComponent(personId)}/contact-plan/reset`, input),
  );
}
