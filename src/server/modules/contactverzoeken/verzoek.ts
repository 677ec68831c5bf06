/**
 * Contact through the professional: the rules of a contactverzoek, its answer term and the response-time
 * statistics with small-cell suppression. Pure: no SQL, no HTTP.
 */
import { CONTACTVERZOEK_STATUSSEN, type Contactverzoekstatus } from '../../../shared/codes.js';

/**
 * The regional default answer term, used when a gemeente has not set its own
 * (`gemeente_beleid.contactverzoek_termijn_werkdagen`). Policy as data, with its source.
 */
export const STANDAARD_ANTWOORDTERMIJN = {
  werkdagen: 5,
  bron:
    'Regionale afspraak werkgeversdienstverlening (demo-regio): een werkgever hoort binnen één werkweek of er contact komt. ' +
    'Zo blijft een vacature niet liggen en heeft de professional tijd om de kandidaat zelf te spreken.',
} as const;

export interface Termijn {
  werkdagen: number;
  bron: string;
}

/** The gemeente's own term when set, otherwise the regional default. */
export function antwoordtermijn(beleid: { contactverzoek_termijn_werkdagen: number | null; contactverzoek_termijn_bron: string | null } | undefined): Termijn {
  if (beleid?.contactverzoek_termijn_werkdagen) {
    return { werkdagen: beleid.contactverzoek_termijn_werkdagen, bron: beleid.contactverzoek_termijn_bron ?? 'Eigen beleid van de gemeente' };
  }
  return { werkdagen: STANDAARD_ANTWOORDTERMIJN.werkdagen, bron: STANDAARD_ANTWOORDTERMIJN.bron };
}

/** The date `n` working days (Monday to Friday) after `vanaf` (ISO date). Public holidays are not skipped. */
export function plusWerkdagen(vanaf: string, n: number): string {
  const d = new Date(`${vanaf}T00:00:00Z`);
  let over = n;
  while (over > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const dag = d.getUTCDay();
    if (dag !== 0 && dag !== 6) over--;
  }
  return d.toISOString().slice(0, 10);
}

export const isOpen = (s: Contactverzoekstatus) => CONTACTVERZOEK_STATUSSEN[s].open;

/** Open and past its deadline: flagged for the professional; the employer still sees "in behandeling". */
export function teLaat(status: Contactverzoekstatus, deadline: string, vandaag: string): boolean {
  return isOpen(status) && deadline < vandaag;
}

/** What the employer is shown: never the candidate's reason, never more than "in behandeling" while open. */
export function werkgeverStatus(s: Contactverzoekstatus): { code: 'in_behandeling' | 'ja' | 'geen_contact' | 'ingetrokken'; tekst: string } {
  const tekst = CONTACTVERZOEK_STATUSSEN[s].werkgever;
  if (isOpen(s)) return { code: 'in_behandeling', tekst };
  if (s === 'ja') return { code: 'ja', tekst };
  if (s === 'ingetrokken') return { code: 'ingetrokken', tekst };
  return { code: 'geen_contact', tekst };
}

export const NEUTRALE_BOODSCHAP =
  'Dank voor uw belangstelling. Er komt geen contact tot stand met deze kandidaat. Dat zegt niets over uw organisatie; de reden blijft bij de kandidaat.';

// --- Response times for the region ----------------------------------------------------------------

/**
 * Small-cell rule: a group with fewer requests than this is not shown as numbers, so nobody can
 * recognise a single candidate's answer. Same threshold for the answered subgroup behind the
 * response times and the share of yes.
 */
export const MINIMALE_GROEP = {
  aantal: 5,
  bron: 'Privacyregel voor kleine aantallen (zoals CBS en gemeentelijke monitors hanteren): toon geen cijfers over minder dan 5 gevallen.',
} as const;

export interface StatistiekRij {
  gemeenteId: string;
  status: Contactverzoekstatus;
  aangemaaktOp: Date;
  beantwoordOp: Date | null;
  deadline: string;
}

export interface Groepscijfers {
  /** True when the group is too small (or hidden to protect another small group): all numbers are null. */
  onderdrukt: boolean;
  aantal: number | null;
  aandeelBeantwoord: number | null;
  mediaanDagen: number | null;
  p90Dagen: number | null;
  aandeelJa: number | null;
  openTeLaat: number | null;
}

const DAG_MS = 86_400_000;
const rond = (x: number, decimalen = 1) => Math.round(x * 10 ** decimalen) / 10 ** decimalen;

/** Nearest-rank percentile of a sorted list (p in 0..100). */
export function percentiel(gesorteerd: readonly number[], p: number): number | null {
  if (gesorteerd.length === 0) return null;
  const rang = Math.max(1, Math.ceil((p / 100) * gesorteerd.length));
  return gesorteerd[rang - 1] ?? null;
}

/** The median (average of the two middle values for an even count). */
export function mediaan(gesorteerd: readonly number[]): number | null {
  const n = gesorteerd.length;
  if (n === 0) return null;
  const m = Math.floor(n / 2);
  return n % 2 === 1 ? gesorteerd[m]! : (gesorteerd[m - 1]! + gesorteerd[m]!) / 2;
}

const LEEG: Groepscijfers = { onderdrukt: true, aantal: null, aandeelBeantwoord: null, mediaanDagen: null, p90Dagen: null, aandeelJa: null, openTeLaat: null };

/** The figures of one group, suppressed when it is smaller than the threshold. */
export function groepscijfers(rijen: readonly StatistiekRij[], vandaag: string, minimum = MINIMALE_GROEP.aantal): Groepscijfers {
  if (rijen.length < minimum) return LEEG;
  // Withdrawn requests never reached the candidate: they do not count as "unanswered".
  const teBeantwoorden = rijen.filter((r) => r.status !== 'ingetrokken');
  const beantwoord = rijen.filter((r) => (r.status === 'ja' || r.status === 'nee') && r.beantwoordOp);
  const dagen = beantwoord.map((r) => Math.max(0, (r.beantwoordOp!.getTime() - r.aangemaaktOp.getTime()) / DAG_MS)).sort((a, b) => a - b);
  const genoegAntwoorden = beantwoord.length >= minimum;
  const m = mediaan(dagen);
  const p90 = percentiel(dagen, 90);
  return {
    onderdrukt: false,
    aantal: rijen.length,
    aandeelBeantwoord: teBeantwoorden.length === 0 ? null : rond(beantwoord.length / teBeantwoorden.length, 3),
    mediaanDagen: genoegAntwoorden && m !== null ? rond(m) : null,
    p90Dagen: genoegAntwoorden && p90 !== null ? rond(p90) : null,
    aandeelJa: genoegAntwoorden ? rond(beantwoord.filter((r) => r.status === 'ja').length / beantwoord.length, 3) : null,
    openTeLaat: rijen.filter((r) => teLaat(r.status, r.deadline, vandaag)).length,
  };
}

export interface Statistiek {
  regio: Groepscijfers;
  perGemeente: { gemeenteId: string; cijfers: Groepscijfers }[];
}

/**
 * Figures per gemeente and for the region. When exactly one gemeente with requests is suppressed, the
 * smallest shown one is suppressed too (complementary suppression), or the region total minus the
 * shown gemeenten would reveal it.
 */
export function statistiek(rijen: readonly StatistiekRij[], gemeenten: readonly string[], vandaag: string, minimum = MINIMALE_GROEP.aantal): Statistiek {
  const perGemeente = gemeenten.map((g) => {
    const eigen = rijen.filter((r) => r.gemeenteId === g);
    return { gemeenteId: g, n: eigen.length, cijfers: groepscijfers(eigen, vandaag, minimum) };
  });
  const kleinMetVerzoeken = perGemeente.filter((g) => g.cijfers.onderdrukt && g.n > 0);
  if (kleinMetVerzoeken.length === 1) {
    const zichtbaar = perGemeente.filter((g) => !g.cijfers.onderdrukt).sort((a, b) => a.n - b.n);
    if (zichtbaar[0]) zichtbaar[0].cijfers = LEEG;
  }
  return { regio: groepscijfers(rijen, vandaag, minimum), perGemeente: perGemeente.map(({ gemeenteId, cijfers }) => ({ gemeenteId, cijfers })) };
}
