import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, maskIdNumber, parseIdNumber } from './id-number';

const TODAY = '2026-11-29';

describe('identity numbers (GB 11643)', () => {
  it('computes the check character with the standard weights', () => {
    // The standard's own example.
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });

  it('derives birth date and sex from a valid number', () => {
    const result = parseIdNumber('11010519491231002x', TODAY);
    expect(result).toEqual({ ok: true, id: { value: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female' } });
    const first17 = '62062320150304001';
    const tianzhuBoy = parseIdNumber(first17 + checkCharacter(first17), TODAY);
    expect(tianzhuBoy.ok && tianzhuBoy.id).toMatchObject({ regionCode: '620623', birthDate: '2015-03-04', gender: 'male' });
  });

  it('refuses a bad checksum, a bad shape, an impossible or future birth date and a bad region', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'checksum' });
    expect(parseIdNumber('11010519491231', TODAY)).toEqual({ ok: false, problem: 'format' });
    expect(parseIdNumber('11010519491231002Y', TODAY)).toEqual({ ok: false, problem: 'format' });
    const feb30 = '62062320150230001';
    expect(parseIdNumber(feb30 + checkCharacter(feb30), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    const future = '62062320270101001';
    expect(parseIdNumber(future + checkCharacter(future), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
    const region = '99062320150101001';
    expect(parseIdNumber(region + checkCharacter(region), TODAY)).toEqual({ ok: false, problem: 'region' });
  });

  it('upgrades an old 15-digit number', () => {
    const result = parseIdNumber('620623580101123', TODAY);
    expect(result.ok && result.id.value).toBe(`62062319580101123${checkCharacter('62062319580101123')}`);
    expect(result.ok && result.id.gender).toBe('male');
  });

  it('masks all but the region code and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('counts whole years of age', () => {
    expect(ageOn('2010-11-29', TODAY)).toBe(16);
    expect(ageOn('2010-11-30', TODAY)).toBe(15);
    expect(ageOn('1966-02-28', TODAY)).toBe(60);
  });
});
