import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { DataDirLockedError } from './db/lock';
import { deriveKeys, loadSecret } from './secrets';
import { buildApp } from './app';
import { systemCtx, type AppDeps } from './context';
import { DEMO_ACCOUNTS, DEMO_PEOPLE_PER_STATION, hasAnyOrg, loadDemoTownship } from './demo/demo-township';
import { VERSION } from './version';
import { startCareJob } from './modules/care/care.job';

const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose: 'lastmeter server' });
  await database.migrate();
  const deps: AppDeps = {
    config,
    db: database.db,
    databaseKind: database.kind,
    keys: deriveKeys(loadSecret(config.secret, config.dataDir)),
    now: () => new Date(),
    version: VERSION,
    webDir: WEB_DIR,
  };

  let demoLoaded = false;
  if (config.demo && !(await hasAnyOrg(deps))) {
    await loadDemoTownship(systemCtx(deps), config.demoPassword, { people: DEMO_PEOPLE_PER_STATION, history: true });
    demoLoaded = true;
  }

  const app = await buildApp(deps);
  let stopCareJob = () => {};
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    stopCareJob();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  stopCareJob = startCareJob(deps, app.log);
  const where = database.kind === 'pglite' ? `embedded PGlite in ${path.join(config.dataDir, 'pglite')}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  最后一米 LastMeter ${VERSION} — ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    `  Open      ${address}`,
    `  API docs  ${address}/api/docs`,
    `  Database  ${where}${demoLoaded ? ' (demo township loaded just now)' : ''}`,
  ];
  if (config.demo) {
    lines.push('', `  Demo accounts (synthetic data), password: ${config.demoPassword}`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.username.padEnd(20)} ${account.role.padEnd(10)} ${account.displayName}`);
  }
  console.log(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('LastMeter failed to start:', error);
  }
  process.exit(1);
});
