/**
 * What an employer may learn about how a candidate fits a vacancy's belasting: a short, non-medical
 * summary. Pure. Never an FML level, item name, medical note or anything that points at a condition —
 * only whether it fits, whether that needs a workplace adaptation, and how many points to go through
 * with the candidate's professional. Persons whose belastbaarheid is not known are said to be so.
 */
import type { Beoordeling } from '../matching/engine.js';

export const FIT_SOORTEN = {
  past: {
    label: 'Past bij de belasting van deze functie',
    uitleg: 'Wat deze functie vraagt, past bij wat de kandidaat aankan.',
  },
  past_met_aanpassing: {
    label: 'Past met een aanpassing op de werkplek',
    uitleg: 'Met een aanpassing op de werkplek past deze functie. De klantmanager vertelt u welke aanpassing.',
  },
  onbekend: {
    label: 'Belastbaarheid niet bekend',
    uitleg: 'Van deze kandidaat is nog niet vastgelegd wat hij of zij aankan. De klantmanager kan u er meer over vertellen.',
  },
} as const;
export type FitSoort = keyof typeof FIT_SOORTEN;
export const FIT_SOORT_CODES = Object.keys(FIT_SOORTEN) as [FitSoort, ...FitSoort[]];

export interface FitSamenvatting {
  soort: FitSoort;
  label: string;
  uitleg: string;
  /** Points where the work asks about as much as the candidate can: to go through together. */
  bespreekpunten: number;
  bespreekTekst: string | null;
}

export function bespreekTekst(n: number): string | null {
  if (n <= 0) return null;
  return n === 1 ? '1 punt om samen door te nemen' : `${n} punten om samen door te nemen`;
}

/**
 * null when the candidate does not fit (such candidates are not shown to an employer at all); a
 * summary otherwise. `beoordeling` null = no belastbaarheid recorded.
 */
export function fitSamenvatting(beoordeling: Beoordeling | null): FitSamenvatting | null {
  if (beoordeling === null) return { soort: 'onbekend', ...FIT_SOORTEN.onbekend, bespreekpunten: 0, bespreekTekst: null };
  if (beoordeling.mismatches > 0) return null;
  const soort: FitSoort = beoordeling.aangepast > 0 ? 'past_met_aanpassing' : 'past';
  return { soort, ...FIT_SOORTEN[soort], bespreekpunten: beoordeling.opDeGrens, bespreekTekst: bespreekTekst(beoordeling.opDeGrens) };
}

/** One published candidate as the vacancy ranking sees it. */
export interface KandidaatVoorVacature {
  persoonId: string;
  /** null: no belastbaarheid recorded. */
  beoordeling: Beoordeling | null;
  /** Position in the matching engine's order (fitting candidates only). */
  engineRang: number | null;
  /** The candidate's wished hours overlap the vacancy's. */
  urenPassen: boolean;
  /** Text relevance of the profile for the vacancy's title, function and description. */
  relevantie: number;
  /** The candidate lives in the gemeente where the work is. */
  zelfdeGemeente: boolean;
}

/**
 * The order an employer sees: first candidates whose belastbaarheid fits — in the matching engine's
 * order of fit (fewest points near the limit first) —, within the same fit those whose hours fit, then
 * by text relevance, the same gemeente, the engine's order; after them the candidates whose
 * belastbaarheid is not known, by hours, text and gemeente. Candidates that do not fit are left out.
 */
export function ordenKandidaten(kandidaten: readonly KandidaatVoorVacature[]): KandidaatVoorVacature[] {
  const passend = kandidaten.filter((k) => k.beoordeling !== null && k.beoordeling.mismatches === 0);
  const onbekend = kandidaten.filter((k) => k.beoordeling === null);
  const rest = (a: KandidaatVoorVacature, b: KandidaatVoorVacature) =>
    Number(b.urenPassen) - Number(a.urenPassen) || b.relevantie - a.relevantie || Number(b.zelfdeGemeente) - Number(a.zelfdeGemeente);
  passend.sort(
    (a, b) =>
      (a.beoordeling?.opDeGrens ?? 0) - (b.beoordeling?.opDeGrens ?? 0) ||
      rest(a, b) ||
      (a.engineRang ?? Number.MAX_SAFE_INTEGER) - (b.engineRang ?? Number.MAX_SAFE_INTEGER),
  );
  onbekend.sort((a, b) => rest(a, b) || (a.persoonId < b.persoonId ? -1 : a.persoonId > b.persoonId ? 1 : 0));
  return [...passend, ...onbekend];
}
