/**
 * Candidates for a vacancy: the published kandidaatprofielen of the region, judged by the matching
 * engine against the vacancy's belasting (its function's, with the vacancy's changes), then ordered
 * by fit, hours and text (fit.ts `ordenKandidaten`).
 *
 * The vacancy is put into the region's engine as an inactive function with its own id (`vacature:…`):
 * inactive, so it is never offered as a function for a person; with `aanpassingenVan` = its catalogue
 * function, so a workplace adaptation recorded for that function counts for the vacancy too.
 */
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { DataAccess } from '../../access/data-access.js';
import type { VacatureTable } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { opleidingsrang } from '../functies/functie.js';
import type { FunctieRij } from '../functies/repository.js';
import type { Beoordeling, Belasting } from '../matching/engine.js';
import { type KandidaatVoorVacature, ordenKandidaten } from './fit.js';

export const vacatureFunctieId = (vacatureId: string) => `vacature:${vacatureId}`;

export async function rangschikVacatureKandidaten(
  dal: DataAccess,
  services: Services,
  v: Selectable<VacatureTable>,
  functie: FunctieRij,
): Promise<{ volgorde: KandidaatVoorVacature[]; aantalPassend: number; aantalOnbekend: number }> {
  const idx = services.matching.voor(dal.actor.regioId);
  // Reads only before this point: the refresh never sees uncommitted profile rows (sync.ts invariant).
  await idx.verversen(dal.db);

  const tekst = [v.titel, functie.naam, (v.omschrijving ?? '').slice(0, 500)].join(' ');
  const { rows: vraagRijen } = await sql<{ q: string }>`
    select replace(plainto_tsquery('dutch', kandidaat_zoektekst(${tekst}))::text, '&', '|') as q`.execute(dal.db);
  const vraag = vraagRijen[0]?.q ?? '';
  const relevantie = vraag ? sql<number>`ts_rank_cd(k.zoekvector, ${vraag}::tsquery)` : sql<number>`0`;
  const urenMin = Number(v.uren_min);
  const urenMax = Number(v.uren_max);
  const gepubliceerd = await dal.db
    .selectFrom('kandidaatprofiel as k')
    .select([
      'k.persoon_id',
      'k.organisatie_id',
      relevantie.as('relevantie'),
      sql<boolean>`(k.uren_max IS NULL OR k.uren_max >= ${urenMin}) AND (k.uren_min IS NULL OR k.uren_min <= ${urenMax})`.as('uren_passen'),
    ])
    .where('k.regio_id', '=', dal.actor.regioId)
    .where('k.gepubliceerd', '=', true)
    .execute();

  const belasting: Belasting = { ...functie.belasting, ...v.belasting_aanpassingen };
  const vacId = vacatureFunctieId(v.id);
  // Synchronous from here to the ranking: no other request can change the engine in between.
  idx.engine.zetFunctie({
    id: vacId,
    naam: v.titel,
    groep: functie.groep,
    opleidingsrang: opleidingsrang(functie.opleidingsniveau),
    urenMin,
    urenMax,
    organisatieId: v.organisatie_id,
    actief: false,
    taken: functie.taken,
    belasting,
    aanpassingenVan: functie.id,
  });
  const ids = new Set(gepubliceerd.map((r) => r.persoon_id));
  const passend = idx.engine.rangschikPersonen(vacId, { gemeenten: new Set(), extraPersonen: ids, offset: 0, limit: Math.max(1, ids.size) });
  const plaats = new Map<string, { rang: number; b: Beoordeling }>();
  passend.resultaten.forEach((r, rang) => {
    plaats.set(r.persoonId, { rang, b: { mismatches: 0, opDeGrens: r.opDeGrens, aangepast: r.aangepast } });
  });

  const kandidaten: KandidaatVoorVacature[] = [];
  for (const r of gepubliceerd) {
    const gevonden = plaats.get(r.persoon_id);
    const heeftProfiel = idx.engine.profielVan(r.persoon_id) !== null;
    // With a profile but not among the fitting: does not fit (or closed dossier) — never shown.
    if (heeftProfiel && !gevonden) continue;
    kandidaten.push({
      persoonId: r.persoon_id,
      beoordeling: gevonden ? gevonden.b : null,
      engineRang: gevonden ? gevonden.rang : null,
      urenPassen: Boolean(r.uren_passen),
      relevantie: Number(r.relevantie),
      zelfdeGemeente: v.gemeente_id !== null && r.organisatie_id === v.gemeente_id,
    });
  }
  const volgorde = ordenKandidaten(kandidaten);
  const aantalPassend = volgorde.filter((k) => k.beoordeling !== null).length;
  return { volgorde, aantalPassend, aantalOnbekend: volgorde.length - aantalPassend };
}
