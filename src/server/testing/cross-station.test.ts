import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { makeTestApp, type Session, type TestApp } from './test-app';
import { anyuanRecords, crossStationCases, type AnyuanRecords } from './cross-station';
import {
  campaigns,
  careSettings,
  careTaskEvents,
  careTasks,
  caseEvents,
  cases,
  contactPlanOverrides,
  dangerReports,
  households,
  needs,
  orgs,
  people,
  personBenefits,
  serviceAttachments,
  serviceRecords,
  surveyResponses,
  surveys,
  surveyVersions,
  users,
} from '../db/schema/index';
import { permissionsOf, type Role } from '../../shared/roles';

let t: TestApp;
let records: AnyuanRecords;
const sessions: { session: Session; role: Role }[] = [];

async function snapshot() {
  const station = [records.stationId];
  return JSON.stringify({
    orgRows: await t.deps.db.select().from(orgs).where(inArray(orgs.stationId, station)),
    userRows: await t.deps.db.select().from(users).where(inArray(users.stationId, station)),
    people: await t.deps.db.select().from(people).where(inArray(people.stationId, station)),
    households: await t.deps.db.select().from(households).where(inArray(households.stationId, station)),
    benefits: await t.deps.db.select().from(personBenefits).where(inArray(personBenefits.stationId, station)),
    dangerReports: await t.deps.db.select().from(dangerReports).where(inArray(dangerReports.stationId, station)),
    services: await t.deps.db.select().from(serviceRecords).where(inArray(serviceRecords.stationId, station)),
    attachments: await t.deps.db.select().from(serviceAttachments).where(inArray(serviceAttachments.stationId, station)),
    cases: await t.deps.db.select().from(cases).where(inArray(cases.stationId, station)),
    caseEvents: await t.deps.db.select().from(caseEvents).where(inArray(caseEvents.stationId, station)),
    careSettings: await t.deps.db.select().from(careSettings).where(inArray(careSettings.stationId, station)),
    plans: await t.deps.db.select().from(contactPlanOverrides).where(inArray(contactPlanOverrides.stationId, station)),
    campaigns: await t.deps.db.select().from(campaigns).where(inArray(campaigns.stationId, station)),
    tasks: await t.deps.db.select().from(careTasks).where(inArray(careTasks.stationId, station)),
    taskEvents: await t.deps.db.select().from(careTaskEvents).where(inArray(careTaskEvents.stationId, station)),
    needs: await t.deps.db.select().from(needs).where(inArray(needs.stationId, station)),
    surveys: await t.deps.db.select().from(surveys).where(inArray(surveys.stationId, station)),
    surveyVersions: await t.deps.db.select().from(surveyVersions).where(inArray(surveyVersions.stationId, station)),
    surveyResponses: await t.deps.db.select().from(surveyResponses).where(inArray(surveyResponses.stationId, station)),
  });
}

beforeAll(async () => {
  t = await makeTestApp();
  records = await anyuanRecords(t);
  // A Dachaigou manager holds nearly every permission, so for them scope alone must refuse.
  const admin = await t.login('admin');
  const created = await admin.inject({
    method: 'POST',
    url: '/api/users',
    payload: { username: 'dachaigou.manager', displayName: '打柴沟站长', role: 'manager', orgId: t.demo.stations.dachaigou.id, password: 'dachaigou-manager-1' },
  });
  expect(created.statusCode).toBe(201);
  sessions.push({ session: await t.login('dachaigou.worker'), role: 'worker' });
  sessions.push({ session: await t.login('dachaigou.manager', 'dachaigou-manager-1'), role: 'manager' });
});
afterAll(async () => {
  await t.close();
});

describe('users of another station cannot reach Anyuan records', () => {
  it.each(crossStationCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await snapshot();
    for (const { session, role } of sessions) {
      const response = await session.inject({ method: c.method, url: c.url(records), ...(c.body ? { payload: c.body(records) as object } : {}) });
      const expected = permissionsOf(role).includes(c.permission) ? (c.expect ?? 404) : 403;
      if (expected === 'empty') {
        expect(response.statusCode, `${role}: ${response.body}`).toBe(200);
        expect(response.json<{ items: unknown[] }>().items).toEqual([]);
      } else {
        expect(response.statusCode, `${role}: ${response.body}`).toBe(expected);
      }
      expect(response.body).not.toContain('安远');
    }
    expect(await snapshot()).toBe(before);
  });

  it('the Dachaigou tree shows nothing of Anyuan', async () => {
    for (const { session } of sessions) {
      const body = (await session.inject({ method: 'GET', url: '/api/orgs' })).body;
      expect(body).toContain('打柴沟镇社工站');
      expect(body).not.toContain('安远');
    }
  });

  it('the Dachaigou audit trail shows no Anyuan event', async () => {
    const manager = sessions.find((s) => s.role === 'manager')!.session;
    const page = (await manager.inject({ method: 'GET', url: `/api/audit?limit=200` })).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e: { stationId: string }) => e.stationId === t.demo.stations.dachaigou.id)).toBe(true);
    const asked = (await manager.inject({ method: 'GET', url: `/api/audit?stationId=${records.stationId}` })).json();
    expect(asked.items).toEqual([]);
  });
});
