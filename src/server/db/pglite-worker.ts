/**
 * The worker thread that runs PGlite for an on-disk data directory (see pglite-thread.ts). It speaks
 * the PostgreSQL wire protocol: bytes in (one or more frontend messages), bytes out (every backend
 * message they produce), one request at a time, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

export type NaarWorker = { soort: 'protocol'; id: number; bytes: Uint8Array } | { soort: 'sluiten'; id: number };
export type VanWorker = { soort: 'klaar' } | { soort: 'antwoord'; id: number; bytes: Uint8Array | null } | { soort: 'fout'; id: number; bericht: string };

const poort = parentPort;
if (!poort) throw new Error('pglite-worker draait alleen als worker thread');
const { dataDir } = workerData as { dataDir: string };
const db = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm } });
poort.postMessage({ soort: 'klaar' } satisfies VanWorker);

// Requests are handled strictly one after another (a message that arrives during an await waits).
let rij: Promise<void> = Promise.resolve();
poort.on('message', (m: NaarWorker) => {
  rij = rij.then(async () => {
    try {
      if (m.soort === 'sluiten') {
        await db.close();
        poort.postMessage({ soort: 'antwoord', id: m.id, bytes: null } satisfies VanWorker);
        return;
      }
      // Synchronous: the whole input (a Parse … Sync sequence at once) runs before anything else.
      const uit = db.execProtocolRawSync(m.bytes);
      await db.syncToFs();
      poort.postMessage({ soort: 'antwoord', id: m.id, bytes: uit } satisfies VanWorker, [uit.buffer as ArrayBuffer]);
    } catch (e) {
      poort.postMessage({ soort: 'fout', id: m.id, bericht: e instanceof Error ? e.message : String(e) } satisfies VanWorker);
    }
  });
});
