/**
 * Pure logic of the brede diagnose: validation against an instrument version, the side-by-side
 * comparison of the person's own view and the professional's, and the change over time per
 * leefgebied. No SQL, no HTTP.
 */
import { type Instrument, leefgebiedNaam, SCORES, SPORTEN } from './instrument.js';

export const PERSPECTIEVEN = {
  persoon: { label: 'Eigen beeld van de persoon' },
  professional: { label: 'Beeld van de professional' },
} as const;
export type Perspectief = keyof typeof PERSPECTIEVEN;
export const PERSPECTIEF_CODES = Object.keys(PERSPECTIEVEN) as [Perspectief, ...Perspectief[]];

/** Views that differ by this many points or more on one leefgebied are a topic for the conversation. */
export const GESPREKSDREMPEL = 2;
/** A snapshot older than this is usually no longer taken as current (ZRM practice, REFERENCE.md §6). */
export const ACTUEEL_DAGEN = 30;
/** Earliest date a diagnose can carry. */
export const VROEGSTE_DATUM = '2000-01-01';

export interface DiagnoseInvoer {
  perspectief: string;
  datum: string;
  participatieladder?: number | null | undefined;
  motivatieScore?: number | null | undefined;
  leefgebieden: readonly { code: string; score: number; toelichting?: string | null | undefined }[];
}

export interface Fout {
  /** Path of the field in the request body, e.g. `leefgebieden.2.score`. */
  veld: string;
  code: string;
  reden: string;
}

export class OngeldigeDiagnose extends Error {
  constructor(readonly fouten: Fout[]) {
    super(fouten.map((f) => `${f.veld}: ${f.reden}`).join('; '));
  }
}

const geheelTussen = (n: unknown, min: number, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

/** Every reason the input is not a valid diagnose for this instrument version; empty when valid. */
export function valideerDiagnose(invoer: DiagnoseInvoer, instrument: Instrument, vandaag: string): Fout[] {
  const fouten: Fout[] = [];
  if (!(invoer.perspectief in PERSPECTIEVEN)) {
    fouten.push({ veld: 'perspectief', code: 'onbekend_perspectief', reden: 'Kies het eigen beeld van de persoon of het beeld van de professional.' });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(invoer.datum) || Number.isNaN(Date.parse(`${invoer.datum}T00:00:00Z`))) {
    fouten.push({ veld: 'datum', code: 'ongeldige_datum', reden: 'Gebruik een datum als JJJJ-MM-DD.' });
  } else if (invoer.datum > vandaag) {
    fouten.push({ veld: 'datum', code: 'datum_in_toekomst', reden: 'De datum kan niet in de toekomst liggen.' });
  } else if (invoer.datum < VROEGSTE_DATUM) {
    fouten.push({ veld: 'datum', code: 'datum_te_vroeg', reden: `De datum kan niet voor ${VROEGSTE_DATUM} liggen.` });
  }
  const minSport = SPORTEN[0]!;
  const maxSport = SPORTEN[SPORTEN.length - 1]!;
  if (invoer.participatieladder != null && !geheelTussen(invoer.participatieladder, minSport, maxSport)) {
    fouten.push({
      veld: 'participatieladder',
      code: 'sport_buiten_bereik',
      reden: `De participatieladder heeft de treden ${minSport} tot en met ${maxSport}; ${invoer.participatieladder} bestaat niet.`,
    });
  }
  const minScore = SCORES[0]!;
  const maxScore = SCORES[SCORES.length - 1]!;
  if (invoer.motivatieScore != null && !geheelTussen(invoer.motivatieScore, minScore, maxScore)) {
    fouten.push({ veld: 'motivatieScore', code: 'score_buiten_bereik', reden: `Kies voor motivatie een score van ${minScore} tot en met ${maxScore}.` });
  }
  const codes = new Set(instrument.leefgebieden.map((l) => l.code));
  const gezien = new Set<string>();
  invoer.leefgebieden.forEach((l, i) => {
    if (!codes.has(l.code)) {
      fouten.push({
        veld: `leefgebieden.${i}.code`,
        code: 'onbekend_leefgebied',
        reden: `"${l.code.slice(0, 40)}" is geen leefgebied van het instrument (versie ${instrument.versie}).`,
      });
    } else if (gezien.has(l.code)) {
      fouten.push({
        veld: `leefgebieden.${i}.code`,
        code: 'dubbel_leefgebied',
        reden: `Het leefgebied ${leefgebiedNaam(l.code, instrument.versie)} staat er twee keer in.`,
      });
    }
    gezien.add(l.code);
    if (!geheelTussen(l.score, minScore, maxScore)) {
      fouten.push({
        veld: `leefgebieden.${i}.score`,
        code: 'score_buiten_bereik',
        reden: `Een score is een heel getal van ${minScore} tot en met ${maxScore}.`,
      });
    }
  });
  if (invoer.leefgebieden.length === 0 && invoer.participatieladder == null && invoer.motivatieScore == null) {
    fouten.push({ veld: 'leefgebieden', code: 'leeg', reden: 'Vul minstens één leefgebied, de participatieladder of de motivatie in.' });
  }
  return fouten;
}

/** What comparison and change over time need of a stored diagnose. */
export interface DiagnoseKern {
  id: string;
  perspectief: Perspectief;
  datum: string;
  /** ISO timestamp; breaks ties between diagnoses of the same date. */
  aangemaaktOp: string;
  instrumentVersie: string;
  participatieladder: number | null;
  motivatieScore: number | null;
  leefgebieden: readonly { code: string; score: number }[];
}

const nieuwerDan = (a: DiagnoseKern, b: DiagnoseKern) => a.datum > b.datum || (a.datum === b.datum && a.aangemaaktOp > b.aangemaaktOp);

/** The current view per perspective: the latest by date (then by when it was recorded). History stays. */
export function huidigePerPerspectief<T extends DiagnoseKern>(lijst: readonly T[]): Record<Perspectief, T | null> {
  const huidig: Record<Perspectief, T | null> = { persoon: null, professional: null };
  for (const d of lijst) {
    const nu = huidig[d.perspectief];
    if (!nu || nieuwerDan(d, nu)) huidig[d.perspectief] = d;
  }
  return huidig;
}

export interface Verschil {
  persoon: number | null;
  professional: number | null;
  /** persoon − professional; null when one view is missing. */
  verschil: number | null;
  gespreksonderwerp: boolean;
}

export interface Vergelijking {
  leefgebieden: (Verschil & { code: string; naam: string })[];
  participatieladder: Verschil;
  motivatie: Verschil;
  /** Codes of the leefgebieden where the views differ by GESPREKSDREMPEL or more. */
  gespreksonderwerpen: string[];
}

function verschil(persoon: number | null, professional: number | null): Verschil {
  const v = persoon !== null && professional !== null ? persoon - professional : null;
  return { persoon, professional, verschil: v, gespreksonderwerp: v !== null && Math.abs(v) >= GESPREKSDREMPEL };
}

/** The person's view beside the professional's, per leefgebied (in the instrument's order), rung and motivation. */
export function vergelijk(persoon: DiagnoseKern | null, professional: DiagnoseKern | null, instrument: Instrument): Vergelijking {
  const scoreVan = (d: DiagnoseKern | null, code: string) => d?.leefgebieden.find((l) => l.code === code)?.score ?? null;
  const codes = instrument.leefgebieden.map((l) => l.code);
  // Leefgebieden of an older instrument version that the current one no longer has stay visible.
  for (const d of [persoon, professional]) for (const l of d?.leefgebieden ?? []) if (!codes.includes(l.code)) codes.push(l.code);
  const leefgebieden = codes.map((code) => ({
    code,
    naam: leefgebiedNaam(code, instrument.versie),
    ...verschil(scoreVan(persoon, code), scoreVan(professional, code)),
  }));
  return {
    leefgebieden,
    participatieladder: verschil(persoon?.participatieladder ?? null, professional?.participatieladder ?? null),
    motivatie: verschil(persoon?.motivatieScore ?? null, professional?.motivatieScore ?? null),
    gespreksonderwerpen: leefgebieden.filter((l) => l.gespreksonderwerp).map((l) => l.code),
  };
}

export interface Meetpunt {
  datum: string;
  waarde: number;
  diagnoseId: string;
}

export interface Reeks {
  punten: Meetpunt[];
  /** Last − first; null with fewer than two points. */
  verandering: number | null;
}

export interface Verloop {
  leefgebieden: { code: string; naam: string; persoon: Reeks; professional: Reeks }[];
  participatieladder: { persoon: Reeks; professional: Reeks };
  motivatie: { persoon: Reeks; professional: Reeks };
}

function reeks(punten: Meetpunt[]): Reeks {
  const eerste = punten[0];
  const laatste = punten[punten.length - 1];
  return { punten, verandering: punten.length >= 2 && eerste && laatste ? laatste.waarde - eerste.waarde : null };
}

/** The change over time per leefgebied, rung and motivation, for each perspective (oldest first). */
export function verloop(lijst: readonly DiagnoseKern[], instrument: Instrument): Verloop {
  const oplopend = [...lijst].sort((a, b) => (nieuwerDan(a, b) ? 1 : nieuwerDan(b, a) ? -1 : 0));
  const codes = instrument.leefgebieden.map((l) => l.code);
  for (const d of oplopend) for (const l of d.leefgebieden) if (!codes.includes(l.code)) codes.push(l.code);
  const punten = (perspectief: Perspectief, waarde: (d: DiagnoseKern) => number | null | undefined): Reeks =>
    reeks(
      oplopend
        .filter((d) => d.perspectief === perspectief)
        .flatMap((d) => {
          const w = waarde(d);
          return w == null ? [] : [{ datum: d.datum, waarde: w, diagnoseId: d.id }];
        }),
    );
  const beide = (waarde: (d: DiagnoseKern) => number | null | undefined) => ({
    persoon: punten('persoon', waarde),
    professional: punten('professional', waarde),
  });
  return {
    leefgebieden: codes.map((code) => ({
      code,
      naam: leefgebiedNaam(code, instrument.versie),
      ...beide((d) => d.leefgebieden.find((l) => l.code === code)?.score),
    })),
    participatieladder: beide((d) => d.participatieladder),
    motivatie: beide((d) => d.motivatieScore),
  };
}

/** Days between two ISO dates (b − a). */
function dagenTussen(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Is a diagnose of this date older than the usual snapshot window? */
export function isVerouderd(datum: string, vandaag: string, dagen = ACTUEEL_DAGEN): boolean {
  return dagenTussen(datum, vandaag) > dagen;
}
