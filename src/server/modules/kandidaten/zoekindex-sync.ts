/**
 * Keeps one KandidatenZoekindex per arbeidsmarktregio in step with the database, the way the matching
 * index does (src/server/modules/matching/sync.ts): every kandidaatprofiel row carries the id of the
 * transaction that last wrote it (`tx`); before a search the index reloads the rows written at or
 * after its cursor and moves the cursor to the oldest transaction still running (`pg_snapshot_xmin`).
 * A withdrawn consent therefore hides a profile from the very next search, in every process.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { parseTsvector } from './tekstzoeken.js';
import { type IndexProfiel, KandidatenZoekindex } from './zoekindex.js';

const BATCH = 10_000;

interface Rij {
  id: string;
  publiek_id: string;
  organisatie_id: string;
  gepubliceerd: boolean;
  sectoren: string[];
  opleidingsniveau: string | null;
  werkcondities: string[];
  uren_min: string | null;
  uren_max: string | null;
  beschikbaar_vanaf: string | null;
  compleetheid: number;
  zoekvector: string | null;
}

const KOLOMMEN = sql`id, publiek_id, organisatie_id, gepubliceerd, sectoren, opleidingsniveau, werkcondities,
  uren_min::text AS uren_min, uren_max::text AS uren_max, beschikbaar_vanaf::text AS beschikbaar_vanaf, compleetheid,
  zoekvector::text AS zoekvector`;

function naarProfiel(r: Rij): IndexProfiel {
  return {
    id: r.id,
    publiekId: r.publiek_id,
    gemeenteId: r.organisatie_id,
    gepubliceerd: r.gepubliceerd,
    sectoren: r.sectoren,
    opleidingsniveau: r.opleidingsniveau,
    werkcondities: r.werkcondities,
    urenMin: r.uren_min === null ? null : Number(r.uren_min),
    urenMax: r.uren_max === null ? null : Number(r.uren_max),
    beschikbaarVanaf: r.beschikbaar_vanaf,
    compleetheid: r.compleetheid,
    lexemen: r.zoekvector ? parseTsvector(r.zoekvector) : [],
  };
}

export class KandidatenIndex {
  readonly index = new KandidatenZoekindex();
  private cursor: bigint | null = null;
  private bezig: Promise<void> = Promise.resolve();
  /** Rows (re)loaded since start, for diagnostics and tests. */
  herladen = 0;

  constructor(readonly regioId: string) {}

  /** Brings the index up to date. Serialized: concurrent callers share the queue. */
  verversen(db: Kysely<Database>): Promise<void> {
    const volgende = this.bezig.then(() => this.ververs(db));
    this.bezig = volgende.catch(() => undefined);
    return volgende;
  }

  private async ververs(db: Kysely<Database>): Promise<void> {
    const { xmin } = (await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db)).rows[0] as { xmin: string };
    const nieuweCursor = BigInt(xmin);
    if (this.cursor === null) {
      // First use: every published profile of the region, in keyset batches.
      let na = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rijen = (
          await sql<Rij>`select ${KOLOMMEN} from kandidaatprofiel
            where regio_id = ${this.regioId} and gepubliceerd and id > ${na}::uuid order by id limit ${BATCH}`.execute(db)
        ).rows;
        for (const r of rijen) this.index.zet(naarProfiel(r));
        this.herladen += rijen.length;
        if (rijen.length < BATCH) break;
        na = (rijen[rijen.length - 1] as Rij).id;
      }
    } else {
      const rijen = (
        await sql<Rij>`select ${KOLOMMEN} from kandidaatprofiel where regio_id = ${this.regioId} and tx >= ${this.cursor.toString()}::bigint`.execute(db)
      ).rows;
      for (const r of rijen) this.index.zet(naarProfiel(r));
      this.herladen += rijen.length;
    }
    this.cursor = nieuweCursor;
  }
}

/** One index per region, created on first use. */
export class KandidatenIndexen {
  private readonly indexen = new Map<string, KandidatenIndex>();

  voor(regioId: string): KandidatenIndex {
    let i = this.indexen.get(regioId);
    if (!i) {
      i = new KandidatenIndex(regioId);
      this.indexen.set(regioId, i);
    }
    return i;
  }
}
