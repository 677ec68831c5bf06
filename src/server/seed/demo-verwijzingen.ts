import type { Kysely } from 'kysely';
import type { Trajectroute } from '../../shared/codes.js';
import type { Database } from '../db/schema.js';
import { stableId } from '../lib/ids.js';
import { STANDAARD_TERUGMELDREDENEN, STANDAARDLIJST_BRON } from '../modules/verwijzingen/redenen.js';
import { vandaag as vandaagInNederland } from '../../shared/datum.js';

/**
 * Demo referrals and coded returns: invented, spread over providers, routes and gemeenten so the policy
 * dashboard has groups of 5 or more in some places and smaller (suppressed) ones elsewhere.
 * Idempotent (stable ids, insert-if-absent). Dates are relative to the first seeding, so the default
 * dashboard period (the last twelve months) shows them.
 * Persons 0–9 are left alone (tests and the walk-through use them). Zwolle persons get only ended
 * referrals: the generated access tests treat every Zwolle person as unreachable for outside users.
 */
const AANBIEDER_PER_ROUTE: Record<Trajectroute, string> = {
  werk_via_reintegratie: 'werkkracht-ijssel',
  participatietraject: 'jobcoach-ijsselvallei',
  advies_beschut_werk: 'uwv-zwolle',
  doorverwijzing_uwv: 'uwv-zwolle',
  doorverwijzing_wijkteam: 'jobcoach-ijsselvallei',
  doorverwijzing_zorg: 'jobcoach-ijsselvallei',
};
const BEHANDELAAR: Record<string, string> = {
  'werkkracht-ijssel': 'klantmanager.werkkracht-ijssel',
  'jobcoach-ijsselvallei': 'jobcoach.jobcoach-ijsselvallei',
  'uwv-zwolle': 'arbeidsdeskundige.uwv-zwolle',
};
const DOEL: Record<Trajectroute, string> = {
  werk_via_reintegratie: 'Begeleiding naar betaald werk, met werkervaringsplaats en sollicitatietraining.',
  participatietraject: 'Vrijwilligerswerk en dagstructuur opbouwen, met een vaste begeleider.',
  advies_beschut_werk: 'Advies beschut werk aanvragen bij UWV.',
  doorverwijzing_uwv: 'Beoordeling arbeidsvermogen door UWV.',
  doorverwijzing_wijkteam: 'Eerst ondersteuning door het wijkteam.',
  doorverwijzing_zorg: 'Eerst zorg en behandeling.',
};
/** Weighted primary reasons (code, weight). */
const REDENEN: [string, number][] = [
  ['medisch', 20],
  ['motivatie', 14],
  ['werk_gevonden', 16],
  ['zorgbehoefte', 12],
  ['schulden', 10],
  ['taal', 8],
  ['kinderopvang', 6],
  ['niet_verschenen', 6],
  ['huisvesting', 4],
  ['verslaving', 2],
  ['anders_met_toelichting', 2],
];
const TOELICHTING: Record<string, string> = {
  medisch: 'Rugklachten nemen toe; de huisarts adviseert eerst behandeling.',
  motivatie: 'Ziet het traject nu niet zitten; wil eerst de thuissituatie op orde.',
  werk_gevonden: 'Heeft een contract van zes maanden gekregen bij een groenbedrijf.',
  zorgbehoefte: 'Heeft eerst begeleiding nodig vanuit het wijkteam.',
  schulden: 'Schulden en beslag geven te veel stress om te starten.',
  taal: 'Volgt eerst een taalcursus op niveau A2.',
  kinderopvang: 'Geen kinderopvang gevonden voor de werkuren.',
  niet_verschenen: 'Drie afspraken gemist en niet bereikbaar.',
  huisvesting: 'Woont tijdelijk bij familie en moet verhuizen.',
  verslaving: 'Start eerst een behandeling bij de verslavingszorg.',
  anders_met_toelichting: 'Is mantelzorger geworden voor een ouder met dementie.',
};

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const plusDagen = (datum: string, n: number) => new Date(Date.parse(`${datum}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const tijd = (datum: string, uur = 10) => new Date(`${datum}T${String(uur).padStart(2, '0')}:00:00Z`);

/** The region's list of return reasons (maintained by the centrumgemeente) and the demo referrals. */
export async function seedDemoVerwijzingen(
  tx: Kysely<Database>,
  regioId: string,
  personen: readonly { id: string; gemeente: string }[],
  orgId: (slug: string) => string,
  centrumgemeente = 'zwolle',
): Promise<void> {
  await tx
    .insertInto('terugmeldredenlijst')
    .values({ regio_id: regioId, organisatie_id: orgId(centrumgemeente) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await tx
    .insertInto('terugmeldreden')
    .values(
      STANDAARD_TERUGMELDREDENEN.map((r, i) => ({
        id: stableId(`terugmeldreden:${regioId}:${r.code}`),
        organisatie_id: orgId(centrumgemeente),
        regio_id: regioId,
        code: r.code,
        label: r.label,
        omschrijving: r.omschrijving,
        categorie: r.categorie,
        toelichting_verplicht: r.toelichtingVerplicht ?? false,
        volgorde: (i + 1) * 10,
        geldig_van: '2025-01-01',
        bron: STANDAARDLIJST_BRON,
        gewijzigd_door: null,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();

  const al = await tx.selectFrom('verwijzing').select('id').where('id', '=', stableId('verwijzing:demo:10:0')).executeTakeFirst();
  if (al) return;
  const vandaag = vandaagInNederland();
  const rand = prng(5_2026);
  const kies = <T>(lijst: readonly T[]) => lijst[Math.floor(rand() * lijst.length)]!;
  const gewogen = () => {
    const totaal = REDENEN.reduce((a, [, w]) => a + w, 0);
    let x = rand() * totaal;
    for (const [c, w] of REDENEN) {
      x -= w;
      if (x < 0) return c;
    }
    return REDENEN[0]![0];
  };
  const reden = (code: string) => stableId(`terugmeldreden:${regioId}:${code}`);
  const gebruiker = (naam: string) => stableId(`gebruiker:${naam}`);

  for (const [i, p] of personen.entries()) {
    if (i < 10) continue;
    const zwolle = p.gemeente === 'zwolle';
    const km = `klantmanager.${p.gemeente === 'hattem' ? 'zwolle' : p.gemeente}`;
    const verwijzer = orgId(p.gemeente === 'hattem' ? 'zwolle' : p.gemeente);
    const x = rand();
    const aantal = x < 0.6 ? 1 : x < 0.9 ? 2 : 3;
    let start = plusDagen(vandaag, -(130 + Math.floor(rand() * 200)));
    const aanmelding = plusDagen(start, -(5 + Math.floor(rand() * 110)));
    // The dossier was opened at the application, before the first referral.
    await tx
      .updateTable('persoon')
      .set({ aangemaakt_op: tijd(aanmelding, 9) })
      .where('id', '=', p.id)
      .where('aangemaakt_op', '>', tijd(aanmelding, 9))
      .execute();
    let route: Trajectroute =
      rand() < 0.55 ? 'werk_via_reintegratie' : rand() < 0.6 ? 'participatietraject' : kies(['advies_beschut_werk', 'doorverwijzing_uwv'] as const);
    for (let k = 0; k < aantal; k++) {
      if (start > plusDagen(vandaag, -7)) break;
      const laatste = k === aantal - 1;
      const aanbieder = AANBIEDER_PER_ROUTE[route];
      const behandelaar = gebruiker(BEHANDELAAR[aanbieder]!);
      const id = stableId(`verwijzing:demo:${i}:${k}`);
      const y = rand();
      // Not the last referral: it ended (mostly a return, which leads to the next one).
      let uitkomst: 'teruggemeld' | 'afgerond' | 'gestart' | 'ingetrokken' | 'geweigerd' = !laatste
        ? y < 0.8
          ? 'teruggemeld'
          : 'ingetrokken'
        : y < 0.3
          ? 'teruggemeld'
          : y < 0.6
            ? 'afgerond'
            : y < 0.92
              ? 'gestart'
              : y < 0.96
                ? 'ingetrokken'
                : 'geweigerd';
      if (uitkomst === 'gestart' && zwolle) uitkomst = 'afgerond';
      const terugNa = rand() < 0.8 ? 14 + Math.floor(rand() * 70) : 100 + Math.floor(rand() * 60);
      let eind: string | null = null;
      const stappen: { naar: string; datum: string; door: string; org: string; toelichting: string | null }[] = [
        { naar: 'aangemeld', datum: plusDagen(start, -3), door: gebruiker(km), org: verwijzer, toelichting: null },
      ];
      if (uitkomst === 'geweigerd') {
        eind = plusDagen(start, 2);
        stappen.push({ naar: 'geweigerd', datum: eind, door: behandelaar, org: orgId(aanbieder), toelichting: 'Geen plek in de komende drie maanden.' });
      } else {
        stappen.push({ naar: 'geaccepteerd', datum: plusDagen(start, -1), door: behandelaar, org: orgId(aanbieder), toelichting: null });
        stappen.push({ naar: 'gestart', datum: start, door: behandelaar, org: orgId(aanbieder), toelichting: null });
        if (uitkomst === 'teruggemeld') eind = plusDagen(start, terugNa);
        if (uitkomst === 'afgerond') eind = plusDagen(start, 90 + Math.floor(rand() * 60));
        if (uitkomst === 'ingetrokken') eind = plusDagen(start, 20 + Math.floor(rand() * 40));
        if (eind && eind >= vandaag) {
          eind = null;
          uitkomst = zwolle ? 'afgerond' : 'gestart';
          if (zwolle) eind = plusDagen(vandaag, -1);
        }
        if (eind && uitkomst !== 'teruggemeld') {
          stappen.push({
            naar: uitkomst,
            datum: eind,
            door: uitkomst === 'ingetrokken' ? gebruiker(km) : behandelaar,
            org: uitkomst === 'ingetrokken' ? verwijzer : orgId(aanbieder),
            toelichting: uitkomst === 'ingetrokken' ? 'Andere route afgesproken met de persoon.' : null,
          });
        }
      }
      const hoofdreden = uitkomst === 'teruggemeld' ? gewogen() : null;
      if (hoofdreden && eind)
        stappen.push({ naar: 'teruggemeld', datum: eind, door: behandelaar, org: orgId(aanbieder), toelichting: TOELICHTING[hoofdreden]! });
      const grondslagId = stableId(`grondslag:verwijzing:demo:${i}:${k}`);
      await tx
        .insertInto('grondslag')
        .values({
          id: grondslagId,
          organisatie_id: orgId(p.gemeente),
          persoon_id: p.id,
          ontvanger_id: orgId(aanbieder),
          soort: 'verwijzing',
          doel: 'uitvoering_participatiewet',
          van: plusDagen(start, -3),
          tot: eind,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await tx
        .insertInto('verwijzing')
        .values({
          id,
          organisatie_id: orgId(p.gemeente),
          persoon_id: p.id,
          aanbieder_id: orgId(aanbieder),
          verwijzer_organisatie_id: verwijzer,
          route,
          doel: DOEL[route],
          startdatum: start,
          status: uitkomst,
          grondslag_id: grondslagId,
          aangemaakt_door: gebruiker(km),
          aangemaakt_op: tijd(plusDagen(start, -3)),
          beeindigd_op: eind ? tijd(eind, 15) : null,
          versie: stappen.length,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await tx
        .insertInto('verwijzing_status')
        .values(
          stappen.map((s, n) => ({
            id: stableId(`verwijzing_status:demo:${i}:${k}:${n}`),
            organisatie_id: orgId(p.gemeente),
            verwijzing_id: id,
            van_status: n === 0 ? null : stappen[n - 1]!.naar,
            naar_status: s.naar,
            toelichting: s.toelichting,
            door: s.door,
            door_organisatie_id: s.org,
            tijdstip: tijd(s.datum, 10 + n),
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
      if (hoofdreden && eind) {
        const terugId = stableId(`terugmelding:demo:${i}:${k}`);
        await tx
          .insertInto('terugmelding')
          .values({
            id: terugId,
            organisatie_id: orgId(p.gemeente),
            verwijzing_id: id,
            persoon_id: p.id,
            toelichting: TOELICHTING[hoofdreden]!,
            datum: eind,
            door: behandelaar,
            door_organisatie_id: orgId(aanbieder),
            aangemaakt_op: tijd(eind, 16),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        const bijreden = rand() < 0.3 ? kies(['schulden', 'taal', 'huisvesting', 'kinderopvang'].filter((c) => c !== hoofdreden)) : null;
        await tx
          .insertInto('terugmelding_reden')
          .values([
            { terugmelding_id: terugId, organisatie_id: orgId(p.gemeente), reden_id: reden(hoofdreden), reden_versie: 1, primair: true },
            ...(bijreden ? [{ terugmelding_id: terugId, organisatie_id: orgId(p.gemeente), reden_id: reden(bijreden), reden_versie: 1, primair: false }] : []),
          ])
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      if (!eind) break;
      // The next referral: after a return another route is tried, some weeks later.
      start = plusDagen(eind, 20 + Math.floor(rand() * 40));
      route =
        hoofdreden === 'werk_gevonden'
          ? 'werk_via_reintegratie'
          : route === 'werk_via_reintegratie'
            ? rand() < 0.7
              ? 'participatietraject'
              : 'doorverwijzing_uwv'
            : rand() < 0.6
              ? 'werk_via_reintegratie'
              : 'advies_beschut_werk';
      if (hoofdreden === 'werk_gevonden') break;
    }
  }
}
