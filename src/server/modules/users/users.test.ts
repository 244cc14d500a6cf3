import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => {
  await t.close();
});

const newWorker = (overrides: Record<string, unknown> = {}) => ({
  username: 'anyuan.worker2',
  displayName: '社工 李娟',
  role: 'worker',
  orgId: t.demo.stations.anyuan.id,
  password: 'mountain-road-17',
  ...overrides,
});

describe('accounts', () => {
  it('an admin creates a worker who can then sign in to their station', async () => {
    const admin = await t.login('admin');
    const response = await admin.inject({ method: 'POST', url: '/api/users', payload: newWorker() });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ username: 'anyuan.worker2', role: 'worker', stationId: t.demo.stations.anyuan.id, orgName: '安远镇社工站', disabled: false });
    expect(response.json()).not.toHaveProperty('passwordHash');
    const session = await t.login('anyuan.worker2', 'mountain-road-17');
    const me = (await session.inject({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me.user.stationId).toBe(t.demo.stations.anyuan.id);
  });

  it('a taken username is a DUPLICATE; a short password and an unfitting org are refused by field', async () => {
    const admin = await t.login('admin');
    expect((await admin.inject({ method: 'POST', url: '/api/users', payload: newWorker({ username: 'anyuan.worker' }) })).json().error.code).toBe('DUPLICATE');
    const short = await admin.inject({ method: 'POST', url: '/api/users', payload: newWorker({ username: 'x.short', password: 'short' }) });
    expect(short.json().error.details).toEqual([{ path: 'password', message: '密码至少 10 个字符。' }]);
    const county = await admin.inject({ method: 'POST', url: '/api/users', payload: newWorker({ username: 'x.county', role: 'county' }) });
    expect(county.statusCode).toBe(400);
    expect(county.json().error.details[0].path).toBe('orgId');
    const badName = await admin.inject({ method: 'POST', url: '/api/users', payload: newWorker({ username: '张三' }) });
    expect(badName.json().error.details[0].path).toBe('username');
  });

  it('a manager lists the accounts of their station only and may not create one', async () => {
    const manager = await t.login('anyuan.manager');
    const list = (await manager.inject({ method: 'GET', url: '/api/users' })).json();
    const usernames = list.items.map((u: { username: string }) => u.username);
    expect(usernames).toContain('anyuan.worker');
    expect(usernames).not.toContain('dachaigou.worker');
    expect(usernames).not.toContain('admin');
    expect((await manager.inject({ method: 'POST', url: '/api/users', payload: newWorker({ username: 'by.manager' }) })).statusCode).toBe(403);
    expect((await manager.inject({ method: 'GET', url: `/api/users/${t.demo.userIds['dachaigou.worker']}` })).statusCode).toBe(404);
  });

  it('the admin pages through every account in username order', async () => {
    const admin = await t.login('admin');
    const first = (await admin.inject({ method: 'GET', url: '/api/users?limit=3' })).json();
    const rest = (await admin.inject({ method: 'GET', url: `/api/users?limit=50&cursor=${first.nextCursor}` })).json();
    const all = [...first.items, ...rest.items].map((u: { username: string }) => u.username);
    expect(all).toEqual([...all].sort());
    expect(all).toContain('dachaigou.worker');
    expect(rest.nextCursor).toBeNull();
    const found = (await admin.inject({ method: 'GET', url: '/api/users?q=dachai' })).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(['dachaigou.worker']);
  });

  it('disabling an account ends its sessions and keeps it out; the admin cannot disable themself', async () => {
    const admin = await t.login('admin');
    const victim = await t.login('dachaigou.worker');
    const id = t.demo.userIds['dachaigou.worker']!;
    const response = await admin.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { version: 1, disabled: true } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ disabled: true, version: 2 });
    expect((await victim.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dachaigou.worker', password: 'demo-2026' } });
    expect(again.json().error.code).toBe('INVALID_CREDENTIALS');
    const stale = await admin.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { version: 1, disabled: false } });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.current.version).toBe(2);
    const self = await admin.inject({ method: 'PATCH', url: `/api/users/${t.demo.userIds.admin}`, payload: { version: 1, disabled: true } });
    expect(self.statusCode).toBe(400);
    await admin.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { version: 2, disabled: false } });
  });

  it('a password reset by the admin ends the sessions and the new password works', async () => {
    const admin = await t.login('admin');
    const victim = await t.login('anyuan.volunteer');
    const id = t.demo.userIds['anyuan.volunteer']!;
    expect((await admin.inject({ method: 'POST', url: `/api/users/${id}/password`, payload: { password: 'fresh-start-2026' } })).statusCode).toBe(204);
    expect((await victim.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await t.login('anyuan.volunteer', 'fresh-start-2026');
  });
});
