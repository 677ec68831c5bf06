-- The search vector of a profile, as one function (the trigger and the tests call the same one).
CREATE FUNCTION kandidaat_zoekvector(gewenste_functies text[], wensen text, kwaliteiten text, sectoren text[], werkcondities text[])
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('dutch', kandidaat_zoektekst(array_to_string(gewenste_functies, ' '))), 'A') ||
         setweight(to_tsvector('dutch', kandidaat_zoektekst(wensen)), 'B') ||
         setweight(to_tsvector('dutch', kandidaat_zoektekst(kwaliteiten)), 'B') ||
         setweight(to_tsvector('dutch', kandidaat_zoektekst(array_to_string(sectoren, ' ') || ' ' || replace(array_to_string(werkcondities, ' '), '_', ' '))), 'C')
$$;

-- A bulk delivery builds most vectors itself, from lexemes PostgreSQL stemmed once per distinct word
-- (src/server/modules/kandidaten/zoekvector.ts: exact, or it leaves the row to this trigger). Stemming
-- every profile here was about a fifth of a 250,000-row delivery on PGlite. The trigger keeps a vector
-- it is given only inside a transaction that says so (the importer's batch sets
-- passend.zoekvector_aangeleverd for itself, transaction-local); every other write is computed here.
CREATE OR REPLACE FUNCTION kandidaatprofiel_afleiden() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.zoekvector IS NOT NULL AND current_setting('passend.zoekvector_aangeleverd', true) = 'aan'
     AND (TG_OP = 'INSERT' OR NEW.zoekvector IS DISTINCT FROM OLD.zoekvector) THEN
    NULL;
  ELSIF TG_OP = 'UPDATE'
     AND (NEW.gewenste_functies, NEW.wensen, NEW.kwaliteiten, NEW.sectoren, NEW.werkcondities)
         IS NOT DISTINCT FROM (OLD.gewenste_functies, OLD.wensen, OLD.kwaliteiten, OLD.sectoren, OLD.werkcondities) THEN
    NEW.zoekvector := OLD.zoekvector;
  ELSE
    NEW.zoekvector := kandidaat_zoekvector(NEW.gewenste_functies, NEW.wensen, NEW.kwaliteiten, NEW.sectoren, NEW.werkcondities);
  END IF;

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

-- Consents given to an organisation are looked up by that organisation (ontvanger_id = …); a consent
-- for a purpose only (ontvanger_id NULL, e.g. every kandidaatprofiel consent a delivery records) never
-- is, so it no longer gets an entry in this index.
DROP INDEX toestemming_ontvanger_idx;
CREATE INDEX toestemming_ontvanger_idx ON toestemming (ontvanger_id, persoon_id) WHERE ingetrokken_op IS NULL AND ontvanger_id IS NOT NULL;
