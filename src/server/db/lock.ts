import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite does not lock its folder: two processes that open one folder both succeed and silently
 * lose rows. Every process that opens the embedded database (the server, audit checks, backups)
 * takes this lock first and refuses to go on while a live process holds it.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${path.dirname(lockFile)} is in use by process ${holderPid} (lock file ${lockFile}).\n` +
        'Stop that process first (only one process may open the embedded database), or point DATA_DIR at another folder.\n' +
        '数据目录正被另一个进程使用：请先停止该进程，或将 DATA_DIR 指向其他目录。',
    );
  }
}

export interface DirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string, purpose: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'lastmeter.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const holder = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid?: number };
          if (holder.pid === process.pid) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holderPid = 0;
      try {
        holderPid = Number((JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid?: number }).pid) || 0;
      } catch {
        // A lock file being written right now, or a torn one: treat as held, look again.
      }
      if (holderPid && holderPid !== process.pid && isAlive(holderPid)) throw new DataDirLockedError(lockFile, holderPid);
      if (holderPid === process.pid) throw new DataDirLockedError(lockFile, holderPid);
      // The holder died without releasing (kill -9, power loss): the lock is stale.
      if (holderPid) fs.rmSync(lockFile, { force: true });
      else if (attempt === 2) throw new DataDirLockedError(lockFile, 0);
    }
  }
  throw new DataDirLockedError(lockFile, 0);
}
