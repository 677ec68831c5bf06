-- Loonwaardemetingen (Besluit and Regeling loonkostensubsidie Participatiewet 2021): per workplace the
-- normfunctie, up to 5 hoofdtaken with tempo, kwaliteit and inzetbaarheid, the loonwaarde, the
-- loonwaardedeskundige and their qualification, and the agreed date of the next measurement.
-- Nothing is updated: a new measurement is a new row, so the history is the table itself.

CREATE TABLE loonwaardemeting (
  id                   uuid PRIMARY KEY,
  organisatie_id       uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id           uuid NOT NULL REFERENCES persoon(id),
  -- The workplace.
  werkgever            text NOT NULL,
  functie              text NOT NULL,                             -- the person's function at the employer
  arbeidsuren_per_week numeric NOT NULL CHECK (arbeidsuren_per_week > 0 AND arbeidsuren_per_week <= 60),
  werkdagen_per_week   integer NOT NULL CHECK (werkdagen_per_week BETWEEN 1 AND 7),
  normfunctie          text NOT NULL,
  normfunctie_omschrijving text NOT NULL,
  normuren_per_week    numeric NOT NULL CHECK (normuren_per_week BETWEEN 24 AND 40),
  -- The measurement, as shown then: the tasks with their scores and computed values, every step.
  hoofdtaken           jsonb NOT NULL CHECK (jsonb_typeof(hoofdtaken) = 'array' AND jsonb_array_length(hoofdtaken) BETWEEN 1 AND 5),
  uitkomst             jsonb NOT NULL,
  loonwaarde           numeric(5,2) NOT NULL CHECK (loonwaarde BETWEEN 0 AND 100),
  berekende_loonwaarde numeric(5,2) NOT NULL CHECK (berekende_loonwaarde BETWEEN 0 AND 100),
  afwijkingsreden      text,                                      -- required when loonwaarde differs from the calculation
  meetdatum            date NOT NULL,
  volgende_meting_op   date NOT NULL,
  methode              text NOT NULL,
  -- The loonwaardedeskundige (Regeling LKS 2021 art. 3), as they were at the time.
  deskundige_id        uuid NOT NULL REFERENCES gebruiker(id),
  deskundige_naam      text NOT NULL,
  kwalificatie         text NOT NULL,
  aangemaakt_op        timestamptz NOT NULL DEFAULT now(),
  CHECK (volgende_meting_op > meetdatum),
  CHECK (loonwaarde = berekende_loonwaarde OR afwijkingsreden IS NOT NULL)
);
CREATE INDEX loonwaardemeting_persoon_idx ON loonwaardemeting (persoon_id, meetdatum DESC, aangemaakt_op DESC);
