-- Versions of the readiness standard ("citizen-security support unit", per task type) put in force by an admin.
-- The standard in @enlace/rules is the seed version, in force while this table is empty. Versions are never changed
-- or reused: every stored readiness result names the version (`standard_id@version`) it was computed with.
CREATE TABLE readiness_standard (
  standard_id  text NOT NULL CHECK (standard_id ~ '^[A-Z0-9_]{1,64}$'),
  version      text NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
  body         jsonb NOT NULL,
  active       boolean NOT NULL DEFAULT false,
  remark       text CHECK (remark IS NULL OR length(remark) <= 2000),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (standard_id, version)
);
CREATE UNIQUE INDEX readiness_standard_one_active ON readiness_standard (active) WHERE active;
CREATE INDEX readiness_standard_created_idx ON readiness_standard (created_at DESC);
