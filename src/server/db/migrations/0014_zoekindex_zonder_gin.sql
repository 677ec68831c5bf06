-- The in-process kandidaten index (src/server/modules/kandidaten/zoekindex.ts) answers every search;
-- the table's GIN index on zoekvector served only the SQL-only first version. PostgreSQL still checks
-- a phrase ("lopende band") on the rows the in-process index names (by primary key), and the saved-
-- search sweep finds new rows through kandidaatprofiel_nieuw_idx. Without the GIN index a bulk delivery
-- of 250,000 profiles writes about a seventh less (measured: bench/results/import.md).
DROP INDEX kandidaatprofiel_zoek_idx;

-- The search vector is recomputed only when the text it is made of changes (a consent flip, a
-- transaction stamp or a re-delivery of the same text leaves it as it is).
CREATE OR REPLACE FUNCTION kandidaatprofiel_zoekvector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (NEW.gewenste_functies, NEW.wensen, NEW.kwaliteiten, NEW.sectoren, NEW.werkcondities)
         IS NOT DISTINCT FROM (OLD.gewenste_functies, OLD.wensen, OLD.kwaliteiten, OLD.sectoren, OLD.werkcondities) THEN
    NEW.zoekvector := OLD.zoekvector;
    RETURN NEW;
  END IF;
  NEW.zoekvector :=
    setweight(to_tsvector('dutch', kandidaat_zoektekst(array_to_string(NEW.gewenste_functies, ' '))), 'A') ||
    setweight(to_tsvector('dutch', kandidaat_zoektekst(NEW.wensen)), 'B') ||
    setweight(to_tsvector('dutch', kandidaat_zoektekst(NEW.kwaliteiten)), 'B') ||
    setweight(to_tsvector('dutch', kandidaat_zoektekst(array_to_string(NEW.sectoren, ' ') || ' ' || replace(array_to_string(NEW.werkcondities, ' '), '_', ' '))), 'C');
  RETURN NEW;
END $$;
