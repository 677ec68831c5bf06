import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { DataAccess } from '../../access/data-access.js';
import { beslis, type Grondslag, type PersoonFeiten } from '../../access/policy.js';
import { diff } from '../../audit/audit.js';
import type { PlanConceptTable } from '../../db/schema.js';
import { AppError } from '../../http/problem.js';
import { authRoute, type RouteDef } from '../../http/route.js';
import { Id, PersoonParams } from '../personen/schemas.js';
import { maakTaak, rondTakenAf } from '../taken/taken.js';
import {
  type ConceptToestand,
  geefAkkoord,
  PLAN_ONDERDEEL_CODES,
  PLAN_ONDERDELEN,
  PLAN_STATUS_CODES,
  PLAN_STATUSSEN,
  type PlanInhoud,
  PlanFout,
  type PlanStatus,
  REACTIE_ONDERDELEN,
  reageer,
  wijzigConcept,
  type Zijde,
} from './plan.js';

const tags = ['plan'];
const TEKST_MAX = 4000;
const tekstveld = z.string().max(TEKST_MAX, `Hoogstens ${TEKST_MAX} tekens.`).nullable().optional();

const PlanInvoer = z.strictObject({
  waarIkSta: tekstveld,
  waarIkNaartoeWil: tekstveld,
  watIkNodigHeb: tekstveld,
  eersteStappen: tekstveld,
  /** Send it to the professional for a response (the three questions must then be filled in). */
  indienen: z.boolean().default(false),
  /** The revision the writer started from; a different current revision is a conflict (412). */
  revisie: z.number().int().min(1).nullable().optional(),
});

export const VOORBEELD_PLAN = {
  waarIkSta: 'Ik zit nu veel thuis. Ik heb een uitkering en ik wil graag weer iets doen.',
  waarIkNaartoeWil: 'Ik wil werken in een bakkerij of een keuken, een paar dagen per week.',
  watIkNodigHeb: 'Hulp bij het zoeken en iemand die mij de eerste weken op het werk helpt.',
  eersteStappen: 'Een dag meelopen bij een bakkerij.',
  indienen: true,
};

const ReactieInvoer = z.strictObject(
  Object.fromEntries(REACTIE_ONDERDELEN.map((o) => [o, tekstveld])) as Record<(typeof REACTIE_ONDERDELEN)[number], typeof tekstveld>,
);
export const VOORBEELD_REACTIE = {
  waarIkNaartoeWil: 'Mooi doel. Bakkerij Van der Veen zoekt iemand voor twee ochtenden.',
  algemeen: 'Laten we dit bespreken.',
};

const AkkoordInvoer = z.strictObject({
  /** The revision the reader agrees to; if the text changed since, the agreement is refused (412). */
  revisie: z.number().int().min(1).nullable().optional(),
});

const Inhoud = z.object(
  Object.fromEntries(PLAN_ONDERDEEL_CODES.map((k) => [k, z.string().nullable()])) as Record<keyof PlanInhoud, z.ZodNullable<z.ZodString>>,
);
const AkkoordUit = z.object({ op: z.string(), door: z.string() }).nullable();
const Reactie = z.object({
  id: z.uuid(),
  onderdeel: z.enum(REACTIE_ONDERDELEN),
  tekst: z.string(),
  auteur: z.string(),
  op: z.string(),
  /** The revision of the text it answers; lower than the current one means the text changed since. */
  revisie: z.number().int(),
});
const Versie = z.object({
  id: z.uuid(),
  versie: z.number().int(),
  revisie: z.number().int(),
  inhoud: Inhoud,
  akkoordPersoon: z.object({ op: z.string(), door: z.string() }),
  akkoordProfessional: z.object({ op: z.string(), door: z.string() }),
  vastgesteldOp: z.string(),
  reacties: z.array(Reactie),
});
const PlanOverzicht = z.object({
  persoonId: z.uuid(),
  /** As whom the reader acts: the person themselves, or a professional. */
  zijde: z.enum(['persoon', 'professional']),
  mag: z.object({ schrijven: z.boolean(), reageren: z.boolean(), akkoord: z.boolean() }),
  onderdelen: z.array(z.object({ code: z.string(), label: z.string(), verplicht: z.boolean() })),
  concept: z
    .object({
      id: z.uuid(),
      ronde: z.number().int(),
      revisie: z.number().int(),
      status: z.enum(PLAN_STATUS_CODES),
      statusLabel: z.string(),
      inhoud: Inhoud,
      gewijzigdOp: z.string(),
      gewijzigdDoor: z.string(),
      gewijzigdDoorPersoon: z.boolean(),
      ingediendOp: z.string().nullable(),
      akkoordPersoon: AkkoordUit,
      akkoordProfessional: AkkoordUit,
      reacties: z.array(Reactie),
    })
    .nullable(),
  /** Agreed versions, newest first. */
  versies: z.array(Versie.pick({ id: true, versie: true, vastgesteldOp: true, akkoordPersoon: true, akkoordProfessional: true })),
  laatsteVersie: Versie.nullable(),
});
type Overzicht = z.input<typeof PlanOverzicht>;

type ConceptRij = {
  [K in keyof PlanConceptTable]: PlanConceptTable[K] extends import('kysely').ColumnType<infer S, unknown, unknown> ? S : PlanConceptTable[K];
};

const iso = (d: Date | string | null | undefined): string | null => (d == null ? null : new Date(d).toISOString());

function naarToestand(r: ConceptRij): ConceptToestand {
  return {
    ronde: r.ronde,
    revisie: r.revisie,
    status: r.status as PlanStatus,
    inhoud: { waarIkSta: r.waar_ik_sta, waarIkNaartoeWil: r.waar_ik_naartoe_wil, watIkNodigHeb: r.wat_ik_nodig_heb, eersteStappen: r.eerste_stappen },
    akkoord: {
      persoon: r.akkoord_persoon_op && r.akkoord_persoon_door ? { op: iso(r.akkoord_persoon_op)!, door: r.akkoord_persoon_door } : null,
      professional:
        r.akkoord_professional_op && r.akkoord_professional_door ? { op: iso(r.akkoord_professional_op)!, door: r.akkoord_professional_door } : null,
    },
  };
}

function naarKolommen(t: ConceptToestand) {
  return {
    ronde: t.ronde,
    revisie: t.revisie,
    status: t.status,
    waar_ik_sta: t.inhoud.waarIkSta,
    waar_ik_naartoe_wil: t.inhoud.waarIkNaartoeWil,
    wat_ik_nodig_heb: t.inhoud.watIkNodigHeb,
    eerste_stappen: t.inhoud.eersteStappen,
    akkoord_persoon_op: t.akkoord.persoon?.op ?? null,
    akkoord_persoon_door: t.akkoord.persoon?.door ?? null,
    akkoord_professional_op: t.akkoord.professional?.op ?? null,
    akkoord_professional_door: t.akkoord.professional?.door ?? null,
  };
}

async function laadConcept(dal: DataAccess, persoonId: string, voorWijziging = false): Promise<ConceptRij | undefined> {
  let q = dal.db.selectFrom('plan_concept').selectAll().where('persoon_id', '=', persoonId);
  if (voorWijziging) q = q.forUpdate();
  return (await q.executeTakeFirst()) as ConceptRij | undefined;
}

async function namen(dal: DataAccess, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const uniek = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (uniek.length === 0) return new Map();
  const rows = await dal.db.selectFrom('gebruiker').select(['id', 'naam']).where('id', 'in', uniek).execute();
  return new Map(rows.map((r) => [r.id, r.naam]));
}

async function laadReacties(dal: DataAccess, persoonId: string, ronde: number) {
  return dal.db
    .selectFrom('plan_reactie as r')
    .innerJoin('gebruiker as g', 'g.id', 'r.auteur_id')
    .select(['r.id', 'r.onderdeel', 'r.tekst', 'r.revisie', 'r.aangemaakt_op', 'g.naam'])
    .where('r.persoon_id', '=', persoonId)
    .where('r.ronde', '=', ronde)
    .orderBy('r.aangemaakt_op')
    .execute()
    .then((rows) =>
      rows.map((r) => ({
        id: r.id,
        onderdeel: r.onderdeel as (typeof REACTIE_ONDERDELEN)[number],
        tekst: r.tekst,
        auteur: r.naam,
        op: iso(r.aangemaakt_op)!,
        revisie: r.revisie,
      })),
    );
}

async function laadVersie(dal: DataAccess, persoonId: string, versieId: string): Promise<z.input<typeof Versie> | null> {
  const v = await dal.db.selectFrom('plan_versie').selectAll().where('persoon_id', '=', persoonId).where('id', '=', versieId).executeTakeFirst();
  if (!v) return null;
  const n = await namen(dal, [v.akkoord_persoon_door, v.akkoord_professional_door]);
  return {
    id: v.id,
    versie: v.versie,
    revisie: v.revisie,
    inhoud: { waarIkSta: v.waar_ik_sta, waarIkNaartoeWil: v.waar_ik_naartoe_wil, watIkNodigHeb: v.wat_ik_nodig_heb, eersteStappen: v.eerste_stappen },
    akkoordPersoon: { op: iso(v.akkoord_persoon_op)!, door: n.get(v.akkoord_persoon_door) ?? '' },
    akkoordProfessional: { op: iso(v.akkoord_professional_op)!, door: n.get(v.akkoord_professional_door) ?? '' },
    vastgesteldOp: iso(v.vastgesteld_op)!,
    reacties: await laadReacties(dal, persoonId, v.versie),
  };
}

const zijdeVan = (grondslag: Grondslag): Zijde => (grondslag === 'betrokkene' ? 'persoon' : 'professional');

/** The plan as the reader sees it: the current draft with the responses, and the agreed versions. */
async function overzicht(dal: DataAccess, persoonId: string, feiten: PersoonFeiten, grondslag: Grondslag): Promise<Overzicht> {
  const rij = await laadConcept(dal, persoonId);
  const versies = await dal.db
    .selectFrom('plan_versie')
    .select(['id', 'versie', 'vastgesteld_op', 'akkoord_persoon_op', 'akkoord_persoon_door', 'akkoord_professional_op', 'akkoord_professional_door'])
    .where('persoon_id', '=', persoonId)
    .orderBy('versie', 'desc')
    .execute();
  const n = await namen(dal, [
    rij?.gewijzigd_door,
    rij?.akkoord_persoon_door,
    rij?.akkoord_professional_door,
    ...versies.flatMap((v) => [v.akkoord_persoon_door, v.akkoord_professional_door]),
  ]);
  const zijde = zijdeVan(grondslag);
  const schrijven = beslis(dal.actor, 'plan.schrijven', feiten).toegestaan;
  const t = rij ? naarToestand(rij) : null;
  const akkoord = (a: ConceptToestand['akkoord'][Zijde]) => (a ? { op: a.op, door: n.get(a.door) ?? '' } : null);
  return {
    persoonId,
    zijde,
    mag: { schrijven, reageren: schrijven && zijde === 'professional', akkoord: schrijven },
    onderdelen: PLAN_ONDERDEEL_CODES.map((code) => ({ code, label: PLAN_ONDERDELEN[code].label, verplicht: PLAN_ONDERDELEN[code].verplicht })),
    concept:
      rij && t
        ? {
            id: rij.id,
            ronde: t.ronde,
            revisie: t.revisie,
            status: t.status,
            statusLabel: PLAN_STATUSSEN[t.status].label,
            inhoud: t.inhoud,
            gewijzigdOp: iso(rij.gewijzigd_op)!,
            gewijzigdDoor: n.get(rij.gewijzigd_door) ?? '',
            gewijzigdDoorPersoon: rij.gewijzigd_door_persoon,
            ingediendOp: iso(rij.ingediend_op),
            akkoordPersoon: akkoord(t.akkoord.persoon),
            akkoordProfessional: akkoord(t.akkoord.professional),
            reacties: await laadReacties(dal, persoonId, t.ronde),
          }
        : null,
    versies: versies.map((v) => ({
      id: v.id,
      versie: v.versie,
      vastgesteldOp: iso(v.vastgesteld_op)!,
      akkoordPersoon: { op: iso(v.akkoord_persoon_op)!, door: n.get(v.akkoord_persoon_door) ?? '' },
      akkoordProfessional: { op: iso(v.akkoord_professional_op)!, door: n.get(v.akkoord_professional_door) ?? '' },
    })),
    laatsteVersie: versies[0] ? await laadVersie(dal, persoonId, versies[0].id) : null,
  };
}

/** Domain refusals → problem+json with the fields they are about; nothing is stored. */
function alsProbleem(e: unknown): never {
  if (e instanceof PlanFout) {
    const invalidParams = e.fouten.map((f) => ({ name: `body.${f.veld}`, code: f.code, reason: f.reden }));
    switch (e.code) {
      case 'versieconflict':
        throw new AppError('versieconflict', e.message);
      case 'onvolledig':
      case 'lege_reactie':
        throw new AppError('niet_verwerkbaar', e.message, { invalidParams });
      default:
        throw new AppError('conflict', e.message);
    }
  }
  throw e;
}

function tijdlijn(dal: DataAccess, feiten: PersoonFeiten, titel: string, tekst: string | null) {
  return dal.db
    .insertInto('tijdlijn_gebeurtenis')
    .values({
      id: randomUUID(),
      organisatie_id: feiten.gemeenteId,
      persoon_id: feiten.persoonId,
      soort: 'dossier',
      titel,
      tekst,
      auteur_id: dal.actor.gebruikerId,
      auteur_organisatie_id: dal.actor.organisatieId,
    })
    .execute();
}

const PlanVersieParams = z.strictObject({ persoonId: Id, versieId: Id });

export const planRoutes: RouteDef[] = [
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/plan',
    tags,
    summary: 'Het eigen plan van de persoon: het huidige concept met de reacties van de professional, en de afgesproken versies',
    persoonParam: 'persoonId',
    params: PersoonParams,
    response: PlanOverzicht,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'plan.lezen');
      await dal.audit.schrijf({ actie: 'lezen', resource: 'plan', persoonId, organisatieId: feiten.gemeenteId, grondslag });
      return overzicht(dal, persoonId, feiten, grondslag);
    },
  }),
  authRoute({
    method: 'PUT',
    url: '/api/v1/personen/:persoonId/plan',
    tags,
    summary:
      'Het eigen plan schrijven (de persoon, of de professional samen met de persoon): waar sta ik, waar wil ik naartoe, wat heb ik nodig, eerste stappen. Met indienen: true gaat het naar de professional (er komt een taak). Na een afgesproken versie begint een wijziging een nieuw concept.',
    persoonParam: 'persoonId',
    params: PersoonParams,
    body: PlanInvoer,
    voorbeeld: { body: VOORBEELD_PLAN },
    response: PlanOverzicht,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'plan.schrijven');
      const rij = await laadConcept(dal, persoonId, true);
      const oud = rij ? naarToestand(rij) : null;
      const { indienen, revisie, ...tekst } = input.body;
      let w: ReturnType<typeof wijzigConcept>;
      try {
        w = wijzigConcept(oud, { waarIkSta: null, waarIkNaartoeWil: null, watIkNodigHeb: null, eersteStappen: null, ...tekst }, indienen, revisie);
      } catch (e) {
        alsProbleem(e);
      }
      const doorPersoon = grondslag === 'betrokkene';
      const id = rij?.id ?? randomUUID();
      const veranderd = !oud || w.inhoudGewijzigd || w.nieuweRonde || w.toestand.status !== oud.status;
      if (veranderd) {
        const kolommen = {
          ...naarKolommen(w.toestand),
          gewijzigd_door: w.inhoudGewijzigd || !rij ? dal.actor.gebruikerId : rij.gewijzigd_door,
          gewijzigd_door_persoon: w.inhoudGewijzigd || !rij ? doorPersoon : rij.gewijzigd_door_persoon,
          gewijzigd_op: w.inhoudGewijzigd || !rij ? sql<Date>`clock_timestamp()` : (rij.gewijzigd_op as Date),
          ingediend_op: w.nuIngediend ? sql<Date>`clock_timestamp()` : w.nieuweRonde ? null : (rij?.ingediend_op ?? null),
        };
        if (!rij) {
          await dal.db
            .insertInto('plan_concept')
            .values({ id, organisatie_id: feiten.gemeenteId, persoon_id: persoonId, ...kolommen })
            .execute();
        } else {
          await dal.db.updateTable('plan_concept').set(kolommen).where('id', '=', id).execute();
        }
        await dal.audit.schrijf({
          actie: rij ? 'wijzigen' : 'aanmaken',
          resource: 'plan_concept',
          resourceId: id,
          persoonId,
          organisatieId: feiten.gemeenteId,
          grondslag,
          wijzigingen: diff(rij ? { ...naarKolommen(oud!) } : null, naarKolommen(w.toestand)),
          toelichting: w.nieuweRonde && rij ? `nieuw concept (ronde ${w.toestand.ronde})` : null,
        });
      }
      if (w.nuIngediend) {
        // The person asks for a response: a task for the gemeente, for the assigned klantmanager if there is one.
        if (doorPersoon) {
          const km = await dal.db
            .selectFrom('toewijzing')
            .select('gebruiker_id')
            .where('persoon_id', '=', persoonId)
            .where('rol', '=', 'klantmanager')
            .where((eb) => eb.or([eb('tot', 'is', null), eb('tot', '>', sql<string>`current_date`)]))
            .orderBy('van', 'desc')
            .executeTakeFirst();
          await maakTaak(dal.db, {
            organisatieId: feiten.gemeenteId,
            persoonId,
            soort: 'plan_reactie',
            titel: 'Reageren op het eigen plan',
            omschrijving: `De persoon heeft het eigen plan ingediend (versie ${w.toestand.ronde}, tekst ${w.toestand.revisie}). Lees het en reageer per onderdeel.`,
            bron: { type: 'plan_concept', id },
            toegewezenAan: km?.gebruiker_id ?? null,
          });
        }
        await tijdlijn(dal, feiten, 'Eigen plan ingediend', doorPersoon ? 'De persoon vraagt om een reactie op het plan.' : 'Samen met de persoon geschreven.');
      }
      return overzicht(dal, persoonId, feiten, grondslag);
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/plan/reacties',
    tags,
    summary: 'Reactie van de professional op het eigen plan, per onderdeel (of op het geheel). Sluit de taak om te reageren.',
    persoonParam: 'persoonId',
    status: 201,
    params: PersoonParams,
    body: ReactieInvoer,
    voorbeeld: { body: VOORBEELD_REACTIE },
    response: PlanOverzicht,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'plan.schrijven');
      if (zijdeVan(grondslag) === 'persoon') {
        dal.weigeringen.push({
          actie: 'geweigerd',
          resource: 'plan_reactie',
          persoonId,
          organisatieId: feiten.gemeenteId,
          toelichting: 'plan.schrijven (reactie)',
        });
        throw new AppError('geen_toegang', 'Op uw plan reageert de professional. U kunt uw plan zelf aanpassen.');
      }
      const rij = await laadConcept(dal, persoonId, true);
      let r: ReturnType<typeof reageer>;
      try {
        r = reageer(rij ? naarToestand(rij) : null, input.body);
      } catch (e) {
        alsProbleem(e);
      }
      const concept = rij!;
      await dal.db
        .insertInto('plan_reactie')
        .values(
          r.reacties.map((x) => ({
            id: randomUUID(),
            organisatie_id: feiten.gemeenteId,
            persoon_id: persoonId,
            ronde: r.toestand.ronde,
            revisie: r.toestand.revisie,
            onderdeel: x.onderdeel,
            tekst: x.tekst,
            auteur_id: dal.actor.gebruikerId,
          })),
        )
        .execute();
      if (concept.status !== r.toestand.status)
        await dal.db.updateTable('plan_concept').set({ status: r.toestand.status }).where('id', '=', concept.id).execute();
      await rondTakenAf(dal.db, { soort: 'plan_reactie', bronId: concept.id }, dal.actor.gebruikerId, 'Gereageerd op het plan.');
      await dal.audit.schrijf({
        actie: 'aanmaken',
        resource: 'plan_reactie',
        resourceId: concept.id,
        persoonId,
        organisatieId: feiten.gemeenteId,
        grondslag,
        wijzigingen: diff(null, Object.fromEntries(r.reacties.map((x) => [x.onderdeel, x.tekst]))),
      });
      await tijdlijn(dal, feiten, 'Reactie op het eigen plan', null);
      return overzicht(dal, persoonId, feiten, grondslag);
    },
  }),
  authRoute({
    method: 'POST',
    url: '/api/v1/personen/:persoonId/plan/akkoord',
    tags,
    summary:
      'Akkoord met het huidige concept: de persoon (als zichzelf) of de professional. Als beiden akkoord zijn, wordt het plan een afgesproken versie die bewaard blijft.',
    persoonParam: 'persoonId',
    params: PersoonParams,
    body: AkkoordInvoer,
    voorbeeld: { body: {} },
    response: PlanOverzicht,
    handler: async ({ input, dal }) => {
      const persoonId = input.params.persoonId;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'plan.schrijven');
      const zijde = zijdeVan(grondslag);
      const rij = await laadConcept(dal, persoonId, true);
      const oud = rij ? naarToestand(rij) : null;
      let a: ReturnType<typeof geefAkkoord>;
      try {
        a = geefAkkoord(oud, zijde, { op: new Date().toISOString(), door: dal.actor.gebruikerId }, input.body.revisie);
      } catch (e) {
        alsProbleem(e);
      }
      const concept = rij!;
      if (!a.alGegeven) {
        await dal.db.updateTable('plan_concept').set(naarKolommen(a.toestand)).where('id', '=', concept.id).execute();
        await dal.audit.schrijf({
          actie: 'wijzigen',
          resource: 'plan_concept',
          resourceId: concept.id,
          persoonId,
          organisatieId: feiten.gemeenteId,
          grondslag,
          wijzigingen: diff(naarKolommen(oud!), naarKolommen(a.toestand)),
          toelichting: `akkoord ${zijde}`,
        });
      }
      if (a.vastgesteld) {
        const t = a.toestand;
        const versieId = randomUUID();
        await dal.db
          .insertInto('plan_versie')
          .values({
            id: versieId,
            organisatie_id: feiten.gemeenteId,
            persoon_id: persoonId,
            versie: t.ronde,
            revisie: t.revisie,
            waar_ik_sta: t.inhoud.waarIkSta!,
            waar_ik_naartoe_wil: t.inhoud.waarIkNaartoeWil!,
            wat_ik_nodig_heb: t.inhoud.watIkNodigHeb!,
            eerste_stappen: t.inhoud.eersteStappen,
            akkoord_persoon_op: t.akkoord.persoon!.op,
            akkoord_persoon_door: t.akkoord.persoon!.door,
            akkoord_professional_op: t.akkoord.professional!.op,
            akkoord_professional_door: t.akkoord.professional!.door,
          })
          .execute();
        await dal.audit.schrijf({
          actie: 'aanmaken',
          resource: 'plan_versie',
          resourceId: versieId,
          persoonId,
          organisatieId: feiten.gemeenteId,
          grondslag,
          wijzigingen: diff(null, { versie: t.ronde, revisie: t.revisie }),
        });
        await rondTakenAf(dal.db, { soort: 'plan_reactie', bronId: concept.id }, dal.actor.gebruikerId, `Plan afgesproken (versie ${t.ronde}).`);
        await tijdlijn(dal, feiten, `Eigen plan afgesproken (versie ${t.ronde})`, 'De persoon en de professional zijn allebei akkoord.');
      }
      return overzicht(dal, persoonId, feiten, grondslag);
    },
  }),
  authRoute({
    method: 'GET',
    url: '/api/v1/personen/:persoonId/plan/versies/:versieId',
    tags,
    summary: 'Eén afgesproken versie van het eigen plan, met wie wanneer akkoord gaf en de reacties van toen',
    persoonParam: 'persoonId',
    params: PlanVersieParams,
    response: Versie,
    handler: async ({ input, dal }) => {
      const { persoonId, versieId } = input.params;
      const { feiten, grondslag } = await dal.vereisPersoon(persoonId, 'plan.lezen');
      const v = await laadVersie(dal, persoonId, versieId);
      if (!v) throw new AppError('niet_gevonden', 'Deze versie van het plan bestaat niet.');
      await dal.audit.schrijf({ actie: 'lezen', resource: 'plan_versie', resourceId: versieId, persoonId, organisatieId: feiten.gemeenteId, grondslag });
      return v;
    },
  }),
];
