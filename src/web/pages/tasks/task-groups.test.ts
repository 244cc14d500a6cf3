import { describe, expect, it } from 'vitest';
import { groupByVillage } from './task-groups';
import { appendPhrase } from './phrases';
import type { Task } from './task-types';

let serial = 0;
function task(villageName: string, personName: string, overdueDays = 0, dueDate = '2026-11-29'): Task {
  serial += 1;
  return {
    id: `0190a000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    stationId: '0190a000-0000-7000-8000-000000000100',
    personId: `0190a000-0000-7000-8000-${String(serial + 500).padStart(12, '0')}`,
    personName,
    villageId: `village-${villageName}`,
    villageName,
    phone: null,
    address: null,
    groups: ['solitary_elder'],
    riskLevel: 'high',
    kind: 'phone',
    reason: 'plan',
    campaignId: null,
    campaignName: null,
    startOn: dueDate,
    dueDate,
    overdueDays,
    status: 'open',
    assignee: null,
    attempts: 0,
    lastAttemptAt: null,
    postponedReason: null,
    serviceId: null,
    completedAt: null,
    version: 1,
  };
}

describe('the worker day grouped by village', () => {
  it('puts villages with overdue tasks first and overdue tasks first inside a village', () => {
    const groups = groupByVillage([
      task('松山村', '李桂英'),
      task('新堡子村', '马德福'),
      task('新堡子村', '祁秀兰', 3, '2026-11-26'),
      task('松山村', '王德明', 0, '2026-11-28'),
      task('大庄村', '杨秀珍', 1, '2026-11-28'),
      task('大庄村', '张兰', 5, '2026-11-24'),
    ]);
    expect(groups.map((group) => group.villageName)).toEqual(['大庄村', '新堡子村', '松山村']);
    expect(groups[0]!.tasks.map((t) => t.personName)).toEqual(['张兰', '杨秀珍']);
    expect(groups[1]!.tasks.map((t) => t.personName)).toEqual(['祁秀兰', '马德福']);
    expect(groups[2]!.tasks.map((t) => t.personName)).toEqual(['王德明', '李桂英']);
    expect(groups.map((group) => group.overdue)).toEqual([2, 1, 0]);
  });

  it('gives nothing for no tasks', () => {
    expect(groupByVillage([])).toEqual([]);
  });
});

describe('a quick phrase added to a summary', () => {
  it('joins Chinese phrases with a comma, and not after a full stop', () => {
    expect(appendPhrase('', '身体状况良好', 'zh-CN')).toBe('身体状况良好');
    expect(appendPhrase('身体状况良好', '情绪稳定', 'zh-CN')).toBe('身体状况良好，情绪稳定');
    expect(appendPhrase('老人在家。 ', '情绪稳定', 'zh-CN')).toBe('老人在家。情绪稳定');
  });

  it('joins English phrases as sentences', () => {
    expect(appendPhrase('In good health', 'In good spirits', 'en-US')).toBe('In good health. In good spirits');
    expect(appendPhrase('Home.', 'In good spirits', 'en-US')).toBe('Home. In good spirits');
  });
});
