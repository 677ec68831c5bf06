import { sql } from 'kysely';
import { z } from 'zod';
import { OPLEIDINGSNIVEAU_CODES, OPLEIDINGSNIVEAUS, type Opleidingsniveau } from '../../../shared/codes.js';
import { type Actor, magInOrganisatie } from '../../access/policy.js';
import type { DataAccess } from '../../access/data-access.js';
import { diff } from '../../audit/audit.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import { CsvParser, csvRegel } from '../../lib/csv.js';
import { FML_ITEM_BY_CODE } from '../belastbaarheid/fml-catalogus.js';
import { volleBelasting } from '../matching/uitleg.js';
import { Id } from '../personen/schemas.js';
import { CATALOGUS_TOELICHTING, FUNCTIEGROEPEN, SECTOREN } from './catalogus-data.js';
import { CSV_KOLOMMEN, FunctieInvoerSchema, functieNaarCsvWaarden, functieUitCsv, type RijFout, valideerFunctie } from './functie.js';
import { type FunctieRij, functieId, naarInvoer, upsertFunctie } from './repository.js';

export const BelastingRegel = z.object({
  item: z.string(),
  naam: z.string(),
  /** Ordinal: the most limited level at which the function can still be done. */
  niveau: z.number().nullable(),
  /** What the function asks, in words. */
  tekst: z.string(),
  voorwaarden: z.array(z.object({ code: z.string(), tekst: z.string() })),
});

export const FunctieSamenvatting = z.object({
  id: z.uuid(),
  code: z.string(),
  naam: z.string(),
  isco: z.string().nullable(),
  groep: z.string(),
  groepNaam: z.string(),
  sector: z.string(),
  sectorNaam: z.string(),
  opleidingsniveau: z.string(),
  opleidingsniveauNaam: z.string(),
  urenMin: z.number(),
  urenMax: z.number(),
  eigen: z.boolean(),
  actief: z.boolean(),
});

const FunctieDetail = FunctieSamenvatting.extend({
  brc: z.string().nullable(),
  taken: z.array(z.string()),
  belasting: z.array(BelastingRegel),
  illustratief: z.boolean(),
  toelichting: z.string().nullable(),
  catalogusVersie: z.string(),
});

/** What a function's level on an item means in words. */
export function belastingTekst(itemCode: string, waarde: number | readonly string[]): z.input<typeof BelastingRegel> {
  const item = FML_ITEM_BY_CODE.get(itemCode);
  if (!item) return { item: itemCode, naam: itemCode, niveau: null, tekst: String(waarde), voorwaarden: [] };
  if (item.soort === 'ordinaal') {
    const n = typeof waarde === 'number' ? waarde : 0;
    const tekst = n === 0 ? `vraagt ${volleBelasting(item.niveaus)}` : (item.niveaus[n] ?? '');
    return { item: itemCode, naam: item.naam, niveau: n, tekst, voorwaarden: [] };
  }
  const codes = Array.isArray(waarde) ? waarde : [];
  const voorwaarden = codes.map((c) => ({ code: c, tekst: item.voorwaarden[c] ?? c }));
  return { item: itemCode, naam: item.naam, niveau: null, tekst: `kan niet bieden: ${voorwaarden.map((v) => v.tekst.toLowerCase()).join(', ')}`, voorwaarden };
}

export function presenteerSamenvatting(r: FunctieRij): z.input<typeof FunctieSamenvatting> {
  return {
    id: r.id,
    code: r.code,
    naam: r.naam,
    isco: r.isco,
    groep: r.groep,
    groepNaam: (FUNCTIEGROEPEN as Record<string, { label: string }>)[r.groep]?.label ?? r.groep,
    sector: r.sector,
    sectorNaam: (SECTOREN as Record<string, { label: string }>)[r.sector]?.label ?? r.sector,
    opleidingsniveau: r.opleidingsniveau,
    opleidingsniveauNaam: OPLEIDINGSNIVEAUS[r.opleidingsniveau as Opleidingsniveau]?.label ?? r.opleidingsniveau,
    urenMin: Number(r.uren_min),
    urenMax: Number(r.uren_max),
    eigen: r.organisatie_id !== null,
    actief: r.actief,
  };
}

function presenteerDetail(r: FunctieRij): z.input<typeof FunctieDetail> {
  return {
    ...presenteerSamenvatting(r),
    brc: r.brc,
    taken: r.taken,
    belasting: Object.entries(r.belasting).map(([code, w]) => belastingTekst(code, w)),
    illustratief: r.illustratief,
    toelichting: r.illustratief ? CATALOGUS_TOELICHTING : null,
    catalogusVersie: r.catalogus_versie,
  };
}

/** Functions a user may see: their region's catalogue and every gemeente's own functions in it. */
function zichtbaar(dal: DataAccess) {
  return dal.db.selectFrom('functie').where('regio_id', '=', dal.actor.regioId);
}

export async function vindFunctie(dal: DataAccess, id: string): Promise<FunctieRij> {
  const r = await zichtbaar(dal).selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('niet_gevonden', 'Deze functie bestaat niet in uw regio.');
  return r;
}

async function eigenCatalogus(dal: DataAccess): Promise<string> {
  const actor: Actor = dal.actor;
  const besluit = magInOrganisatie(actor, 'functies.beheren', actor.organisatieId);
  if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
  if (actor.organisatieSoort !== 'gemeente') throw new AppError('geen_toegang', 'Alleen een gemeente heeft een eigen functiecatalogus.');
  return actor.organisatieId;
}

const ImportRapport = z.object({
  proefdraai: z.boolean(),
  regels: z.number().int(),
  geaccepteerd: z.number().int(),
  nieuw: z.number().int(),
  gewijzigd: z.number().int(),
  ongewijzigd: z.number().int(),
  afgewezen: z.number().int(),
  fouten: z.array(z.object({ regel: z.number().int(), veld: z.string(), reden: z.string() })),
});

export const functieRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/functies',
    tags: ['functies'],
    summary: 'De functiecatalogus van de regio (met de eigen functies van gemeenten), zoeken en filteren',
    querystring: z.strictObject({
      q: z.string().trim().max(100).optional(),
      groep: z.string().max(60).optional(),
      sector: z.string().max(60).optional(),
      opleidingsniveau: z.enum(OPLEIDINGSNIVEAU_CODES).optional(),
      eigen: z.enum(['ja', 'nee']).optional(),
      inclusiefInactief: z.enum(['ja', 'nee']).default('nee'),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
    response: z.object({ totaal: z.number().int(), resultaten: z.array(FunctieSamenvatting) }),
    handler: async ({ input, dal }) => {
      const q = input.query;
      let query = zichtbaar(dal);
      if (q.q) {
        const patroon = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        query = query.where((eb) =>
          eb.or([
            eb(sql`unaccent(naam)`, 'ilike', sql`unaccent(${patroon})`),
            eb(sql`unaccent(taken::text)`, 'ilike', sql`unaccent(${patroon})`),
            eb('isco', '=', q.q as string),
          ]),
        );
      }
      if (q.groep) query = query.where('groep', '=', q.groep);
      if (q.sector) query = query.where('sector', '=', q.sector);
      if (q.opleidingsniveau) {
        const max = OPLEIDINGSNIVEAUS[q.opleidingsniveau].rang;
        const toegestaan = OPLEIDINGSNIVEAU_CODES.filter((c) => OPLEIDINGSNIVEAUS[c].rang <= max);
        query = query.where('opleidingsniveau', 'in', toegestaan);
      }
      if (q.eigen === 'ja') query = query.where('organisatie_id', 'is not', null);
      if (q.eigen === 'nee') query = query.where('organisatie_id', 'is', null);
      if (q.inclusiefInactief === 'nee') query = query.where('actief', '=', true);
      const { totaal } = await query.select((eb) => eb.fn.countAll<string>().as('totaal')).executeTakeFirstOrThrow();
      const rows = await query.selectAll().orderBy('naam').orderBy('id').limit(q.limit).offset(q.offset).execute();
      return { totaal: Number(totaal), resultaten: rows.map(presenteerSamenvatting) };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/functiegroepen',
    tags: ['functies'],
    summary: 'Functiegroepen en sectoren met het aantal functies',
    response: z.object({
      groepen: z.array(z.object({ code: z.string(), naam: z.string(), sector: z.string(), aantal: z.number().int() })),
      sectoren: z.array(z.object({ code: z.string(), naam: z.string() })),
      opleidingsniveaus: z.array(z.object({ code: z.string(), naam: z.string() })),
    }),
    handler: async ({ dal }) => {
      const tellingen = await zichtbaar(dal)
        .where('actief', '=', true)
        .select(['groep', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('groep')
        .execute();
      const perGroep = new Map(tellingen.map((t) => [t.groep, Number(t.n)]));
      return {
        groepen: Object.entries(FUNCTIEGROEPEN as Record<string, { label: string; sector: string }>).map(([code, g]) => ({
          code,
          naam: g.label,
          sector: g.sector,
          aantal: perGroep.get(code) ?? 0,
        })),
        sectoren: Object.entries(SECTOREN as Record<string, { label: string }>).map(([code, s]) => ({ code, naam: s.label })),
        opleidingsniveaus: OPLEIDINGSNIVEAU_CODES.map((c) => ({ code: c, naam: OPLEIDINGSNIVEAUS[c].label })),
      };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/functies/export',
    tags: ['functies'],
    summary: 'De catalogus als CSV (puntkomma-gescheiden, UTF-8), in hetzelfde formaat als de import',
    querystring: z.strictObject({ bron: z.enum(['regionaal', 'eigen', 'alle']).default('alle') }),
    response: z.string(),
    handler: async ({ input, dal, reply }) => {
      let query = zichtbaar(dal).selectAll();
      if (input.query.bron === 'regionaal') query = query.where('organisatie_id', 'is', null);
      if (input.query.bron === 'eigen') query = query.where('organisatie_id', '=', dal.actor.organisatieId);
      const rows = await query.orderBy('naam').orderBy('id').execute();
      reply.header('content-disposition', `attachment; filename="functies-${input.query.bron}.csv"`);
      reply.type('text/csv; charset=utf-8').serializer((v: unknown) => v as string);
      return `\uFEFF${csvRegel(CSV_KOLOMMEN)}${rows.map((r) => csvRegel(functieNaarCsvWaarden(naarInvoer(r)))).join('')}`;
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/functies/:functieId',
    tags: ['functies'],
    summary: 'Eén functie met taken en belasting per FML-item',
    params: z.strictObject({ functieId: Id }),
    response: FunctieDetail,
    handler: async ({ input, dal }) => presenteerDetail(await vindFunctie(dal, input.params.functieId)),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/functies',
    tags: ['functies'],
    summary: 'Een eigen functie van de gemeente toevoegen of bijwerken (op code), bijvoorbeeld uit een lokale vacature',
    status: 201,
    body: FunctieInvoerSchema,
    voorbeeld: {
      body: {
        code: 'medewerker-fietsenstalling',
        naam: 'Medewerker fietsenstalling',
        groep: Object.keys(FUNCTIEGROEPEN)[0],
        opleidingsniveau: 'geen',
        sector: Object.keys(SECTOREN)[0],
        urenMin: 12,
        urenMax: 32,
        taken: ['Fietsen stallen en uitgeven', 'Klanten te woord staan'],
        belasting: { 'V.3': 1, 'II.12': ['weinig_klantcontact'] },
      },
    },
    response: FunctieDetail,
    handler: async ({ input, dal }) => {
      const organisatieId = await eigenCatalogus(dal);
      const fouten = valideerFunctie(input.body);
      if (fouten.length > 0) throw new AppError('ongeldige_invoer', 'De functie is niet geldig; er is niets opgeslagen.', { invalidParams: fouten });
      const id = functieId(dal.actor.regioId, organisatieId, input.body.code);
      const oud = await dal.db.selectFrom('functie').selectAll().where('id', '=', id).executeTakeFirst();
      const uitkomst = await upsertFunctie(dal.db, dal.actor.regioId, organisatieId, input.body);
      if (uitkomst !== 'ongewijzigd') {
        await dal.audit.schrijf({
          actie: uitkomst === 'nieuw' ? 'aanmaken' : 'wijzigen',
          resource: 'functie',
          resourceId: id,
          wijzigingen: diff(oud ? { ...naarInvoer(oud) } : null, { ...input.body }),
        });
      }
      return presenteerDetail(await vindFunctie(dal, id));
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/functies/import',
    tags: ['functies'],
    summary:
      'CSV-import in de eigen catalogus van de gemeente (upsert op code). proefdraai=ja controleert alleen; anders worden geldige regels opgeslagen en elke afgewezen regel gemeld met regel, veld en reden',
    querystring: z.strictObject({ proefdraai: z.enum(['ja', 'nee']).default('nee') }),
    body: z.string().max(5_000_000),
    voorbeeld: {
      querystring: { proefdraai: 'ja' },
      body: `${CSV_KOLOMMEN.join(';')}\nmedewerker-fietsenstalling;Medewerker fietsenstalling;9629;;${Object.keys(FUNCTIEGROEPEN)[0]};geen;${Object.keys(SECTOREN)[0]};12;32;Fietsen stallen;V.3=1;ja\n`,
    },
    response: ImportRapport,
    handler: async ({ input, dal }) => {
      const organisatieId = await eigenCatalogus(dal);
      const proefdraai = input.query.proefdraai === 'ja';
      const parser = new CsvParser();
      const records = [...parser.feed(input.body), ...parser.end()];
      const fouten: RijFout[] = [];
      const rapport = { proefdraai, regels: 0, geaccepteerd: 0, nieuw: 0, gewijzigd: 0, ongewijzigd: 0, afgewezen: 0 };
      const header = records.shift();
      if (!header) throw new AppError('ongeldige_invoer', 'Het bestand is leeg.');
      const kolommen = new Map(header.velden.map((k, i) => [k.trim().toLowerCase(), i]));
      const ontbrekend = CSV_KOLOMMEN.filter((k) => k !== 'actief' && k !== 'brc' && k !== 'isco' && !kolommen.has(k));
      const onbekend = [...kolommen.keys()].filter((k) => !(CSV_KOLOMMEN as readonly string[]).includes(k));
      if (ontbrekend.length > 0 || onbekend.length > 0) {
        throw new AppError('ongeldige_invoer', 'De kopregel klopt niet; er is niets ingelezen.', {
          invalidParams: [
            ...ontbrekend.map((k) => ({ name: k, code: 'kolom_ontbreekt', reason: `Kolom '${k}' ontbreekt (regel 1).` })),
            ...onbekend.map((k) => ({ name: k, code: 'kolom_onbekend', reason: `Kolom '${k}' is onbekend (regel 1).` })),
          ],
        });
      }
      const gezien = new Map<string, number>();
      const wijzigingen: { code: string; uitkomst: string }[] = [];
      for (const rec of records) {
        rapport.regels++;
        if (rec.onafgesloten) {
          fouten.push({ regel: rec.regel, veld: '(regel)', reden: 'Een aanhalingsteken wordt niet gesloten.' });
          continue;
        }
        const r = functieUitCsv(rec.regel, rec.velden, kolommen);
        if ('fouten' in r) {
          fouten.push(...r.fouten);
          continue;
        }
        const eerder = gezien.get(r.functie.code);
        if (eerder !== undefined) {
          fouten.push({ regel: rec.regel, veld: 'code', reden: `Code '${r.functie.code}' stond al op regel ${eerder}.` });
          continue;
        }
        gezien.set(r.functie.code, rec.regel);
        rapport.geaccepteerd++;
        if (proefdraai) continue;
        const uitkomst = await upsertFunctie(dal.db, dal.actor.regioId, organisatieId, r.functie);
        rapport[uitkomst]++;
        if (uitkomst !== 'ongewijzigd') wijzigingen.push({ code: r.functie.code, uitkomst });
      }
      rapport.afgewezen = new Set(fouten.map((f) => f.regel)).size;
      if (!proefdraai && wijzigingen.length > 0) {
        await dal.audit.schrijf({
          actie: 'wijzigen',
          resource: 'functie_import',
          toelichting: `${rapport.nieuw} nieuw, ${rapport.gewijzigd} gewijzigd, ${rapport.afgewezen} afgewezen`,
          wijzigingen: { functies: { oud: null, nieuw: wijzigingen } },
        });
      }
      return { ...rapport, fouten };
    },
  }),
];

export { FunctieInvoerSchema };
