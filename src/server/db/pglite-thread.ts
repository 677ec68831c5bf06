/**
 * PGlite on a worker thread of its own, behind the interface PGlite's node-postgres adapter uses
 * (`execProtocolStream`, `waitReady`): the same pg.Pool code path, but PostgreSQL (compiled to
 * WebAssembly) no longer runs on the thread that parses HTTP requests, validates import rows and
 * serialises answers. On a 2-core machine that is the difference between taking turns and working
 * side by side (measured: bench/results/import.md).
 *
 * Frontend messages up to a Sync, Flush or simple Query are sent together (one thread hop per query,
 * not five); the answer comes back as wire-protocol bytes, parsed here by pg-protocol, the parser
 * node-postgres itself uses.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { DatabaseError, parse } from 'pg-protocol';
import type { NaarWorker, VanWorker } from './pglite-worker.js';

type BackendMessage = Parameters<Parameters<typeof parse>[1]>[0];

/** Frontend message types that make the backend answer: Sync, Flush, Query, CopyDone, CopyFail. */
const VERSTUUR = new Set(['S', 'H', 'Q', 'c', 'f'].map((c) => c.charCodeAt(0)));

export class PGliteThread {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly wachtend = new Map<number, { resolve: (b: Uint8Array | null) => void; reject: (e: Error) => void }>();
  private volgnummer = 0;
  private buffer: Uint8Array[] = [];
  private gestopt: Error | null = null;

  private constructor(dataDir: string) {
    const js = new URL('./pglite-worker.js', import.meta.url);
    // Built (dist/): the compiled worker. From source (tests, tsx): the TypeScript file, loaded
    // through tsx's loader registered inside the worker (loaders are per thread).
    this.worker = fs.existsSync(js)
      ? new Worker(js, { workerData: { dataDir } })
      : new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./pglite-worker.ts', import.meta.url).href)}); })`,
          { eval: true, workerData: { dataDir } },
        );
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (m: VanWorker) => {
        if (m.soort === 'klaar') return resolve();
        const w = this.wachtend.get(m.id);
        if (!w) return;
        this.wachtend.delete(m.id);
        if (m.soort === 'fout') w.reject(new Error(m.bericht));
        else w.resolve(m.bytes);
      });
      const stop = (e: Error) => {
        this.gestopt = e;
        reject(e);
        for (const w of this.wachtend.values()) w.reject(e);
        this.wachtend.clear();
      };
      this.worker.on('error', stop);
      this.worker.on('exit', (code) => stop(new Error(`PGlite-worker gestopt (code ${code})`)));
    });
  }

  static async create(dataDir: string): Promise<PGliteThread> {
    const t = new PGliteThread(dataDir);
    await t.waitReady;
    return t;
  }

  private stuur(m: NaarWorker): Promise<Uint8Array | null> {
    if (this.gestopt) return Promise.reject(this.gestopt);
    return new Promise((resolve, reject) => {
      this.wachtend.set(m.id, { resolve, reject });
      this.worker.postMessage(m);
    });
  }

  /** What the node-postgres adapter calls for every frontend message, one at a time. */
  async execProtocolStream(message: Uint8Array, opties: { throwOnError?: boolean } = {}): Promise<BackendMessage[]> {
    this.buffer.push(message);
    if (message[0] !== 0 && !VERSTUUR.has(message[0] as number)) return [];
    const delen = this.buffer;
    this.buffer = [];
    const bytes = delen.length === 1 ? (delen[0] as Uint8Array) : Buffer.concat(delen);
    const uit = await this.stuur({ soort: 'protocol', id: ++this.volgnummer, bytes });
    const berichten: BackendMessage[] = [];
    if (uit && uit.length > 0) {
      const bron = new EventEmitter();
      void parse(bron as unknown as NodeJS.ReadableStream, (b) => berichten.push(b));
      bron.emit('data', Buffer.from(uit.buffer, uit.byteOffset, uit.byteLength));
    }
    if (opties.throwOnError !== false) {
      const fout = berichten.find((b) => b instanceof DatabaseError);
      if (fout) throw fout;
    }
    return berichten;
  }

  async close(): Promise<void> {
    if (this.gestopt) return;
    await this.stuur({ soort: 'sluiten', id: ++this.volgnummer });
    await this.worker.terminate();
  }
}
