import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, withQuery } from '../../app/api';
import type { Page } from '../../app/types';
import type { Case, CaseDocumentKind, CaseListFilters, CaseStage, CaseSummary, CreateCaseRequest, ServiceRecord, Staff } from './case-types';

export const CASES_KEY = ['cases'] as const;
const PAGE_SIZE = 50;

export function caseKey(id: string) {
  return [...CASES_KEY, 'one', id] as const;
}

const casePath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

/** The query of a list tab: open, waiting for approval, review overdue, closed. */
export function listQuery(filters: CaseListFilters): Record<string, string | undefined> {
  const base = { mine: filters.mine ? 'true' : undefined, personId: filters.personId };
  switch (filters.tab) {
    case 'open':
      return { ...base, status: 'open' };
    case 'closeRequested':
      return { ...base, status: 'open', closeRequested: 'true' };
    case 'reviewDue':
      return { ...base, status: 'open', reviewDue: 'true' };
    case 'closed':
      return { ...base, status: 'closed' };
  }
}

export function useCases(filters: CaseListFilters) {
  return useInfiniteQuery({
    queryKey: [...CASES_KEY, 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CaseSummary>>(withQuery('/api/cases', { ...listQuery(filters), limit: PAGE_SIZE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A short list (home cards, a person's cases). */
export function useCaseList(query: Record<string, string | undefined>, limit: number, enabled = true) {
  return useQuery({
    queryKey: [...CASES_KEY, 'list', 'short', query, limit],
    enabled,
    queryFn: ({ signal }) => api.get<Page<CaseSummary>>(withQuery('/api/cases', { ...query, limit }), signal),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => api.get<Case>(casePath(id), signal),
  });
}

export function useCaseServices(caseId: string, serviceCount: number) {
  return useQuery({
    // The count is part of the key: a new service linked to the case shows once the case says so.
    queryKey: [...CASES_KEY, 'services', caseId, serviceCount],
    queryFn: ({ signal }) => api.get<Page<ServiceRecord>>(withQuery('/api/services', { caseId, limit: 100 }), signal),
  });
}

export function useStaff(enabled: boolean) {
  return useQuery({
    queryKey: ['services', 'staff'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api.get<Staff>('/api/services/staff', signal),
  });
}

/** Puts a case the server answered with into the cache, and lets lists refresh. */
function acceptCase(queryClient: QueryClient, value: Case): void {
  queryClient.setQueryData(caseKey(value.id), value);
  void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The current case a 409 VERSION_CONFLICT carries in `details.current`, or null. */
export function conflictCase(error: unknown): Case | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT' || !isRecord(error.details)) return null;
  const current = error.details.current;
  return isCase(current) ? current : null;
}

function isCase(value: unknown): value is Case {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.version === 'number' &&
    typeof value.stage === 'string' &&
    isRecord(value.documents) &&
    isRecord(value.missing) &&
    Array.isArray(value.history)
  );
}

/**
 * One action on a case (POST/PUT answering the case). A version conflict puts the current case
 * into the cache, so the next try goes with the new version.
 */
function useCaseMutation<I>(id: string, send: (input: I & { version: number }) => Promise<Case>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => {
      const current = queryClient.getQueryData<Case>(caseKey(id));
      if (!current) throw new Error('case not loaded');
      return send({ ...input, version: current.version });
    },
    onSuccess: (value) => acceptCase(queryClient, value),
    onError: (error) => {
      const current = conflictCase(error);
      if (current) acceptCase(queryClient, current);
    },
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCaseRequest) => api.post<Case>('/api/cases', input),
    onSuccess: (value) => acceptCase(queryClient, value),
  });
}

export function useSaveDocument(id: string) {
  return useCaseMutation<{ kind: CaseDocumentKind; content: Record<string, unknown> }>(id, ({ kind, ...body }) =>
    api.put<Case>(casePath(id, `/documents/${kind}`), body),
  );
}

export function useTransition(id: string) {
  return useCaseMutation<{ to: CaseStage; note?: string }>(id, (body) => api.post<Case>(casePath(id, '/transition'), body));
}

export function useRequestClose(id: string) {
  return useCaseMutation<{ note?: string }>(id, (body) => api.post<Case>(casePath(id, '/close-request'), body));
}

export function useDeclineClose(id: string) {
  return useCaseMutation<{ reason: string }>(id, (body) => api.post<Case>(casePath(id, '/close-request/decline'), body));
}

export function useTransfer(id: string) {
  return useCaseMutation<{ workerId: string; reason: string }>(id, (body) => api.post<Case>(casePath(id, '/transfer'), body));
}

export function useReview(id: string) {
  return useCaseMutation<{ note: string; nextReviewOn?: string }>(id, (body) => api.post<Case>(casePath(id, '/reviews'), body));
}

export interface ReferralInput {
  to: string;
  reason: string;
  materialsSent?: string | null;
  consent: boolean;
  referredOn: string;
}

export function useAddReferral(id: string) {
  return useCaseMutation<ReferralInput>(id, (body) => api.post<Case>(casePath(id, '/referrals'), body));
}

export function useReferralOutcome(id: string) {
  return useCaseMutation<{ referralId: string; outcome: string; outcomeOn: string }>(id, ({ referralId, ...body }) =>
    api.put<Case>(casePath(id, `/referrals/${encodeURIComponent(referralId)}`), body),
  );
}
