import path from 'node:path';

/** Runtime configuration, read from the environment once at start-up. Documented in README.md. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent Passend runs on PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections to the PostgreSQL server per process (PGlite always has one). */
  databasePoolSize: number;
  dataDir: string;
  /** Secret used to derive the BSN encryption and look-up keys and token hashes. */
  secret: string | undefined;
  cookieSecure: boolean;
  sessionHours: number;
  logLevel: string;
  /** Maximum JSON body size in bytes. */
  bodyLimit: number;
  /** Maximum size of one streamed bulk upload (POST /api/v1/imports) in bytes; it is never held in memory. */
  importMaxBytes: number;
  production: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: intFrom(env, 'PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: intFrom(env, 'DATABASE_POOL_SIZE', 10, 1),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    secret: env.PASSEND_SECRET || undefined,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : production,
    sessionHours: intFrom(env, 'SESSION_HOURS', 8),
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'warn'),
    bodyLimit: intFrom(env, 'BODY_LIMIT', 1_048_576),
    importMaxBytes: intFrom(env, 'IMPORT_MAX_BYTES', 2 * 1024 ** 3),
    production,
  };
}

/** A whole number from the environment (at least `min`), or `fallback` when unset; anything else stops start-up, naming the variable. */
function intFrom(env: NodeJS.ProcessEnv, naam: string, fallback: number, min = 0): number {
  const value = env[naam];
  if (value === undefined || value === '') return fallback;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n) || n < min) throw new Error(`Ongeldige waarde voor ${naam}: ${value} (een geheel getal van minstens ${min})`);
  return n;
}

/** How the storage is opened for this configuration (server, CLI). */
export function opslagOpties(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>) {
  return { databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize };
}
