import type { FastifyBaseLogger } from 'fastify';
import { systemCtx, type AppDeps } from '../../context';
import { generateAllStations } from './generate.service';

/**
 * Runs task generation in the app process: once at start, then every `careJobMinutes`. Safe
 * with several processes: each station is generated under an advisory lock that a second
 * process skips rather than waits for, and the unique indexes make a repeated run a no-op.
 * Returns a function that stops the timer (on shutdown).
 */
export function startCareJob(deps: AppDeps, log: FastifyBaseLogger): () => void {
  const minutes = deps.config.careJobMinutes;
  if (minutes === 0) return () => {};
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await generateAllStations(systemCtx(deps));
      log.info({ care: result }, 'care tasks generated');
    } catch (error) {
      log.error({ err: error }, 'care task generation failed; it runs again at the next interval');
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
