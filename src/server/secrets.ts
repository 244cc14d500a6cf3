import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The installation's secret: from LASTMETER_SECRET, or a key file created in the data folder on
 * first run. Purpose-bound keys are derived from it with HKDF, so no key serves two purposes.
 */
export interface Keys {
  csrf: Buffer;
  piiEncryption: Buffer;
  piiIndex: Buffer;
}

export function loadSecret(secret: string | undefined, dataDir: string): string {
  if (secret) return secret;
  const file = path.join(dataDir, 'secret.key');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const created = crypto.randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, `${created}\n`, { mode: 0o600, flag: 'wx' });
    return created;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
}

export function deriveKeys(secret: string): Keys {
  const derive = (purpose: string) => Buffer.from(crypto.hkdfSync('sha256', secret, 'lastmeter', purpose, 32));
  return { csrf: derive('csrf-token'), piiEncryption: derive('pii-encryption'), piiIndex: derive('pii-blind-index') };
}

export function sha256Hex(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export function hmacHex(key: Buffer, value: string): string {
  return crypto.createHmac('sha256', key).update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
