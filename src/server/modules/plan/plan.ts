/**
 * Pure logic of the eigen plan: the person writes where they stand, where they want to go and what
 * they need; the professional responds per part; both agree a version, which is kept. A change after
 * an agreement starts a new draft (a new round). No SQL, no HTTP.
 */

/** The parts of the plan, in the person's words (B1). */
export const PLAN_ONDERDELEN = {
  waarIkSta: { kolom: 'waar_ik_sta', label: 'Waar sta ik nu?', verplicht: true },
  waarIkNaartoeWil: { kolom: 'waar_ik_naartoe_wil', label: 'Waar wil ik naartoe?', verplicht: true },
  watIkNodigHeb: { kolom: 'wat_ik_nodig_heb', label: 'Wat heb ik daarvoor nodig?', verplicht: true },
  eersteStappen: { kolom: 'eerste_stappen', label: 'Mijn eerste stappen', verplicht: false },
} as const;
export type PlanOnderdeel = keyof typeof PLAN_ONDERDELEN;
export const PLAN_ONDERDEEL_CODES = Object.keys(PLAN_ONDERDELEN) as [PlanOnderdeel, ...PlanOnderdeel[]];

/** A professional responds per part, or to the plan as a whole. */
export const REACTIE_ONDERDELEN = [...PLAN_ONDERDEEL_CODES, 'algemeen'] as const;
export type ReactieOnderdeel = (typeof REACTIE_ONDERDELEN)[number];

export const PLAN_STATUSSEN = {
  concept: { label: 'Wordt nog geschreven' },
  ingediend: { label: 'Wacht op een reactie van de professional' },
  gereageerd: { label: 'De professional heeft gereageerd' },
  vastgesteld: { label: 'Afgesproken' },
} as const;
export type PlanStatus = keyof typeof PLAN_STATUSSEN;
export const PLAN_STATUS_CODES = Object.keys(PLAN_STATUSSEN) as [PlanStatus, ...PlanStatus[]];

export type PlanInhoud = Record<PlanOnderdeel, string | null>;
export type Zijde = 'persoon' | 'professional';

export interface Akkoord {
  op: string;
  door: string;
}

export interface ConceptToestand {
  /** The version number this draft becomes once both agree. */
  ronde: number;
  /** Goes up with every change of the text; an agreement is on one revision. */
  revisie: number;
  status: PlanStatus;
  inhoud: PlanInhoud;
  akkoord: Record<Zijde, Akkoord | null>;
}

export interface Fout {
  veld: string;
  code: string;
  reden: string;
}

export type PlanFoutCode = 'geen_plan' | 'al_vastgesteld' | 'versieconflict' | 'onvolledig' | 'lege_reactie';

export class PlanFout extends Error {
  constructor(
    readonly code: PlanFoutCode,
    message: string,
    readonly fouten: Fout[] = [],
  ) {
    super(message);
  }
}

const leeg = (t: string | null | undefined) => t == null || t.trim() === '';

/** Normalises text: trimmed, empty becomes null. */
export function normaliseer(inhoud: Partial<Record<PlanOnderdeel, string | null | undefined>>): PlanInhoud {
  return Object.fromEntries(PLAN_ONDERDEEL_CODES.map((k) => [k, leeg(inhoud[k]) ? null : inhoud[k]!.trim()])) as PlanInhoud;
}

export function inhoudGelijk(a: PlanInhoud, b: PlanInhoud): boolean {
  return PLAN_ONDERDEEL_CODES.every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** The required parts that are still empty (needed to submit or agree). */
export function ontbrekendeOnderdelen(inhoud: PlanInhoud): Fout[] {
  return PLAN_ONDERDEEL_CODES.filter((k) => PLAN_ONDERDELEN[k].verplicht && leeg(inhoud[k])).map((k) => ({
    veld: k,
    code: 'verplicht',
    reden: `Vul "${PLAN_ONDERDELEN[k].label}" in.`,
  }));
}

export interface Wijziging {
  toestand: ConceptToestand;
  /** The text changed (so earlier agreements on the old text no longer count). */
  inhoudGewijzigd: boolean;
  /** A change after an agreed version: a new draft round began. */
  nieuweRonde: boolean;
  /** Submitted now for the professional's response (a task follows). */
  nuIngediend: boolean;
}

/**
 * Saves the text of the draft, and submits it when asked. After an agreed version, a change starts a
 * new round; saving the agreed text unchanged changes nothing. `vanafRevisie` guards against writing
 * over a change someone else made in the meantime.
 */
export function wijzigConcept(huidig: ConceptToestand | null, invoer: PlanInhoud, indienen: boolean, vanafRevisie?: number | null): Wijziging {
  const inhoud = normaliseer(invoer);
  if (huidig && vanafRevisie != null && vanafRevisie !== huidig.revisie) {
    throw new PlanFout('versieconflict', 'Het plan is intussen gewijzigd. Laad het opnieuw en kijk of uw tekst nog klopt.');
  }
  if (indienen) {
    const fouten = ontbrekendeOnderdelen(inhoud);
    if (fouten.length > 0) throw new PlanFout('onvolledig', 'Vul eerst de vragen in die nog leeg zijn.', fouten);
  }
  if (!huidig) {
    return {
      toestand: { ronde: 1, revisie: 1, status: indienen ? 'ingediend' : 'concept', inhoud, akkoord: { persoon: null, professional: null } },
      inhoudGewijzigd: true,
      nieuweRonde: true,
      nuIngediend: indienen,
    };
  }
  const gewijzigd = !inhoudGelijk(huidig.inhoud, inhoud);
  if (huidig.status === 'vastgesteld') {
    if (!gewijzigd) return { toestand: huidig, inhoudGewijzigd: false, nieuweRonde: false, nuIngediend: false };
    return {
      toestand: {
        ronde: huidig.ronde + 1,
        revisie: huidig.revisie + 1,
        status: indienen ? 'ingediend' : 'concept',
        inhoud,
        akkoord: { persoon: null, professional: null },
      },
      inhoudGewijzigd: true,
      nieuweRonde: true,
      nuIngediend: indienen,
    };
  }
  const status: PlanStatus = indienen ? 'ingediend' : gewijzigd ? 'concept' : huidig.status;
  return {
    toestand: {
      ronde: huidig.ronde,
      revisie: gewijzigd ? huidig.revisie + 1 : huidig.revisie,
      status,
      inhoud,
      akkoord: gewijzigd ? { persoon: null, professional: null } : huidig.akkoord,
    },
    inhoudGewijzigd: gewijzigd,
    nieuweRonde: false,
    nuIngediend: indienen && (gewijzigd || huidig.status !== 'ingediend'),
  };
}

/** The professional responds: allowed on any draft that is not yet agreed. */
export function reageer(
  huidig: ConceptToestand | null,
  reacties: Partial<Record<ReactieOnderdeel, string | null | undefined>>,
): {
  toestand: ConceptToestand;
  reacties: { onderdeel: ReactieOnderdeel; tekst: string }[];
} {
  if (!huidig) throw new PlanFout('geen_plan', 'Deze persoon heeft nog geen plan geschreven.');
  if (huidig.status === 'vastgesteld') {
    throw new PlanFout('al_vastgesteld', 'Dit plan is al afgesproken. Als de persoon het plan verandert, kunt u weer reageren.');
  }
  const lijst = REACTIE_ONDERDELEN.flatMap((o) => (leeg(reacties[o]) ? [] : [{ onderdeel: o, tekst: reacties[o]!.trim() }]));
  if (lijst.length === 0) {
    throw new PlanFout('lege_reactie', 'Schrijf een reactie bij minstens één onderdeel.', [
      { veld: 'algemeen', code: 'verplicht', reden: 'Schrijf minstens één reactie.' },
    ]);
  }
  return { toestand: { ...huidig, status: 'gereageerd' }, reacties: lijst };
}

/**
 * One side agrees with the current text (revision). When both sides have agreed on the same revision
 * the plan is agreed (vastgesteld) and becomes a kept version. Agreeing twice changes nothing.
 */
export function geefAkkoord(
  huidig: ConceptToestand | null,
  zijde: Zijde,
  akkoord: Akkoord,
  revisie?: number | null,
): { toestand: ConceptToestand; vastgesteld: boolean; alGegeven: boolean } {
  if (!huidig) throw new PlanFout('geen_plan', 'Er is nog geen plan om mee akkoord te gaan.');
  if (huidig.status === 'vastgesteld') throw new PlanFout('al_vastgesteld', 'Dit plan is al afgesproken.');
  if (revisie != null && revisie !== huidig.revisie) {
    throw new PlanFout('versieconflict', 'Het plan is intussen gewijzigd. Lees de nieuwe tekst voordat u akkoord gaat.');
  }
  const fouten = ontbrekendeOnderdelen(huidig.inhoud);
  if (fouten.length > 0) throw new PlanFout('onvolledig', 'Het plan is nog niet af: er zijn vragen leeg.', fouten);
  if (huidig.akkoord[zijde]) return { toestand: huidig, vastgesteld: false, alGegeven: true };
  const nieuw: ConceptToestand = { ...huidig, akkoord: { ...huidig.akkoord, [zijde]: akkoord } };
  const beide = Boolean(nieuw.akkoord.persoon && nieuw.akkoord.professional);
  return { toestand: beide ? { ...nieuw, status: 'vastgesteld' } : nieuw, vastgesteld: beide, alGegeven: false };
}
