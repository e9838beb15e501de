-- Issue 3: revocation of legal instruments, cheap change versions for the evaluator's in-memory copies, and a
-- digest of each stored tasking evaluation's input.

-- A revoked (derogated) instrument keeps its record; from `revoked_on` (America/Lima day, inclusive) it no longer
-- counts as a legal basis, and neither do the extensions that would have followed it.
ALTER TABLE legal_instrument
  ADD COLUMN revoked_on             date,
  ADD COLUMN revocation_reason      text CHECK (length(revocation_reason) BETWEEN 1 AND 2000),
  -- The revoking instrument: its number or its id in the registry ("DS 130-2025-PCM").
  ADD COLUMN revoked_by_instrument  text CHECK (length(revoked_by_instrument) BETWEEN 1 AND 128),
  ADD COLUMN revocation_source_url  text,
  ADD COLUMN revoked_at             timestamptz,
  ADD COLUMN revoked_by             text,
  ADD CONSTRAINT legal_instrument_revocation_whole CHECK (
    (revoked_on IS NULL) = (revocation_reason IS NULL) AND (revoked_on IS NULL) = (revoked_by_instrument IS NULL)
    AND (revoked_on IS NULL) = (revoked_at IS NULL) AND (revoked_on IS NULL) = (revoked_by IS NULL));

-- The stored input is compact (members replaced by their count and digest); this is the SHA-256 (hex) of it.
ALTER TABLE tasking_evaluation ADD COLUMN input_digest text CHECK (input_digest ~ '^[0-9a-f]{64}$');

-- One counter per family of tables that servers keep in memory (the legal registry, the rule set, the protocols in
-- force, the forces records a tasking evaluation reads). A write moves its counter in the same transaction, so a
-- reader that sees the old value also sees the old rows, and one query tells a server whether its copy is current.
CREATE TABLE change_version (
  scope    text PRIMARY KEY,
  version  bigint NOT NULL DEFAULT 0
);
INSERT INTO change_version (scope) VALUES ('legal_registry'), ('legal_rule_set'), ('protocols'), ('forces');

-- Moves the counter named by the trigger's argument once per transaction (later statements of the same transaction
-- find the transaction-local flag set), so a bulk import moves it once, not once per row.
CREATE FUNCTION bump_change_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  flag text := 'enlace.changed_' || TG_ARGV[0];
BEGIN
  IF current_setting(flag, true) IS DISTINCT FROM 'y' THEN
    PERFORM set_config(flag, 'y', true);
    UPDATE change_version SET version = version + 1 WHERE scope = TG_ARGV[0];
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER legal_instrument_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON legal_instrument
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('legal_registry');
CREATE TRIGGER legal_rule_set_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON legal_rule_set
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('legal_rule_set');
CREATE TRIGGER protocol_version_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON protocol_version
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('protocols');
CREATE TRIGGER unit_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('forces');
CREATE TRIGGER person_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('forces');
CREATE TRIGGER secondment_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON secondment
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('forces');
CREATE TRIGGER equipment_item_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON equipment_item
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('forces');
CREATE TRIGGER course_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON course
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('forces');
CREATE TRIGGER certificate_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON certificate
  FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('forces');
