/**
 * `npm run gen:scale -- --stations N --people-per-station M [--seed S] [--stations-per-county 15]`
 *
 * Fills the configured database (DATA_DIR or DATABASE_URL, as the server) with a synthetic
 * county or province: counties of up to 15 township stations, each with 8–15 villages and M
 * residents in households. Everything generated is invented (see src/server/demo/synthetic-people.ts).
 * Takes the data folder's lock like the server, so stop the server first on the embedded database.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { DataDirLockedError } from '../src/server/db/lock';
import { deriveKeys, loadSecret } from '../src/server/secrets';
import { systemCtx, type AppDeps } from '../src/server/context';
import { generateScale } from '../src/server/demo/scale';
import { VERSION } from '../src/server/version';

const USAGE = 'usage: npm run gen:scale -- --stations N --people-per-station M [--seed S] [--stations-per-county 15]';

function positive(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`--${name} must be a whole number of at least 1\n${USAGE}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stations: { type: 'string' },
      'people-per-station': { type: 'string' },
      seed: { type: 'string' },
      'stations-per-county': { type: 'string' },
    },
  });
  const stations = positive(values.stations, 'stations');
  const peoplePerStation = positive(values['people-per-station'], 'people-per-station');
  const seed = positive(values.seed, 'seed', 1);
  const stationsPerCounty = positive(values['stations-per-county'], 'stations-per-county', 15);

  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, purpose: 'gen:scale' });
  try {
    await database.migrate();
    const deps: AppDeps = {
      config,
      db: database.db,
      databaseKind: database.kind,
      // The server's keys: identity numbers are encrypted and indexed exactly as the server does.
      keys: deriveKeys(loadSecret(config.secret, config.dataDir)),
      now: () => new Date(),
      version: VERSION,
    };
    const total = stations * peoplePerStation;
    console.log(`Generating ${stations} stations × ${peoplePerStation} people = ${total.toLocaleString('en')} synthetic residents into ${database.kind === 'pglite' ? config.dataDir : 'DATABASE_URL'} …`);
    let shown = 0;
    const result = await generateScale(systemCtx(deps), {
      stations,
      peoplePerStation,
      seed,
      stationsPerCounty,
      onProgress: (p) => {
        if (p.people - shown < 20_000 && p.people < total) return;
        shown = p.people;
        console.log(`  ${p.people.toLocaleString('en').padStart(11)} / ${total.toLocaleString('en')} people  station ${p.stations}/${stations}  ${p.seconds.toFixed(1)} s  ${Math.round(p.people / p.seconds).toLocaleString('en')} people/s`);
      },
    });
    console.log(
      `Done: ${result.counties} counties, ${result.stationList.length} stations, ${result.households.toLocaleString('en')} households, ` +
        `${result.people.toLocaleString('en')} people, ${result.benefits.toLocaleString('en')} benefits in ${result.seconds.toFixed(1)} s ` +
        `(${Math.round(result.people / result.seconds).toLocaleString('en')} people/s).`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
  else console.error('gen:scale failed:', error);
  process.exit(1);
});
