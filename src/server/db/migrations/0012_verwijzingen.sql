-- Referrals (verwijzingen) to a trajectory or provider, their dated status history, and coded
-- returns (terugmeldingen) with reasons from a maintained regional list (issue 5, seed 001 Leiden).

-- Which organisation maintains a region's list of return reasons (normally the centrumgemeente).
CREATE TABLE terugmeldredenlijst (
  regio_id         uuid PRIMARY KEY REFERENCES arbeidsmarktregio(id),
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the maintaining organisation (tenant key)
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);

-- The maintained code list. A reason is never deleted once used; it is retired (geldig_tot).
CREATE TABLE terugmeldreden (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the maintaining organisation (tenant key)
  regio_id         uuid NOT NULL REFERENCES arbeidsmarktregio(id),
  code             text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,49}$'),
  label            text NOT NULL CHECK (length(label) BETWEEN 2 AND 120),
  omschrijving     text CHECK (length(omschrijving) <= 1000),
  categorie        text NOT NULL CHECK (categorie IN ('positief', 'negatief', 'neutraal')),
  toelichting_verplicht boolean NOT NULL DEFAULT false,
  volgorde         integer NOT NULL DEFAULT 100,
  versie           integer NOT NULL DEFAULT 1,
  geldig_van       date NOT NULL,
  geldig_tot       date,                                       -- exclusive: retired on this day
  bron             text,
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op     timestamptz NOT NULL DEFAULT now(),
  gewijzigd_door   uuid REFERENCES gebruiker(id),
  UNIQUE (regio_id, code),
  CHECK (geldig_tot IS NULL OR geldig_tot >= geldig_van)
);

CREATE TABLE verwijzing (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  aanbieder_id     uuid NOT NULL REFERENCES organisatie(id),  -- the receiving trajectory/provider organisation
  verwijzer_organisatie_id uuid NOT NULL REFERENCES organisatie(id), -- who referred (gets the follow-up task)
  route            text NOT NULL,                             -- TRAJECTROUTES in src/shared/codes.ts
  doel             text NOT NULL CHECK (length(doel) BETWEEN 2 AND 2000),
  startdatum       date NOT NULL,
  status           text NOT NULL DEFAULT 'aangemeld'
                   CHECK (status IN ('aangemeld', 'geaccepteerd', 'geweigerd', 'gestart', 'afgerond', 'teruggemeld', 'ingetrokken')),
  grondslag_id     uuid REFERENCES grondslag(id),             -- the provider's limited access while it runs
  aangemaakt_door  uuid REFERENCES gebruiker(id),
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  beeindigd_op     timestamptz,
  versie           integer NOT NULL DEFAULT 1
);
CREATE INDEX verwijzing_persoon_idx ON verwijzing (persoon_id, startdatum);
CREATE INDEX verwijzing_aanbieder_idx ON verwijzing (aanbieder_id, status);
CREATE INDEX verwijzing_org_idx ON verwijzing (organisatie_id, startdatum);

-- Every transition, dated and by whom (the first row is 'aangemeld').
CREATE TABLE verwijzing_status (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  verwijzing_id    uuid NOT NULL REFERENCES verwijzing(id),
  van_status       text,
  naar_status      text NOT NULL,
  toelichting      text CHECK (length(toelichting) <= 4000),
  door             uuid REFERENCES gebruiker(id),
  door_organisatie_id uuid REFERENCES organisatie(id),
  tijdstip         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verwijzing_status_idx ON verwijzing_status (verwijzing_id, tijdstip);

-- At most one return per referral; its reasons are coded.
CREATE TABLE terugmelding (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  verwijzing_id    uuid NOT NULL UNIQUE REFERENCES verwijzing(id),
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  toelichting      text NOT NULL CHECK (length(toelichting) BETWEEN 2 AND 4000),
  datum            date NOT NULL,
  door             uuid REFERENCES gebruiker(id),
  door_organisatie_id uuid NOT NULL REFERENCES organisatie(id),
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE terugmelding_reden (
  terugmelding_id  uuid NOT NULL REFERENCES terugmelding(id),
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  reden_id         uuid NOT NULL REFERENCES terugmeldreden(id),
  reden_versie     integer NOT NULL,                          -- the version of the reason when chosen
  primair          boolean NOT NULL DEFAULT false,
  PRIMARY KEY (terugmelding_id, reden_id)
);
CREATE UNIQUE INDEX terugmelding_reden_primair_uniek ON terugmelding_reden (terugmelding_id) WHERE primair;
CREATE INDEX terugmelding_reden_reden_idx ON terugmelding_reden (reden_id);
