-- Saved searches that notify about new matches, notifications, and vacancies matched against the
-- belastbaarheid of published candidates (issue 4, "Search for employers").

-- When a kandidaatprofiel became visible to employers, and from when it counts as "new" for a saved
-- search: set by a trigger, so every writer (the profile form, consent changes, the bulk importer)
-- keeps them right without knowing about saved searches.
--   gepubliceerd_op: the moment `gepubliceerd` last flipped to true; NULL while not published.
--   nieuw_sinds:     gepubliceerd_op, or later the last change of what an employer sees while published
--                    (a changed profile may now match a search it did not match before).
-- Millisecond precision, so the moments survive a round trip through JavaScript dates exactly.
ALTER TABLE kandidaatprofiel ADD COLUMN gepubliceerd_op timestamptz;
ALTER TABLE kandidaatprofiel ADD COLUMN nieuw_sinds timestamptz;
UPDATE kandidaatprofiel SET gepubliceerd_op = date_trunc('milliseconds', aangemaakt_op), nieuw_sinds = date_trunc('milliseconds', aangemaakt_op) WHERE gepubliceerd;

CREATE FUNCTION kandidaatprofiel_publicatiemoment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT NEW.gepubliceerd THEN
    NEW.gepubliceerd_op := NULL;
  ELSIF TG_OP = 'INSERT' OR NOT OLD.gepubliceerd THEN
    NEW.gepubliceerd_op := date_trunc('milliseconds', now());
    NEW.nieuw_sinds := date_trunc('milliseconds', now());
  ELSIF (NEW.wensen, NEW.kwaliteiten, NEW.sectoren, NEW.gewenste_functies, NEW.opleidingsniveau, NEW.uren_min, NEW.uren_max,
         NEW.beschikbaar_vanaf, NEW.werkcondities, NEW.banenafspraak, NEW.organisatie_id)
        IS DISTINCT FROM
        (OLD.wensen, OLD.kwaliteiten, OLD.sectoren, OLD.gewenste_functies, OLD.opleidingsniveau, OLD.uren_min, OLD.uren_max,
         OLD.beschikbaar_vanaf, OLD.werkcondities, OLD.banenafspraak, OLD.organisatie_id) THEN
    NEW.gepubliceerd_op := OLD.gepubliceerd_op;
    NEW.nieuw_sinds := date_trunc('milliseconds', now());
  ELSE
    NEW.gepubliceerd_op := OLD.gepubliceerd_op;
    NEW.nieuw_sinds := OLD.nieuw_sinds;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER kandidaatprofiel_publicatiemoment BEFORE INSERT OR UPDATE ON kandidaatprofiel
  FOR EACH ROW EXECUTE FUNCTION kandidaatprofiel_publicatiemoment();
CREATE INDEX kandidaatprofiel_nieuw_idx ON kandidaatprofiel (regio_id, nieuw_sinds) WHERE gepubliceerd;

-- A user's saved search over the published kandidaatprofielen. `filters` holds the search's own query
-- parameters, validated by the search's schema before they are stored (and again when they are used).
CREATE TABLE opgeslagen_zoekopdracht (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisatie_id     uuid NOT NULL REFERENCES organisatie(id),   -- the user's organisation (tenant key)
  regio_id           uuid NOT NULL REFERENCES arbeidsmarktregio(id),
  gebruiker_id       uuid NOT NULL REFERENCES gebruiker(id),
  naam               text NOT NULL CHECK (length(naam) BETWEEN 1 AND 100),
  filters            jsonb NOT NULL,
  aangemaakt_op      timestamptz NOT NULL DEFAULT now(),
  -- Profiles with nieuw_sinds <= gezien_tot have been seen; vorige_gezien_tot keeps the window of the
  -- last "new" view so it can be paged.
  gezien_tot         timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  vorige_gezien_tot  timestamptz,
  -- The newest nieuw_sinds a notification was made for: a later one is a new batch.
  gemeld_tot         timestamptz,
  gecontroleerd_op   timestamptz
);
CREATE INDEX opgeslagen_zoekopdracht_gebruiker_idx ON opgeslagen_zoekopdracht (gebruiker_id, aangemaakt_op);

-- Notifications for one user (in-app). bron_id names what it is about (e.g. the saved search).
CREATE TABLE melding (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),
  gebruiker_id     uuid NOT NULL REFERENCES gebruiker(id),
  soort            text NOT NULL,                               -- MELDINGSOORTEN in src/shared/codes.ts
  titel            text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
  tekst            text CHECK (length(tekst) <= 2000),
  link             text CHECK (link ~ '^/[A-Za-z0-9/_?=&%.-]*$'),  -- a path inside the web app
  bron_id          uuid,
  gelezen_op       timestamptz,
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX melding_gebruiker_idx ON melding (gebruiker_id, aangemaakt_op DESC);
-- At most one unread notification per cause: a sweep that runs twice never doubles one.
CREATE UNIQUE INDEX melding_ongelezen_uniek ON melding (soort, bron_id) WHERE gelezen_op IS NULL AND bron_id IS NOT NULL;

-- A vacancy of an employer (or of a gemeente itself): a function from the catalogue as the basis of
-- its belasting, with optional per-item changes, matched against published candidates.
CREATE TABLE vacature (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisatie_id         uuid NOT NULL REFERENCES organisatie(id),   -- the owning employer or gemeente
  regio_id               uuid NOT NULL REFERENCES arbeidsmarktregio(id),
  titel                  text NOT NULL CHECK (length(titel) BETWEEN 2 AND 120),
  omschrijving           text CHECK (length(omschrijving) <= 4000),
  functie_id             uuid NOT NULL REFERENCES functie(id),
  belasting_aanpassingen jsonb NOT NULL DEFAULT '{}',             -- { itemCode: level | [conditions not offered] }
  uren_min               numeric(4,1) NOT NULL,
  uren_max               numeric(4,1) NOT NULL,
  sector                 text,
  gemeente_id            uuid REFERENCES organisatie(id),            -- where the work is
  status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'gesloten')),
  versie                 integer NOT NULL DEFAULT 1,
  aangemaakt_door        uuid REFERENCES gebruiker(id),
  aangemaakt_op          timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op           timestamptz NOT NULL DEFAULT now(),
  CHECK (uren_min > 0 AND uren_max >= uren_min AND uren_max <= 60)
);
CREATE INDEX vacature_organisatie_idx ON vacature (organisatie_id, status);
