/**
 * Resident identity numbers (GB 11643): 6-digit region code, birth date YYYYMMDD, 3-digit
 * sequence (odd = male, even = female) and a check character. Old 15-digit numbers (YYMMDD, no
 * check character) are upgraded by inserting "19" before the year and computing the check.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'checksum';

export interface ParsedIdNumber {
  /** The 18-character form, upper-case X. */
  value: string;
  regionCode: string;
  birthDate: string;
  gender: 'male' | 'female';
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Parses and checks an identity number. `today` bounds the birth date (no one is born in the
 * future, nor before 1900).
 */
export function parseIdNumber(input: string, today: string = new Date().toISOString().slice(0, 10)): { ok: true; id: ParsedIdNumber } | { ok: false; problem: IdNumberProblem } {
  let value = input.trim().replace(/\s+/g, '').toUpperCase();
  if (/^\d{15}$/.test(value)) {
    const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
    value = first17 + checkCharacter(first17);
  } else if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, problem: 'format' };
  } else if (checkCharacter(value.slice(0, 17)) !== value[17]) {
    return { ok: false, problem: 'checksum' };
  }
  const regionCode = value.slice(0, 6);
  // Province codes run 11–82 (Beijing … Macau); the rest of the code must not be all zero.
  const province = Number(regionCode.slice(0, 2));
  if (province < 11 || province > 82 || regionCode.endsWith('0000')) return { ok: false, problem: 'region' };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (year < 1900 || !validDate(year, month, day) || birthDate > today) return { ok: false, problem: 'birth_date' };
  const gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id: { value, regionCode, birthDate, gender } };
}

/** `620623********1234`: region code and last four shown, birth date and sequence hidden. */
export function maskIdNumber(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
