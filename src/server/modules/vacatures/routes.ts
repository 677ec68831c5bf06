import { type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { VACATURESTATUS_CODES } from '../../../shared/codes.js';
import type { DataAccess } from '../../access/data-access.js';
import { magVacaturesBeheren } from '../../access/policy.js';
import { diff } from '../../audit/audit.js';
import type { VacatureTable } from '../../db/schema.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError, type InvalidParam } from '../../http/problem.js';
import { valideerBelasting } from '../belastbaarheid/fml-validatie.js';
import { SECTOREN } from '../functies/catalogus-data.js';
import { SECTOR_CODES } from '../functies/functie.js';
import { type FunctieRij, functieId } from '../functies/repository.js';
import { stableId } from '../../lib/ids.js';
import { BelastingRegel, belastingTekst, FunctieSamenvatting, presenteerSamenvatting } from '../functies/routes.js';
import { PubliekProfiel, presenteerPubliek } from '../kandidaten/routes.js';
import type { Belasting } from '../matching/engine.js';
import { Id } from '../personen/schemas.js';
import type { Selectable } from 'kysely';
import { FIT_SOORT_CODES, fitSamenvatting } from './fit.js';
import { rangschikVacatureKandidaten } from './rangschikking.js';

type VacatureRij = Selectable<VacatureTable>;
const sectorNaam = (c: string) => (SECTOREN as Record<string, { label: string }>)[c]?.label ?? c;

const BelastingAanpassingen = z
  .record(z.string().max(10), z.union([z.number().int(), z.array(z.string().max(40)).max(20)]))
  .refine((b) => Object.keys(b).length <= 80, 'Te veel items.');

const VacatureInvoer = z.strictObject({
  titel: z
    .string()
    .trim()
    .min(2, 'Geef de vacature een titel.')
    .max(120)
    .regex(/^[^\p{Cc}]*$/u, 'Gebruik geen stuurtekens.'),
  omschrijving: z.string().trim().max(4000).nullable().optional(),
  /** The catalogue function whose belasting is the basis. */
  functieId: Id,
  /** Per FML item what this workplace asks differently from the function (validated like a function's belasting). */
  belastingAanpassingen: BelastingAanpassingen.default({}),
  urenMin: z.number().gt(0).max(60),
  urenMax: z.number().gt(0).max(60),
  sector: z.enum(SECTOR_CODES, { message: 'Onbekende sector.' }).nullable().optional(),
  /** Where the work is: a gemeente of the region. */
  gemeenteId: Id.nullable().optional(),
  status: z.enum(VACATURESTATUS_CODES).default('open'),
  /** Optimistic locking on change: the version last seen. */
  versie: z.number().int().positive().optional(),
});
type VacatureInvoerT = z.output<typeof VacatureInvoer>;

const VacatureSamenvatting = z.object({
  id: z.uuid(),
  titel: z.string(),
  functie: z.object({ id: z.uuid(), naam: z.string() }),
  urenMin: z.number(),
  urenMax: z.number(),
  gemeente: z.object({ id: z.uuid(), naam: z.string() }).nullable(),
  status: z.enum(VACATURESTATUS_CODES),
  aangepast: z.boolean(),
  gewijzigdOp: z.string(),
});

const VacatureDetail = VacatureSamenvatting.extend({
  omschrijving: z.string().nullable(),
  functie: FunctieSamenvatting,
  sector: z.object({ code: z.string(), naam: z.string() }).nullable(),
  belastingAanpassingen: z.record(z.string(), z.union([z.number(), z.array(z.string())])),
  /** What the work asks per item: the function's belasting with this vacancy's changes. */
  belasting: z.array(BelastingRegel.extend({ aangepast: z.boolean() })),
  versie: z.number().int(),
  aangemaaktOp: z.string(),
});

const Fit = z.object({
  soort: z.enum(FIT_SOORT_CODES),
  label: z.string(),
  uitleg: z.string(),
  bespreekpunten: z.number().int(),
  bespreekTekst: z.string().nullable(),
});

const VacatureParams = z.strictObject({ vacatureId: Id });

function vereisBeheerder(dal: DataAccess) {
  const besluit = magVacaturesBeheren(dal.actor);
  if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
}

/** A vacancy of the actor's own organisation; any other is "not found". */
async function eigenVacature(dal: DataAccess, id: string): Promise<VacatureRij> {
  vereisBeheerder(dal);
  const v = await dal.db.selectFrom('vacature').selectAll().where('id', '=', id).where('organisatie_id', '=', dal.actor.organisatieId).executeTakeFirst();
  if (!v) throw new AppError('niet_gevonden', 'Deze vacature bestaat niet of is niet van uw organisatie.');
  return v;
}

export function effectieveBelasting(functie: Pick<FunctieRij, 'belasting'>, aanpassingen: Readonly<Record<string, number | readonly string[]>>): Belasting {
  return { ...functie.belasting, ...aanpassingen };
}

async function presenteerDetail(dal: DataAccess, v: VacatureRij): Promise<z.input<typeof VacatureDetail>> {
  const f = await dal.db.selectFrom('functie').selectAll().where('id', '=', v.functie_id).executeTakeFirstOrThrow();
  const gemeente = v.gemeente_id ? await dal.db.selectFrom('organisatie').select(['id', 'naam']).where('id', '=', v.gemeente_id).executeTakeFirst() : undefined;
  const belasting = effectieveBelasting(f, v.belasting_aanpassingen);
  return {
    id: v.id,
    titel: v.titel,
    omschrijving: v.omschrijving,
    functie: presenteerSamenvatting(f),
    urenMin: Number(v.uren_min),
    urenMax: Number(v.uren_max),
    gemeente: gemeente ? { id: gemeente.id, naam: gemeente.naam.replace(/^Gemeente /, '') } : null,
    status: v.status,
    aangepast: Object.keys(v.belasting_aanpassingen).length > 0,
    gewijzigdOp: new Date(v.gewijzigd_op).toISOString(),
    sector: v.sector ? { code: v.sector, naam: sectorNaam(v.sector) } : null,
    belastingAanpassingen: v.belasting_aanpassingen,
    belasting: Object.entries(belasting).map(([code, w]) => ({ ...belastingTekst(code, w), aangepast: code in v.belasting_aanpassingen })),
    versie: v.versie,
    aangemaaktOp: new Date(v.aangemaakt_op).toISOString(),
  };
}

/** Checks beyond the schema: hours in order, FML values valid, a function and gemeente the actor may use. */
async function controleer(dal: DataAccess, b: VacatureInvoerT): Promise<FunctieRij> {
  const fouten: InvalidParam[] = [];
  if (b.urenMax < b.urenMin) fouten.push({ name: 'body.urenMax', code: 'ongeldig', reason: 'Het maximum aantal uren is kleiner dan het minimum.' });
  fouten.push(...valideerBelasting('body.belastingAanpassingen', b.belastingAanpassingen));
  const functie = await dal.db
    .selectFrom('functie')
    .selectAll()
    .where('id', '=', b.functieId)
    .where('regio_id', '=', dal.actor.regioId)
    .where('actief', '=', true)
    .where((eb) => eb.or([eb('organisatie_id', 'is', null), eb('organisatie_id', '=', dal.actor.organisatieId)]))
    .executeTakeFirst();
  if (!functie) fouten.push({ name: 'body.functieId', code: 'onbekend', reason: 'Kies een functie uit de catalogus van uw regio.' });
  if (b.gemeenteId) {
    const g = await dal.db
      .selectFrom('organisatie')
      .select('id')
      .where('id', '=', b.gemeenteId)
      .where('soort', '=', 'gemeente')
      .where('regio_id', '=', dal.actor.regioId)
      .executeTakeFirst();
    if (!g) fouten.push({ name: 'body.gemeenteId', code: 'onbekend', reason: 'Kies een gemeente in uw regio.' });
  }
  if (fouten.length > 0 || !functie) throw new AppError('ongeldige_invoer', 'De vacature is niet opgeslagen.', { invalidParams: fouten });
  return functie;
}

function waarden(b: VacatureInvoerT) {
  return {
    titel: b.titel,
    omschrijving: b.omschrijving ?? null,
    functie_id: b.functieId,
    belasting_aanpassingen: JSON.stringify(b.belastingAanpassingen),
    uren_min: b.urenMin,
    uren_max: b.urenMax,
    sector: b.sector ?? null,
    gemeente_id: b.gemeenteId ?? null,
    status: b.status,
  };
}

function voorAudit(v: VacatureRij | VacatureInvoerT) {
  if ('functie_id' in v) {
    return {
      titel: v.titel,
      omschrijving: v.omschrijving,
      functieId: v.functie_id,
      belastingAanpassingen: v.belasting_aanpassingen,
      urenMin: Number(v.uren_min),
      urenMax: Number(v.uren_max),
      sector: v.sector,
      gemeenteId: v.gemeente_id,
      status: v.status,
    };
  }
  return {
    titel: v.titel,
    omschrijving: v.omschrijving ?? null,
    functieId: v.functieId,
    belastingAanpassingen: v.belastingAanpassingen,
    urenMin: v.urenMin,
    urenMax: v.urenMax,
    sector: v.sector ?? null,
    gemeenteId: v.gemeenteId ?? null,
    status: v.status,
  };
}

const DISCLAIMER =
  'Dit is een hulpmiddel. U ziet geen medische gegevens: alleen of de belasting van het werk past bij wat de kandidaat aankan. Kandidaten bij wie de functie niet past, ziet u niet. Contact loopt via de klantmanager van de gemeente.';

/** The example body for the generated tests: a regional function of the demo region. */
export const VOORBEELD_VACATURE = (functieId: string) => ({
  titel: 'Verkoopmedewerker bakkerij (ochtend)',
  omschrijving: 'Brood en banket verkopen in onze winkel, klanten helpen aan de toonbank.',
  functieId,
  belastingAanpassingen: { 'IV.13': 4 },
  urenMin: 16,
  urenMax: 24,
  sector: 'detailhandel',
  gemeenteId: '{gemeenteId}',
  status: 'open',
});

/** A regional function of the demo region, for the example body the generated tests send. */
const VOORBEELD_FUNCTIE = functieId(stableId('regio:regio-zwolle'), null, 'verkoopmedewerker-bakkerij');

export const vacatureRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/vacatures',
    tags: ['vacatures'],
    summary: 'De vacatures van uw organisatie (werkgever, of de eigen vacatures van een gemeente)',
    querystring: z.strictObject({ status: z.enum(['open', 'gesloten', 'alle']).default('alle') }),
    response: z.object({ resultaten: z.array(VacatureSamenvatting) }),
    handler: async ({ input, dal }) => {
      vereisBeheerder(dal);
      let q = dal.db
        .selectFrom('vacature as v')
        .innerJoin('functie as f', 'f.id', 'v.functie_id')
        .leftJoin('organisatie as g', 'g.id', 'v.gemeente_id')
        .selectAll('v')
        .select(['f.naam as functie_naam', 'g.naam as gemeente_naam'])
        .where('v.organisatie_id', '=', dal.actor.organisatieId);
      if (input.query.status !== 'alle') q = q.where('v.status', '=', input.query.status);
      const rijen = await q.orderBy('v.status', 'desc').orderBy('v.gewijzigd_op', 'desc').orderBy('v.id').limit(500).execute();
      return {
        resultaten: rijen.map((v) => ({
          id: v.id,
          titel: v.titel,
          functie: { id: v.functie_id, naam: v.functie_naam },
          urenMin: Number(v.uren_min),
          urenMax: Number(v.uren_max),
          gemeente: v.gemeente_id && v.gemeente_naam ? { id: v.gemeente_id, naam: v.gemeente_naam.replace(/^Gemeente /, '') } : null,
          status: v.status,
          aangepast: Object.keys(v.belasting_aanpassingen).length > 0,
          gewijzigdOp: new Date(v.gewijzigd_op).toISOString(),
        })),
      };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/vacatures',
    tags: ['vacatures'],
    summary: 'Een vacature vastleggen op basis van een functie uit de catalogus, met eventueel een andere belasting per FML-item',
    status: 201,
    body: VacatureInvoer,
    voorbeeld: { body: VOORBEELD_VACATURE(VOORBEELD_FUNCTIE) },
    response: VacatureDetail,
    handler: async ({ input, dal }) => {
      vereisBeheerder(dal);
      await controleer(dal, input.body);
      const { n } = await dal.db
        .selectFrom('vacature')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('organisatie_id', '=', dal.actor.organisatieId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= 1000) throw new AppError('conflict', 'Uw organisatie heeft al 1000 vacatures. Verwijder eerst oude vacatures.');
      const v = await dal.db
        .insertInto('vacature')
        .values({ organisatie_id: dal.actor.organisatieId, regio_id: dal.actor.regioId, aangemaakt_door: dal.actor.gebruikerId, ...waarden(input.body) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await dal.audit.schrijf({ actie: 'aanmaken', resource: 'vacature', resourceId: v.id, wijzigingen: diff(null, voorAudit(input.body)) });
      return presenteerDetail(dal, v);
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/vacatures/:vacatureId',
    tags: ['vacatures'],
    summary: 'Eén vacature met wat het werk vraagt per FML-item',
    params: VacatureParams,
    response: VacatureDetail,
    handler: async ({ input, dal }) => presenteerDetail(dal, await eigenVacature(dal, input.params.vacatureId)),
  }),
  authRoute({
    method: 'PUT',
    url: '/api/v1/vacatures/:vacatureId',
    tags: ['vacatures'],
    summary: 'Een vacature wijzigen (of sluiten met status gesloten)',
    params: VacatureParams,
    body: VacatureInvoer,
    voorbeeld: { body: VOORBEELD_VACATURE(VOORBEELD_FUNCTIE) },
    response: VacatureDetail,
    handler: async ({ input, dal }) => {
      const oud = await eigenVacature(dal, input.params.vacatureId);
      await controleer(dal, input.body);
      if (input.body.versie !== undefined && input.body.versie !== oud.versie) {
        throw new AppError('versieconflict', 'Iemand anders heeft deze vacature intussen gewijzigd. Laad haar opnieuw.');
      }
      const v = await dal.db
        .updateTable('vacature')
        .set({ ...waarden(input.body), versie: oud.versie + 1, gewijzigd_op: sql<Date>`now()` })
        .where('id', '=', oud.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await dal.audit.schrijf({ actie: 'wijzigen', resource: 'vacature', resourceId: v.id, wijzigingen: diff(voorAudit(oud), voorAudit(input.body)) });
      return presenteerDetail(dal, v);
    },
  }),
  authRoute({
    method: 'DELETE',
    url: '/api/v1/vacatures/:vacatureId',
    tags: ['vacatures'],
    summary: 'Een vacature verwijderen',
    status: 204,
    params: VacatureParams,
    response: z.null(),
    handler: async ({ input, dal }) => {
      const v = await eigenVacature(dal, input.params.vacatureId);
      await dal.db.deleteFrom('vacature').where('id', '=', v.id).execute();
      await dal.audit.schrijf({ actie: 'verwijderen', resource: 'vacature', resourceId: v.id, wijzigingen: diff(voorAudit(v), {}) });
      return null;
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/vacatures/:vacatureId/kandidaten',
    tags: ['vacatures'],
    summary:
      'Gepubliceerde kandidaten voor een vacature, gerangschikt op hoe hun belastbaarheid past bij de belasting van het werk, dan op uren en tekst; per kandidaat alleen een niet-medische samenvatting. Kandidaten zonder vastgelegde belastbaarheid komen daarna',
    params: VacatureParams,
    querystring: z.strictObject({
      limit: z.coerce.number().int().min(1).max(50).default(20),
      offset: z.coerce.number().int().min(0).max(10_000).default(0),
    }),
    response: z.object({
      vacature: z.object({ id: z.uuid(), titel: z.string(), status: z.enum(VACATURESTATUS_CODES) }),
      totaal: z.number().int(),
      aantalPassend: z.number().int(),
      aantalOnbekend: z.number().int(),
      resultaten: z.array(PubliekProfiel.extend({ fit: Fit, urenPassen: z.boolean() })),
      disclaimer: z.string(),
    }),
    handler: async ({ input, dal, services }) => {
      const v = await eigenVacature(dal, input.params.vacatureId);
      const functie = await dal.db.selectFrom('functie').selectAll().where('id', '=', v.functie_id).executeTakeFirstOrThrow();
      const ranking = await rangschikVacatureKandidaten(dal, services, v, functie);
      const pagina = ranking.volgorde.slice(input.query.offset, input.query.offset + input.query.limit);
      const rijen =
        pagina.length > 0
          ? await dal.db
              .selectFrom('kandidaatprofiel as k')
              .innerJoin('organisatie as o', 'o.id', 'k.organisatie_id')
              .selectAll('k')
              .select('o.naam as gemeente_naam')
              .where(sql<SqlBool>`k.persoon_id = ANY(${sql.val(pagina.map((p) => p.persoonId))}::uuid[])`)
              .where('k.gepubliceerd', '=', true)
              .execute()
          : [];
      const perPersoon = new Map(rijen.map((r) => [r.persoon_id, r]));
      const resultaten = [];
      for (const p of pagina) {
        const r = perPersoon.get(p.persoonId);
        const fit = fitSamenvatting(p.beoordeling);
        if (!r || !fit) continue;
        resultaten.push({ ...presenteerPubliek(r), fit, urenPassen: p.urenPassen });
        // The person can see in their own inzage that their profile was shown for a vacancy.
        await dal.audit.schrijf({
          actie: 'zoeken',
          resource: 'kandidaten_voor_vacature',
          resourceId: v.id,
          persoonId: r.persoon_id,
          organisatieId: r.organisatie_id,
          grondslag: 'toestemming',
        });
      }
      await dal.audit.schrijf({
        actie: 'zoeken',
        resource: 'kandidaatprofielen',
        resourceId: v.id,
        toelichting: `${ranking.volgorde.length} kandidaten voor vacature (${ranking.aantalPassend} passend, ${ranking.aantalOnbekend} belastbaarheid niet bekend)`,
      });
      return {
        vacature: { id: v.id, titel: v.titel, status: v.status },
        totaal: ranking.volgorde.length,
        aantalPassend: ranking.aantalPassend,
        aantalOnbekend: ranking.aantalOnbekend,
        resultaten,
        disclaimer: DISCLAIMER,
      };
    },
  }),
];
