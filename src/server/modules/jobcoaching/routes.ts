import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { magInOrganisatie } from '../../access/policy.js';
import { diff } from '../../audit/audit.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import { Id, IsoDatum, PersoonParams } from '../personen/schemas.js';
import { briefVoorPersoon, briefVoorWerkgever } from './brief.js';
import { AfwijkingZonderReden, BEGRIP_CODES, BEGRIPPEN, beoordeelJobcoachBehoefte, type GemeenteBeleid, REGIMES, type Antwoorden } from './protocol.js';

const Beleid = z.object({
  gemeenteId: z.uuid(),
  jobcoachMaxUrenPerHalfjaar: z.number().nullable(),
  jobcoachMaxDuurJaren: z.number().int().nullable(),
  bron: z.string(),
  gewijzigdOp: z.string().nullable(),
});

const AntwoordenSchema = z.strictObject(
  Object.fromEntries(BEGRIP_CODES.map((b) => [b, z.enum(Object.keys(BEGRIPPEN[b].antwoorden) as [string, ...string[]])])) as Record<string, z.ZodEnum>,
);

const NieuweBeoordeling = z.strictObject({
  peildatum: IsoDatum,
  urenPerWeek: z.number().gt(0).max(60),
  begeleidingsjaar: z.number().int().min(1).max(20),
  antwoorden: AntwoordenSchema,
  afwijking: z
    .strictObject({ regime: z.enum(REGIMES), reden: z.string().trim().min(10, 'Schrijf op waarom u afwijkt (minstens 10 tekens).').max(2000) })
    .optional(),
});

const Beoordeling = z.object({
  id: z.uuid(),
  peildatum: z.string(),
  evaluatieOp: z.string(),
  auteur: z.string(),
  aangemaaktOp: z.string(),
  advies: z.object({
    score: z.number(),
    maxScore: z.number(),
    geadviseerdRegime: z.enum(REGIMES),
    regime: z.enum(REGIMES),
    regimeVolgensProtocol: z.enum(REGIMES),
    afgeweken: z.boolean(),
    percentage: z.number(),
    werkurenPerHalfjaar: z.number(),
    urenPerHalfjaar: z.number(),
    urenVolgensProtocol: z.number(),
    begrensdDoorBeleid: z.boolean(),
    binnenMaxDuur: z.boolean(),
    argumenten: z.array(z.object({ begrip: z.string(), vraag: z.string(), antwoord: z.string(), score: z.number() })),
    bronnen: z.array(z.string()),
    toelichting: z.array(z.string()),
  }),
  brieven: z.object({ persoon: z.string(), werkgever: z.string() }),
});

const STANDAARD_BELEID: Omit<GemeenteBeleid, 'bron'> & { bron: string } = {
  maxUrenPerHalfjaar: null,
  maxDuurJaren: null,
  bron: 'Geen eigen beleid vastgelegd: alleen de protocoltabel geldt',
};

function plusMaanden(iso: string, maanden: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + maanden);
  return d.toISOString().slice(0, 10);
}

export const jobcoachingRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/gemeenten/:gemeenteId/beleid',
    tags: ['beleid'],
    summary: 'Het eigen beleid van een gemeente (grenzen voor jobcoaching); leesbaar voor de hele regio',
    params: z.strictObject({ gemeenteId: Id }),
    response: Beleid,
    handler: async ({ input, dal }) => {
      const org = await dal.db.selectFrom('organisatie').select(['id', 'soort', 'regio_id']).where('id', '=', input.params.gemeenteId).executeTakeFirst();
      if (org?.soort !== 'gemeente' || org.regio_id !== dal.actor.regioId) throw new AppError('niet_gevonden', 'Deze gemeente bestaat niet in uw regio.');
      const b = await dal.db.selectFrom('gemeente_beleid').selectAll().where('organisatie_id', '=', org.id).executeTakeFirst();
      return {
        gemeenteId: org.id,
        jobcoachMaxUrenPerHalfjaar: b?.jobcoach_max_uren_per_halfjaar == null ? null : Number(b.jobcoach_max_uren_per_halfjaar),
        jobcoachMaxDuurJaren: b?.jobcoach_max_duur_jaren ?? null,
        bron: b?.bron ?? STANDAARD_BELEID.bron,
        gewijzigdOp: b ? new Date(b.gewijzigd_op).toISOString() : null,
      };
    },
  }),
  authRoute({
    method: 'PUT',
    url: '/api/v1/gemeenten/:gemeenteId/beleid',
    tags: ['beleid'],
    summary: 'Eigen beleid van de gemeente vastleggen (beleidsmedewerker of beheerder van die gemeente)',
    params: z.strictObject({ gemeenteId: Id }),
    body: z.strictObject({
      jobcoachMaxUrenPerHalfjaar: z.number().positive().max(2000).nullable(),
      jobcoachMaxDuurJaren: z.number().int().min(1).max(20).nullable(),
      bron: z.string().trim().min(3).max(500),
    }),
    voorbeeld: { body: { jobcoachMaxUrenPerHalfjaar: 80, jobcoachMaxDuurJaren: 3, bron: 'Beleidsregels re-integratie 2026, art. 12' } },
    response: Beleid,
    handler: async ({ input, dal }) => {
      const besluit = magInOrganisatie(dal.actor, 'beleid.beheren', input.params.gemeenteId);
      if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
      const oud = await dal.db.selectFrom('gemeente_beleid').selectAll().where('organisatie_id', '=', input.params.gemeenteId).executeTakeFirst();
      const values = {
        organisatie_id: input.params.gemeenteId,
        jobcoach_max_uren_per_halfjaar: input.body.jobcoachMaxUrenPerHalfjaar,
        jobcoach_max_duur_jaren: input.body.jobcoachMaxDuurJaren,
        bron: input.body.bron,
        gewijzigd_door: dal.actor.gebruikerId,
        gewijzigd_op: new Date(),
      };
      await dal.db
        .insertInto('gemeente_beleid')
        .values(values)
        .onConflict((oc) => oc.column('organisatie_id').doUpdateSet(values))
        .execute();
      await dal.audit.schrijf({
        actie: oud ? 'wijzigen' : 'aanmaken',
        resource: 'gemeente_beleid',
        resourceId: input.params.gemeenteId,
        wijzigingen: diff(
          oud
            ? { ...oud, jobcoach_max_uren_per_halfjaar: oud.jobcoach_max_uren_per_halfjaar == null ? null : Number(oud.jobcoach_max_uren_per_halfjaar) }
            : null,
          { jobcoach_max_uren_per_halfjaar: values.jobcoach_max_uren_per_halfjaar, jobcoach_max_duur_jaren: values.jobcoach_max_duur_jaren, bron: values.bron },
        ),
      });
      return {
        gemeenteId: input.params.gemeenteId,
        jobcoachMaxUrenPerHalfjaar: values.jobcoach_max_uren_per_halfjaar,
        jobcoachMaxDuurJaren: values.jobcoach_max_duur_jaren,
        bron: values.bron,
        gewijzigdOp: values.gewijzigd_op.toISOString(),
      };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/jobcoach-beoordelingen',
    tags: ['jobcoaching'],
    summary: 'Behoefte aan jobcoaching beoordelen: regime en uren per half jaar met uitleg en brieven (advies, geen automatisch besluit)',
    persoonParam: 'persoonId',
    status: 201,
    params: PersoonParams,
    body: NieuweBeoordeling,
    voorbeeld: {
      body: {
        peildatum: '2026-03-01',
        urenPerWeek: 24,
        begeleidingsjaar: 1,
        antwoorden: {
          aard_beperking: 'duidelijk',
          taakcomplexiteit: 'enkele_wisselingen',
          werkomgeving: 'soms_druk',
          leervermogen: 'met_herhaling',
          natuurlijke_steun: 'redelijk',
          communicatie_en_gedrag: 'af_en_toe',
          werkervaring: 'weinig',
        },
      },
    },
    response: Beoordeling,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'jobcoaching.beoordelen');
      const b = await dal.db.selectFrom('gemeente_beleid').selectAll().where('organisatie_id', '=', feiten.gemeenteId).executeTakeFirst();
      const beleid: GemeenteBeleid = b
        ? {
            maxUrenPerHalfjaar: b.jobcoach_max_uren_per_halfjaar == null ? null : Number(b.jobcoach_max_uren_per_halfjaar),
            maxDuurJaren: b.jobcoach_max_duur_jaren,
            bron: b.bron,
          }
        : STANDAARD_BELEID;
      let advies: ReturnType<typeof beoordeelJobcoachBehoefte>;
      try {
        advies = beoordeelJobcoachBehoefte({ ...input.body, antwoorden: input.body.antwoorden as Antwoorden, beleid });
      } catch (error) {
        if (error instanceof AfwijkingZonderReden) throw new AppError('ongeldige_invoer', error.message);
        throw error;
      }
      const p = await dal.db
        .selectFrom('persoon')
        .innerJoin('organisatie as o', 'o.id', 'persoon.organisatie_id')
        .select(['persoon.voornaam', 'persoon.tussenvoegsel', 'persoon.achternaam', 'o.naam as gemeente'])
        .where('persoon.id', '=', input.params.persoonId)
        .executeTakeFirstOrThrow();
      const evaluatieOp = plusMaanden(input.body.peildatum, 6);
      const naam = [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
      const brieven = { persoon: briefVoorPersoon(advies, naam, p.gemeente, evaluatieOp), werkgever: briefVoorWerkgever(advies, p.gemeente, evaluatieOp) };
      const id = randomUUID();
      await dal.db
        .insertInto('jobcoach_beoordeling')
        .values({
          id,
          organisatie_id: feiten.gemeenteId,
          persoon_id: input.params.persoonId,
          peildatum: input.body.peildatum,
          uren_per_week: input.body.urenPerWeek,
          begeleidingsjaar: input.body.begeleidingsjaar,
          antwoorden: JSON.stringify(input.body.antwoorden),
          geadviseerd_regime: advies.geadviseerdRegime,
          regime: advies.regime,
          afwijkingsreden: input.body.afwijking?.reden ?? null,
          percentage: advies.percentage,
          uren_per_halfjaar: advies.urenPerHalfjaar,
          uitkomst: JSON.stringify({ advies, brieven }),
          evaluatie_op: evaluatieOp,
          auteur_id: dal.actor.gebruikerId,
        })
        .execute();
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'jobcoach_beoordeling',
        resourceId: id,
        persoonId: input.params.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: diff(null, { regime: advies.regime, uren_per_halfjaar: advies.urenPerHalfjaar, evaluatie_op: evaluatieOp }),
      });
      await dal.db
        .insertInto('tijdlijn_gebeurtenis')
        .values({
          id: randomUUID(),
          organisatie_id: feiten.gemeenteId,
          persoon_id: input.params.persoonId,
          soort: 'dossier',
          titel: `Jobcoaching beoordeeld: ${advies.regime.replace('_', ' ')}, ${advies.urenPerHalfjaar} uur per half jaar`,
          tekst: `Evaluatie op ${evaluatieOp}.`,
          auteur_id: dal.actor.gebruikerId,
          auteur_organisatie_id: dal.actor.organisatieId,
        })
        .execute();
      return { id, peildatum: input.body.peildatum, evaluatieOp, auteur: dal.actor.gebruikersnaam, aangemaaktOp: new Date().toISOString(), advies, brieven };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/jobcoach-beoordelingen',
    tags: ['jobcoaching'],
    summary: 'Eerdere jobcoachbeoordelingen van een persoon, nieuwste eerst',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: z.array(Beoordeling),
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'jobcoaching.lezen');
      const rows = await dal.db
        .selectFrom('jobcoach_beoordeling as j')
        .innerJoin('gebruiker as g', 'g.id', 'j.auteur_id')
        .select(['j.id', 'j.peildatum', 'j.evaluatie_op', 'j.uitkomst', 'j.aangemaakt_op', 'g.gebruikersnaam'])
        .where('j.persoon_id', '=', input.params.persoonId)
        .orderBy('j.aangemaakt_op', 'desc')
        .execute();
      await dal.audit.schrijf({
        actie: 'lezen',
        resource: 'jobcoach_beoordeling',
        persoonId: input.params.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
      });
      return rows.map((r) => {
        const u = r.uitkomst as { advies: z.infer<typeof Beoordeling>['advies']; brieven: { persoon: string; werkgever: string } };
        return {
          id: r.id,
          peildatum: r.peildatum,
          evaluatieOp: r.evaluatie_op,
          auteur: r.gebruikersnaam,
          aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
          advies: u.advies,
          brieven: u.brieven,
        };
      });
    },
  }),
];
