import { fieldError } from './errors';

/** Keyset cursors are the last row's sort key, opaque to callers (base64url of a JSON array). */
export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, length: 1): [string];
export function decodeCursor(cursor: string, length: 2): [string, string];
export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string')) return values;
  } catch {
    // Falls through to the error below.
  }
  throw fieldError('cursor', 'cursor.invalid');
}
