-- A gemeente's own policy settings (configuration within the law), and jobcoach need assessments.

CREATE TABLE gemeente_beleid (
  organisatie_id   uuid PRIMARY KEY REFERENCES organisatie(id),  -- the gemeente (tenant key)
  jobcoach_max_uren_per_halfjaar numeric(6,1) CHECK (jobcoach_max_uren_per_halfjaar > 0),
  jobcoach_max_duur_jaren integer CHECK (jobcoach_max_duur_jaren BETWEEN 1 AND 20),
  bron             text NOT NULL,                             -- e.g. the beleidsregel it comes from
  gewijzigd_door   uuid REFERENCES gebruiker(id),
  gewijzigd_op     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jobcoach_beoordeling (
  id               uuid PRIMARY KEY,
  organisatie_id   uuid NOT NULL REFERENCES organisatie(id),  -- the person's gemeente (tenant key)
  persoon_id       uuid NOT NULL REFERENCES persoon(id),
  peildatum        date NOT NULL,
  uren_per_week    numeric(4,1) NOT NULL,
  begeleidingsjaar integer NOT NULL,
  antwoorden       jsonb NOT NULL,
  geadviseerd_regime text NOT NULL,
  regime           text NOT NULL,
  afwijkingsreden  text,
  percentage       numeric(4,1) NOT NULL,
  uren_per_halfjaar numeric(6,1) NOT NULL,
  uitkomst         jsonb NOT NULL,                            -- the full explained advice, as shown then
  evaluatie_op     date NOT NULL,                             -- half-yearly evaluation
  auteur_id        uuid NOT NULL REFERENCES gebruiker(id),
  aangemaakt_op    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobcoach_beoordeling_persoon_idx ON jobcoach_beoordeling (persoon_id, aangemaakt_op DESC);
