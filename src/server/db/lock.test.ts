import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lastmeter-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the data folder lock', () => {
  it('refuses a second holder while the first lives, and frees on release', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir, 'first');
    expect(() => lockDataDir(dir, 'second')).toThrow(DataDirLockedError);
    lock.release();
    lockDataDir(dir, 'third').release();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    // A pid far above any the kernel hands out stands for a process that is gone.
    fs.writeFileSync(path.join(dir, 'lastmeter.lock'), JSON.stringify({ pid: 2 ** 30, purpose: 'crashed' }));
    lockDataDir(dir, 'after the crash').release();
  });

  it('a second server or audit check on a folder in use stops with a clear message', () => {
    const dataDir = tempDir();
    const lock = lockDataDir(path.join(dataDir, 'pglite'), 'test holding the folder');
    try {
      for (const script of ['src/server/main.ts', 'scripts/audit-verify.ts']) {
        const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
          env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' },
          encoding: 'utf8',
          timeout: 30_000,
        });
        expect(result.status).not.toBe(0);
        expect(result.stderr).toContain('is in use by process');
        expect(result.stderr).toContain('数据目录正被另一个进程使用');
      }
    } finally {
      lock.release();
    }
  });
});
