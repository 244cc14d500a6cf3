import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CareAlertType } from '../../../shared/codes';
import type {
  Alert,
  AlertSummary,
  Campaign,
  CampaignDetail,
  CareSettings,
  CreateCampaignRequest,
  Festival,
  UpdateCareSettingsRequest,
  VisitRate,
  zCreateCampaignReply,
} from '../../../shared/schemas/care';
import { api, ApiError, withQuery } from '../../app/api';
import type { Page } from '../../app/types';

export type { Alert, AlertSummary, Campaign, CampaignDetail, CareSettings, CreateCampaignRequest, Festival, VisitRate };
export type CreateCampaignReply = z.infer<typeof zCreateCampaignReply>;

export const CARE_KEY = ['care'] as const;
const ALERTS_PAGE = 50;
/** A station starts a few campaigns a year; one page holds them all. */
const CAMPAIGNS_PAGE = 200;

/** The year's festivals and days of care, in date order. */
export function useFestivals(year: number, enabled = true) {
  return useQuery({
    queryKey: [...CARE_KEY, 'festivals', year],
    enabled,
    // Festival dates of a year never change.
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const list = await api.get<Festival[]>(withQuery('/api/calendar/festivals', { year }), signal);
      return [...list].sort((a, b) => a.date.localeCompare(b.date));
    },
  });
}

/** The festivals of several years at once (this year and the next, to find the next festival). */
export function useFestivalsOfYears(years: readonly number[]) {
  return useQueries({
    queries: years.map((year) => ({
      queryKey: [...CARE_KEY, 'festivals', year],
      staleTime: Infinity,
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const list = await api.get<Festival[]>(withQuery('/api/calendar/festivals', { year }), signal);
        return [...list].sort((a, b) => a.date.localeCompare(b.date));
      },
    })),
    combine: (results) => ({
      data: results.every((result) => result.data) ? results.flatMap((result) => result.data ?? []) : undefined,
      isPending: results.some((result) => result.isPending),
      isError: results.some((result) => result.isError),
      error: results.find((result) => result.error)?.error ?? null,
      refetch: () => results.forEach((result) => void result.refetch()),
    }),
  });
}

/** The station's campaigns of a year (by festival year, or by date for campaigns on another day). */
export function useCampaigns(year: number, enabled = true) {
  return useQuery({
    queryKey: [...CARE_KEY, 'campaigns', year],
    enabled,
    queryFn: ({ signal }) => api.get<Page<Campaign>>(withQuery('/api/campaigns', { year, limit: CAMPAIGNS_PAGE }), signal),
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: [...CARE_KEY, 'campaign', id],
    queryFn: ({ signal }) => api.get<CampaignDetail>(`/api/campaigns/${encodeURIComponent(id)}`, signal),
  });
}

/**
 * POST /api/campaigns. `created` is false when the festival's campaign of that year already
 * existed: the server then answers 200 with tasksCreated 0 (a new campaign always makes tasks;
 * with nobody in the groups it is refused with 400).
 */
export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateCampaignRequest) => {
      const campaign = await api.post<CreateCampaignReply>('/api/campaigns', input);
      return { campaign, created: campaign.tasksCreated > 0 };
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...CARE_KEY, 'campaigns'] });
      void queryClient.invalidateQueries({ queryKey: [...CARE_KEY, 'summary'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export function useAlertSummary(enabled = true) {
  return useQuery({
    queryKey: [...CARE_KEY, 'summary'],
    enabled,
    queryFn: ({ signal }) => api.get<AlertSummary>('/api/care/alerts/summary', signal),
  });
}

export interface AlertFilters {
  type: CareAlertType;
  villageId?: string;
  assigneeId?: string;
}

export function useAlerts(filters: AlertFilters) {
  return useInfiniteQuery({
    queryKey: [...CARE_KEY, 'alerts', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<Page<Alert>>(withQuery('/api/care/alerts', { ...filters, limit: ALERTS_PAGE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export const ALERTS_EXPORT_PATH = '/api/care/alerts.xlsx';

/** A month's visit rate; without a month, this month's. */
export function useVisitRate(month: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...CARE_KEY, 'visit-rate', month ?? 'current'],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<VisitRate>(withQuery('/api/care/visit-rate', { month }), signal),
  });
}

export const SETTINGS_KEY = [...CARE_KEY, 'settings'] as const;

export function useCareSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api.get<CareSettings>('/api/care/settings', signal),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The current settings a 409 VERSION_CONFLICT carries in `details.current`, or null. */
export function conflictSettings(error: unknown): CareSettings | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT' || !isRecord(error.details)) return null;
  const current = error.details.current;
  return isRecord(current) && typeof current.version === 'number' && isRecord(current.rules) ? (current as CareSettings) : null;
}

export function useUpdateCareSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCareSettingsRequest) => api.put<CareSettings>('/api/care/settings', input),
    onSuccess: (value) => {
      queryClient.setQueryData(SETTINGS_KEY, value);
      void queryClient.invalidateQueries({ queryKey: [...CARE_KEY, 'summary'] });
      void queryClient.invalidateQueries({ queryKey: [...CARE_KEY, 'alerts'] });
    },
    onError: (error) => {
      const current = conflictSettings(error);
      if (current) queryClient.setQueryData(SETTINGS_KEY, current);
      else if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') void queryClient.invalidateQueries({ queryKey: SETTINGS_KEY });
    },
  });
}
