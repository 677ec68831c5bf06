import { z } from 'zod';
import { OPLEIDINGSNIVEAU_CODES, OPLEIDINGSNIVEAUS, type Opleidingsniveau } from '../../../shared/codes.js';
import type { DataAccess } from '../../access/data-access.js';
import { beslis, rechtenVanRollen } from '../../access/policy.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import type { Services } from '../../services.js';
import { FunctieSamenvatting, presenteerSamenvatting, vindFunctie } from '../functies/routes.js';
import { Id, PersoonParams } from '../personen/schemas.js';
import type { Beoordeling } from './engine.js';
import { verwanteFuncties } from './gerelateerd.js';
import { OORDELEN, verklaar } from './uitleg.js';

const ItemUitleg = z.object({
  item: z.string(),
  naam: z.string(),
  rubriek: z.string(),
  oordeel: z.enum(Object.keys(OORDELEN) as [keyof typeof OORDELEN, ...(keyof typeof OORDELEN)[]]),
  functieVraagt: z.string(),
  persoonKan: z.string(),
  zin: z.string(),
});

const Match = z.object({
  functie: FunctieSamenvatting,
  passend: z.boolean(),
  mismatches: z.number().int(),
  opDeGrens: z.number().int(),
  aangepast: z.number().int(),
  uitleg: z.array(ItemUitleg),
});

const Verwant = Match.extend({ zelfdeGroep: z.boolean(), gedeeldeTaken: z.array(z.string()) });

const Passend = z.object({
  persoonId: z.uuid(),
  profielAanwezig: z.boolean(),
  /** Items where the person is limited, for the summary line. */
  aantalBeperkingen: z.number().int(),
  totaal: z.number().int(),
  resultaten: z.array(Match),
  wens: z.object({ beoordeling: Match, verwant: z.array(Verwant) }).nullable(),
  disclaimer: z.string(),
});

const DISCLAIMER =
  'Dit is een hulpmiddel, geen besluit: de arbeidsdeskundige beoordeelt of een functie past en legt dat uit. De belasting van functies in de regionale catalogus is een illustratieve schatting.';

async function index(services: Services, dal: DataAccess) {
  const idx = services.matching.voor(dal.actor.regioId);
  await idx.verversen(dal.db);
  return idx;
}

function maakMatch(
  idx: Awaited<ReturnType<typeof index>>,
  persoonId: string,
  functieRij: Parameters<typeof presenteerSamenvatting>[0],
  b: Beoordeling,
): z.input<typeof Match> {
  const profiel = idx.engine.profielVan(persoonId) ?? { niveaus: {}, voorwaarden: {} };
  return {
    functie: presenteerSamenvatting(functieRij),
    passend: b.mismatches === 0,
    ...b,
    uitleg: verklaar(profiel, functieRij.belasting, idx.engine.aanpassingenVan(persoonId), functieRij.id),
  };
}

export const matchingRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/passende-functies',
    tags: ['matching'],
    summary:
      'Passende functies voor een persoon, gerangschikt, met uitleg per FML-item; met wens=<functieId> ook of de gewenste functie past en welke verwante functies wel passen',
    persoonParam: 'persoonId',
    params: PersoonParams,
    querystring: z.strictObject({
      wens: Id.optional(),
      opleidingsniveau: z.enum(OPLEIDINGSNIVEAU_CODES).optional(),
      urenMin: z.coerce.number().min(0).max(60).optional(),
      urenMax: z.coerce.number().min(0).max(60).optional(),
      groep: z.string().max(60).optional(),
      inclusiefNietPassend: z.enum(['ja', 'nee']).default('nee'),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      offset: z.coerce.number().int().min(0).max(10_000).default(0),
    }),
    response: Passend,
    handler: async ({ input, dal, services }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'belastbaarheid.lezen');
      const q = input.query;
      if (q.urenMin !== undefined && q.urenMax !== undefined && q.urenMax < q.urenMin) {
        throw new AppError('ongeldige_invoer', 'Het maximum aantal uren is kleiner dan het minimum.', {
          invalidParams: [{ name: 'urenMax', code: 'ongeldig', reason: 'Kleiner dan urenMin.' }],
        });
      }
      const idx = await index(services, dal);
      const organisaties = new Set([feiten.gemeenteId]);
      const antwoord = idx.engine.rangschikFuncties(persoonId, {
        organisaties,
        ...(q.opleidingsniveau ? { maxOpleidingsrang: OPLEIDINGSNIVEAUS[q.opleidingsniveau as Opleidingsniveau].rang } : {}),
        ...(q.urenMin !== undefined ? { urenMin: q.urenMin } : {}),
        ...(q.urenMax !== undefined ? { urenMax: q.urenMax } : {}),
        ...(q.groep ? { groep: q.groep } : {}),
        inclusiefNietPassend: q.inclusiefNietPassend === 'ja',
        offset: q.offset,
        limit: q.limit,
      });
      const ids = [...antwoord.resultaten.map((r) => r.functieId), ...(q.wens ? [q.wens] : [])];
      const rijen = ids.length > 0 ? await dal.db.selectFrom('functie').selectAll().where('id', 'in', ids).execute() : [];
      const perId = new Map(rijen.map((r) => [r.id, r]));
      let wens: z.input<typeof Passend>['wens'] = null;
      if (q.wens) {
        const w = await vindFunctie(dal, q.wens);
        if (w.organisatie_id !== null && w.organisatie_id !== feiten.gemeenteId)
          throw new AppError('niet_gevonden', 'Deze functie hoort bij een andere gemeente.');
        const b = idx.engine.beoordeel(persoonId, w.id) ?? { mismatches: 0, opDeGrens: 0, aangepast: 0 };
        const wensInvoer = idx.engine.functie(w.id);
        const verwant = wensInvoer
          ? verwanteFuncties(
              wensInvoer,
              idx.engine.alleFuncties(),
              (fid) => idx.engine.beoordeel(persoonId, fid),
              (f) => f.organisatieId === null || f.organisatieId === feiten.gemeenteId,
            )
          : [];
        const verwantRijen =
          verwant.length > 0
            ? await dal.db
                .selectFrom('functie')
                .selectAll()
                .where(
                  'id',
                  'in',
                  verwant.map((v) => v.functieId),
                )
                .execute()
            : [];
        const verwantPerId = new Map(verwantRijen.map((r) => [r.id, r]));
        wens = {
          beoordeling: maakMatch(idx, persoonId, w, b),
          verwant: verwant.flatMap((v) => {
            const r = verwantPerId.get(v.functieId);
            return r ? [{ ...maakMatch(idx, persoonId, r, v.beoordeling), zelfdeGroep: v.zelfdeGroep, gedeeldeTaken: v.gedeeldeTaken }] : [];
          }),
        };
      }
      await dal.audit.schrijf({
        actie: 'lezen',
        resource: 'passende_functies',
        persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        toelichting: q.wens ? `met gewenste functie ${q.wens}` : null,
      });
      const profiel = idx.engine.profielVan(persoonId);
      return {
        persoonId,
        profielAanwezig: profiel !== null,
        aantalBeperkingen: profiel ? Object.keys(profiel.niveaus).length + Object.keys(profiel.voorwaarden).length : 0,
        totaal: antwoord.totaal,
        resultaten: antwoord.resultaten.flatMap((r) => {
          const rij = perId.get(r.functieId);
          return rij ? [maakMatch(idx, persoonId, rij, r)] : [];
        }),
        wens,
        disclaimer: DISCLAIMER,
      };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/functies/:functieId/kandidaten',
    tags: ['matching'],
    summary: 'Omgekeerd zoeken: welke personen (die u mag zien) passen bij deze functie, gerangschikt; alleen dossiers met een vastgelegd profiel',
    params: z.strictObject({ functieId: Id }),
    querystring: z.strictObject({
      gemeenteId: Id.optional(),
      limit: z.coerce.number().int().min(1).max(50).default(20),
      offset: z.coerce.number().int().min(0).max(10_000).default(0),
    }),
    response: z.object({
      functie: FunctieSamenvatting,
      totaal: z.number().int(),
      resultaten: z.array(
        z.object({
          persoonId: z.uuid(),
          naam: z.string(),
          gemeente: z.string(),
          opDeGrens: z.number().int(),
          aangepast: z.number().int(),
          uitleg: z.array(ItemUitleg),
        }),
      ),
      disclaimer: z.string(),
    }),
    handler: async ({ input, dal, services }) => {
      if (!rechtenVanRollen(dal.actor.rollen).has('belastbaarheid.lezen')) throw new AppError('geen_toegang', 'Uw rol geeft geen toegang tot belastbaarheid.');
      const functie = await vindFunctie(dal, input.params.functieId);
      const actor = dal.actor;
      // The gemeenten where the actor has a full basis: own gemeente and regional cooperation.
      const volledig = (await dal.gemeentenMetVolledigeGrondslag()).map((id) => ({ id }));
      // Persons reached on a personal basis (assignment, referral, consent): few, listed in SQL.
      const extra = await dal.db
        .selectFrom('persoon')
        .select('persoon.id')
        .where((eb) => dal.leesbarePersonen(eb))
        .where('persoon.organisatie_id', 'not in', [...volledig.map((v) => v.id), '00000000-0000-0000-0000-000000000000'])
        .limit(10_000)
        .execute();
      let gemeenten = new Set(volledig.map((v) => v.id));
      let extraPersonen = new Set(extra.map((e) => e.id));
      if (input.query.gemeenteId) {
        const g = input.query.gemeenteId;
        gemeenten = new Set(gemeenten.has(g) ? [g] : []);
        if (extraPersonen.size > 0) {
          const inGemeente = await dal.db
            .selectFrom('persoon')
            .select('id')
            .where('organisatie_id', '=', g)
            .where('id', 'in', [...extraPersonen])
            .execute();
          extraPersonen = new Set(inGemeente.map((r) => r.id));
        }
      }
      if (functie.organisatie_id !== null) {
        // A gemeente's own function is matched against that gemeente's persons only.
        gemeenten = new Set([...gemeenten].filter((g) => g === functie.organisatie_id));
      }
      const idx = await index(services, dal);
      const antwoord = idx.engine.rangschikPersonen(functie.id, { gemeenten, extraPersonen, offset: input.query.offset, limit: input.query.limit });
      const resultaten = [];
      for (const r of antwoord.resultaten) {
        // Authorization below the route: every person shown is checked and its read audited.
        const feiten = await dal.persoonFeiten(r.persoonId);
        const besluit = beslis(actor, 'belastbaarheid.lezen', feiten);
        if (!besluit.toegestaan) continue;
        const p = await dal.db
          .selectFrom('persoon')
          .innerJoin('organisatie as o', 'o.id', 'persoon.organisatie_id')
          .select(['persoon.voornaam', 'persoon.tussenvoegsel', 'persoon.achternaam', 'o.naam as gemeente'])
          .where('persoon.id', '=', r.persoonId)
          .executeTakeFirstOrThrow();
        await dal.audit.schrijf({
          actie: 'zoeken',
          resource: 'kandidaten_voor_functie',
          resourceId: functie.id,
          persoonId: r.persoonId,
          organisatieId: feiten.gemeenteId,
          grondslag: besluit.grondslag,
        });
        resultaten.push({
          persoonId: r.persoonId,
          naam: [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' '),
          gemeente: p.gemeente,
          opDeGrens: r.opDeGrens,
          aangepast: r.aangepast,
          uitleg: verklaar(
            idx.engine.profielVan(r.persoonId) ?? { niveaus: {}, voorwaarden: {} },
            functie.belasting,
            idx.engine.aanpassingenVan(r.persoonId),
            functie.id,
          ).filter((u) => u.oordeel !== 'past'),
        });
      }
      return { functie: presenteerSamenvatting(functie), totaal: antwoord.totaal, resultaten, disclaimer: DISCLAIMER };
    },
  }),
];
