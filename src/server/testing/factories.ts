import crypto from 'node:crypto';
import { checkCharacter } from '../../shared/id-number';
import type { CreatePersonRequest } from '../../shared/schemas/people';
import type { Session } from './test-app';

/** A fresh, valid Tianzhu identity number for a birth date and sex (sequence random, parity by sex). */
export function makeIdNumber(birthDate: string, gender: 'male' | 'female'): string {
  const sequence = crypto.randomInt(0, 500) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `620623${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export function makePhone(): string {
  return `13${String(crypto.randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

/** Creates a person through the API as `session` and returns the reply; fields default to a fresh random elder. */
export async function makePerson(session: Session, overrides: Partial<CreatePersonRequest> & { villageId: string }): Promise<{ id: string; version: number; [key: string]: unknown }> {
  const payload: CreatePersonRequest = {
    name: `测试${crypto.randomInt(1000, 9999)}`,
    groups: [],
    ...overrides,
  };
  const response = await session.inject({ method: 'POST', url: '/api/people', payload });
  if (response.statusCode !== 201) throw new Error(`makePerson: ${response.statusCode} ${response.body}`);
  return response.json();
}
