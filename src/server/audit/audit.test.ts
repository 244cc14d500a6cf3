import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { makeTestApp, type TestApp } from '../testing/test-app';
import { auditEvents } from '../db/schema/index';
import { canonicalJson, verifyAuditChains } from './audit';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('canonical JSON', () => {
  it('sorts keys at every level so jsonb reordering does not change a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
  });
});

describe('the audit trail', () => {
  it('records successful and failed sign-ins in the station chain, with address and outcome', async () => {
    await t.login('anyuan.worker', 'demo-2026', '192.0.2.7');
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'anyuan.worker', password: 'wrong-password' }, remoteAddress: '192.0.2.7' });
    const rows = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login'));
    const worker = rows.filter((r) => r.actorUsername === 'anyuan.worker');
    expect(worker.map((r) => r.outcome).sort()).toEqual(['failed', 'ok']);
    for (const row of worker) {
      expect(row.chain).toBe(t.demo.stations.anyuan.id);
      expect(row.ip).toBe('192.0.2.7');
    }
  });

  it('refuses UPDATE and DELETE of audit rows at the database', async () => {
    await expect(t.deps.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(t.deps.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });

  it('a manager pages through their station only, newest first; a worker may not', async () => {
    const manager = await t.login('anyuan.manager');
    await t.login('dachaigou.worker');
    const first = await manager.inject({ method: 'GET', url: '/api/audit?limit=2' });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = (await manager.inject({ method: 'GET', url: `/api/audit?limit=200&cursor=${page1.nextCursor}` })).json();
    const all = [...page1.items, ...page2.items];
    expect(new Set(all.map((e: { id: string }) => e.id)).size).toBe(all.length);
    expect(all.every((e: { stationId: string }) => e.stationId === t.demo.stations.anyuan.id)).toBe(true);
    const times = all.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.some((e: { actorUsername: string }) => e.actorUsername === 'dachaigou.worker')).toBe(false);

    const filtered = (await manager.inject({ method: 'GET', url: '/api/audit?action=auth.&from=2026-11-29&to=2026-11-29' })).json();
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    const tomorrow = (await manager.inject({ method: 'GET', url: '/api/audit?from=2026-11-30' })).json();
    expect(tomorrow.items).toEqual([]);

    const worker = await t.login('anyuan.worker');
    expect((await worker.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
  });

  it('refuses a forged cursor and a bad date with VALIDATION_FAILED', async () => {
    const manager = await t.login('anyuan.manager');
    expect((await manager.inject({ method: 'GET', url: '/api/audit?cursor=bm90LWEtY3Vyc29y' })).json().error.code).toBe('VALIDATION_FAILED');
    expect((await manager.inject({ method: 'GET', url: '/api/audit?from=2026-02-30' })).json().error.code).toBe('VALIDATION_FAILED');
  });

  it('a denied action is itself audited', async () => {
    const worker = await t.login('anyuan.worker');
    await worker.inject({ method: 'POST', url: '/api/users', payload: {} });
    const [denied] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'access.denied'));
    expect(denied).toMatchObject({ outcome: 'denied', actorUsername: 'anyuan.worker' });
  });
});

describe('verifying the chains', () => {
  it('finds every chain intact after ordinary use', async () => {
    const report = await verifyAuditChains(t.deps.db);
    expect(report.breaks).toEqual([]);
    expect(report.chains).toBeGreaterThanOrEqual(3);
    expect(report.events).toBeGreaterThan(5);
  });

  it('names the event whose row was altered behind the app', async () => {
    const anyuan = t.demo.stations.anyuan.id;
    const [victim] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.chain, anyuan)).orderBy(auditEvents.seq).limit(1).offset(1);
    // Someone with database rights switches the guard off and edits a row.
    await t.deps.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await t.deps.db.execute(sql`update audit_events set ip = '203.0.113.1' where id = ${victim!.id}`);
    const report = await verifyAuditChains(t.deps.db);
    expect(report.breaks).toEqual([{ chain: anyuan, seq: victim!.seq, eventId: victim!.id, reason: 'hash_mismatch' }]);

    // A removed row shows as a gap where it was.
    const dachaigou = t.demo.stations.dachaigou.id;
    const [removed] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.chain, dachaigou)).orderBy(auditEvents.seq).limit(1);
    await t.deps.db.execute(sql`delete from audit_events where id = ${removed!.id}`);
    await t.deps.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    const after = await verifyAuditChains(t.deps.db);
    expect(after.breaks).toContainEqual(expect.objectContaining({ chain: dachaigou, seq: removed!.seq, reason: 'sequence_gap' }));
  });
});
