import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely table types; they mirror migrations/*.sql. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateString = ColumnType<string, string | undefined, string>;

export interface ArbeidsmarktregioTable {
  id: string;
  slug: string;
  naam: string;
  aangemaakt_op: Timestamp;
}

export interface OrganisatieTable {
  id: string;
  regio_id: string;
  slug: string;
  naam: string;
  soort: string;
  actief: Generated<boolean>;
  aangemaakt_op: Timestamp;
}

export interface SamenwerkingTable {
  id: string;
  organisatie_id: string;
  uitvoerder_id: string;
  doel: string;
  geldig_van: DateString;
  geldig_tot: string | null;
  aangemaakt_op: Timestamp;
}

export interface PersoonTable {
  id: string;
  organisatie_id: string;
  extern_id: string | null;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string;
  bsn_versleuteld: string | null;
  bsn_hash: string | null;
  bsn_laatste_cijfers: string | null;
  email: string | null;
  telefoon: string | null;
  straat: string | null;
  huisnummer: string | null;
  postcode: string | null;
  woonplaats: string | null;
  status: Generated<string>;
  afsluitreden: string | null;
  afgesloten_op: Date | null;
  versie: Generated<number>;
  aangemaakt_op: Timestamp;
  gewijzigd_op: Timestamp;
  /** Generated: folded name, place and client number for search. */
  zoektekst: ColumnType<string, never, never>;
  gewenste_functie_id: string | null;
  opleidingsniveau: string | null;
  /** Transaction that last wrote the row (trigger); the matching engine's change cursor. */
  tx: ColumnType<string, never, never>;
}

export interface GebruikerTable {
  id: string;
  organisatie_id: string;
  gebruikersnaam: string;
  naam: string;
  email: string | null;
  wachtwoord_hash: string | null;
  rollen: string[];
  persoon_id: string | null;
  actief: Generated<boolean>;
  oidc_subject: string | null;
  aangemaakt_op: Timestamp;
  gewijzigd_op: Timestamp;
}

export interface SessieTable {
  id_hash: string;
  gebruiker_id: string;
  organisatie_id: string;
  csrf_token: string;
  aangemaakt_op: Timestamp;
  laatst_gebruikt_op: Timestamp;
  verloopt_op: Timestamp;
}

export interface ApiTokenTable {
  id: string;
  organisatie_id: string;
  gebruiker_id: string;
  naam: string;
  token_hash: string;
  laatst_gebruikt_op: Date | null;
  verloopt_op: Date | null;
  ingetrokken_op: Date | null;
  aangemaakt_op: Timestamp;
}

export interface InlogpogingTable {
  id: Generated<string>;
  gebruikersnaam: string;
  ip: string;
  gelukt: boolean;
  tijdstip: Timestamp;
}

export interface ToewijzingTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  gebruiker_id: string;
  rol: string;
  van: DateString;
  tot: string | null;
  aangemaakt_door: string | null;
  aangemaakt_op: Timestamp;
}

export interface GrondslagTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  ontvanger_id: string;
  soort: string;
  doel: string;
  van: DateString;
  tot: string | null;
  aangemaakt_op: Timestamp;
}

export interface ToestemmingTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  doel: string;
  ontvanger_id: string | null;
  verleend_op: Timestamp;
  verleend_door: string;
  vastgelegd_via: string;
  toelichting: string | null;
  ingetrokken_op: Date | null;
  ingetrokken_door: string | null;
  intrekkingsreden: string | null;
}

export interface TijdlijnGebeurtenisTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  soort: string;
  titel: string;
  tekst: string | null;
  auteur_id: string | null;
  auteur_organisatie_id: string | null;
  tijdstip: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  tijdstip: Timestamp;
  organisatie_id: string | null;
  gebruiker_id: string | null;
  gebruiker_naam: string | null;
  actor_organisatie_id: string | null;
  persoon_id: string | null;
  actie: string;
  resource: string;
  resource_id: string | null;
  doel: string;
  grondslag: string | null;
  wijzigingen: ColumnType<unknown, string | null, never>;
  verzoek_id: string | null;
  toelichting: string | null;
}

export interface GemeenteBeleidTable {
  organisatie_id: string;
  jobcoach_max_uren_per_halfjaar: ColumnType<string | null, number | null, number | null>;
  jobcoach_max_duur_jaren: number | null;
  bron: string;
  gewijzigd_door: string | null;
  gewijzigd_op: Timestamp;
}

export interface JobcoachBeoordelingTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  peildatum: string;
  uren_per_week: ColumnType<string, number, number>;
  begeleidingsjaar: number;
  antwoorden: ColumnType<unknown, string, string>;
  geadviseerd_regime: string;
  regime: string;
  afwijkingsreden: string | null;
  percentage: ColumnType<string, number, number>;
  uren_per_halfjaar: ColumnType<string, number, number>;
  uitkomst: ColumnType<unknown, string, string>;
  evaluatie_op: string;
  auteur_id: string;
  aangemaakt_op: Timestamp;
}

export interface BelastbaarheidItemTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  catalogus_versie: string;
  item_code: string;
  niveau: number | null;
  voorwaarden: ColumnType<string[] | null, string | null, string | null>;
  toelichting: string | null;
  bron: string;
  bron_omschrijving: string | null;
  duurzaam: boolean;
  vastgesteld_op: string;
  auteur_id: string;
  aangemaakt_op: Timestamp;
  volgnummer: ColumnType<string, never, never>;
  tx: ColumnType<string, never, never>;
}

export interface FunctieTable {
  id: string;
  regio_id: string;
  organisatie_id: string | null;
  code: string;
  naam: string;
  isco: string | null;
  brc: string | null;
  groep: string;
  opleidingsniveau: string;
  sector: string;
  uren_min: ColumnType<string, number, number>;
  uren_max: ColumnType<string, number, number>;
  taken: ColumnType<string[], string, string>;
  belasting: ColumnType<Record<string, number | string[]>, string, string>;
  catalogus_versie: string;
  illustratief: Generated<boolean>;
  actief: Generated<boolean>;
  gewijzigd_op: Timestamp;
  tx: ColumnType<string, never, never>;
}

export interface WerkplekaanpassingTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  functie_id: string | null;
  item_code: string;
  omschrijving: string;
  auteur_id: string;
  aangemaakt_op: Timestamp;
  ingetrokken_op: Date | null;
  tx: ColumnType<string, never, never>;
}

export interface LoonwaardemetingTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  werkgever: string;
  functie: string;
  arbeidsuren_per_week: ColumnType<string, number, number>;
  werkdagen_per_week: number;
  normfunctie: string;
  normfunctie_omschrijving: string;
  normuren_per_week: ColumnType<string, number, number>;
  hoofdtaken: ColumnType<unknown, string, string>;
  uitkomst: ColumnType<unknown, string, string>;
  loonwaarde: ColumnType<string, number, number>;
  berekende_loonwaarde: ColumnType<string, number, number>;
  afwijkingsreden: string | null;
  meetdatum: string;
  volgende_meting_op: string;
  methode: string;
  deskundige_id: string;
  deskundige_naam: string;
  kwalificatie: string;
  aangemaakt_op: Timestamp;
}

export interface KandidaatprofielTable {
  id: string;
  organisatie_id: string;
  regio_id: string;
  persoon_id: string;
  publiek_id: string;
  extern_id: string | null;
  wensen: string | null;
  kwaliteiten: string | null;
  sectoren: string[];
  gewenste_functies: string[];
  opleidingsniveau: string | null;
  uren_min: ColumnType<string | null, number | null, number | null>;
  uren_max: ColumnType<string | null, number | null, number | null>;
  beschikbaar_vanaf: string | null;
  werkcondities: string[];
  banenafspraak: boolean;
  compleetheid: number;
  gepubliceerd: Generated<boolean>;
  zoekvector: ColumnType<string | null, never, never>;
  versie: Generated<number>;
  aangemaakt_op: Timestamp;
  gewijzigd_op: Timestamp;
}

export interface SchemaMigratieTable {
  versie: number;
  naam: string;
  checksum: string;
  toegepast_op: Timestamp;
}

export interface TaakTable {
  id: Generated<string>;
  organisatie_id: string;
  persoon_id: string | null;
  soort: string;
  titel: string;
  omschrijving: string | null;
  bron_type: string | null;
  bron_id: string | null;
  toegewezen_aan: string | null;
  status: Generated<'open' | 'afgerond' | 'vervallen'>;
  deadline: string | null;
  aangemaakt_op: Generated<Date>;
  afgerond_op: Date | null;
  afgerond_door: string | null;
  afhandeling: string | null;
}

export interface Database {
  arbeidsmarktregio: ArbeidsmarktregioTable;
  organisatie: OrganisatieTable;
  samenwerking: SamenwerkingTable;
  persoon: PersoonTable;
  gebruiker: GebruikerTable;
  sessie: SessieTable;
  api_token: ApiTokenTable;
  inlogpoging: InlogpogingTable;
  toewijzing: ToewijzingTable;
  grondslag: GrondslagTable;
  toestemming: ToestemmingTable;
  tijdlijn_gebeurtenis: TijdlijnGebeurtenisTable;
  audit_log: AuditLogTable;
  schema_migratie: SchemaMigratieTable;
  gemeente_beleid: GemeenteBeleidTable;
  jobcoach_beoordeling: JobcoachBeoordelingTable;
  belastbaarheid_item: BelastbaarheidItemTable;
  functie: FunctieTable;
  werkplekaanpassing: WerkplekaanpassingTable;
  kandidaatprofiel: KandidaatprofielTable;
  loonwaardemeting: LoonwaardemetingTable;
  taak: TaakTable;
}

export type PersoonRow = Selectable<PersoonTable>;
export type NewPersoon = Insertable<PersoonTable>;
export type PersoonUpdate = Updateable<PersoonTable>;
export type GebruikerRow = Selectable<GebruikerTable>;
export type OrganisatieRow = Selectable<OrganisatieTable>;
