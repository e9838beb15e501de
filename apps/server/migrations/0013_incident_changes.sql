-- Incident changes (issue 6), so that the analysis can keep the points of a scope in memory and know, with one
-- small query, whether they are still what the database holds. Every transaction that inserts, updates, deletes
-- or truncates incidents leaves one row per label (agency and classification) it touched, before or after the
-- change (statement triggers with transition tables: one INSERT per statement, whatever the number of rows;
-- TRUNCATE leaves agency '*', meaning every label).
-- A reader counts the rows of the labels it may read (and '*') in the same statement as it reads the incidents:
-- the count differs exactly when a transaction that touched those labels has committed in between, whatever the
-- order in which transactions took their ids. Rows are only ever added (a count that went down could meet an old
-- value again), and no row is locked, so concurrent writers never wait for each other here.
CREATE TABLE incident_change (
  agency          text NOT NULL,
  classification  text NOT NULL,
  xid             bigint NOT NULL DEFAULT txid_current(),
  at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agency, classification, xid)
);

CREATE FUNCTION enlace_incident_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO incident_change (agency, classification)
      SELECT DISTINCT agency, classification FROM new_rows ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO incident_change (agency, classification)
      SELECT DISTINCT agency, classification FROM old_rows ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO incident_change (agency, classification)
      SELECT agency, classification FROM new_rows UNION SELECT agency, classification FROM old_rows ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO incident_change (agency, classification) VALUES ('*', '*') ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER incident_changed_insert AFTER INSERT ON incident
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enlace_incident_changed();
CREATE TRIGGER incident_changed_update AFTER UPDATE ON incident
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enlace_incident_changed();
CREATE TRIGGER incident_changed_delete AFTER DELETE ON incident
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION enlace_incident_changed();
CREATE TRIGGER incident_changed_truncate AFTER TRUNCATE ON incident
  FOR EACH STATEMENT EXECUTE FUNCTION enlace_incident_changed();
