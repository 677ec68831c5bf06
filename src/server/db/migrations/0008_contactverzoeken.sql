-- Contact through the professional (issue 4): an employer asks for contact on a published, anonymous
-- kandidaatprofiel; the person's responsible professional talks to the candidate and records the
-- answer. Contact details reach the employer only after the candidate's yes, and only those the
-- candidate chose to share.

-- A gemeente's own answer term (working days). NULL: the regional default (with its source) applies,
-- see src/server/modules/contactverzoeken/termijn.ts.
ALTER TABLE gemeente_beleid ADD COLUMN contactverzoek_termijn_werkdagen integer
  CHECK (contactverzoek_termijn_werkdagen BETWEEN 1 AND 60);
ALTER TABLE gemeente_beleid ADD COLUMN contactverzoek_termijn_bron text;

CREATE TABLE contactverzoek (
  id                    uuid PRIMARY KEY,
  organisatie_id        uuid NOT NULL REFERENCES organisatie(id),    -- the person's gemeente (tenant key)
  regio_id              uuid NOT NULL REFERENCES arbeidsmarktregio(id),
  kandidaatprofiel_id   uuid NOT NULL REFERENCES kandidaatprofiel(id),
  persoon_id            uuid NOT NULL REFERENCES persoon(id),
  publiek_id            text NOT NULL,                               -- the profile reference the employer knows
  werkgever_organisatie_id uuid NOT NULL REFERENCES organisatie(id),
  werkgever_gebruiker_id uuid NOT NULL REFERENCES gebruiker(id),
  functie               text NOT NULL CHECK (length(functie) BETWEEN 2 AND 200),
  bericht               text NOT NULL CHECK (length(bericht) BETWEEN 10 AND 2000),
  uren_per_week         numeric(4,1) CHECK (uren_per_week > 0 AND uren_per_week <= 60),
  werkgever_telefoon    text CHECK (length(werkgever_telefoon) <= 30),
  status                text NOT NULL DEFAULT 'nieuw'
                        CHECK (status IN ('nieuw', 'in_behandeling', 'ja', 'nee', 'ingetrokken', 'verlopen')),
  termijn_werkdagen     integer NOT NULL CHECK (termijn_werkdagen BETWEEN 1 AND 60),
  termijn_bron          text NOT NULL,
  deadline              date NOT NULL,
  toegewezen_aan        uuid REFERENCES gebruiker(id),               -- the responsible professional, if assigned
  aangemaakt_op         timestamptz NOT NULL DEFAULT now(),
  in_behandeling_op     timestamptz,
  in_behandeling_door   uuid REFERENCES gebruiker(id),
  beantwoord_op         timestamptz,
  beantwoord_door       uuid REFERENCES gebruiker(id),
  antwoord_toelichting  text CHECK (length(antwoord_toelichting) <= 2000),  -- internal; never shown to the employer
  ingetrokken_op        timestamptz,
  verlopen_op           timestamptz,
  -- What the candidate agreed to share, as it was when they said yes (nothing else is ever stored here).
  gedeeld_naam          text,
  gedeeld_telefoon      text,
  gedeeld_email         text,
  toestemming_id        uuid REFERENCES toestemming(id),            -- the recorded consent 'contact_werkgever'
  CHECK (status = 'ja' OR (gedeeld_naam IS NULL AND gedeeld_telefoon IS NULL AND gedeeld_email IS NULL AND toestemming_id IS NULL)),
  CHECK (status <> 'ja' OR (gedeeld_naam IS NOT NULL AND toestemming_id IS NOT NULL)),
  CHECK ((status IN ('ja', 'nee')) = (beantwoord_op IS NOT NULL)),
  CHECK ((status = 'ingetrokken') = (ingetrokken_op IS NOT NULL)),
  CHECK ((status = 'verlopen') = (verlopen_op IS NOT NULL))
);
-- One open request per employer per profile.
CREATE UNIQUE INDEX contactverzoek_open_uniek ON contactverzoek (werkgever_organisatie_id, kandidaatprofiel_id)
  WHERE status IN ('nieuw', 'in_behandeling');
CREATE INDEX contactverzoek_gemeente_idx ON contactverzoek (organisatie_id, status, deadline);
CREATE INDEX contactverzoek_werkgever_idx ON contactverzoek (werkgever_organisatie_id, aangemaakt_op DESC);
CREATE INDEX contactverzoek_regio_idx ON contactverzoek (regio_id, aangemaakt_op);
CREATE INDEX contactverzoek_persoon_idx ON contactverzoek (persoon_id);
