import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import type { Page, Role, UserRow } from '../../app/types';

const USERS_KEY = ['users'] as const;
const PAGE_SIZE = 50;

export function useUsers(q: string) {
  return useInfiniteQuery({
    queryKey: [...USERS_KEY, { q }],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<UserRow>>(withQuery('/api/users', { q, limit: PAGE_SIZE, cursor: pageParam }), signal),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  orgId: string | null;
  password: string;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<UserRow>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export interface UpdateUserInput {
  id: string;
  version: number;
  displayName?: string;
  role?: Role;
  disabled?: boolean;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateUserInput) => api.patch<UserRow>(`/api/users/${encodeURIComponent(id)}`, patch),
    // A 409 also means our copy is stale: refresh either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post<void>(`/api/users/${encodeURIComponent(id)}/password`, { password }),
  });
}
