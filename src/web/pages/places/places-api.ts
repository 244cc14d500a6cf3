import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { OrgLevel, OrgNode } from '../../app/types';

export const ORGS_KEY = ['orgs'] as const;

/** The org tree in the caller's scope (GET /api/orgs). */
export function useOrgTree() {
  return useQuery({
    queryKey: ORGS_KEY,
    queryFn: ({ signal }) => api.get<OrgNode[]>('/api/orgs', signal),
  });
}

export function useCreateVillage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { parentId: string; name: string }) => api.post<OrgNode>('/api/orgs', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

export function useRenameOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; name: string }) =>
      api.patch<OrgNode>(`/api/orgs/${encodeURIComponent(input.id)}`, { version: input.version, name: input.name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}

/** Every node of the forest, parents before children. */
export function flattenOrgs(roots: readonly OrgNode[]): OrgNode[] {
  const out: OrgNode[] = [];
  const visit = (node: OrgNode) => {
    out.push(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

export function countByLevel(roots: readonly OrgNode[]): Record<OrgLevel, number> {
  const counts: Record<OrgLevel, number> = { county: 0, station: 0, village: 0 };
  for (const node of flattenOrgs(roots)) counts[node.level] += 1;
  return counts;
}

/** Finds a node by id anywhere in the forest. */
export function findOrg(roots: readonly OrgNode[], id: string | null): OrgNode | undefined {
  if (!id) return undefined;
  return flattenOrgs(roots).find((node) => node.id === id);
}
