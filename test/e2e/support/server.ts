import { startTestServer } from '../../../src/server/testing/server';

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** A server on a fresh in-memory database with the demo township, serving the built client. */
export function startServer(): Promise<TestServer> {
  return startTestServer();
}
