import { describe, expect, it } from 'vitest';
import { changedFields, cleanChecklist, fieldForIssue, fromRecord, instantOf, sectionCounts, toServiceFields, wallClockOf } from './service-form-values';
import { changesBetween, corrections, recordAsContent } from './revision-diff';
import type { ServiceRecord } from './service-types';

const record: ServiceRecord = {
  id: '0190a000-0000-7000-8000-000000000001',
  stationId: '0190a000-0000-7000-8000-000000000002',
  personId: '0190a000-0000-7000-8000-000000000003',
  personName: '马德福',
  villageId: '0190a000-0000-7000-8000-000000000004',
  villageName: '新堡子村',
  kind: 'home_visit',
  serviceTypes: ['companionship', 'daily_care'],
  startedAt: '2026-11-29T02:30:00.000Z',
  durationMinutes: 45,
  summary: '上门探访，老人精神尚可。',
  caseId: null,
  taskId: null,
  goalIds: [],
  workers: [{ id: '0190a000-0000-7000-8000-000000000005', name: '社工 王芳' }],
  volunteers: [],
  wellbeing: 3,
  followUpNeeded: true,
  followUpOn: '2026-12-06',
  checklist: { home_safety: { heating: 'concern', water: 'ok', note: '炉子漏烟' } },
  concerns: ['home_safety.heating'],
  goods: null,
  attachments: [],
  recordedBy: { id: '0190a000-0000-7000-8000-000000000005', name: '社工 王芳' },
  createdAt: '2026-11-29T03:00:00.000Z',
  updatedAt: '2026-11-29T03:00:00.000Z',
  version: 1,
};

describe('service form values', () => {
  it('reads and writes start times as Asia/Shanghai wall-clock', () => {
    expect(wallClockOf('2026-11-29T02:30:00.000Z')).toBe('2026-11-29T10:30');
    expect(instantOf('2026-11-29T10:30')).toBe('2026-11-29T10:30:00+08:00');
  });

  it('keeps only answered checklist items and non-empty notes, and sends null for an empty checklist', () => {
    expect(cleanChecklist({ health: { speech: 'ok', mood: null, note: '  ' }, money: { food: undefined, note: '' } })).toEqual({ health: { speech: 'ok' } });
    expect(cleanChecklist({ health: { note: ' 腿疼 ' } })).toEqual({ health: { note: '腿疼' } });
    expect(cleanChecklist({ money: {} })).toBeNull();
    expect(cleanChecklist({ health: { speech: 'bogus' } })).toBeNull();
  });

  it('leaves the checklist out of anything but a home visit, and the follow-up day out when none is needed', () => {
    const fields = toServiceFields(
      { kind: 'phone', serviceTypes: ['companionship'], startedAt: '2026-11-29T10:30', durationMinutes: 15, summary: ' 电话问候 ', followUpNeeded: false, followUpOn: '2026-12-01', checklist: { health: { mood: 'concern' } } },
      { withChecklist: true },
    );
    expect(fields).toMatchObject({ kind: 'phone', summary: '电话问候', checklist: null, followUpNeeded: false, followUpOn: null, goods: null });
  });

  it('a record read back into the form and out again is unchanged', () => {
    const base = toServiceFields(fromRecord(record), { withChecklist: true });
    expect(changedFields(base, toServiceFields(fromRecord(record), { withChecklist: true }))).toEqual({});
    expect(base.checklist).toEqual({ home_safety: { heating: 'concern', water: 'ok', note: '炉子漏烟' } });
  });

  it('a correction sends only the fields that changed', () => {
    const values = fromRecord(record);
    const base = toServiceFields(values, { withChecklist: true });
    const next = toServiceFields({ ...values, summary: '更正：炉子已修好。', checklist: { home_safety: { heating: 'ok', water: 'ok', note: '炉子漏烟' } } }, { withChecklist: true });
    expect(changedFields(base, next)).toEqual({ summary: '更正：炉子已修好。', checklist: { home_safety: { heating: 'ok', water: 'ok', note: '炉子漏烟' } } });
  });

  it('puts server issues on the field that shows them', () => {
    expect(fieldForIssue(['summary'])).toBe('summary');
    expect(fieldForIssue(['workerIds', '0'])).toBe('workerIds');
    expect(fieldForIssue(['followUpNeeded'])).toBe('followUpOn');
    expect(fieldForIssue(['checklist', 'home_safety', 'note'])).toEqual(['checklist', 'home_safety', 'note']);
    expect(fieldForIssue(['checklist'])).toBeNull();
    expect(fieldForIssue(['personId'])).toBeNull();
  });

  it('counts a checklist section', () => {
    expect(sectionCounts('home_safety', { heating: 'concern', water: 'ok', power: null })).toEqual({ done: 2, total: 5, concerns: 1 });
  });
});

describe('history of corrections', () => {
  it('names what each correction changed, newest first, comparing the newest with the record as it is', () => {
    const now: ServiceRecord = { ...record, version: 3, summary: '第三版', durationMinutes: 60, checklist: { home_safety: { heating: 'ok', water: 'ok', note: '炉子漏烟' } } };
    const v1 = { ...recordAsContent(record), startedAt: '2026-11-29T02:30:00.000Z' };
    const v2 = { ...recordAsContent(record), summary: '第二版' };
    const list = corrections(now, [
      { version: 1, changedAt: '2026-11-30T01:00:00.000Z', changedBy: { id: 'a', name: '社工 王芳' }, content: v1 },
      { version: 2, changedAt: '2026-12-01T01:00:00.000Z', changedBy: { id: 'b', name: '马站长' }, content: v2 },
    ]);
    expect(list.map((c) => c.version)).toEqual([3, 2]);
    expect(list[0]?.changedBy.name).toBe('马站长');
    expect(list[0]?.changes).toEqual([
      { field: 'durationMinutes', before: 45, after: 60 },
      { field: 'summary', before: '第二版', after: '第三版' },
      { field: 'checklist', key: 'home_safety.heating', before: 'concern', after: 'ok' },
    ]);
    expect(list[1]?.changes).toEqual([{ field: 'summary', before: '上门探访，老人精神尚可。', after: '第二版' }]);
  });

  it('the same instant written two ways is no change', () => {
    expect(changesBetween({ startedAt: '2026-11-29T02:30:00.000Z' }, { startedAt: '2026-11-29T10:30:00+08:00' })).toEqual([]);
  });
});
