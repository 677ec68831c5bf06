import type { TerugmeldredenCategorie, Verwijzingstatus } from '../../shared/codes.js';

export interface Code {
  code: string;
  label: string;
}

export interface Terugmeldreden {
  id: string;
  code: string;
  label: string;
  omschrijving: string | null;
  categorie: TerugmeldredenCategorie;
  toelichtingVerplicht: boolean;
  versie: number;
  geldigVan: string;
  geldigTot: string | null;
  geldig: boolean;
  gebruikt: boolean;
  bron: string | null;
}

export interface Redenlijst {
  beheerder: { id: string; naam: string } | null;
  magBeheren: boolean;
  redenen: Terugmeldreden[];
}

export interface StatusWijziging {
  van: Verwijzingstatus | null;
  naar: Verwijzingstatus;
  toelichting: string | null;
  door: string | null;
  doorOrganisatie: string | null;
  tijdstip: string;
}

export interface Verwijzing {
  id: string;
  persoonId: string;
  aanbieder: { id: string; naam: string };
  route: Code;
  doel: string;
  startdatum: string;
  status: Code;
  lopend: boolean;
  versie: number;
  aangemaaktOp: string;
  geschiedenis: StatusWijziging[];
  terugmelding: {
    id: string;
    datum: string;
    toelichting: string;
    door: string | null;
    redenen: { code: string; label: string; categorie: TerugmeldredenCategorie; primair: boolean }[];
    vervolgtaakId: string | null;
  } | null;
  stappen: Verwijzingstatus[];
}

export interface VerwijzingInLijst {
  id: string;
  persoon: { id: string; naam: string };
  gemeente: { id: string; naam: string };
  aanbieder: { id: string; naam: string };
  route: Code;
  doel: string;
  startdatum: string;
  status: Code;
  gewijzigdOp: string;
}

export interface DashboardCel {
  waarde: number | null;
  weergave: string;
}

export interface DashboardTabel {
  sleutel: string;
  titel: string;
  toelichting: string;
  kolommen: { sleutel: string; label: string; soort: 'aantal' | 'percentage' | 'dagen' }[];
  rijen: { sleutel: string; label: string; soort: 'groep' | 'subtotaal' | 'totaal'; cellen: DashboardCel[] }[];
  beschikbaar: boolean;
}

export interface Dashboard {
  scope: { id: string; naam: string };
  keuzes: { id: string; naam: string }[];
  periode: { van: string; tot: string };
  peildatum: string;
  minimaleGroep: number;
  tabellen: DashboardTabel[];
}
