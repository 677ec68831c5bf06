-- Bulk delivery of persons and kandidaatprofielen (issue 4): one row per delivery (import_run) and
-- its report (import_fout: line, field, reason). Neither ever holds a BSN, a name or a raw row: the
-- report names the line and the field, and its reasons never repeat the delivered value of a
-- personal field. persoon.extern_id and its unique index per gemeente exist since 0001.

CREATE TABLE import_run (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),   -- the gemeente the rows are for (tenant key)
  gestart_door     uuid REFERENCES gebruiker(id),               -- the account (session, API token or CLI --gebruiker)
  gestart_via      text NOT NULL CHECK (gestart_via IN ('sessie', 'api-token', 'cli')),
  api_token_id     uuid REFERENCES api_token(id),               -- set when started with an API token
  bestandsnaam     text CHECK (length(bestandsnaam) <= 255),
  sha256           text CHECK (sha256 ~ '^[0-9a-f]{64}$'),      -- of the delivered bytes; NULL until known (streamed upload)
  formaat          text CHECK (formaat IN ('csv', 'json', 'jsonl')),
  proefdraai       boolean NOT NULL,
  status           text NOT NULL DEFAULT 'lopend' CHECK (status IN ('lopend', 'klaar', 'afgebroken')),
  gelezen          integer NOT NULL DEFAULT 0 CHECK (gelezen >= 0),          -- data rows read
  geaccepteerd     integer NOT NULL DEFAULT 0 CHECK (geaccepteerd >= 0),     -- valid rows (applied, or in a dry run: would be)
  afgewezen        integer NOT NULL DEFAULT 0 CHECK (afgewezen >= 0),
  nieuw            integer NOT NULL DEFAULT 0 CHECK (nieuw >= 0),            -- persons created
  gewijzigd        integer NOT NULL DEFAULT 0 CHECK (gewijzigd >= 0),        -- persons or profiles changed
  ongewijzigd      integer NOT NULL DEFAULT 0 CHECK (ongewijzigd >= 0),      -- valid rows that changed nothing
  checkpoint       integer NOT NULL DEFAULT 0 CHECK (checkpoint >= 0),       -- last line whose batch is committed
  bytes            bigint NOT NULL DEFAULT 0,
  gestart_op       timestamptz NOT NULL DEFAULT now(),
  bijgewerkt_op    timestamptz NOT NULL DEFAULT now(),
  afgerond_op      timestamptz,
  CHECK ((status = 'lopend') = (afgerond_op IS NULL))
);
CREATE INDEX import_run_org_idx ON import_run (organisatie_id, gestart_op DESC);
-- Resuming: the unfinished run of the same content for the same gemeente.
CREATE INDEX import_run_hervat_idx ON import_run (organisatie_id, sha256, proefdraai) WHERE status = 'lopend';

CREATE TABLE import_fout (
  run_id           uuid NOT NULL REFERENCES import_run(id),
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),   -- tenant key (same as the run)
  volgnummer       integer NOT NULL,                             -- order within the run
  regel            integer NOT NULL CHECK (regel >= 0),          -- 0: the file as a whole
  veld             text NOT NULL CHECK (length(veld) <= 80),
  reden            text NOT NULL CHECK (length(reden) <= 500),
  PRIMARY KEY (run_id, volgnummer)
);
