/**
 * Response shapes of the afwegingskader API (src/server/modules/afweging/schemas.ts), mirrored by hand.
 */
import type { Trajectroute } from '../../shared/codes.js';

export type Richting = 'voor' | 'tegen' | 'geen';
export type Factorwaarde = number | boolean | string | string[] | null;

export interface Signalering {
  veld: string;
  fragment: string;
  grond: string;
  grondLabel: string;
  uitleg: string;
}

export interface Argument {
  factor: string;
  label: string;
  waarde: string;
  bron: string;
  gewicht: number;
  aandeel: number;
  sterkte: number;
  bijdrage: number;
  uitleg: string;
}

export interface RouteAdvies {
  route: Trajectroute;
  label: string;
  voor: number;
  tegen: number;
  netto: number;
  rang: number;
  oordeel: 'meest_passend' | 'passend' | 'minder_passend' | 'geen_argumenten';
  argumentenVoor: Argument[];
  argumentenTegen: Argument[];
}

export interface Advies {
  label: string;
  catalogusVersie: string;
  routes: RouteAdvies[];
  meestPassend: Trajectroute[];
  nietMeegewogen: { factor: string; label: string; waarde: string; grond: string; grondLabel: string; reden: string }[];
  ontbrekend: { factor: string; label: string }[];
  aandachtspunten: string[];
  signaleringen: Signalering[];
  toelichting: string[];
}

export interface KaderInfo {
  catalogusVersie: string;
  gemeenteVersie: number | null;
  gemeenteGeldigVan: string | null;
  regioVersie: number | null;
  regioGeldigVan: string | null;
  omschrijving: string;
}

export interface Besluit {
  id: string;
  afwegingId: string;
  route: Trajectroute;
  routeLabel: string;
  redenen: string;
  persoonEens: 'ja' | 'deels' | 'nee';
  reactiePersoon: string | null;
  volgtAdvies: boolean;
  besluitdatum: string;
  vastgelegdDoor: string;
  aangemaaktOp: string;
  signaleringen: Signalering[];
}

export interface Afweging {
  id: string;
  aangemaaktOp: string;
  auteur: string;
  factorwaarden: {
    factor: string;
    label: string;
    waarde: Factorwaarde;
    waardeTekst: string;
    bron: string;
    toelichting: string | null;
    beschermdeGrond: string | null;
  }[];
  advies: Advies;
  kader: KaderInfo;
  visieProfessional: string | null;
  visiePersoon: string | null;
  visiePersoonOp: string | null;
  visiePersoonDoor: string | null;
  signaleringen: Signalering[];
  besluiten: Besluit[];
}

export interface AfwegingenOverzicht {
  persoonId: string;
  magSchrijven: boolean;
  magEigenVisie: boolean;
  afwegingen: Afweging[];
  laatsteBesluit: Besluit | null;
}

export interface Voorinvulling {
  waarden: Record<string, Factorwaarde>;
  bronnen: Record<string, string>;
  herkomst: string[];
}

export interface Casusoverleg {
  id: string;
  afwegingId: string | null;
  datum: string;
  deelnemers: { organisatieId: string | null; organisatie: string; rol: string; naam: string | null; extern: boolean }[];
  argumenten: { partij: string; route: string | null; routeLabel: string | null; richting: string | null; tekst: string }[];
  conclusie: string;
  signaleringen: Signalering[];
  vastgelegdDoor: string;
  aangemaaktOp: string;
}

export interface FactorInfo {
  code: string;
  label: string;
  omschrijving: string;
  vraagB1: string;
  waarde: {
    soort: 'schaal' | 'janee' | 'keuze' | 'route' | 'getal' | 'gronden';
    min?: number;
    max?: number;
    eenheid?: string;
    opties: { code: string; label: string }[];
  };
  bron: 'invoer' | 'diagnose' | 'dossier';
  beschermdeGrond: string | null;
  grondLabel: string | null;
  vastleggen: boolean;
  onderbouwing: string;
  standaardGewicht: number;
  effecten: { route: Trajectroute; routeLabel: string; richting: Richting; signaal: string | null; aandeel: number; uitleg: string }[];
  grens: { minGewicht: number; maxGewicht: number; richtingen: Partial<Record<Trajectroute, Richting[]>> };
  instelling: { gewicht: number; richtingen: Partial<Record<Trajectroute, Richting>> };
  onderbouwingGemeente: string | null;
}

export interface ArgumentenOverzicht {
  catalogusVersie: string;
  routes: { code: Trajectroute; label: string; soort: string }[];
  beschermdeGronden: { code: string; label: string; wet: string }[];
  factoren: FactorInfo[];
  regio: {
    versie: number | null;
    geldigVan: string | null;
    bron: string;
    toelichting: string | null;
    beheerder: { id: string; naam: string } | null;
    magBeheren: boolean;
  };
  gemeente: { id: string; naam: string; versie: number | null; geldigVan: string | null; bron: string; gewijzigdOp: string | null; magBeheren: boolean } | null;
  aanpassingen: string[];
}

export const BRON_LABEL: Record<string, string> = {
  invoer: 'ingevoerd',
  diagnose: 'uit de brede diagnose',
  dossier: 'uit het dossier',
};

export const EENS_LABEL: Record<Besluit['persoonEens'], string> = {
  ja: 'Ja, de persoon is het eens',
  deels: 'Deels',
  nee: 'Nee, de persoon is het niet eens',
};
