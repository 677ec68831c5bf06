import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import {
  TERUGMELDREDEN_CATEGORIEEN,
  type TerugmeldredenCategorie,
  TRAJECTROUTES,
  type Trajectroute,
  VERWIJZINGSTATUSSEN,
  type Verwijzingstatus,
} from '../../../shared/codes.js';
import type { DataAccess } from '../../access/data-access.js';
import { type Grondslag, magInOrganisatie, rechtenVanRollen } from '../../access/policy.js';
import { diff } from '../../audit/audit.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/problem.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { Id, PersoonParams } from '../personen/schemas.js';
import { maakTaak } from '../taken/taken.js';
import { controleerGeldigheid, controleerRedenen, type RedenInLijst, redenGeldig } from './redenen.js';
import {
  NieuweReden,
  NieuweStatus,
  NieuweTerugmelding,
  NieuweVerwijzing,
  RedenParams,
  Redenlijst,
  Terugmeldreden,
  Verwijzing,
  VerwijzingenVraag,
  VerwijzingInLijst,
  VerwijzingParams,
  VOORBEELD_AANBIEDER,
  WijzigReden,
} from './schemas.js';
import { signaleerGeenActiviteit } from './signalering.js';
import { beoordeelOvergang, isLopend, mogelijkeStappen, type Partij } from './statusverloop.js';
import { vandaag } from '../../../shared/datum.js';

const tags = ['verwijzingen'];

/** Organisations a gemeente may refer to: those that carry out trajectories. */
export const AANBIEDER_SOORTEN = ['reintegratiebedrijf', 'uwv', 'jobcoachorganisatie'] as const;
/** Days the gemeente has to follow up a return. */
export const OPVOLGTERMIJN_DAGEN = 10;

const plusDagen = (datum: string, n: number) => new Date(Date.parse(`${datum}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const naam = (p: { voornaam: string; tussenvoegsel: string | null; achternaam: string }) =>
  [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
const code = <T extends Record<string, { label: string }>>(tabel: T, c: string) => ({ code: c, label: tabel[c as keyof T]?.label ?? c });

// ——— terugmeldredenen ———

async function redenenVanRegio(db: Kysely<Database>, regioId: string) {
  return db
    .selectFrom('terugmeldreden as r')
    .selectAll('r')
    .select((eb) => eb.exists(eb.selectFrom('terugmelding_reden as tr').select(sql.lit(1).as('x')).whereRef('tr.reden_id', '=', 'r.id')).as('gebruikt'))
    .where('r.regio_id', '=', regioId)
    .orderBy('r.volgorde')
    .orderBy('r.label')
    .execute();
}

function naarRedenInLijst(r: Awaited<ReturnType<typeof redenenVanRegio>>[number]): RedenInLijst {
  return {
    id: r.id,
    code: r.code,
    label: r.label,
    categorie: r.categorie,
    versie: r.versie,
    geldigVan: r.geldig_van,
    geldigTot: r.geldig_tot,
    toelichtingVerplicht: r.toelichting_verplicht,
  };
}

function redenDto(r: Awaited<ReturnType<typeof redenenVanRegio>>[number], datum: string): z.input<typeof Terugmeldreden> {
  return {
    id: r.id,
    code: r.code,
    label: r.label,
    omschrijving: r.omschrijving,
    categorie: r.categorie,
    toelichtingVerplicht: r.toelichting_verplicht,
    versie: r.versie,
    geldigVan: r.geldig_van,
    geldigTot: r.geldig_tot,
    geldig: redenGeldig({ geldigVan: r.geldig_van, geldigTot: r.geldig_tot }, datum),
    gebruikt: Boolean(r.gebruikt),
    bron: r.bron,
  };
}

/** The organisation that maintains the region's list, and whether the actor may change it. */
async function lijstbeheer(dal: DataAccess): Promise<{ beheerder: { id: string; naam: string } | null; magBeheren: boolean }> {
  const rij = await dal.db
    .selectFrom('terugmeldredenlijst as l')
    .innerJoin('organisatie as o', 'o.id', 'l.organisatie_id')
    .select(['o.id', 'o.naam'])
    .where('l.regio_id', '=', dal.actor.regioId)
    .executeTakeFirst();
  if (!rij) return { beheerder: null, magBeheren: false };
  return { beheerder: rij, magBeheren: magInOrganisatie(dal.actor, 'terugmeldredenen.beheren', rij.id).toegestaan };
}

async function vereisLijstbeheer(dal: DataAccess): Promise<string> {
  const { beheerder, magBeheren } = await lijstbeheer(dal);
  if (!beheerder) throw new AppError('geen_toegang', 'Voor deze regio is nog niet vastgelegd wie de lijst van terugmeldredenen beheert.');
  if (!magBeheren) throw new AppError('geen_toegang', `De lijst van terugmeldredenen wordt beheerd door ${beheerder.naam} (beleidsmedewerker of beheerder).`);
  return beheerder.id;
}

async function redenVanRegio(dal: DataAccess, redenId: string) {
  const r = (await redenenVanRegio(dal.db, dal.actor.regioId)).find((x) => x.id === redenId);
  if (!r) throw new AppError('niet_gevonden', 'Deze terugmeldreden bestaat niet.');
  return r;
}

// ——— verwijzingen ———

interface VerwijzingRij {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  aanbieder_id: string;
  aanbieder_naam: string;
  verwijzer_organisatie_id: string;
  route: string;
  doel: string;
  startdatum: string;
  status: string;
  grondslag_id: string | null;
  aangemaakt_door: string | null;
  aangemaakt_op: Date;
  versie: number;
}

function verwijzingQuery(db: Kysely<Database>) {
  return db
    .selectFrom('verwijzing as v')
    .innerJoin('organisatie as a', 'a.id', 'v.aanbieder_id')
    .select([
      'v.id',
      'v.organisatie_id',
      'v.persoon_id',
      'v.aanbieder_id',
      'a.naam as aanbieder_naam',
      'v.verwijzer_organisatie_id',
      'v.route',
      'v.doel',
      'v.startdatum',
      'v.status',
      'v.grondslag_id',
      'v.aangemaakt_door',
      'v.aangemaakt_op',
      'v.versie',
    ]);
}

/** A full basis on the person (own gemeente, cooperation) or the person themselves: every referral. Else only the actor's own. */
function zietAlleVerwijzingen(grondslag: Grondslag): boolean {
  return grondslag === 'eigen_gemeente' || grondslag === 'samenwerking' || grondslag === 'betrokkene';
}

function partijVan(dal: DataAccess, v: Pick<VerwijzingRij, 'aanbieder_id'>, grondslag: Grondslag): Partij | null {
  if (dal.actor.organisatieId === v.aanbieder_id) return 'aanbieder';
  if (grondslag === 'eigen_gemeente' || grondslag === 'samenwerking') return 'gemeente';
  return null;
}

function stappenVoor(dal: DataAccess, v: VerwijzingRij, grondslag: Grondslag): Verwijzingstatus[] {
  const partij = partijVan(dal, v, grondslag);
  if (!partij) return [];
  const rechten = rechtenVanRollen(dal.actor.rollen);
  return mogelijkeStappen(v.status as Verwijzingstatus, partij).filter((s) =>
    partij === 'gemeente'
      ? rechten.has('verwijzing.beheren')
      : s === 'teruggemeld'
        ? rechten.has('verwijzing.terugmelden')
        : rechten.has('verwijzing.behandelen'),
  );
}

async function verwijzingDtos(dal: DataAccess, persoonId: string, grondslag: Grondslag, alleen?: string): Promise<z.input<typeof Verwijzing>[]> {
  let q = verwijzingQuery(dal.db).where('v.persoon_id', '=', persoonId);
  if (!zietAlleVerwijzingen(grondslag)) q = q.where('v.aanbieder_id', '=', dal.actor.organisatieId);
  if (alleen) q = q.where('v.id', '=', alleen);
  const rijen = (await q.orderBy('v.startdatum', 'desc').orderBy('v.aangemaakt_op', 'desc').execute()) as VerwijzingRij[];
  if (rijen.length === 0) return [];
  const ids = rijen.map((r) => r.id);
  const statussen = await dal.db
    .selectFrom('verwijzing_status as s')
    .leftJoin('gebruiker as g', 'g.id', 's.door')
    .leftJoin('organisatie as o', 'o.id', 's.door_organisatie_id')
    .select(['s.verwijzing_id', 's.van_status', 's.naar_status', 's.toelichting', 's.tijdstip', 'g.naam as door', 'o.naam as door_organisatie'])
    .where('s.verwijzing_id', 'in', ids)
    .orderBy('s.tijdstip')
    .orderBy('s.id')
    .execute();
  const terug = await dal.db
    .selectFrom('terugmelding as t')
    .leftJoin('gebruiker as g', 'g.id', 't.door')
    .select(['t.id', 't.verwijzing_id', 't.datum', 't.toelichting', 'g.naam as door'])
    .where('t.verwijzing_id', 'in', ids)
    .execute();
  const redenen = terug.length
    ? await dal.db
        .selectFrom('terugmelding_reden as tr')
        .innerJoin('terugmeldreden as r', 'r.id', 'tr.reden_id')
        .select(['tr.terugmelding_id', 'r.code', 'r.label', 'r.categorie', 'tr.primair'])
        .where(
          'tr.terugmelding_id',
          'in',
          terug.map((t) => t.id),
        )
        .orderBy('tr.primair', 'desc')
        .orderBy('r.label')
        .execute()
    : [];
  const taken = terug.length
    ? await dal.db
        .selectFrom('taak')
        .select(['id', 'bron_id'])
        .where('soort', '=', 'terugmelding_opvolgen')
        .where(
          'bron_id',
          'in',
          terug.map((t) => t.id),
        )
        .orderBy('aangemaakt_op')
        .execute()
    : [];
  return rijen.map((v) => {
    const t = terug.find((x) => x.verwijzing_id === v.id);
    return {
      id: v.id,
      persoonId: v.persoon_id,
      aanbieder: { id: v.aanbieder_id, naam: v.aanbieder_naam },
      route: code(TRAJECTROUTES, v.route),
      doel: v.doel,
      startdatum: v.startdatum,
      status: code(VERWIJZINGSTATUSSEN, v.status),
      lopend: isLopend(v.status as Verwijzingstatus),
      versie: v.versie,
      aangemaaktOp: new Date(v.aangemaakt_op).toISOString(),
      geschiedenis: statussen
        .filter((s) => s.verwijzing_id === v.id)
        .map((s) => ({
          van: s.van_status as Verwijzingstatus | null,
          naar: s.naar_status as Verwijzingstatus,
          toelichting: s.toelichting,
          door: s.door,
          doorOrganisatie: s.door_organisatie,
          tijdstip: new Date(s.tijdstip).toISOString(),
        })),
      terugmelding: t
        ? {
            id: t.id,
            datum: t.datum,
            toelichting: t.toelichting,
            door: t.door,
            redenen: redenen
              .filter((r) => r.terugmelding_id === t.id)
              .map((r) => ({ code: r.code, label: r.label, categorie: r.categorie as TerugmeldredenCategorie, primair: r.primair })),
            // The follow-up task is the gemeente's; the provider does not see its id.
            vervolgtaakId: partijVan(dal, v, grondslag) === 'gemeente' ? (taken.find((k) => k.bron_id === t.id)?.id ?? null) : null,
          }
        : null,
      stappen: stappenVoor(dal, v, grondslag),
    };
  });
}

/** Loads one referral of the person the actor may see; another one is "not found". */
async function laadVerwijzing(dal: DataAccess, persoonId: string, verwijzingId: string, grondslag: Grondslag): Promise<VerwijzingRij> {
  let q = verwijzingQuery(dal.db).where('v.persoon_id', '=', persoonId).where('v.id', '=', verwijzingId);
  if (!zietAlleVerwijzingen(grondslag)) q = q.where('v.aanbieder_id', '=', dal.actor.organisatieId);
  const v = (await q.executeTakeFirst()) as VerwijzingRij | undefined;
  if (!v) throw new AppError('niet_gevonden', 'Deze verwijzing bestaat niet of u heeft er geen toegang toe.');
  return v;
}

/** Moves a referral to a new status: the status row, the end of the provider's access, the timeline. */
async function zetStatus(
  dal: DataAccess,
  v: VerwijzingRij,
  naar: Verwijzingstatus,
  toelichting: string | null,
  eindigt: boolean,
  versie?: number,
): Promise<void> {
  const bijgewerkt = await dal.db
    .updateTable('verwijzing')
    .set({ status: naar, versie: sql<number>`versie + 1`, ...(eindigt ? { beeindigd_op: sql<Date>`now()` } : {}) })
    .where('id', '=', v.id)
    .where('status', '=', v.status)
    .$if(versie !== undefined, (q) => q.where('versie', '=', versie!))
    .executeTakeFirst();
  if (Number(bijgewerkt.numUpdatedRows) !== 1) {
    throw new AppError('versieconflict', 'Iemand anders heeft deze verwijzing intussen gewijzigd. Laad de pagina opnieuw.');
  }
  await dal.db
    .insertInto('verwijzing_status')
    .values({
      id: randomUUID(),
      organisatie_id: v.organisatie_id,
      verwijzing_id: v.id,
      van_status: v.status,
      naar_status: naar,
      toelichting,
      door: dal.actor.gebruikerId,
      door_organisatie_id: dal.actor.organisatieId,
    })
    .execute();
  // The provider's access on this referral ends with it (`tot` is exclusive: ended today).
  if (eindigt && v.grondslag_id) {
    await dal.db.updateTable('grondslag').set({ tot: sql<string>`current_date` }).where('id', '=', v.grondslag_id).where('tot', 'is', null).execute();
  }
  await dal.db
    .insertInto('tijdlijn_gebeurtenis')
    .values({
      id: randomUUID(),
      organisatie_id: v.organisatie_id,
      persoon_id: v.persoon_id,
      soort: 'verwijzing',
      titel: `Verwijzing naar ${v.aanbieder_naam}: ${VERWIJZINGSTATUSSEN[naar].label.toLowerCase()}`,
      // A return's reasons stay with the referral (verwijzing.lezen); the timeline is read more widely.
      tekst: naar === 'teruggemeld' ? 'De aanbieder heeft de persoon teruggemeld. De reden staat bij de verwijzing.' : toelichting,
      auteur_id: dal.actor.gebruikerId,
      auteur_organisatie_id: dal.actor.organisatieId,
    })
    .execute();
}

export const verwijzingenRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/terugmeldredenen',
    tags,
    summary: 'De regionale lijst van terugmeldredenen (met versie, geldigheid en categorie)',
    querystring: z.strictObject({ alleenGeldig: z.enum(['ja', 'nee']).default('nee') }),
    response: Redenlijst,
    handler: async ({ input, dal }) => {
      const datum = vandaag();
      const beheer = await lijstbeheer(dal);
      const rijen = await redenenVanRegio(dal.db, dal.actor.regioId);
      const redenen = rijen.map((r) => redenDto(r, datum)).filter((r) => input.query.alleenGeldig === 'nee' || r.geldig);
      // Whether a reason was used matters only to the maintainer (delete or retire).
      return { ...beheer, redenen: redenen.map((r) => ({ ...r, gebruikt: beheer.magBeheren ? r.gebruikt : false })) };
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/terugmeldredenen',
    tags,
    summary: 'Een terugmeldreden toevoegen aan de regionale lijst (beheerder van de lijst)',
    body: NieuweReden,
    voorbeeld: { body: { code: 'mantelzorg_test', label: 'Mantelzorg (test)', categorie: 'negatief' } },
    status: 201,
    response: Terugmeldreden,
    handler: async ({ input, dal }) => {
      const beheerder = await vereisLijstbeheer(dal);
      const b = input.body;
      const geldigVan = b.geldigVan ?? vandaag();
      const bestaand = await dal.db
        .selectFrom('terugmeldreden')
        .select('id')
        .where('regio_id', '=', dal.actor.regioId)
        .where('code', '=', b.code)
        .executeTakeFirst();
      if (bestaand)
        throw new AppError('conflict', `De code "${b.code}" bestaat al in de lijst.`, {
          invalidParams: [{ name: 'code', code: 'bestaat', reason: 'Kies een andere code.' }],
        });
      const id = randomUUID();
      await dal.db
        .insertInto('terugmeldreden')
        .values({
          id,
          organisatie_id: beheerder,
          regio_id: dal.actor.regioId,
          code: b.code,
          label: b.label,
          omschrijving: b.omschrijving ?? null,
          categorie: b.categorie,
          toelichting_verplicht: b.toelichtingVerplicht ?? false,
          volgorde: 50,
          geldig_van: geldigVan,
          bron: `Toegevoegd door ${dal.actor.gebruikersnaam}`,
          gewijzigd_door: dal.actor.gebruikerId,
        })
        .execute();
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'terugmeldreden',
        resourceId: id,
        organisatieId: beheerder,
        wijzigingen: diff(null, { code: b.code, label: b.label, categorie: b.categorie, geldig_van: geldigVan }),
      });
      return redenDto(await redenVanRegio(dal, id), vandaag());
    },
  }),
  authRoute({
    method: 'PATCH',
    url: '/api/v1/terugmeldredenen/:redenId',
    tags,
    summary: 'Een terugmeldreden wijzigen of intrekken (geldigTot); een gebruikte reden houdt haar categorie',
    params: RedenParams,
    body: WijzigReden,
    voorbeeld: { body: { label: 'Medische redenen (gewijzigd)' } },
    response: Terugmeldreden,
    handler: async ({ input, dal }) => {
      await vereisLijstbeheer(dal);
      const r = await redenVanRegio(dal, input.params.redenId);
      const b = input.body;
      if (b.categorie && b.categorie !== r.categorie && r.gebruikt) {
        throw new AppError('conflict', 'Deze reden is al gebruikt; haar categorie blijft zo. Trek haar in en voeg een nieuwe reden toe.', {
          invalidParams: [{ name: 'categorie', code: 'in_gebruik', reason: 'Een gebruikte reden houdt haar categorie.' }],
        });
      }
      const geldigTot = b.geldigTot === undefined ? r.geldig_tot : b.geldigTot;
      const fouten = controleerGeldigheid(r.geldig_van, geldigTot);
      if (fouten.length) throw new AppError('niet_verwerkbaar', fouten[0]!.reason, { invalidParams: fouten });
      const nieuw = {
        label: b.label ?? r.label,
        omschrijving: b.omschrijving === undefined ? r.omschrijving : b.omschrijving,
        categorie: b.categorie ?? r.categorie,
        toelichting_verplicht: b.toelichtingVerplicht ?? r.toelichting_verplicht,
        geldig_tot: geldigTot,
      };
      const wijzigingen = diff(
        { label: r.label, omschrijving: r.omschrijving, categorie: r.categorie, toelichting_verplicht: r.toelichting_verplicht, geldig_tot: r.geldig_tot },
        nieuw,
      );
      if (Object.keys(wijzigingen).length === 0) return redenDto(r, vandaag());
      // A change of meaning (name, description, category) is a new version; a retirement date is not.
      const betekenis = ['label', 'omschrijving', 'categorie', 'toelichting_verplicht'].some((k) => k in wijzigingen);
      await dal.db
        .updateTable('terugmeldreden')
        .set({ ...nieuw, versie: betekenis ? r.versie + 1 : r.versie, gewijzigd_op: sql<Date>`now()`, gewijzigd_door: dal.actor.gebruikerId })
        .where('id', '=', r.id)
        .execute();
      await dal.audit.schrijf({ actie: 'wijzigen', resource: 'terugmeldreden', resourceId: r.id, organisatieId: r.organisatie_id, wijzigingen });
      return redenDto(await redenVanRegio(dal, r.id), vandaag());
    },
  }),
  authRoute({
    method: 'DELETE',
    url: '/api/v1/terugmeldredenen/:redenId',
    tags,
    summary: 'Een nooit gebruikte terugmeldreden verwijderen (een gebruikte reden trekt u in)',
    params: RedenParams,
    status: 204,
    response: z.null(),
    handler: async ({ input, dal }) => {
      await vereisLijstbeheer(dal);
      const r = await redenVanRegio(dal, input.params.redenId);
      if (r.gebruikt)
        throw new AppError('conflict', 'Deze reden is al gebruikt bij een terugmelding en blijft bewaard. U kunt haar wel intrekken (einddatum).');
      await dal.db.deleteFrom('terugmeldreden').where('id', '=', r.id).execute();
      await dal.audit.schrijf({
        actie: 'afsluiten',
        resource: 'terugmeldreden',
        resourceId: r.id,
        organisatieId: r.organisatie_id,
        toelichting: `verwijderd: ${r.code}`,
      });
      return null;
    },
  }),

  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/verwijzingen',
    tags,
    summary: 'De verwijzingen van een persoon, met statusverloop en terugmelding (een aanbieder ziet alleen de verwijzingen naar zichzelf)',
    params: PersoonParams,
    persoonParam: 'persoonId',
    response: z.array(Verwijzing),
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'verwijzing.lezen');
      const lijst = await verwijzingDtos(dal, input.params.persoonId, grondslag);
      await dal.audit.schrijf({ actie: 'lezen', resource: 'verwijzing', persoonId: feiten.persoonId, organisatieId: feiten.gemeenteId, grondslag });
      return lijst;
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/verwijzingen',
    tags,
    summary: 'Een persoon verwijzen naar een traject of aanbieder; de aanbieder krijgt zolang de verwijzing loopt beperkte toegang',
    params: PersoonParams,
    persoonParam: 'persoonId',
    body: NieuweVerwijzing,
    voorbeeld: {
      body: { aanbiederId: VOORBEELD_AANBIEDER, route: 'participatietraject', doel: 'Dagbesteding met leerdoelen (test)', startdatum: '2026-11-01' },
    },
    status: 201,
    response: Verwijzing,
    handler: async ({ input, dal }) => {
      const { feiten, grondslag } = await dal.vereisPersoon(input.params.persoonId, 'verwijzing.beheren');
      const b = input.body;
      const persoon = await dal.db.selectFrom('persoon').select(['status']).where('id', '=', feiten.persoonId).executeTakeFirstOrThrow();
      if (persoon.status === 'afgesloten') throw new AppError('conflict', 'Dit dossier is afgesloten; u kunt niet meer verwijzen.');
      const aanbieder = await dal.db
        .selectFrom('organisatie')
        .select(['id', 'naam', 'soort', 'actief', 'regio_id'])
        .where('id', '=', b.aanbiederId)
        .executeTakeFirst();
      if (!aanbieder || aanbieder.regio_id !== dal.actor.regioId || !aanbieder.actief || !(AANBIEDER_SOORTEN as readonly string[]).includes(aanbieder.soort)) {
        throw new AppError('niet_verwerkbaar', 'Kies een aanbieder van trajecten in uw regio (re-integratiebedrijf, UWV of jobcoachorganisatie).', {
          invalidParams: [{ name: 'aanbiederId', code: 'geen_aanbieder', reason: 'Deze organisatie biedt in uw regio geen trajecten aan.' }],
        });
      }
      const v = vandaag();
      if (b.startdatum < plusDagen(v, -366) || b.startdatum > plusDagen(v, 366)) {
        throw new AppError('niet_verwerkbaar', 'De startdatum ligt te ver van vandaag.', {
          invalidParams: [{ name: 'startdatum', code: 'bereik', reason: 'Kies een startdatum binnen een jaar van vandaag.' }],
        });
      }
      const id = randomUUID();
      const grondslagId = randomUUID();
      await dal.db
        .insertInto('grondslag')
        .values({
          id: grondslagId,
          organisatie_id: feiten.gemeenteId,
          persoon_id: feiten.persoonId,
          ontvanger_id: aanbieder.id,
          soort: 'verwijzing',
          doel: 'uitvoering_participatiewet',
          van: v,
          tot: null,
        })
        .execute();
      await dal.db
        .insertInto('verwijzing')
        .values({
          id,
          organisatie_id: feiten.gemeenteId,
          persoon_id: feiten.persoonId,
          aanbieder_id: aanbieder.id,
          verwijzer_organisatie_id: dal.actor.organisatieId,
          route: b.route,
          doel: b.doel,
          startdatum: b.startdatum,
          grondslag_id: grondslagId,
          aangemaakt_door: dal.actor.gebruikerId,
        })
        .execute();
      await dal.db
        .insertInto('verwijzing_status')
        .values({
          id: randomUUID(),
          organisatie_id: feiten.gemeenteId,
          verwijzing_id: id,
          van_status: null,
          naar_status: 'aangemeld',
          toelichting: null,
          door: dal.actor.gebruikerId,
          door_organisatie_id: dal.actor.organisatieId,
        })
        .execute();
      await dal.db
        .insertInto('tijdlijn_gebeurtenis')
        .values({
          id: randomUUID(),
          organisatie_id: feiten.gemeenteId,
          persoon_id: feiten.persoonId,
          soort: 'verwijzing',
          titel: `Verwezen naar ${aanbieder.naam}`,
          tekst: `${TRAJECTROUTES[b.route as Trajectroute].label}, start ${b.startdatum}.`,
          auteur_id: dal.actor.gebruikerId,
          auteur_organisatie_id: dal.actor.organisatieId,
        })
        .execute();
      await dal.audit.schrijf([
        {
          actie: 'aanmaken',
          resource: 'verwijzing',
          resourceId: id,
          persoonId: feiten.persoonId,
          organisatieId: feiten.gemeenteId,
          grondslag,
          wijzigingen: diff(null, { aanbieder: aanbieder.naam, route: b.route, doel: b.doel, startdatum: b.startdatum, status: 'aangemeld' }),
        },
        {
          actie: 'aanmaken',
          resource: 'grondslag',
          resourceId: grondslagId,
          persoonId: feiten.persoonId,
          organisatieId: feiten.gemeenteId,
          grondslag,
          toelichting: `verwijzing: ${aanbieder.naam} krijgt beperkte toegang zolang de verwijzing loopt`,
        },
      ]);
      const [dto] = await verwijzingDtos(dal, feiten.persoonId, grondslag, id);
      return dto!;
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/verwijzingen/:verwijzingId/status',
    tags,
    summary: 'De volgende stap van een verwijzing: accepteren, weigeren, starten, afronden (aanbieder) of intrekken (gemeente)',
    params: VerwijzingParams,
    persoonParam: 'persoonId',
    body: NieuweStatus,
    voorbeeld: { body: { status: 'ingetrokken', toelichting: 'Andere route gekozen (test)' } },
    response: Verwijzing,
    handler: async ({ input, dal }) => {
      const { grondslag: leesGrondslag } = await dal.vereisPersoon(input.params.persoonId, 'verwijzing.lezen');
      const v = await laadVerwijzing(dal, input.params.persoonId, input.params.verwijzingId, leesGrondslag);
      const partij = partijVan(dal, v, leesGrondslag);
      if (!partij) throw new AppError('geen_toegang', 'U kunt deze verwijzing alleen inzien.');
      const { feiten, grondslag } = await dal.vereisPersoon(v.persoon_id, partij === 'aanbieder' ? 'verwijzing.behandelen' : 'verwijzing.beheren');
      const toelichting = input.body.toelichting?.trim() || null;
      const besluit = beoordeelOvergang(v.status as Verwijzingstatus, input.body.status, partij, { toelichting, route: 'status' });
      if (!besluit.ok) {
        throw new AppError(
          besluit.fout,
          besluit.reden,
          besluit.veld ? { invalidParams: [{ name: besluit.veld, code: 'overgang', reason: besluit.reden }] } : undefined,
        );
      }
      await zetStatus(dal, v, input.body.status, toelichting, besluit.eindigt, input.body.versie);
      await dal.audit.schrijf({
        actie: besluit.eindigt ? 'afsluiten' : 'wijzigen',
        resource: 'verwijzing',
        resourceId: v.id,
        persoonId: feiten.persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: { status: { oud: v.status, nieuw: input.body.status }, ...(toelichting ? { toelichting: { oud: null, nieuw: toelichting } } : {}) },
      });
      // After the end the provider may no longer read the person: answer from what is known in this transaction.
      const [dto] = await verwijzingDtos(dal, feiten.persoonId, leesGrondslag, v.id);
      return dto!;
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/verwijzingen/:verwijzingId/terugmelding',
    tags,
    summary:
      'Terugmelden door de aanbieder: minstens één gecodeerde reden uit de lijst (één hoofdreden) plus toelichting; maakt een vervolgtaak voor de gemeente',
    params: VerwijzingParams,
    persoonParam: 'persoonId',
    body: NieuweTerugmelding,
    voorbeeld: { body: { redenen: [{ code: 'medisch' }], toelichting: 'Klachten maken het traject nu niet haalbaar (test).' } },
    status: 201,
    response: Verwijzing,
    handler: async ({ input, dal }) => {
      const { grondslag: leesGrondslag } = await dal.vereisPersoon(input.params.persoonId, 'verwijzing.lezen');
      const v = await laadVerwijzing(dal, input.params.persoonId, input.params.verwijzingId, leesGrondslag);
      const partij = partijVan(dal, v, leesGrondslag);
      if (partij !== 'aanbieder') throw new AppError('geen_toegang', 'Alleen de aanbieder naar wie is verwezen, meldt terug.');
      const { feiten, grondslag } = await dal.vereisPersoon(v.persoon_id, 'verwijzing.terugmelden');
      const b = input.body;
      const besluit = beoordeelOvergang(v.status as Verwijzingstatus, 'teruggemeld', partij, { toelichting: b.toelichting, route: 'terugmelding' });
      if (!besluit.ok) {
        throw new AppError(
          besluit.fout,
          besluit.reden,
          besluit.veld ? { invalidParams: [{ name: besluit.veld, code: 'overgang', reason: besluit.reden }] } : undefined,
        );
      }
      const datum = vandaag();
      const lijst = (await redenenVanRegio(dal.db, dal.actor.regioId)).map(naarRedenInLijst);
      const gecontroleerd = controleerRedenen(b.redenen, lijst, datum, b.toelichting);
      if (!gecontroleerd.ok) throw new AppError('niet_verwerkbaar', gecontroleerd.fouten[0]!.reason, { invalidParams: gecontroleerd.fouten });
      const id = randomUUID();
      await dal.db
        .insertInto('terugmelding')
        .values({
          id,
          organisatie_id: v.organisatie_id,
          verwijzing_id: v.id,
          persoon_id: v.persoon_id,
          toelichting: b.toelichting,
          datum,
          door: dal.actor.gebruikerId,
          door_organisatie_id: dal.actor.organisatieId,
        })
        .execute();
      await dal.db
        .insertInto('terugmelding_reden')
        .values(
          gecontroleerd.redenen.map((r) => ({
            terugmelding_id: id,
            organisatie_id: v.organisatie_id,
            reden_id: r.reden.id,
            reden_versie: r.reden.versie,
            primair: r.primair,
          })),
        )
        .execute();
      await zetStatus(dal, v, 'teruggemeld', b.toelichting, true);
      const hoofdreden = gecontroleerd.redenen.find((r) => r.primair)!.reden;
      const taakId = await maakTaak(dal.db, {
        organisatieId: v.verwijzer_organisatie_id,
        persoonId: v.persoon_id,
        soort: 'terugmelding_opvolgen',
        titel: `Terugmelding van ${v.aanbieder_naam} opvolgen`,
        omschrijving: `Hoofdreden: ${hoofdreden.label} (${TERUGMELDREDEN_CATEGORIEEN[hoofdreden.categorie].label.toLowerCase()}). Bekijk de verwijzing en bespreek de volgende stap met de persoon.`,
        bron: { type: 'terugmelding', id },
        toegewezenAan: v.aangemaakt_door,
        deadline: plusDagen(datum, OPVOLGTERMIJN_DAGEN),
      });
      await dal.audit.schrijf([
        {
          actie: 'aanmaken',
          resource: 'terugmelding',
          resourceId: id,
          persoonId: feiten.persoonId,
          organisatieId: feiten.gemeenteId,
          grondslag,
          wijzigingen: diff(null, {
            verwijzing: v.id,
            redenen: gecontroleerd.redenen.map((r) => `${r.reden.code}${r.primair ? ' (hoofdreden)' : ''}`),
            toelichting: b.toelichting,
          }),
        },
        {
          actie: 'afsluiten',
          resource: 'verwijzing',
          resourceId: v.id,
          persoonId: feiten.persoonId,
          organisatieId: feiten.gemeenteId,
          grondslag,
          wijzigingen: { status: { oud: v.status, nieuw: 'teruggemeld' } },
        },
        {
          actie: 'aanmaken',
          resource: 'taak',
          resourceId: taakId,
          persoonId: feiten.persoonId,
          organisatieId: feiten.gemeenteId,
          grondslag,
          toelichting: 'terugmelding_opvolgen',
        },
      ]);
      const [dto] = await verwijzingDtos(dal, feiten.persoonId, leesGrondslag, v.id);
      return dto!;
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/verwijzingen',
    tags,
    summary: 'Verwijzingen: voor een aanbieder de lopende aanmeldingen bij de eigen organisatie, voor een gemeente de eigen verwijzingen',
    querystring: VerwijzingenVraag,
    response: z.object({ resultaten: z.array(VerwijzingInLijst), totaal: z.number().int(), richting: z.enum(['inkomend', 'uitgaand']) }),
    handler: async ({ input, dal }) => {
      if (!rechtenVanRollen(dal.actor.rollen).has('verwijzing.lezen') || dal.actor.rollen.includes('inwoner')) {
        throw new AppError('geen_toegang', 'Uw rol heeft geen overzicht van verwijzingen.');
      }
      const inkomend = dal.actor.organisatieSoort !== 'gemeente';
      let q = dal.db
        .selectFrom('verwijzing as v')
        .innerJoin('persoon', 'persoon.id', 'v.persoon_id')
        .innerJoin('organisatie as a', 'a.id', 'v.aanbieder_id')
        .innerJoin('organisatie as g', 'g.id', 'v.organisatie_id')
        .where((eb) => dal.leesbarePersonen(eb as never));
      if (inkomend) {
        // A provider sees only running referrals to itself: an ended referral no longer gives a basis.
        q = q.where('v.aanbieder_id', '=', dal.actor.organisatieId).where('v.status', 'in', ['aangemeld', 'geaccepteerd', 'gestart']);
      } else {
        const gemeenten = await dal.gemeentenMetVolledigeGrondslag();
        q = q.where('v.organisatie_id', 'in', gemeenten.length ? gemeenten : [dal.actor.organisatieId]);
        if (input.query.status === 'lopend') q = q.where('v.status', 'in', ['aangemeld', 'geaccepteerd', 'gestart']);
      }
      const totaal = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      const rijen = await q
        .select([
          'v.id',
          'v.persoon_id',
          'v.organisatie_id',
          'v.route',
          'v.doel',
          'v.startdatum',
          'v.status',
          'v.aanbieder_id',
          'a.naam as aanbieder_naam',
          'g.naam as gemeente_naam',
          'persoon.voornaam',
          'persoon.tussenvoegsel',
          'persoon.achternaam',
          (eb) =>
            eb
              .selectFrom('verwijzing_status as s')
              .select((e) => e.fn.max('s.tijdstip').as('t'))
              .whereRef('s.verwijzing_id', '=', 'v.id')
              .as('gewijzigd_op'),
        ])
        .orderBy('v.startdatum', 'desc')
        .orderBy('v.id')
        .limit(input.query.limit)
        .offset(input.query.offset)
        .execute();
      await dal.audit.schrijf(
        rijen.map((r) => ({
          actie: 'zoeken' as const,
          resource: 'verwijzing',
          resourceId: r.id,
          persoonId: r.persoon_id,
          organisatieId: r.organisatie_id,
          toelichting: 'verwijzingenlijst',
        })),
      );
      return {
        richting: inkomend ? ('inkomend' as const) : ('uitgaand' as const),
        totaal: Number(totaal.n),
        resultaten: rijen.map((r) => ({
          id: r.id,
          persoon: { id: r.persoon_id, naam: naam(r) },
          gemeente: { id: r.organisatie_id, naam: r.gemeente_naam },
          aanbieder: { id: r.aanbieder_id, naam: r.aanbieder_naam },
          route: code(TRAJECTROUTES, r.route),
          doel: r.doel,
          startdatum: r.startdatum,
          status: code(VERWIJZINGSTATUSSEN, r.status),
          gewijzigdOp: new Date(r.gewijzigd_op ?? r.startdatum).toISOString(),
        })),
      };
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/verwijzingen/aanbieders',
    tags,
    summary: 'De organisaties in uw regio waar u naar kunt verwijzen',
    response: z.array(z.object({ id: z.uuid(), naam: z.string(), soort: z.string() })),
    handler: async ({ dal }) =>
      dal.db
        .selectFrom('organisatie')
        .select(['id', 'naam', 'soort'])
        .where('regio_id', '=', dal.actor.regioId)
        .where('actief', '=', true)
        .where('soort', 'in', [...AANBIEDER_SOORTEN])
        .orderBy('naam')
        .execute(),
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/signalering/geen-activiteit',
    tags,
    summary: 'Nu controleren welke personen drie maanden geen activiteit hadden (loopt ook dagelijks); maakt taken, toont geen personen',
    body: z.strictObject({ gemeenteId: Id.optional() }),
    voorbeeld: { body: { gemeenteId: '{gemeenteId}' } },
    response: z.object({ gecontroleerd: z.number().int(), gesignaleerd: z.number().int(), nieuweTaken: z.number().int() }),
    handler: async ({ input, dal }) => {
      const besluit = magInOrganisatie(dal.actor, 'signalering.uitvoeren', dal.actor.organisatieId);
      if (!besluit.toegestaan) throw new AppError('geen_toegang', besluit.reden);
      if (dal.actor.organisatieSoort !== 'gemeente') throw new AppError('geen_toegang', 'Alleen een gemeente controleert haar dossiers op activiteit.');
      const eigen = await dal.gemeentenMetVolledigeGrondslag();
      const gevraagd = input.body.gemeenteId;
      if (gevraagd && !eigen.includes(gevraagd))
        throw new AppError('geen_toegang', 'U controleert alleen de dossiers van uw eigen gemeente en de gemeenten waarvoor u werkt.');
      const gemeenten = gevraagd ? [gevraagd] : eigen;
      const uitkomst = await signaleerGeenActiviteit(dal.db, { gemeenten });
      await dal.audit.schrijf({ actie: 'zoeken', resource: 'signalering', toelichting: `geen_activiteit: ${uitkomst.nieuweTaken} nieuwe taken` });
      return uitkomst;
    },
  }),
];
