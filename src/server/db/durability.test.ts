import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/** The real server in a child process on a data folder of its own. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', LOG_LEVEL: 'warn', LASTMETER_SECRET: 'durability-test-secret-0123456789abcdef' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open\s+(http:\/\/\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function signIn(url: string, username: string) {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-2026' }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken, user } = (await response.json()) as { csrfToken: string; user: { stationId: string } };
  return { cookie, csrfToken, stationId: user.stationId };
}

describe('durability of the embedded database', () => {
  it('a write the API acknowledged survives kill -9, and the restarted server takes over the stale lock', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lastmeter-durable-'));
    dirs.push(dataDir);
    const first = await startServer(dataDir);
    children.push(first.child);
    const manager = await signIn(first.url, 'anyuan.manager');
    const created = await fetch(`${first.url}/api/orgs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: manager.cookie, 'x-csrf-token': manager.csrfToken },
      body: JSON.stringify({ parentId: manager.stationId, name: '断电测试村' }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startServer(dataDir);
    children.push(second.child);
    const again = await signIn(second.url, 'anyuan.manager');
    const tree = await (await fetch(`${second.url}/api/orgs`, { headers: { cookie: again.cookie } })).text();
    expect(tree).toContain('断电测试村');
    const audit = (await (await fetch(`${second.url}/api/audit?action=org.create`, { headers: { cookie: again.cookie } })).json()) as { items: unknown[] };
    expect(audit.items).toHaveLength(1);
  }, 90_000);
});
