import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { stableId } from '../lib/ids.js';
import { FML_CATALOGUS_VERSIE } from '../modules/belastbaarheid/fml-catalogus.js';
import { functieId, seedRegionaleFuncties } from '../modules/functies/repository.js';

/**
 * Demo belastbaarheid: invented profiles of a few recognisable kinds, so matching has something to
 * show. Idempotent (stable ids). Person 2 (Zwolle) has back problems and wishes to be a metselaar:
 * the demo walk-through of the arbeidsdeskundige issue.
 */
type Profielsoort = { naam: string; niveaus: Record<string, number>; voorwaarden?: Record<string, string[]>; toelichting: string };

export const DEMO_PROFIELEN: Record<string, Profielsoort> = {
  rug: {
    naam: 'Rugklachten',
    niveaus: { 'IV.13': 3, 'IV.14': 3, 'IV.9': 1, 'IV.10': 2, 'IV.11': 1, 'V.6': 1, 'IV.20': 1, 'V.9': 1 },
    toelichting: 'Chronische lage rugklachten na hernia (L4-L5); wisselen van houding nodig.',
  },
  psychisch: {
    naam: 'Psychische kwetsbaarheid',
    niveaus: { 'I.1': 1, 'I.2': 1, 'II.8': 1, 'VI.1': 2, 'VI.3': 2 },
    voorwaarden: { 'I.8': ['voorspelbaar', 'geen_deadlines', 'geen_hoog_tempo'], 'II.12': ['collega_terugvallen'] },
    toelichting: 'Angststoornis, behandeld; voorspelbaar werk zonder tijdsdruk helpt.',
  },
  knie: {
    naam: 'Knie- en loopbeperking',
    niveaus: { 'IV.16': 2, 'IV.17': 2, 'IV.18': 2, 'IV.19': 2, 'IV.20': 3, 'V.3': 2, 'V.4': 2, 'V.5': 1 },
    toelichting: 'Artrose beide knieën.',
  },
  hand: {
    naam: 'Hand- en armklachten',
    niveaus: { 'IV.3': 2, 'IV.4': 2, 'IV.6': 1, 'IV.8': 1, 'V.7': 1 },
    toelichting: 'Reumatoïde artritis in de handen.',
  },
  belastbaarheid_uren: {
    naam: 'Beperkte belastbaarheid in uren',
    niveaus: { 'VI.2': 3, 'VI.3': 3, 'VI.1': 2, 'I.1': 1 },
    toelichting: 'Vermoeidheid na niet-aangeboren hersenletsel; ongeveer 4 uur per dag.',
  },
  licht_verstandelijk: {
    naam: 'Licht verstandelijke beperking',
    niveaus: { 'I.2': 1, 'I.3': 1, 'I.9': 1, 'II.4': 1, 'II.5': 1, 'II.8': 1 },
    voorwaarden: { 'I.8': ['voorspelbaar', 'weinig_onderbrekingen'], 'II.12': ['collega_terugvallen', 'geen_leidinggeven'] },
    toelichting: 'Praktijkonderwijs; leert goed met vaste werkwijzen en voordoen.',
  },
  gehoor: {
    naam: 'Slechthorend',
    niveaus: { 'II.2': 1, 'III.6': 1 },
    toelichting: 'Draagt gehoorapparaten; lawaai verergert tinnitus.',
  },
};

/** Which demo persons get which profile (index → kind). Persons without one show "nog geen profiel". */
const TOEWIJZING_PROFIEL: [number, keyof typeof DEMO_PROFIELEN][] = [
  [0, 'psychisch'],
  [2, 'rug'],
  [3, 'knie'],
  [4, 'rug'],
  [5, 'licht_verstandelijk'],
  [6, 'hand'],
  [7, 'belastbaarheid_uren'],
  [8, 'gehoor'],
  [9, 'rug'],
  [10, 'licht_verstandelijk'],
  [11, 'psychisch'],
  [12, 'knie'],
  [13, 'hand'],
  [14, 'belastbaarheid_uren'],
  [16, 'licht_verstandelijk'],
  [17, 'rug'],
  [20, 'gehoor'],
  [21, 'psychisch'],
  [22, 'knie'],
  [25, 'licht_verstandelijk'],
  [31, 'rug'],
  [32, 'hand'],
];

const OPLEIDING = ['entree', 'geen', 'mbo2', 'entree', 'mbo2', 'geen', 'mbo3', 'mbo2', 'entree', 'mbo4'] as const;

export async function seedDemoBelastbaarheid(
  tx: Kysely<Database>,
  regioId: string,
  personen: readonly { id: string; gemeente: string }[],
  orgId: (slug: string) => string,
): Promise<void> {
  await seedRegionaleFuncties(tx, regioId);
  for (const [i, soort] of TOEWIJZING_PROFIEL) {
    const p = personen[i];
    if (!p) continue;
    const profiel = DEMO_PROFIELEN[soort] as Profielsoort;
    const auteur = stableId(`gebruiker:arbeidsdeskundige.${p.gemeente === 'hattem' ? 'zwolle' : p.gemeente}`);
    const rijen = [
      ...Object.entries(profiel.niveaus).map(([item, niveau]) => ({ item, niveau, voorwaarden: null as string[] | null })),
      ...Object.entries(profiel.voorwaarden ?? {}).map(([item, v]) => ({ item, niveau: null as number | null, voorwaarden: v })),
    ];
    await tx
      .insertInto('belastbaarheid_item')
      .values(
        rijen.map((r, n) => ({
          id: stableId(`belastbaarheid:${i}:${r.item}`),
          organisatie_id: orgId(p.gemeente),
          persoon_id: p.id,
          catalogus_versie: FML_CATALOGUS_VERSIE,
          item_code: r.item,
          niveau: r.niveau,
          voorwaarden: r.voorwaarden ? JSON.stringify(r.voorwaarden) : null,
          toelichting: n === 0 ? profiel.toelichting : null,
          bron: i % 3 === 0 ? 'uwv_fml' : 'eigen_beoordeling',
          bron_omschrijving: i % 3 === 0 ? 'FML UWV (demo)' : null,
          duurzaam: true,
          vastgesteld_op: '2026-02-10',
          auteur_id: auteur,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  for (const [i, p] of personen.entries()) {
    await tx
      .updateTable('persoon')
      .set({ opleidingsniveau: OPLEIDING[i % OPLEIDING.length] as string })
      .where('id', '=', p.id)
      .where('opleidingsniveau', 'is', null)
      .execute();
  }
  const wens = personen[2];
  if (wens) {
    await tx
      .updateTable('persoon')
      .set({ gewenste_functie_id: functieId(regioId, null, 'metselaar') })
      .where('id', '=', wens.id)
      .where('gewenste_functie_id', 'is', null)
      .execute();
  }
}
