import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { TRAJECTROUTE_CODES, TRAJECTROUTES } from '../../../shared/codes.js';
import type { DataAccess } from '../../access/data-access.js';
import { beslis, type Grondslag, magInOrganisatie, type PersoonFeiten } from '../../access/policy.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../http/problem.js';
import {
  BESCHERMDE_GRONDEN,
  CATALOGUS_VERSIE,
  effectiefKader,
  FACTOREN,
  type FactorGrens,
  type Factorwaarden,
  type Gemeentekader,
  type Regiogrenzen,
  type Schending,
  standaardGemeentekader,
  standaardRegiogrenzen,
  type Waardebron,
} from './afwegingskader.js';
import type { ArgumentenOverzicht, KaderInfo } from './schemas.js';
import { vandaag } from '../../../shared/datum.js';

export function alsInvalidParams(fouten: Schending[]) {
  return fouten.map((f) => ({ name: `body.${f.veld}`, code: f.code, reason: f.reden }));
}

/** A domain refusal as 400 problem+json; a protected ground is named in the detail. */
export function weiger(fouten: Schending[], algemeen: string): never {
  const gronden = [...new Set(fouten.filter((f) => f.grond).map((f) => BESCHERMDE_GRONDEN[f.grond!].label))];
  const detail =
    gronden.length > 0
      ? `Geweigerd: een beschermde grond (${gronden.join(', ')}) mag nooit tegen de persoon wegen en telt niet mee in het advies. ${fouten.find((f) => f.grond)!.reden}`
      : algemeen;
  throw new AppError('ongeldige_invoer', detail, { invalidParams: alsInvalidParams(fouten) });
}

export interface GeldendKader {
  regio: {
    id: string | null;
    versie: number | null;
    geldigVan: string | null;
    bron: string;
    toelichting: string | null;
    grenzen: Regiogrenzen;
    beheerder: { id: string; naam: string } | null;
  };
  gemeente: {
    id: string;
    naam: string;
    kaderId: string | null;
    versie: number | null;
    geldigVan: string | null;
    bron: string;
    gewijzigdOp: string | null;
    eigen: Gemeentekader | null;
    onderbouwing: Record<string, string>;
  } | null;
  effectief: Gemeentekader;
  aanpassingen: string[];
}

/** Stored bounds over the catalogue's defaults; protected grounds always keep their neutral default. */
function samengevoegdeGrenzen(opgeslagen: unknown): Regiogrenzen {
  const basis = standaardRegiogrenzen();
  const o = (opgeslagen ?? {}) as Record<string, FactorGrens>;
  for (const f of FACTOREN) if (!f.beschermdeGrond && o[f.code]) basis[f.code] = o[f.code]!;
  return basis;
}

/** The bounds and weights in force on `peildatum` for a gemeente (or only the region's, without one). */
export async function geldendKader(db: Kysely<Database>, regioId: string, gemeenteId: string | null, peildatum = vandaag()): Promise<GeldendKader> {
  const regio = await db
    .selectFrom('afweging_regiokader')
    .selectAll()
    .where('regio_id', '=', regioId)
    .where('geldig_van', '<=', peildatum)
    .orderBy('geldig_van', 'desc')
    .orderBy('versie', 'desc')
    .executeTakeFirst();
  const beheer = await db
    .selectFrom('afweging_regiobeheer as b')
    .innerJoin('organisatie as o', 'o.id', 'b.organisatie_id')
    .select(['o.id', 'o.naam'])
    .where('b.regio_id', '=', regioId)
    .executeTakeFirst();
  const grenzen = samengevoegdeGrenzen(regio?.grenzen);
  let gemeente: GeldendKader['gemeente'] = null;
  if (gemeenteId) {
    const org = await db.selectFrom('organisatie').select(['id', 'naam', 'soort', 'regio_id']).where('id', '=', gemeenteId).executeTakeFirst();
    if (org?.soort !== 'gemeente' || org.regio_id !== regioId) throw new AppError('niet_gevonden', 'Deze gemeente bestaat niet in uw regio.');
    const g = await db
      .selectFrom('afweging_gemeentekader')
      .selectAll()
      .where('organisatie_id', '=', gemeenteId)
      .where('geldig_van', '<=', peildatum)
      .orderBy('geldig_van', 'desc')
      .orderBy('versie', 'desc')
      .executeTakeFirst();
    gemeente = {
      id: org.id,
      naam: org.naam,
      kaderId: g?.id ?? null,
      versie: g?.versie ?? null,
      geldigVan: g?.geldig_van ?? null,
      bron: g?.bron ?? 'Geen eigen gewichten vastgelegd: de standaardgewichten van het afwegingskader gelden.',
      gewijzigdOp: g ? new Date(g.gewijzigd_op).toISOString() : null,
      eigen: g ? { ...standaardGemeentekader(), ...(g.gewichten as Gemeentekader) } : null,
      onderbouwing: (g?.onderbouwing ?? {}) as Record<string, string>,
    };
  }
  const { kader, aanpassingen } = effectiefKader(gemeente?.eigen ?? null, grenzen);
  return {
    regio: {
      id: regio?.id ?? null,
      versie: regio?.versie ?? null,
      geldigVan: regio?.geldig_van ?? null,
      bron: regio?.bron ?? 'Geen regionale grenzen vastgelegd: de standaardgrenzen van het afwegingskader gelden.',
      toelichting: regio?.toelichting ?? null,
      grenzen,
      beheerder: beheer ?? null,
    },
    gemeente,
    effectief: kader,
    aanpassingen,
  };
}

export function kaderInfo(k: GeldendKader): z.input<typeof KaderInfo> {
  const delen = [
    k.gemeente?.versie ? `gewichten van ${k.gemeente.naam} versie ${k.gemeente.versie} (vanaf ${k.gemeente.geldigVan})` : 'standaardgewichten',
    k.regio.versie ? `grenzen van de regio versie ${k.regio.versie} (vanaf ${k.regio.geldigVan})` : 'standaardgrenzen van de regio',
  ];
  return {
    catalogusVersie: CATALOGUS_VERSIE,
    gemeenteVersie: k.gemeente?.versie ?? null,
    gemeenteGeldigVan: k.gemeente?.geldigVan ?? null,
    regioVersie: k.regio.versie,
    regioGeldigVan: k.regio.geldigVan,
    omschrijving: `Afwegingskader ${CATALOGUS_VERSIE}: ${delen.join(', ')}.`,
  };
}

/** Who may change the gemeente's weights and the region's bounds. */
export function rechtenOpKader(dal: DataAccess, k: GeldendKader): { gemeente: boolean; regio: boolean } {
  return {
    gemeente: Boolean(k.gemeente) && magInOrganisatie(dal.actor, 'afwegingskader.beheren', k.gemeente!.id).toegestaan,
    regio: Boolean(k.regio.beheerder) && magInOrganisatie(dal.actor, 'afwegingskader.regio_beheren', k.regio.beheerder!.id).toegestaan,
  };
}

export function argumentenOverzicht(k: GeldendKader, mag: { gemeente: boolean; regio: boolean }): z.input<typeof ArgumentenOverzicht> {
  return {
    catalogusVersie: CATALOGUS_VERSIE,
    routes: TRAJECTROUTE_CODES.map((r) => ({ code: r, label: TRAJECTROUTES[r].label, soort: TRAJECTROUTES[r].soort })),
    beschermdeGronden: Object.entries(BESCHERMDE_GRONDEN).map(([code, g]) => ({ code, label: g.label, wet: g.wet })),
    factoren: FACTOREN.map((f) => {
      const s = f.waarde;
      const grens = k.regio.grenzen[f.code] ?? f.standaardGrenzen;
      return {
        code: f.code,
        label: f.label,
        omschrijving: f.omschrijving,
        vraagB1: f.vraagB1,
        waarde: {
          soort: s.soort,
          ...(s.soort === 'schaal' || s.soort === 'getal' ? { min: s.min, max: s.max } : {}),
          ...(s.soort === 'getal' ? { eenheid: s.eenheid } : {}),
          opties:
            s.soort === 'schaal'
              ? Object.entries(s.labels).map(([code, label]) => ({ code, label }))
              : s.soort === 'keuze'
                ? Object.entries(s.opties).map(([code, o]) => ({ code, label: o.label }))
                : s.soort === 'route'
                  ? [{ code: 'geen_voorkeur', label: 'Nog geen voorkeur' }, ...TRAJECTROUTE_CODES.map((r) => ({ code: r, label: TRAJECTROUTES[r].label }))]
                  : s.soort === 'gronden'
                    ? Object.entries(BESCHERMDE_GRONDEN)
                        .filter(([c]) => c !== 'werkgeversweerstand')
                        .map(([code, g]) => ({ code, label: g.label }))
                    : [],
        },
        bron: f.bron,
        beschermdeGrond: f.beschermdeGrond,
        grondLabel: f.beschermdeGrond ? BESCHERMDE_GRONDEN[f.beschermdeGrond].label : null,
        vastleggen: f.vastleggen,
        onderbouwing: f.onderbouwing,
        standaardGewicht: f.standaardGewicht,
        effecten: Object.entries(f.effecten).map(([route, e]) => ({
          route,
          routeLabel: TRAJECTROUTES[route as keyof typeof TRAJECTROUTES].label,
          richting: e.richting,
          signaal: e.signaal ?? null,
          aandeel: e.aandeel ?? 1,
          uitleg: e.uitleg,
        })),
        grens: { minGewicht: grens.minGewicht, maxGewicht: grens.maxGewicht, richtingen: grens.richtingen as Record<string, ('voor' | 'tegen' | 'geen')[]> },
        instelling: { gewicht: k.effectief[f.code]!.gewicht, richtingen: k.effectief[f.code]!.richtingen as Record<string, 'voor' | 'tegen' | 'geen'> },
        onderbouwingGemeente: k.gemeente?.onderbouwing[f.code] ?? null,
      };
    }),
    regio: {
      versie: k.regio.versie,
      geldigVan: k.regio.geldigVan,
      bron: k.regio.bron,
      toelichting: k.regio.toelichting,
      beheerder: k.regio.beheerder,
      magBeheren: mag.regio,
    },
    gemeente: k.gemeente
      ? {
          id: k.gemeente.id,
          naam: k.gemeente.naam,
          versie: k.gemeente.versie,
          geldigVan: k.gemeente.geldigVan,
          bron: k.gemeente.bron,
          gewijzigdOp: k.gemeente.gewijzigdOp,
          magBeheren: mag.gemeente,
        }
      : null,
    aanpassingen: k.aanpassingen,
  };
}

/**
 * Values the dossier already holds: the latest brede diagnose (motivation, ladder, leefgebieden) when
 * that module's tables exist and the reader may see it, and whether a belastbaarheid profile exists.
 * Never a protected ground.
 */
export async function voorinvulling(
  dal: DataAccess,
  feiten: PersoonFeiten,
  grondslag: Grondslag,
): Promise<{ waarden: Factorwaarden; bronnen: Record<string, Waardebron>; herkomst: string[] }> {
  const persoonId = feiten.persoonId;
  const waarden: Factorwaarden = {};
  const bronnen: Record<string, Waardebron> = {};
  const herkomst: string[] = [];
  if (beslis(dal.actor, 'belastbaarheid.lezen', feiten).toegestaan) {
    const fml = await dal.db
      .selectFrom('belastbaarheid_item')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('vastgesteld_op').as('laatste')])
      .where('persoon_id', '=', persoonId)
      .executeTakeFirst();
    waarden.belastbaarheid_bekend = Number(fml?.n ?? 0) > 0;
    bronnen.belastbaarheid_bekend = 'dossier';
    await dal.audit.schrijf({
      actie: 'lezen',
      resource: 'belastbaarheid_item',
      persoonId,
      organisatieId: feiten.gemeenteId,
      grondslag,
      toelichting: 'Of er een belastbaarheidsprofiel is, voor het afwegingskader',
    });
    herkomst.push(
      waarden.belastbaarheid_bekend
        ? `Belastbaarheid: er is een profiel vastgelegd (laatste op ${String(fml?.laatste).slice(0, 10)}).`
        : 'Belastbaarheid: er is nog geen profiel vastgelegd.',
    );
  }
  const diagnose = await laatsteDiagnose(dal, feiten, grondslag);
  if (diagnose) {
    for (const [code, w] of Object.entries(diagnose.waarden)) {
      waarden[code] = w;
      bronnen[code] = 'diagnose';
    }
    herkomst.push(diagnose.omschrijving);
  }
  return { waarden, bronnen, herkomst };
}

/** The diagnose fields the afwegingskader uses, mapped to its factor codes (leefgebied codes of module diagnose). */
const DIAGNOSE_LEEFGEBIEDEN = FACTOREN.filter(
  (f) => f.bron === 'diagnose' && f.diagnoseVeld && f.diagnoseVeld !== 'motivatie' && f.diagnoseVeld !== 'participatieladder',
);

/**
 * The latest brede diagnose of the person (module diagnose, migration 0010), preferring the
 * professional's perspective on the same date. Only when the reader may see the diagnose.
 */
async function laatsteDiagnose(dal: DataAccess, feiten: PersoonFeiten, grondslag: Grondslag): Promise<{ waarden: Factorwaarden; omschrijving: string } | null> {
  if (!beslis(dal.actor, 'diagnose.lezen', feiten).toegestaan) return null;
  const persoonId = feiten.persoonId;
  const d = await dal.db
    .selectFrom('diagnose')
    .select(['id', 'datum', 'perspectief', 'participatieladder', 'motivatie_score'])
    .where('persoon_id', '=', persoonId)
    .orderBy('datum', 'desc')
    .orderBy(sql`(perspectief = 'professional')`, 'desc')
    .orderBy('aangemaakt_op', 'desc')
    .executeTakeFirst();
  if (!d) return null;
  const lg = await dal.db.selectFrom('diagnose_leefgebied').select(['leefgebied', 'score']).where('diagnose_id', '=', d.id).execute();
  const waarden: Factorwaarden = {};
  if (d.motivatie_score != null) waarden.motivatie = Number(d.motivatie_score);
  if (d.participatieladder != null) waarden.participatieladder = Number(d.participatieladder);
  for (const f of DIAGNOSE_LEEFGEBIEDEN) {
    const r = lg.find((x) => x.leefgebied === f.diagnoseVeld);
    if (r) waarden[f.code] = Number(r.score);
  }
  await dal.audit.schrijf({
    actie: 'lezen',
    resource: 'diagnose',
    resourceId: d.id,
    persoonId,
    organisatieId: feiten.gemeenteId,
    grondslag,
    toelichting: 'Overgenomen in het afwegingskader',
  });
  const datum = String(d.datum).slice(0, 10);
  return {
    waarden,
    omschrijving: `Brede diagnose van ${datum} (${d.perspectief === 'persoon' ? 'eigen beeld van de persoon' : 'beeld van de professional'}).`,
  };
}
