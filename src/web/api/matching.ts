/**
 * Response shapes of the arbeidsdeskundige toolkit (belastbaarheid, functiecatalogus, matching),
 * mirrored by hand from the zod schemas in src/server/modules/belastbaarheid, functies and matching.
 */
import type { BelastbaarheidBron } from '../../shared/codes.js';

export interface FmlCatalogusItem {
  code: string;
  rubriek: string;
  naam: string;
  soort: 'ordinaal' | 'voorwaarden';
  /** Ordinal items: index = level, [0] is 'Normaal'. */
  niveaus?: string[];
  voorwaarden?: { code: string; tekst: string }[];
}

export interface FmlCatalogus {
  versie: string;
  rubrieken: { code: string; naam: string }[];
  items: FmlCatalogusItem[];
}

export interface ProfielItem {
  item: string;
  naam: string;
  rubriek: string;
  niveau: number | null;
  niveauTekst: string | null;
  voorwaarden: { code: string; tekst: string }[];
  duurzaam: boolean;
  bron: BelastbaarheidBron;
  bronLabel: string;
  bronOmschrijving: string | null;
  vastgesteldOp: string;
  auteur: string;
  aangemaaktOp: string;
  /** Only present when the reader may see the medical detail. */
  toelichting?: string | null;
}

export interface Profiel {
  persoonId: string;
  catalogusVersie: string;
  medischZichtbaar: boolean;
  magSchrijven: boolean;
  items: ProfielItem[];
  aantalBeperkt: number;
}

export interface Historie {
  persoonId: string;
  medischZichtbaar: boolean;
  items: ProfielItem[];
}

export interface ItemInvoer {
  item: string;
  niveau?: number;
  voorwaarden?: string[];
  toelichting?: string | null;
  duurzaam: boolean;
}

export interface NieuweVaststelling {
  bron: BelastbaarheidBron;
  bronOmschrijving?: string | null;
  vastgesteldOp: string;
  items: ItemInvoer[];
}

export interface Werkplekaanpassing {
  id: string;
  item: string;
  itemNaam: string;
  functieId: string | null;
  functieNaam: string | null;
  omschrijving: string;
  auteur: string;
  aangemaaktOp: string;
  ingetrokkenOp: string | null;
}

export interface FunctieSamenvatting {
  id: string;
  code: string;
  naam: string;
  isco: string | null;
  groep: string;
  groepNaam: string;
  sector: string;
  sectorNaam: string;
  opleidingsniveau: string;
  opleidingsniveauNaam: string;
  urenMin: number;
  urenMax: number;
  eigen: boolean;
  actief: boolean;
}

export interface BelastingRegel {
  item: string;
  naam: string;
  niveau: number | null;
  tekst: string;
  voorwaarden: { code: string; tekst: string }[];
}

export interface FunctieDetail extends FunctieSamenvatting {
  brc: string | null;
  taken: string[];
  belasting: BelastingRegel[];
  illustratief: boolean;
  toelichting: string | null;
  catalogusVersie: string;
}

export interface FunctieLijst {
  totaal: number;
  resultaten: FunctieSamenvatting[];
}

export interface Functiegroepen {
  groepen: { code: string; naam: string; sector: string; aantal: number }[];
  sectoren: { code: string; naam: string }[];
  opleidingsniveaus: { code: string; naam: string }[];
}

export type Oordeel = 'past_niet' | 'aangepast' | 'op_de_grens' | 'past';

export interface ItemUitleg {
  item: string;
  naam: string;
  rubriek: string;
  oordeel: Oordeel;
  functieVraagt: string;
  persoonKan: string;
  zin: string;
}

export interface Match {
  functie: FunctieSamenvatting;
  passend: boolean;
  mismatches: number;
  opDeGrens: number;
  aangepast: number;
  uitleg: ItemUitleg[];
}

export interface Verwant extends Match {
  zelfdeGroep: boolean;
  gedeeldeTaken: string[];
}

export interface PassendeFuncties {
  persoonId: string;
  profielAanwezig: boolean;
  aantalBeperkingen: number;
  totaal: number;
  resultaten: Match[];
  wens: { beoordeling: Match; verwant: Verwant[] } | null;
  disclaimer: string;
}

export interface Kandidaten {
  functie: FunctieSamenvatting;
  totaal: number;
  resultaten: {
    persoonId: string;
    naam: string;
    gemeente: string;
    opDeGrens: number;
    aangepast: number;
    uitleg: ItemUitleg[];
  }[];
  disclaimer: string;
}

export interface ImportRapport {
  proefdraai: boolean;
  regels: number;
  geaccepteerd: number;
  nieuw: number;
  gewijzigd: number;
  ongewijzigd: number;
  afgewezen: number;
  fouten: { regel: number; veld: string; reden: string }[];
}
