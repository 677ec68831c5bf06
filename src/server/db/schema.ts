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
  /** 0008: the gemeente's own answer term for contactverzoeken (working days), with its source. */
  contactverzoek_termijn_werkdagen: number | null;
  contactverzoek_termijn_bron: string | null;
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
  /** Set by trigger (0009): when it last became published; NULL while not published. */
  gepubliceerd_op: ColumnType<Date | null, never, never>;
  /** Set by trigger (0009): from when it counts as new for saved searches. */
  nieuw_sinds: ColumnType<Date | null, never, never>;
  zoekvector: ColumnType<string | null, never, never>;
  versie: Generated<number>;
  aangemaakt_op: Timestamp;
  gewijzigd_op: Timestamp;
  /** Id of the transaction that last wrote the row (the search index follows it). */
  tx: Generated<string>;
}

export interface ContactverzoekTable {
  id: string;
  organisatie_id: string;
  regio_id: string;
  kandidaatprofiel_id: string;
  persoon_id: string;
  publiek_id: string;
  werkgever_organisatie_id: string;
  werkgever_gebruiker_id: string;
  functie: string;
  bericht: string;
  uren_per_week: ColumnType<string | null, number | null, number | null>;
  werkgever_telefoon: string | null;
  status: Generated<'nieuw' | 'in_behandeling' | 'ja' | 'nee' | 'ingetrokken' | 'verlopen'>;
  termijn_werkdagen: number;
  termijn_bron: string;
  deadline: string;
  toegewezen_aan: string | null;
  aangemaakt_op: ColumnType<Date, Date | string | undefined, Date | string>;
  in_behandeling_op: Date | null;
  in_behandeling_door: string | null;
  beantwoord_op: Date | null;
  beantwoord_door: string | null;
  antwoord_toelichting: string | null;
  ingetrokken_op: Date | null;
  verlopen_op: Date | null;
  gedeeld_naam: string | null;
  gedeeld_telefoon: string | null;
  gedeeld_email: string | null;
  toestemming_id: string | null;
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

export interface OpgeslagenZoekopdrachtTable {
  id: Generated<string>;
  organisatie_id: string;
  regio_id: string;
  gebruiker_id: string;
  naam: string;
  /** The search's query parameters (query-string form), validated by its schema. */
  filters: ColumnType<Record<string, string>, string, string>;
  aangemaakt_op: Generated<Date>;
  gezien_tot: ColumnType<Date, Date | string | undefined, Date | string>;
  vorige_gezien_tot: Date | null;
  gemeld_tot: Date | null;
  gecontroleerd_op: Date | null;
}

export interface MeldingTable {
  id: Generated<string>;
  organisatie_id: string;
  gebruiker_id: string;
  soort: string;
  titel: string;
  tekst: string | null;
  link: string | null;
  bron_id: string | null;
  gelezen_op: Date | null;
  aangemaakt_op: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface VacatureTable {
  id: Generated<string>;
  organisatie_id: string;
  regio_id: string;
  titel: string;
  omschrijving: string | null;
  functie_id: string;
  belasting_aanpassingen: ColumnType<Record<string, number | string[]>, string, string>;
  uren_min: ColumnType<string, number, number>;
  uren_max: ColumnType<string, number, number>;
  sector: string | null;
  gemeente_id: string | null;
  status: Generated<'open' | 'gesloten'>;
  versie: Generated<number>;
  aangemaakt_door: string | null;
  aangemaakt_op: Generated<Date>;
  gewijzigd_op: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** One bulk delivery (migrations/0007_import.sql). Never a BSN, a name or a raw row. */
export interface ImportRunTable {
  id: string;
  organisatie_id: string;
  gestart_door: string | null;
  gestart_via: 'sessie' | 'api-token' | 'cli';
  api_token_id: string | null;
  bestandsnaam: string | null;
  sha256: string | null;
  formaat: 'csv' | 'json' | 'jsonl' | null;
  proefdraai: boolean;
  status: Generated<'lopend' | 'klaar' | 'afgebroken'>;
  gelezen: Generated<number>;
  geaccepteerd: Generated<number>;
  afgewezen: Generated<number>;
  nieuw: Generated<number>;
  gewijzigd: Generated<number>;
  ongewijzigd: Generated<number>;
  checkpoint: Generated<number>;
  bytes: ColumnType<string, number | string | undefined, number | string>;
  gestart_op: Timestamp;
  bijgewerkt_op: Timestamp;
  afgerond_op: Date | null;
}

/** The report of a delivery: line, field, reason. */
export interface ImportFoutTable {
  run_id: string;
  organisatie_id: string;
  volgnummer: number;
  regel: number;
  veld: string;
  reden: string;
}

/** Return reasons, a maintained regional code list (migrations/0012_verwijzingen.sql). */
export interface TerugmeldredenlijstTable {
  regio_id: string;
  organisatie_id: string;
  aangemaakt_op: Generated<Date>;
}

export interface TerugmeldredenTable {
  id: string;
  organisatie_id: string;
  regio_id: string;
  code: string;
  label: string;
  omschrijving: string | null;
  categorie: 'positief' | 'negatief' | 'neutraal';
  toelichting_verplicht: Generated<boolean>;
  volgorde: Generated<number>;
  versie: Generated<number>;
  geldig_van: DateString;
  geldig_tot: string | null;
  bron: string | null;
  aangemaakt_op: Generated<Date>;
  gewijzigd_op: ColumnType<Date, Date | string | undefined, Date | string>;
  gewijzigd_door: string | null;
}

/** A referral to a trajectory or provider (0012). */
export interface VerwijzingTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  aanbieder_id: string;
  verwijzer_organisatie_id: string;
  route: string;
  doel: string;
  startdatum: DateString;
  status: Generated<string>;
  grondslag_id: string | null;
  aangemaakt_door: string | null;
  aangemaakt_op: ColumnType<Date, Date | string | undefined, Date | string>;
  beeindigd_op: Date | null;
  versie: Generated<number>;
}

export interface VerwijzingStatusTable {
  id: string;
  organisatie_id: string;
  verwijzing_id: string;
  van_status: string | null;
  naar_status: string;
  toelichting: string | null;
  door: string | null;
  door_organisatie_id: string | null;
  tijdstip: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TerugmeldingTable {
  id: string;
  organisatie_id: string;
  verwijzing_id: string;
  persoon_id: string;
  toelichting: string;
  datum: DateString;
  door: string | null;
  door_organisatie_id: string;
  aangemaakt_op: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TerugmeldingRedenTable {
  terugmelding_id: string;
  organisatie_id: string;
  reden_id: string;
  reden_versie: number;
  primair: Generated<boolean>;
}

/** The afwegingskader (migrations/0011_afweging.sql): versions of region bounds and gemeente weights, afwegingen, decisions, case consultations. */
type Jsonb = ColumnType<unknown, string, string>;

export interface AfwegingRegiobeheerTable {
  regio_id: string;
  organisatie_id: string;
  aangemaakt_op: Generated<Date>;
}

export interface AfwegingRegiokaderTable {
  id: string;
  regio_id: string;
  organisatie_id: string;
  versie: number;
  catalogus_versie: string;
  grenzen: Jsonb;
  geldig_van: DateString;
  bron: string;
  toelichting: string | null;
  gewijzigd_door: string | null;
  gewijzigd_op: Timestamp;
}

export interface AfwegingGemeentekaderTable {
  id: string;
  organisatie_id: string;
  versie: number;
  catalogus_versie: string;
  gewichten: Jsonb;
  onderbouwing: Jsonb;
  geldig_van: DateString;
  bron: string;
  gewijzigd_door: string | null;
  gewijzigd_op: Timestamp;
}

export interface AfwegingTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  factorwaarden: Jsonb;
  bronnen: Jsonb;
  toelichtingen: Jsonb;
  advies: Jsonb;
  catalogus_versie: string;
  gemeentekader_id: string | null;
  regiokader_id: string | null;
  visie_professional: string | null;
  visie_persoon: string | null;
  visie_persoon_door: string | null;
  visie_persoon_op: Date | null;
  signaleringen: Jsonb;
  auteur_id: string;
  aangemaakt_op: Timestamp;
}

export interface AfwegingBesluitTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  afweging_id: string;
  route: string;
  redenen: string;
  persoon_eens: 'ja' | 'deels' | 'nee';
  reactie_persoon: string | null;
  volgt_advies: boolean;
  besluitdatum: DateString;
  signaleringen: Jsonb;
  vastgelegd_door: string;
  aangemaakt_op: Timestamp;
}

export interface CasusoverlegTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  afweging_id: string | null;
  datum: DateString;
  deelnemers: Jsonb;
  argumenten: Jsonb;
  conclusie: string;
  signaleringen: Jsonb;
  vastgelegd_door: string;
  aangemaakt_op: Timestamp;
}

// Brede diagnose and eigen plan (migration 0010).
export interface DiagnoseTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  perspectief: 'persoon' | 'professional';
  datum: DateString;
  participatieladder: number | null;
  motivatie_score: number | null;
  motivatie_tekst: string | null;
  sterke_punten: string | null;
  obstakels: string | null;
  ondersteuningsbehoefte: string | null;
  instrument_versie: string;
  auteur_id: string;
  ingevuld_door: 'persoon' | 'professional';
  aangemaakt_op: Timestamp;
}

export interface DiagnoseLeefgebiedTable {
  diagnose_id: string;
  organisatie_id: string;
  leefgebied: string;
  score: number;
  toelichting: string | null;
}

export interface PlanConceptTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  ronde: number;
  revisie: number;
  status: 'concept' | 'ingediend' | 'gereageerd' | 'vastgesteld';
  waar_ik_sta: string | null;
  waar_ik_naartoe_wil: string | null;
  wat_ik_nodig_heb: string | null;
  eerste_stappen: string | null;
  gewijzigd_door: string;
  gewijzigd_door_persoon: boolean;
  gewijzigd_op: Timestamp;
  ingediend_op: Date | string | null;
  akkoord_persoon_op: Date | string | null;
  akkoord_persoon_door: string | null;
  akkoord_professional_op: Date | string | null;
  akkoord_professional_door: string | null;
  aangemaakt_op: Timestamp;
}

export interface PlanReactieTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  ronde: number;
  revisie: number;
  onderdeel: string;
  tekst: string;
  auteur_id: string;
  aangemaakt_op: Timestamp;
}

export interface PlanVersieTable {
  id: string;
  organisatie_id: string;
  persoon_id: string;
  versie: number;
  revisie: number;
  waar_ik_sta: string;
  waar_ik_naartoe_wil: string;
  wat_ik_nodig_heb: string;
  eerste_stappen: string | null;
  akkoord_persoon_op: Date | string;
  akkoord_persoon_door: string;
  akkoord_professional_op: Date | string;
  akkoord_professional_door: string;
  vastgesteld_op: Timestamp;
}

export interface Database {
  afweging_regiobeheer: AfwegingRegiobeheerTable;
  afweging_regiokader: AfwegingRegiokaderTable;
  afweging_gemeentekader: AfwegingGemeentekaderTable;
  afweging: AfwegingTable;
  afweging_besluit: AfwegingBesluitTable;
  casusoverleg: CasusoverlegTable;
  terugmeldredenlijst: TerugmeldredenlijstTable;
  terugmeldreden: TerugmeldredenTable;
  verwijzing: VerwijzingTable;
  verwijzing_status: VerwijzingStatusTable;
  terugmelding: TerugmeldingTable;
  terugmelding_reden: TerugmeldingRedenTable;
  import_run: ImportRunTable;
  import_fout: ImportFoutTable;
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
  diagnose: DiagnoseTable;
  diagnose_leefgebied: DiagnoseLeefgebiedTable;
  plan_concept: PlanConceptTable;
  plan_reactie: PlanReactieTable;
  plan_versie: PlanVersieTable;
  contactverzoek: ContactverzoekTable;
  opgeslagen_zoekopdracht: OpgeslagenZoekopdrachtTable;
  melding: MeldingTable;
  vacature: VacatureTable;
}

export type PersoonRow = Selectable<PersoonTable>;
export type NewPersoon = Insertable<PersoonTable>;
export type PersoonUpdate = Updateable<PersoonTable>;
export type GebruikerRow = Selectable<GebruikerTable>;
export type OrganisatieRow = Selectable<OrganisatieTable>;
