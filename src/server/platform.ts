import { buildApp, type BuildOptions, type PassendApp } from './app.js';
import { type Config, opslagOpties } from './config.js';
import { deriveKeys, resolveSecret } from './crypto/secrets.js';
import { migrate } from './db/migrate.js';
import { openStorage, type OpenOptions } from './db/pool.js';
import type { Services } from './services.js';
import { MatchingIndexen } from './modules/matching/sync.js';
import { KandidatenIndexen } from './modules/kandidaten/zoekindex-sync.js';

/** Opens storage, migrates, derives keys and builds the HTTP app: what `passend serve` and tests share. */
export async function startPlatform(config: Config, options: BuildOptions & { storage?: OpenOptions } = {}): Promise<{ app: PassendApp; services: Services }> {
  const storage = await openStorage(options.storage ?? opslagOpties(config));
  try {
    await migrate(storage.pool);
    const keys = deriveKeys(resolveSecret(config));
    const services: Services = { config, storage, keys, matching: new MatchingIndexen(), kandidaten: new KandidatenIndexen() };
    const app = await buildApp(services, options);
    app.addHook('onClose', async () => storage.close());
    return { app, services };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

/** Loads every region's kandidaten search index and matching index (they are otherwise loaded on first use). */
export async function warmIndexen(services: Services): Promise<void> {
  const regios = await services.storage.db.selectFrom('arbeidsmarktregio').select('id').execute();
  for (const r of regios) {
    await services.kandidaten.voor(r.id).verversen(services.storage.db);
    await services.matching.voor(r.id).verversen(services.storage.db);
  }
}
