import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTestApp, type TestApp } from './test-app';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

/**
 * The whole app listening on a free local port, serving the built web client (`dist/web`) on a
 * fresh in-memory database with the demo township, 120 synthetic residents a station and their
 * year of service records and cases: what browser tests and screenshots run against.
 * It keeps the real clock, so sessions behave as in use.
 */
export async function startTestServer(): Promise<{ url: string; testApp: TestApp; close(): Promise<void> }> {
  const testApp = await makeTestApp({ webDir: WEB_DIR, env: { LOGIN_RATE_PER_MINUTE: '1000' }, demoPeople: 120, demoHistory: true });
  testApp.deps.now = () => new Date();
  const address = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  return { url: address, testApp, close: () => testApp.close() };
}
