import { describe, expect, it } from 'vitest';
import { concernsOf, contentHash, reportTypes, storedChecklist } from './services.rules';

describe('service record rules', () => {
  it('a concrete service type also reports under its professional service', () => {
    expect(reportTypes(['daily_care', 'companionship'])).toEqual(['companionship', 'counselling', 'daily_care', 'social_integration']);
    expect(reportTypes(['policy'])).toEqual(['policy']);
    expect(reportTypes(['tutoring', 'safety_education'])).toEqual(['capacity_building', 'safety_education', 'tutoring']);
  });

  it('lists checklist items of concern as section.item in checklist order', () => {
    expect(concernsOf({ home_safety: { heating: 'concern', water: 'ok' }, health: { mood: 'concern', note: '老伴去世后情绪低落' } })).toEqual(['health.mood', 'home_safety.heating']);
    expect(concernsOf(null)).toEqual([]);
    expect(concernsOf({ money: { food: 'not_checked' } })).toEqual([]);
  });

  it('stores a checklist without empty sections', () => {
    expect(storedChecklist({ health: {}, home_safety: { heating: 'concern', note: null } })).toEqual({ home_safety: { heating: 'concern' } });
    expect(storedChecklist({ health: {} })).toBeNull();
  });

  it('hashes equal content equally whatever the key order, and different content differently', () => {
    const a = contentHash({ kind: 'phone', summary: '问候', serviceTypes: ['companionship'], checklist: { health: { mood: 'ok', speech: 'ok' } } });
    const b = contentHash({ checklist: { health: { speech: 'ok', mood: 'ok' } }, serviceTypes: ['companionship'], summary: '问候', kind: 'phone' });
    expect(a).toBe(b);
    expect(contentHash({ kind: 'phone', summary: '问候。', serviceTypes: ['companionship'] })).not.toBe(a);
  });
});
