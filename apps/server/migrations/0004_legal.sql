-- Legal registry (issue 3): instruments, versioned rule sets, stored tasking evaluations.
-- Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite (PostGIS 3.6).

-- One legal instrument (DS, prórroga, RS, RUF, directive, CCO plan). The id is the instrument's own identifier
-- ("DS-124-2025-PCM"), as `extends` and `applies_to` name it. Validity is inclusive, in America/Lima days.
CREATE TABLE legal_instrument (
  id                          text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
  kind                        text NOT NULL CHECK (kind IN ('DS_ESTADO_EMERGENCIA', 'DS_PRORROGA', 'RESOLUCION_SUPREMA',
                                'RUF', 'DIRECTIVA_MINDEF', 'DIRECTIVA_CCFFAA', 'PLAN_CCO')),
  number                      text,
  title                       text,
  scenario                    text CHECK (scenario IN ('FFAA_CONTROL_GRUPO_HOSTIL', 'FFAA_CONTROL_OSV', 'APOYO_PNP_CON_EE',
                                'APOYO_PNP_SIN_EE')),
  ground                      text,
  pnp_capacity                text,
  -- UBIGEO codes at any level; the area is their union with area_geom.
  area_ubigeo                 text[] NOT NULL DEFAULT '{}',
  area_geom                   geometry(MultiPolygon, 4326),
  valid_from                  date NOT NULL,
  valid_to                    date NOT NULL,
  restricted_rights           text[] NOT NULL DEFAULT '{}',
  control_authority           text,
  pnp_coordinating_authority  text,
  oversight                   jsonb,
  source_url                  text,
  extends                     text REFERENCES legal_instrument (id),
  applies_to                  text[] NOT NULL DEFAULT '{}',
  agency                      text NOT NULL REFERENCES agency (code),
  classification              text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise                    boolean NOT NULL DEFAULT false,
  created_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from)
);
CREATE INDEX legal_instrument_area_gix ON legal_instrument USING gist (area_geom);
CREATE INDEX legal_instrument_validity_idx ON legal_instrument (valid_to, valid_from);
CREATE INDEX legal_instrument_extends_idx ON legal_instrument (extends);
CREATE INDEX legal_instrument_agency_idx ON legal_instrument (agency, classification);

-- Rule-set versions an admin created; while none exists the rules package's DEFAULT_RULE_SET is in force.
CREATE TABLE legal_rule_set (
  version     text PRIMARY KEY CHECK (length(version) BETWEEN 1 AND 64),
  body        jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT false,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX legal_rule_set_one_active ON legal_rule_set (active) WHERE active;

-- Every tasking evaluation, as asked and as answered, with the rule-set version it used.
CREATE TABLE tasking_evaluation (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  actor_id          uuid,
  actor             text NOT NULL,
  agency            text NOT NULL REFERENCES agency (code),
  classification    text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  input             jsonb NOT NULL,
  result            jsonb NOT NULL,
  rule_set_version  text NOT NULL,
  decision          text NOT NULL CHECK (decision IN ('allowed', 'conditional', 'denied')),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasking_evaluation_created_idx ON tasking_evaluation (created_at DESC);
