/**
 * Shapes of the saved-search, notification and vacancy API (src/server/modules/zoekopdrachten and
 * vacatures), mirrored by hand: the server code is not imported into the browser bundle.
 */
import type { PubliekProfiel } from './kandidaten.js';
import type { BelastingRegel, FunctieSamenvatting } from './matching.js';

/** GET /api/v1/opgeslagen-zoekopdrachten */
export interface OpgeslagenZoekopdracht {
  id: string;
  naam: string;
  /** The search page's query parameters (lists comma-separated). */
  filters: Record<string, string>;
  aangemaaktOp: string;
  gezienTot: string;
  aantalNieuw: number;
  geldig: boolean;
}

/** GET /api/v1/opgeslagen-zoekopdrachten/:id/resultaten */
export interface ZoekopdrachtResultaten {
  zoekopdracht: OpgeslagenZoekopdracht;
  nieuwNa: string | null;
  totaal: number;
  resultaten: (PubliekProfiel & { relevantie: number; nieuw: boolean })[];
}

export interface Melding {
  id: string;
  soort: string;
  titel: string;
  tekst: string | null;
  link: string | null;
  gelezenOp: string | null;
  aangemaaktOp: string;
}

/** GET /api/v1/meldingen */
export interface Meldingen {
  ongelezen: number;
  resultaten: Melding[];
}

export type Vacaturestatus = 'open' | 'gesloten';

export interface VacatureSamenvatting {
  id: string;
  titel: string;
  functie: { id: string; naam: string };
  urenMin: number;
  urenMax: number;
  gemeente: { id: string; naam: string } | null;
  status: Vacaturestatus;
  aangepast: boolean;
  gewijzigdOp: string;
}

export interface VacatureDetail extends Omit<VacatureSamenvatting, 'functie'> {
  omschrijving: string | null;
  functie: FunctieSamenvatting;
  sector: { code: string; naam: string } | null;
  belastingAanpassingen: Record<string, number | string[]>;
  belasting: (BelastingRegel & { aangepast: boolean })[];
  versie: number;
  aangemaaktOp: string;
}

/** Body of POST /api/v1/vacatures and PUT /api/v1/vacatures/:id */
export interface VacatureInvoer {
  titel: string;
  omschrijving: string | null;
  functieId: string;
  belastingAanpassingen: Record<string, number | string[]>;
  urenMin: number;
  urenMax: number;
  sector: string | null;
  gemeenteId: string | null;
  status: Vacaturestatus;
  versie?: number;
}

export type FitSoort = 'past' | 'past_met_aanpassing' | 'onbekend';

/** GET /api/v1/vacatures/:id/kandidaten: the public profile plus a non-medical fit summary. */
export interface VacatureKandidaten {
  vacature: { id: string; titel: string; status: Vacaturestatus };
  totaal: number;
  aantalPassend: number;
  aantalOnbekend: number;
  resultaten: (PubliekProfiel & {
    fit: { soort: FitSoort; label: string; uitleg: string; bespreekpunten: number; bespreekTekst: string | null };
    urenPassen: boolean;
  })[];
  disclaimer: string;
}
