-- Brede diagnose (leefgebieden, participatieladder, motivation; the person's own view beside the
-- professional's) and the eigen plan (the person's draft, the professional's response per part,
-- agreed versions). Issue 5, seed 001 (Leiden). Instruments: src/server/modules/diagnose/instrument.ts.

-- One row per assessment from one perspective. Append-only: the history is the table itself; the
-- current view per perspective is the latest (datum, then aangemaakt_op).
CREATE TABLE diagnose (
  id                      uuid PRIMARY KEY,
  organisatie_id          uuid NOT NULL REFERENCES organisatie(id),   -- the person's gemeente (tenant key)
  persoon_id              uuid NOT NULL REFERENCES persoon(id),
  perspectief             text NOT NULL CHECK (perspectief IN ('persoon', 'professional')),
  datum                   date NOT NULL,
  participatieladder      smallint CHECK (participatieladder BETWEEN 1 AND 6),
  motivatie_score         smallint CHECK (motivatie_score BETWEEN 1 AND 5),
  motivatie_tekst         text CHECK (length(motivatie_tekst) <= 4000),  -- motivation in own words
  sterke_punten           text CHECK (length(sterke_punten) <= 4000),
  obstakels               text CHECK (length(obstakels) <= 4000),
  ondersteuningsbehoefte  text CHECK (length(ondersteuningsbehoefte) <= 4000),
  instrument_versie       text NOT NULL,                                -- INSTRUMENTEN key; old versions stay readable
  auteur_id               uuid NOT NULL REFERENCES gebruiker(id),
  -- Who typed it: the person themselves, or a professional (for the person's view: together with them).
  ingevuld_door           text NOT NULL CHECK (ingevuld_door IN ('persoon', 'professional')),
  aangemaakt_op           timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (perspectief = 'persoon' OR ingevuld_door = 'professional')
);
CREATE INDEX diagnose_persoon_idx ON diagnose (persoon_id, perspectief, datum DESC, aangemaakt_op DESC);
CREATE INDEX diagnose_organisatie_idx ON diagnose (organisatie_id, datum);

-- The score per leefgebied of one diagnose (1 acute problematiek … 5 volledig zelfredzaam).
CREATE TABLE diagnose_leefgebied (
  diagnose_id     uuid NOT NULL REFERENCES diagnose(id),
  organisatie_id  uuid NOT NULL REFERENCES organisatie(id),
  leefgebied      text NOT NULL,                                        -- code in the instrument version
  score           smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  toelichting     text CHECK (length(toelichting) <= 2000),
  PRIMARY KEY (diagnose_id, leefgebied)
);

-- The person's current draft of the plan: one row per person, changed in place (the audit log keeps
-- every old and new value). `ronde` is the version number the draft becomes once both agree;
-- `revisie` goes up with every change of the text, and an agreement holds for one revision.
CREATE TABLE plan_concept (
  id                         uuid PRIMARY KEY,
  organisatie_id             uuid NOT NULL REFERENCES organisatie(id),
  persoon_id                 uuid NOT NULL UNIQUE REFERENCES persoon(id),
  ronde                      integer NOT NULL CHECK (ronde >= 1),
  revisie                    integer NOT NULL CHECK (revisie >= 1),
  status                     text NOT NULL CHECK (status IN ('concept', 'ingediend', 'gereageerd', 'vastgesteld')),
  waar_ik_sta                text CHECK (length(waar_ik_sta) <= 4000),
  waar_ik_naartoe_wil        text CHECK (length(waar_ik_naartoe_wil) <= 4000),
  wat_ik_nodig_heb           text CHECK (length(wat_ik_nodig_heb) <= 4000),
  eerste_stappen             text CHECK (length(eerste_stappen) <= 4000),
  gewijzigd_door             uuid NOT NULL REFERENCES gebruiker(id),
  gewijzigd_door_persoon     boolean NOT NULL,                          -- written by the person themselves
  gewijzigd_op               timestamptz NOT NULL DEFAULT clock_timestamp(),
  ingediend_op               timestamptz,
  akkoord_persoon_op         timestamptz,
  akkoord_persoon_door       uuid REFERENCES gebruiker(id),
  akkoord_professional_op    timestamptz,
  akkoord_professional_door  uuid REFERENCES gebruiker(id),
  aangemaakt_op              timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((akkoord_persoon_op IS NULL) = (akkoord_persoon_door IS NULL)),
  CHECK ((akkoord_professional_op IS NULL) = (akkoord_professional_door IS NULL))
);
CREATE INDEX plan_concept_organisatie_idx ON plan_concept (organisatie_id, status);

-- The professional's response, per part of the plan (or to the whole). Append-only.
CREATE TABLE plan_reactie (
  id              uuid PRIMARY KEY,
  organisatie_id  uuid NOT NULL REFERENCES organisatie(id),
  persoon_id      uuid NOT NULL REFERENCES persoon(id),
  ronde           integer NOT NULL,
  revisie         integer NOT NULL,                                     -- the text it responds to
  onderdeel       text NOT NULL CHECK (onderdeel IN ('waarIkSta', 'waarIkNaartoeWil', 'watIkNodigHeb', 'eersteStappen', 'algemeen')),
  tekst           text NOT NULL CHECK (length(tekst) BETWEEN 1 AND 4000),
  auteur_id       uuid NOT NULL REFERENCES gebruiker(id),
  aangemaakt_op   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX plan_reactie_persoon_idx ON plan_reactie (persoon_id, ronde, aangemaakt_op);

-- An agreed plan: the content snapshot with who agreed when on both sides. Append-only.
CREATE TABLE plan_versie (
  id                         uuid PRIMARY KEY,
  organisatie_id             uuid NOT NULL REFERENCES organisatie(id),
  persoon_id                 uuid NOT NULL REFERENCES persoon(id),
  versie                     integer NOT NULL CHECK (versie >= 1),     -- = the draft's ronde
  revisie                    integer NOT NULL,
  waar_ik_sta                text NOT NULL,
  waar_ik_naartoe_wil        text NOT NULL,
  wat_ik_nodig_heb           text NOT NULL,
  eerste_stappen             text,
  akkoord_persoon_op         timestamptz NOT NULL,
  akkoord_persoon_door       uuid NOT NULL REFERENCES gebruiker(id),
  akkoord_professional_op    timestamptz NOT NULL,
  akkoord_professional_door  uuid NOT NULL REFERENCES gebruiker(id),
  vastgesteld_op             timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (persoon_id, versie)
);

-- History is kept: assessments, responses and agreed versions are never changed or removed.
CREATE FUNCTION diagnose_plan_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER diagnose_geen_wijziging BEFORE UPDATE OR DELETE ON diagnose
  FOR EACH ROW EXECUTE FUNCTION diagnose_plan_onveranderlijk();
CREATE TRIGGER diagnose_leefgebied_geen_wijziging BEFORE UPDATE OR DELETE ON diagnose_leefgebied
  FOR EACH ROW EXECUTE FUNCTION diagnose_plan_onveranderlijk();
CREATE TRIGGER plan_reactie_geen_wijziging BEFORE UPDATE OR DELETE ON plan_reactie
  FOR EACH ROW EXECUTE FUNCTION diagnose_plan_onveranderlijk();
CREATE TRIGGER plan_versie_geen_wijziging BEFORE UPDATE OR DELETE ON plan_versie
  FOR EACH ROW EXECUTE FUNCTION diagnose_plan_onveranderlijk();
