/**
 * Keeps one MatchingEngine per arbeidsmarktregio in step with the database.
 *
 * Every row the engine depends on carries the id of the transaction that last wrote it (`tx`:
 * belastbaarheid_item, werkplekaanpassing, functie by default, persoon by trigger). Before answering,
 * the index asks PostgreSQL for the oldest transaction still running (`pg_snapshot_xmin`), then
 * reloads every person and function written by a transaction at or after its previous cursor, and
 * moves the cursor to that xmin. Every transaction older than the xmin has committed or rolled back,
 * so nothing can be missed; a transaction still running is simply looked at again next time.
 * This holds across processes too: a second server sees the first one's writes on its next query.
 *
 * Invariant for callers: refresh through a connection that has not itself written profile rows in
 * an open transaction (the matching routes only read before they ask), so the index never holds
 * uncommitted data.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { huidigeObservaties, naarProfiel } from '../belastbaarheid/profiel.js';
import { opleidingsrang } from '../functies/functie.js';
import type { FunctieRij } from '../functies/repository.js';
import { GedeeldeVerversing } from '../../lib/gedeelde-verversing.js';
import { type Aanpassing, MatchingEngine, type PersoonInvoer } from './engine.js';

const BATCH = 5000;

export class MatchingIndex {
  readonly engine = new MatchingEngine();
  private cursor: bigint | null = null;
  private readonly verversing = new GedeeldeVerversing<Kysely<Database>>((db) => this.ververs(db));
  /** Rows (re)loaded since start, for diagnostics and tests. */
  herladen = 0;

  constructor(readonly regioId: string) {}

  /**
   * Bring the engine up to date: resolves after a refresh that started after this call; concurrent
   * callers share refreshes (one running, at most one queued for all who arrived meanwhile).
   */
  verversen(db: Kysely<Database>): Promise<void> {
    return this.verversing.verversen(db);
  }

  private async ververs(db: Kysely<Database>): Promise<void> {
    const { xmin } = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`
      .execute(db)
      .then((r) => r.rows[0] as { xmin: string });
    const nieuweCursor = BigInt(xmin);
    if (this.cursor === null) {
      await this.laadAlles(db);
    } else {
      const vanaf = this.cursor.toString();
      const functies = await db
        .selectFrom('functie')
        .selectAll()
        .where('regio_id', '=', this.regioId)
        .where('tx', '>=', vanaf as never)
        .execute();
      for (const f of functies) this.zetFunctie(f);
      const gewijzigd = await sql<{ id: string }>`
        select persoon_id as id from belastbaarheid_item where tx >= ${vanaf}::bigint
        union select persoon_id from werkplekaanpassing where tx >= ${vanaf}::bigint
        union select id from persoon where tx >= ${vanaf}::bigint`.execute(db);
      const ids = gewijzigd.rows.map((r) => r.id);
      for (let i = 0; i < ids.length; i += BATCH) await this.laadPersonen(db, ids.slice(i, i + BATCH));
    }
    this.cursor = nieuweCursor;
  }

  private zetFunctie(f: FunctieRij): void {
    this.herladen++;
    this.engine.zetFunctie({
      id: f.id,
      naam: f.naam,
      groep: f.groep,
      opleidingsrang: opleidingsrang(f.opleidingsniveau),
      urenMin: Number(f.uren_min),
      urenMax: Number(f.uren_max),
      organisatieId: f.organisatie_id,
      actief: f.actief,
      taken: f.taken,
      belasting: f.belasting,
    });
  }

  private async laadAlles(db: Kysely<Database>): Promise<void> {
    const functies = await db.selectFrom('functie').selectAll().where('regio_id', '=', this.regioId).execute();
    for (const f of functies) this.zetFunctie(f);
    const { n } = await db
      .selectFrom('persoon')
      .innerJoin('organisatie as o', 'o.id', 'persoon.organisatie_id')
      .where('o.regio_id', '=', this.regioId)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    this.engine.reserveer(Number(n));
    // Keyset pagination over person ids keeps memory bounded for large regions.
    let na = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await db
        .selectFrom('persoon')
        .innerJoin('organisatie as o', 'o.id', 'persoon.organisatie_id')
        .where('o.regio_id', '=', this.regioId)
        .where('persoon.id', '>', na)
        .select('persoon.id')
        .orderBy('persoon.id')
        .limit(BATCH)
        .execute();
      if (ids.length === 0) break;
      await this.laadPersonen(
        db,
        ids.map((r) => r.id),
      );
      na = ids[ids.length - 1]?.id as string;
    }
  }

  /** (Re)load these persons completely: dossier state, current profile, active adaptations. */
  private async laadPersonen(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const personen = await db
      .selectFrom('persoon')
      .innerJoin('organisatie as o', 'o.id', 'persoon.organisatie_id')
      .select(['persoon.id', 'persoon.organisatie_id', 'persoon.status', 'o.regio_id'])
      .where('persoon.id', 'in', ids)
      .execute();
    const items = await db
      .selectFrom('belastbaarheid_item')
      .select(['persoon_id', 'item_code', 'niveau', 'voorwaarden', 'volgnummer'])
      .where('persoon_id', 'in', ids)
      .execute();
    const aanpassingen = await db
      .selectFrom('werkplekaanpassing')
      .select(['persoon_id', 'functie_id', 'item_code'])
      .where('persoon_id', 'in', ids)
      .where('ingetrokken_op', 'is', null)
      .execute();
    const itemsPer = groepeer(items, (i) => i.persoon_id);
    const aanpPer = groepeer(aanpassingen, (a) => a.persoon_id);
    const gevonden = new Set<string>();
    for (const p of personen) {
      gevonden.add(p.id);
      this.herladen++;
      if (p.regio_id !== this.regioId) {
        this.engine.verwijderPersoon(p.id);
        continue;
      }
      const obs = itemsPer.get(p.id);
      const invoer: PersoonInvoer = {
        id: p.id,
        gemeenteId: p.organisatie_id,
        actief: p.status !== 'afgesloten',
        profiel: obs ? naarProfiel(huidigeObservaties(obs)) : null,
        aanpassingen: (aanpPer.get(p.id) ?? []).map((a): Aanpassing => ({ functieId: a.functie_id, item: a.item_code })),
      };
      this.engine.zetPersoon(invoer);
    }
    for (const id of ids) if (!gevonden.has(id)) this.engine.verwijderPersoon(id);
  }
}

function groepeer<T>(rijen: readonly T[], sleutel: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rijen) {
    const k = sleutel(r);
    const lijst = m.get(k);
    if (lijst) lijst.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** One index per region, created on first use; lives as long as the process. */
export class MatchingIndexen {
  private readonly indexen = new Map<string, MatchingIndex>();

  voor(regioId: string): MatchingIndex {
    let i = this.indexen.get(regioId);
    if (!i) {
      i = new MatchingIndex(regioId);
      this.indexen.set(regioId, i);
    }
    return i;
  }
}
