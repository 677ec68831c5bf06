import { randomUUID } from 'node:crypto';
import { type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import {
  OPLEIDINGSNIVEAU_CODES,
  OPLEIDINGSNIVEAUS,
  type Opleidingsniveau,
  WERKCONDITIE_CODES,
  WERKCONDITIES,
  type Werkconditie,
} from '../../../shared/codes.js';
import type { DataAccess } from '../../access/data-access.js';
import { beslis, magKandidatenZoeken } from '../../access/policy.js';
import { type AuditEntry, diff } from '../../audit/audit.js';
import type { KandidaatprofielTable } from '../../db/schema.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError, type InvalidParam } from '../../http/problem.js';
import type { Selectable } from 'kysely';
import { SECTOREN } from '../functies/catalogus-data.js';
import { IsoDatum, PersoonParams } from '../personen/schemas.js';
import { COMPLEETHEID, type CompleetheidVeld, compleetheid, identificerendeTekst, nieuwPubliekId, profielRij } from './profiel.js';
import { herberekenPublicatie } from './publicatie.js';
import { fraseOnderNiet, heeftFrase, parseTsquery, type Vraag } from './tekstzoeken.js';
import type { ZoekUitkomst } from './zoekindex.js';
import type { Services } from '../../services.js';
import { vandaag } from '../../../shared/datum.js';

type Rij = Selectable<KandidaatprofielTable>;
const SECTOR_CODES = Object.keys(SECTOREN) as [string, ...string[]];
const sectorNaam = (c: string) => (SECTOREN as Record<string, { label: string }>)[c]?.label ?? c;

/** What an employer sees: never a name, BSN, address, phone or e-mail (the schema has no field for them). */
export const PubliekProfiel = z.object({
  publiekId: z.string(),
  gemeente: z.string(),
  wensen: z.string().nullable(),
  kwaliteiten: z.string().nullable(),
  sectoren: z.array(z.object({ code: z.string(), naam: z.string() })),
  gewensteFuncties: z.array(z.string()),
  opleidingsniveau: z.object({ code: z.string(), naam: z.string() }).nullable(),
  urenMin: z.number().nullable(),
  urenMax: z.number().nullable(),
  beschikbaarVanaf: z.string().nullable(),
  beschikbaarNu: z.boolean(),
  werkcondities: z.array(z.object({ code: z.string(), label: z.string() })),
  banenafspraak: z.boolean(),
  compleetheid: z.number().int(),
});

/** The columns presenteerPubliek reads. */
export const PUBLIEKE_KOLOMMEN = [
  'k.id',
  'k.publiek_id',
  'k.wensen',
  'k.kwaliteiten',
  'k.sectoren',
  'k.gewenste_functies',
  'k.opleidingsniveau',
  'k.uren_min',
  'k.uren_max',
  'k.beschikbaar_vanaf',
  'k.werkcondities',
  'k.banenafspraak',
  'k.compleetheid',
] as const;

/** A row with exactly those columns (derived from the list, so the two cannot drift apart). */
type PubliekeRij = Pick<Rij, (typeof PUBLIEKE_KOLOMMEN)[number] extends `k.${infer K}` ? K & keyof Rij : never>;

export function presenteerPubliek(r: PubliekeRij & { gemeente_naam: string }): z.input<typeof PubliekProfiel> {
  const nu = vandaag();
  return {
    publiekId: r.publiek_id,
    gemeente: r.gemeente_naam.replace(/^Gemeente /, ''),
    wensen: r.wensen,
    kwaliteiten: r.kwaliteiten,
    sectoren: r.sectoren.map((code) => ({ code, naam: sectorNaam(code) })),
    gewensteFuncties: r.gewenste_functies,
    opleidingsniveau: r.opleidingsniveau
      ? { code: r.opleidingsniveau, naam: OPLEIDINGSNIVEAUS[r.opleidingsniveau as Opleidingsniveau]?.label ?? r.opleidingsniveau }
      : null,
    urenMin: r.uren_min === null ? null : Number(r.uren_min),
    urenMax: r.uren_max === null ? null : Number(r.uren_max),
    beschikbaarVanaf: r.beschikbaar_vanaf,
    beschikbaarNu: r.beschikbaar_vanaf !== null && r.beschikbaar_vanaf <= nu,
    werkcondities: r.werkcondities.map((code) => ({ code, label: WERKCONDITIES[code as Werkconditie]?.label ?? code })),
    banenafspraak: r.banenafspraak,
    compleetheid: r.compleetheid,
  };
}

const vrijeTekst = (max: number) => z.string().trim().max(max).nullable().optional();

const ProfielInvoer = z.strictObject({
  wensen: vrijeTekst(2000),
  kwaliteiten: vrijeTekst(2000),
  sectoren: z
    .array(z.enum(SECTOR_CODES, { message: 'Onbekende sector.' }))
    .max(10)
    .default([]),
  gewensteFuncties: z.array(z.string().trim().min(2).max(100)).max(10).default([]),
  opleidingsniveau: z.enum(OPLEIDINGSNIVEAU_CODES).nullable().optional(),
  urenMin: z.number().min(1).max(60).nullable().optional(),
  urenMax: z.number().min(1).max(60).nullable().optional(),
  beschikbaarVanaf: IsoDatum.nullable().optional(),
  werkcondities: z
    .array(z.enum(WERKCONDITIE_CODES, { message: 'Onbekende werkomstandigheid.' }))
    .max(16)
    .default([]),
  banenafspraak: z.boolean().default(false),
  /** Optimistic locking: the version last seen. */
  versie: z.number().int().positive().optional(),
});

const EigenProfiel = z.object({
  persoonId: z.uuid(),
  aanwezig: z.boolean(),
  versie: z.number().int().nullable(),
  toestemmingActief: z.boolean(),
  gepubliceerd: z.boolean(),
  compleetheid: z.number().int(),
  ontbrekend: z.array(z.object({ veld: z.string(), label: z.string() })),
  /** Exactly what an employer sees (also when not published yet). */
  zoalsWerkgeverZiet: PubliekProfiel.nullable(),
  magBeheren: z.boolean(),
});

async function leesRij(dal: DataAccess, persoonId: string) {
  return dal.db
    .selectFrom('kandidaatprofiel as k')
    .innerJoin('organisatie as o', 'o.id', 'k.organisatie_id')
    .selectAll('k')
    .select('o.naam as gemeente_naam')
    .where('k.persoon_id', '=', persoonId)
    .executeTakeFirst();
}

async function eigenProfiel(dal: DataAccess, persoonId: string, magBeheren: boolean): Promise<z.input<typeof EigenProfiel>> {
  const r = await leesRij(dal, persoonId);
  const toestemming = await dal.db
    .selectFrom('toestemming')
    .select('id')
    .where('persoon_id', '=', persoonId)
    .where('doel', '=', 'kandidaatprofiel')
    .where('ingetrokken_op', 'is', null)
    .executeTakeFirst();
  const velden = r ? naarVelden(r) : null;
  const c = velden ? compleetheid(velden) : { score: 0, ontbrekend: Object.keys(COMPLEETHEID) as CompleetheidVeld[] };
  return {
    persoonId,
    aanwezig: Boolean(r),
    versie: r?.versie ?? null,
    toestemmingActief: Boolean(toestemming),
    gepubliceerd: r?.gepubliceerd ?? false,
    compleetheid: c.score,
    ontbrekend: c.ontbrekend.map((v) => ({ veld: v, label: COMPLEETHEID[v].label })),
    zoalsWerkgeverZiet: r ? presenteerPubliek(r) : null,
    magBeheren,
  };
}

function naarVelden(r: Rij) {
  return {
    wensen: r.wensen,
    kwaliteiten: r.kwaliteiten,
    sectoren: r.sectoren,
    gewensteFuncties: r.gewenste_functies,
    opleidingsniveau: r.opleidingsniveau,
    urenMin: r.uren_min === null ? null : Number(r.uren_min),
    urenMax: r.uren_max === null ? null : Number(r.uren_max),
    beschikbaarVanaf: r.beschikbaar_vanaf,
    werkcondities: r.werkcondities,
    banenafspraak: r.banenafspraak,
  };
}

const lijst = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );

export const Zoekvraag = z.strictObject({
  q: z.string().trim().max(200).optional(),
  gemeenten: lijst(2000)
    .pipe(z.array(z.uuid({ message: 'Geen geldige gemeente-id.' })).max(50))
    .optional(),
  sectoren: lijst(2000)
    .pipe(z.array(z.enum(SECTOR_CODES)).max(20))
    .optional(),
  opleidingsniveaus: lijst(200)
    .pipe(z.array(z.enum(OPLEIDINGSNIVEAU_CODES)))
    .optional(),
  werkcondities: lijst(2000)
    .pipe(z.array(z.enum(WERKCONDITIE_CODES)))
    .optional(),
  urenMin: z.coerce.number().min(0).max(60).optional(),
  urenMax: z.coerce.number().min(0).max(60).optional(),
  beschikbaarNu: z.enum(['ja', 'nee']).default('nee'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type ZoekvraagInput = z.output<typeof Zoekvraag>;

const Facet = z.array(z.object({ code: z.string(), naam: z.string(), aantal: z.number().int() }));

/** The WHERE clause of a search (table alias k). `zonder` leaves one facet's own filter out. */
export function filters(regioId: string, q: ZoekvraagInput, zonder?: 'sectoren' | 'opleidingsniveaus' | 'gemeenten' | 'werkcondities') {
  const en = [sql<SqlBool>`k.regio_id = ${regioId}`, sql<SqlBool>`k.gepubliceerd`];
  if (q.q) en.push(sql<SqlBool>`k.zoekvector @@ websearch_to_tsquery('dutch', kandidaat_zoektekst(${q.q}))`);
  if (q.gemeenten?.length && zonder !== 'gemeenten') en.push(sql<SqlBool>`k.organisatie_id = ANY(${sql.val(q.gemeenten)}::uuid[])`);
  if (q.sectoren?.length && zonder !== 'sectoren') en.push(sql<SqlBool>`k.sectoren && ${sql.val(q.sectoren)}::text[]`);
  if (q.opleidingsniveaus?.length && zonder !== 'opleidingsniveaus') en.push(sql<SqlBool>`k.opleidingsniveau = ANY(${sql.val(q.opleidingsniveaus)}::text[])`);
  if (q.werkcondities?.length && zonder !== 'werkcondities') en.push(sql<SqlBool>`k.werkcondities @> ${sql.val(q.werkcondities)}::text[]`);
  if (q.urenMin !== undefined) en.push(sql<SqlBool>`(k.uren_max IS NULL OR k.uren_max >= ${q.urenMin})`);
  if (q.urenMax !== undefined) en.push(sql<SqlBool>`(k.uren_min IS NULL OR k.uren_min <= ${q.urenMax})`);
  if (q.beschikbaarNu === 'ja') en.push(sql<SqlBool>`k.beschikbaar_vanaf <= current_date`);
  return sql<SqlBool>`(${sql.join(en, sql` AND `)})`;
}

/**
 * Runs a search on the region's in-process index (brought up to date first). PostgreSQL still does
 * the Dutch text analysis: the query's lexemes come from websearch_to_tsquery, and for a phrase
 * ("lopende band") PostgreSQL decides which profiles match, since the index keeps no positions.
 */
/** Above this many profiles with all of a phrase's words, PostgreSQL checks the phrase on the whole region. */
const FRASE_KANDIDATEN = 20_000;

export async function zoekInIndex(dal: DataAccess, services: Services, q: ZoekvraagInput): Promise<ZoekUitkomst> {
  const idx = services.kandidaten.voor(dal.actor.regioId);
  await idx.verversen(dal.db);
  const beschikbaarOp = q.beschikbaarNu === 'ja' ? vandaag() : undefined;
  // The same search on an unchanged index gives the same answer (results do not depend on who asks).
  const sleutel = JSON.stringify([
    q.q ?? '',
    q.gemeenten,
    q.sectoren,
    q.opleidingsniveaus,
    q.werkcondities,
    q.urenMin,
    q.urenMax,
    beschikbaarOp,
    q.limit,
    q.offset,
  ]);
  const bewaard = idx.uitCache(sleutel);
  if (bewaard) return bewaard;
  let vraag: Vraag | null = null;
  let tekstTreffers: Set<string> | undefined;
  if (q.q) {
    vraag = parseTsquery(await idx.analyseer(dal.db, q.q));
    if (vraag && heeftFrase(vraag)) {
      // A phrase: the index finds the profiles with all its words, PostgreSQL checks the word order on
      // just those rows (there is no full-text index on the table: the in-process index is the search).
      const kandidaten = fraseOnderNiet(vraag) ? null : idx.index.kandidaten(vraag, FRASE_KANDIDATEN);
      const waar = kandidaten === null ? sql`regio_id = ${dal.actor.regioId}` : sql`id = any(${kandidaten}::uuid[])`;
      const treffers =
        kandidaten?.length === 0
          ? { rows: [] }
          : await sql<{ id: string }>`select id from kandidaatprofiel where ${waar} and gepubliceerd
              and zoekvector @@ websearch_to_tsquery('dutch', kandidaat_zoektekst(${q.q}))`.execute(dal.db);
      tekstTreffers = new Set(treffers.rows.map((t) => t.id));
    }
  }
  const uitkomst = idx.index.zoek({
    vraag,
    tekstTreffers,
    gemeenten: q.gemeenten,
    sectoren: q.sectoren,
    opleidingsniveaus: q.opleidingsniveaus,
    werkcondities: q.werkcondities,
    urenMin: q.urenMin,
    urenMax: q.urenMax,
    beschikbaarOp,
    limit: q.limit,
    offset: q.offset,
  });
  // A phrase's matches came from a transaction that may have seen newer rows than the index: not cached.
  if (!tekstTreffers) idx.inCache(sleutel, uitkomst);
  return uitkomst;
}

export const kandidatenRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/kandidaatprofiel',
    tags: ['kandidaten'],
    summary: 'Het anonieme kandidaatprofiel van een persoon, zoals een werkgever het ziet, met compleetheid en publicatiestatus',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: EigenProfiel,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'kandidaatprofiel.lezen');
      await dal.audit.schrijf({ actie: 'lezen', resource: 'kandidaatprofiel', persoonId: input.params.persoonId, organisatieId: feiten.gemeenteId, grondslag });
      return eigenProfiel(dal, input.params.persoonId, beslis(dal.actor, 'kandidaatprofiel.beheren', feiten).toegestaan);
    },
  }),
  authRoute({
    method: 'PUT',
    url: '/api/v1/personen/:persoonId/kandidaatprofiel',
    tags: ['kandidaten'],
    summary: 'Het kandidaatprofiel vastleggen (professional of de persoon zelf); zichtbaar voor werkgevers alleen met toestemming',
    persoonParam: 'persoonId',
    params: PersoonParams,
    body: ProfielInvoer,
    voorbeeld: {
      body: {
        wensen: 'Ik werk graag buiten, in het groen of in een tuin.',
        kwaliteiten: 'Betrouwbaar, handig en altijd op tijd.',
        sectoren: ['groen'],
        gewensteFuncties: ['Medewerker groenvoorziening'],
        opleidingsniveau: 'entree',
        urenMin: 16,
        urenMax: 24,
        beschikbaarVanaf: '2026-01-01',
        werkcondities: ['werkt_graag_buiten', 'geen_zwaar_tilwerk'],
        banenafspraak: true,
      },
    },
    response: EigenProfiel,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'kandidaatprofiel.beheren');
      const b = input.body;
      const fouten: InvalidParam[] = [];
      for (const veld of ['wensen', 'kwaliteiten'] as const) {
        const gevonden = identificerendeTekst(b[veld] ?? '');
        if (gevonden.length > 0) {
          fouten.push({ name: `body.${veld}`, code: 'identificerend', reason: `Werkgevers lezen deze tekst: haal ${gevonden.join(' en ')} weg.` });
        }
      }
      for (const [i, f] of b.gewensteFuncties.entries()) {
        if (identificerendeTekst(f).length > 0)
          fouten.push({ name: `body.gewensteFuncties[${i}]`, code: 'identificerend', reason: 'Geen contactgegevens of nummers.' });
      }
      if (b.urenMin != null && b.urenMax != null && b.urenMax < b.urenMin) {
        fouten.push({ name: 'body.urenMax', code: 'ongeldig', reason: 'Het maximum aantal uren is kleiner dan het minimum.' });
      }
      if (fouten.length > 0) throw new AppError('ongeldige_invoer', 'Het profiel is niet opgeslagen.', { invalidParams: fouten });
      const oud = await leesRij(dal, persoonId);
      if (oud && b.versie !== undefined && b.versie !== oud.versie) {
        throw new AppError('versieconflict', 'Iemand anders heeft dit profiel intussen gewijzigd. Laad het opnieuw.');
      }
      const velden = {
        wensen: b.wensen ?? null,
        kwaliteiten: b.kwaliteiten ?? null,
        sectoren: [...new Set(b.sectoren)],
        gewensteFuncties: [...new Set(b.gewensteFuncties)],
        opleidingsniveau: b.opleidingsniveau ?? null,
        urenMin: b.urenMin ?? null,
        urenMax: b.urenMax ?? null,
        beschikbaarVanaf: b.beschikbaarVanaf ?? null,
        werkcondities: [...new Set(b.werkcondities)],
        banenafspraak: b.banenafspraak,
      };
      const waarden = profielRij(velden);
      if (oud) {
        await dal.db
          .updateTable('kandidaatprofiel')
          .set({ ...waarden, versie: oud.versie + 1, gewijzigd_op: new Date() })
          .where('id', '=', oud.id)
          .execute();
      } else {
        // Six characters of 32 collide now and then at national scale: draw again until it is free.
        let publiekId = nieuwPubliekId();
        for (let poging = 0; poging < 10; poging++) {
          const bezet = await dal.db.selectFrom('kandidaatprofiel').select('id').where('publiek_id', '=', publiekId).executeTakeFirst();
          if (!bezet) break;
          publiekId = nieuwPubliekId();
        }
        await dal.db
          .insertInto('kandidaatprofiel')
          .values({
            id: randomUUID(),
            organisatie_id: feiten.gemeenteId,
            regio_id: dal.actor.regioId,
            persoon_id: persoonId,
            publiek_id: publiekId,
            ...waarden,
          })
          .execute();
      }
      await herberekenPublicatie(dal.db, persoonId);
      await dal.audit.schrijf({
        actie: oud ? 'wijzigen' : 'aanmaken',
        resource: 'kandidaatprofiel',
        persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: diff(oud ? { ...naarVelden(oud) } : null, { ...velden }),
      });
      return eigenProfiel(dal, persoonId, true);
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/kandidaatprofielen',
    tags: ['kandidaten'],
    summary:
      'Zoeken in de gepubliceerde, anonieme kandidaatprofielen van de regio (werkgevers en professionals): Nederlandse vrije tekst met stamvormen, filters, facetten en paginering',
    querystring: Zoekvraag,
    // Reads, then one audit row: no request transaction (two round trips fewer per search).
    zonderTransactie: true,
    response: z.object({
      totaal: z.number().int(),
      resultaten: z.array(PubliekProfiel.extend({ relevantie: z.number() })),
      facetten: z.object({ sectoren: Facet, opleidingsniveaus: Facet, gemeenten: Facet, werkcondities: Facet }),
    }),
    handler: async ({ input, dal, services }) => {
      const besluit = magKandidatenZoeken(dal.actor);
      if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
      const q = input.query;
      if (q.urenMin !== undefined && q.urenMax !== undefined && q.urenMax < q.urenMin) {
        throw new AppError('ongeldige_invoer', 'Het maximum aantal uren is kleiner dan het minimum.', {
          invalidParams: [{ name: 'querystring.urenMax', code: 'ongeldig', reason: 'Kleiner dan urenMin.' }],
        });
      }
      const regio = dal.actor.regioId;
      const uitkomst = await zoekInIndex(dal, services, q);
      const totaal = uitkomst.totaal;
      const ids = uitkomst.treffers.map((t) => t.id);
      const zoekAudit: AuditEntry = {
        actie: 'zoeken',
        resource: 'kandidaatprofielen',
        toelichting: `${totaal} profielen gevonden${q.q ? ' met vrije tekst' : ''}`,
      };
      // The page itself comes from the table, checked again: nothing unpublished is ever shown. The
      // audit row is written by the same statement (one round trip; both or neither).
      const gevonden =
        ids.length === 0
          ? await dal.audit.schrijf(zoekAudit).then(() => [])
          : await dal.db
              .with('vastgelegd', (db) => db.insertInto('audit_log').values(dal.audit.rij(zoekAudit)))
              .selectFrom('kandidaatprofiel as k')
              .innerJoin('organisatie as o', 'o.id', 'k.organisatie_id')
              // What the presenter shows, not the search vector (the largest column by far).
              .select(PUBLIEKE_KOLOMMEN)
              .select('o.naam as gemeente_naam')
              .where('k.id', 'in', ids)
              .where('k.regio_id', '=', regio)
              .where('k.gepubliceerd', '=', true)
              .execute();
      const perId = new Map(gevonden.map((r) => [r.id, r]));
      const rows = uitkomst.treffers.flatMap((t) => {
        const r = perId.get(t.id);
        return r ? [{ ...r, relevantie: t.relevantie }] : [];
      });
      const { sectoren, opleidingsniveaus: opleidingen, gemeenten, werkcondities: condities } = uitkomst.facetten;
      const namen = await services.kandidaten.voor(regio).gemeenteNamen(dal.db);
      return {
        totaal,
        resultaten: rows.map((r) => ({ ...presenteerPubliek(r), relevantie: Math.round(r.relevantie * 1000) / 1000 })),
        facetten: {
          sectoren: sectoren.map((f) => ({ ...f, naam: sectorNaam(f.code) })),
          opleidingsniveaus: opleidingen.map((f) => ({ ...f, naam: OPLEIDINGSNIVEAUS[f.code as Opleidingsniveau]?.label ?? f.code })),
          gemeenten: gemeenten.map((f) => ({ ...f, naam: namen.get(f.code) ?? f.code })),
          werkcondities: condities.map((f) => ({ ...f, naam: WERKCONDITIES[f.code as Werkconditie]?.label ?? f.code })),
        },
      };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/kandidaatprofielen/:publiekId',
    tags: ['kandidaten'],
    summary: 'Eén gepubliceerd kandidaatprofiel (het bekijken wordt vastgelegd en is voor de persoon zichtbaar in de inzage)',
    params: z.strictObject({ publiekId: z.string().regex(/^K-[2-9A-HJ-NP-Z]{6}$/, 'Geen geldige profielcode.') }),
    response: PubliekProfiel,
    handler: async ({ input, dal }) => {
      const besluit = magKandidatenZoeken(dal.actor);
      if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
      const r = await dal.db
        .selectFrom('kandidaatprofiel as k')
        .innerJoin('organisatie as o', 'o.id', 'k.organisatie_id')
        .selectAll('k')
        .select('o.naam as gemeente_naam')
        .where('k.publiek_id', '=', input.params.publiekId)
        .where('k.regio_id', '=', dal.actor.regioId)
        .where('k.gepubliceerd', '=', true)
        .executeTakeFirst();
      if (!r) throw new AppError('niet_gevonden', 'Dit profiel bestaat niet of is niet (meer) gepubliceerd.');
      await dal.audit.schrijf({
        actie: 'lezen',
        resource: 'kandidaatprofiel_publiek',
        resourceId: r.publiek_id,
        persoonId: r.persoon_id,
        organisatieId: r.organisatie_id,
        grondslag: 'toestemming',
      });
      return presenteerPubliek(r);
    },
  }),
];
