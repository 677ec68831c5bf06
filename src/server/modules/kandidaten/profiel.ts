/**
 * Kandidaatprofiel: what an employer may see of a candidate, and how complete it is. Pure.
 * Minimal by design: no name, BSN, address, phone or e-mail, and no medical terms — work conditions
 * come from a fixed list of plain descriptions (WERKCONDITIES).
 */
import { willekeurigeBytes } from '../../crypto/secrets.js';

export interface ProfielVelden {
  wensen: string | null;
  kwaliteiten: string | null;
  sectoren: readonly string[];
  gewensteFuncties: readonly string[];
  opleidingsniveau: string | null;
  urenMin: number | null;
  urenMax: number | null;
  beschikbaarVanaf: string | null;
  werkcondities: readonly string[];
  banenafspraak: boolean;
}

/** Weights of the completeness score (sum 100): what an employer needs most to judge a candidate. */
export const COMPLEETHEID = {
  wensen: { gewicht: 15, label: 'Wensen in eigen woorden' },
  kwaliteiten: { gewicht: 15, label: 'Kwaliteiten' },
  opleidingsniveau: { gewicht: 15, label: 'Opleidingsniveau' },
  gewensteFuncties: { gewicht: 15, label: 'Gewenste functies' },
  sectoren: { gewicht: 10, label: 'Sectoren' },
  uren: { gewicht: 10, label: 'Uren per week' },
  beschikbaarVanaf: { gewicht: 10, label: 'Beschikbaar vanaf' },
  werkcondities: { gewicht: 10, label: 'Werkomstandigheden' },
} as const;
export type CompleetheidVeld = keyof typeof COMPLEETHEID;

const genoeg = (t: string | null) => (t ?? '').trim().length >= 10;

/** A profile's fields as the table's columns, with the completeness score they give (one mapping for every writer). */
export function profielRij<V extends ProfielVelden>(v: V) {
  return {
    wensen: v.wensen,
    kwaliteiten: v.kwaliteiten,
    sectoren: v.sectoren as V['sectoren'],
    gewenste_functies: v.gewensteFuncties as V['gewensteFuncties'],
    opleidingsniveau: v.opleidingsniveau,
    uren_min: v.urenMin,
    uren_max: v.urenMax,
    beschikbaar_vanaf: v.beschikbaarVanaf,
    werkcondities: v.werkcondities as V['werkcondities'],
    banenafspraak: v.banenafspraak,
    compleetheid: compleetheid(v).score,
  };
}

export function compleetheid(p: ProfielVelden): { score: number; ontbrekend: CompleetheidVeld[] } {
  const aanwezig: Record<CompleetheidVeld, boolean> = {
    wensen: genoeg(p.wensen),
    kwaliteiten: genoeg(p.kwaliteiten),
    opleidingsniveau: p.opleidingsniveau !== null,
    gewensteFuncties: p.gewensteFuncties.length > 0,
    sectoren: p.sectoren.length > 0,
    uren: p.urenMin !== null || p.urenMax !== null,
    beschikbaarVanaf: p.beschikbaarVanaf !== null,
    werkcondities: p.werkcondities.length > 0,
  };
  const velden = Object.keys(COMPLEETHEID) as CompleetheidVeld[];
  return {
    score: velden.reduce((s, v) => s + (aanwezig[v] ? COMPLEETHEID[v].gewicht : 0), 0),
    ontbrekend: velden.filter((v) => !aanwezig[v]),
  };
}

/** A public reference like K-7F3Q2A: random, unrelated to any id, readable over the phone. */
export function nieuwPubliekId(): string {
  // 32 characters: the low 5 bits of a random byte pick one uniformly.
  const tekens = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const b = willekeurigeBytes(6);
  let s = 'K-';
  for (let i = 0; i < 6; i++) s += tekens[(b[i] as number) & 31];
  return s;
}

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const TELEFOON = /(\+31|0031|\b0)[\s-]?[1-9](?:[\s-]?\d){8}\b/;
const BSNACHTIG = /\b\d{9}\b/;
const POSTCODE = /\b[1-9]\d{3}\s?[A-Z]{2}\b/;

/**
 * Free text on a profile must not identify the person. Returns what looks like contact details or a
 * BSN, so the form can refuse it with a clear reason (an employer sees this text).
 */
export function identificerendeTekst(t: string): string[] {
  const gevonden: string[] = [];
  if (EMAIL.test(t)) gevonden.push('een e-mailadres');
  if (TELEFOON.test(t)) gevonden.push('een telefoonnummer');
  if (BSNACHTIG.test(t)) gevonden.push('een nummer van 9 cijfers (BSN?)');
  if (POSTCODE.test(t)) gevonden.push('een postcode');
  return gevonden;
}
