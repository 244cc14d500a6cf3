import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload, withQuery } from '../../app/api';
import type { Page } from '../../app/types';
import { PEOPLE_KEY } from '../people/people-api';
import type { Attachment, CreateServiceRequest, Finding, ServiceFilters, ServiceRecord, ServiceRevision, Staff, UpdateServiceRequest } from './service-types';

export const SERVICES_KEY = ['services'] as const;
const PAGE_SIZE = 30;

export function serviceKey(id: string) {
  return [...SERVICES_KEY, 'one', id] as const;
}

/** A page of the station's records, newest first, for "load more" lists. */
export function useServices(filters: ServiceFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...SERVICES_KEY, 'list', filters],
    enabled: options.enabled ?? true,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ServiceRecord>>(withQuery('/api/services', { ...filters, limit: PAGE_SIZE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The first `limit` records of a filter, for cards that show a few. */
export function useLatestServices(filters: ServiceFilters, limit: number, enabled = true) {
  return useQuery({
    queryKey: [...SERVICES_KEY, 'latest', filters, limit],
    enabled,
    queryFn: ({ signal }) => api.get<Page<ServiceRecord>>(withQuery('/api/services', { ...filters, limit }), signal),
  });
}

export function useService(id: string) {
  return useQuery({
    queryKey: serviceKey(id),
    queryFn: ({ signal }) => api.get<ServiceRecord>(`/api/services/${encodeURIComponent(id)}`, signal),
  });
}

export function useServiceRevisions(id: string, version: number) {
  return useQuery({
    // The version is part of the key: a correction adds a revision.
    queryKey: [...SERVICES_KEY, 'revisions', id, version],
    queryFn: ({ signal }) => api.get<ServiceRevision[]>(`/api/services/${encodeURIComponent(id)}/revisions`, signal),
  });
}

/** Workers and volunteers of the caller's station, for the "who served" pickers. */
export function useStaff() {
  return useQuery({
    queryKey: [...SERVICES_KEY, 'staff'],
    queryFn: ({ signal }) => api.get<Staff>('/api/services/staff', signal),
    staleTime: 5 * 60_000,
  });
}

export function useFindings(item: string, villageId: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...SERVICES_KEY, 'findings', item, villageId ?? null],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Finding>>(withQuery('/api/services/findings', { item, villageId, limit: PAGE_SIZE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** How many people a checklist item is of concern for, counted up to `limit` (the API has no count). */
export function useFindingCount(item: string, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: [...SERVICES_KEY, 'findings-count', item, limit],
    enabled,
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Finding>>(withQuery('/api/services/findings', { item, limit }), signal);
      return { count: page.items.length, more: page.nextCursor !== null };
    },
  });
}

function useInvalidateAfterWrite() {
  const queryClient = useQueryClient();
  return (record: ServiceRecord) => {
    queryClient.setQueryData(serviceKey(record.id), record);
    void queryClient.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'timeline', record.personId] });
    return queryClient.invalidateQueries({
      queryKey: SERVICES_KEY,
      predicate: (query) => query.queryKey[1] !== 'one' && query.queryKey[1] !== 'staff',
    });
  };
}

export function useCreateService() {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: (input: CreateServiceRequest) => api.post<ServiceRecord>('/api/services', input),
    onSuccess: invalidate,
  });
}

export function useUpdateService(id: string) {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: (patch: UpdateServiceRequest) => api.patch<ServiceRecord>(`/api/services/${encodeURIComponent(id)}`, patch),
    onSuccess: invalidate,
  });
}

export function uploadPhoto(serviceId: string, file: File): Promise<Attachment> {
  return apiUpload<Attachment>(`/api/services/${encodeURIComponent(serviceId)}/attachments`, file, file.name);
}

/** Uploads the photos one by one (a phone on a weak signal does better with one at a time). */
export async function uploadPhotos(
  serviceId: string,
  files: readonly File[],
  onProgress?: (done: number) => void,
): Promise<{ uploaded: Attachment[]; failed: Array<{ file: File; error: unknown }> }> {
  const uploaded: Attachment[] = [];
  const failed: Array<{ file: File; error: unknown }> = [];
  for (const file of files) {
    try {
      uploaded.push(await uploadPhoto(serviceId, file));
    } catch (error) {
      failed.push({ file, error });
    }
    onProgress?.(uploaded.length + failed.length);
  }
  return { uploaded, failed };
}
