/**
 * Response shapes of the toolkit APIs (loonkostensubsidie, jobcoaching, gemeente beleid), mirrored by
 * hand from the zod schemas in src/server/modules/loonkostensubsidie and src/server/modules/jobcoaching.
 */
import type { Regime } from '../../shared/jobcoaching.js';

export interface LksInvoer {
  peildatum: string;
  loonwaarde: number;
  urenPerWeek: number;
  forfaitair?: boolean;
  voltijdsUrenSector?: number;
  leeftijd?: number;
}

export interface LksParameter {
  naam: string;
  omschrijving: string;
  waarde: number;
  eenheid: string;
  geldigVan: string;
  geldigTot: string | null;
  bron: string;
}

export interface LksStap {
  nr: number;
  omschrijving: string;
  berekening: string;
  bedrag: number;
}

export interface LksUitkomst {
  route: 'loonwaarde' | 'forfaitair';
  maandbedrag: number;
  jaarbedrag: number;
  maanden: number;
  parameters: LksParameter[];
  stappen: LksStap[];
  toelichting: string[];
}

export interface GemeenteBeleid {
  gemeenteId: string;
  jobcoachMaxUrenPerHalfjaar: number | null;
  jobcoachMaxDuurJaren: number | null;
  bron: string;
  gewijzigdOp: string | null;
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
  argumenten: { begrip: string; vraag: string; antwoord: string; score: number }[];
  bronnen: string[];
  toelichting: string[];
}

export interface JobcoachBeoordeling {
  id: string;
  peildatum: string;
  evaluatieOp: string;
  auteur: string;
  aangemaaktOp: string;
  advies: JobcoachAdvies;
  brieven: { persoon: string; werkgever: string };
}
