-- Passend foundation: region, organisations, users, sessions, persons, consent, audit.
-- Every organisation-owned row carries organisatie_id (the tenant key) so a national
-- deployment can distribute tables by tenant (e.g. Citus) without a redesign.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is STABLE; an IMMUTABLE wrapper lets it be used in index expressions.
CREATE OR REPLACE FUNCTION passend_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE arbeidsmarktregio (
  id          uuid PRIMARY KEY,
  slug        text NOT NULL UNIQUE,
  naam        text NOT NULL,
  aangemaakt_op timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisatie (
  id          uuid PRIMARY KEY,
  regio_id    uuid NOT NULL REFERENCES arbeidsmarktregio(id),
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  naam        text NOT NULL,
  soort       text NOT NULL CHECK (soort IN ('gemeente','uwv','reintegratiebedrijf','school','werkgever','jobcoachorganisatie')),
  actief      boolean NOT NULL DEFAULT true,
  aangemaakt_op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisatie_regio_idx ON organisatie (regio_id);

-- Regional cooperation: organisation "uitvoerder" may act for persons of gemeente "opdrachtgever".
CREATE TABLE samenwerking (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the gemeente whose persons are concerned (tenant key)
  uitvoerder_id    uuid NOT NULL REFERENCES organisatie(id),
  doel             text NOT NULL,
  geldig_van       date NOT NULL,
  geldig_tot       date,
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisatie_id, uitvoerder_id, doel)
);

CREATE TABLE persoon (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- verantwoordelijke gemeente (tenant key)
  extern_id        text,                                      -- id in the gemeente's own system (imports)
  voornaam         text NOT NULL,
  tussenvoegsel    text,
  achternaam       text NOT NULL,
  geboortedatum    date NOT NULL,
  bsn_versleuteld  text,                                      -- AES-256-GCM, never in lists or logs
  bsn_hash         text,                                      -- HMAC-SHA256 for exact look-up
  bsn_laatste_cijfers text,                                   -- last 3 digits for the masked display
  email            text,
  telefoon         text,
  straat           text,
  huisnummer       text,
  postcode         text,
  woonplaats       text,
  status           text NOT NULL DEFAULT 'aangemeld'
                   CHECK (status IN ('aangemeld','intake','actief','nazorg','afgesloten')),
  afsluitreden     text,
  afgesloten_op    timestamptz,
  versie           integer NOT NULL DEFAULT 1,
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op     timestamptz NOT NULL DEFAULT now(),
  -- Accent- and case-folded search text (name, place, client number), matched with a trigram index.
  zoektekst        text GENERATED ALWAYS AS (
    passend_unaccent(lower(voornaam || ' ' || coalesce(tussenvoegsel || ' ', '') || achternaam || ' ' || coalesce(woonplaats, '') || ' ' || coalesce(extern_id, '')))
  ) STORED
);
CREATE UNIQUE INDEX persoon_bsn_uniek ON persoon (organisatie_id, bsn_hash) WHERE bsn_hash IS NOT NULL;
CREATE UNIQUE INDEX persoon_extern_id_uniek ON persoon (organisatie_id, extern_id) WHERE extern_id IS NOT NULL;
CREATE INDEX persoon_org_naam_idx ON persoon (organisatie_id, achternaam, voornaam);
CREATE INDEX persoon_zoektekst_trgm_idx ON persoon USING gin (zoektekst gin_trgm_ops);
CREATE INDEX persoon_geboortedatum_idx ON persoon (organisatie_id, geboortedatum);

CREATE TABLE gebruiker (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),
  gebruikersnaam   text NOT NULL UNIQUE CHECK (gebruikersnaam ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  naam             text NOT NULL,
  email            text,
  wachtwoord_hash  text,                 -- NULL: no local password (OIDC or service account)
  rollen           text[] NOT NULL CHECK (cardinality(rollen) > 0),
  persoon_id       uuid REFERENCES persoon(id),  -- set for role inwoner: the person this account is
  actief           boolean NOT NULL DEFAULT true,
  oidc_subject     text UNIQUE,          -- seam for OIDC sign-in
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op     timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT ('inwoner' = ANY (rollen)) OR persoon_id IS NOT NULL)
);
CREATE INDEX gebruiker_org_idx ON gebruiker (organisatie_id);

CREATE TABLE sessie (
  id_hash          text PRIMARY KEY,     -- sha256 of the cookie value; the value itself is never stored
  gebruiker_id     uuid NOT NULL REFERENCES gebruiker(id) ON DELETE CASCADE,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),
  csrf_token       text NOT NULL,
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  laatst_gebruikt_op timestamptz NOT NULL DEFAULT now(),
  verloopt_op      timestamptz NOT NULL
);
CREATE INDEX sessie_gebruiker_idx ON sessie (gebruiker_id);

CREATE TABLE api_token (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),
  gebruiker_id     uuid NOT NULL REFERENCES gebruiker(id),  -- the account the token acts as
  naam             text NOT NULL,
  token_hash       text NOT NULL UNIQUE,
  laatst_gebruikt_op timestamptz,
  verloopt_op      timestamptz,
  ingetrokken_op   timestamptz,
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE inlogpoging (
  id               bigserial PRIMARY KEY,
  gebruikersnaam   text NOT NULL,
  ip               text NOT NULL,
  gelukt           boolean NOT NULL,
  tijdstip         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inlogpoging_naam_idx ON inlogpoging (gebruikersnaam, tijdstip);
CREATE INDEX inlogpoging_ip_idx ON inlogpoging (ip, tijdstip);

-- Professionals assigned to a person (may belong to another organisation, e.g. a jobcoach).
CREATE TABLE toewijzing (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  gebruiker_id     uuid NOT NULL REFERENCES gebruiker(id),
  rol              text NOT NULL,
  van              date NOT NULL DEFAULT current_date,
  tot              date,                                      -- exclusive: ended on this day
  aangemaakt_door  uuid REFERENCES gebruiker(id),
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX toewijzing_actief_uniek ON toewijzing (persoon_id, gebruiker_id, rol) WHERE tot IS NULL;
CREATE INDEX toewijzing_gebruiker_idx ON toewijzing (gebruiker_id) WHERE tot IS NULL;

-- Other recorded bases for an organisation to see a person (a referral; later issues add their own rows).
CREATE TABLE grondslag (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  ontvanger_id     uuid NOT NULL REFERENCES organisatie(id),  -- the organisation that gets access
  soort            text NOT NULL CHECK (soort IN ('verwijzing')),
  doel             text NOT NULL,
  van              date NOT NULL DEFAULT current_date,
  tot              date,                                      -- exclusive: ended on this day
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX grondslag_ontvanger_idx ON grondslag (ontvanger_id, persoon_id);

CREATE TABLE toestemming (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  doel             text NOT NULL,
  ontvanger_id     uuid REFERENCES organisatie(id),           -- organisation the consent is given to (NULL = purpose only)
  verleend_op      timestamptz NOT NULL DEFAULT now(),
  verleend_door    uuid NOT NULL REFERENCES gebruiker(id),
  vastgelegd_via   text NOT NULL CHECK (vastgelegd_via IN ('mondeling','schriftelijk','digitaal')),
  toelichting      text,
  ingetrokken_op   timestamptz,
  ingetrokken_door uuid REFERENCES gebruiker(id),
  intrekkingsreden text
);
CREATE INDEX toestemming_persoon_idx ON toestemming (persoon_id);
CREATE INDEX toestemming_ontvanger_idx ON toestemming (ontvanger_id, persoon_id) WHERE ingetrokken_op IS NULL;

CREATE TABLE tijdlijn_gebeurtenis (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  soort            text NOT NULL,
  titel            text NOT NULL,
  tekst            text,
  auteur_id        uuid REFERENCES gebruiker(id),
  auteur_organisatie_id uuid REFERENCES organisatie(id),
  tijdstip         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tijdlijn_persoon_idx ON tijdlijn_gebeurtenis (persoon_id, tijdstip DESC);

-- Append-only audit log of every read and write of personal data (AVG art. 30/32, ZGW audittrail).
CREATE TABLE audit_log (
  id               bigserial PRIMARY KEY,
  tijdstip         timestamptz NOT NULL DEFAULT clock_timestamp(),
  organisatie_id   uuid,                  -- tenant key: the person's gemeente, else the actor's organisation
  gebruiker_id     uuid,
  gebruiker_naam   text,
  actor_organisatie_id uuid,
  persoon_id       uuid,
  actie            text NOT NULL,
  resource         text NOT NULL,
  resource_id      text,
  doel             text NOT NULL,
  grondslag        text,
  wijzigingen      jsonb,                 -- for writes: {"veld": {"oud": …, "nieuw": …}}
  verzoek_id       text,
  toelichting      text
);
CREATE INDEX audit_persoon_idx ON audit_log (persoon_id, tijdstip DESC);
CREATE INDEX audit_org_idx ON audit_log (organisatie_id, tijdstip DESC);
CREATE INDEX audit_actor_org_idx ON audit_log (actor_organisatie_id, tijdstip DESC);
CREATE INDEX audit_gebruiker_idx ON audit_log (gebruiker_id, tijdstip DESC);

CREATE OR REPLACE FUNCTION audit_log_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_geen_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_onveranderlijk();
CREATE TRIGGER audit_log_geen_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_onveranderlijk();
