-- Kandidaatprofiel: a minimal, anonymous profile derived from the dossier, published to employers
-- only while the person's consent (toestemming doel 'kandidaatprofiel') is active. No name, BSN,
-- address or contact details live here; employers see the public reference only.

CREATE TABLE kandidaatprofiel (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),   -- the person's gemeente (tenant key)
  regio_id         uuid NOT NULL REFERENCES arbeidsmarktregio(id),
  persoon_id       uuid NOT NULL UNIQUE REFERENCES persoon(id),
  publiek_id       text NOT NULL UNIQUE,                        -- e.g. K-7F3Q2A; not derivable from the person
  extern_id        text,                                        -- the delivering system's id (bulk upsert)
  wensen           text,
  kwaliteiten      text,
  sectoren         text[] NOT NULL DEFAULT '{}',
  gewenste_functies text[] NOT NULL DEFAULT '{}',
  opleidingsniveau text,
  uren_min         numeric(4,1),
  uren_max         numeric(4,1),
  beschikbaar_vanaf date,
  werkcondities    text[] NOT NULL DEFAULT '{}',
  banenafspraak    boolean NOT NULL DEFAULT false,
  compleetheid     smallint NOT NULL DEFAULT 0 CHECK (compleetheid BETWEEN 0 AND 100),
  gepubliceerd     boolean NOT NULL DEFAULT false,              -- = active consent; kept in step by the app
  zoekvector       tsvector,
  versie           integer NOT NULL DEFAULT 1,
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op     timestamptz NOT NULL DEFAULT now(),
  CHECK (uren_min IS NULL OR uren_max IS NULL OR uren_min <= uren_max)
);
CREATE INDEX kandidaatprofiel_zoek_idx ON kandidaatprofiel USING gin (zoekvector);
CREATE INDEX kandidaatprofiel_regio_idx ON kandidaatprofiel (regio_id, gepubliceerd);
CREATE INDEX kandidaatprofiel_org_idx ON kandidaatprofiel (organisatie_id);
CREATE UNIQUE INDEX kandidaatprofiel_extern_idx ON kandidaatprofiel (organisatie_id, extern_id) WHERE extern_id IS NOT NULL;

-- Dutch full text with accent folding; hyphens inside words are dropped so that "reintegratie" finds
-- "re-integratie". unaccent is not immutable, so a trigger (not a generated column) keeps it.
CREATE FUNCTION kandidaat_zoektekst(t text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT regexp_replace(unaccent(lower(coalesce(t, ''))), '([[:alnum:]])-([[:alnum:]])', '\1\2', 'g')
$$;
CREATE FUNCTION kandidaatprofiel_zoekvector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.zoekvector :=
    setweight(to_tsvector('dutch', kandidaat_zoektekst(array_to_string(NEW.gewenste_functies, ' '))), 'A') ||
    setweight(to_tsvector('dutch', kandidaat_zoektekst(NEW.wensen)), 'B') ||
    setweight(to_tsvector('dutch', kandidaat_zoektekst(NEW.kwaliteiten)), 'B') ||
    setweight(to_tsvector('dutch', kandidaat_zoektekst(array_to_string(NEW.sectoren, ' ') || ' ' || replace(array_to_string(NEW.werkcondities, ' '), '_', ' '))), 'C');
  RETURN NEW;
END $$;
CREATE TRIGGER kandidaatprofiel_zoek BEFORE INSERT OR UPDATE ON kandidaatprofiel FOR EACH ROW EXECUTE FUNCTION kandidaatprofiel_zoekvector();
