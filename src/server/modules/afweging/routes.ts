import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TRAJECTROUTES, type Trajectroute } from '../../../shared/codes.js';
import type { DataAccess } from '../../access/data-access.js';
import { beslis, magInOrganisatie, rechtenVanRollen } from '../../access/policy.js';
import { diff } from '../../audit/audit.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { AppError } from '../../http/problem.js';
import { Id, PersoonParams } from '../personen/schemas.js';
import {
  type Advies as AdviesT,
  berekenAdvies,
  CATALOGUS_VERSIE,
  FACTOR_BY_CODE,
  FACTOREN,
  type Factorwaarde,
  type Factorwaarden,
  type Gemeentekader,
  type Regiogrenzen,
  type Signalering as SignaleringT,
  signaleerTeksten,
  standaardGemeentekader,
  toonWaarde,
  valideerFactorwaarden,
  valideerGemeentekader,
  valideerRegiogrenzen,
  type Waardebron,
} from './afwegingskader.js';
import { argumentenOverzicht, geldendKader, kaderInfo, rechtenOpKader, voorinvulling, weiger } from './repository.js';
import {
  AdviesVerzoek,
  Advies,
  Afweging,
  AfwegingenOverzicht,
  ArgumentenOverzicht,
  Besluit,
  Casusoverleg,
  GemeentekaderInvoer,
  KaderInfo,
  NieuwBesluit,
  NieuwCasusoverleg,
  NieuweAfweging,
  NieuweVisie,
  RegiogrenzenInvoer,
  Voorinvulling,
} from './schemas.js';
import { vandaag } from '../../../shared/datum.js';

const AfwegingParams = z.strictObject({ persoonId: Id, afwegingId: Id });

const VOORBEELD_AFWEGING = {
  factorwaarden: { motivatie: 5, eigen_wens: 'werk_via_reintegratie', participatieladder: 3, werkervaring: 2, financien: 3, leeftijd: 61 },
  toelichtingen: { motivatie: 'Wil graag weer in de groenvoorziening werken.' },
  visieProfessional: 'Gemotiveerd; schulden zijn in beeld bij de schuldhulp.',
};

async function regioVanGemeente(dal: DataAccess, gemeenteId: string): Promise<string> {
  const org = await dal.db.selectFrom('organisatie').select('regio_id').where('id', '=', gemeenteId).executeTakeFirstOrThrow();
  return org.regio_id;
}

const gelijk = (a: Factorwaarde | undefined, b: Factorwaarde | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Cleans the body's values: drops unknowns (null/absent) and refuses what the domain refuses. */
function alleenBekend(waarden: Record<string, unknown>): Factorwaarden {
  const uit: Factorwaarden = {};
  for (const [k, v] of Object.entries(waarden)) if (v !== undefined && v !== null) uit[k] = v as Factorwaarde;
  const fouten = valideerFactorwaarden(uit);
  if (fouten.length > 0) weiger(fouten, 'Controleer de waarden van de argumenten.');
  return uit;
}

function tekstenVan(body: {
  toelichtingen?: Record<string, string | undefined>;
  visieProfessional?: string | null | undefined;
  visiePersoon?: string | null | undefined;
}) {
  return [
    ...Object.entries(body.toelichtingen ?? {}).map(([factor, tekst]) => ({ veld: `toelichtingen.${factor}`, tekst })),
    { veld: 'visieProfessional', tekst: body.visieProfessional },
    { veld: 'visiePersoon', tekst: body.visiePersoon },
  ];
}

/* ------------------------------------------------------------------------------------------------ */
/* Presenters                                                                                       */
/* ------------------------------------------------------------------------------------------------ */

type BesluitRij = {
  id: string;
  afweging_id: string;
  route: string;
  redenen: string;
  persoon_eens: 'ja' | 'deels' | 'nee';
  reactie_persoon: string | null;
  volgt_advies: boolean;
  besluitdatum: string;
  signaleringen: unknown;
  aangemaakt_op: Date;
  door: string;
};

function presenteerBesluit(r: BesluitRij): z.input<typeof Besluit> {
  return {
    id: r.id,
    afwegingId: r.afweging_id,
    route: r.route as Trajectroute,
    routeLabel: TRAJECTROUTES[r.route as Trajectroute]?.label ?? r.route,
    redenen: r.redenen,
    persoonEens: r.persoon_eens,
    reactiePersoon: r.reactie_persoon,
    volgtAdvies: r.volgt_advies,
    besluitdatum: r.besluitdatum,
    vastgelegdDoor: r.door,
    aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
    signaleringen: r.signaleringen as SignaleringT[],
  };
}

async function leesBesluiten(dal: DataAccess, persoonId: string, afwegingId?: string): Promise<z.input<typeof Besluit>[]> {
  let q = dal.db
    .selectFrom('afweging_besluit as b')
    .innerJoin('gebruiker as g', 'g.id', 'b.vastgelegd_door')
    .select([
      'b.id',
      'b.afweging_id',
      'b.route',
      'b.redenen',
      'b.persoon_eens',
      'b.reactie_persoon',
      'b.volgt_advies',
      'b.besluitdatum',
      'b.signaleringen',
      'b.aangemaakt_op',
      'g.naam as door',
    ])
    .where('b.persoon_id', '=', persoonId);
  if (afwegingId) q = q.where('b.afweging_id', '=', afwegingId);
  const rows = await q.orderBy('b.aangemaakt_op', 'desc').execute();
  return rows.map(presenteerBesluit);
}

async function leesAfwegingen(dal: DataAccess, persoonId: string, afwegingId?: string): Promise<z.input<typeof Afweging>[]> {
  let q = dal.db
    .selectFrom('afweging as a')
    .innerJoin('gebruiker as g', 'g.id', 'a.auteur_id')
    .leftJoin('gebruiker as v', 'v.id', 'a.visie_persoon_door')
    .leftJoin('afweging_gemeentekader as gk', 'gk.id', 'a.gemeentekader_id')
    .leftJoin('afweging_regiokader as rk', 'rk.id', 'a.regiokader_id')
    .leftJoin('organisatie as o', 'o.id', 'a.organisatie_id')
    .selectAll('a')
    .select([
      'g.naam as auteur',
      'v.naam as visie_door',
      'gk.versie as gk_versie',
      'gk.geldig_van as gk_van',
      'rk.versie as rk_versie',
      'rk.geldig_van as rk_van',
      'o.naam as gemeente',
    ])
    .where('a.persoon_id', '=', persoonId);
  if (afwegingId) q = q.where('a.id', '=', afwegingId);
  const rows = await q.orderBy('a.aangemaakt_op', 'desc').execute();
  const besluiten = await leesBesluiten(dal, persoonId);
  return rows.map((r) => {
    const waarden = r.factorwaarden as Factorwaarden;
    const bronnen = r.bronnen as Record<string, Waardebron>;
    const toelichtingen = r.toelichtingen as Record<string, string>;
    const codes = FACTOREN.filter((f) => f.code in waarden || f.code in toelichtingen);
    const gk = r.gk_versie ? `gewichten van ${r.gemeente} versie ${r.gk_versie} (vanaf ${r.gk_van})` : 'standaardgewichten';
    const rk = r.rk_versie ? `grenzen van de regio versie ${r.rk_versie} (vanaf ${r.rk_van})` : 'standaardgrenzen van de regio';
    return {
      id: r.id,
      aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
      auteur: r.auteur,
      factorwaarden: codes.map((f) => ({
        factor: f.code,
        label: f.label,
        waarde: waarden[f.code] ?? null,
        waardeTekst: toonWaarde(f, waarden[f.code] ?? null),
        bron: bronnen[f.code] ?? 'invoer',
        toelichting: toelichtingen[f.code] ?? null,
        beschermdeGrond: f.beschermdeGrond,
      })),
      advies: r.advies as AdviesT,
      kader: {
        catalogusVersie: r.catalogus_versie,
        gemeenteVersie: r.gk_versie ?? null,
        gemeenteGeldigVan: r.gk_van ?? null,
        regioVersie: r.rk_versie ?? null,
        regioGeldigVan: r.rk_van ?? null,
        omschrijving: `Afwegingskader ${r.catalogus_versie}: ${gk}, ${rk}.`,
      },
      visieProfessional: r.visie_professional,
      visiePersoon: r.visie_persoon,
      visiePersoonOp: r.visie_persoon_op ? new Date(r.visie_persoon_op).toISOString() : null,
      visiePersoonDoor: r.visie_door ?? null,
      signaleringen: r.signaleringen as SignaleringT[],
      besluiten: besluiten.filter((b) => b.afwegingId === r.id),
    };
  });
}

type CasusRij = {
  id: string;
  afweging_id: string | null;
  datum: string;
  deelnemers: unknown;
  argumenten: unknown;
  conclusie: string;
  signaleringen: unknown;
  aangemaakt_op: Date;
  door: string;
};

function presenteerCasusoverleg(r: CasusRij): z.input<typeof Casusoverleg> {
  const argumenten = r.argumenten as { partij: string; route: string | null; richting: string | null; tekst: string }[];
  return {
    id: r.id,
    afwegingId: r.afweging_id,
    datum: r.datum,
    deelnemers: r.deelnemers as z.input<typeof Casusoverleg>['deelnemers'],
    argumenten: argumenten.map((a) => ({ ...a, routeLabel: a.route ? (TRAJECTROUTES[a.route as Trajectroute]?.label ?? a.route) : null })),
    conclusie: r.conclusie,
    signaleringen: r.signaleringen as SignaleringT[],
    vastgelegdDoor: r.door,
    aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
  };
}

async function tijdlijn(dal: DataAccess, gemeenteId: string, persoonId: string, titel: string, tekst: string | null) {
  await dal.db
    .insertInto('tijdlijn_gebeurtenis')
    .values({
      id: randomUUID(),
      organisatie_id: gemeenteId,
      persoon_id: persoonId,
      soort: 'dossier',
      titel,
      tekst,
      auteur_id: dal.actor.gebruikerId,
      auteur_organisatie_id: dal.actor.organisatieId,
    })
    .execute();
}

const routeLabels = (rs: readonly Trajectroute[]) => rs.map((r) => TRAJECTROUTES[r].label.toLowerCase()).join(' of ');

/* ------------------------------------------------------------------------------------------------ */
/* Routes                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

export const afwegingRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/afwegingskader/argumenten',
    tags: ['afwegingskader'],
    summary: 'De argumenten van het afwegingskader met de grenzen van de regio en de gewichten van een gemeente (standaard: de eigen gemeente)',
    querystring: z.strictObject({ gemeenteId: Id.optional() }),
    response: ArgumentenOverzicht,
    handler: async ({ input, dal }) => {
      const eigen = await dal.db.selectFrom('organisatie').select('soort').where('id', '=', dal.actor.organisatieId).executeTakeFirstOrThrow();
      const gemeenteId = input.query.gemeenteId ?? (eigen.soort === 'gemeente' ? dal.actor.organisatieId : null);
      const k = await geldendKader(dal.db, dal.actor.regioId, gemeenteId);
      return argumentenOverzicht(k, rechtenOpKader(dal, k));
    },
  }),
  authRoute({
    method: 'PUT',
    url: '/api/v1/afwegingskader/argumenten',
    tags: ['afwegingskader'],
    summary:
      'De gewichten van de eigen gemeente vastleggen binnen de grenzen van de regio (beleidsmedewerker). Een beschermde grond kan nooit tegen de persoon wegen: zo’n instelling wordt geweigerd.',
    body: GemeentekaderInvoer,
    voorbeeld: {
      body: {
        gewichten: { motivatie: { gewicht: 5, richtingen: { werk_via_reintegratie: 'voor', participatietraject: 'geen' } } },
        onderbouwing: { motivatie: 'Motivatie weegt bij ons het zwaarst.' },
        bron: 'Beleidsregels participatie 2026, art. 4 (test)',
      },
    },
    response: ArgumentenOverzicht,
    handler: async ({ input, dal }) => {
      const gemeenteId = dal.actor.organisatieId;
      const besluit = magInOrganisatie(dal.actor, 'afwegingskader.beheren', gemeenteId);
      if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
      const org = await dal.db.selectFrom('organisatie').select('soort').where('id', '=', gemeenteId).executeTakeFirstOrThrow();
      if (org.soort !== 'gemeente') throw new AppError('geen_toegang', 'Alleen een gemeente stelt eigen gewichten in.');
      const geldigVan = input.body.geldigVan ?? vandaag();
      if (geldigVan < vandaag()) {
        throw new AppError('ongeldige_invoer', 'Nieuwe gewichten gaan niet met terugwerkende kracht in.', {
          invalidParams: [{ name: 'body.geldigVan', code: 'verleden', reason: 'Kies vandaag of een datum in de toekomst.' }],
        });
      }
      const k = await geldendKader(dal.db, dal.actor.regioId, gemeenteId);
      const fouten = valideerGemeentekader(input.body.gewichten, k.regio.grenzen);
      for (const code of Object.keys(input.body.onderbouwing)) {
        if (!FACTOR_BY_CODE.has(code)) fouten.push({ veld: `onderbouwing.${code}`, code: 'onbekende_factor', reden: `Onbekend argument: ${code}.` });
      }
      if (fouten.length > 0) weiger(fouten, 'Deze gewichten passen niet binnen de grenzen van de regio.');
      const oud: Gemeentekader = k.gemeente?.eigen ?? standaardGemeentekader();
      const nieuw: Gemeentekader = { ...oud };
      for (const [code, inst] of Object.entries(input.body.gewichten)) {
        const f = FACTOR_BY_CODE.get(code)!;
        nieuw[code] = f.beschermdeGrond
          ? { gewicht: 0, richtingen: {} }
          : { gewicht: inst.gewicht, richtingen: { ...oud[code]?.richtingen, ...inst.richtingen } };
      }
      const vorige = await dal.db
        .selectFrom('afweging_gemeentekader')
        .select((eb) => eb.fn.max('versie').as('v'))
        .where('organisatie_id', '=', gemeenteId)
        .executeTakeFirst();
      const versie = Number(vorige?.v ?? 0) + 1;
      const id = randomUUID();
      const onderbouwing = { ...k.gemeente?.onderbouwing, ...input.body.onderbouwing };
      await dal.db
        .insertInto('afweging_gemeentekader')
        .values({
          id,
          organisatie_id: gemeenteId,
          versie,
          catalogus_versie: CATALOGUS_VERSIE,
          gewichten: JSON.stringify(nieuw),
          onderbouwing: JSON.stringify(onderbouwing),
          geldig_van: geldigVan,
          bron: input.body.bron,
          gewijzigd_door: dal.actor.gebruikerId,
        })
        .execute();
      await dal.audit.schrijf({
        actie: k.gemeente?.versie ? 'wijzigen' : 'aanmaken',
        resource: 'afweging_gemeentekader',
        resourceId: id,
        organisatieId: gemeenteId,
        wijzigingen: diff(k.gemeente?.eigen ?? null, { ...nieuw, versie, geldig_van: geldigVan, bron: input.body.bron }),
      });
      const na = await geldendKader(dal.db, dal.actor.regioId, gemeenteId);
      return argumentenOverzicht(na, rechtenOpKader(dal, na));
    },
  }),
  authRoute({
    method: 'PUT',
    url: '/api/v1/afwegingskader/regiogrenzen',
    tags: ['afwegingskader'],
    summary:
      'De grenzen van de regio per argument vastleggen (beleidsmedewerker of beheerder van de organisatie die het regionale kader beheert, meestal de centrumgemeente)',
    body: RegiogrenzenInvoer,
    voorbeeld: {
      body: {
        grenzen: { motivatie: { minGewicht: 3, maxGewicht: 5, richtingen: { werk_via_reintegratie: ['voor'], participatietraject: ['geen', 'voor'] } } },
        bron: 'Regionaal afwegingskader 2026 (test)',
      },
    },
    response: ArgumentenOverzicht,
    handler: async ({ input, dal }) => {
      const k = await geldendKader(dal.db, dal.actor.regioId, null);
      if (!k.regio.beheerder) throw new AppError('geen_toegang', 'Er is nog geen organisatie aangewezen die de grenzen van de regio beheert.');
      const besluit = magInOrganisatie(dal.actor, 'afwegingskader.regio_beheren', k.regio.beheerder.id);
      if (!besluit.toegestaan) throw new AppError('geen_toegang', `Alleen ${k.regio.beheerder.naam} stelt de grenzen van de regio vast. ${besluit.reden}`);
      const geldigVan = input.body.geldigVan ?? vandaag();
      if (geldigVan < vandaag()) {
        throw new AppError('ongeldige_invoer', 'Nieuwe grenzen gaan niet met terugwerkende kracht in.', {
          invalidParams: [{ name: 'body.geldigVan', code: 'verleden', reason: 'Kies vandaag of een datum in de toekomst.' }],
        });
      }
      const fouten = valideerRegiogrenzen(input.body.grenzen);
      if (fouten.length > 0) weiger(fouten, 'Deze grenzen zijn niet geldig.');
      const nieuw: Regiogrenzen = { ...k.regio.grenzen };
      for (const [code, g] of Object.entries(input.body.grenzen)) {
        nieuw[code] = { minGewicht: g.minGewicht, maxGewicht: g.maxGewicht, richtingen: { ...k.regio.grenzen[code]?.richtingen, ...g.richtingen } };
      }
      const vorige = await dal.db
        .selectFrom('afweging_regiokader')
        .select((eb) => eb.fn.max('versie').as('v'))
        .where('regio_id', '=', dal.actor.regioId)
        .executeTakeFirst();
      const versie = Number(vorige?.v ?? 0) + 1;
      const id = randomUUID();
      await dal.db
        .insertInto('afweging_regiokader')
        .values({
          id,
          regio_id: dal.actor.regioId,
          organisatie_id: k.regio.beheerder.id,
          versie,
          catalogus_versie: CATALOGUS_VERSIE,
          grenzen: JSON.stringify(nieuw),
          geldig_van: geldigVan,
          bron: input.body.bron,
          toelichting: input.body.toelichting ?? null,
          gewijzigd_door: dal.actor.gebruikerId,
        })
        .execute();
      await dal.audit.schrijf({
        actie: k.regio.versie ? 'wijzigen' : 'aanmaken',
        resource: 'afweging_regiokader',
        resourceId: id,
        organisatieId: k.regio.beheerder.id,
        wijzigingen: diff(k.regio.grenzen as Record<string, unknown>, { ...nieuw, versie, geldig_van: geldigVan, bron: input.body.bron }),
      });
      const eigen = await dal.db.selectFrom('organisatie').select('soort').where('id', '=', dal.actor.organisatieId).executeTakeFirstOrThrow();
      const na = await geldendKader(dal.db, dal.actor.regioId, eigen.soort === 'gemeente' ? dal.actor.organisatieId : null);
      return argumentenOverzicht(na, rechtenOpKader(dal, na));
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/afwegingskader/advies',
    tags: ['afwegingskader'],
    summary: 'Voorbeeldberekening zonder persoon: het advies per route met de argumenten voor en tegen (advies, geen besluit; niets wordt opgeslagen)',
    body: AdviesVerzoek,
    voorbeeld: { body: { factorwaarden: VOORBEELD_AFWEGING.factorwaarden } },
    response: z.object({ advies: Advies, kader: KaderInfo }),
    handler: async ({ input, dal }) => {
      const mag = rechtenVanRollen(dal.actor.rollen).has('afweging.schrijven') || dal.actor.rollen.includes('beleidsmedewerker');
      if (!mag) throw new AppError('geen_toegang', 'Alleen professionals die afwegingen maken en beleidsmedewerkers gebruiken de voorbeeldberekening.');
      const eigen = await dal.db.selectFrom('organisatie').select('soort').where('id', '=', dal.actor.organisatieId).executeTakeFirstOrThrow();
      const gemeenteId = input.body.gemeenteId ?? (eigen.soort === 'gemeente' ? dal.actor.organisatieId : null);
      const k = await geldendKader(dal.db, dal.actor.regioId, gemeenteId);
      const waarden = alleenBekend(input.body.factorwaarden);
      const advies = berekenAdvies({ waarden, kader: k.effectief, teksten: tekstenVan(input.body), kaderAanpassingen: k.aanpassingen });
      return { advies, kader: kaderInfo(k) };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/afwegingen/voorinvulling',
    tags: ['afwegingskader'],
    summary: 'Waarden die het dossier al kent (brede diagnose, belastbaarheidsprofiel), om een afweging mee te beginnen',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: Voorinvulling,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'afweging.schrijven');
      return voorinvulling(dal, feiten, grondslag);
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/afwegingen',
    tags: ['afwegingskader'],
    summary: 'Een afweging maken en bewaren: advies per route met de argumenten voor en tegen (advies, geen besluit)',
    persoonParam: 'persoonId',
    status: 201,
    params: PersoonParams,
    body: NieuweAfweging,
    voorbeeld: { body: VOORBEELD_AFWEGING },
    response: Afweging,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'afweging.schrijven');
      const waarden = alleenBekend(input.body.factorwaarden);
      const k = await geldendKader(dal.db, await regioVanGemeente(dal, feiten.gemeenteId), feiten.gemeenteId);
      const voor = await voorinvulling(dal, feiten, grondslag);
      const bronnen: Record<string, Waardebron> = {};
      for (const [code, w] of Object.entries(waarden)) bronnen[code] = voor.bronnen[code] && gelijk(voor.waarden[code], w) ? voor.bronnen[code] : 'invoer';
      const teksten = tekstenVan(input.body);
      const advies = berekenAdvies({ waarden, bronnen, kader: k.effectief, teksten, kaderAanpassingen: k.aanpassingen });
      const id = randomUUID();
      await dal.db
        .insertInto('afweging')
        .values({
          id,
          organisatie_id: feiten.gemeenteId,
          persoon_id: feiten.persoonId,
          factorwaarden: JSON.stringify(waarden),
          bronnen: JSON.stringify(bronnen),
          toelichtingen: JSON.stringify(input.body.toelichtingen),
          advies: JSON.stringify(advies),
          catalogus_versie: CATALOGUS_VERSIE,
          gemeentekader_id: k.gemeente?.kaderId ?? null,
          regiokader_id: k.regio.id,
          visie_professional: input.body.visieProfessional || null,
          visie_persoon: input.body.visiePersoon || null,
          visie_persoon_door: input.body.visiePersoon ? dal.actor.gebruikerId : null,
          visie_persoon_op: input.body.visiePersoon ? new Date() : null,
          signaleringen: JSON.stringify(advies.signaleringen),
          auteur_id: dal.actor.gebruikerId,
        })
        .execute();
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'afweging',
        resourceId: id,
        persoonId: feiten.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: diff(null, {
          meest_passend: advies.meestPassend,
          factoren: Object.keys(waarden),
          gemeentekader_versie: k.gemeente?.versie ?? null,
          regiokader_versie: k.regio.versie,
          signaleringen: advies.signaleringen.length,
        }),
      });
      await tijdlijn(
        dal,
        feiten.gemeenteId,
        feiten.persoonId,
        'Afweging gemaakt (advies, geen besluit)',
        advies.meestPassend.length > 0
          ? `Meest passend volgens het afwegingskader: ${routeLabels(advies.meestPassend)}.`
          : 'Nog te weinig argumenten voor een advies.',
      );
      const [nieuw] = await leesAfwegingen(dal, feiten.persoonId, id);
      return nieuw!;
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/afwegingen',
    tags: ['afwegingskader'],
    summary: 'De afwegingen van een persoon met het advies zoals het toen was, en de besluiten (nieuwste eerst); ook voor de persoon zelf',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: AfwegingenOverzicht,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'afweging.lezen');
      const afwegingen = await leesAfwegingen(dal, feiten.persoonId);
      const besluiten = await leesBesluiten(dal, feiten.persoonId);
      await dal.audit.schrijf({ actie: 'lezen', resource: 'afweging', persoonId: feiten.persoonId, organisatieId: feiten.gemeenteId, grondslag });
      return {
        persoonId: feiten.persoonId,
        magSchrijven: beslis(dal.actor, 'afweging.schrijven', feiten).toegestaan,
        magEigenVisie: beslis(dal.actor, 'afweging.eigen_visie', feiten).toegestaan,
        afwegingen,
        laatsteBesluit: besluiten[0] ?? null,
      };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/afwegingen/:afwegingId/visie',
    tags: ['afwegingskader'],
    summary: 'De mening van de persoon over de afweging vastleggen: door de persoon zelf, of door de professional na het gesprek',
    persoonParam: 'persoonId',
    params: AfwegingParams,
    body: NieuweVisie,
    voorbeeld: { body: { visie: 'Ik wil graag eerst met werk beginnen, ook al heb ik schulden.' } },
    response: Afweging,
    handler: async ({ input, dal }) => {
      const actie = dal.actor.rollen.includes('inwoner') ? 'afweging.eigen_visie' : 'afweging.schrijven';
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, actie);
      const oud = await dal.db
        .selectFrom('afweging')
        .select(['id', 'visie_persoon', 'signaleringen'])
        .where('id', '=', input.params.afwegingId)
        .where('persoon_id', '=', feiten.persoonId)
        .executeTakeFirst();
      if (!oud) throw new AppError('niet_gevonden', 'Deze afweging bestaat niet.');
      const signaleringen = [
        ...(oud.signaleringen as SignaleringT[]).filter((s) => s.veld !== 'visiePersoon'),
        ...signaleerTeksten([{ veld: 'visiePersoon', tekst: input.body.visie }]),
      ];
      await dal.db
        .updateTable('afweging')
        .set({
          visie_persoon: input.body.visie,
          visie_persoon_door: dal.actor.gebruikerId,
          visie_persoon_op: new Date(),
          signaleringen: JSON.stringify(signaleringen),
        })
        .where('id', '=', oud.id)
        .execute();
      await dal.audit.schrijf({
        actie: 'wijzigen',
        resource: 'afweging',
        resourceId: oud.id,
        persoonId: feiten.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: diff({ visie_persoon: oud.visie_persoon }, { visie_persoon: input.body.visie }),
      });
      const [na] = await leesAfwegingen(dal, feiten.persoonId, oud.id);
      return na!;
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/afwegingen/:afwegingId/besluit',
    tags: ['afwegingskader'],
    summary: 'Het besluit dat de professional en de persoon samen nemen: de route, de redenen (verplicht) en of de persoon het ermee eens is',
    persoonParam: 'persoonId',
    status: 201,
    params: AfwegingParams,
    body: NieuwBesluit,
    voorbeeld: {
      body: {
        route: 'werk_via_reintegratie',
        redenen: 'Zeer gemotiveerd en al vrijwilligerswerk; de schulden pakken we tegelijk aan met de schuldhulp.',
        persoonEens: 'ja',
        reactiePersoon: 'Ik wil graag aan de slag.',
      },
    },
    response: Besluit,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'afweging.schrijven');
      const a = await dal.db
        .selectFrom('afweging')
        .select(['id', 'advies'])
        .where('id', '=', input.params.afwegingId)
        .where('persoon_id', '=', feiten.persoonId)
        .executeTakeFirst();
      if (!a) throw new AppError('niet_gevonden', 'Deze afweging bestaat niet.');
      const advies = a.advies as AdviesT;
      const b = input.body;
      const signaleringen = signaleerTeksten([
        { veld: 'redenen', tekst: b.redenen },
        { veld: 'reactiePersoon', tekst: b.reactiePersoon },
      ]);
      const id = randomUUID();
      const besluitdatum = b.besluitdatum ?? vandaag();
      const volgtAdvies = advies.meestPassend.includes(b.route);
      await dal.db
        .insertInto('afweging_besluit')
        .values({
          id,
          organisatie_id: feiten.gemeenteId,
          persoon_id: feiten.persoonId,
          afweging_id: a.id,
          route: b.route,
          redenen: b.redenen,
          persoon_eens: b.persoonEens,
          reactie_persoon: b.reactiePersoon || null,
          volgt_advies: volgtAdvies,
          besluitdatum,
          signaleringen: JSON.stringify(signaleringen),
          vastgelegd_door: dal.actor.gebruikerId,
        })
        .execute();
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'afweging_besluit',
        resourceId: id,
        persoonId: feiten.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: diff(null, { route: b.route, persoon_eens: b.persoonEens, volgt_advies: volgtAdvies, besluitdatum }),
      });
      await tijdlijn(
        dal,
        feiten.gemeenteId,
        feiten.persoonId,
        `Besluit samen genomen: ${TRAJECTROUTES[b.route].label}`,
        `${volgtAdvies ? 'Volgt het advies van het afwegingskader.' : 'Wijkt af van het advies; de redenen staan bij het besluit.'} De persoon is het ${b.persoonEens === 'ja' ? '' : b.persoonEens === 'deels' ? 'deels ' : 'niet '}eens.`,
      );
      const [nieuw] = (await leesBesluiten(dal, feiten.persoonId, a.id)).filter((x) => x.id === id);
      return nieuw!;
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/casusoverleggen',
    tags: ['afwegingskader'],
    summary: 'Een casusoverleg vastleggen: wie deelnamen (ook wijkteam, UWV, aanbieder), welke argumenten zijn uitgewisseld, en de conclusie',
    persoonParam: 'persoonId',
    status: 201,
    params: PersoonParams,
    body: NieuwCasusoverleg,
    voorbeeld: {
      body: {
        datum: '2026-03-02',
        deelnemers: [
          { organisatieId: '{gemeenteId}', rol: 'Klantmanager' },
          { organisatie: 'Sociaal wijkteam Zwolle-Zuid', rol: 'Maatschappelijk werker' },
        ],
        argumenten: [{ partij: 'Sociaal wijkteam', route: 'doorverwijzing_wijkteam', richting: 'voor', tekst: 'Schulden eerst stabiliseren.' }],
        conclusie: 'Werk via re-integratie, met schuldhulp ernaast.',
      },
    },
    response: Casusoverleg,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'afweging.schrijven');
      const b = input.body;
      if (b.afwegingId) {
        const a = await dal.db.selectFrom('afweging').select('id').where('id', '=', b.afwegingId).where('persoon_id', '=', feiten.persoonId).executeTakeFirst();
        if (!a) {
          throw new AppError('ongeldige_invoer', 'Deze afweging hoort niet bij deze persoon.', {
            invalidParams: [{ name: 'body.afwegingId', code: 'onbekend', reason: 'Kies een afweging van deze persoon.' }],
          });
        }
      }
      const regioId = await regioVanGemeente(dal, feiten.gemeenteId);
      const fouten: { name: string; code: string; reason: string }[] = [];
      const deelnemers: z.input<typeof Casusoverleg>['deelnemers'] = [];
      for (const [i, d] of b.deelnemers.entries()) {
        if (d.organisatieId) {
          const org = await dal.db.selectFrom('organisatie').select(['id', 'naam', 'regio_id']).where('id', '=', d.organisatieId).executeTakeFirst();
          if (org?.regio_id !== regioId) {
            fouten.push({ name: `body.deelnemers.${i}.organisatieId`, code: 'onbekend', reason: 'Deze organisatie bestaat niet in de regio.' });
            continue;
          }
          deelnemers.push({ organisatieId: org.id, organisatie: org.naam, rol: d.rol, naam: d.naam || null, extern: false });
        } else if (d.organisatie) {
          deelnemers.push({ organisatieId: null, organisatie: d.organisatie, rol: d.rol, naam: d.naam || null, extern: true });
        } else {
          fouten.push({ name: `body.deelnemers.${i}.organisatie`, code: 'verplicht', reason: 'Noem de organisatie van deze deelnemer.' });
        }
      }
      if (fouten.length > 0) throw new AppError('ongeldige_invoer', 'Controleer de deelnemers.', { invalidParams: fouten });
      const argumenten = b.argumenten.map((a) => ({ partij: a.partij, route: a.route ?? null, richting: a.richting ?? null, tekst: a.tekst }));
      const signaleringen = signaleerTeksten([
        ...argumenten.map((a, i) => ({ veld: `argumenten.${i}.tekst`, tekst: a.tekst })),
        { veld: 'conclusie', tekst: b.conclusie },
      ]);
      const id = randomUUID();
      await dal.db
        .insertInto('casusoverleg')
        .values({
          id,
          organisatie_id: feiten.gemeenteId,
          persoon_id: feiten.persoonId,
          afweging_id: b.afwegingId ?? null,
          datum: b.datum,
          deelnemers: JSON.stringify(deelnemers),
          argumenten: JSON.stringify(argumenten),
          conclusie: b.conclusie,
          signaleringen: JSON.stringify(signaleringen),
          vastgelegd_door: dal.actor.gebruikerId,
        })
        .execute();
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'casusoverleg',
        resourceId: id,
        persoonId: feiten.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: diff(null, { datum: b.datum, deelnemers: deelnemers.map((d) => d.organisatie), argumenten: argumenten.length }),
      });
      await tijdlijn(dal, feiten.gemeenteId, feiten.persoonId, 'Casusoverleg gehouden', `Met ${deelnemers.map((d) => d.organisatie).join(', ')}.`);
      return presenteerCasusoverleg({
        id,
        afweging_id: b.afwegingId ?? null,
        datum: b.datum,
        deelnemers,
        argumenten,
        conclusie: b.conclusie,
        signaleringen,
        aangemaakt_op: new Date(),
        door: await naamVan(dal),
      });
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/casusoverleggen',
    tags: ['afwegingskader'],
    summary: 'De casusoverleggen over een persoon, nieuwste eerst',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: z.array(Casusoverleg),
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'afweging.lezen');
      const rows = await dal.db
        .selectFrom('casusoverleg as c')
        .innerJoin('gebruiker as g', 'g.id', 'c.vastgelegd_door')
        .select(['c.id', 'c.afweging_id', 'c.datum', 'c.deelnemers', 'c.argumenten', 'c.conclusie', 'c.signaleringen', 'c.aangemaakt_op', 'g.naam as door'])
        .where('c.persoon_id', '=', feiten.persoonId)
        .orderBy('c.datum', 'desc')
        .orderBy('c.aangemaakt_op', 'desc')
        .execute();
      await dal.audit.schrijf({ actie: 'lezen', resource: 'casusoverleg', persoonId: feiten.persoonId, organisatieId: feiten.gemeenteId, grondslag });
      return rows.map(presenteerCasusoverleg);
    },
  }),
];

async function naamVan(dal: DataAccess): Promise<string> {
  const g = await dal.db.selectFrom('gebruiker').select('naam').where('id', '=', dal.actor.gebruikerId).executeTakeFirst();
  return g?.naam ?? dal.actor.gebruikersnaam;
}
