/**
 * Jobcoach need assessment (pure). A shared list of concepts scores the need for support; the score
 * gives a regime; the UWV Protocol Jobcoach table gives hours as a percentage of working hours per
 * half year (year 1, 2, 3+). Each gemeente bounds the outcome with its own policy; the professional
 * may deviate with a written reason. An advice, never a decision. [REFERENCE.md §3]
 */
import { type Periode, periodeOp } from '../../params/parameters.js';
import { BEGRIP_CODES, BEGRIPPEN, type Begrip, REGIME_GRENZEN, REGIME_LABELS, type Antwoorden, type Regime } from '../../../shared/jobcoaching.js';

/** The concepts, answers and regimes are pure code tables in src/shared (the web app's form uses them too). */
export { type Antwoorden, BEGRIP_CODES, BEGRIPPEN, type Begrip, REGIME_GRENZEN, REGIME_LABELS, REGIMES, type Regime } from '../../../shared/jobcoaching.js';

type Jaar = 1 | 2 | 3;
/** Percentage of working hours, and the regime it counts as (the protocol merges some into licht). */
export type ProtocolTabel = Record<Regime, Record<Jaar, { pct: number; alsRegime: Regime }>>;

/** UWV Protocol Jobcoach (2006, revised 2007), as data with its validity. */
export const PROTOCOL_JOBCOACH: Periode<ProtocolTabel>[] = [
  {
    van: '2007-01-01',
    tot: null,
    bron: 'UWV Protocol Jobcoach 2006/2007 (BWBR0019415), tabel intensiteit begeleiding',
    waarde: {
      zeer_licht: { 1: { pct: 3, alsRegime: 'zeer_licht' }, 2: { pct: 3, alsRegime: 'licht' }, 3: { pct: 3, alsRegime: 'licht' } },
      licht: { 1: { pct: 6, alsRegime: 'licht' }, 2: { pct: 3, alsRegime: 'licht' }, 3: { pct: 3, alsRegime: 'licht' } },
      midden: { 1: { pct: 10, alsRegime: 'midden' }, 2: { pct: 5, alsRegime: 'midden' }, 3: { pct: 3, alsRegime: 'licht' } },
      intensief: { 1: { pct: 15, alsRegime: 'intensief' }, 2: { pct: 7.5, alsRegime: 'intensief' }, 3: { pct: 6, alsRegime: 'intensief' } },
    },
  },
];

/** A gemeente's own policy bounds (configuration, not law). */
export interface GemeenteBeleid {
  maxUrenPerHalfjaar: number | null;
  maxDuurJaren: number | null;
  bron: string;
}

export interface JobcoachInvoer {
  peildatum: string;
  antwoorden: Antwoorden;
  urenPerWeek: number;
  /** Which year of coaching at this employer the half year falls in (1, 2, 3 or later). */
  begeleidingsjaar: number;
  beleid: GemeenteBeleid;
  /** The professional's own regime, when deviating from the advice; needs a reason. */
  afwijking?: { regime: Regime; reden: string } | undefined;
}

export interface JobcoachAdvies {
  score: number;
  maxScore: number;
  geadviseerdRegime: Regime;
  regime: Regime;
  regimeVolgensProtocol: Regime;
  afgeweken: boolean;
  percentage: number;
  werkurenPerHalfjaar: number;
  urenPerHalfjaar: number;
  urenVolgensProtocol: number;
  begrensdDoorBeleid: boolean;
  binnenMaxDuur: boolean;
  argumenten: { begrip: Begrip; vraag: string; antwoord: string; score: number }[];
  bronnen: string[];
  toelichting: string[];
}

export class AfwijkingZonderReden extends Error {}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function beoordeelJobcoachBehoefte(invoer: JobcoachInvoer): JobcoachAdvies {
  const argumenten = BEGRIP_CODES.map((begrip) => {
    const def = BEGRIPPEN[begrip];
    const antwoord = invoer.antwoorden[begrip] as string;
    const score = (def.antwoorden as Record<string, number>)[antwoord];
    if (score === undefined) throw new RangeError(`Onbekend antwoord '${antwoord}' bij ${begrip}`);
    return { begrip, vraag: def.vraag, antwoord, score };
  });
  const score = argumenten.reduce((s, a) => s + a.score, 0);
  const geadviseerdRegime = REGIME_GRENZEN.find((g) => score >= g.vanaf)!.regime;
  const toelichting: string[] = [];
  let regime = geadviseerdRegime;
  if (invoer.afwijking) {
    if (invoer.afwijking.reden.trim().length < 10)
      throw new AfwijkingZonderReden('Een afwijking van het advies vraagt een geschreven reden (minstens 10 tekens).');
    regime = invoer.afwijking.regime;
    if (regime !== geadviseerdRegime)
      toelichting.push(`De professional wijkt af van het advies (${REGIME_LABELS[geadviseerdRegime]}): ${invoer.afwijking.reden.trim()}`);
  }
  const tabel = periodeOp(PROTOCOL_JOBCOACH, invoer.peildatum);
  const jaar = Math.min(3, Math.max(1, Math.floor(invoer.begeleidingsjaar))) as Jaar;
  const cel = tabel.waarde[regime][jaar];
  if (cel.alsRegime !== regime)
    toelichting.push(
      `In jaar ${jaar === 3 ? '3 en later' : jaar} valt regime ${REGIME_LABELS[regime]} volgens het protocol onder ${REGIME_LABELS[cel.alsRegime]}.`,
    );
  const werkurenPerHalfjaar = round1((invoer.urenPerWeek * 52) / 2);
  const urenVolgensProtocol = round1((werkurenPerHalfjaar * cel.pct) / 100);
  let uren = urenVolgensProtocol;
  let begrensd = false;
  if (invoer.beleid.maxUrenPerHalfjaar !== null && uren > invoer.beleid.maxUrenPerHalfjaar) {
    uren = invoer.beleid.maxUrenPerHalfjaar;
    begrensd = true;
    toelichting.push(`Het gemeentelijk beleid begrenst de begeleiding tot ${invoer.beleid.maxUrenPerHalfjaar} uur per half jaar.`);
  }
  const binnenMaxDuur = invoer.beleid.maxDuurJaren === null || invoer.begeleidingsjaar <= invoer.beleid.maxDuurJaren;
  if (!binnenMaxDuur)
    toelichting.push(`Het gemeentelijk beleid kent begeleiding toe tot ${invoer.beleid.maxDuurJaren} jaar; verlenging vraagt een besluit met reden.`);
  toelichting.push('Uren worden vooraf per half jaar vastgesteld en na een half jaar geëvalueerd. Dit is een advies; de professional en de persoon beslissen.');
  return {
    score,
    maxScore: BEGRIP_CODES.length * 3,
    geadviseerdRegime,
    regime,
    regimeVolgensProtocol: cel.alsRegime,
    afgeweken: regime !== geadviseerdRegime,
    percentage: cel.pct,
    werkurenPerHalfjaar,
    urenPerHalfjaar: uren,
    urenVolgensProtocol,
    begrensdDoorBeleid: begrensd,
    binnenMaxDuur,
    argumenten,
    bronnen: [tabel.bron, invoer.beleid.bron],
    toelichting,
  };
}
