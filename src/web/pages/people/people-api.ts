import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload, withQuery } from '../../app/api';
import type { Page } from '../../app/types';
import type {
  BenefitCode,
  CreatePersonRequest,
  DangerReport,
  Household,
  ImportPreview,
  ImportResult,
  PeopleFilters,
  Person,
  PersonSummary,
  SetBenefitRequest,
  TimelineItem,
} from './people-types';

export const PEOPLE_KEY = ['people'] as const;
const DANGER_KEY = ['danger-reports'] as const;
const PAGE_SIZE = 50;

export function peopleQuery(filters: PeopleFilters): Record<string, string | number | undefined> {
  return { ...filters };
}

export function usePeople(filters: PeopleFilters) {
  return useInfiniteQuery({
    queryKey: [...PEOPLE_KEY, 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PersonSummary>>(withQuery('/api/people', { ...peopleQuery(filters), limit: PAGE_SIZE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** A short search for pickers (e.g. "same household as"). */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'search', q],
    enabled: q.trim().length > 0,
    queryFn: ({ signal }) => api.get<Page<PersonSummary>>(withQuery('/api/people', { q: q.trim(), limit: 10 }), signal),
  });
}

export function personKey(id: string) {
  return [...PEOPLE_KEY, 'one', id] as const;
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: personKey(id),
    queryFn: ({ signal }) => api.get<Person>(`/api/people/${encodeURIComponent(id)}`, signal),
    // A file is read on purpose (each read is audited): no background refetches.
    staleTime: 60_000,
  });
}

/** The whole identity number (audited by the server); kept out of the cache on purpose. */
export function revealIdNumber(id: string): Promise<Person> {
  return api.get<Person>(withQuery(`/api/people/${encodeURIComponent(id)}`, { reveal: 'idNumber' }));
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'timeline', id],
    queryFn: ({ signal }) => api.get<{ items: TimelineItem[] }>(`/api/people/${encodeURIComponent(id)}/timeline`, signal),
  });
}

export function useHousehold(id: string | null) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'household', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<Household>(`/api/households/${encodeURIComponent(id ?? '')}`, signal),
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePersonRequest) => api.post<Person>('/api/people', input),
    onSuccess: (person) => {
      queryClient.setQueryData(personKey(person.id), person);
      return queryClient.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'list'] });
    },
  });
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<CreatePersonRequest> & { version: number }) => api.patch<Person>(`/api/people/${encodeURIComponent(id)}`, patch),
    onSuccess: (person) => {
      queryClient.setQueryData(personKey(person.id), person);
      void queryClient.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'timeline', id] });
      return queryClient.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'list'] });
    },
  });
}

export function useSetBenefit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ benefit, ...body }: SetBenefitRequest & { benefit: BenefitCode }) =>
      api.put<Person>(`/api/people/${encodeURIComponent(id)}/benefits/${benefit}`, body),
    onSuccess: (person) => {
      queryClient.setQueryData(personKey(person.id), person);
      return queryClient.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'timeline', id] });
    },
  });
}

export function useReportDanger(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { reportedAt: string; reportedTo: string; what: string }) =>
      api.post<DangerReport>(`/api/people/${encodeURIComponent(id)}/danger-reports`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: DANGER_KEY });
      return queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
    },
  });
}

export function useOpenDangerReports(enabled: boolean) {
  return useQuery({
    queryKey: DANGER_KEY,
    enabled,
    queryFn: ({ signal }) => api.get<{ items: DangerReport[] }>('/api/danger-reports', signal),
  });
}

export function useAcknowledgeDanger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/danger-reports/${encodeURIComponent(id)}/acknowledge`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
      return queryClient.invalidateQueries({ queryKey: DANGER_KEY });
    },
  });
}

/** The .xlsx ledger of the current filters: a plain navigation, so the session cookie goes along. */
export function exportUrl(filters: PeopleFilters): string {
  return withQuery('/api/people/export', peopleQuery(filters));
}

export const IMPORT_TEMPLATE_URL = '/api/people/import-template';

export function previewImport(file: File): Promise<ImportPreview> {
  return apiUpload<ImportPreview>('/api/people/import/preview', file);
}

export function saveImportMapping(input: { signature: string; name: string; mapping: Record<string, string | null> }): Promise<unknown> {
  return api.put<unknown>('/api/people/import/mappings', input);
}

export function runImport(file: File, options: { dryRun: boolean; villageId?: string; groups?: string[] }): Promise<ImportResult> {
  return apiUpload<ImportResult>(
    withQuery('/api/people/import', {
      dryRun: String(options.dryRun),
      villageId: options.villageId,
      groups: options.groups && options.groups.length > 0 ? options.groups.join(',') : undefined,
    }),
    file,
  );
}
