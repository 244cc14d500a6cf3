import autocannon from 'autocannon';

/** How long each measurement runs (seconds); `BENCH_SECONDS` overrides. */
export const DURATION = Number(process.env.BENCH_SECONDS ?? 3);
/** Concurrent clients of the throughput runs. */
export const CONNECTIONS = 10;

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  /** Requests completed by one client waiting for each answer (1 / mean latency). */
  serialRps: number;
  samples: number;
}

function percentiles(samples: number[], seconds: number): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), serialRps: Math.round(sorted.length / seconds), samples: sorted.length };
}

/**
 * Latency as one user sees it: requests sent one after another for DURATION seconds (after a
 * short warm-up), each timed to the microsecond. At least 30 samples however slow.
 */
export async function latency(work: () => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  const started = performance.now();
  const end = started + DURATION * 1000;
  while (performance.now() < end || samples.length < 30) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return percentiles(samples, (performance.now() - started) / 1000);
}

/** One GET over HTTP, failing loudly on anything but 200. */
export function getter(url: string, headers: Record<string, string> = {}): () => Promise<void> {
  return async () => {
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  };
}

/** Throughput over HTTP: autocannon with CONNECTIONS connections for DURATION seconds. */
export async function throughput(url: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return Math.round(result.requests.average);
}

/** Throughput of database work from CONNECTIONS concurrent loops: the floor of a route's throughput. */
export async function loopThroughput(work: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const started = performance.now();
  const end = started + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        await work();
        done++;
      }
    }),
  );
  return Math.round(done / ((performance.now() - started) / 1000));
}

/** Latency percentiles with the requests completed per second, as the services and care tables show them. */
export type Figures = Omit<Latency, 'samples' | 'serialRps'> & { rps: number };

function percentile(sorted: number[], q: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
}

/**
 * `clients` loops sending one request after another for DURATION seconds, every request timed:
 * the waits many users see at once, and what they get through together.
 */
export async function concurrent(work: () => Promise<unknown>, clients: number): Promise<Figures> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  const started = performance.now();
  const end = started + DURATION * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        await work();
        samples.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = samples.sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), rps: Math.round(sorted.length / seconds) };
}

/** The rows of a raw `db.execute`, whichever driver answered (PGlite and node-postgres both give `{ rows }`). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) return result.rows as Record<string, unknown>[];
  return [];
}
