import { sql } from 'kysely';
import { z } from 'zod';
import { TERUGMELDREDEN_CATEGORIE_CODES, type TerugmeldredenCategorie } from '../../../shared/codes.js';
import type { DataAccess } from '../../access/data-access.js';
import { magInOrganisatie } from '../../access/policy.js';
import { AppError } from '../../http/problem.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { csvRegel } from '../../lib/csv.js';
import { IsoDatum } from '../personen/schemas.js';
import { bouwDashboard, DASHBOARD_TABEL_CODES, DASHBOARD_TABELLEN, type LadderFeit, tabelAlsRegels, type VerwijzingFeit } from './dashboard.js';
import { MINIMALE_GROEP } from './onderdrukking.js';
import { vandaag } from '../../../shared/datum.js';

const tags = ['dashboard'];

const Vraag = z.strictObject({
  /** A gemeente id, or "regio" for the whole region. */
  gemeente: z.union([z.literal('regio'), z.uuid({ message: 'Kies een gemeente of de regio.' })]).optional(),
  van: IsoDatum.optional(),
  tot: IsoDatum.optional(),
});

/** Without `tabel` the export holds every table, one after the other. */
const ExportVraag = Vraag.extend({ tabel: z.enum(DASHBOARD_TABEL_CODES, { message: 'Onbekende tabel.' }).optional() });

const Cel = z.object({ waarde: z.number().nullable(), weergave: z.string() });
const Tabel = z.object({
  sleutel: z.enum(DASHBOARD_TABEL_CODES),
  titel: z.string(),
  toelichting: z.string(),
  kolommen: z.array(z.object({ sleutel: z.string(), label: z.string(), soort: z.enum(['aantal', 'percentage', 'dagen']) })),
  rijen: z.array(z.object({ sleutel: z.string(), label: z.string(), soort: z.enum(['groep', 'subtotaal', 'totaal']), cellen: z.array(Cel) })),
  beschikbaar: z.boolean(),
});
const Dashboard = z.object({
  scope: z.object({ id: z.string(), naam: z.string() }),
  keuzes: z.array(z.object({ id: z.string(), naam: z.string() })),
  periode: z.object({ van: z.string(), tot: z.string() }),
  peildatum: z.string(),
  minimaleGroep: z.number().int(),
  tabellen: z.array(Tabel),
});

interface Scope {
  id: string;
  naam: string;
  gemeenten: string[];
  keuzes: { id: string; naam: string }[];
}

/** Which scope the actor asks for and may see: own gemeente (and those it works for), or the region's totals. */
async function bepaalScope(dal: DataAccess, gevraagd: string | undefined): Promise<Scope> {
  const besluit = magInOrganisatie(dal.actor, 'dashboard.lezen', dal.actor.organisatieId);
  if (!besluit.toegestaan) throw new AppError('geen_toegang', 'Het beleidsdashboard is voor beleidsmedewerkers en klantmanagers.');
  const regio = await dal.db
    .selectFrom('organisatie as o')
    .innerJoin('arbeidsmarktregio as r', 'r.id', 'o.regio_id')
    .select(['o.id', 'o.naam', 'r.naam as regio_naam'])
    .where('o.regio_id', '=', dal.actor.regioId)
    .where('o.soort', '=', 'gemeente')
    .orderBy('o.naam')
    .execute();
  const eigen = dal.actor.organisatieSoort === 'gemeente' ? await dal.gemeentenMetVolledigeGrondslag() : [];
  const regioNaam = regio[0]?.regio_naam ?? 'Regio';
  const keuzes = [
    ...regio.filter((g) => eigen.includes(g.id)).map((g) => ({ id: g.id, naam: g.naam })),
    { id: 'regio', naam: `${regioNaam} (alle gemeenten)` },
  ];
  const keuze = gevraagd ?? (eigen.includes(dal.actor.organisatieId) ? dal.actor.organisatieId : 'regio');
  if (keuze === 'regio') return { id: 'regio', naam: `${regioNaam} (alle gemeenten)`, gemeenten: regio.map((g) => g.id), keuzes };
  const gemeente = regio.find((g) => g.id === keuze);
  if (!gemeente || !eigen.includes(keuze)) {
    throw new AppError('geen_toegang', 'U ziet het dashboard van uw eigen gemeente en de totalen van de regio.', {
      invalidParams: [{ name: 'gemeente', code: 'geen_toegang', reason: 'Kies uw eigen gemeente of de regio.' }],
    });
  }
  return { id: gemeente.id, naam: gemeente.naam, gemeenten: [gemeente.id], keuzes };
}

function periodeVan(q: { van?: string | undefined; tot?: string | undefined }, peildatum: string): { van: string; tot: string } {
  const tot = q.tot ?? peildatum;
  const van = q.van ?? `${String(Math.max(0, Number(tot.slice(0, 4)) - 1)).padStart(4, '0')}${tot.slice(4)}`;
  if (van > tot) {
    throw new AppError('niet_verwerkbaar', 'De begindatum ligt na de einddatum.', {
      invalidParams: [{ name: 'van', code: 'volgorde', reason: 'Kies een begindatum vóór de einddatum.' }],
    });
  }
  return { van, tot };
}

/** Anonymous facts per referral of the scope's gemeenten (person ids only to count distinct people). */
async function verwijzingFeiten(dal: DataAccess, gemeenten: string[]): Promise<VerwijzingFeit[]> {
  if (gemeenten.length === 0) return [];
  const rijen = await dal.db
    .selectFrom('verwijzing as v')
    .innerJoin('organisatie as a', 'a.id', 'v.aanbieder_id')
    .innerJoin('persoon as p', 'p.id', 'v.persoon_id')
    .leftJoin('terugmelding as t', 't.verwijzing_id', 'v.id')
    .leftJoin('terugmelding_reden as tr', (j) => j.onRef('tr.terugmelding_id', '=', 't.id').on('tr.primair', '=', true))
    .leftJoin('terugmeldreden as r', 'r.id', 'tr.reden_id')
    .select([
      'v.id',
      'v.persoon_id',
      'v.aanbieder_id',
      'a.naam as aanbieder_naam',
      'v.route',
      'v.startdatum',
      sql<string>`to_char(p.aangemaakt_op AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('aanmelddatum'),
      't.datum as teruggemeld_op',
      'r.code as reden_code',
      'r.label as reden_label',
      'r.categorie as reden_categorie',
    ])
    .where('v.organisatie_id', 'in', gemeenten)
    .execute();
  return rijen.map((r) => ({
    verwijzingId: r.id,
    persoonId: r.persoon_id,
    aanbiederId: r.aanbieder_id,
    aanbiederNaam: r.aanbieder_naam,
    route: r.route,
    startdatum: r.startdatum,
    aanmelddatum: r.aanmelddatum,
    teruggemeldOp: r.teruggemeld_op ?? null,
    primaireReden:
      r.reden_code && r.reden_label && TERUGMELDREDEN_CATEGORIE_CODES.includes(r.reden_categorie as TerugmeldredenCategorie)
        ? { code: r.reden_code, label: r.reden_label, categorie: r.reden_categorie as TerugmeldredenCategorie }
        : null,
  }));
}

/** Rungs from the professional's diagnoses, if the diagnose module is installed; null = no source yet. */
async function ladderFeiten(dal: DataAccess, gemeenten: string[]): Promise<LadderFeit[] | null> {
  const bestaat = await sql<{ b: boolean }>`SELECT to_regclass('public.diagnose') IS NOT NULL AS b`.execute(dal.db);
  if (!bestaat.rows[0]?.b) return null;
  if (gemeenten.length === 0) return [];
  const r = await sql<{ persoon_id: string; datum: string; trede: number }>`
    SELECT persoon_id, datum::text AS datum, participatieladder AS trede FROM diagnose
    WHERE perspectief = 'professional' AND participatieladder IS NOT NULL
      AND organisatie_id IN (${sql.join(gemeenten.map((g) => sql`${g}::uuid`))})`.execute(dal.db);
  return r.rows.map((x) => ({ persoonId: x.persoon_id, datum: String(x.datum).slice(0, 10), trede: Number(x.trede) }));
}

async function dashboardVoor(dal: DataAccess, q: z.infer<typeof Vraag>) {
  const scope = await bepaalScope(dal, q.gemeente);
  const peildatum = vandaag();
  const periode = periodeVan(q, peildatum);
  const tabellen = bouwDashboard(await verwijzingFeiten(dal, scope.gemeenten), await ladderFeiten(dal, scope.gemeenten), periode, peildatum);
  return { scope, periode, peildatum, tabellen };
}

export const dashboardRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/dashboard',
    tags,
    summary: `Beleidsdashboard: terugval, redenen, doorlooptijd, routewisselingen, participatieladder — alleen aantallen, groepen kleiner dan ${MINIMALE_GROEP} afgeschermd`,
    querystring: Vraag,
    response: Dashboard,
    handler: async ({ input, dal }) => {
      const d = await dashboardVoor(dal, input.query);
      await dal.audit.schrijf({ actie: 'lezen', resource: 'dashboard', resourceId: d.scope.id, toelichting: `${d.periode.van} t/m ${d.periode.tot}` });
      return {
        scope: { id: d.scope.id, naam: d.scope.naam },
        keuzes: d.scope.keuzes,
        periode: d.periode,
        peildatum: d.peildatum,
        minimaleGroep: MINIMALE_GROEP,
        tabellen: d.tabellen,
      };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/dashboard/export',
    tags,
    summary: 'Het dashboard als CSV (puntkomma-gescheiden, UTF-8): één tabel (tabel=…) of alle, met dezelfde afscherming als op het scherm',
    querystring: ExportVraag,
    response: z.string(),
    handler: async ({ input, dal, reply }) => {
      const d = await dashboardVoor(dal, input.query);
      const tabellen = input.query.tabel ? d.tabellen.filter((t) => t.sleutel === input.query.tabel) : d.tabellen;
      await dal.audit.schrijf({
        actie: 'exporteren',
        resource: 'dashboard',
        resourceId: `${d.scope.id}:${input.query.tabel ?? 'alle'}`,
        toelichting: `${d.periode.van} t/m ${d.periode.tot}`,
      });
      const regels: string[][] = [
        [
          `${d.scope.naam}, ${d.periode.van} t/m ${d.periode.tot} (peildatum ${d.peildatum}); groepen kleiner dan ${MINIMALE_GROEP} personen: <${MINIMALE_GROEP}`,
        ],
      ];
      for (const t of tabellen) regels.push([], [DASHBOARD_TABELLEN[t.sleutel].titel], ...(t.beschikbaar ? tabelAlsRegels(t) : [['Nog geen gegevens']]));
      const naam = `${input.query.tabel ?? 'dashboard'}-${d.scope.id === 'regio' ? 'regio' : 'gemeente'}-${d.periode.van}-${d.periode.tot}.csv`;
      reply.header('content-disposition', `attachment; filename="${naam}"`);
      reply.type('text/csv; charset=utf-8').serializer((v: unknown) => v as string);
      return `\uFEFF${regels.map((r) => csvRegel(r)).join('')}`;
    },
  }),
];
