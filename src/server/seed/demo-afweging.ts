import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { stableId } from '../lib/ids.js';
import {
  berekenAdvies,
  CATALOGUS_VERSIE,
  effectiefKader,
  type Gemeentekader,
  signaleerTeksten,
  standaardGemeentekader,
  standaardRegiogrenzen,
} from '../modules/afweging/afwegingskader.js';

/**
 * Demo configuration of the afwegingskader for Regio Zwolle, with its rationale, plus one worked
 * afweging with a joint decision and a case consultation. Fictitious; idempotent (stable ids,
 * insert-if-absent). Persons 0–9 are left alone: tests and the walk-through use them.
 *
 * - Zwolle, the centrumgemeente, maintains the region's bounds (the catalogue's default bounds).
 * - Zwolle weighs motivation at the maximum and debts a little heavier towards the wijkteam.
 * - Kampen uses the standard weights. Dalfsen, Staphorst and Hattem have not set their own yet.
 */
const REGIO_TOELICHTING =
  'Regionaal afwegingskader (demo). Motivatie weegt het zwaarst en kan niet lager dan 3 worden gezet (seed 001, Leiden: "wie zijn wij om een werkzoekende met heel veel motivatie een traject naar werk te onthouden?"). ' +
  'Gezondheid, taal en kinderopvang wijzen naar ondersteuning, nooit tegen werk. Leeftijd, zwangerschap, geslacht, herkomst, godsdienst, een beperking als zodanig en weerstand van werkgevers op zulke gronden tellen nooit mee (AWGB, WGBL, WGBH/CZ).';

export async function seedDemoAfweging(tx: Kysely<Database>, regioId: string, orgId: (slug: string) => string): Promise<void> {
  await tx
    .insertInto('afweging_regiobeheer')
    .values({ regio_id: regioId, organisatie_id: orgId('zwolle') })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const regiokaderId = stableId('afweging:regiokader:1');
  await tx
    .insertInto('afweging_regiokader')
    .values({
      id: regiokaderId,
      regio_id: regioId,
      organisatie_id: orgId('zwolle'),
      versie: 1,
      catalogus_versie: CATALOGUS_VERSIE,
      grenzen: JSON.stringify(standaardRegiogrenzen()),
      geldig_van: '2026-01-01',
      bron: 'Regionaal afwegingskader Regio Zwolle 2026 (fictief, demo)',
      toelichting: REGIO_TOELICHTING,
      gewijzigd_door: stableId('gebruiker:beleidsmedewerker.zwolle'),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();

  const zwolle: Gemeentekader = standaardGemeentekader();
  zwolle.motivatie = { gewicht: 5, richtingen: { ...zwolle.motivatie!.richtingen } };
  zwolle.financien = { gewicht: 3, richtingen: { ...zwolle.financien!.richtingen } };
  const kaders: { slug: string; kader: Gemeentekader; bron: string; onderbouwing: Record<string, string> }[] = [
    {
      slug: 'zwolle',
      kader: zwolle,
      bron: 'Beleidsregels participatie Zwolle 2026, art. 4 (fictief, demo)',
      onderbouwing: {
        motivatie: 'Zwolle laat motivatie maximaal wegen: wie graag wil werken, krijgt een traject naar werk.',
        financien: 'In Zwolle is schuldenproblematiek de meest genoemde reden van terugmelding; schuldhulp eerst of ernaast.',
      },
    },
    { slug: 'kampen', kader: standaardGemeentekader(), bron: 'Kampen volgt de standaardgewichten van de regio (fictief, demo)', onderbouwing: {} },
  ];
  for (const k of kaders) {
    await tx
      .insertInto('afweging_gemeentekader')
      .values({
        id: stableId(`afweging:gemeentekader:${k.slug}:1`),
        organisatie_id: orgId(k.slug),
        versie: 1,
        catalogus_versie: CATALOGUS_VERSIE,
        gewichten: JSON.stringify(k.kader),
        onderbouwing: JSON.stringify(k.onderbouwing),
        geldig_van: '2026-01-01',
        bron: k.bron,
        gewijzigd_door: stableId(`gebruiker:beleidsmedewerker.${k.slug}`),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  // One worked afweging for a Zwolle person (persoon:20): very motivated, aged 63, with debts.
  const persoonId = stableId('persoon:20');
  const km = stableId('gebruiker:klantmanager.zwolle');
  const afwegingId = stableId('afweging:demo:20');
  const bestaat = await tx.selectFrom('afweging').select('id').where('id', '=', afwegingId).executeTakeFirst();
  const persoon = await tx.selectFrom('persoon').select(['id', 'organisatie_id']).where('id', '=', persoonId).executeTakeFirst();
  if (bestaat || persoon?.organisatie_id !== orgId('zwolle')) return;
  const waarden = {
    motivatie: 5,
    eigen_wens: 'werk_via_reintegratie',
    participatieladder: 3,
    werkervaring: 3,
    financien: 2,
    huisvesting: 4,
    belastbaarheid_bekend: false,
    leeftijd: 63,
    werkgeversweerstand: ['leeftijd'],
  };
  const toelichtingen = { motivatie: 'Heeft dertig jaar in de bouw gewerkt en wil heel graag weer aan de slag, liefst buiten.' };
  const visieProfessional = 'Zeer gemotiveerd. De schulden zijn in beeld; schuldhulp kan naast een traject naar werk.';
  const visiePersoon = 'Ik wil werken. Thuis zitten is niks voor mij.';
  const teksten = [
    { veld: 'toelichtingen.motivatie', tekst: toelichtingen.motivatie },
    { veld: 'visieProfessional', tekst: visieProfessional },
    { veld: 'visiePersoon', tekst: visiePersoon },
  ];
  const advies = berekenAdvies({ waarden, kader: effectiefKader(zwolle, standaardRegiogrenzen()).kader, teksten });
  await tx
    .insertInto('afweging')
    .values({
      id: afwegingId,
      organisatie_id: orgId('zwolle'),
      persoon_id: persoonId,
      factorwaarden: JSON.stringify(waarden),
      bronnen: JSON.stringify(Object.fromEntries(Object.keys(waarden).map((k) => [k, 'invoer']))),
      toelichtingen: JSON.stringify(toelichtingen),
      advies: JSON.stringify(advies),
      catalogus_versie: CATALOGUS_VERSIE,
      gemeentekader_id: stableId('afweging:gemeentekader:zwolle:1'),
      regiokader_id: regiokaderId,
      visie_professional: visieProfessional,
      visie_persoon: visiePersoon,
      visie_persoon_door: km,
      visie_persoon_op: new Date('2026-03-10T10:00:00Z'),
      signaleringen: JSON.stringify(advies.signaleringen),
      auteur_id: km,
      aangemaakt_op: new Date('2026-03-10T10:00:00Z'),
    })
    .execute();
  const argumenten = [
    { partij: 'Sociaal wijkteam Zwolle-Zuid', route: 'doorverwijzing_wijkteam', richting: 'voor', tekst: 'De schulden eerst stabiliseren met schuldhulp.' },
    { partij: 'WerkKracht IJssel', route: 'werk_via_reintegratie', richting: 'voor', tekst: 'Veel werkervaring in de bouw; groenonderhoud past goed.' },
    { partij: 'WerkKracht IJssel', route: null, richting: null, tekst: 'Werkgevers vinden hem misschien te oud.' },
  ];
  const conclusie = 'Traject naar werk bij WerkKracht IJssel, met schuldhulp via het wijkteam ernaast. Leeftijd telt niet mee.';
  await tx
    .insertInto('casusoverleg')
    .values({
      id: stableId('casusoverleg:demo:20'),
      organisatie_id: orgId('zwolle'),
      persoon_id: persoonId,
      afweging_id: afwegingId,
      datum: '2026-03-12',
      deelnemers: JSON.stringify([
        { organisatieId: orgId('zwolle'), organisatie: 'Gemeente Zwolle', rol: 'Klantmanager', naam: null, extern: false },
        { organisatieId: orgId('werkkracht-ijssel'), organisatie: 'WerkKracht IJssel (re-integratie)', rol: 'Trajectbegeleider', naam: null, extern: false },
        { organisatieId: null, organisatie: 'Sociaal wijkteam Zwolle-Zuid', rol: 'Schuldhulpmaatje', naam: null, extern: true },
      ]),
      argumenten: JSON.stringify(argumenten),
      conclusie,
      signaleringen: JSON.stringify(
        signaleerTeksten([...argumenten.map((a, i) => ({ veld: `argumenten.${i}.tekst`, tekst: a.tekst })), { veld: 'conclusie', tekst: conclusie }]),
      ),
      vastgelegd_door: km,
      aangemaakt_op: new Date('2026-03-12T14:00:00Z'),
    })
    .execute();
  await tx
    .insertInto('afweging_besluit')
    .values({
      id: stableId('afweging:besluit:demo:20'),
      organisatie_id: orgId('zwolle'),
      persoon_id: persoonId,
      afweging_id: afwegingId,
      route: 'werk_via_reintegratie',
      redenen: 'Zeer gemotiveerd en veel werkervaring; de schulden pakken we tegelijk aan met schuldhulp via het wijkteam.',
      persoon_eens: 'ja',
      reactie_persoon: 'Fijn dat ik mag beginnen.',
      volgt_advies: advies.meestPassend.includes('werk_via_reintegratie'),
      besluitdatum: '2026-03-12',
      signaleringen: '[]',
      vastgelegd_door: km,
      aangemaakt_op: new Date('2026-03-12T15:00:00Z'),
    })
    .execute();
}
