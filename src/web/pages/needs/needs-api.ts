import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateNeedRequest, Need, NeedsSummary, Ranking, RankingQuery, UpdateNeedRequest } from '../../../shared/schemas/needs';
import type { SurveySummary } from '../../../shared/schemas/surveys';
import type { NeedStatus } from '../../../shared/codes';
import { api, ApiError, withQuery } from '../../app/api';
import i18next from 'i18next';
import { currentLanguage } from '../../i18n';
import type { Page } from '../../app/types';
import { PEOPLE_KEY } from '../people/people-api';
import { fileNameOf } from './needs-model';

export type { CreateNeedRequest, Need, NeedsSummary, Ranking, RankingQuery, UpdateNeedRequest };

export const NEEDS_KEY = ['needs'] as const;
const PAGE_SIZE = 30;
/** A person has a handful of needs; one page holds them all. */
const PERSON_LIMIT = 100;

/** The ranking's filters as the API takes them (empty values left out). */
function rankingParams(query: RankingQuery): Record<string, string | undefined> {
  return { group: query.group, villageId: query.villageId, stationId: query.stationId, surveyId: query.surveyId, from: query.from, to: query.to };
}

/** Ranked needs of a group (GET /api/needs/ranking). */
export function useRanking(query: RankingQuery, enabled = true) {
  return useQuery({
    queryKey: [...NEEDS_KEY, 'ranking', query],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Ranking>(withQuery('/api/needs/ranking', rankingParams(query)), signal),
  });
}

/** The ranking as an Excel table (a plain link: the browser downloads it). */
export function rankingExportPath(query: RankingQuery): string {
  return withQuery('/api/needs/ranking/export', rankingParams(query));
}

/** The ranking chart drawn by the server, as SVG. */
export function rankingSvgPath(query: RankingQuery): string {
  return withQuery('/api/needs/ranking/chart.svg', rankingParams(query));
}

export interface NeedFilters {
  personId?: string;
  villageId?: string;
  needType?: string;
  status?: NeedStatus;
  unanswered?: 'true';
  stationId?: string;
}

/** The register, a page at a time (GET /api/needs, keyset). */
export function useNeeds(filters: NeedFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...NEEDS_KEY, 'list', filters],
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<Page<Need>>(withQuery('/api/needs', { ...filters, limit: PAGE_SIZE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One person's needs, whole. */
export function usePersonNeeds(personId: string) {
  return useQuery({
    queryKey: [...NEEDS_KEY, 'person', personId],
    queryFn: ({ signal }) => api.get<Page<Need>>(withQuery('/api/needs', { personId, limit: PERSON_LIMIT }), signal),
  });
}

/** Counts per need type and status (GET /api/needs/summary). */
export function useNeedsSummary(query: { villageId?: string; stationId?: string }, enabled = true) {
  return useQuery({
    queryKey: [...NEEDS_KEY, 'summary', query],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<NeedsSummary>(withQuery('/api/needs/summary', query), signal),
  });
}

function useInvalidateNeeds() {
  const queryClient = useQueryClient();
  return (need?: Need) => {
    if (need) void queryClient.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'timeline', need.person.id] });
    return queryClient.invalidateQueries({ queryKey: NEEDS_KEY, predicate: (query) => query.queryKey[1] !== 'ranking' });
  };
}

/**
 * POST /api/needs with a client-made id. `created` is false when the person already had this need
 * open: the server then answers with that need, whose id is not the one sent.
 */
export function useCreateNeed() {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: async (input: CreateNeedRequest & { id: string }) => {
      const need = await api.post<Need>('/api/needs', input);
      return { need, created: need.id === input.id };
    },
    onSuccess: ({ need }) => invalidate(need),
  });
}

/** PATCH /api/needs/:id. After a version conflict the lists are read again, so the next try names the current version. */
export function useUpdateNeed() {
  const invalidate = useInvalidateNeeds();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateNeedRequest & { id: string }) => api.patch<Need>(`/api/needs/${encodeURIComponent(id)}`, patch),
    onSuccess: (need) => invalidate(need),
    onError: (error) => {
      if (isConflict(error)) void invalidate();
    },
  });
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'VERSION_CONFLICT';
}

/** Open surveys (for "fill in a questionnaire" on a person's file). */
export function useOpenSurveys(enabled = true) {
  return useQuery({
    queryKey: ['surveys', 'list', { status: 'open', for: 'needs-card' }],
    enabled,
    staleTime: 60_000,
    retry: false,
    queryFn: ({ signal }) => api.get<Page<SurveySummary>>(withQuery('/api/surveys', { status: 'open', limit: 100 }), signal),
  });
}

/**
 * Downloads a file the API makes (an .xlsx, an SVG) in the language the user chose in the app,
 * which a plain link cannot say (it carries the browser's language). A refusal throws ApiError.
 */
export async function downloadFromApi(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { 'Accept-Language': currentLanguage() }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('common.networkError'));
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null);
    const body = typeof payload === 'object' && payload !== null ? Reflect.get(payload, 'error') : undefined;
    const code: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'code') : undefined;
    const message: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'message') : undefined;
    throw new ApiError(response.status, typeof code === 'string' ? code : 'UNKNOWN', typeof message === 'string' ? message : i18next.t('common.unknownError'));
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the file to the browser; the address can go after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
