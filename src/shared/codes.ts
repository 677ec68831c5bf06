/**
 * Code tables: data with derived types. Shared by server, web app and CLI.
 * Labels are the Dutch text a user sees.
 */

export const ORGANISATIESOORTEN = {
  gemeente: { label: 'Gemeente' },
  uwv: { label: 'UWV' },
  reintegratiebedrijf: { label: 'Re-integratiebedrijf' },
  school: { label: 'School (pro/vso)' },
  werkgever: { label: 'Werkgever' },
  jobcoachorganisatie: { label: 'Jobcoachorganisatie' },
} as const;
export type Organisatiesoort = keyof typeof ORGANISATIESOORTEN;
export const ORGANISATIESOORT_CODES = Object.keys(ORGANISATIESOORTEN) as [Organisatiesoort, ...Organisatiesoort[]];

export const ROLLEN = {
  klantmanager: { label: 'Klantmanager', professional: true },
  arbeidsdeskundige: { label: 'Arbeidsdeskundige', professional: true },
  jobcoach: { label: 'Jobcoach', professional: true },
  loonwaardedeskundige: { label: 'Loonwaardedeskundige', professional: true },
  beleidsmedewerker: { label: 'Beleidsmedewerker', professional: false },
  werkgever: { label: 'Werkgever', professional: false },
  school: { label: 'School', professional: true },
  redacteur: { label: 'Redacteur kennisplatform', professional: false },
  beheerder: { label: 'Beheerder', professional: false },
  inwoner: { label: 'Inwoner', professional: false },
} as const;
export type Rol = keyof typeof ROLLEN;
export const ROL_CODES = Object.keys(ROLLEN) as [Rol, ...Rol[]];

/** Which roles an organisation of each kind may hand out. Inwoner accounts live at the person's gemeente. */
export const ROLLEN_PER_ORGANISATIESOORT: Record<Organisatiesoort, readonly Rol[]> = {
  gemeente: ['klantmanager', 'arbeidsdeskundige', 'jobcoach', 'loonwaardedeskundige', 'beleidsmedewerker', 'redacteur', 'beheerder', 'inwoner'],
  uwv: ['arbeidsdeskundige', 'beleidsmedewerker', 'beheerder'],
  reintegratiebedrijf: ['klantmanager', 'jobcoach', 'arbeidsdeskundige', 'beheerder'],
  school: ['school', 'beheerder'],
  werkgever: ['werkgever', 'beheerder'],
  jobcoachorganisatie: ['jobcoach', 'beheerder'],
};

export const PERSOONSTATUSSEN = {
  aangemeld: { label: 'Aangemeld' },
  intake: { label: 'Intake' },
  actief: { label: 'Actief traject' },
  nazorg: { label: 'Nazorg' },
  afgesloten: { label: 'Afgesloten' },
} as const;
export type Persoonstatus = keyof typeof PERSOONSTATUSSEN;
export const PERSOONSTATUS_CODES = Object.keys(PERSOONSTATUSSEN) as [Persoonstatus, ...Persoonstatus[]];

/** Purposes (doelbinding) for processing personal data; every audit row names one. */
export const DOELEN = {
  uitvoering_participatiewet: { label: 'Uitvoering Participatiewet (re-integratie en ondersteuning)' },
  bemiddeling: { label: 'Bemiddeling naar werk' },
  jobcoaching: { label: 'Jobcoaching en begeleiding op de werkplek' },
  onderwijs_overgang: { label: 'Overgang van school naar werk' },
  inzage_betrokkene: { label: 'Inzage door de persoon zelf (AVG art. 15)' },
  beheer: { label: 'Beheer en verantwoording' },
} as const;
export type Doel = keyof typeof DOELEN;
export const DOEL_CODES = Object.keys(DOELEN) as [Doel, ...Doel[]];

/** What a consent record covers; a consent to an organisation gives that organisation a basis to see the dossier. */
export const TOESTEMMINGSDOELEN = {
  gegevens_delen: { label: 'Gegevens delen met een andere organisatie' },
  kandidaatprofiel: { label: 'Anoniem kandidaatprofiel publiceren voor werkgevers' },
  contact_werkgever: { label: 'Contactgegevens delen met een werkgever' },
} as const;
export type Toestemmingsdoel = keyof typeof TOESTEMMINGSDOELEN;
export const TOESTEMMINGSDOEL_CODES = Object.keys(TOESTEMMINGSDOELEN) as [Toestemmingsdoel, ...Toestemmingsdoel[]];

export const VASTGELEGD_VIA = ['mondeling', 'schriftelijk', 'digitaal'] as const;
export type VastgelegdVia = (typeof VASTGELEGD_VIA)[number];

export const AUDIT_ACTIES = {
  lezen: { label: 'Bekeken' },
  zoeken: { label: 'Gevonden in een zoekopdracht' },
  aanmaken: { label: 'Aangemaakt' },
  wijzigen: { label: 'Gewijzigd' },
  afsluiten: { label: 'Afgesloten' },
  bsn_inzien: { label: 'BSN ingezien' },
  exporteren: { label: 'Geëxporteerd' },
  toestemming_verlenen: { label: 'Toestemming vastgelegd' },
  toestemming_intrekken: { label: 'Toestemming ingetrokken' },
  geweigerd: { label: 'Toegang geweigerd' },
  inloggen: { label: 'Ingelogd' },
  inloggen_mislukt: { label: 'Inloggen mislukt' },
  uitloggen: { label: 'Uitgelogd' },
  wachtwoord_wijzigen: { label: 'Wachtwoord gewijzigd' },
  verwijderen: { label: 'Verwijderd' },
} as const;
export type AuditActie = keyof typeof AUDIT_ACTIES;

export const TIJDLIJN_SOORTEN = {
  notitie: { label: 'Notitie' },
  gesprek: { label: 'Gesprek' },
  status: { label: 'Statuswijziging' },
  toestemming: { label: 'Toestemming' },
  toewijzing: { label: 'Toewijzing' },
  dossier: { label: 'Dossier' },
  verwijzing: { label: 'Verwijzing' },
} as const;
export type TijdlijnSoort = keyof typeof TIJDLIJN_SOORTEN;
/** Kinds a user may add by hand; the others are written by the system. */
export const HANDMATIGE_TIJDLIJN_SOORTEN = ['notitie', 'gesprek'] as const;

/** Education levels (Dutch qualification ladder, simplified); a function names the minimum it asks. Ordered low → high. */
export const OPLEIDINGSNIVEAUS = {
  geen: { label: 'Geen diploma of startkwalificatie nodig', rang: 0 },
  entree: { label: 'Entreeopleiding (mbo 1) of praktijkonderwijs', rang: 1 },
  mbo2: { label: 'Mbo niveau 2', rang: 2 },
  mbo3: { label: 'Mbo niveau 3', rang: 3 },
  mbo4: { label: 'Mbo niveau 4', rang: 4 },
  hbo: { label: 'Hbo', rang: 5 },
  wo: { label: 'Wo', rang: 6 },
} as const;
export type Opleidingsniveau = keyof typeof OPLEIDINGSNIVEAUS;
export const OPLEIDINGSNIVEAU_CODES = Object.keys(OPLEIDINGSNIVEAUS) as [Opleidingsniveau, ...Opleidingsniveau[]];

/** Where a belastbaarheid observation comes from. */
export const BELASTBAARHEID_BRONNEN = {
  eigen_beoordeling: { label: 'Eigen beoordeling arbeidsdeskundige' },
  uwv_fml: { label: 'FML van UWV (overgenomen)' },
  verzekeringsarts: { label: 'Rapport verzekeringsarts' },
  bedrijfsarts: { label: 'Advies bedrijfsarts' },
} as const;
export type BelastbaarheidBron = keyof typeof BELASTBAARHEID_BRONNEN;
export const BELASTBAARHEID_BRON_CODES = Object.keys(BELASTBAARHEID_BRONNEN) as [BelastbaarheidBron, ...BelastbaarheidBron[]];

/**
 * Work conditions on a kandidaatprofiel, in plain, non-medical words an employer understands
 * ("werkt graag buiten", "geen zwaar tilwerk"). Never a diagnosis.
 */
export const WERKCONDITIES = {
  werkt_graag_buiten: { label: 'Werkt graag buiten' },
  werkt_graag_binnen: { label: 'Werkt graag binnen' },
  werkt_graag_met_handen: { label: 'Werkt graag met de handen' },
  werkt_graag_met_mensen: { label: 'Werkt graag met mensen' },
  werkt_graag_met_computer: { label: 'Werkt graag met de computer' },
  geen_zwaar_tilwerk: { label: 'Geen zwaar tilwerk' },
  afwisseling_zitten_staan: { label: 'Afwisseling tussen zitten en staan' },
  rustige_werkplek: { label: 'Rustige werkplek' },
  vaste_structuur: { label: 'Vaste structuur en duidelijke taken' },
  geen_tijdsdruk: { label: 'Geen hoge tijdsdruk' },
  korte_werkdagen: { label: 'Korte werkdagen' },
  geen_avond_of_nachtwerk: { label: 'Geen avond- of nachtwerk' },
  begeleiding_op_de_werkplek: { label: 'Begeleiding op de werkplek (jobcoach)' },
  vaste_collega: { label: 'Een vaste collega om op terug te vallen' },
  rolstoeltoegankelijk: { label: 'Rolstoeltoegankelijke werkplek' },
  bereikbaar_met_ov: { label: 'Bereikbaar met het openbaar vervoer' },
} as const;
export type Werkconditie = keyof typeof WERKCONDITIES;
export const WERKCONDITIE_CODES = Object.keys(WERKCONDITIES) as [Werkconditie, ...Werkconditie[]];

/**
 * The routes the afwegingskader weighs (issue 5; seed 001 Leiden). A referral (verwijzing) names one,
 * so the dashboard can show movement between routes. Advice, never an automatic decision.
 */
export const TRAJECTROUTES = {
  werk_via_reintegratie: { label: 'Werk via re-integratie en werkgeversdienstverlening', soort: 'werk' },
  participatietraject: { label: 'Participatietraject', soort: 'participatie' },
  advies_beschut_werk: { label: 'Advies beschut werk aanvragen (UWV)', soort: 'beschut_werk' },
  doorverwijzing_wijkteam: { label: 'Doorverwijzing naar het wijkteam', soort: 'doorverwijzing' },
  doorverwijzing_uwv: { label: 'Doorverwijzing naar UWV', soort: 'doorverwijzing' },
  doorverwijzing_zorg: { label: 'Doorverwijzing naar zorg', soort: 'doorverwijzing' },
} as const;
export type Trajectroute = keyof typeof TRAJECTROUTES;
export const TRAJECTROUTE_CODES = Object.keys(TRAJECTROUTES) as [Trajectroute, ...Trajectroute[]];

/** Work items for professionals (table `taak`), created by modules: a contact request, a return to follow up, … */
export const TAAKSOORTEN = {
  contactverzoek: { label: 'Contactverzoek van een werkgever beantwoorden' },
  profiel_aanvullen: { label: 'Kandidaatprofiel aanvullen' },
  terugmelding_opvolgen: { label: 'Terugmelding van een aanbieder opvolgen' },
  geen_activiteit: { label: 'Drie maanden geen activiteit: contact opnemen' },
  plan_reactie: { label: 'Reageren op het eigen plan van de persoon' },
  evaluatie: { label: 'Evaluatie plannen' },
} as const;
export type Taaksoort = keyof typeof TAAKSOORTEN;
export const TAAKSOORT_CODES = Object.keys(TAAKSOORTEN) as [Taaksoort, ...Taaksoort[]];

/**
 * The life of an employer's contact request (table `contactverzoek`). `werkgever` is what the
 * employer is shown: neutral, and "in behandeling" until there is an answer.
 */
export const CONTACTVERZOEK_STATUSSEN = {
  nieuw: { label: 'Nieuw', open: true, werkgever: 'In behandeling' },
  in_behandeling: { label: 'In behandeling', open: true, werkgever: 'In behandeling' },
  ja: { label: 'Ja: contactgegevens gedeeld', open: false, werkgever: 'De kandidaat wil graag kennismaken' },
  nee: { label: 'Nee', open: false, werkgever: 'Er komt geen contact tot stand' },
  ingetrokken: { label: 'Ingetrokken door de werkgever', open: false, werkgever: 'Ingetrokken' },
  verlopen: { label: 'Verlopen (profiel niet meer gepubliceerd)', open: false, werkgever: 'Er komt geen contact tot stand' },
} as const;
export type Contactverzoekstatus = keyof typeof CONTACTVERZOEK_STATUSSEN;
export const CONTACTVERZOEKSTATUS_CODES = Object.keys(CONTACTVERZOEK_STATUSSEN) as [Contactverzoekstatus, ...Contactverzoekstatus[]];

/** In-app notifications for one user (table `melding`). */
export const MELDINGSOORTEN = {
  nieuwe_kandidaten: { label: 'Nieuwe kandidaten voor een bewaarde zoekopdracht' },
  contactverzoek_beantwoord: { label: 'Antwoord op een contactverzoek' },
} as const;
export type Meldingsoort = keyof typeof MELDINGSOORTEN;

/** A vacancy is open (matched against candidates) or closed. */
export const VACATURESTATUSSEN = {
  open: { label: 'Open' },
  gesloten: { label: 'Gesloten' },
} as const;
export type Vacaturestatus = keyof typeof VACATURESTATUSSEN;
export const VACATURESTATUS_CODES = Object.keys(VACATURESTATUSSEN) as [Vacaturestatus, ...Vacaturestatus[]];

/** The life of a referral (verwijzing); the transitions are in src/server/modules/verwijzingen/statusverloop.ts. */
export const VERWIJZINGSTATUSSEN = {
  aangemeld: { label: 'Aangemeld', lopend: true },
  geaccepteerd: { label: 'Geaccepteerd', lopend: true },
  geweigerd: { label: 'Geweigerd door de aanbieder', lopend: false },
  gestart: { label: 'Gestart', lopend: true },
  afgerond: { label: 'Afgerond', lopend: false },
  teruggemeld: { label: 'Teruggemeld', lopend: false },
  ingetrokken: { label: 'Ingetrokken door de gemeente', lopend: false },
} as const;
export type Verwijzingstatus = keyof typeof VERWIJZINGSTATUSSEN;
export const VERWIJZINGSTATUS_CODES = Object.keys(VERWIJZINGSTATUSSEN) as [Verwijzingstatus, ...Verwijzingstatus[]];

/** How a return reason counts on the dashboard: a positive exit (work found), a fall-back, or neither. */
export const TERUGMELDREDEN_CATEGORIEEN = {
  positief: { label: 'Positief (uitstroom)' },
  negatief: { label: 'Uitval' },
  neutraal: { label: 'Neutraal' },
} as const;
export type TerugmeldredenCategorie = keyof typeof TERUGMELDREDEN_CATEGORIEEN;
export const TERUGMELDREDEN_CATEGORIE_CODES = Object.keys(TERUGMELDREDEN_CATEGORIEEN) as [TerugmeldredenCategorie, ...TerugmeldredenCategorie[]];
