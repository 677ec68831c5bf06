import type { Config } from './config.js';
import type { Keys } from './crypto/secrets.js';
import type { Storage } from './db/pool.js';

/** Long-lived dependencies every route may use. */
export interface Services {
  config: Config;
  storage: Storage;
  keys: Keys;
}
