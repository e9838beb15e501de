-- Platform: PostGIS, agencies, users, sessions, login throttling, idempotency, the audit trail, units.
-- Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite (PostgreSQL 17/18 + PostGIS 3.6).

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE agency (
  code        text PRIMARY KEY CHECK (code ~ '^[A-Z]{2,10}$'),
  name        text NOT NULL,
  short_name  text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('police', 'military', 'joint_command', 'ministry', 'oversight')),
  active      boolean NOT NULL DEFAULT true,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO agency (code, name, short_name, kind) VALUES
  ('PNP', 'Policía Nacional del Perú', 'PNP', 'police'),
  ('EP', 'Ejército del Perú', 'EP', 'military'),
  ('MGP', 'Marina de Guerra del Perú', 'MGP', 'military'),
  ('FAP', 'Fuerza Aérea del Perú', 'FAP', 'military'),
  ('CCFFAA', 'Comando Conjunto de las Fuerzas Armadas', 'CCFFAA', 'joint_command'),
  ('MININTER', 'Ministerio del Interior', 'MININTER', 'ministry'),
  ('MINDEF', 'Ministerio de Defensa', 'MINDEF', 'ministry'),
  ('DP', 'Defensoría del Pueblo', 'Defensoría', 'oversight'),
  ('MP', 'Ministerio Público', 'Fiscalía', 'oversight');

CREATE TABLE app_user (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username       text NOT NULL UNIQUE,
  display_name   text NOT NULL,
  password_hash  text NOT NULL,
  agency         text NOT NULL REFERENCES agency (code),
  role           text NOT NULL CHECK (role IN ('admin', 'commander', 'planner', 'operator', 'field', 'trainer',
                                               'legal_officer', 'analyst', 'oversight')),
  clearance      text NOT NULL CHECK (clearance IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  language       text NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en')),
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Opaque bearer tokens: only their SHA-256 is stored.
CREATE TABLE session (
  token_hash  text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  address     text
);
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE login_failure (
  id        bigserial PRIMARY KEY,
  username  text NOT NULL,
  address   text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_username_idx ON login_failure (username, at);
CREATE INDEX login_failure_address_idx ON login_failure (address, at);

-- A retried write with the same Idempotency-Key returns the first response instead of writing twice.
CREATE TABLE idempotency_key (
  user_id     uuid NOT NULL,
  key         text NOT NULL,
  method      text NOT NULL,
  path        text NOT NULL,
  status      integer NOT NULL,
  body        jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- The tamper-evident audit trail: a SHA-256 hash chain, append-only.
CREATE TABLE audit_log (
  seq          bigint PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor_id     text,
  actor        text,
  agency       text,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text,
  state_hash   text,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

CREATE TABLE audit_signing_key (
  key_id      text PRIMARY KEY,
  public_key  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Signed statements of the chain's hashes, kept outside audit_log (and, for the newest, outside the database).
CREATE TABLE audit_checkpoint (
  from_seq    bigint PRIMARY KEY,
  to_seq      bigint NOT NULL,
  hashes      text NOT NULL,
  signed_at   text NOT NULL,
  key_id      text NOT NULL REFERENCES audit_signing_key (key_id),
  signature   text NOT NULL
);

CREATE FUNCTION enlace_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ENLACE_APPEND_ONLY: % is append-only; % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION enlace_reject_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION enlace_reject_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION enlace_reject_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION enlace_reject_change();

-- One canonical field: NULL -> '', '\' -> '\\', '|' -> '\|'. Mirrors canonicalEntry() in @enlace/audit-chain.
CREATE FUNCTION enlace_audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(replace(replace(v, '\', '\\'), '|', '\|'), '')
$$;

-- Appends entries (one per array element) after the current head of the chain. The transaction-level
-- advisory lock serialises appenders, so concurrent writers never fork the chain; callers append last in
-- their transaction (and several writes' entries at once, see WriteBatcher) so the lock is held only until
-- commit.
CREATE FUNCTION enlace_audit_append(
  p_actor_ids text[], p_actors text[], p_agencies text[], p_actions text[], p_entity_types text[],
  p_entity_ids text[], p_state_hashes text[]
) RETURNS TABLE (out_seq bigint, out_hash text) LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
  v_prev text;
  v_at timestamptz;
  v_at_text text;
  v_hash text;
  i integer;
BEGIN
  PERFORM pg_advisory_xact_lock(727001);
  SELECT a.seq, a.hash INTO v_seq, v_prev FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  IF v_seq IS NULL THEN
    v_seq := 0;
    v_prev := repeat('0', 64);
  END IF;
  v_at := date_trunc('milliseconds', clock_timestamp());
  v_at_text := to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  FOR i IN 1 .. coalesce(array_length(p_actions, 1), 0) LOOP
    v_seq := v_seq + 1;
    v_hash := encode(sha256(convert_to(
      'v1|' || v_seq::text || '|' || v_at_text || '|' || enlace_audit_field(p_actor_ids[i]) || '|' ||
      enlace_audit_field(p_actors[i]) || '|' || enlace_audit_field(p_agencies[i]) || '|' ||
      enlace_audit_field(p_actions[i]) || '|' || enlace_audit_field(p_entity_types[i]) || '|' ||
      enlace_audit_field(p_entity_ids[i]) || '|' || enlace_audit_field(p_state_hashes[i]) || '|' || v_prev,
      'UTF8')), 'hex');
    INSERT INTO audit_log (seq, at, actor_id, actor, agency, action, entity_type, entity_id, state_hash, prev_hash, hash)
    VALUES (v_seq, v_at, p_actor_ids[i], p_actors[i], p_agencies[i], p_actions[i], p_entity_types[i], p_entity_ids[i],
            p_state_hashes[i], v_prev, v_hash);
    v_prev := v_hash;
    out_seq := v_seq;
    out_hash := v_hash;
    RETURN NEXT;
  END LOOP;
END $$;

-- Units of both forces (extended by the forces module). Every record: owning agency, classification, exercise flag.
CREATE TABLE unit (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name            text NOT NULL,
  short_name      text NOT NULL,
  force           text NOT NULL CHECK (force IN ('PNP', 'EP', 'MGP', 'FAP', 'CCFFAA')),
  echelon         text NOT NULL,
  parent_id       uuid REFERENCES unit (id),
  home_ubigeo     text CHECK (home_ubigeo ~ '^\d{6}$'),
  home            geometry(Point, 4326),
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_home_gix ON unit USING gist (home);
CREATE INDEX unit_agency_idx ON unit (agency, classification);
CREATE INDEX unit_parent_idx ON unit (parent_id);
