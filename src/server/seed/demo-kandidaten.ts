import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { stableId } from '../lib/ids.js';
import { profielRij } from '../modules/kandidaten/profiel.js';

/**
 * Demo kandidaatprofielen: invented, anonymous profiles for some demo persons, most with consent to
 * publish, so an employer has something to find. Idempotent (stable ids and public references).
 * Persons 0–9 are left alone: tests and the walk-through use them.
 */
const SJABLONEN = [
  {
    wensen: 'Ik werk het liefst buiten, bijvoorbeeld in tuinen en parken, in het groenonderhoud of op een kwekerij.',
    kwaliteiten: 'Harde werker, houdt van aanpakken en werkt graag in een vast team.',
    sectoren: ['groen'],
    gewensteFuncties: ['Medewerker groenvoorziening', 'Hovenier'],
    werkcondities: ['werkt_graag_buiten', 'werkt_graag_met_handen'],
  },
  {
    wensen: 'Graag werk in een magazijn of bij een webwinkel: orders verzamelen en inpakken.',
    kwaliteiten: 'Nauwkeurig en snel, werkt goed volgens een vaste werkwijze.',
    sectoren: ['logistiek'],
    gewensteFuncties: ['Orderpicker', 'Medewerker inpak'],
    werkcondities: ['vaste_structuur', 'werkt_graag_binnen'],
  },
  {
    wensen: 'Ik wil in de keuken of de bediening van een restaurant of café werken.',
    kwaliteiten: 'Gastvrij, vriendelijk en leergierig.',
    sectoren: ['horeca'],
    gewensteFuncties: ['Medewerker bediening', 'Afwasser'],
    werkcondities: ['werkt_graag_met_mensen'],
  },
  {
    wensen: 'Administratief werk op een kantoor, zoals scannen, archiveren en gegevens invoeren.',
    kwaliteiten: 'Precies en geduldig, goed met de computer.',
    sectoren: ['administratie'],
    gewensteFuncties: ['Archiefmedewerker', 'Data-invoerder'],
    werkcondities: ['rustige_werkplek', 'werkt_graag_met_computer', 'geen_zwaar_tilwerk'],
  },
  {
    wensen: 'Schoonmaakwerk in een kantoor of school, liefst overdag.',
    kwaliteiten: 'Betrouwbaar en zelfstandig, ziet wat er moet gebeuren.',
    sectoren: ['schoonmaak_facilitair'],
    gewensteFuncties: ['Schoonmaker kantoren'],
    werkcondities: ['geen_avond_of_nachtwerk', 'vaste_structuur'],
  },
  {
    wensen: 'In een winkel vakken vullen of klanten helpen bij de kassa.',
    kwaliteiten: 'Vrolijk, sociaal en altijd op tijd.',
    sectoren: ['detailhandel'],
    gewensteFuncties: ['Vakkenvuller', 'Kassamedewerker'],
    werkcondities: ['werkt_graag_met_mensen', 'bereikbaar_met_ov'],
  },
] as const;
const OPLEIDING = ['entree', 'mbo2', 'geen', 'mbo2', 'entree', 'mbo3'] as const;

export async function seedDemoKandidaten(
  tx: Kysely<Database>,
  regioId: string,
  personen: readonly { id: string; gemeente: string }[],
  orgId: (slug: string) => string,
): Promise<void> {
  // Demo databases seeded before the fix carry codes ending in 'EMO' (an O is not in the alphabet).
  await tx.updateTable('kandidaatprofiel').set({ publiek_id: sql<string>`left(publiek_id, 5) || 'EMX'` }).where('publiek_id', 'like', 'K-D__EMO').execute();
  for (let i = 10; i < personen.length; i += 2) {
    const p = personen[i];
    if (!p) continue;
    // i runs over even numbers: (i / 2) spreads the persons over every template, not only the even ones.
    const s = SJABLONEN[(i / 2) % SJABLONEN.length] as (typeof SJABLONEN)[number];
    const velden = {
      wensen: s.wensen,
      kwaliteiten: s.kwaliteiten,
      sectoren: [...s.sectoren],
      gewensteFuncties: [...s.gewensteFuncties],
      opleidingsniveau: i % 7 === 0 ? null : (OPLEIDING[i % OPLEIDING.length] as string),
      urenMin: 12 + (i % 3) * 4,
      urenMax: 24 + (i % 3) * 4,
      beschikbaarVanaf: i % 4 === 0 ? '2027-02-01' : '2026-09-01',
      werkcondities: [...s.werkcondities],
      banenafspraak: i % 3 !== 0,
    };
    const toestemming = i % 5 !== 0;
    const gemeente = orgId(p.gemeente);
    await tx
      .insertInto('kandidaatprofiel')
      .values({
        id: stableId(`kandidaatprofiel:${i}`),
        organisatie_id: gemeente,
        regio_id: regioId,
        persoon_id: p.id,
        // Only characters of the public-id alphabet (no 0, 1, I, O), or the detail route refuses the code.
        publiek_id: `K-D${String(i).padStart(2, '0').replace(/0/g, 'A').replace(/1/g, 'B')}EMX`.slice(0, 8),
        ...profielRij(velden),
        gepubliceerd: toestemming,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    if (toestemming) {
      await tx
        .insertInto('toestemming')
        .values({
          id: stableId(`toestemming:${i}:kandidaatprofiel`),
          organisatie_id: gemeente,
          persoon_id: p.id,
          doel: 'kandidaatprofiel',
          ontvanger_id: null,
          vastgelegd_via: 'schriftelijk',
          toelichting: 'Toestemming voor een anoniem profiel voor werkgevers (demo).',
          verleend_door: stableId(`gebruiker:klantmanager.${p.gemeente === 'hattem' ? 'zwolle' : p.gemeente}`),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
  }
}
