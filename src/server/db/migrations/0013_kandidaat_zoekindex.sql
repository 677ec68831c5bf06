-- The in-process kandidaten search index follows the table through transaction ids, as the matching
-- index does for belastbaarheid (see src/server/modules/matching/sync.ts): every write stamps `tx`.
ALTER TABLE kandidaatprofiel ADD COLUMN tx bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE TRIGGER kandidaatprofiel_tx BEFORE UPDATE ON kandidaatprofiel FOR EACH ROW EXECUTE FUNCTION persoon_stempel_tx();
CREATE INDEX kandidaatprofiel_tx_idx ON kandidaatprofiel (regio_id, tx);
