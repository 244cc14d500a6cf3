import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import type { AuditEvent, Page } from '../../app/types';

export interface AuditFilters {
  action?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEvent>>(withQuery('/api/audit', { ...filters, limit: PAGE_SIZE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useLatestAuditEvents(limit: number, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'latest', limit],
    enabled,
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>(withQuery('/api/audit', { limit }), signal),
  });
}
