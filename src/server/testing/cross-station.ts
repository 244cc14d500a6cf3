import type { Permission } from '../../shared/roles';
import type { TestApp } from './test-app';

/**
 * The cross-station suite: every endpoint that takes the id of a station's record, tried by
 * users of another station. Each module adds its endpoints here (with the permission its route
 * declares); `cross-station.test.ts` runs them all as Dachaigou users against Anyuan records and
 * expects 404 (or 403 where the role lacks the permission outright), and that nothing changed.
 */
export interface AnyuanRecords {
  stationId: string;
  villageId: string;
  workerUserId: string;
  managerUserId: string;
}

export interface CrossStationCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  permission: Permission;
  url(records: AnyuanRecords): string;
  body?(records: AnyuanRecords): unknown;
}

export async function anyuanRecords(t: TestApp): Promise<AnyuanRecords> {
  return {
    stationId: t.demo.stations.anyuan.id,
    villageId: t.demo.stations.anyuan.villageIds[0]!,
    workerUserId: t.demo.userIds['anyuan.worker']!,
    managerUserId: t.demo.userIds['anyuan.manager']!,
  };
}

export const crossStationCases: CrossStationCase[] = [
  // orgs
  { name: 'read an Anyuan village', method: 'GET', permission: 'orgs:read', url: (r) => `/api/orgs/${r.villageId}` },
  { name: 'read the Anyuan station', method: 'GET', permission: 'orgs:read', url: (r) => `/api/orgs/${r.stationId}` },
  { name: 'add a village to Anyuan', method: 'POST', permission: 'orgs:write', url: () => '/api/orgs', body: (r) => ({ parentId: r.stationId, name: '越权村' }) },
  { name: 'rename an Anyuan village', method: 'PATCH', permission: 'orgs:write', url: (r) => `/api/orgs/${r.villageId}`, body: () => ({ version: 1, name: '越权改名' }) },
  // users
  { name: 'read an Anyuan account', method: 'GET', permission: 'users:read', url: (r) => `/api/users/${r.workerUserId}` },
  { name: 'change an Anyuan account', method: 'PATCH', permission: 'users:manage', url: (r) => `/api/users/${r.workerUserId}`, body: () => ({ version: 1, disabled: true }) },
  { name: 'reset an Anyuan password', method: 'POST', permission: 'users:manage', url: (r) => `/api/users/${r.managerUserId}/password`, body: () => ({ password: 'taken-over-2026' }) },
];
