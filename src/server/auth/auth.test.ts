import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => {
  await t.close();
});

const login = (username: string, password: string, ip = '10.0.0.1', lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip, headers: { 'accept-language': lang } });

describe('sign-in', () => {
  it('a worker signs in and gets the user, a CSRF token and a strict httpOnly cookie', async () => {
    const response = await login('anyuan.worker', 'demo-2026');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({
      username: 'anyuan.worker',
      role: 'worker',
      stationId: t.demo.stations.anyuan.id,
      scope: { level: 'station', orgId: t.demo.stations.anyuan.id, orgName: '安远镇社工站' },
    });
    expect(body.user.permissions).toContain('people:read');
    expect(body.user.permissions).not.toContain('pii:reveal');
    expect(body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
    const cookie = response.cookies.find((c) => c.name === 'lm_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('usernames are not case sensitive', async () => {
    expect((await login('Anyuan.Worker', 'demo-2026', '10.0.0.2')).statusCode).toBe(200);
  });

  it('a wrong password and an unknown user get the same answer in the caller language', async () => {
    const wrong = await login('anyuan.manager', 'not-the-password', '10.0.0.3');
    const unknown = await login('nobody.here', 'not-the-password', '10.0.0.3', 'en-US');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确。' } });
    expect(unknown.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' } });
  });

  it('a wrong password, an unknown user and a locked account take about as long to answer', async () => {
    const timed = async (username: string, ip: string) => {
      const start = performance.now();
      await login(username, 'wrong-password', ip);
      return performance.now() - start;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    const locked: number[] = [];
    for (let i = 0; i < 5; i++) await login('locked.out', 'wrong-password', '10.0.9.1');
    // Interleaved, so load on a busy machine falls on all three alike.
    for (let i = 0; i < 4; i++) {
      known.push(await timed(i % 2 ? 'anyuan.worker' : 'Anyuan.Worker', `10.0.7.${i}`));
      unknown.push(await timed(`nobody${i}`, `10.0.8.${i}`));
      locked.push(await timed('locked.out', `10.0.9.${i + 2}`));
    }
    // Every path runs one argon2 verification (tens of ms); skipping it would answer in a tenth of the time.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.35);
    expect(median(locked) / median(known)).toBeGreaterThan(0.35);
    // Clear the worker's failures so later tests start clean.
    expect((await login('anyuan.worker', 'demo-2026', '10.0.7.9')).statusCode).toBe(200);
  });

  it('every new sign-in gets a new token', async () => {
    const a = await t.login('anyuan.worker');
    const b = await t.login('anyuan.worker');
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.csrfToken).not.toBe(b.csrfToken);
  });

  it('five failures in 15 minutes lock the account, even against the right password, until 15 minutes pass', async () => {
    for (let i = 0; i < 4; i++) expect((await login('county', 'wrong-password', '10.0.1.1')).statusCode).toBe(401);
    const fifth = await login('county', 'wrong-password', '10.0.1.1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    expect((await login('county', 'demo-2026', '10.0.1.2')).statusCode).toBe(423);
    t.clock.advanceMinutes(16);
    expect((await login('county', 'demo-2026', '10.0.1.2')).statusCode).toBe(200);
  });

  it('an unknown username locks just like a real one, so lockout reveals nothing', async () => {
    for (let i = 0; i < 4; i++) await login('ghost.user', 'wrong-password', '10.0.2.1');
    expect((await login('ghost.user', 'wrong-password', '10.0.2.1')).statusCode).toBe(423);
  });

  it('failures older than 15 minutes or before a success do not count', async () => {
    for (let i = 0; i < 4; i++) await login('dachaigou.worker', 'wrong-password', '10.0.3.1');
    expect((await login('dachaigou.worker', 'demo-2026', '10.0.3.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login('dachaigou.worker', 'wrong-password', '10.0.3.1');
    t.clock.advanceMinutes(16);
    expect((await login('dachaigou.worker', 'wrong-password', '10.0.3.1')).statusCode).toBe(401);
  });

  it('one address may try 30 sign-ins a minute; past that 429 with Retry-After', async () => {
    t.clock.advanceMinutes(20);
    for (let i = 0; i < 30; i++) {
      const response = await login(`user${i}`, 'wrong-password', '10.9.9.9');
      expect(response.statusCode).toBe(401);
    }
    const limited = await login('anyuan.worker', 'demo-2026', '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected; and a minute later this one may try again.
    expect((await login('anyuan.worker', 'demo-2026', '10.9.9.8')).statusCode).toBe(200);
    t.clock.advance(61_000);
    expect((await login('anyuan.worker', 'demo-2026', '10.9.9.9')).statusCode).toBe(200);
  });

  it('bad login bodies answer VALIDATION_FAILED with the field named', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'password', message: '此项必填。' }] });
  });
});

describe('sessions', () => {
  it('me answers the user and the same CSRF token; without a session 401', async () => {
    const session = await t.login('anyuan.manager');
    const me = await session.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'anyuan.manager', role: 'manager' }, csrfToken: session.csrfToken });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a state-changing request without the CSRF header, or with a wrong one, is refused with 403 CSRF', async () => {
    const session = await t.login('anyuan.worker');
    const missing = await session.inject({ method: 'POST', url: '/api/auth/logout', csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF');
    const wrong = await session.inject({ method: 'POST', url: '/api/auth/logout', csrf: false, headers: { 'x-csrf-token': 'f'.repeat(64) } });
    expect(wrong.statusCode).toBe(403);
    // The session survived both attempts.
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('a session idle for 30 minutes ends; activity keeps it alive', async () => {
    const session = await t.login('anyuan.worker');
    t.clock.advanceMinutes(25);
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advanceMinutes(25);
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('a session ends 12 hours after sign-in however active it is', async () => {
    const session = await t.login('anyuan.worker');
    for (let i = 0; i < 24; i++) {
      t.clock.advanceMinutes(29);
      await session.inject({ method: 'GET', url: '/api/auth/me' });
    }
    t.clock.advanceMinutes(29);
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('signing out ends the session and clears the cookie', async () => {
    const session = await t.login('anyuan.worker');
    const response = await session.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((c) => c.name === 'lm_session')?.value).toBe('');
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('a new password needs 10 characters; the field is named in the caller language', async () => {
    const session = await t.login('anyuan.volunteer');
    const response = await session.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { 'accept-language': 'en-US' },
      payload: { currentPassword: 'demo-2026', newPassword: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'newPassword', message: 'The password needs at least 10 characters.' }]);
  });

  it('a wrong current password is refused without ending the session', async () => {
    const session = await t.login('anyuan.volunteer');
    const response = await session.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'wrong-one', newPassword: 'a-long-new-password' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'currentPassword', message: '当前密码不正确。' }]);
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('changing the password ends every other session and keeps this browser signed in', async () => {
    const other = await t.login('anyuan.volunteer');
    const session = await t.login('anyuan.volunteer');
    const response = await session.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'demo-2026', newPassword: 'river-stone-2027' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'lm_session')!;
    expect((await other.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await session.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const renewed = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `lm_session=${cookie.value}` } });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.json().csrfToken).toBe(response.json().csrfToken);
    expect((await login('anyuan.volunteer', 'demo-2026', '10.0.5.1')).statusCode).toBe(401);
    expect((await login('anyuan.volunteer', 'river-stone-2027', '10.0.5.1')).statusCode).toBe(200);
  });
});

describe('headers', () => {
  it('replies carry the security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
