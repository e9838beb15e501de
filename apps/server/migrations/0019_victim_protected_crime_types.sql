-- Crime types whose place and narrative identify the victim (the home where family or sexual violence happened,
-- the words of the complaint). Through a sharing agreement such incidents never carry their address or
-- description, and their point is coarsened to a cell of about 550 m; the column holds the legal reference that
-- says why, shown to the recipient beside each redacted incident. NULL: the type has no such protection.
-- Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite.
ALTER TABLE crime_type ADD COLUMN victim_protection text;

UPDATE crime_type
   SET victim_protection = 'Ley 30364 (violencia contra las mujeres y los integrantes del grupo familiar); Ley 29733 (protección de datos personales)'
 WHERE code = 'VIOLENCIA_FAMILIAR';
UPDATE crime_type
   SET victim_protection = 'Código Penal arts. 170-178; Ley 29733 (protección de datos personales)'
 WHERE code = 'VIOLENCIA_SEXUAL';
