import { type Kysely, sql } from 'kysely';
import type { Database, FunctieTable } from '../../db/schema.js';
import type { Selectable } from 'kysely';
import { stableId } from '../../lib/ids.js';
import { FML_CATALOGUS_VERSIE } from '../belastbaarheid/fml-catalogus.js';
import { REGIONALE_FUNCTIES } from './catalogus-data.js';
import type { FunctieInvoer } from './functie.js';

export type FunctieRij = Selectable<FunctieTable>;

/** The id a function gets: stable per (regio, owner, code), so seeding and imports are idempotent. */
export function functieId(regioId: string, organisatieId: string | null, code: string): string {
  return stableId(`functie:${regioId}:${organisatieId ?? 'regio'}:${code}`);
}

export function naarWaarden(regioId: string, organisatieId: string | null, f: FunctieInvoer, illustratief: boolean) {
  return {
    id: functieId(regioId, organisatieId, f.code),
    regio_id: regioId,
    organisatie_id: organisatieId,
    code: f.code,
    naam: f.naam,
    isco: f.isco ?? null,
    brc: f.brc ?? null,
    groep: f.groep,
    opleidingsniveau: f.opleidingsniveau,
    sector: f.sector,
    uren_min: f.urenMin,
    uren_max: f.urenMax,
    taken: JSON.stringify(f.taken),
    belasting: JSON.stringify(f.belasting),
    catalogus_versie: FML_CATALOGUS_VERSIE,
    illustratief,
    actief: f.actief,
  };
}

export function naarInvoer(r: FunctieRij): FunctieInvoer {
  return {
    code: r.code,
    naam: r.naam,
    isco: r.isco,
    brc: r.brc,
    groep: r.groep,
    opleidingsniveau: r.opleidingsniveau as FunctieInvoer['opleidingsniveau'],
    sector: r.sector,
    urenMin: Number(r.uren_min),
    urenMax: Number(r.uren_max),
    taken: r.taken,
    belasting: r.belasting,
    actief: r.actief,
  };
}

/**
 * Insert or update one function by its code within the owner's catalogue. Returns what happened, so
 * an import can report it; unchanged rows are left alone (no new transaction id, no audit noise).
 */
export async function upsertFunctie(
  db: Kysely<Database>,
  regioId: string,
  organisatieId: string | null,
  f: FunctieInvoer,
  illustratief = false,
): Promise<'nieuw' | 'gewijzigd' | 'ongewijzigd'> {
  const waarden = naarWaarden(regioId, organisatieId, f, illustratief);
  const bestaand = await db.selectFrom('functie').selectAll().where('id', '=', waarden.id).executeTakeFirst();
  if (!bestaand) {
    await db.insertInto('functie').values(waarden).execute();
    return 'nieuw';
  }
  if (gelijk(naarInvoer(bestaand), naarInvoer({ ...bestaand, ...waarden, taken: f.taken, belasting: f.belasting } as never))) {
    return 'ongewijzigd';
  }
  const { id: _id, regio_id: _r, organisatie_id: _o, code: _c, ...rest } = waarden;
  await db
    .updateTable('functie')
    .set({ ...rest, gewijzigd_op: sql<Date>`now()` })
    .where('id', '=', waarden.id)
    .execute();
  return 'gewijzigd';
}

/** The regional catalogue shipped with Passend (illustrative loads); idempotent, keeps local edits. */
export async function seedRegionaleFuncties(db: Kysely<Database>, regioId: string): Promise<number> {
  const bestaand = new Set(
    (await db.selectFrom('functie').select('code').where('regio_id', '=', regioId).where('organisatie_id', 'is', null).execute()).map((r) => r.code),
  );
  const nieuw = REGIONALE_FUNCTIES.filter((f) => !bestaand.has(f.code));
  for (let i = 0; i < nieuw.length; i += 200) {
    await db
      .insertInto('functie')
      .values(
        nieuw
          .slice(i, i + 200)
          .map((f) =>
            naarWaarden(
              regioId,
              null,
              { ...f, isco: f.isco, brc: null, taken: [...f.taken], belasting: f.belasting as FunctieInvoer['belasting'], actief: true },
              true,
            ),
          ),
      )
      .execute();
  }
  return nieuw.length;
}

/** Deep equality with object keys in any order (jsonb does not keep the order they were written in). */
function gelijk(a: unknown, b: unknown): boolean {
  return JSON.stringify(canoniek(a)) === JSON.stringify(canoniek(b));
}
function canoniek(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canoniek);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, w]) => [k, canoniek(w)]),
    );
  return v;
}
