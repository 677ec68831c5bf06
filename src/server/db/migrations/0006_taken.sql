-- Work items for professionals, created by modules (a contact request from an employer, a provider's
-- return to follow up, three months without activity, …). One table, so a klantmanager has one worklist.
CREATE TABLE taak (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the organisation that must act (tenant key)
  persoon_id       uuid REFERENCES persoon(id),               -- the person it concerns, if any
  soort            text NOT NULL,                             -- TAAKSOORTEN in src/shared/codes.ts
  titel            text NOT NULL CHECK (length(titel) BETWEEN 1 AND 200),
  omschrijving     text CHECK (length(omschrijving) <= 4000),
  bron_type        text,                                      -- the record that caused it, e.g. 'contactverzoek'
  bron_id          uuid,
  toegewezen_aan   uuid REFERENCES gebruiker(id),             -- a named professional, or anyone of the organisation
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'afgerond', 'vervallen')),
  deadline         date,
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  afgerond_op      timestamptz,
  afgerond_door    uuid REFERENCES gebruiker(id),
  afhandeling      text CHECK (length(afhandeling) <= 4000),
  CHECK ((status = 'open') = (afgerond_op IS NULL))
);
CREATE INDEX taak_werklijst_idx ON taak (organisatie_id, status, deadline);
CREATE INDEX taak_persoon_idx ON taak (persoon_id);
-- At most one open task per cause: re-running a sweep never doubles a task.
CREATE UNIQUE INDEX taak_bron_open_uniek ON taak (soort, bron_id) WHERE status = 'open' AND bron_id IS NOT NULL;
