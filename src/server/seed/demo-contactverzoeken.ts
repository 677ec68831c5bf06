import type { Kysely } from 'kysely';
import type { Contactverzoekstatus } from '../../shared/codes.js';
import type { Database } from '../db/schema.js';
import { stableId } from '../lib/ids.js';
import { plusWerkdagen, STANDAARD_ANTWOORDTERMIJN } from '../modules/contactverzoeken/verzoek.js';
import { maakTaak } from '../modules/taken/taken.js';

/**
 * Demo contactverzoeken from Bakkerij Van der Veen on the demo kandidaatprofielen, in every state, so
 * the worklist, "Mijn contactverzoeken" and the response-time figures show something. Dates are relative
 * to the first seeding; idempotent (stable ids, insert-if-absent). Profiles 36–48 stay free of requests.
 */
const VERZOEKEN: {
  n: number;
  persoon: number;
  status: Contactverzoekstatus;
  dagenGeleden: number;
  antwoordNaDagen?: number;
  delen?: 'telefoon' | 'email';
  functie: string;
}[] = [
  { n: 1, persoon: 42, status: 'ja', dagenGeleden: 50, antwoordNaDagen: 3, delen: 'telefoon', functie: 'Medewerker inpak' },
  { n: 2, persoon: 12, status: 'ja', dagenGeleden: 40, antwoordNaDagen: 2, delen: 'telefoon', functie: 'Medewerker bakkerij (buitendienst)' },
  { n: 3, persoon: 22, status: 'nee', dagenGeleden: 30, antwoordNaDagen: 4, functie: 'Medewerker bediening lunchroom' },
  { n: 4, persoon: 32, status: 'ja', dagenGeleden: 25, antwoordNaDagen: 6, delen: 'email', functie: 'Medewerker administratie' },
  { n: 5, persoon: 42, status: 'nee', dagenGeleden: 20, antwoordNaDagen: 1, functie: 'Medewerker schoonmaak' },
  { n: 6, persoon: 32, status: 'ingetrokken', dagenGeleden: 15, functie: 'Vakkenvuller winkel' },
  { n: 7, persoon: 12, status: 'in_behandeling', dagenGeleden: 12, functie: 'Medewerker groen rond de bakkerij' },
  { n: 8, persoon: 22, status: 'nieuw', dagenGeleden: 1, functie: 'Medewerker bediening' },
  { n: 9, persoon: 14, status: 'ja', dagenGeleden: 35, antwoordNaDagen: 5, delen: 'email', functie: 'Orderpicker' },
  { n: 10, persoon: 24, status: 'nee', dagenGeleden: 28, antwoordNaDagen: 8, functie: 'Afwasser' },
  { n: 11, persoon: 34, status: 'nieuw', dagenGeleden: 2, functie: 'Medewerker inpak' },
  { n: 12, persoon: 16, status: 'verlopen', dagenGeleden: 45, functie: 'Data-invoerder' },
  { n: 13, persoon: 26, status: 'ja', dagenGeleden: 22, antwoordNaDagen: 2, delen: 'telefoon', functie: 'Archiefmedewerker' },
  { n: 14, persoon: 18, status: 'nee', dagenGeleden: 18, antwoordNaDagen: 9, functie: 'Schoonmaker kantoren' },
];

const DAG = 86_400_000;

export async function seedDemoContactverzoeken(tx: Kysely<Database>, regioId: string, orgId: (slug: string) => string): Promise<void> {
  const werkgeverOrg = orgId('bakkerij-van-der-veen');
  const werkgeverGebruiker = stableId('gebruiker:werkgever.bakkerij-van-der-veen');
  const nu = Date.now();
  for (const v of VERZOEKEN) {
    const profiel = await tx
      .selectFrom('kandidaatprofiel as k')
      .innerJoin('persoon as p', 'p.id', 'k.persoon_id')
      .select(['k.id', 'k.publiek_id', 'k.organisatie_id', 'k.persoon_id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam', 'p.telefoon', 'p.email'])
      .where('k.id', '=', stableId(`kandidaatprofiel:${v.persoon}`))
      .executeTakeFirst();
    if (!profiel) continue;
    const gemeente = await tx.selectFrom('organisatie').select('slug').where('id', '=', profiel.organisatie_id).executeTakeFirstOrThrow();
    const km = stableId(`gebruiker:klantmanager.${gemeente.slug === 'hattem' ? 'zwolle' : gemeente.slug}`);
    const id = stableId(`contactverzoek:${v.n}`);
    const aangemaakt = new Date(nu - v.dagenGeleden * DAG);
    const deadline = plusWerkdagen(aangemaakt.toISOString().slice(0, 10), STANDAARD_ANTWOORDTERMIJN.werkdagen);
    const beantwoord = v.antwoordNaDagen !== undefined ? new Date(aangemaakt.getTime() + v.antwoordNaDagen * DAG) : null;
    const ja = v.status === 'ja';
    const toestemmingId = ja ? stableId(`toestemming:contactverzoek:${v.n}`) : null;
    if (ja) {
      await tx
        .insertInto('toestemming')
        .values({
          id: toestemmingId!,
          organisatie_id: profiel.organisatie_id,
          persoon_id: profiel.persoon_id,
          doel: 'contact_werkgever',
          ontvanger_id: werkgeverOrg,
          vastgelegd_via: 'mondeling',
          toelichting: `Contactgegevens delen met Bakkerij Van der Veen naar aanleiding van contactverzoek ${profiel.publiek_id} (demo).`,
          verleend_door: km,
          verleend_op: beantwoord!,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    const ingevoegd = await tx
      .insertInto('contactverzoek')
      .values({
        id,
        organisatie_id: profiel.organisatie_id,
        regio_id: regioId,
        kandidaatprofiel_id: profiel.id,
        persoon_id: profiel.persoon_id,
        publiek_id: profiel.publiek_id,
        werkgever_organisatie_id: werkgeverOrg,
        werkgever_gebruiker_id: werkgeverGebruiker,
        functie: v.functie,
        bericht: 'Wij zijn een familiebakkerij met een vast team en goede begeleiding op de werkvloer. Uw profiel past bij wat wij zoeken.',
        uren_per_week: 24,
        werkgever_telefoon: '038 000 00 00',
        status: v.status,
        termijn_werkdagen: STANDAARD_ANTWOORDTERMIJN.werkdagen,
        termijn_bron: STANDAARD_ANTWOORDTERMIJN.bron,
        deadline,
        toegewezen_aan: km,
        aangemaakt_op: aangemaakt,
        in_behandeling_op: v.status === 'nieuw' || v.status === 'ingetrokken' || v.status === 'verlopen' ? null : new Date(aangemaakt.getTime() + DAG / 2),
        in_behandeling_door: v.status === 'nieuw' || v.status === 'ingetrokken' || v.status === 'verlopen' ? null : km,
        beantwoord_op: beantwoord,
        beantwoord_door: beantwoord ? km : null,
        antwoord_toelichting: beantwoord ? (ja ? 'Gebeld; wil graag kennismaken (demo).' : 'Gebeld; past nu niet (demo).') : null,
        ingetrokken_op: v.status === 'ingetrokken' ? new Date(aangemaakt.getTime() + 2 * DAG) : null,
        verlopen_op: v.status === 'verlopen' ? new Date(aangemaakt.getTime() + 10 * DAG) : null,
        gedeeld_naam: ja ? [profiel.voornaam, profiel.tussenvoegsel, profiel.achternaam].filter(Boolean).join(' ') : null,
        gedeeld_telefoon: ja && v.delen === 'telefoon' ? profiel.telefoon : null,
        gedeeld_email: ja && v.delen === 'email' ? profiel.email : null,
        toestemming_id: toestemmingId,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (ingevoegd && (v.status === 'nieuw' || v.status === 'in_behandeling')) {
      await maakTaak(tx, {
        organisatieId: orgId(gemeente.slug === 'hattem' ? 'zwolle' : gemeente.slug),
        persoonId: profiel.persoon_id,
        soort: 'contactverzoek',
        titel: `Contactverzoek van Bakkerij Van der Veen (${profiel.publiek_id})`,
        omschrijving: `${v.functie}, 24 uur per week. Bespreek het verzoek met de kandidaat en leg het antwoord vast.`,
        bron: { type: 'contactverzoek', id },
        toegewezenAan: km,
        deadline,
      });
    }
  }
}
