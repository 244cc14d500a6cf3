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
  personId: string;
  householdId: string;
  dangerReportId: string;
}

export interface CrossStationCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  permission: Permission;
  url(records: AnyuanRecords): string;
  body?(records: AnyuanRecords): unknown;
  /** A create naming another station's village is refused as bad input (the village is unknown to the caller), not 404. */
  expect?: 400;
}

/** Makes one record of each kind in Anyuan, through the API as an Anyuan worker. */
export async function anyuanRecords(t: TestApp): Promise<AnyuanRecords> {
  const worker = await t.login('anyuan.worker');
  const villageId = t.demo.stations.anyuan.villageIds[0]!;
  const household = (await worker.inject({ method: 'POST', url: '/api/households', payload: { villageId, address: '安远测试户' } })).json<{ id: string }>();
  const person = (
    await worker.inject({ method: 'POST', url: '/api/people', payload: { name: '安远儿童', villageId, householdId: household.id, birthDate: '2016-05-05', groups: ['left_behind_child'] } })
  ).json<{ id: string }>();
  const report = (
    await worker.inject({ method: 'POST', url: `/api/people/${person.id}/danger-reports`, payload: { reportedAt: '2026-11-28T10:00:00+08:00', reportedTo: '派出所', what: '测试' } })
  ).json<{ id: string }>();
  return {
    stationId: t.demo.stations.anyuan.id,
    villageId,
    workerUserId: t.demo.userIds['anyuan.worker']!,
    managerUserId: t.demo.userIds['anyuan.manager']!,
    personId: person.id,
    householdId: household.id,
    dangerReportId: report.id,
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
  // people
  { name: 'read an Anyuan file', method: 'GET', permission: 'people:read', url: (r) => `/api/people/${r.personId}` },
  { name: 'reveal an Anyuan identity number', method: 'GET', permission: 'people:read', url: (r) => `/api/people/${r.personId}?reveal=idNumber` },
  { name: 'read an Anyuan timeline', method: 'GET', permission: 'people:read', url: (r) => `/api/people/${r.personId}/timeline` },
  { name: 'change an Anyuan file', method: 'PATCH', permission: 'people:write', url: (r) => `/api/people/${r.personId}`, body: () => ({ version: 1, notes: '越权' }) },
  { name: 'create a file in an Anyuan village', method: 'POST', permission: 'people:write', url: () => '/api/people', body: (r) => ({ name: '越权', villageId: r.villageId }), expect: 400 },
  { name: 'record a benefit on an Anyuan file', method: 'PUT', permission: 'people:write', url: (r) => `/api/people/${r.personId}/benefits/dibao`, body: () => ({ status: 'applied' }) },
  { name: 'report danger for an Anyuan child', method: 'POST', permission: 'people:write', url: (r) => `/api/people/${r.personId}/danger-reports`, body: () => ({ reportedAt: '2026-11-28T10:00:00+08:00', reportedTo: 'x', what: 'y' }) },
  { name: 'acknowledge an Anyuan danger report', method: 'POST', permission: 'danger:acknowledge', url: (r) => `/api/danger-reports/${r.dangerReportId}/acknowledge` },
  { name: 'read an Anyuan household', method: 'GET', permission: 'people:read', url: (r) => `/api/households/${r.householdId}` },
  { name: 'change an Anyuan household', method: 'PATCH', permission: 'people:write', url: (r) => `/api/households/${r.householdId}`, body: () => ({ version: 1, address: '越权' }) },
  { name: 'create a household in an Anyuan village', method: 'POST', permission: 'people:write', url: () => '/api/households', body: (r) => ({ villageId: r.villageId }), expect: 400 },
  // people import and export
  { name: 'import into an Anyuan village (as the default village)', method: 'POST', permission: 'people:import', url: (r) => `/api/people/import?dryRun=false&villageId=${r.villageId}`, expect: 400 },
  { name: 'export with an Anyuan village as the filter', method: 'GET', permission: 'people:export', url: (r) => `/api/people/export?villageId=${r.villageId}`, expect: 400 },
];
