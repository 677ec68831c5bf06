import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { NEDERLANDSE_TIJDZONE } from '../../shared/datum.js';
import { PGliteThread } from './pglite-thread.js';
import type { Database } from './schema.js';

export type StorageKind = 'pglite' | 'postgresql';

export interface Storage {
  kind: StorageKind;
  pool: pg.Pool;
  db: Kysely<Database>;
  close(): Promise<void>;
}

// Dates stay ISO strings (no timezone shifts); int8/numeric stay exact strings unless cast in SQL.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

export const PGLITE_EXTENSIONS = { unaccent, pg_trgm };

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** An existing PGlite instance (tests clone a migrated template into memory). */
  pglite?: PGlite;
  poolSize?: number;
}

/** One code path for both storage kinds: a pg.Pool, and Kysely on top of it. */
export async function openStorage(options: OpenOptions): Promise<Storage> {
  if (options.databaseUrl) {
    // JIT compilation costs tens of milliseconds per query and never pays off for short OLTP queries.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: `-c jit=off -c TimeZone=${NEDERLANDSE_TIJDZONE}` });
    pool.on('error', () => {
      /* idle client errors are reported by the next query */
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgresql', pool, db, close: () => db.destroy() };
  }
  let pglite: PGlite | PGliteThread | undefined = options.pglite;
  const owned = !pglite;
  if (!pglite) {
    const dir = options.dataDir ?? './data';
    fs.mkdirSync(dir, { recursive: true });
    // On disk: PGlite on a worker thread of its own (PASSEND_PGLITE_THREAD=0 keeps it on this one).
    pglite = process.env.PASSEND_PGLITE_THREAD === '0' ? await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS }) : await PGliteThread.create(dir);
  }
  // The adapter needs only execProtocolStream and waitReady, which PGliteThread provides.
  const pool = new pg.Pool(createPgConfig(pglite as PGlite));
  // Every session's time zone is the Dutch one, so SQL's `current_date` (validity of access grounds,
  // referrals, deadlines) is the same date as `vandaag()` in the code that writes those dates (with
  // UTC the two disagreed for an hour or two after midnight). PostgreSQL: the connection option above.
  // PGlite: one session behind every client, set once before the pool's first query.
  await pglite.waitReady;
  const eerste = await pool.connect();
  try {
    await eerste.query(`SET TIME ZONE '${NEDERLANDSE_TIJDZONE}'`);
  } finally {
    eerste.release();
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const instance = pglite;
  return {
    kind: 'pglite',
    pool,
    db,
    async close() {
      await db.destroy();
      if (owned) await instance.close();
    },
  };
}
