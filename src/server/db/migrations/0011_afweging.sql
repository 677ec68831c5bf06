-- The afwegingskader (issue 5, seed 001 Leiden). The argument catalogue itself is data in code
-- (src/server/modules/afweging/afwegingskader.ts, versioned by its catalogus_versie). Stored here:
-- the region's bounds and each gemeente's weights as dated, numbered versions (a new setting is a new
-- version; the code never updates or deletes one), a person's afwegingen with the advice exactly as
-- shown then and the configuration versions used, the joint decision with its reasons, and case
-- consultations. Free text keeps the detector's flags beside it (signaleringen).

-- Which organisation sets the region's bounds (normally the centrumgemeente).
CREATE TABLE afweging_regiobeheer (
  regio_id         uuid PRIMARY KEY REFERENCES arbeidsmarktregio(id),
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the maintaining organisation (tenant key)
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE afweging_regiokader (
  id               uuid PRIMARY KEY,
  regio_id         uuid NOT NULL REFERENCES arbeidsmarktregio(id),
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the organisation that set it (tenant key)
  versie           integer NOT NULL CHECK (versie >= 1),
  catalogus_versie text NOT NULL,
  grenzen          jsonb NOT NULL,                            -- per factor: minGewicht, maxGewicht, richtingen per route
  geldig_van       date NOT NULL,
  bron             text NOT NULL CHECK (length(bron) BETWEEN 3 AND 500),
  toelichting      text CHECK (length(toelichting) <= 4000),
  gewijzigd_door   uuid REFERENCES gebruiker(id),
  gewijzigd_op     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (regio_id, versie)
);

CREATE TABLE afweging_gemeentekader (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the gemeente (tenant key)
  versie           integer NOT NULL CHECK (versie >= 1),
  catalogus_versie text NOT NULL,
  gewichten        jsonb NOT NULL,                            -- per factor: gewicht, richtingen per route
  onderbouwing     jsonb NOT NULL DEFAULT '{}',               -- per factor: why the gemeente chose this
  geldig_van       date NOT NULL,
  bron             text NOT NULL CHECK (length(bron) BETWEEN 3 AND 500),
  gewijzigd_door   uuid REFERENCES gebruiker(id),
  gewijzigd_op     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisatie_id, versie)
);

CREATE TABLE afweging (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  factorwaarden    jsonb NOT NULL,
  bronnen          jsonb NOT NULL,                            -- per factor: invoer | diagnose | dossier
  toelichtingen    jsonb NOT NULL DEFAULT '{}',               -- per factor: the professional's explanation
  advies           jsonb NOT NULL,                            -- the advice exactly as shown then
  catalogus_versie text NOT NULL,
  gemeentekader_id uuid REFERENCES afweging_gemeentekader(id), -- NULL: the catalogue defaults
  regiokader_id    uuid REFERENCES afweging_regiokader(id),    -- NULL: the catalogue's default bounds
  visie_professional text CHECK (length(visie_professional) <= 4000),
  visie_persoon    text CHECK (length(visie_persoon) <= 4000),
  visie_persoon_door uuid REFERENCES gebruiker(id),
  visie_persoon_op timestamptz,
  signaleringen    jsonb NOT NULL DEFAULT '[]',
  auteur_id        uuid NOT NULL REFERENCES gebruiker(id),
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX afweging_persoon_idx ON afweging (persoon_id, aangemaakt_op DESC);

-- The joint decision: never without reasons.
CREATE TABLE afweging_besluit (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  afweging_id      uuid NOT NULL REFERENCES afweging(id),
  route            text NOT NULL,                             -- TRAJECTROUTES in src/shared/codes.ts
  redenen          text NOT NULL CHECK (length(btrim(redenen)) BETWEEN 10 AND 4000),
  persoon_eens     text NOT NULL CHECK (persoon_eens IN ('ja', 'deels', 'nee')),
  reactie_persoon  text CHECK (length(reactie_persoon) <= 4000),
  volgt_advies     boolean NOT NULL,
  besluitdatum     date NOT NULL,
  signaleringen    jsonb NOT NULL DEFAULT '[]',
  vastgelegd_door  uuid NOT NULL REFERENCES gebruiker(id),
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX afweging_besluit_persoon_idx ON afweging_besluit (persoon_id, aangemaakt_op DESC);
CREATE INDEX afweging_besluit_org_idx ON afweging_besluit (organisatie_id, besluitdatum);

-- A case consultation with other parties (wijkteam, UWV, provider): who took part, which arguments were exchanged.
CREATE TABLE casusoverleg (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  afweging_id      uuid REFERENCES afweging(id),
  datum            date NOT NULL,
  deelnemers       jsonb NOT NULL,                            -- [{organisatieId?, organisatie, rol, naam?}]
  argumenten       jsonb NOT NULL,                            -- [{partij, route?, richting?, tekst}]
  conclusie        text NOT NULL CHECK (length(btrim(conclusie)) BETWEEN 3 AND 4000),
  signaleringen    jsonb NOT NULL DEFAULT '[]',
  vastgelegd_door  uuid NOT NULL REFERENCES gebruiker(id),
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX casusoverleg_persoon_idx ON casusoverleg (persoon_id, datum DESC);
