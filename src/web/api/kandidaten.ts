/**
 * Shapes of the kandidatenportaal API (src/server/modules/kandidaten/routes.ts), mirrored by hand:
 * the server code is not imported into the browser bundle.
 */

/** What an employer sees: never a name, BSN, address, phone or e-mail. */
export interface PubliekProfiel {
  publiekId: string;
  gemeente: string;
  wensen: string | null;
  kwaliteiten: string | null;
  sectoren: { code: string; naam: string }[];
  gewensteFuncties: string[];
  opleidingsniveau: { code: string; naam: string } | null;
  urenMin: number | null;
  urenMax: number | null;
  beschikbaarVanaf: string | null;
  beschikbaarNu: boolean;
  werkcondities: { code: string; label: string }[];
  banenafspraak: boolean;
  compleetheid: number;
}

/** GET/PUT /api/v1/personen/:id/kandidaatprofiel */
export interface EigenProfiel {
  persoonId: string;
  aanwezig: boolean;
  versie: number | null;
  toestemmingActief: boolean;
  gepubliceerd: boolean;
  compleetheid: number;
  ontbrekend: { veld: string; label: string }[];
  zoalsWerkgeverZiet: PubliekProfiel | null;
  magBeheren: boolean;
}

/** Body of PUT /api/v1/personen/:id/kandidaatprofiel */
export interface ProfielInvoer {
  wensen: string | null;
  kwaliteiten: string | null;
  sectoren: string[];
  gewensteFuncties: string[];
  opleidingsniveau: string | null;
  urenMin: number | null;
  urenMax: number | null;
  beschikbaarVanaf: string | null;
  werkcondities: string[];
  banenafspraak: boolean;
  versie?: number;
}

export interface Facetwaarde {
  code: string;
  naam: string;
  aantal: number;
}

/** GET /api/v1/kandidaatprofielen */
export interface KandidatenZoekresultaat {
  totaal: number;
  resultaten: (PubliekProfiel & { relevantie: number })[];
  facetten: { sectoren: Facetwaarde[]; opleidingsniveaus: Facetwaarde[]; gemeenten: Facetwaarde[]; werkcondities: Facetwaarde[] };
}
