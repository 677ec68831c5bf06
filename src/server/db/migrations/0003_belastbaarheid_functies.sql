-- Belastbaarheid (a person's FML profile, history kept), the function catalogue with belasting on the
-- same FML items, recorded workplace adaptations, and the change cursor the in-process matching
-- engine uses to stay in step with the database (transaction ids, see modules/matching/sync.ts).

-- One row per observation of one item. The current profile is the latest row per (person, item);
-- nothing is updated or deleted, so the history is the table itself.
CREATE TABLE belastbaarheid_item (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),   -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  catalogus_versie text NOT NULL,
  item_code        text NOT NULL,
  niveau           smallint CHECK (niveau BETWEEN 0 AND 9),     -- ordinal items; 0 = normaal
  voorwaarden      jsonb,                                       -- conditions items: array of codes
  toelichting      text,                                        -- medical detail: restricted
  bron             text NOT NULL,
  bron_omschrijving text,                                       -- e.g. "FML UWV d.d. 12-03-2026"
  duurzaam         boolean NOT NULL DEFAULT false,               -- the limitation is lasting
  vastgesteld_op   date NOT NULL,
  auteur_id        uuid NOT NULL REFERENCES gebruiker(id),
  aangemaakt_op    timestamptz NOT NULL DEFAULT clock_timestamp(),
  volgnummer       bigserial NOT NULL,
  tx               bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  CHECK ((niveau IS NULL) <> (voorwaarden IS NULL))
);
CREATE INDEX belastbaarheid_item_persoon_idx ON belastbaarheid_item (persoon_id, item_code, volgnummer DESC);
CREATE INDEX belastbaarheid_item_tx_idx ON belastbaarheid_item (tx);

-- The function catalogue: regional (organisatie_id NULL) or a gemeente's own.
CREATE TABLE functie (
  id               uuid PRIMARY KEY,
  regio_id         uuid NOT NULL REFERENCES arbeidsmarktregio(id),
  organisatie_id   uuid REFERENCES organisatie(id),             -- NULL = regional catalogue
  code             text NOT NULL,                               -- stable key for import/export
  naam             text NOT NULL,
  isco             text,
  brc              text,
  groep            text NOT NULL,
  opleidingsniveau text NOT NULL,
  sector           text NOT NULL,
  uren_min         numeric(4,1) NOT NULL,
  uren_max         numeric(4,1) NOT NULL,
  taken            jsonb NOT NULL,
  belasting        jsonb NOT NULL,                               -- { itemCode: level | [conditions not offered] }
  catalogus_versie text NOT NULL,
  illustratief     boolean NOT NULL DEFAULT false,               -- loads are illustrative, not measured
  actief           boolean NOT NULL DEFAULT true,
  gewijzigd_op     timestamptz NOT NULL DEFAULT now(),
  tx               bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  CHECK (uren_min > 0 AND uren_max >= uren_min AND uren_max <= 60)
);
CREATE UNIQUE INDEX functie_code_uniek ON functie (regio_id, COALESCE(organisatie_id, '00000000-0000-0000-0000-000000000000'::uuid), code);
CREATE INDEX functie_tx_idx ON functie (tx);

-- An adaptation that lifts one item's mismatch, for one function or (functie_id NULL) for any.
CREATE TABLE werkplekaanpassing (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  functie_id       uuid REFERENCES functie(id),
  item_code        text NOT NULL,
  omschrijving     text NOT NULL,
  auteur_id        uuid NOT NULL REFERENCES gebruiker(id),
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  ingetrokken_op   timestamptz,
  tx               bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint)
);
CREATE INDEX werkplekaanpassing_persoon_idx ON werkplekaanpassing (persoon_id);
CREATE INDEX werkplekaanpassing_tx_idx ON werkplekaanpassing (tx);

-- The person's wished function (for "related functions that do fit").
ALTER TABLE persoon ADD COLUMN gewenste_functie_id uuid REFERENCES functie(id);
ALTER TABLE persoon ADD COLUMN opleidingsniveau text;
-- Every change to a person row stamps the writing transaction, so the matching engine sees status
-- and gemeente changes too.
ALTER TABLE persoon ADD COLUMN tx bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX persoon_tx_idx ON persoon (tx);
-- Stamps the writing transaction on every update (used by persoon, functie, werkplekaanpassing).
CREATE FUNCTION persoon_stempel_tx() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.tx := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END $$;
CREATE TRIGGER persoon_tx BEFORE UPDATE ON persoon FOR EACH ROW EXECUTE FUNCTION persoon_stempel_tx();
CREATE TRIGGER functie_tx BEFORE UPDATE ON functie FOR EACH ROW EXECUTE FUNCTION persoon_stempel_tx();
CREATE TRIGGER werkplekaanpassing_tx BEFORE UPDATE ON werkplekaanpassing FOR EACH ROW EXECUTE FUNCTION persoon_stempel_tx();
-- belastbaarheid_item is append-only: a new observation is a new row (and a new tx).
