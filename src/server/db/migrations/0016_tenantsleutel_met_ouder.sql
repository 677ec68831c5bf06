-- A profile's and a consent's tenant key is their person's gemeente, and a profile's region is that
-- gemeente's region. Until now each column had a foreign key of its own, so nothing stopped a row whose
-- organisatie_id named another gemeente than its person's (or a region not the gemeente's): a row a
-- tenant-sharded deployment would put on the wrong shard, and a consent an access check would read
-- under the wrong gemeente. Composite foreign keys state the rule, and check parent and tenant key in one
-- look-up instead of two or three (a bulk delivery checks 5 keys per row instead of 7).
-- ON UPDATE CASCADE: should a dossier ever move to another gemeente, its profile and consents move along.

ALTER TABLE persoon ADD CONSTRAINT persoon_id_organisatie_uniek UNIQUE (id, organisatie_id);
ALTER TABLE organisatie ADD CONSTRAINT organisatie_id_regio_uniek UNIQUE (id, regio_id);

ALTER TABLE kandidaatprofiel
  DROP CONSTRAINT kandidaatprofiel_persoon_id_fkey,
  DROP CONSTRAINT kandidaatprofiel_organisatie_id_fkey,
  DROP CONSTRAINT kandidaatprofiel_regio_id_fkey,
  ADD CONSTRAINT kandidaatprofiel_persoon_fkey FOREIGN KEY (persoon_id, organisatie_id)
    REFERENCES persoon (id, organisatie_id) ON UPDATE CASCADE,
  ADD CONSTRAINT kandidaatprofiel_regio_fkey FOREIGN KEY (organisatie_id, regio_id)
    REFERENCES organisatie (id, regio_id) ON UPDATE CASCADE;

ALTER TABLE toestemming
  DROP CONSTRAINT toestemming_persoon_id_fkey,
  DROP CONSTRAINT toestemming_organisatie_id_fkey,
  ADD CONSTRAINT toestemming_persoon_fkey FOREIGN KEY (persoon_id, organisatie_id)
    REFERENCES persoon (id, organisatie_id) ON UPDATE CASCADE;
