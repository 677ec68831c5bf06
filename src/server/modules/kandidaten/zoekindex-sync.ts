/**
 * Keeps one KandidatenZoekindex per arbeidsmarktregio in step with the database, the way the matching
 * index does (src/server/modules/matching/sync.ts): every kandidaatprofiel row carries the id of the
 * transaction that last wrote it (`tx`); before a search the index reloads the rows written at or
 * after its cursor and moves the cursor to the oldest transaction still running (`pg_snapshot_xmin`).
 * A withdrawn consent therefore hides a profile from the very next search, in every process.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { GedeeldeVerversing } from '../../lib/gedeelde-verversing.js';
import { parseTsvector } from './tekstzoeken.js';
import { type IndexProfiel, KandidatenZoekindex, type ZoekUitkomst } from './zoekindex.js';

const BATCH = 10_000;
/** Answers kept per region; a few hundred searches cover most of what employers type. */
const CACHE_GROOTTE = 500;

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
  /** Rows (re)loaded since start, for diagnostics and tests. */
  herladen = 0;

  /** Recent answers, valid for the index version they were computed at (most recently used last). */
  private readonly cache = new Map<string, { versie: number; uitkomst: ZoekUitkomst }>();
  cacheTreffers = 0;
  cacheMissers = 0;

  constructor(readonly regioId: string) {}

  uitCache(sleutel: string): ZoekUitkomst | undefined {
    const c = this.cache.get(sleutel);
    if (!c || c.versie !== this.index.versie) {
      this.cacheMissers++;
      return undefined;
    }
    this.cache.delete(sleutel);
    this.cache.set(sleutel, c);
    this.cacheTreffers++;
    return c.uitkomst;
  }

  /** Forgets every kept answer (benchmarks measure the engine itself this way). */
  legeCache(): void {
    this.cache.clear();
  }

  inCache(sleutel: string, uitkomst: ZoekUitkomst): void {
    this.cache.set(sleutel, { versie: this.index.versie, uitkomst });
    if (this.cache.size > CACHE_GROOTTE) this.cache.delete(this.cache.keys().next().value as string);
  }

  private namen: { tot: number; map: Map<string, string> } | null = null;

  /** Display names of the region's organisations (refreshed every minute; a rename shows up soon). */
  async gemeenteNamen(db: Kysely<Database>): Promise<Map<string, string>> {
    if (this.namen && this.namen.tot > Date.now()) return this.namen.map;
    const rijen = await db.selectFrom('organisatie').select(['id', 'naam']).where('regio_id', '=', this.regioId).execute();
    this.namen = { tot: Date.now() + 60_000, map: new Map(rijen.map((o) => [o.id, o.naam.replace(/^Gemeente /, '')])) };
    return this.namen.map;
  }

  private readonly verversing = new GedeeldeVerversing<Kysely<Database>>((db) => this.ververs(db));

  /**
   * Brings the index up to date: resolves after a refresh that *started after this call*, so the
   * caller sees every commit made before it asked; concurrent callers share refreshes.
   */
  verversen(db: Kysely<Database>): Promise<void> {
    return this.verversing.verversen(db);
  }

  private readonly analyses = new Map<string, string>();

  /** PostgreSQL's Dutch analysis of a search text (websearch_to_tsquery as text), remembered per text. */
  async analyseer(db: Kysely<Database>, tekst: string): Promise<string> {
    const bekend = this.analyses.get(tekst);
    if (bekend !== undefined) return bekend;
    const r = await sql<{ q: string }>`select websearch_to_tsquery('dutch', kandidaat_zoektekst(${tekst}))::text as q`.execute(db);
    const q = r.rows[0]?.q ?? '';
    this.analyses.set(tekst, q);
    if (this.analyses.size > 5000) this.analyses.delete(this.analyses.keys().next().value as string);
    return q;
  }

  private async ververs(db: Kysely<Database>): Promise<void> {
    if (this.cursor === null) {
      const { xmin } = (await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db)).rows[0] as { xmin: string };
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
      this.cursor = BigInt(xmin);
      return;
    }
    // One round trip: the new cursor and the rows written since the old one, from the same snapshot
    // (the row of the left join carries the cursor even when nothing changed).
    const rijen = (
      await sql<Rij & { xmin: string }>`select s.xmin, k.* from (select pg_snapshot_xmin(pg_current_snapshot())::text as xmin) s
        left join lateral (select ${KOLOMMEN} from kandidaatprofiel where regio_id = ${this.regioId} and tx >= ${this.cursor.toString()}::bigint) k on true`.execute(
        db,
      )
    ).rows;
    for (const r of rijen) {
      if (r.id === null) continue;
      this.index.zet(naarProfiel(r));
      this.herladen++;
    }
    this.cursor = BigInt((rijen[0] as { xmin: string }).xmin);
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
