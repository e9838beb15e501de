-- The code system an incident's local crime code was read with (SIDPOL, a municipality's own table, ...), so that
-- the mapping row that classified it is known exactly: a mapping in use cannot be removed, and an analyst sees
-- which table a code belongs to. NULL: the record has no local code, or was read before this column existed and its
-- system cannot be told (then the removal check keeps erring on the side of "in use").
-- Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite.
ALTER TABLE incident ADD COLUMN code_system text CHECK (code_system ~ '^[A-Z0-9_]{2,32}$');
ALTER TABLE incident_district_month ADD COLUMN code_system text CHECK (code_system ~ '^[A-Z0-9_]{2,32}$');

-- Records read before: their source's default table when it holds the code (the only system they could have been
-- read with, unless one was named at entry; then it stays unknown).
UPDATE incident r SET code_system = CASE WHEN r.source = 'PNP' THEN 'SIDPOL' ELSE r.source END
 WHERE r.local_code IS NOT NULL
   AND EXISTS (SELECT 1 FROM crime_type_mapping d
                WHERE d.source_system = CASE WHEN r.source = 'PNP' THEN 'SIDPOL' ELSE r.source END AND d.local_code = r.local_code);
UPDATE incident_district_month r SET code_system = CASE WHEN r.source = 'PNP' THEN 'SIDPOL' ELSE r.source END
 WHERE EXISTS (SELECT 1 FROM crime_type_mapping d
                WHERE d.source_system = CASE WHEN r.source = 'PNP' THEN 'SIDPOL' ELSE r.source END AND d.local_code = r.local_code);
