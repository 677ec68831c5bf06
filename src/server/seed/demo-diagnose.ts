import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { stableId } from '../lib/ids.js';
import { HUIDIG_INSTRUMENT } from '../modules/diagnose/instrument.js';

/**
 * Demo brede diagnoses and one agreed eigen plan, for a few Zwolle persons — including the person
 * inwoner.zwolle is (persoon:0) — so the side-by-side view and the chart of change over time have
 * something to show. Two moments months apart, each from both perspectives. Fictitious; idempotent
 * (stable ids, insert-if-absent).
 */

const CODES = HUIDIG_INSTRUMENT.leefgebieden.map((l) => l.code);
type Scores = number[]; // in the instrument's order (13)

interface Moment {
  datum: string;
  persoon: { scores: Scores; ladder: number; motivatie: number };
  professional: { scores: Scores; ladder: number; motivatie: number };
}

interface DemoDiagnose {
  persoon: number;
  momenten: [Moment, Moment];
  teksten: { motivatie: string; sterk: string; obstakels: string; behoefte: string };
}

//                 fin wrk tyd huis rel gst lich mid badl iadl soc mts jus
const DEMO: DemoDiagnose[] = [
  {
    persoon: 0,
    momenten: [
      {
        datum: '2026-05-12',
        persoon: { scores: [2, 2, 2, 4, 4, 3, 3, 5, 5, 4, 2, 2, 5], ladder: 2, motivatie: 4 },
        professional: { scores: [1, 2, 2, 4, 4, 3, 3, 5, 5, 4, 3, 2, 5], ladder: 2, motivatie: 4 },
      },
      {
        datum: '2026-10-20',
        persoon: { scores: [3, 3, 4, 4, 4, 4, 3, 5, 5, 4, 4, 3, 5], ladder: 4, motivatie: 5 },
        professional: { scores: [3, 3, 3, 4, 4, 3, 3, 5, 5, 4, 2, 3, 5], ladder: 3, motivatie: 5 },
      },
    ],
    teksten: {
      motivatie: 'Ik wil graag weer werken. Thuis zitten maakt mij somber.',
      sterk: 'Betrouwbaar, werkt graag met de handen, houdt van buiten zijn.',
      obstakels: 'Schulden; weinig contacten buiten de familie.',
      behoefte: 'Schuldhulp, en in het begin een jobcoach op de werkplek.',
    },
  },
  {
    persoon: 10,
    momenten: [
      {
        datum: '2026-04-02',
        persoon: { scores: [3, 2, 3, 3, 4, 2, 4, 4, 5, 4, 3, 2, 5], ladder: 2, motivatie: 3 },
        professional: { scores: [3, 1, 2, 3, 4, 2, 4, 4, 5, 4, 3, 2, 5], ladder: 1, motivatie: 3 },
      },
      {
        datum: '2026-09-15',
        persoon: { scores: [3, 3, 3, 4, 4, 3, 4, 5, 5, 4, 3, 3, 5], ladder: 3, motivatie: 4 },
        professional: { scores: [3, 2, 3, 4, 4, 3, 4, 4, 5, 4, 3, 3, 5], ladder: 3, motivatie: 4 },
      },
    ],
    teksten: {
      motivatie: 'Ik wil wel, maar ik weet nog niet wat ik kan.',
      sterk: 'Precies en geduldig; goed met de computer.',
      obstakels: 'Snel overprikkeld in drukke ruimtes.',
      behoefte: 'Een rustige werkplek en vaste taken.',
    },
  },
  {
    persoon: 11,
    momenten: [
      {
        datum: '2026-03-10',
        persoon: { scores: [4, 2, 2, 2, 3, 3, 2, 5, 4, 3, 4, 3, 5], ladder: 3, motivatie: 5 },
        professional: { scores: [2, 2, 2, 2, 3, 3, 2, 5, 4, 3, 4, 3, 5], ladder: 3, motivatie: 5 },
      },
      {
        datum: '2026-08-25',
        persoon: { scores: [4, 4, 3, 3, 3, 3, 3, 5, 4, 4, 4, 4, 5], ladder: 5, motivatie: 5 },
        professional: { scores: [3, 4, 3, 3, 3, 3, 2, 5, 4, 4, 4, 4, 5], ladder: 5, motivatie: 5 },
      },
    ],
    teksten: {
      motivatie: 'Ik ga ervoor: ik wil mijn eigen geld verdienen.',
      sterk: 'Gastvrij, vrolijk en leergierig.',
      obstakels: 'Rugklachten; tijdelijke woning.',
      behoefte: 'Werk zonder zwaar tilwerk; hulp bij het zoeken naar een woning.',
    },
  },
];

const PLAN = {
  persoon: 0,
  waarIkSta: 'Ik heb een uitkering. Ik zat veel thuis, maar nu doe ik vrijwilligerswerk bij de voedselbank.',
  waarIkNaartoeWil: 'Ik wil betaald werk, het liefst buiten, bijvoorbeeld in het groen. Eerst twee dagen per week.',
  watIkNodigHeb: 'Hulp met mijn schulden, en in het begin een jobcoach.',
  eersteStappen: 'Een afspraak bij de schuldhulp. Een dag meelopen bij de groenvoorziening.',
  reacties: [
    ['waarIkNaartoeWil', 'Goed plan. De gemeente werkt samen met een hoveniersbedrijf; ik vraag of u daar een dag kunt meelopen.'],
    ['watIkNodigHeb', 'Ik meld u aan bij de schuldhulpverlening. Een jobcoach is mogelijk zodra u werk heeft.'],
  ] as const,
};

export async function seedDemoDiagnose(
  tx: Kysely<Database>,
  personen: readonly { id: string; gemeente: string }[],
  orgId: (slug: string) => string,
): Promise<void> {
  const km = stableId('gebruiker:klantmanager.zwolle');
  const inwoner = stableId('gebruiker:inwoner.zwolle');
  const inwonerPersoon = (await tx.selectFrom('gebruiker').select('persoon_id').where('id', '=', inwoner).executeTakeFirst())?.persoon_id ?? null;
  for (const demo of DEMO) {
    const p = personen[demo.persoon];
    if (p?.gemeente !== 'zwolle') continue;
    const organisatie = orgId(p.gemeente);
    for (const [m, moment] of demo.momenten.entries()) {
      for (const perspectief of ['persoon', 'professional'] as const) {
        const v = moment[perspectief];
        const id = stableId(`diagnose:${demo.persoon}:${m}:${perspectief}`);
        // The person's own view: typed by the person where they have an account, else together with the klantmanager.
        const doorPersoon = perspectief === 'persoon' && inwonerPersoon === p.id;
        await tx
          .insertInto('diagnose')
          .values({
            id,
            organisatie_id: organisatie,
            persoon_id: p.id,
            perspectief,
            datum: moment.datum,
            participatieladder: v.ladder,
            motivatie_score: v.motivatie,
            motivatie_tekst: perspectief === 'persoon' ? demo.teksten.motivatie : null,
            sterke_punten: demo.teksten.sterk,
            obstakels: demo.teksten.obstakels,
            ondersteuningsbehoefte: demo.teksten.behoefte,
            instrument_versie: HUIDIG_INSTRUMENT.versie,
            auteur_id: doorPersoon ? inwoner : km,
            ingevuld_door: doorPersoon ? 'persoon' : 'professional',
            aangemaakt_op: new Date(`${moment.datum}T${perspectief === 'persoon' ? '10' : '11'}:00:00Z`),
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await tx
          .insertInto('diagnose_leefgebied')
          .values(v.scores.map((score, i) => ({ diagnose_id: id, organisatie_id: organisatie, leefgebied: CODES[i]!, score, toelichting: null })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
  }

  const p = personen[PLAN.persoon];
  if (p?.gemeente !== 'zwolle' || inwonerPersoon !== p.id) return;
  const organisatie = orgId(p.gemeente);
  const conceptId = stableId(`plan_concept:${PLAN.persoon}`);
  const akkoordPersoon = new Date('2026-10-27T14:00:00Z');
  const akkoordProfessional = new Date('2026-10-28T09:30:00Z');
  await tx
    .insertInto('plan_concept')
    .values({
      id: conceptId,
      organisatie_id: organisatie,
      persoon_id: p.id,
      ronde: 1,
      revisie: 1,
      status: 'vastgesteld',
      waar_ik_sta: PLAN.waarIkSta,
      waar_ik_naartoe_wil: PLAN.waarIkNaartoeWil,
      wat_ik_nodig_heb: PLAN.watIkNodigHeb,
      eerste_stappen: PLAN.eersteStappen,
      gewijzigd_door: inwoner,
      gewijzigd_door_persoon: true,
      gewijzigd_op: new Date('2026-10-21T19:00:00Z'),
      ingediend_op: new Date('2026-10-21T19:00:00Z'),
      akkoord_persoon_op: akkoordPersoon,
      akkoord_persoon_door: inwoner,
      akkoord_professional_op: akkoordProfessional,
      akkoord_professional_door: km,
      aangemaakt_op: new Date('2026-10-21T18:30:00Z'),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  for (const [i, [onderdeel, tekst]] of PLAN.reacties.entries()) {
    await tx
      .insertInto('plan_reactie')
      .values({
        id: stableId(`plan_reactie:${PLAN.persoon}:${i}`),
        organisatie_id: organisatie,
        persoon_id: p.id,
        ronde: 1,
        revisie: 1,
        onderdeel,
        tekst,
        auteur_id: km,
        aangemaakt_op: new Date(`2026-10-23T10:0${i}:00Z`),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await tx
    .insertInto('plan_versie')
    .values({
      id: stableId(`plan_versie:${PLAN.persoon}:1`),
      organisatie_id: organisatie,
      persoon_id: p.id,
      versie: 1,
      revisie: 1,
      waar_ik_sta: PLAN.waarIkSta,
      waar_ik_naartoe_wil: PLAN.waarIkNaartoeWil,
      wat_ik_nodig_heb: PLAN.watIkNodigHeb,
      eerste_stappen: PLAN.eersteStappen,
      akkoord_persoon_op: akkoordPersoon,
      akkoord_persoon_door: inwoner,
      akkoord_professional_op: akkoordProfessional,
      akkoord_professional_door: km,
      vastgesteld_op: akkoordProfessional,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
