import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { BELASTBAARHEID_BRON_CODES, BELASTBAARHEID_BRONNEN } from '../../../shared/codes.js';
import type { DataAccess } from '../../access/data-access.js';
import { beslis } from '../../access/policy.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import { Id, IsoDatum, PersoonParams } from '../personen/schemas.js';
import { FML_CATALOGUS_VERSIE, FML_ITEM_BY_CODE, FML_ITEMS, RUBRIEKEN } from './fml-catalogus.js';
import { valideerFmlWaarde } from './fml-validatie.js';
import { huidigeObservaties } from './profiel.js';
import { vandaag } from '../../../shared/datum.js';

const ItemInvoer = z.strictObject({
  item: z.string().trim().min(1).max(10),
  niveau: z.number().int().optional(),
  voorwaarden: z.array(z.string().max(40)).max(20).optional(),
  toelichting: z.string().trim().max(4000).nullable().optional(),
  duurzaam: z.boolean().default(false),
});

const NieuweVaststelling = z.strictObject({
  bron: z.enum(BELASTBAARHEID_BRON_CODES),
  bronOmschrijving: z.string().trim().max(300).nullable().optional(),
  vastgesteldOp: IsoDatum.refine((d) => d <= vandaag(), 'De datum van vaststelling kan niet in de toekomst liggen.'),
  items: z.array(ItemInvoer).min(1, 'Leg minstens één item vast.').max(FML_ITEMS.length),
});

const ProfielItem = z.object({
  item: z.string(),
  naam: z.string(),
  rubriek: z.string(),
  niveau: z.number().nullable(),
  niveauTekst: z.string().nullable(),
  voorwaarden: z.array(z.object({ code: z.string(), tekst: z.string() })),
  duurzaam: z.boolean(),
  bron: z.enum(BELASTBAARHEID_BRON_CODES),
  bronLabel: z.string(),
  bronOmschrijving: z.string().nullable(),
  vastgesteldOp: z.string(),
  auteur: z.string(),
  aangemaaktOp: z.string(),
  /** Medical detail: only for roles that need it (and the person themselves). */
  toelichting: z.string().nullable().optional(),
});

const Profiel = z.object({
  persoonId: z.uuid(),
  catalogusVersie: z.string(),
  /** Does the reader see the medical detail (toelichting)? */
  medischZichtbaar: z.boolean(),
  magSchrijven: z.boolean(),
  /** Current value per recorded item; items never recorded are normaal. */
  items: z.array(ProfielItem),
  aantalBeperkt: z.number().int(),
});

const Historie = z.object({ persoonId: z.uuid(), medischZichtbaar: z.boolean(), items: z.array(ProfielItem) });

const Aanpassing = z.object({
  id: z.uuid(),
  item: z.string(),
  itemNaam: z.string(),
  functieId: z.uuid().nullable(),
  functieNaam: z.string().nullable(),
  omschrijving: z.string(),
  auteur: z.string(),
  aangemaaktOp: z.string(),
  ingetrokkenOp: z.string().nullable(),
});

interface ItemRij {
  item_code: string;
  niveau: number | null;
  voorwaarden: string[] | null;
  toelichting: string | null;
  bron: string;
  bron_omschrijving: string | null;
  duurzaam: boolean;
  vastgesteld_op: string;
  aangemaakt_op: Date;
  volgnummer: string;
  gebruikersnaam: string;
}

function presenteerItem(r: ItemRij, medisch: boolean): z.input<typeof ProfielItem> {
  const item = FML_ITEM_BY_CODE.get(r.item_code);
  const bron = r.bron as (typeof BELASTBAARHEID_BRON_CODES)[number];
  return {
    item: r.item_code,
    naam: item?.naam ?? r.item_code,
    rubriek: item?.rubriek ?? '',
    niveau: r.niveau,
    niveauTekst: item?.soort === 'ordinaal' && r.niveau !== null ? (item.niveaus[r.niveau] ?? null) : null,
    voorwaarden: (r.voorwaarden ?? []).map((code) => ({ code, tekst: item?.soort === 'voorwaarden' ? (item.voorwaarden[code] ?? code) : code })),
    duurzaam: r.duurzaam,
    bron,
    bronLabel: BELASTBAARHEID_BRONNEN[bron]?.label ?? r.bron,
    bronOmschrijving: r.bron_omschrijving,
    vastgesteldOp: r.vastgesteld_op,
    auteur: r.gebruikersnaam,
    aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
    ...(medisch ? { toelichting: r.toelichting } : {}),
  };
}

async function leesRijen(dal: DataAccess, persoonId: string): Promise<ItemRij[]> {
  const rows = await dal.db
    .selectFrom('belastbaarheid_item as b')
    .innerJoin('gebruiker as g', 'g.id', 'b.auteur_id')
    .select([
      'b.item_code',
      'b.niveau',
      'b.voorwaarden',
      'b.toelichting',
      'b.bron',
      'b.bron_omschrijving',
      'b.duurzaam',
      'b.vastgesteld_op',
      'b.aangemaakt_op',
      'b.volgnummer',
      'g.gebruikersnaam',
    ])
    .where('b.persoon_id', '=', persoonId)
    .orderBy('b.volgnummer', 'desc')
    .execute();
  return rows as ItemRij[];
}

/** Reads the current profile with the access check and audit row; shared with the matching routes. */
export async function leesProfiel(dal: DataAccess, persoonId: string): Promise<z.input<typeof Profiel>> {
  const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'belastbaarheid.lezen');
  const medisch = beslis(dal.actor, 'belastbaarheid.medisch_lezen', feiten).toegestaan;
  const magSchrijven = beslis(dal.actor, 'belastbaarheid.schrijven', feiten).toegestaan;
  const huidig = huidigeObservaties(await leesRijen(dal, persoonId));
  const volgorde = new Map(FML_ITEMS.map((i, n) => [i.code, n]));
  huidig.sort((a, b) => (volgorde.get(a.item_code) ?? 999) - (volgorde.get(b.item_code) ?? 999));
  await dal.audit.schrijf({
    actie: 'lezen',
    resource: 'belastbaarheid',
    persoonId,
    organisatieId: feiten.gemeenteId,
    grondslag,
    toelichting: medisch ? 'met medische toelichting' : 'zonder medische toelichting',
  });
  return {
    persoonId,
    catalogusVersie: FML_CATALOGUS_VERSIE,
    medischZichtbaar: medisch,
    magSchrijven,
    items: huidig.map((r) => presenteerItem(r, medisch)),
    aantalBeperkt: huidig.filter((r) => (r.niveau ?? 0) > 0 || (r.voorwaarden?.length ?? 0) > 0).length,
  };
}

export const belastbaarheidRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/fml-catalogus',
    tags: ['belastbaarheid'],
    summary: 'De FML-items met hun niveaus of voorwaarden (versie van de catalogus)',
    response: z.object({
      versie: z.string(),
      rubrieken: z.array(z.object({ code: z.string(), naam: z.string() })),
      items: z.array(
        z.object({
          code: z.string(),
          rubriek: z.string(),
          naam: z.string(),
          soort: z.enum(['ordinaal', 'voorwaarden']),
          niveaus: z.array(z.string()).optional(),
          voorwaarden: z.array(z.object({ code: z.string(), tekst: z.string() })).optional(),
        }),
      ),
    }),
    handler: async () => ({
      versie: FML_CATALOGUS_VERSIE,
      rubrieken: Object.entries(RUBRIEKEN).map(([code, naam]) => ({ code, naam })),
      items: FML_ITEMS.map((i) =>
        i.soort === 'ordinaal'
          ? { code: i.code, rubriek: i.rubriek, naam: i.naam, soort: i.soort, niveaus: [...i.niveaus] }
          : {
              code: i.code,
              rubriek: i.rubriek,
              naam: i.naam,
              soort: i.soort,
              voorwaarden: Object.entries(i.voorwaarden).map(([code, tekst]) => ({ code, tekst })),
            },
      ),
    }),
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/belastbaarheid',
    tags: ['belastbaarheid'],
    summary: 'Het huidige belastbaarheidsprofiel (FML) van een persoon; medische toelichting alleen voor wie die nodig heeft',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: Profiel,
    handler: async ({ input, dal }) => leesProfiel(dal, input.params.persoonId),
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/belastbaarheid/historie',
    tags: ['belastbaarheid'],
    summary: 'Alle vastleggingen van het belastbaarheidsprofiel, nieuwste eerst',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: Historie,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'belastbaarheid.lezen');
      const medisch = beslis(dal.actor, 'belastbaarheid.medisch_lezen', feiten).toegestaan;
      const rijen = await leesRijen(dal, input.params.persoonId);
      await dal.audit.schrijf({
        actie: 'lezen',
        resource: 'belastbaarheid_historie',
        persoonId: input.params.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
      });
      return { persoonId: input.params.persoonId, medischZichtbaar: medisch, items: rijen.map((r) => presenteerItem(r, medisch)) };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/belastbaarheid',
    tags: ['belastbaarheid'],
    summary: 'Belastbaarheid vastleggen (arbeidsdeskundige): per item niveau of voorwaarden, met bron en datum; eerdere waarden blijven bewaard',
    persoonParam: 'persoonId',
    status: 201,
    params: PersoonParams,
    body: NieuweVaststelling,
    voorbeeld: {
      body: {
        bron: 'uwv_fml',
        bronOmschrijving: 'FML UWV d.d. 2026-03-12',
        vastgesteldOp: '2026-03-12',
        items: [
          { item: 'IV.13', niveau: 3, toelichting: 'Hernia L4-L5', duurzaam: true },
          { item: 'I.8', voorwaarden: ['geen_deadlines'] },
        ],
      },
    },
    response: Profiel,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'belastbaarheid.schrijven');
      const fouten = input.body.items.flatMap((it, i) => {
        const pad = `items[${i}]`;
        const item = FML_ITEM_BY_CODE.get(it.item);
        if (!item) return [{ name: `${pad}.item`, code: 'onbekend_item', reason: `Onbekend FML-item '${it.item}'.` }];
        if (item.soort === 'ordinaal') {
          if (it.voorwaarden !== undefined)
            return [{ name: `${pad}.voorwaarden`, code: 'niveau_verwacht', reason: `${item.naam} vraagt een niveau, geen voorwaarden.` }];
          return valideerFmlWaarde(`${pad}.niveau`, it.item, it.niveau);
        }
        if (it.niveau !== undefined) return [{ name: `${pad}.niveau`, code: 'voorwaarden_verwacht', reason: `${item.naam} vraagt voorwaarden, geen niveau.` }];
        // An empty list records that the conditions no longer apply.
        return it.voorwaarden && it.voorwaarden.length === 0 ? [] : valideerFmlWaarde(`${pad}.voorwaarden`, it.item, it.voorwaarden);
      });
      const dubbel = input.body.items.findIndex((it, i) => input.body.items.findIndex((o) => o.item === it.item) !== i);
      if (dubbel >= 0) fouten.push({ name: `items[${dubbel}].item`, code: 'dubbel', reason: `Item ${input.body.items[dubbel]?.item} staat er twee keer in.` });
      if (fouten.length > 0) throw new AppError('ongeldige_invoer', 'Niet alle items zijn geldig; er is niets opgeslagen.', { invalidParams: fouten });

      const oud = huidigeObservaties(await leesRijen(dal, persoonId));
      const oudPerItem = new Map(oud.map((o) => [o.item_code, o]));
      await dal.db
        .insertInto('belastbaarheid_item')
        .values(
          input.body.items.map((it) => ({
            id: randomUUID(),
            organisatie_id: feiten.gemeenteId,
            persoon_id: persoonId,
            catalogus_versie: FML_CATALOGUS_VERSIE,
            item_code: it.item,
            niveau: it.niveau ?? null,
            voorwaarden: it.voorwaarden ? JSON.stringify(it.voorwaarden) : null,
            toelichting: it.toelichting ?? null,
            bron: input.body.bron,
            bron_omschrijving: input.body.bronOmschrijving ?? null,
            duurzaam: it.duurzaam,
            vastgesteld_op: input.body.vastgesteldOp,
            auteur_id: dal.actor.gebruikerId,
          })),
        )
        .execute();
      // Old/new per item; the medical note is personal health data, so the audit only says it changed.
      const wijzigingen: Record<string, { oud: unknown; nieuw: unknown }> = {};
      for (const it of input.body.items) {
        const o = oudPerItem.get(it.item);
        const oudW = o ? { niveau: o.niveau, voorwaarden: o.voorwaarden, duurzaam: o.duurzaam } : null;
        wijzigingen[it.item] = {
          oud: oudW,
          nieuw: {
            niveau: it.niveau ?? null,
            voorwaarden: it.voorwaarden ?? null,
            duurzaam: it.duurzaam,
            ...((it.toelichting ?? null) !== (o?.toelichting ?? null) ? { toelichting: '[gewijzigd]' } : {}),
          },
        };
      }
      await dal.audit.schrijf({
        actie: oud.length > 0 ? 'wijzigen' : 'aanmaken',
        resource: 'belastbaarheid',
        persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: { ...wijzigingen, bron: { oud: null, nieuw: input.body.bron } },
      });
      await dal.db
        .insertInto('tijdlijn_gebeurtenis')
        .values({
          id: randomUUID(),
          organisatie_id: feiten.gemeenteId,
          persoon_id: persoonId,
          soort: 'dossier',
          titel: `Belastbaarheid vastgelegd (${input.body.items.length} ${input.body.items.length === 1 ? 'item' : 'items'})`,
          tekst: `Bron: ${BELASTBAARHEID_BRONNEN[input.body.bron].label}${input.body.bronOmschrijving ? ` — ${input.body.bronOmschrijving}` : ''}, vastgesteld op ${input.body.vastgesteldOp}.`,
          auteur_id: dal.actor.gebruikerId,
          auteur_organisatie_id: dal.actor.organisatieId,
        })
        .execute();
      return leesProfiel(dal, persoonId);
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/werkplekaanpassingen',
    tags: ['belastbaarheid'],
    summary: 'Vastgelegde werkplekaanpassingen (heffen een mismatch op een item op)',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: z.array(Aanpassing),
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'belastbaarheid.lezen');
      const rows = await leesAanpassingen(dal, input.params.persoonId);
      await dal.audit.schrijf({
        actie: 'lezen',
        resource: 'werkplekaanpassing',
        persoonId: input.params.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
      });
      return rows;
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/werkplekaanpassingen',
    tags: ['belastbaarheid'],
    summary: 'Een werkplekaanpassing vastleggen voor één item, voor één functie of voor elke functie',
    persoonParam: 'persoonId',
    status: 201,
    params: PersoonParams,
    body: z.strictObject({
      item: z.string().trim().min(1).max(10),
      functieId: Id.nullable().optional(),
      omschrijving: z.string().trim().min(5, 'Beschrijf de aanpassing (minstens 5 tekens).').max(1000),
    }),
    voorbeeld: { body: { item: 'IV.13', functieId: null, omschrijving: 'Tilhulp (vacuümheffer) aan de inpaklijn' } },
    response: Aanpassing,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'belastbaarheid.schrijven');
      if (!FML_ITEM_BY_CODE.has(input.body.item)) {
        throw new AppError('ongeldige_invoer', 'Onbekend FML-item.', {
          invalidParams: [{ name: 'item', code: 'onbekend_item', reason: `Onbekend FML-item '${input.body.item}'.` }],
        });
      }
      if (input.body.functieId) {
        const f = await dal.db
          .selectFrom('functie')
          .select(['id'])
          .where('id', '=', input.body.functieId)
          .where('regio_id', '=', dal.actor.regioId)
          .executeTakeFirst();
        if (!f)
          throw new AppError('niet_verwerkbaar', 'Deze functie bestaat niet in uw regio.', {
            invalidParams: [{ name: 'functieId', code: 'onbekend', reason: 'Onbekende functie.' }],
          });
      }
      const id = randomUUID();
      await dal.db
        .insertInto('werkplekaanpassing')
        .values({
          id,
          organisatie_id: feiten.gemeenteId,
          persoon_id: persoonId,
          functie_id: input.body.functieId ?? null,
          item_code: input.body.item,
          omschrijving: input.body.omschrijving,
          auteur_id: dal.actor.gebruikerId,
        })
        .execute();
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'werkplekaanpassing',
        resourceId: id,
        persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: {
          item: { oud: null, nieuw: input.body.item },
          functie_id: { oud: null, nieuw: input.body.functieId ?? null },
          omschrijving: { oud: null, nieuw: input.body.omschrijving },
        },
      });
      const rij = (await leesAanpassingen(dal, persoonId)).find((a) => a.id === id);
      if (!rij) throw new AppError('interne_fout');
      return rij;
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/werkplekaanpassingen/:aanpassingId/intrekken',
    tags: ['belastbaarheid'],
    summary: 'Een werkplekaanpassing intrekken (blijft zichtbaar in de geschiedenis)',
    persoonParam: 'persoonId',
    params: z.strictObject({ persoonId: Id, aanpassingId: Id }),
    body: z.strictObject({ reden: z.string().trim().max(1000).nullable().optional() }),
    voorbeeld: { body: { reden: 'Niet meer nodig: nieuwe werkplek zonder tilwerk' } },
    response: Aanpassing,
    handler: async ({ input, dal }) => {
      const { persoonId, aanpassingId } = input.params;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'belastbaarheid.schrijven');
      const res = await dal.db
        .updateTable('werkplekaanpassing')
        .set({ ingetrokken_op: new Date() })
        .where('id', '=', aanpassingId)
        .where('persoon_id', '=', persoonId)
        .where('ingetrokken_op', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('niet_gevonden', 'Deze aanpassing bestaat niet of is al ingetrokken.');
      await dal.audit.schrijf({
        actie: 'wijzigen',
        resource: 'werkplekaanpassing',
        resourceId: aanpassingId,
        persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: { ingetrokken: { oud: false, nieuw: true } },
        toelichting: input.body.reden ?? null,
      });
      const rij = (await leesAanpassingen(dal, persoonId)).find((a) => a.id === aanpassingId);
      if (!rij) throw new AppError('interne_fout');
      return rij;
    },
  }),
];

async function leesAanpassingen(dal: DataAccess, persoonId: string): Promise<z.input<typeof Aanpassing>[]> {
  const rows = await dal.db
    .selectFrom('werkplekaanpassing as w')
    .innerJoin('gebruiker as g', 'g.id', 'w.auteur_id')
    .leftJoin('functie as f', 'f.id', 'w.functie_id')
    .select(['w.id', 'w.item_code', 'w.functie_id', 'f.naam as functie_naam', 'w.omschrijving', 'g.gebruikersnaam', 'w.aangemaakt_op', 'w.ingetrokken_op'])
    .where('w.persoon_id', '=', persoonId)
    .orderBy('w.aangemaakt_op', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    item: r.item_code,
    itemNaam: FML_ITEM_BY_CODE.get(r.item_code)?.naam ?? r.item_code,
    functieId: r.functie_id,
    functieNaam: r.functie_naam,
    omschrijving: r.omschrijving,
    auteur: r.gebruikersnaam,
    aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
    ingetrokkenOp: r.ingetrokken_op ? new Date(r.ingetrokken_op).toISOString() : null,
  }));
}
