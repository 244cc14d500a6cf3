import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../testing/test-app';
import type { OrgNode } from '../../../shared/schemas/orgs';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => {
  await t.close();
});

const names = (nodes: OrgNode[]) => nodes.map((n) => n.name);

describe('the org tree', () => {
  it('a worker sees their station and its villages only', async () => {
    const worker = await t.login('anyuan.worker');
    const tree: OrgNode[] = (await worker.inject({ method: 'GET', url: '/api/orgs' })).json();
    expect(names(tree)).toEqual(['安远镇社工站']);
    expect(tree[0]!.children).toHaveLength(8);
    expect(tree[0]!.children.every((v) => v.level === 'village' && v.parentId === t.demo.stations.anyuan.id)).toBe(true);
  });

  it('the county sees the county with both stations; the admin sees every county', async () => {
    const county = await t.login('county');
    const tree: OrgNode[] = (await county.inject({ method: 'GET', url: '/api/orgs' })).json();
    expect(names(tree)).toEqual(['天祝藏族自治县']);
    expect(tree[0]).toMatchObject({ level: 'county', code: '620623' });
    expect(names(tree[0]!.children).sort()).toEqual(['安远镇社工站', '打柴沟镇社工站'].sort());
    const admin = await t.login('admin');
    expect(names((await admin.inject({ method: 'GET', url: '/api/orgs' })).json())).toEqual(['天祝藏族自治县']);
  });

  it('one org reads by id within scope; outside scope it is 404', async () => {
    const worker = await t.login('dachaigou.worker');
    const own = await worker.inject({ method: 'GET', url: `/api/orgs/${t.demo.stations.dachaigou.villageIds[0]}` });
    expect(own.statusCode).toBe(200);
    const other = await worker.inject({ method: 'GET', url: `/api/orgs/${t.demo.stations.anyuan.villageIds[0]}` });
    expect(other.statusCode).toBe(404);
    expect((await worker.inject({ method: 'GET', url: '/api/orgs/not-a-uuid' })).statusCode).toBe(400);
  });
});

describe('villages', () => {
  it('a manager adds a village to their station, audited, and sees it in the tree', async () => {
    const manager = await t.login('anyuan.manager');
    const created = await manager.inject({ method: 'POST', url: '/api/orgs', payload: { parentId: t.demo.stations.anyuan.id, name: '  新庄村 ' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '新庄村', level: 'village', parentId: t.demo.stations.anyuan.id, version: 1 });
    const tree: OrgNode[] = (await manager.inject({ method: 'GET', url: '/api/orgs' })).json();
    expect(names(tree[0]!.children)).toContain('新庄村');
    const audit = (await manager.inject({ method: 'GET', url: '/api/audit?action=org.create' })).json();
    expect(audit.items[0]).toMatchObject({ entityId: created.json().id, actorUsername: 'anyuan.manager' });
  });

  it('a second village of the same name in the station is a DUPLICATE', async () => {
    const manager = await t.login('anyuan.manager');
    const response = await manager.inject({ method: 'POST', url: '/api/orgs', payload: { parentId: t.demo.stations.anyuan.id, name: '青石村' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('DUPLICATE');
  });

  it('a village goes only under a station; a blank name is refused', async () => {
    const manager = await t.login('anyuan.manager');
    const underVillage = await manager.inject({ method: 'POST', url: '/api/orgs', payload: { parentId: t.demo.stations.anyuan.villageIds[0], name: '某村' } });
    expect(underVillage.statusCode).toBe(400);
    expect(underVillage.json().error.details).toEqual([{ path: 'parentId', message: '村(社区)只能建在社工站之下。' }]);
    const blank = await manager.inject({ method: 'POST', url: '/api/orgs', payload: { parentId: t.demo.stations.anyuan.id, name: '   ' } });
    expect(blank.json().error.details).toEqual([{ path: 'name', message: '名称不能为空。' }]);
  });

  it('renaming names the version read; a stale version gets 409 with the current village', async () => {
    const manager = await t.login('anyuan.manager');
    const id = t.demo.stations.anyuan.villageIds[1]!;
    const first = await manager.inject({ method: 'PATCH', url: `/api/orgs/${id}`, payload: { version: 1, name: '青石新村' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: '青石新村', version: 2 });
    const stale = await manager.inject({ method: 'PATCH', url: `/api/orgs/${id}`, payload: { version: 1, name: '青石老村' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { id, name: '青石新村', version: 2 } } });
  });

  it('a manager may not rename the station itself; the county and workers may not write at all', async () => {
    const manager = await t.login('anyuan.manager');
    const station = await manager.inject({ method: 'PATCH', url: `/api/orgs/${t.demo.stations.anyuan.id}`, payload: { version: 1, name: '改名站' } });
    expect(station.statusCode).toBe(403);
    for (const username of ['county', 'anyuan.worker', 'anyuan.volunteer']) {
      const session = await t.login(username);
      const response = await session.inject({ method: 'POST', url: '/api/orgs', payload: { parentId: t.demo.stations.anyuan.id, name: '不该有的村' } });
      expect(response.statusCode, username).toBe(403);
    }
  });
});
