import crypto from 'node:crypto';
import type { Keys } from './secrets';

/**
 * Personal data at rest: AES-256-GCM with a fresh 96-bit nonce per value, stored as
 * `v1.<nonce>.<tag>.<ciphertext>` (base64url), and an HMAC-SHA256 blind index so that an exact
 * value can be found and duplicates refused without decrypting.
 */
export function encryptPii(keys: Keys, plaintext: string): string {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.piiEncryption, nonce);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptPii(keys: Keys, stored: string): string {
  const [version, nonce, tag, body] = stored.split('.');
  if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('unknown personal-data cipher format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.piiEncryption, Buffer.from(nonce, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function blindIndex(keys: Keys, purpose: string, value: string): string {
  return crypto.createHmac('sha256', keys.piiIndex).update(`${purpose}:${value}`).digest('hex');
}
