import type { Kysely } from 'kysely';
import { isValidBsn } from '../../shared/bsn.js';
import { type Organisatiesoort, ROLLEN, ROLLEN_PER_ORGANISATIESOORT, type Rol } from '../../shared/codes.js';
import { hashPassword } from '../auth/password.js';
import { encrypt, type Keys, lookupHash } from '../crypto/secrets.js';
import type { Database } from '../db/schema.js';
import { stableId } from '../lib/ids.js';
import { seedDemoBelastbaarheid } from './demo-belastbaarheid.js';
import { seedDemoKandidaten } from './demo-kandidaten.js';
import { seedDemoVerwijzingen } from './demo-verwijzingen.js';
import { seedDemoDiagnose } from './demo-diagnose.js';
import { seedDemoAfweging } from './demo-afweging.js';
import { seedDemoContactverzoeken } from './demo-contactverzoeken.js';
import { seedDemoZoekopdrachten } from './demo-zoekopdrachten.js';

/**
 * A fictitious arbeidsmarktregio for demos and tests. Idempotent: stable ids, insert-if-absent.
 * Every person, name and BSN here is invented; BSNs pass the 11-proef but are test numbers.
 */
export const DEMO_WACHTWOORD = 'passend-demo';

export const DEMO_REGIO = { slug: 'regio-zwolle', naam: 'Regio Zwolle' };

export const DEMO_ORGANISATIES: { slug: string; naam: string; soort: Organisatiesoort }[] = [
  { slug: 'zwolle', naam: 'Gemeente Zwolle', soort: 'gemeente' },
  { slug: 'kampen', naam: 'Gemeente Kampen', soort: 'gemeente' },
  { slug: 'dalfsen', naam: 'Gemeente Dalfsen', soort: 'gemeente' },
  { slug: 'staphorst', naam: 'Gemeente Staphorst', soort: 'gemeente' },
  { slug: 'hattem', naam: 'Gemeente Hattem', soort: 'gemeente' },
  { slug: 'uwv-zwolle', naam: 'UWV Werkbedrijf Zwolle', soort: 'uwv' },
  { slug: 'werkkracht-ijssel', naam: 'WerkKracht IJssel (re-integratie)', soort: 'reintegratiebedrijf' },
  { slug: 'praktijkschool-de-boog', naam: 'Praktijkschool De Boog', soort: 'school' },
  { slug: 'bakkerij-van-der-veen', naam: 'Bakkerij Van der Veen', soort: 'werkgever' },
  { slug: 'jobcoach-ijsselvallei', naam: 'Jobcoach IJsselvallei', soort: 'jobcoachorganisatie' },
];

/** Zwolle's werkplein carries out the Participatiewet for Hattem: a regional cooperation basis. */
const DEMO_SAMENWERKING = { gemeente: 'hattem', uitvoerder: 'zwolle', doel: 'uitvoering_participatiewet' };

const VOORNAMEN = [
  'Sanne',
  'Daan',
  'Fleur',
  'Bram',
  'Lotte',
  'Sem',
  'Noor',
  'Milan',
  'Eva',
  'Jesse',
  'Iris',
  'Thijs',
  'Yara',
  'Luuk',
  'Amira',
  'Mohammed',
  'Fatima',
  'Kevin',
  'Anouk',
  'Ruben',
  'Lieke',
  'Stijn',
  'Esmee',
  'Joris',
  'Nadia',
  'Tim',
  'Romy',
  'Youssef',
  'Julia',
  'Gijs',
];
const ACHTERNAMEN: [string | null, string][] = [
  [null, 'Jansen'],
  ['de', 'Vries'],
  ['van den', 'Berg'],
  [null, 'Bakker'],
  ['van', 'Dijk'],
  [null, 'Visser'],
  [null, 'Smit'],
  [null, 'Meijer'],
  ['de', 'Boer'],
  [null, 'Mulder'],
  ['de', 'Groot'],
  [null, 'Bos'],
  [null, 'Vos'],
  [null, 'Peters'],
  [null, 'Hendriks'],
  ['van', 'Leeuwen'],
  [null, 'Dekker'],
  [null, 'Brouwer'],
  ['de', 'Wit'],
  [null, 'Dijkstra'],
  [null, 'Kaya'],
  [null, 'El Amrani'],
  [null, 'Yilmaz'],
  ['ter', 'Horst'],
  [null, 'Kamphuis'],
  [null, 'Nijboer'],
  [null, 'Wolters'],
  ['van', 'Wijk'],
];
const STRATEN = [
  'Assendorperstraat',
  'Diezerstraat',
  'Oudestraat',
  'Burgwal',
  'Koornmarkt',
  'Rijksweg',
  'Stationsweg',
  'Kerkstraat',
  'Dorpsstraat',
  'Molenweg',
];
const STATUSSEN = ['aangemeld', 'intake', 'actief', 'actief', 'actief', 'nazorg'] as const;
const VERDELING = ['zwolle', 'zwolle', 'zwolle', 'zwolle', 'kampen', 'kampen', 'dalfsen', 'dalfsen', 'staphorst', 'hattem'];
const WOONPLAATS: Record<string, string> = { zwolle: 'Zwolle', kampen: 'Kampen', dalfsen: 'Dalfsen', staphorst: 'Staphorst', hattem: 'Hattem' };
const POSTCODE: Record<string, string> = { zwolle: '80', kampen: '82', dalfsen: '77', staphorst: '79', hattem: '80' };

export const DEMO_PERSONEN_AANTAL = 50;

export { stableId };

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A test BSN: starts with 9 (never issued to residents in this demo) and passes the 11-proef. */
export function demoBsn(i: number): string {
  for (let k = 0; ; k++) {
    const base = `9${String((i * 7919 + k * 104_729) % 10_000_000).padStart(7, '0')}`;
    for (let last = 0; last <= 9; last++) {
      const candidate = `${base}${last}`;
      if (isValidBsn(candidate)) return candidate;
    }
  }
}

export function demoGebruikersnaam(rol: Rol, orgSlug: string): string {
  return `${rol}.${orgSlug}`;
}

/** Every demo login: each role each organisation's kind allows, plus an inwoner per gemeente with persons. */
export function demoLogins(): { gebruikersnaam: string; rol: Rol; organisatie: string }[] {
  const logins: { gebruikersnaam: string; rol: Rol; organisatie: string }[] = [];
  for (const org of DEMO_ORGANISATIES) {
    for (const rol of ROLLEN_PER_ORGANISATIESOORT[org.soort]) {
      if (rol === 'inwoner' && !['zwolle', 'kampen', 'dalfsen'].includes(org.slug)) continue;
      logins.push({ gebruikersnaam: demoGebruikersnaam(rol, org.slug), rol, organisatie: org.naam });
    }
  }
  return logins;
}

export interface SeedResult {
  organisaties: number;
  gebruikers: number;
  personen: number;
  nieuw: boolean;
}

export async function seedDemo(db: Kysely<Database>, keys: Keys): Promise<SeedResult> {
  return db.transaction().execute(async (tx) => {
    const regioId = stableId(`regio:${DEMO_REGIO.slug}`);
    const bestond = await tx.selectFrom('arbeidsmarktregio').select('id').where('id', '=', regioId).executeTakeFirst();
    await tx
      .insertInto('arbeidsmarktregio')
      .values({ id: regioId, ...DEMO_REGIO })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const orgId = (slug: string) => stableId(`org:${slug}`);
    await tx
      .insertInto('organisatie')
      .values(DEMO_ORGANISATIES.map((o) => ({ id: orgId(o.slug), regio_id: regioId, ...o })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx
      .insertInto('samenwerking')
      .values({
        id: stableId(`samenwerking:${DEMO_SAMENWERKING.gemeente}:${DEMO_SAMENWERKING.uitvoerder}`),
        organisatie_id: orgId(DEMO_SAMENWERKING.gemeente),
        uitvoerder_id: orgId(DEMO_SAMENWERKING.uitvoerder),
        doel: DEMO_SAMENWERKING.doel,
        geldig_van: '2024-01-01',
        geldig_tot: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();

    // Persons first: inwoner accounts point at one.
    const rand = prng(20_261_123);
    const personen: { id: string; gemeente: string }[] = [];
    for (let i = 0; i < DEMO_PERSONEN_AANTAL; i++) {
      const gemeente = VERDELING[i % VERDELING.length]!;
      const voornaam = VOORNAMEN[Math.floor(rand() * VOORNAMEN.length)]!;
      const [tussenvoegsel, achternaam] = ACHTERNAMEN[Math.floor(rand() * ACHTERNAMEN.length)]!;
      const jaar = 1966 + Math.floor(rand() * 42);
      const maand = 1 + Math.floor(rand() * 12);
      const dag = 1 + Math.floor(rand() * 28);
      const bsn = demoBsn(i + 1);
      const id = stableId(`persoon:${i}`);
      personen.push({ id, gemeente });
      const status = STATUSSEN[Math.floor(rand() * STATUSSEN.length)]!;
      const straat = STRATEN[Math.floor(rand() * STRATEN.length)]!;
      const huisnummer = String(1 + Math.floor(rand() * 180));
      const letters = String.fromCharCode(65 + Math.floor(rand() * 26), 65 + Math.floor(rand() * 26));
      await tx
        .insertInto('persoon')
        .values({
          id,
          organisatie_id: orgId(gemeente),
          extern_id: `DEMO-${String(i + 1).padStart(4, '0')}`,
          voornaam,
          tussenvoegsel,
          achternaam,
          geboortedatum: `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`,
          bsn_versleuteld: encrypt(keys.bsnEncryption, bsn),
          bsn_hash: lookupHash(keys.bsnLookup, bsn),
          bsn_laatste_cijfers: bsn.slice(-3),
          email: `${voornaam.toLowerCase()}.${achternaam.toLowerCase().replace(/\s+/g, '')}${i}@example.nl`,
          telefoon: `06${String(10_000_000 + Math.floor(rand() * 89_999_999))}`,
          straat,
          huisnummer,
          postcode: `${POSTCODE[gemeente]}${String(10 + Math.floor(rand() * 89))}${letters}`,
          woonplaats: WOONPLAATS[gemeente]!,
          status,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }

    // Users: <rol>.<organisation-slug>, all with the demo password.
    const bestaand = new Set((await tx.selectFrom('gebruiker').select('gebruikersnaam').execute()).map((r) => r.gebruikersnaam));
    const nieuw = demoLogins().filter((l) => !bestaand.has(l.gebruikersnaam));
    const hashes = await Promise.all(nieuw.map(() => hashPassword(DEMO_WACHTWOORD)));
    const inwonerVan: Record<string, string> = {};
    for (const gemeente of ['zwolle', 'kampen', 'dalfsen']) inwonerVan[gemeente] = personen.find((p) => p.gemeente === gemeente)!.id;
    for (const [index, login] of nieuw.entries()) {
      const slug = login.gebruikersnaam.slice(login.rol.length + 1);
      const org = DEMO_ORGANISATIES.find((o) => o.slug === slug)!;
      await tx
        .insertInto('gebruiker')
        .values({
          id: stableId(`gebruiker:${login.gebruikersnaam}`),
          organisatie_id: orgId(slug),
          gebruikersnaam: login.gebruikersnaam,
          naam: login.rol === 'inwoner' ? 'Inwoner (demo)' : `${ROLLEN[login.rol].label} ${org.naam.replace(/^Gemeente /, '')}`,
          email: `${login.gebruikersnaam}@example.nl`,
          wachtwoord_hash: hashes[index]!,
          rollen: [login.rol],
          persoon_id: login.rol === 'inwoner' ? inwonerVan[slug]! : null,
          oidc_subject: null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }

    await seedDemoBelastbaarheid(tx, regioId, personen, orgId);
    await seedDemoKandidaten(tx, regioId, personen, orgId);
    await seedDemoVerwijzingen(tx, regioId, personen, orgId);
    await seedDemoDiagnose(tx, personen, orgId);
    await seedDemoAfweging(tx, regioId, orgId);
    await seedDemoZoekopdrachten(tx, regioId, orgId);

    if (!bestond) {
      // Assignments, a consent and timeline events give the demo dossiers some life.
      for (const [i, p] of personen.entries()) {
        const km = stableId(`gebruiker:klantmanager.${p.gemeente === 'hattem' ? 'zwolle' : p.gemeente}`);
        await tx
          .insertInto('toewijzing')
          .values({
            id: stableId(`toewijzing:${i}:km`),
            organisatie_id: orgId(p.gemeente),
            persoon_id: p.id,
            gebruiker_id: km,
            rol: 'klantmanager',
            van: '2026-01-15',
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await tx
          .insertInto('tijdlijn_gebeurtenis')
          .values({
            id: stableId(`tijdlijn:${i}:0`),
            organisatie_id: orgId(p.gemeente),
            persoon_id: p.id,
            soort: 'dossier',
            titel: 'Dossier aangemaakt',
            tekst: 'Aangemeld bij het werkplein.',
            auteur_id: km,
            auteur_organisatie_id: orgId(p.gemeente === 'hattem' ? 'zwolle' : p.gemeente),
            tijdstip: new Date('2026-01-15T09:00:00Z'),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      const eerste = personen[0]!;
      await tx
        .insertInto('toewijzing')
        .values({
          id: stableId('toewijzing:0:jobcoach'),
          organisatie_id: orgId(eerste.gemeente),
          persoon_id: eerste.id,
          gebruiker_id: stableId('gebruiker:jobcoach.jobcoach-ijsselvallei'),
          rol: 'jobcoach',
          van: '2026-03-01',
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await tx
        .insertInto('toestemming')
        .values({
          id: stableId('toestemming:1:werkkracht'),
          organisatie_id: orgId(personen[1]!.gemeente),
          persoon_id: personen[1]!.id,
          doel: 'gegevens_delen',
          ontvanger_id: orgId('werkkracht-ijssel'),
          vastgelegd_via: 'schriftelijk',
          toelichting: 'Toestemming voor het traject bij WerkKracht IJssel.',
          verleend_door: stableId(`gebruiker:klantmanager.${personen[1]!.gemeente}`),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await tx
        .insertInto('audit_log')
        .values({
          organisatie_id: null,
          gebruiker_id: null,
          gebruiker_naam: 'systeem',
          actor_organisatie_id: null,
          persoon_id: null,
          actie: 'aanmaken',
          resource: 'demodata',
          resource_id: regioId,
          doel: 'beheer',
          grondslag: null,
          wijzigingen: null,
          verzoek_id: null,
          toelichting: `Demodata geladen: ${DEMO_PERSONEN_AANTAL} fictieve personen`,
        })
        .execute();
    }
    // After the assignments: a request's task goes to the person's klantmanager.
    await seedDemoContactverzoeken(tx, regioId, orgId);
    return { organisaties: DEMO_ORGANISATIES.length, gebruikers: demoLogins().length, personen: DEMO_PERSONEN_AANTAL, nieuw: !bestond };
  });
}
