/**
 * Worklist of incomplete kandidaatprofielen for professionals: persons of the gemeenten the user works
 * for whose profile is missing, below the completeness threshold, or not published for lack of consent —
 * with what is missing, most to gain first. A sweep turns the list into 'profiel_aanvullen' tasks.
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import type { DataAccess } from '../../access/data-access.js';
import { rechtenVanRollen } from '../../access/policy.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/problem.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { plusWerkdagen } from '../contactverzoeken/verzoek.js';
import { verantwoordelijke } from '../contactverzoeken/verantwoordelijke.js';
import { maakTaak } from '../taken/taken.js';
import { COMPLEETHEID, type CompleetheidVeld, compleetheid } from './profiel.js';
import { vandaag } from '../../../shared/datum.js';

/** Policy as data: below this score a profile is on the worklist; the term for a 'profiel_aanvullen' task. */
export const WERKLIJST_BELEID = {
  drempel: {
    waarde: 80,
    bron: 'Regionale afspraak kandidatenportaal (demo-regio): een profiel is bruikbaar voor werkgevers vanaf 80% compleetheid (wensen, kwaliteiten, opleiding en functies ingevuld).',
  },
  termijn: {
    werkdagen: 20,
    bron: 'Regionale afspraak kandidatenportaal (demo-regio): een profiel aanvullen gebeurt in het eerstvolgende gesprek, uiterlijk binnen vier werkweken.',
  },
} as const;

const Vraag = z.strictObject({
  drempel: z.coerce.number().int().min(1).max(100).default(WERKLIJST_BELEID.drempel.waarde),
  gemeenteId: z.uuid({ message: 'Geen geldige gemeente-id.' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const Item = z.object({
  persoon: z.object({ id: z.uuid(), naam: z.string() }),
  gemeente: z.object({ id: z.uuid(), naam: z.string() }),
  profielAanwezig: z.boolean(),
  compleetheid: z.number().int(),
  toestemming: z.boolean(),
  gepubliceerd: z.boolean(),
  ontbrekend: z.array(z.object({ veld: z.string(), label: z.string(), gewicht: z.number().int() })),
  /** Completeness points to gain by completing the profile. */
  teWinnen: z.number().int(),
});

interface Rij {
  persoon_id: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  gemeente_id: string;
  gemeente_naam: string;
  profiel_id: string | null;
  wensen: string | null;
  kwaliteiten: string | null;
  sectoren: string[] | null;
  gewenste_functies: string[] | null;
  opleidingsniveau: string | null;
  uren_min: string | null;
  uren_max: string | null;
  beschikbaar_vanaf: string | null;
  werkcondities: string[] | null;
  banenafspraak: boolean | null;
  gepubliceerd: boolean | null;
  toestemming: boolean;
  totaal: string;
}

async function gemeentenVoor(dal: DataAccess, gemeenteId: string | undefined): Promise<string[]> {
  if (!rechtenVanRollen(dal.actor.rollen).has('kandidaatprofiel.beheren')) {
    throw new AppError('geen_toegang', 'Deze werklijst is voor professionals die kandidaatprofielen bijhouden.');
  }
  const alle = await dal.gemeentenMetVolledigeGrondslag();
  return gemeenteId ? alle.filter((g) => g === gemeenteId) : alle;
}

/** The page of the worklist, most to gain first (no profile = 100 points), then the ones without consent. */
async function werklijst(db: Kysely<Database>, dal: DataAccess, gemeenten: string[], drempel: number, limit: number, offset: number): Promise<Rij[]> {
  if (gemeenten.length === 0) return [];
  const toestemming = sql<boolean>`EXISTS (SELECT 1 FROM toestemming t WHERE t.persoon_id = persoon.id AND t.doel = 'kandidaatprofiel' AND t.ingetrokken_op IS NULL)`;
  const rijen = await db
    .selectFrom('persoon')
    .innerJoin('organisatie as o', 'o.id', 'persoon.organisatie_id')
    .leftJoin('kandidaatprofiel as k', 'k.persoon_id', 'persoon.id')
    .select([
      'persoon.id as persoon_id',
      'persoon.voornaam',
      'persoon.tussenvoegsel',
      'persoon.achternaam',
      'o.id as gemeente_id',
      'o.naam as gemeente_naam',
      'k.id as profiel_id',
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
      'k.gepubliceerd',
      toestemming.as('toestemming'),
      sql<string>`count(*) over ()`.as('totaal'),
    ])
    .where('persoon.organisatie_id', 'in', gemeenten)
    .where('persoon.status', '<>', 'afgesloten')
    .where((eb) => dal.leesbarePersonen(eb as never))
    .where(sql<SqlBool>`(k.id IS NULL OR k.compleetheid < ${drempel} OR NOT ${toestemming})`)
    .orderBy(sql`coalesce(k.compleetheid, 0)`, 'asc')
    .orderBy(sql`${toestemming}`, 'asc')
    .orderBy('persoon.achternaam')
    .orderBy('persoon.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rijen as unknown as Rij[];
}

function presenteer(r: Rij): z.input<typeof Item> {
  const c = r.profiel_id
    ? compleetheid({
        wensen: r.wensen,
        kwaliteiten: r.kwaliteiten,
        sectoren: r.sectoren ?? [],
        gewensteFuncties: r.gewenste_functies ?? [],
        opleidingsniveau: r.opleidingsniveau,
        urenMin: r.uren_min === null ? null : Number(r.uren_min),
        urenMax: r.uren_max === null ? null : Number(r.uren_max),
        beschikbaarVanaf: r.beschikbaar_vanaf,
        werkcondities: r.werkcondities ?? [],
        banenafspraak: r.banenafspraak ?? false,
      })
    : { score: 0, ontbrekend: Object.keys(COMPLEETHEID) as CompleetheidVeld[] };
  return {
    persoon: { id: r.persoon_id, naam: [r.voornaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' ') },
    gemeente: { id: r.gemeente_id, naam: r.gemeente_naam.replace(/^Gemeente /, '') },
    profielAanwezig: r.profiel_id !== null,
    compleetheid: c.score,
    toestemming: Boolean(r.toestemming),
    gepubliceerd: Boolean(r.gepubliceerd),
    ontbrekend: c.ontbrekend.map((v) => ({ veld: v, label: COMPLEETHEID[v].label, gewicht: COMPLEETHEID[v].gewicht })),
    teWinnen: 100 - c.score,
  };
}

export const werklijstRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/kandidaatprofielen/werklijst',
    tags: ['kandidaten'],
    summary:
      'Werklijst onvolledige kandidaatprofielen: personen van uw gemeente(n) zonder profiel, met een profiel onder de drempel of zonder toestemming; meeste winst eerst',
    querystring: Vraag,
    response: z.object({
      totaal: z.number().int(),
      drempel: z.object({ waarde: z.number().int(), bron: z.string() }),
      resultaten: z.array(Item),
    }),
    handler: async ({ input, dal }) => {
      const q = input.query;
      const gemeenten = await gemeentenVoor(dal, q.gemeenteId);
      const rijen = await werklijst(dal.db, dal, gemeenten, q.drempel, q.limit, q.offset);
      await dal.audit.schrijf(
        rijen.map((r) => ({
          actie: 'zoeken' as const,
          resource: 'kandidaatprofiel',
          persoonId: r.persoon_id,
          organisatieId: r.gemeente_id,
          toelichting: 'werklijst onvolledige profielen',
        })),
      );
      return {
        totaal: Number(rijen[0]?.totaal ?? 0),
        drempel: { waarde: q.drempel, bron: q.drempel === WERKLIJST_BELEID.drempel.waarde ? WERKLIJST_BELEID.drempel.bron : 'Zelf gekozen drempel' },
        resultaten: rijen.map(presenteer),
      };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/kandidaatprofielen/werklijst/taken',
    tags: ['kandidaten'],
    summary: "Voor elke persoon op de werklijst een taak 'Kandidaatprofiel aanvullen' maken (idempotent: een open taak wordt niet verdubbeld)",
    body: z.strictObject({
      drempel: z.number().int().min(1).max(100).optional(),
      maximum: z.number().int().min(1).max(1000).optional(),
    }),
    voorbeeld: { body: { drempel: 80, maximum: 100 } },
    response: z.object({ aangemaakt: z.number().int(), alOpen: z.number().int() }),
    handler: async ({ input, dal }) => {
      const gemeenten = await gemeentenVoor(dal, undefined);
      const drempel = input.body.drempel ?? WERKLIJST_BELEID.drempel.waarde;
      const rijen = await werklijst(dal.db, dal, gemeenten, drempel, input.body.maximum ?? 200, 0);
      if (rijen.length === 0) return { aangemaakt: 0, alOpen: 0 };
      const open = new Set(
        (
          await dal.db
            .selectFrom('taak')
            .select('bron_id')
            .where('soort', '=', 'profiel_aanvullen')
            .where('status', '=', 'open')
            .where(
              'bron_id',
              'in',
              rijen.map((r) => r.persoon_id),
            )
            .execute()
        ).map((t) => t.bron_id),
      );
      const deadline = plusWerkdagen(vandaag(), WERKLIJST_BELEID.termijn.werkdagen);
      let aangemaakt = 0;
      for (const r of rijen) {
        if (open.has(r.persoon_id)) continue;
        const item = presenteer(r);
        const wie = await verantwoordelijke(dal.db, r.persoon_id, r.gemeente_id);
        const wat = [
          ...(item.profielAanwezig ? item.ontbrekend.map((o) => o.label.toLowerCase()) : ['nog geen profiel']),
          ...(item.toestemming ? [] : ['toestemming om te publiceren']),
        ];
        const taakId = await maakTaak(dal.db, {
          organisatieId: wie.organisatieId,
          persoonId: r.persoon_id,
          soort: 'profiel_aanvullen',
          titel: `Kandidaatprofiel aanvullen (${item.compleetheid}%)`,
          omschrijving: `Ontbreekt: ${wat.join(', ')}.`,
          bron: { type: 'persoon', id: r.persoon_id },
          toegewezenAan: wie.gebruikerId,
          deadline,
        });
        await dal.audit.schrijf({
          actie: 'aanmaken',
          resource: 'taak',
          resourceId: taakId,
          persoonId: r.persoon_id,
          organisatieId: r.gemeente_id,
          toelichting: 'profiel_aanvullen (werklijst)',
        });
        aangemaakt++;
      }
      return { aangemaakt, alOpen: open.size };
    },
  }),
];
