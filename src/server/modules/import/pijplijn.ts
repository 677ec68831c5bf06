/**
 * Bulk delivery, end to end: bytes in (a file, an HTTP body), validated rows out in batches, each
 * batch committed in its own transaction together with the run's counts, its report and its
 * checkpoint (the last line committed). Used by the CLI (`passend import`), the API and the benchmark.
 *
 * - Streaming: chunks are decoded and parsed as they come; memory holds one batch plus the
 *   duplicate check (extern_id and BSN hash → first line), never the file.
 * - Resumable: a run that did not finish is found again by gemeente + sha256 of the content (when the
 *   caller knows it up front, as the CLI does) and continues after its checkpoint. Rows upsert by
 *   extern_id, so any re-run ends with each row exactly once.
 * - A dry run (proefdraai) validates everything and writes only the run record and its report.
 * - Nothing here logs or stores a BSN, a name or a raw row: the report is line, field and reason.
 */
import { TextDecoder } from 'node:util';
import { createHash, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../access/policy.js';
import type { Keys } from '../../crypto/secrets.js';
import type { StorageKind } from '../../db/pool.js';
import type { Database } from '../../db/schema.js';
import { csvRegel } from '../../lib/csv.js';
import { type Formaat, ImportStroom, type Uitkomst } from './bron.js';
import type { ImportRij, RijFout } from './rij.js';
import { bereidVoor, importSleutel, magVerwijzingenPerBatch, schrijfBatch, type Voorbereiding } from './schrijver.js';

export const STANDAARD_BATCH = 2_000;
/** Characters parsed and validated between two turns of the event loop (≈ 100 rows of the template). */
const TEKENS_PER_BEURT = 32_768;
/** How many problems an answer carries; the full report is downloadable. */
export const FOUTEN_IN_ANTWOORD = 100;

export interface ImportOpties {
  /** The database itself (not a transaction): every batch opens its own. */
  db: Kysely<Database>;
  keys: Keys;
  /** The account the delivery acts as. */
  actor: Actor;
  gestartVia: 'sessie' | 'api-token' | 'cli';
  apiTokenId?: string | null;
  /** The gemeente the rows are for. */
  organisatieId: string;
  proefdraai: boolean;
  bestandsnaam?: string | null;
  /** sha256 of the whole content, when known before reading (a file): makes the run resumable. */
  sha256?: string | null;
  /** The format the sender declared (Content-Type); JSON must then be a list, JSON Lines objects. */
  verwachtFormaat?: Formaat | null;
  batchGrootte?: number;
  /** Refuse more bytes than this (the upload limit). */
  maxBytes?: number;
  verzoekId?: string | null;
  /** Called after every chunk and every committed batch. */
  onVoortgang?: (v: Voortgang) => void;
  /** Called after every committed batch with its duration (the benchmark's per-batch latency). */
  onBatch?: (ms: number, rijen: number) => void;
  /**
   * How many batches may be written at the same time (default 1). On PostgreSQL 2 lets the server
   * use both cores: batches of one run touch disjoint rows, and each still commits after the one
   * before it (its checkpoint and counts are written last, once the previous batch has committed).
   * The run then holds its gemeente's import lock for its whole duration on a connection of its own.
   * PGlite has one connection: keep 1.
   */
  gelijktijdig?: number;
  /**
   * The size of the connection pool `db` draws from. With it, runs never hold connections while they
   * wait for connections (see `importeer`); callers that share the pool with other work must pass it.
   */
  poolGrootte?: number;
  /**
   * Build the profiles' search vectors in Node from lexemes stemmed once per word (default), or leave
   * them to the table's trigger. Measured (docs/import.md): on PGlite, whose one database thread is the
   * bottleneck, Node building them was 11% faster (50,000 rows); on PostgreSQL, where the two cores'
   * total CPU bounds the import, the trigger's stemming costs the server ~3.4 s per 100,000 rows and the
   * one-pass builder (vectorInEenGang) Node ~1 s, so Node builds them there too. Callers pass
   * ZOEKVECTOR_IN_NODE[storage kind].
   */
  zoekvectorInNode?: boolean;
}

export interface Voortgang {
  bytes: number;
  gelezen: number;
  geaccepteerd: number;
  afgewezen: number;
}

export interface ImportSamenvatting {
  /** null when the file could not be read at all and nothing was recorded. */
  runId: string | null;
  status: 'klaar' | 'afgebroken' | 'onleesbaar';
  proefdraai: boolean;
  formaat: Formaat | null;
  gelezen: number;
  geaccepteerd: number;
  afgewezen: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  /** This run continued an unfinished one from this line (0: started fresh). */
  hervatVanafRegel: number;
  bytes: number;
  /** The first problems (FOUTEN_IN_ANTWOORD) and how many there are in all. */
  fouten: RijFout[];
  foutenTotaal: number;
  /** Why the file could not be read (at all, or from some point on). */
  fataal: RijFout[] | null;
  /** The file is not valid JSON (so the API can answer ongeldige_json). */
  jsonFout: boolean;
  /** The upload was larger than allowed. */
  teGroot: boolean;
}

interface RunStand {
  id: string;
  bestaat: boolean;
  checkpoint: number;
  gelezen: number;
  geaccepteerd: number;
  afgewezen: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  volgnummer: number;
}

export class ImportAfgebroken extends Error {}

/** Batches in flight per run, by storage (see ImportOpties.gelijktijdig): PGlite has one connection. */
export const GELIJKTIJDIG = { postgresql: 2, pglite: 1 } as const satisfies Record<StorageKind, number>;
/** Where search vectors are built, by storage (see ImportOpties.zoekvectorInNode). */
export const ZOEKVECTOR_IN_NODE = { postgresql: true, pglite: true } as const satisfies Record<StorageKind, boolean>;

/** Runs of this process that write batches side by side (each holds a lock connection plus up to `gelijktijdig` more). */
let naastElkaar = 0;
/** Per gemeente, the end of the queue of this process's runs (see `opBeurt`). */
const wachtrijen = new Map<string, Promise<void>>();

/** Runs `werk` after every run queued before it under `sleutel` in this process has ended. */
async function opBeurt<T>(sleutel: string, werk: () => Promise<T>): Promise<T> {
  const vorige = wachtrijen.get(sleutel) ?? Promise.resolve();
  let klaar = () => {};
  const deze = new Promise<void>((resolve) => {
    klaar = resolve;
  });
  const staart = vorige.then(() => deze);
  wachtrijen.set(sleutel, staart);
  await vorige;
  try {
    return await werk();
  } finally {
    klaar();
    if (wachtrijen.get(sleutel) === staart) wachtrijen.delete(sleutel);
  }
}

/**
 * Reads the delivery from `bron` and applies it. Throws only for faults (database, aborted stream).
 *
 * With `poolGrootte`, no run can hold a pool connection while waiting for one that only another run
 * waiting the same way could free (which would stop every import and the rest of the application
 * sharing the pool): runs of one gemeente in this process take turns before they take a connection
 * (instead of each holding one while it waits for the gemeente's lock), and runs writing side by side
 * (a lock connection plus `gelijktijdig` batch connections each) together get at most half the pool —
 * any other run writes one batch at a time, holding at most one connection, only for a batch. With
 * the default pool of 10 that is one run side by side; a pool under 6 writes every run one batch at a time.
 */
export async function importeer(bron: AsyncIterable<Uint8Array | string>, opties: ImportOpties): Promise<ImportSamenvatting> {
  if (opties.proefdraai || opties.poolGrootte === undefined) return importeerMet(bron, opties);
  const pool = opties.poolGrootte;
  return opBeurt(importSleutel(opties.organisatieId), async () => {
    const gelijktijdig = Math.max(1, Math.floor(opties.gelijktijdig ?? 1));
    // A run side by side holds its lock connection plus one per batch in flight.
    if (gelijktijdig === 1 || (naastElkaar + 1) * (1 + gelijktijdig) > Math.floor(pool / 2)) return importeerMet(bron, { ...opties, gelijktijdig: 1 });
    naastElkaar++;
    try {
      return await importeerMet(bron, opties);
    } finally {
      naastElkaar--;
    }
  });
}

async function importeerMet(bron: AsyncIterable<Uint8Array | string>, opties: ImportOpties): Promise<ImportSamenvatting> {
  if ((opties.gelijktijdig ?? 1) <= 1 || opties.proefdraai) return voerUit(bron, opties);
  // Batches in flight side by side: this run takes turns with other imports of the gemeente as a
  // whole, holding the lock a batch would otherwise take on a connection of its own (released when
  // the run ends, or by the server when the process dies).
  return opties.db.connection().execute(async (verbinding) => {
    const sleutel = importSleutel(opties.organisatieId);
    await sql`SELECT pg_advisory_lock(hashtext(${sleutel}))`.execute(verbinding);
    try {
      return await voerUit(bron, opties);
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${sleutel}))`.execute(verbinding).catch(() => undefined);
    }
  });
}

async function voerUit(bron: AsyncIterable<Uint8Array | string>, opties: ImportOpties): Promise<ImportSamenvatting> {
  const { db } = opties;
  const batchGrootte = opties.batchGrootte ?? STANDAARD_BATCH;
  const org = await db.selectFrom('organisatie').select(['id', 'regio_id', 'soort']).where('id', '=', opties.organisatieId).executeTakeFirstOrThrow();
  if (org.soort !== 'gemeente') throw new Error('Een import is altijd voor een gemeente.');

  const stand: RunStand = {
    id: randomUUID(),
    bestaat: false,
    checkpoint: 0,
    gelezen: 0,
    geaccepteerd: 0,
    afgewezen: 0,
    nieuw: 0,
    gewijzigd: 0,
    ongewijzigd: 0,
    volgnummer: 0,
  };
  let hervatVanaf = 0;
  if (opties.sha256) {
    const open = await db
      .selectFrom('import_run')
      .selectAll()
      .where('organisatie_id', '=', opties.organisatieId)
      .where('sha256', '=', opties.sha256)
      .where('proefdraai', '=', opties.proefdraai)
      .where('status', '=', 'lopend')
      .orderBy('gestart_op', 'desc')
      .executeTakeFirst();
    if (open) {
      const max = await db
        .selectFrom('import_fout')
        .select(sql<number>`coalesce(max(volgnummer), 0)::int`.as('n'))
        .where('run_id', '=', open.id)
        .executeTakeFirstOrThrow();
      Object.assign(stand, {
        id: open.id,
        bestaat: true,
        checkpoint: open.checkpoint,
        gelezen: open.gelezen,
        geaccepteerd: open.geaccepteerd,
        afgewezen: open.afgewezen,
        nieuw: open.nieuw,
        gewijzigd: open.gewijzigd,
        ongewijzigd: open.ongewijzigd,
        volgnummer: max.n,
      });
      hervatVanaf = open.checkpoint;
    }
  }

  const stroom = new ImportStroom();
  const hash = createHash('sha256');
  let bytes = 0;
  let decoder: TextDecoder | null = null;
  let kop: Uint8Array = new Uint8Array(0);
  let fataal: RijFout[] | null = null;
  let jsonFout = false;
  let teGroot = false;
  /** The line the last outcome started on. */
  let regel = 0;
  let rijen: ImportRij[] = [];
  let fouten: RijFout[] = [];
  let afgewezenInBatch = new Set<number>();
  const voortgang = () =>
    opties.onVoortgang?.({
      bytes,
      gelezen: stand.gelezen + rijen.length + afgewezenInBatch.size,
      geaccepteerd: stand.geaccepteerd + rijen.length,
      afgewezen: stand.afgewezen + afgewezenInBatch.size,
    });

  const gelijktijdig = Math.max(1, Math.floor(opties.gelijktijdig ?? 1));
  /** Public profile codes handed out by this run (batches in flight cannot see each other's yet). */
  const uitgegeven = new Set<string>();
  let geanalyseerdBij = 0;
  const verwijzingenPerBatch = !opties.proefdraai && (await magVerwijzingenPerBatch(db));
  const batchContext = (tx: Kysely<Database>) => ({
    db: tx,
    keys: opties.keys,
    actor: opties.actor,
    organisatieId: opties.organisatieId,
    regioId: org.regio_id,
    runId: stand.id,
    verzoekId: opties.verzoekId ?? null,
    runVergrendeld: gelijktijdig > 1 && !opties.proefdraai,
    uitgegevenPubliekIds: uitgegeven,
    verwijzingenPerBatch,
    zoekvectorInNode: opties.zoekvectorInNode ?? true,
  });

  interface Batch {
    rijen: ImportRij[];
    fouten: RijFout[];
    afgewezen: Set<number>;
    regel: number;
    voorbereid: Voorbereiding;
  }
  /**
   * Commits one batch (rows and problems up to its last line) with the run's counts and checkpoint.
   * The rows are written first; the run record only once the previous batch has committed (its
   * failure rolls this one back too), so checkpoints and counts advance strictly in file order.
   */
  const commit = async (
    { rijen, fouten, afgewezen: afgewezenInBatch, regel, voorbereid }: Batch,
    afsluiten: 'klaar' | 'afgebroken' | null,
    voorganger: Promise<void>,
  ) => {
    const t0 = performance.now();
    const aantal = rijen.length;
    await db.transaction().execute(async (tx) => {
      // A batch before the last need not wait for its WAL flush: if the machine stops, the worst case
      // is that the run's checkpoint is a batch earlier (consistent, as it commits with the rows), and a
      // re-run redoes that batch. The last batch (the one that says 'klaar') commits durably.
      const r = await schrijfBatch({ ...batchContext(tx), uitgesteldeCommit: !afsluiten }, rijen, opties.proefdraai, voorbereid);
      await voorganger;
      if (!stand.bestaat) {
        await tx
          .insertInto('import_run')
          .values({
            id: stand.id,
            organisatie_id: opties.organisatieId,
            gestart_door: opties.actor.gebruikerId,
            gestart_via: opties.gestartVia,
            api_token_id: opties.apiTokenId ?? null,
            bestandsnaam: opties.bestandsnaam ? opties.bestandsnaam.slice(0, 255) : null,
            sha256: opties.sha256 ?? null,
            formaat: stroom.formaat,
            proefdraai: opties.proefdraai,
          })
          .execute();
      } else {
        // Claims the run for this batch; another process that resumed the same run meanwhile wins.
        const claim = await tx
          .updateTable('import_run')
          .set({ bijgewerkt_op: new Date() })
          .where('id', '=', stand.id)
          .where('checkpoint', '=', stand.checkpoint)
          .where('status', '=', 'lopend')
          .executeTakeFirst();
        if (Number(claim.numUpdatedRows) !== 1) throw new ImportAfgebroken('Deze import wordt intussen door een ander proces uitgevoerd.');
      }
      for (const f of r.fouten) afgewezenInBatch.add(f.regel);
      const alleFouten = [...fouten, ...r.fouten].sort((a, b) => a.regel - b.regel);
      if (alleFouten.length > 0) {
        const nummers = alleFouten.map((_, i) => stand.volgnummer + i + 1);
        await sql`
          INSERT INTO import_fout (run_id, organisatie_id, volgnummer, regel, veld, reden)
          SELECT ${stand.id}::uuid, ${opties.organisatieId}::uuid, v, r, f, d
          FROM unnest(${nummers}::int[], ${alleFouten.map((f) => f.regel)}::int[], ${alleFouten.map((f) => f.veld.slice(0, 80))}::text[],
                      ${alleFouten.map((f) => f.reden.slice(0, 500))}::text[]) AS u(v, r, f, d)`.execute(tx);
      }
      const volgende: RunStand = {
        ...stand,
        bestaat: true,
        checkpoint: Math.max(stand.checkpoint, regel),
        gelezen: stand.gelezen + r.geaccepteerd + afgewezenInBatch.size,
        geaccepteerd: stand.geaccepteerd + r.geaccepteerd,
        afgewezen: stand.afgewezen + afgewezenInBatch.size,
        nieuw: stand.nieuw + r.nieuw,
        gewijzigd: stand.gewijzigd + r.gewijzigd,
        ongewijzigd: stand.ongewijzigd + r.ongewijzigd,
        volgnummer: stand.volgnummer + alleFouten.length,
      };
      await tx
        .updateTable('import_run')
        .set({
          checkpoint: volgende.checkpoint,
          gelezen: volgende.gelezen,
          geaccepteerd: volgende.geaccepteerd,
          afgewezen: volgende.afgewezen,
          nieuw: volgende.nieuw,
          gewijzigd: volgende.gewijzigd,
          ongewijzigd: volgende.ongewijzigd,
          bytes,
          formaat: stroom.formaat,
          bijgewerkt_op: new Date(),
          ...(afsluiten
            ? { status: afsluiten, afgerond_op: new Date(), ...(opties.sha256 || afsluiten !== 'klaar' ? {} : { sha256: hash.copy().digest('hex') }) }
            : {}),
        })
        .where('id', '=', stand.id)
        .execute();
      Object.assign(stand, volgende);
    });
    // A large delivery grows the tables faster than autovacuum re-samples them: with statistics from
    // when the gemeente had a few hundred persons, the planner reads all of them for every batch's
    // look-up by extern_id. Fresh statistics each time the run has doubled what it has written.
    if (!opties.proefdraai && stand.nieuw >= Math.max(1_000, 2 * geanalyseerdBij)) {
      geanalyseerdBij = stand.nieuw;
      // Only the columns the batch look-ups filter on (a tsvector's statistics are costly to gather).
      await sql`ANALYZE persoon (organisatie_id, extern_id, bsn_hash), kandidaatprofiel (persoon_id, publiek_id), toestemming (persoon_id)`.execute(db);
    }
    opties.onBatch?.(performance.now() - t0, aantal);
    voortgang();
  };

  // Reading and validating the next batch overlaps with committing the previous ones; at most
  // `gelijktijdig` batches are in flight, and they commit one after the other, in file order.
  let vorige: Promise<void> = Promise.resolve();
  const inVlucht = new Set<Promise<void>>();
  let mislukt = false;
  const vastleggen = async (afsluiten: 'klaar' | 'afgebroken' | null) => {
    const batch: Omit<Batch, 'voorbereid'> = { rijen, fouten, afgewezen: afgewezenInBatch, regel };
    rijen = [];
    fouten = [];
    afgewezenInBatch = new Set();
    // Everything of the batch that needs no database is done now, while the batches before it are
    // being written (on PGlite, whose database runs on a thread of its own, the two then overlap).
    const voorbereid = await bereidVoor(batchContext(opties.db), batch.rijen, opties.proefdraai);
    while (inVlucht.size >= gelijktijdig) await Promise.race(inVlucht);
    // A batch failed: stop reading (the batches after it roll back too) and report its error.
    if (mislukt) await vorige;
    const bezig = commit({ ...batch, voorbereid }, afsluiten, vorige);
    vorige = bezig;
    const spoor: Promise<void> = bezig.then(
      () => {
        inVlucht.delete(spoor);
      },
      () => {
        mislukt = true;
        inVlucht.delete(spoor);
      },
    );
    inVlucht.add(spoor);
    if (afsluiten) await bezig;
  };

  const verwerk = async (uitkomsten: Uitkomst[]) => {
    for (const u of uitkomsten) {
      const r = 'rij' in u ? u.rij.regel : (u.fouten[0]?.regel ?? regel);
      // Lines up to the checkpoint were committed by the run this one resumes (they still passed
      // through the reader above, so a duplicate later in the file is still recognised).
      if (r <= hervatVanaf && r > 0) continue;
      regel = Math.max(regel, r);
      if ('rij' in u) rijen.push(u.rij);
      else {
        fouten.push(...u.fouten);
        // A problem with the file's end (an unclosed JSON list) is no row of its own.
        if (u.fouten.some((f) => f.veld !== '(bestand)')) afgewezenInBatch.add(r);
      }
      if (rijen.length >= batchGrootte || fouten.length >= batchGrootte * 5) await vastleggen(null);
    }
  };

  /**
   * Feeds text to the parser a line-bounded slice at a time, with a turn of the event loop between
   * slices: a batch in flight then gets its answers handled promptly instead of after a whole chunk.
   */
  const voed = async (tekst: string) => {
    let van = 0;
    for (;;) {
      const tot = tekst.length - van > TEKENS_PER_BEURT ? tekst.indexOf('\n', van + TEKENS_PER_BEURT) : -1;
      if (tot < 0) break;
      await verwerk(stroom.feed(tekst.slice(van, tot + 1)));
      van = tot + 1;
      if (stroom.fataal) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await verwerk(stroom.feed(van === 0 ? tekst : tekst.slice(van)));
  };

  const controleerFormaat = () => {
    if (fataal || !stroom.formaat || !opties.verwachtFormaat) return;
    if (opties.verwachtFormaat === 'json' && stroom.formaat !== 'json') {
      fataal = [{ regel: 1, veld: '(bestand)', reden: 'Verwacht een JSON-lijst van objecten: het bestand begint niet met [.' }];
      jsonFout = true;
    } else if (opties.verwachtFormaat === 'jsonl' && stroom.formaat !== 'jsonl') {
      fataal = [{ regel: 1, veld: '(bestand)', reden: 'Verwacht JSON Lines: op elke regel één object ({…}).' }];
      jsonFout = true;
    }
  };

  try {
    for await (const stuk of bron) {
      const chunk = typeof stuk === 'string' ? Buffer.from(stuk) : stuk;
      bytes += chunk.byteLength;
      hash.update(chunk);
      if (opties.maxBytes !== undefined && bytes > opties.maxBytes) {
        teGroot = true;
        fataal = [{ regel: regel, veld: '(bestand)', reden: `Het bestand is groter dan toegestaan (${opties.maxBytes} bytes); lever het in delen aan.` }];
        break;
      }
      let data: Uint8Array = chunk;
      if (!decoder) {
        // The encoding from the byte order mark: UTF-16 (Excel's "Unicode text"), else UTF-8.
        kop = concat(kop, data);
        if (kop.length < 4) continue;
        decoder = new TextDecoder(kop[0] === 0xff && kop[1] === 0xfe ? 'utf-16le' : kop[0] === 0xfe && kop[1] === 0xff ? 'utf-16be' : 'utf-8');
        data = kop;
      }
      const tekst = decoder.decode(data, { stream: true });
      if (tekst.includes('\u0000')) {
        fataal = [
          {
            regel: Math.max(regel, 1),
            veld: '(bestand)',
            reden: 'Het bestand bevat binaire tekens (NUL): dit is geen tekstbestand. Sla het op als "CSV UTF-8" of lever JSON aan.',
          },
        ];
        break;
      }
      await voed(tekst);
      controleerFormaat();
      if (stroom.fataal) fataal = stroom.fataal;
      if (fataal) break;
      voortgang();
    }
    if (!fataal) {
      if (!decoder && kop.length > 0) {
        decoder = new TextDecoder('utf-8');
        const tekst = decoder.decode(kop);
        if (tekst.includes('\u0000')) fataal = [{ regel: 1, veld: '(bestand)', reden: 'Het bestand bevat binaire tekens (NUL): dit is geen tekstbestand.' }];
        else await verwerk(stroom.feed(tekst));
      }
      if (!fataal) {
        const rest = decoder?.decode() ?? '';
        if (rest) await verwerk(stroom.feed(rest));
        await verwerk(stroom.end());
        controleerFormaat();
        if (stroom.fataal) fataal = stroom.fataal;
      }
    }
  } catch (error) {
    // The source broke off (a client went away, a killed reader): let the batch in flight finish.
    // A run that can be resumed (its content hash is known: a file) stays 'lopend' at its checkpoint;
    // an upload cannot be resumed (send it again: rows upsert), so its run is closed as 'afgebroken'.
    // Every batch in flight finishes (commits or rolls back) before the run lets go of its lock.
    await Promise.all(inVlucht);
    await vorige.catch(() => undefined);
    if (stand.bestaat && !opties.sha256) {
      await db
        .updateTable('import_run')
        .set({ status: 'afgebroken', afgerond_op: new Date(), bijgewerkt_op: new Date() })
        .where('id', '=', stand.id)
        .where('status', '=', 'lopend')
        .execute()
        .catch(() => undefined);
    }
    throw error;
  }
  await vorige;
  if (fataal && stroom.formaat !== 'csv' && stroom.formaat !== null && !teGroot) jsonFout = true;
  if (fataal && stroom.formaat === null && opties.verwachtFormaat && opties.verwachtFormaat !== 'csv') jsonFout = true;

  if (fataal && !stand.bestaat) {
    // Nothing was committed: the file could not be read at all, and nothing is recorded.
    return {
      runId: null,
      status: 'onleesbaar',
      proefdraai: opties.proefdraai,
      formaat: stroom.formaat,
      gelezen: 0,
      geaccepteerd: 0,
      afgewezen: 0,
      nieuw: 0,
      gewijzigd: 0,
      ongewijzigd: 0,
      hervatVanafRegel: 0,
      bytes,
      fouten: fataal,
      foutenTotaal: fataal.length,
      fataal,
      jsonFout,
      teGroot,
    };
  }
  if (fataal) {
    // Rows before the problem are committed (upserts, so a corrected re-delivery just continues).
    fouten.push(...fataal);
    await vastleggen('afgebroken');
  } else await vastleggen('klaar');

  const eerste = await db
    .selectFrom('import_fout')
    .select(['regel', 'veld', 'reden'])
    .where('run_id', '=', stand.id)
    .orderBy('regel')
    .orderBy('volgnummer')
    .limit(FOUTEN_IN_ANTWOORD)
    .execute();
  return {
    runId: stand.id,
    status: fataal ? 'afgebroken' : 'klaar',
    proefdraai: opties.proefdraai,
    formaat: stroom.formaat,
    gelezen: stand.gelezen,
    geaccepteerd: stand.geaccepteerd,
    afgewezen: stand.afgewezen,
    nieuw: stand.nieuw,
    gewijzigd: stand.gewijzigd,
    ongewijzigd: stand.ongewijzigd,
    hervatVanafRegel: hervatVanaf,
    bytes,
    fouten: eerste,
    foutenTotaal: stand.volgnummer,
    fataal,
    jsonFout,
    teGroot,
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const c = new Uint8Array(a.length + b.length);
  c.set(a);
  c.set(b, a.length);
  return c;
}

/** The report of a run as CSV lines (regel;veld;reden), page by page from the database. */
export async function* rapportCsv(db: Kysely<Database>, runId: string): AsyncGenerator<string> {
  yield `\uFEFF${csvRegel(['regel', 'veld', 'reden'])}`;
  let vanaf = 0;
  for (;;) {
    const rows = await db
      .selectFrom('import_fout')
      .select(['volgnummer', 'regel', 'veld', 'reden'])
      .where('run_id', '=', runId)
      .where('volgnummer', '>', vanaf)
      .orderBy('volgnummer')
      .limit(5_000)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((r) => csvRegel([r.regel, r.veld, r.reden])).join('');
    vanaf = rows[rows.length - 1]!.volgnummer;
  }
}
