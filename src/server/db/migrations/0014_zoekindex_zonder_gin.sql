-- The in-process kandidaten index (src/server/modules/kandidaten/zoekindex.ts) answers every search;
-- the table's GIN index on zoekvector served only the SQL-only first version. PostgreSQL still checks
-- a phrase ("lopende band") on the rows the in-process index names (by primary key), and the saved-
-- search sweep finds new rows through kandidaatprofiel_nieuw_idx. The (regio_id, gepubliceerd) index
-- selects nothing in a region where most profiles are published. Without both, and with one trigger
-- instead of two, a bulk delivery of 250,000 profiles writes markedly less (bench/results/import.md).
DROP INDEX kandidaatprofiel_zoek_idx;
DROP INDEX kandidaatprofiel_regio_idx;

-- One BEFORE trigger for what every write of a profile derives:
--   zoekvector       the Dutch search vector, recomputed only when the text it is made of changes
--                    (a consent flip, a transaction stamp or the same text delivered again keep it);
--   gepubliceerd_op, nieuw_sinds   as kandidaatprofiel_publicatiemoment() kept them (migration 0009).
CREATE FUNCTION kandidaatprofiel_afleiden() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (NEW.gewenste_functies, NEW.wensen, NEW.kwaliteiten, NEW.sectoren, NEW.werkcondities)
         IS NOT DISTINCT FROM (OLD.gewenste_functies, OLD.wensen, OLD.kwaliteiten, OLD.sectoren, OLD.werkcondities) THEN
    NEW.zoekvector := OLD.zoekvector;
  ELSE
    NEW.zoekvector :=
      setweight(to_tsvector('dutch', kandidaat_zoektekst(array_to_string(NEW.gewenste_functies, ' '))), 'A') ||
      setweight(to_tsvector('dutch', kandidaat_zoektekst(NEW.wensen)), 'B') ||
      setweight(to_tsvector('dutch', kandidaat_zoektekst(NEW.kwaliteiten)), 'B') ||
      setweight(to_tsvector('dutch', kandidaat_zoektekst(array_to_string(NEW.sectoren, ' ') || ' ' || replace(array_to_string(NEW.werkcondities, ' '), '_', ' '))), 'C');
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
DROP TRIGGER kandidaatprofiel_zoek ON kandidaatprofiel;
DROP TRIGGER kandidaatprofiel_publicatiemoment ON kandidaatprofiel;
DROP FUNCTION kandidaatprofiel_zoekvector();
DROP FUNCTION kandidaatprofiel_publicatiemoment();
CREATE TRIGGER kandidaatprofiel_afleiden BEFORE INSERT OR UPDATE ON kandidaatprofiel FOR EACH ROW EXECUTE FUNCTION kandidaatprofiel_afleiden();
