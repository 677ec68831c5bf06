/**
 * Shapes of the contactverzoeken, werklijst and taken APIs (src/server/modules/contactverzoeken,
 * kandidaten/werklijst.ts, taken), mirrored by hand: server code is not imported into the browser.
 */

export interface Contactverzoek {
  id: string;
  publiekId: string;
  gemeente: { id: string; naam: string };
  werkgever: { organisatie: string; contactpersoon: string; email: string | null; telefoon: string | null };
  functie: string;
  bericht: string;
  urenPerWeek: number | null;
  /** Employer: in_behandeling | ja | geen_contact | ingetrokken. Professional: the real status. */
  status: { code: string; label: string };
  aangemaaktOp: string;
  deadline: string;
  termijn: { werkdagen: number; bron: string };
  teLaat: boolean | null;
  beantwoordOp: string | null;
  ingetrokkenOp: string | null;
  boodschap: string | null;
  contactgegevens: { naam: string; telefoon: string | null; email: string | null } | null;
  persoon: { id: string; naam: string } | null;
  dossierLink: string | null;
  toegewezenAan: { id: string; naam: string } | null;
  antwoordToelichting: string | null;
  inDossier: { telefoon: boolean; email: boolean } | null;
  magBeantwoorden: boolean;
  magIntrekken: boolean;
}

export interface ContactverzoekLijst {
  totaal: number;
  resultaten: Contactverzoek[];
}

export interface Groepscijfers {
  onderdrukt: boolean;
  aantal: number | null;
  aandeelBeantwoord: number | null;
  mediaanDagen: number | null;
  p90Dagen: number | null;
  aandeelJa: number | null;
  openTeLaat: number | null;
}

export interface Reactietijden {
  periode: { van: string; tot: string };
  minimaleGroep: { aantal: number; bron: string };
  standaardTermijn: { werkdagen: number; bron: string };
  regio: Groepscijfers;
  perGemeente: { gemeente: { id: string; naam: string }; cijfers: Groepscijfers }[];
}

export interface Taak {
  id: string;
  soort: { code: string; label: string };
  titel: string;
  omschrijving: string | null;
  persoon: { id: string; naam: string } | null;
  bron: { type: string; id: string } | null;
  toegewezenAan: { id: string; naam: string } | null;
  status: 'open' | 'afgerond' | 'vervallen';
  deadline: string | null;
  termijn: 'verlopen' | 'binnenkort' | 'op_tijd' | null;
  aangemaaktOp: string;
  afgerondOp: string | null;
  afhandeling: string | null;
  handmatigAfTeRonden: boolean;
}

export interface Werklijst {
  resultaten: Taak[];
  totaal: number;
  perSoort: { code: string; label: string; aantal: number }[];
}

export interface OnvolledigProfiel {
  persoon: { id: string; naam: string };
  gemeente: { id: string; naam: string };
  profielAanwezig: boolean;
  compleetheid: number;
  toestemming: boolean;
  gepubliceerd: boolean;
  ontbrekend: { veld: string; label: string; gewicht: number }[];
  teWinnen: number;
}

export interface OnvolledigeProfielen {
  totaal: number;
  drempel: { waarde: number; bron: string };
  resultaten: OnvolledigProfiel[];
}
