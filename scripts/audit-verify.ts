/**
 * `npm run audit:verify`: recomputes every audit chain and says where one breaks.
 * Exit code 0 when all chains are intact, 1 when one is broken, 2 when it could not check.
 * On the embedded database it takes the data folder's lock, so it refuses to run beside a server.
 */
import { ConfigError, loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { DataDirLockedError } from '../src/server/db/lock';
import { verifyAuditChains } from '../src/server/audit/audit';

async function run(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose: 'audit:verify' });
  try {
    await database.migrate();
    const report = await verifyAuditChains(database.db);
    console.log(`Checked ${report.events} audit events in ${report.chains} chains (${database.kind}).`);
    if (report.breaks.length === 0) {
      console.log('All chains are intact. 审计链完整。');
      return 0;
    }
    console.log(`${report.breaks.length} chain(s) broken. 审计链被破坏：`);
    for (const b of report.breaks) {
      console.log(`  chain ${b.chain}: first break at seq ${b.seq}${b.eventId ? ` (event ${b.eventId})` : ''}: ${b.reason}`);
    }
    return 1;
  } finally {
    await database.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : error);
    process.exit(2);
  },
);
