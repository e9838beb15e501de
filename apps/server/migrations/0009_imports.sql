-- Bulk import (issue 4 item 7, issue 6 item 1): every run of a CSV import and its per-row error report.
-- The file itself is kept under $ENLACE_DATA_DIR/imports/<run id>.csv until the run is applied; its SHA-256 stays here.
-- Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite.

CREATE TABLE import_run (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind             text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_-]{0,49}$'),
  file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  sha256           text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes       bigint CHECK (size_bytes >= 0),
  encoding         text NOT NULL DEFAULT 'utf-8' CHECK (encoding IN ('utf-8', 'windows-1252')),
  delimiter        text NOT NULL DEFAULT 'auto' CHECK (delimiter IN ('auto', ',', ';', E'\t')),
  -- field -> {column, default}, as used by the last validation
  mapping          jsonb NOT NULL DEFAULT '{}'::jsonb,
  options          jsonb NOT NULL DEFAULT '{}'::jsonb,
  headers          jsonb NOT NULL DEFAULT '[]'::jsonb,
  status           text NOT NULL DEFAULT 'created'
                   CHECK (status IN ('created', 'receiving', 'validating', 'valid', 'invalid', 'applying', 'applied', 'failed')),
  rows_total       integer NOT NULL DEFAULT 0,
  rows_created     integer NOT NULL DEFAULT 0,
  rows_updated     integer NOT NULL DEFAULT 0,
  rows_unchanged   integer NOT NULL DEFAULT 0,
  error_count      integer NOT NULL DEFAULT 0,
  -- who imports: the run belongs to the importer's agency; its report may quote personal data, hence CONFIDENCIAL
  created_by       uuid REFERENCES app_user (id),
  created_by_name  text NOT NULL,
  agency           text NOT NULL REFERENCES agency (code),
  classification   text NOT NULL DEFAULT 'CONFIDENCIAL'
                   CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  validated_at     timestamptz,
  applied_at       timestamptz
);
CREATE INDEX import_run_agency_idx ON import_run (agency, created_at DESC);
CREATE INDEX import_run_sha_idx ON import_run (kind, sha256);

-- The problems found by the last validation (or failed application) of a run, in file order. Messages are
-- rendered from the error catalogue (code + params) when read, in both languages.
CREATE TABLE import_run_error (
  run_id       uuid NOT NULL REFERENCES import_run (id) ON DELETE CASCADE,
  seq          integer NOT NULL,
  line         integer NOT NULL,
  column_name  text,
  field        text,
  code         text NOT NULL,
  params       jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (run_id, seq)
);
