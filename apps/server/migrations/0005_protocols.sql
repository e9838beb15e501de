-- Joint intervention protocols (issue 3 item 6): versions of a procedure per force, approved by one PNP and one
-- FF.AA. approver before they take effect. Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite.

-- One version of a procedure (PATRULLAJE_CONJUNTO...) for one force (PNP or FFAA). `body` holds the steps,
-- equipment, training, legal references and notes as the rules package's ZProtocolDraft defines them.
CREATE TABLE protocol_version (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure       text NOT NULL CHECK (procedure ~ '^[A-Z][A-Z0-9_]{1,63}$'),
  force           text NOT NULL CHECK (force IN ('PNP', 'FFAA')),
  version         integer NOT NULL CHECK (version >= 1),
  title           jsonb NOT NULL,
  tasks           text[] NOT NULL,
  body            jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in_force', 'superseded')),
  in_force_from   timestamptz,
  superseded_at   timestamptz,
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  created_by      text NOT NULL,
  created_by_id   uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (procedure, force, version),
  CHECK ((status = 'pending') = (in_force_from IS NULL))
);
-- At most one version of a procedure in force per force.
CREATE UNIQUE INDEX protocol_version_one_in_force ON protocol_version (procedure, force) WHERE status = 'in_force';
CREATE INDEX protocol_version_agency_idx ON protocol_version (agency, classification);

-- Approvals: one per user and one per force on each version (the database refuses a second of either).
CREATE TABLE protocol_approval (
  protocol_id   uuid NOT NULL REFERENCES protocol_version (id),
  user_id       uuid NOT NULL REFERENCES app_user (id),
  username      text NOT NULL,
  display_name  text NOT NULL,
  agency        text NOT NULL REFERENCES agency (code),
  side          text NOT NULL CHECK (side IN ('PNP', 'FFAA')),
  role          text NOT NULL,
  approved_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (protocol_id, user_id),
  UNIQUE (protocol_id, side)
);
