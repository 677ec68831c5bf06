/**
 * Response shapes of the Passend API, mirrored by hand from the zod schemas in src/server
 * (the server code is not imported into the browser bundle).
 */
import type { Organisatiesoort, Persoonstatus, Rol, TijdlijnSoort, Toestemmingsdoel, VastgelegdVia } from '../../shared/codes.js';

export type PersoonActie =
  | 'persoon.lezen'
  | 'persoon.aanmaken'
  | 'persoon.wijzigen'
  | 'persoon.contact_wijzigen'
  | 'persoon.afsluiten'
  | 'persoon.bsn_inzien'
  | 'tijdlijn.lezen'
  | 'tijdlijn.schrijven'
  | 'toestemming.lezen'
  | 'toestemming.beheren'
  | 'toewijzing.beheren'
  | 'audit.persoon'
  | 'jobcoaching.lezen'
  | 'jobcoaching.beoordelen'
  | 'belastbaarheid.lezen'
  | 'belastbaarheid.medisch_lezen'
  | 'belastbaarheid.schrijven'
  | 'loonwaarde.lezen'
  | 'loonwaarde.meten'
  | 'kandidaatprofiel.lezen'
  | 'kandidaatprofiel.beheren'
  | 'afweging.lezen'
  | 'afweging.schrijven'
  | 'afweging.eigen_visie'
  | 'verwijzing.lezen'
  | 'verwijzing.beheren'
  | 'verwijzing.behandelen'
  | 'verwijzing.terugmelden';

export interface Gebruiker {
  id: string;
  gebruikersnaam: string;
  naam: string;
  email: string | null;
  rollen: Rol[];
  actief: boolean;
  persoonId: string | null;
  organisatie: { id: string; slug: string; naam: string; soort: Organisatiesoort };
}

export interface Sessie {
  csrfToken: string;
  gebruiker: Gebruiker;
}

export interface Pagina<T> {
  resultaten: T[];
  totaal: number;
  pagina: number;
  paginaGrootte: number;
}

export interface PersoonSamenvatting {
  id: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  woonplaats: string | null;
  status: Persoonstatus;
  gemeente: { id: string; naam: string };
  gewijzigdOp: string;
}

export interface Toewijzing {
  id: string;
  rol: Rol;
  van: string;
  gebruiker: { id: string; naam: string; organisatie: string };
}

export interface PersoonDetail extends PersoonSamenvatting {
  externId: string | null;
  bsnGemaskeerd: string | null;
  email: string | null;
  telefoon: string | null;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  afsluitreden: string | null;
  afgeslotenOp: string | null;
  aangemaaktOp: string;
  versie: number;
  toewijzingen: Toewijzing[];
  grondslag: string;
  rechten: PersoonActie[];
}

export interface TijdlijnGebeurtenis {
  id: string;
  soort: TijdlijnSoort;
  titel: string;
  tekst: string | null;
  auteur: string | null;
  organisatie: string | null;
  tijdstip: string;
}

export interface Toestemming {
  id: string;
  doel: Toestemmingsdoel;
  ontvanger: { id: string; naam: string } | null;
  vastgelegdVia: VastgelegdVia;
  toelichting: string | null;
  verleendOp: string;
  verleendDoor: string;
  ingetrokkenOp: string | null;
  ingetrokkenDoor: string | null;
  intrekkingsreden: string | null;
  actief: boolean;
}

export interface AuditRegel {
  id: string;
  tijdstip: string;
  actie: string;
  resource: string;
  resourceId: string | null;
  persoonId: string | null;
  gebruiker: string | null;
  organisatie: string | null;
  doel: string;
  grondslag: string | null;
  wijzigingen: Record<string, { oud: unknown; nieuw: unknown }> | null;
  toelichting: string | null;
}

export interface Organisatie {
  id: string;
  slug: string;
  naam: string;
  soort: Organisatiesoort;
  regio: { id: string; naam: string };
}

export interface Professional {
  id: string;
  naam: string;
  rollen: Rol[];
  organisatie: string;
}
