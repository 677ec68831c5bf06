import type { Config } from './config.js';
import type { Keys } from './crypto/secrets.js';
import type { Storage } from './db/pool.js';
import type { KandidatenIndexen } from './modules/kandidaten/zoekindex-sync.js';
import type { MatchingIndexen } from './modules/matching/sync.js';

/** Long-lived dependencies every route may use. */
export interface Services {
  config: Config;
  storage: Storage;
  keys: Keys;
  /** In-process matching indexes, one per region, kept in step with the database. */
  matching: MatchingIndexen;
  /** In-process kandidaten search indexes, one per region, kept in step with the database. */
  kandidaten: KandidatenIndexen;
}
