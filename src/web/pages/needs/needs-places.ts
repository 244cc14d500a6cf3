import { useMemo } from 'react';
import type { OrgNode } from '../../app/types';
import { flattenOrgs, useOrgTree } from '../places/places-api';

export interface Choice {
  value: string;
  label: string;
}

/**
 * The stations and villages the caller can choose from. Villages follow the chosen station;
 * `several` says whether there is a station to choose at all (county and admin).
 */
export function usePlaces(stationId: string | undefined) {
  const orgs = useOrgTree();
  return useMemo(() => {
    const nodes = flattenOrgs(orgs.data ?? []);
    const stations = nodes.filter((node) => node.level === 'station');
    const within: OrgNode[] = stationId ? flattenOrgs(stations.filter((node) => node.id === stationId)) : nodes;
    const villages: Choice[] = within.filter((node) => node.level === 'village').map((node) => ({ value: node.id, label: node.name }));
    return {
      loading: orgs.isPending,
      several: stations.length > 1,
      stations: stations.map((node): Choice => ({ value: node.id, label: node.name })),
      villages,
      nameOf: (id: string | undefined) => (id ? nodes.find((node) => node.id === id)?.name : undefined),
    };
  }, [orgs.data, orgs.isPending, stationId]);
}
