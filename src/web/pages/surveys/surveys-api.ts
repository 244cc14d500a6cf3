import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import type { Page } from '../../app/types';
import { PEOPLE_KEY, personKey } from '../people/people-api';
import type { Person } from '../people/people-types';
import type {
  AnalysisFilters,
  CreateResponseRequest,
  CreateSurveyRequest,
  Crosstab,
  Ranking,
  Survey,
  SurveyFilters,
  SurveyResponse,
  SurveyResults,
  SurveySummary,
  SurveyTemplate,
  SurveyVersion,
  UpdateSurveyRequest,
} from './survey-types';

export const SURVEYS_KEY = ['surveys'] as const;
const RANKING_KEY = ['needs', 'ranking'] as const;
const LIST_PAGE = 30;
const RESPONSES_PAGE = 50;

const path = (id: string) => `/api/surveys/${encodeURIComponent(id)}`;

export function surveyKey(id: string) {
  return [...SURVEYS_KEY, 'one', id] as const;
}

export function useSurveys(filters: SurveyFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...SURVEYS_KEY, 'list', filters],
    enabled: options.enabled ?? true,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api.get<Page<SurveySummary>>(withQuery('/api/surveys', { ...filters, limit: LIST_PAGE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: surveyKey(id),
    enabled: options.enabled ?? true,
    queryFn: ({ signal }) => api.get<Survey>(path(id), signal),
  });
}

/** The questions of one version (a response is shown with the questions it was filled from). */
export function useSurveyVersion(id: string, number: number | null) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, 'version', id, number],
    enabled: number !== null,
    // A version never changes once made.
    staleTime: Infinity,
    queryFn: ({ signal }) => api.get<SurveyVersion>(`${path(id)}/versions/${number ?? 0}`, signal),
  });
}

/** The ready-made surveys, in the caller's language (the language is part of the key). */
export function useTemplates(language: string, enabled = true) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, 'templates', language],
    enabled,
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) => {
      const reply = await api.get<SurveyTemplate[] | { items: SurveyTemplate[] }>('/api/survey-templates', signal);
      return Array.isArray(reply) ? reply : reply.items;
    },
  });
}

function useAfterSurveyWrite() {
  const queryClient = useQueryClient();
  return (survey: Survey) => {
    queryClient.setQueryData(surveyKey(survey.id), survey);
    return queryClient.invalidateQueries({ queryKey: [...SURVEYS_KEY, 'list'] });
  };
}

export function useCreateSurvey() {
  const after = useAfterSurveyWrite();
  return useMutation({
    mutationFn: (input: CreateSurveyRequest) => api.post<Survey>('/api/surveys', input),
    onSuccess: after,
  });
}

export function useUpdateSurvey(id: string) {
  const after = useAfterSurveyWrite();
  return useMutation({
    mutationFn: (patch: UpdateSurveyRequest) => api.put<Survey>(path(id), patch),
    onSuccess: after,
  });
}

/** Sends a response; the results, ranking and lists of the survey are read again afterwards. */
export function useSubmitResponse(surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateResponseRequest) => api.post<SurveyResponse>(`${path(surveyId)}/responses`, input),
    onSuccess: (response) => {
      void queryClient.invalidateQueries({ queryKey: SURVEYS_KEY });
      void queryClient.invalidateQueries({ queryKey: RANKING_KEY });
      if (response.person) void queryClient.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'timeline', response.person.id] });
    },
  });
}

export function useResponses(surveyId: string, filters: { villageId?: string; versionNumber?: string }, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...SURVEYS_KEY, 'responses', surveyId, filters],
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<SurveyResponse>>(withQuery(`${path(surveyId)}/responses`, { ...filters, limit: RESPONSES_PAGE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One response (reading it is audited: no background refetches). */
export function useResponse(surveyId: string, responseId: string | null) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, 'response', surveyId, responseId],
    enabled: responseId !== null,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api.get<SurveyResponse>(`${path(surveyId)}/responses/${encodeURIComponent(responseId ?? '')}`, signal),
  });
}

export function responsesExportUrl(surveyId: string, filters: { villageId?: string; versionNumber?: string } = {}): string {
  return withQuery(`${path(surveyId)}/responses/export`, filters);
}

export function useResults(surveyId: string, filters: AnalysisFilters, enabled: boolean) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, 'results', surveyId, filters],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<SurveyResults>(withQuery(`${path(surveyId)}/results`, { ...filters }), signal),
  });
}

export function useCrosstab(surveyId: string, question: string | null, by: string, filters: AnalysisFilters, enabled: boolean) {
  return useQuery({
    queryKey: [...SURVEYS_KEY, 'crosstab', surveyId, question, by, filters],
    enabled: enabled && question !== null,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Crosstab>(withQuery(`${path(surveyId)}/crosstab`, { question, by, ...filters }), signal),
  });
}

/** The needs ranking of one survey's respondents, counted for its audience. */
export function useSurveyRanking(surveyId: string, group: string, filters: { villageId?: string; from?: string; to?: string }, enabled: boolean) {
  return useQuery({
    queryKey: [...RANKING_KEY, { surveyId, group, ...filters }],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Ranking>(withQuery('/api/needs/ranking', { group, surveyId, ...filters }), signal),
  });
}

/** A person given by ?personId= (e.g. from the person page), sharing the people pages' cache. */
export function usePersonOnFile(id: string | null) {
  return useQuery({
    queryKey: personKey(id ?? ''),
    enabled: id !== null,
    staleTime: 60_000,
    queryFn: ({ signal }) => api.get<Person>(`/api/people/${encodeURIComponent(id ?? '')}`, signal),
  });
}
