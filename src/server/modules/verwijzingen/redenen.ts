/**
 * Return reasons (terugmeldredenen): a maintained regional code list, so a return is never registered
 * "only in general terms" (seed 001, Leiden). The standard list below is where a region starts; the
 * region's maintainer (normally the centrumgemeente) adds and retires reasons. A reason that has been
 * used is never deleted, only retired (geldig_tot), so old returns keep their meaning.
 * Pure: no SQL, no HTTP.
 */
import type { TerugmeldredenCategorie } from '../../../shared/codes.js';
import type { InvalidParam } from '../../http/problem.js';

export interface StandaardReden {
  code: string;
  label: string;
  omschrijving: string;
  categorie: TerugmeldredenCategorie;
  toelichtingVerplicht?: boolean;
}

export const STANDAARDLIJST_BRON =
  'Regionale standaardlijst Passend (issue 5), naar de ervaring van de gemeente Leiden: terugmeldingen die alleen in algemene termen werden vastgelegd (Divosa, Vakkundig aan het werk).';

export const STANDAARD_TERUGMELDREDENEN: readonly StandaardReden[] = [
  { code: 'werk_gevonden', label: 'Werk gevonden', omschrijving: 'De persoon heeft betaald werk gevonden (uitstroom).', categorie: 'positief' },
  { code: 'opleiding_gestart', label: 'Opleiding gestart', omschrijving: 'De persoon is met een opleiding of scholing begonnen.', categorie: 'positief' },
  {
    code: 'medisch',
    label: 'Medische redenen',
    omschrijving: 'Lichamelijke of psychische klachten maken het traject nu niet haalbaar.',
    categorie: 'negatief',
  },
  {
    code: 'zorgbehoefte',
    label: 'Eerst zorg of begeleiding nodig',
    omschrijving: 'Er is eerst zorg of begeleiding nodig (wijkteam, ggz, Wmo).',
    categorie: 'negatief',
  },
  { code: 'motivatie', label: 'Motivatie', omschrijving: 'De persoon wil (nu) niet aan dit traject meewerken.', categorie: 'negatief' },
  { code: 'taal', label: 'Taal', omschrijving: 'De Nederlandse taal is (nog) een te grote drempel.', categorie: 'negatief' },
  {
    code: 'kinderopvang',
    label: 'Kinderopvang of mantelzorg',
    omschrijving: 'De zorg voor kinderen of een naaste past niet bij het traject.',
    categorie: 'negatief',
  },
  { code: 'schulden', label: 'Schulden', omschrijving: 'Financiële problemen of schulden staan het traject in de weg.', categorie: 'negatief' },
  { code: 'huisvesting', label: 'Huisvesting', omschrijving: 'Geen (stabiele) woonplek.', categorie: 'negatief' },
  { code: 'verslaving', label: 'Verslaving', omschrijving: 'Middelengebruik staat het traject in de weg.', categorie: 'negatief' },
  { code: 'justitie', label: 'Justitie', omschrijving: 'Detentie, een taakstraf of een andere justitiële maatregel.', categorie: 'negatief' },
  { code: 'vervoer', label: 'Vervoer', omschrijving: 'De persoon kan de plek van het traject niet (betaalbaar) bereiken.', categorie: 'negatief' },
  { code: 'niet_verschenen', label: 'Niet verschenen of geen contact', omschrijving: 'De persoon kwam niet en was niet bereikbaar.', categorie: 'negatief' },
  { code: 'traject_past_niet', label: 'Traject past niet', omschrijving: 'Het aanbod past niet bij wat de persoon nodig heeft.', categorie: 'negatief' },
  { code: 'verhuisd', label: 'Verhuisd', omschrijving: 'De persoon is naar een andere gemeente verhuisd.', categorie: 'neutraal' },
  { code: 'overleden', label: 'Overleden', omschrijving: 'De persoon is overleden.', categorie: 'neutraal' },
  {
    code: 'anders_met_toelichting',
    label: 'Anders (met toelichting)',
    omschrijving: 'Een andere reden; beschrijf die concreet in de toelichting.',
    categorie: 'neutraal',
    toelichtingVerplicht: true,
  },
];

/** A concrete explanation for "anders": at least this many characters. */
export const MINIMALE_CONCRETE_TOELICHTING = 20;
export const MAXIMAAL_AANTAL_REDENEN = 5;

export interface RedenInLijst {
  id: string;
  code: string;
  label: string;
  categorie: TerugmeldredenCategorie;
  versie: number;
  geldigVan: string;
  geldigTot: string | null;
  toelichtingVerplicht: boolean;
}

export interface GekozenReden {
  code: string;
  primair?: boolean | undefined;
}

/** Is the reason in use on this date (`geldig_tot` is exclusive)? */
export function redenGeldig(r: Pick<RedenInLijst, 'geldigVan' | 'geldigTot'>, datum: string): boolean {
  return r.geldigVan <= datum && (r.geldigTot === null || r.geldigTot > datum);
}

export type RedenenUitkomst = { ok: true; redenen: { reden: RedenInLijst; primair: boolean }[] } | { ok: false; fouten: InvalidParam[] };

/**
 * Checks the coded reasons of a return against the region's list on the date of the return: at least
 * one, known and in use, no doubles, exactly one primary (a single reason is primary by itself), and a
 * concrete explanation where the reason asks for one.
 */
export function controleerRedenen(gekozen: readonly GekozenReden[], lijst: readonly RedenInLijst[], datum: string, toelichting: string): RedenenUitkomst {
  const fouten: InvalidParam[] = [];
  if (gekozen.length === 0) {
    return {
      ok: false,
      fouten: [{ name: 'redenen', code: 'verplicht', reason: 'Kies minstens één reden uit de lijst. Alleen een toelichting is niet genoeg.' }],
    };
  }
  if (gekozen.length > MAXIMAAL_AANTAL_REDENEN) {
    fouten.push({ name: 'redenen', code: 'te_veel', reason: `Kies hoogstens ${MAXIMAAL_AANTAL_REDENEN} redenen.` });
  }
  const perCode = new Map(lijst.map((r) => [r.code, r]));
  const gezien = new Set<string>();
  const gevonden: { reden: RedenInLijst; primair: boolean }[] = [];
  for (const [i, g] of gekozen.entries()) {
    const reden = perCode.get(g.code);
    if (!reden) {
      fouten.push({ name: `redenen.${i}.code`, code: 'onbekend', reason: `"${g.code}" staat niet in de lijst van terugmeldredenen.` });
      continue;
    }
    if (!redenGeldig(reden, datum)) {
      fouten.push({ name: `redenen.${i}.code`, code: 'niet_geldig', reason: `De reden "${reden.label}" is niet (meer) in gebruik.` });
      continue;
    }
    if (gezien.has(g.code)) {
      fouten.push({ name: `redenen.${i}.code`, code: 'dubbel', reason: `De reden "${reden.label}" staat er twee keer in.` });
      continue;
    }
    gezien.add(g.code);
    if (reden.toelichtingVerplicht && toelichting.trim().length < MINIMALE_CONCRETE_TOELICHTING) {
      fouten.push({
        name: 'toelichting',
        code: 'te_kort',
        reason: `Bij "${reden.label}" beschrijft u de reden concreet (minstens ${MINIMALE_CONCRETE_TOELICHTING} tekens).`,
      });
    }
    gevonden.push({ reden, primair: gekozen.length === 1 ? true : g.primair === true });
  }
  if (fouten.length === 0) {
    const primair = gevonden.filter((g) => g.primair).length;
    if (primair !== 1) fouten.push({ name: 'redenen', code: 'hoofdreden', reason: 'Kies precies één hoofdreden.' });
  }
  return fouten.length > 0 ? { ok: false, fouten } : { ok: true, redenen: gevonden };
}

/** Checks a change to the list: the validity dates must make sense. */
export function controleerGeldigheid(geldigVan: string, geldigTot: string | null): InvalidParam[] {
  return geldigTot !== null && geldigTot < geldigVan ? [{ name: 'geldigTot', code: 'volgorde', reason: 'De einddatum ligt vóór de begindatum.' }] : [];
}
