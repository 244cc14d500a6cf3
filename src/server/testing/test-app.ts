import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import { systemCtx, type AppDeps } from '../context';
import { deriveKeys } from '../secrets';
import { loadDemoTownship, type DemoTownship } from '../demo/demo-township';
import { VERSION } from '../version';
import { createTestDatabase } from './test-db';
import type { Database } from '../db/database';

export const DEMO_PASSWORD = 'demo-2026';

/** A clock the test moves by hand, to reach timeouts and lockout windows without waiting. */
export class TestClock {
  constructor(private current = new Date('2026-11-29T02:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
  /** Sends a request as this user: the session cookie always, the CSRF header on writes. */
  inject(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: Database;
  demo: DemoTownship;
  clock: TestClock;
  login(username: string, password?: string, ip?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  webDir?: string;
  /** Synthetic residents per demo station (0 by default: tests make the people they need). */
  demoPeople?: number;
  /** A year of service records and cases for those residents, with the staff who did the work (off by default). */
  demoHistory?: boolean;
}

/** The app on a fresh database of its own with the demo township loaded. */
export async function makeTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new TestClock();
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '.tmp/test-data', ...options.env });
  const deps: AppDeps = {
    config,
    db: database.db,
    databaseKind: database.kind,
    keys: deriveKeys('test-secret-that-is-long-enough-for-hkdf'),
    now: clock.now,
    version: VERSION,
    webDir: options.webDir,
  };
  const demo = await loadDemoTownship(systemCtx(deps), DEMO_PASSWORD, { people: options.demoPeople ?? 0, history: options.demoHistory ?? false });
  const app = await buildApp(deps, { logger: false });
  await app.ready();

  const login = async (username: string, password = DEMO_PASSWORD, ip = '127.0.0.1'): Promise<Session> => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
    if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'lm_session');
    if (!cookie) throw new Error('login set no session cookie');
    const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
    const session: Session = {
      username,
      cookie: `lm_session=${cookie.value}`,
      csrfToken,
      inject: ({ csrf, headers, ...rest }) => {
        const method = String(rest.method ?? 'GET').toUpperCase();
        const writes = method !== 'GET' && method !== 'HEAD';
        return app.inject({
          ...rest,
          headers: { ...headers, cookie: session.cookie, ...(writes && csrf !== false ? { 'x-csrf-token': session.csrfToken } : {}) },
        });
      },
    };
    return session;
  };

  return {
    app,
    deps,
    database,
    demo,
    clock,
    login,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
