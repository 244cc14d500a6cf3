import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { makeTestApp, type Session, type TestApp } from '../../testing/test-app';
import { auditEvents, serviceRecordRevisions, serviceRecords } from '../../db/schema/index';
import { multipartFile, readWorkbook } from '../people/import/import-testing';
import type { CreateServiceRequest, ServiceRecord } from '../../../shared/schemas/services';

let t: TestApp;
let worker: Session;
let manager: Session;
let village: string;
let otherVillage: string;
let elderId: string;

/** A tiny valid PNG (1×1). */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

async function makePerson(session: Session, body: Record<string, unknown>): Promise<string> {
  const response = await session.inject({ method: 'POST', url: '/api/people', payload: { villageId: village, ...body } });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

function visit(personId: string, extra: Partial<CreateServiceRequest> = {}): CreateServiceRequest {
  return {
    personId,
    kind: 'home_visit',
    serviceTypes: ['daily_care', 'companionship'],
    startedAt: '2026-11-28T09:30:00+08:00',
    durationMinutes: 45,
    summary: '入户探访，帮老人打扫院子，聊家常。',
    wellbeing: 4,
    ...extra,
  };
}

async function record(session: Session, body: CreateServiceRequest): Promise<ServiceRecord> {
  const response = await session.inject({ method: 'POST', url: '/api/services', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ServiceRecord>();
}

beforeAll(async () => {
  t = await makeTestApp();
  worker = await t.login('anyuan.worker');
  manager = await t.login('anyuan.manager');
  village = t.demo.stations.anyuan.villageIds[0]!;
  otherVillage = t.demo.stations.anyuan.villageIds[1]!;
  elderId = await makePerson(worker, { name: '马桂兰', birthDate: '1946-02-11', gender: 'female', groups: ['elder', 'solitary_elder'], riskLevel: 'high', phone: '13909351111' });
});
afterAll(async () => {
  await t.close();
});

describe('recording a service', () => {
  it('a home visit to an elder keeps its checklist, lists the items of concern and is audited', async () => {
    const created = await record(
      worker,
      visit(elderId, {
        checklist: { home_safety: { heating: 'concern', water: 'ok', note: '炉子烟囱漏烟' }, health: { mood: 'ok', mobility: 'concern' } },
        followUpNeeded: true,
        followUpOn: '2026-12-05',
        goods: '煤一车',
      }),
    );
    expect(created).toMatchObject({
      personId: elderId,
      personName: '马桂兰',
      villageId: village,
      kind: 'home_visit',
      concerns: ['health.mobility', 'home_safety.heating'],
      workers: [{ id: t.demo.userIds['anyuan.worker'], name: expect.any(String) }],
      recordedBy: { id: t.demo.userIds['anyuan.worker'] },
      followUpNeeded: true,
      followUpOn: '2026-12-05',
      goods: '煤一车',
      version: 1,
    });
    expect(created.checklist).toEqual({ home_safety: { heating: 'concern', water: 'ok', note: '炉子烟囱漏烟' }, health: { mood: 'ok', mobility: 'concern' } });
    const audit = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'service.create'), eq(auditEvents.entityId, created.id)));
    expect(audit).toHaveLength(1);
    const timeline = (await worker.inject({ method: 'GET', url: `/api/people/${elderId}/timeline` })).json<{ items: { kind: string; refId: string; title: string }[] }>().items;
    expect(timeline).toContainEqual(expect.objectContaining({ kind: 'service', refId: created.id, title: '入户探访：生活照料、陪伴聊天' }));
  });

  it('the same client id sent twice makes one record; different content under that id is 409 DUPLICATE', async () => {
    const body = visit(elderId, { id: uuidv7(), kind: 'phone', serviceTypes: ['companionship'], durationMinutes: 10, summary: '电话问候' });
    const first = await worker.inject({ method: 'POST', url: '/api/services', payload: body });
    const again = await worker.inject({ method: 'POST', url: '/api/services', payload: { ...body, serviceTypes: ['companionship'] } });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(body.id);
    const clash = await worker.inject({ method: 'POST', url: '/api/services', payload: { ...body, summary: '另一次电话' } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('DUPLICATE');
    expect(await t.deps.db.select().from(serviceRecords).where(eq(serviceRecords.id, body.id!))).toHaveLength(1);
  });

  it('two copies of one request racing each other make one record', async () => {
    const body = visit(elderId, { id: uuidv7(), kind: 'phone', serviceTypes: ['companionship'], durationMinutes: 5, summary: '弱信号下重发' });
    const answers = await Promise.all([1, 2, 3].map(() => worker.inject({ method: 'POST', url: '/api/services', payload: body })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(await t.deps.db.select().from(serviceRecords).where(eq(serviceRecords.id, body.id!))).toHaveLength(1);
  });

  it.each([
    ['a start in the future', { startedAt: '2026-12-30T09:00:00+08:00' }, 'startedAt', '服务时间不能晚于现在。'],
    ['a follow-up without its day', { followUpNeeded: true }, 'followUpOn', '需要跟进时请填写跟进日期。'],
    ['a follow-up before the service', { followUpNeeded: true, followUpOn: '2026-11-01' }, 'followUpOn', '跟进日期不能早于服务日期。'],
    ['a checklist on a phone call', { kind: 'phone' as const, checklist: { health: { mood: 'ok' as const } } }, 'checklist', '探访清单只用于入户探访。'],
    ['goals without their case', { goalIds: ['g1'] }, 'goalIds', '关联计划目标时须同时关联个案。'],
    ['a worker of another station', { workerIds: ['00000000-0000-7000-8000-000000000000'] }, 'workerIds.0', '该社工不属于本站。'],
  ])('%s is 400 naming the field, and nothing is written', async (_name, extra, path, message) => {
    const before = (await t.deps.db.select({ id: serviceRecords.id }).from(serviceRecords)).length;
    const response = await worker.inject({ method: 'POST', url: '/api/services', payload: visit(elderId, extra) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path, message }] });
    expect((await t.deps.db.select({ id: serviceRecords.id }).from(serviceRecords)).length).toBe(before);
  });

  it('schema errors name the field in the caller language', async () => {
    const response = await worker.inject({
      method: 'POST',
      url: '/api/services',
      headers: { 'accept-language': 'en-US' },
      payload: { ...visit(elderId), serviceTypes: [], wellbeing: 6, kind: 'letter' },
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json<{ error: { details: { path: string; message: string }[] } }>().error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'serviceTypes', 'wellbeing']));
  });

  it('a person of another station is 404 for their worker, and nothing is written', async () => {
    const other = await t.login('dachaigou.worker');
    const response = await other.inject({ method: 'POST', url: '/api/services', payload: visit(elderId) });
    expect(response.statusCode).toBe(404);
  });

  it('a volunteer with no pairings can record for nobody and sees no records', async () => {
    const volunteer = await t.login('anyuan.volunteer');
    expect((await volunteer.inject({ method: 'POST', url: '/api/services', payload: visit(elderId, { kind: 'phone' }) })).statusCode).toBe(404);
    const list = await volunteer.inject({ method: 'GET', url: '/api/services' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect((await volunteer.inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(403);
  });
});

describe('the station list', () => {
  let childId: string;
  beforeAll(async () => {
    childId = await makePerson(worker, { name: '王小军', birthDate: '2016-03-03', gender: 'male', groups: ['left_behind_child'], villageId: otherVillage });
    for (let day = 1; day <= 12; day += 1) {
      await record(
        manager,
        visit(childId, { kind: day % 2 ? 'home_visit' : 'phone', serviceTypes: ['tutoring'], startedAt: `2026-10-${String(day).padStart(2, '0')}T15:00:00+08:00`, summary: `第${day}次作业辅导` }),
      );
    }
  });

  it('filters by person, kind, village, period, who served and professional type, newest first, page by page', async () => {
    const all: ServiceRecord[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ServiceRecord[]; nextCursor: string | null } = (
        await worker.inject({ method: 'GET', url: `/api/services?personId=${childId}&limit=5${cursor ? `&cursor=${cursor}` : ''}` })
      ).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.map((s) => s.summary)).toEqual(Array.from({ length: 12 }, (_, i) => `第${12 - i}次作业辅导`));

    const query = async (q: string) => (await worker.inject({ method: 'GET', url: `/api/services?${q}` })).json<{ items: ServiceRecord[] }>().items;
    expect(await query(`personId=${childId}&kind=phone`)).toHaveLength(6);
    expect(await query(`villageId=${otherVillage}&from=2026-10-03&to=2026-10-05`)).toHaveLength(3);
    expect(await query(`serviceType=capacity_building&personId=${childId}`)).toHaveLength(12);
    expect(await query(`serviceType=social_integration&personId=${childId}`)).toHaveLength(0);
    expect((await query(`workerId=${t.demo.userIds['anyuan.manager']}`)).every((s) => s.workers.some((w) => w.id === t.demo.userIds['anyuan.manager']))).toBe(true);
    expect(await query(`workerId=${t.demo.userIds['anyuan.manager']}&personId=${childId}`)).toHaveLength(12);
  });

  it('a follow-up stays open until the person is served again', async () => {
    const personId = await makePerson(worker, { name: '张大爷', birthDate: '1950-01-01', gender: 'male', groups: ['elder'] });
    const first = await record(worker, visit(personId, { startedAt: '2026-11-20T10:00:00+08:00', followUpNeeded: true, followUpOn: '2026-11-25' }));
    const open = async () => (await worker.inject({ method: 'GET', url: `/api/services?followUp=open&personId=${personId}` })).json<{ items: ServiceRecord[] }>().items.map((s) => s.id);
    expect(await open()).toEqual([first.id]);
    await record(worker, visit(personId, { kind: 'phone', startedAt: '2026-11-26T10:00:00+08:00' }));
    expect(await open()).toEqual([]);
  });

  it('findings list people whose latest visit found the item of concern, not those fixed since', async () => {
    const fixed = await makePerson(worker, { name: '李奶奶', birthDate: '1944-01-01', gender: 'female', groups: ['elder'] });
    const unsafe = await makePerson(worker, { name: '赵奶奶', birthDate: '1942-01-01', gender: 'female', groups: ['elder'] });
    await record(worker, visit(fixed, { startedAt: '2026-11-02T10:00:00+08:00', checklist: { home_safety: { heating: 'concern' } } }));
    await record(worker, visit(fixed, { startedAt: '2026-11-20T10:00:00+08:00', checklist: { home_safety: { heating: 'ok' } } }));
    // A later visit that did not look at the heating does not clear it.
    await record(worker, visit(unsafe, { startedAt: '2026-11-10T10:00:00+08:00', checklist: { home_safety: { heating: 'concern', note: '没有取暖煤' } } }));
    await record(worker, visit(unsafe, { startedAt: '2026-11-21T10:00:00+08:00', checklist: { health: { mood: 'ok' } } }));
    const findings = (await manager.inject({ method: 'GET', url: '/api/services/findings?item=home_safety.heating' })).json<{ items: { personId: string; note: string | null }[] }>().items;
    const people = findings.map((f) => f.personId);
    expect(people).toContain(unsafe);
    expect(people).not.toContain(fixed);
    expect(findings.find((f) => f.personId === unsafe)?.note).toBe('没有取暖煤');
    expect((await manager.inject({ method: 'GET', url: '/api/services/findings?item=home_safety.roof' })).statusCode).toBe(400);
  });
});

describe('the service ledger', () => {
  it('exports the filtered records as a workbook in the caller language, audited', async () => {
    const personId = await makePerson(worker, { name: '台账老人', birthDate: '1947-07-07', gender: 'male', groups: ['elder'] });
    await record(worker, visit(personId, { startedAt: '2026-11-03T08:15:00+08:00', checklist: { home_safety: { heating: 'concern' } }, goods: '棉被一床' }));
    await record(worker, visit(personId, { kind: 'phone', startedAt: '2026-11-05T19:40:00+08:00', summary: '电话问候' }));
    const response = await manager.inject({ method: 'GET', url: `/api/services/export?personId=${personId}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('filename*=UTF-8');
    const sheet = (await readWorkbook(response.rawPayload)).workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).text).toContain('服务记录台账');
    expect(sheet.getRow(2).getCell(1).value).toBe('日期');
    expect(sheet.rowCount).toBe(4);
    expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(2).value, sheet.getRow(3).getCell(5).value]).toEqual(['2026-11-05', '19:40', '电话关怀']);
    expect([sheet.getRow(4).getCell(14).value, sheet.getRow(4).getCell(15).value]).toEqual(['居家安全·冬季取暖', '棉被一床']);
    const english = await manager.inject({ method: 'GET', url: `/api/services/export?personId=${personId}`, headers: { 'accept-language': 'en-US' } });
    expect((await readWorkbook(english.rawPayload)).rows[2]![4]).toBe('Phone call');
    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'services.export'));
    expect(audit.length).toBeGreaterThanOrEqual(2);
    const volunteer = await t.login('anyuan.volunteer');
    expect((await volunteer.inject({ method: 'GET', url: '/api/services/export' })).statusCode).toBe(403);
  });
});

describe('correcting a record', () => {
  it('the recorder corrects it, the previous content is kept; a stale version is 409 with the current record', async () => {
    const created = await record(worker, visit(elderId, { kind: 'phone', summary: '电话问候，老人说腿疼' }));
    const corrected = await worker.inject({ method: 'PATCH', url: `/api/services/${created.id}`, payload: { version: 1, summary: '电话问候，老人说膝盖疼，已提醒去卫生院', wellbeing: 3 } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ version: 2, summary: '电话问候，老人说膝盖疼，已提醒去卫生院', wellbeing: 3, kind: 'phone', workers: [{ id: t.demo.userIds['anyuan.worker'] }] });
    const revisions = await t.deps.db.select().from(serviceRecordRevisions).where(eq(serviceRecordRevisions.serviceId, created.id));
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.content).toMatchObject({ summary: '电话问候，老人说腿疼' });
    const history = (await worker.inject({ method: 'GET', url: `/api/services/${created.id}/revisions` })).json();
    expect(history[0]).toMatchObject({ version: 1, content: { summary: '电话问候，老人说腿疼' } });

    const stale = await manager.inject({ method: 'PATCH', url: `/api/services/${created.id}`, payload: { version: 1, summary: '站长改' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 2, summary: '电话问候，老人说膝盖疼，已提醒去卫生院' } } });
  });

  it('another worker may not correct it (403); the manager may', async () => {
    const created = await record(manager, visit(elderId, { kind: 'office', summary: '来站咨询低保' }));
    const other = await t.login('anyuan.worker');
    const response = await other.inject({ method: 'PATCH', url: `/api/services/${created.id}`, payload: { version: 1, summary: 'x' } });
    expect(response.statusCode).toBe(403);
    const mine = await record(worker, visit(elderId, { kind: 'office', summary: '来站咨询' }));
    expect((await manager.inject({ method: 'PATCH', url: `/api/services/${mine.id}`, payload: { version: 1, durationMinutes: 20 } })).statusCode).toBe(200);
  });
});

describe('photos', () => {
  it('a photo is stored, served to the station and refused to others; other files are 415', async () => {
    const created = await record(worker, visit(elderId));
    const upload = await multipartFile(PNG, '院子.png', 'image/png');
    const response = await worker.inject({ method: 'POST', url: `/api/services/${created.id}/attachments`, payload: upload.payload, headers: upload.headers });
    expect(response.statusCode, response.body).toBe(201);
    const attachment = response.json<{ id: string; url: string; contentType: string; size: number }>();
    expect(attachment).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const read = await manager.inject({ method: 'GET', url: attachment.url });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(read.headers['cache-control']).toContain('no-store');
    expect(read.rawPayload.equals(PNG)).toBe(true);
    expect((await worker.inject({ method: 'GET', url: `/api/services/${created.id}` })).json().attachments).toHaveLength(1);

    const other = await t.login('dachaigou.worker');
    expect((await other.inject({ method: 'GET', url: attachment.url })).statusCode).toBe(404);
    const text = await multipartFile(Buffer.from('not a photo'), 'photo.png', 'image/png');
    expect((await worker.inject({ method: 'POST', url: `/api/services/${created.id}/attachments`, payload: text.payload, headers: text.headers })).statusCode).toBe(415);
    const reads = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'attachment.read'));
    expect(reads.length).toBeGreaterThan(0);
  });
});
