import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestApp, type Session, type TestApp } from '../../testing/test-app';
import { makeIdNumber, makePerson, makePhone } from '../../testing/factories';
import { auditEvents, people } from '../../db/schema/index';
import type { CreatePersonRequest } from '../../../shared/schemas/people';

let t: TestApp;
let worker: Session;
let manager: Session;
let village: string;
let otherVillage: string;

beforeAll(async () => {
  t = await makeTestApp();
  worker = await t.login('anyuan.worker');
  manager = await t.login('anyuan.manager');
  village = t.demo.stations.anyuan.villageIds[0]!;
  otherVillage = t.demo.stations.anyuan.villageIds[1]!;
});
afterAll(async () => {
  await t.close();
});

describe('creating a file', () => {
  it('derives sex, birth date and age from the identity number, stores it encrypted and shows it masked', async () => {
    const idNumber = makeIdNumber('1950-03-08', 'female');
    const response = await worker.inject({
      method: 'POST',
      url: '/api/people',
      payload: { name: '李秀英', villageId: village, idNumber, ethnicity: 'tibetan', phone: '139 0935 1234', groups: ['elder', 'solitary_elder'], riskLevel: 'high', livingSituation: 'alone' },
    });
    expect(response.statusCode).toBe(201);
    const person = response.json();
    expect(person).toMatchObject({ name: '李秀英', gender: 'female', birthDate: '1950-03-08', age: 76, villageName: '黄羊川村', phone: '13909351234', riskLevel: 'high', version: 1 });
    expect(person.idNumberMasked).toBe(`620623********${idNumber.slice(-4)}`);
    expect(person).not.toHaveProperty('idNumber');
    expect(person.eligibleBenefits).toContain('tekun');
    const [row] = await t.deps.db.select().from(people).where(eq(people.id, person.id));
    expect(row!.idNumberCipher).not.toContain(idNumber.slice(6, 14));
    expect(JSON.stringify(row)).not.toContain(idNumber);
  });

  it('a bad checksum is 400 ID_NUMBER_INVALID in the caller language, and nothing is written', async () => {
    const good = makeIdNumber('2015-06-01', 'male');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const before = (await t.deps.db.select({ id: people.id }).from(people)).length;
    const response = await worker.inject({ method: 'POST', url: '/api/people', headers: { 'accept-language': 'en-US' }, payload: { name: '王小明', villageId: village, idNumber: bad } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'ID_NUMBER_INVALID', details: [{ path: 'idNumber', message: 'The check character of the identity number is wrong.' }] });
    expect((await t.deps.db.select({ id: people.id }).from(people)).length).toBe(before);
  });

  it('a sex or birth date that disagrees with the number is named', async () => {
    const response = await worker.inject({ method: 'POST', url: '/api/people', payload: { name: '王小明', villageId: village, idNumber: makeIdNumber('2015-06-01', 'male'), gender: 'female' } });
    expect(response.json().error.details).toEqual([{ path: 'gender', message: '性别与身份证号码不符。' }]);
  });

  it('the same identity number twice in a station is a DUPLICATE naming the existing file', async () => {
    const idNumber = makeIdNumber('2016-01-20', 'female');
    const first = await makePerson(worker, { name: '卓玛', villageId: village, idNumber });
    const again = await worker.inject({ method: 'POST', url: '/api/people', payload: { name: '卓玛二', villageId: otherVillage, idNumber } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE', details: { existingId: first.id } });
    // The other station may hold the same person: duplicates are checked within a station.
    const dachaigou = await t.login('dachaigou.worker');
    const there = await dachaigou.inject({ method: 'POST', url: '/api/people', payload: { name: '卓玛', villageId: t.demo.stations.dachaigou.villageIds[0], idNumber } });
    expect(there.statusCode).toBe(201);
  });

  it('sending the same client id again returns the existing file and creates nothing', async () => {
    const id = '01900000-0000-7000-8000-000000000001';
    const first = await worker.inject({ method: 'POST', url: '/api/people', payload: { id, name: '马玉兰', villageId: village } });
    const second = await worker.inject({ method: 'POST', url: '/api/people', payload: { id, name: '马玉兰', villageId: village } });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(id);
    expect((await t.deps.db.select().from(people).where(eq(people.id, id))).length).toBe(1);
  });

  it('age-bound groups are checked against the birth date', async () => {
    const response = await worker.inject({ method: 'POST', url: '/api/people', payload: { name: '张强', villageId: village, birthDate: '2008-01-01', groups: ['left_behind_child'] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'groups.0', message: '年龄超出该类别的上限。' }]);
  });

  it('a village outside the station, an unknown group or a bad phone are refused by field', async () => {
    const response = await worker.inject({ method: 'POST', url: '/api/people', payload: { name: '张强', villageId: t.demo.stations.dachaigou.villageIds[0], phone: '12345' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual(['phone']);
    const outside = await worker.inject({ method: 'POST', url: '/api/people', payload: { name: '张强', villageId: t.demo.stations.dachaigou.villageIds[0] } });
    expect(outside.json().error.details).toEqual([{ path: 'villageId', message: '村(社区)不存在或不在您的范围内。' }]);
    const group = await worker.inject({ method: 'POST', url: '/api/people', payload: { name: '张强', villageId: village, groups: ['astronaut'] } });
    expect(group.json().error.details[0].path).toBe('groups.0');
  });
});

describe('search', () => {
  let target: { id: string };
  const phone = makePhone();
  const idNumber = makeIdNumber('2014-09-09', 'male');
  beforeAll(async () => {
    target = await makePerson(worker, { name: '索南才让', villageId: otherVillage, idNumber, phone, groups: ['left_behind_child', 'other_child'], riskLevel: 'medium' });
    await makePerson(worker, { name: '索朗', villageId: village, birthDate: '1940-02-02', groups: ['elder'] });
  });

  const search = async (query: string) =>
    (await worker.inject({ method: 'GET', url: `/api/people?${query}` })).json().items.map((p: { name: string }) => p.name) as string[];

  it('finds by name, full pinyin, initials, phone digits and a whole identity number', async () => {
    expect(await search(`q=${encodeURIComponent('索南')}`)).toEqual(['索南才让']);
    expect(await search(`q=${encodeURIComponent('才让')}`)).toContain('索南才让');
    expect(await search('q=suonancairang')).toEqual(['索南才让']);
    expect(await search('q=snc')).toEqual(['索南才让']);
    expect(await search(`q=${phone.slice(3, 9)}`)).toEqual(['索南才让']);
    expect(await search(`q=${idNumber}`)).toEqual(['索南才让']);
    expect(await search(`q=${idNumber.slice(0, 16)}`)).toEqual([]);
  });

  it('filters by group, village, risk level and age', async () => {
    expect(await search('group=left_behind_child')).toContain('索南才让');
    expect(await search('group=left_behind_child')).not.toContain('索朗');
    expect(await search(`villageId=${village}&q=suo`)).toEqual(['索朗']);
    expect(await search('riskLevel=medium&q=suo')).toEqual(['索南才让']);
    expect(await search('minAge=80&q=suo')).toEqual(['索朗']);
    expect(await search('maxAge=15&q=suo')).toEqual(['索南才让']);
  });

  it('pages by name pinyin with a cursor, every file once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await worker.inject({ method: 'GET', url: `/api/people?limit=2${cursor ? `&cursor=${cursor}` : ''}` })).json();
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(target.id);
  });

  it('a volunteer sees no one until paired', async () => {
    const volunteer = await t.login('anyuan.volunteer');
    expect((await volunteer.inject({ method: 'GET', url: '/api/people' })).json().items).toEqual([]);
    expect((await volunteer.inject({ method: 'GET', url: `/api/people/${target.id}` })).statusCode).toBe(404);
  });
});

describe('reading and changing a file', () => {
  it('a read is audited; the whole number only for a manager, audited apart; a worker asking is refused', async () => {
    const idNumber = makeIdNumber('1948-12-12', 'male');
    const person = await makePerson(worker, { name: '韩有福', villageId: village, idNumber });
    expect((await worker.inject({ method: 'GET', url: `/api/people/${person.id}` })).statusCode).toBe(200);
    expect((await worker.inject({ method: 'GET', url: `/api/people/${person.id}?reveal=idNumber` })).statusCode).toBe(403);
    const revealed = await manager.inject({ method: 'GET', url: `/api/people/${person.id}?reveal=idNumber` });
    expect(revealed.json().idNumber).toBe(idNumber);
    expect(revealed.headers['cache-control']).toBe('no-store');
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, person.id));
    expect(events.map((e) => e.action).sort()).toEqual(['person.create', 'person.read', 'person.reveal_id']);
  });

  it('a stale version gets 409 with the current file; a risk change is recorded with its reason', async () => {
    const person = await makePerson(worker, { name: '马成', villageId: village, birthDate: '1945-05-05', groups: ['elder'], riskLevel: 'low' });
    const first = await worker.inject({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { version: 1, riskLevel: 'high', riskReason: '冬季取暖不安全', phone: '0935-3123456' } });
    expect(first.statusCode).toBe(200);
    // Fields left out of the patch stay as they were.
    expect(first.json()).toMatchObject({ version: 2, riskLevel: 'high', phone: '0935-3123456', groups: ['elder'], birthDate: '1945-05-05' });
    const stale = await manager.inject({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { version: 1, notes: '另一位社工的修改' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { id: person.id, version: 2, riskLevel: 'high' } } });
    const timeline = (await worker.inject({ method: 'GET', url: `/api/people/${person.id}/timeline` })).json().items;
    expect(timeline.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['person_created', 'file_updated', 'risk_changed']));
    expect(timeline.find((i: { kind: string; title: string }) => i.kind === 'risk_changed' && i.title.includes('冬季取暖不安全'))).toBeTruthy();
  });

  it('changing the birth date of a numbered file must agree with the number', async () => {
    const person = await makePerson(worker, { name: '杨明', villageId: village, idNumber: makeIdNumber('1960-01-01', 'male') });
    const response = await worker.inject({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { version: 1, birthDate: '1961-01-01' } });
    expect(response.json().error.details).toEqual([{ path: 'birthDate', message: '出生日期与身份证号码不符。' }]);
    const keeps = await worker.inject({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { version: 1, address: '新地址' } });
    expect(keeps.json().idNumberMasked).toMatch(/^620623\*{8}/);
  });
});

describe('households, benefits and danger reports', () => {
  it('a household lists its members', async () => {
    const household = (await worker.inject({ method: 'POST', url: '/api/households', payload: { villageId: village, address: '柏树湾村三社12号', tags: ['dibao_household'] } })).json();
    const grandmother = await makePerson(worker, { name: '祁桂兰', villageId: village, birthDate: '1955-04-04', householdId: household.id, relationToHead: '户主' });
    await makePerson(worker, { name: '祁小军', villageId: village, birthDate: '2016-04-04', householdId: household.id, relationToHead: '孙子', groups: ['left_behind_child'] });
    await worker.inject({ method: 'PATCH', url: `/api/households/${household.id}`, payload: { version: 1, headPersonId: grandmother.id } });
    const read = (await worker.inject({ method: 'GET', url: `/api/households/${household.id}` })).json();
    expect(read).toMatchObject({ headPersonId: grandmother.id, version: 2, tags: ['dibao_household'] });
    expect(read.members.map((m: { name: string }) => m.name)).toEqual(['祁桂兰', '祁小军']);
    const wrongVillage = await worker.inject({ method: 'POST', url: '/api/people', payload: { name: '错村', villageId: otherVillage, householdId: household.id } });
    expect(wrongVillage.json().error.details[0].path).toBe('householdId');
  });

  it('a benefit applied for is no longer suggested', async () => {
    const person = await makePerson(worker, { name: '赵老汉', villageId: village, birthDate: '1940-01-01', groups: ['elder'] });
    expect((await worker.inject({ method: 'GET', url: `/api/people/${person.id}` })).json().eligibleBenefits).toEqual(['old_age_allowance']);
    const after = await worker.inject({ method: 'PUT', url: `/api/people/${person.id}/benefits/old_age_allowance`, payload: { status: 'applied', appliedOn: '2026-11-20' } });
    expect(after.statusCode).toBe(200);
    expect(after.json().eligibleBenefits).toEqual([]);
    expect(after.json().benefits).toEqual([expect.objectContaining({ benefit: 'old_age_allowance', status: 'applied', appliedOn: '2026-11-20' })]);
  });

  it('a danger report shows on the manager list until acknowledged, and flags the child', async () => {
    const child = await makePerson(worker, { name: '李小花', villageId: village, birthDate: '2017-07-07', groups: ['left_behind_child'] });
    const report = await worker.inject({
      method: 'POST',
      url: `/api/people/${child.id}/danger-reports`,
      payload: { reportedAt: '2026-11-29T09:30:00+08:00', reportedTo: '安远派出所 王警官', what: '独自在家，身上有伤' },
    });
    expect(report.statusCode).toBe(201);
    const open = (await manager.inject({ method: 'GET', url: '/api/danger-reports' })).json().items;
    expect(open).toEqual([expect.objectContaining({ personName: '李小花', reportedTo: '安远派出所 王警官', reportedBy: '社工 王芳' })]);
    expect((await manager.inject({ method: 'GET', url: `/api/people/${child.id}` })).json().flags.openDangerReport).toBe(true);
    expect((await worker.inject({ method: 'POST', url: `/api/danger-reports/${open[0].id}/acknowledge` })).statusCode).toBe(403);
    expect((await manager.inject({ method: 'POST', url: `/api/danger-reports/${open[0].id}/acknowledge` })).statusCode).toBe(204);
    expect((await manager.inject({ method: 'GET', url: '/api/danger-reports' })).json().items).toEqual([]);
  });
});

describe('who looks eligible', () => {
  it('the station-wide list agrees with the per-person suggestion for every benefit', async () => {
    const fixtures: Omit<CreatePersonRequest, 'villageId'>[] = [
      { name: '高龄甲', birthDate: '1938-03-03', groups: ['elder'] },
      { name: '重残乙', birthDate: '1975-03-03', groups: ['disabled', 'low_income'], disabilityGrade: 1 },
      { name: '孤寡丙', birthDate: '1952-03-03', groups: ['elder', 'solitary_elder', 'needy_household'] },
      { name: '孤儿丁', birthDate: '2014-03-03', groups: ['unsupported_child'] },
      { name: '普通戊', birthDate: '1990-03-03', groups: ['woman'], gender: 'female' },
      { name: '残疾己', birthDate: '1980-03-03', groups: ['disabled'], disabilityGrade: 3 },
    ];
    const ids = new Set<string>();
    for (const fixture of fixtures) ids.add((await makePerson(manager, { villageId: otherVillage, ...fixture })).id);
    for (const benefit of ['dibao', 'tekun', 'temporary_aid', 'disability_living', 'disability_care', 'old_age_allowance']) {
      const listed = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (await manager.inject({ method: 'GET', url: `/api/benefits/eligible?benefit=${benefit}&limit=200${cursor ? `&cursor=${cursor}` : ''}` })).json();
        page.items.forEach((p) => listed.add(p.id));
        cursor = page.nextCursor;
      } while (cursor);
      for (const id of ids) {
        const person = (await manager.inject({ method: 'GET', url: `/api/people/${id}` })).json();
        expect(listed.has(id), `${person.name} ${benefit}`).toBe(person.eligibleBenefits.includes(benefit));
      }
    }
  });
});

describe('sections with phones', () => {
  it("a child's guardian, parents and child director with phones are saved and read back", async () => {
    const response = await worker.inject({
      method: 'POST',
      url: '/api/people',
      payload: {
        name: '杨小燕',
        villageId: village,
        birthDate: '2015-02-02',
        groups: ['left_behind_child'],
        child: {
          guardian: { name: '杨奶奶', phone: '139 0935 0000', relation: '祖母', capacity: 'fair' },
          parents: [{ role: 'father', status: 'away', phone: '138-0000-1111', workProvince: '新疆', workCity: '乌鲁木齐', contactFrequency: 'weekly' }],
          childDirector: { name: '马主任', phone: '0935-3120000' },
        },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const read = (await worker.inject({ method: 'GET', url: `/api/people/${response.json().id}` })).json();
    expect(read.child.guardian.phone).toBe('13909350000');
    expect(read.child.parents[0].phone).toBe('13800001111');
  });
});
