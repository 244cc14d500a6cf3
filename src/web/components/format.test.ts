import { describe, expect, it } from 'vitest';
import 'dayjs/locale/zh-cn';
import { formatDate, formatDateMinute, formatDateTime, formatLongDate } from './format';

describe('dates as the stations read them', () => {
  it('a long date reads 2026年11月29日 星期日 in Chinese and Sunday, 29 November 2026 in English', () => {
    const instant = '2026-11-29T02:32:05Z';
    expect(formatLongDate(instant, 'zh-CN')).toBe('2026年11月29日 星期日');
    expect(formatLongDate(instant, 'en-US')).toBe('Sunday, 29 November 2026');
  });

  it('an instant late in the UTC evening already belongs to the next day in Gansu', () => {
    expect(formatLongDate('2026-11-28T17:00:00Z', 'zh-CN')).toBe('2026年11月29日 星期日');
  });

  it('an audit time reads 2026年11月29日 10:32:05 in Beijing time', () => {
    expect(formatDateTime('2026-11-29T02:32:05Z', 'zh-CN')).toBe('2026年11月29日 10:32:05');
    expect(formatDateTime('2026-11-29T02:32:05Z', 'en-US')).toBe('29 Nov 2026 10:32:05');
  });

  it('a day reads 2026年11月29日, a birth date exactly as written and an instant in Beijing time', () => {
    expect(formatDate('2026-11-29', 'zh-CN')).toBe('2026年11月29日');
    expect(formatDate('2026-11-29', 'en-US')).toBe('29 Nov 2026');
    expect(formatDate('2026-11-28T17:00:00Z', 'zh-CN')).toBe('2026年11月29日');
    expect(formatDateMinute('2026-11-29T02:32:05Z', 'zh-CN')).toBe('2026年11月29日 10:32');
  });
});
