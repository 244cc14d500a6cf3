import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { makeTestApp, type TestApp } from './testing/test-app';
import Fastify from 'fastify';
import { orgs } from './db/schema/index';
import { installGuard } from './auth/guard';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
});
afterAll(async () => {
  await t.close();
});

const orgCount = async () => (await t.deps.db.select({ n: count() }).from(orgs))[0]!.n;

describe('health and documentation', () => {
  it('health answers the database mode without signing in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: t.database.kind, version: expect.any(String) });
  });

  it('the OpenAPI document describes the routes, and the docs page is served', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/orgs', '/api/orgs/{id}', '/api/users', '/api/audit']));
    expect(spec.paths['/api/auth/login'].post.requestBody).toBeTruthy();
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('an API route that does not declare who may call it stops the app from starting', async () => {
    const app = Fastify({ logger: false });
    installGuard(app, t.deps);
    expect(() => app.get('/api/forgotten', async () => ({ leaked: true }))).toThrow('declares no config.access');
    await app.close();
  });
});

describe('bad input gets the error shape and writes nothing', () => {
  it('malformed JSON', async () => {
    const manager = await t.login('anyuan.manager');
    const before = await orgCount();
    const response = await manager.inject({ method: 'POST', url: '/api/orgs', headers: { 'content-type': 'application/json' }, payload: '{"parentId": ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '', message: '请求内容不是有效的 JSON。' }] });
    expect(await orgCount()).toBe(before);
  });

  it('unknown fields and wrong types, each named, in English on request', async () => {
    const manager = await t.login('anyuan.manager');
    const before = await orgCount();
    const response = await manager.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { 'accept-language': 'en-US' },
      payload: { parentId: t.demo.stations.anyuan.id, name: 42, secretField: true },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.message).toBe('Some fields are not valid; please check them.');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Expected text.' },
        { path: '', message: 'Unknown field(s): secretField.' },
      ]),
    );
    expect(await orgCount()).toBe(before);
  });

  it('an oversize body is 413', async () => {
    const manager = await t.login('anyuan.manager');
    const response = await manager.inject({ method: 'POST', url: '/api/orgs', payload: { parentId: t.demo.stations.anyuan.id, name: '村'.repeat(5000) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a body that is not JSON is 415', async () => {
    const manager = await t.login('anyuan.manager');
    const response = await manager.inject({ method: 'POST', url: '/api/orgs', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(response.statusCode).toBe(415);
  });

  it('an unknown API address is a 404 in the error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { 'accept-language': 'en-US' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found, or outside your scope.' } });
  });

  it('a protected route answers 401 before it looks at the body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/orgs', payload: 'not json', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(401);
  });
});
