-- Incidents and crime records, victims and suspects (kept apart), district-by-month aggregates (SIDPOL shape),
-- the mapping of local crime codes to Enlace's crime types, and sharing agreements between forces (issue 6).
-- Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite (PostGIS 3.6).

-- Enlace's crime types, each with the article of the Código Penal (DL 635) it follows.
CREATE TABLE crime_type (
  code             text PRIMARY KEY CHECK (code ~ '^[A-Z_]{2,40}$'),
  name_es          text NOT NULL,
  name_en          text NOT NULL,
  legal_reference  text NOT NULL
);

INSERT INTO crime_type (code, name_es, name_en, legal_reference) VALUES
  ('HOMICIDIO', 'Homicidio', 'Homicide', 'Código Penal arts. 106-108'),
  ('LESIONES', 'Lesiones', 'Assault causing injury', 'Código Penal arts. 121-122'),
  ('VIOLENCIA_FAMILIAR', 'Agresiones contra las mujeres o integrantes del grupo familiar', 'Violence against women or family members', 'Código Penal art. 122-B; Ley 30364'),
  ('VIOLENCIA_SEXUAL', 'Violación de la libertad sexual', 'Sexual violence', 'Código Penal arts. 170-178'),
  ('SECUESTRO', 'Secuestro', 'Kidnapping', 'Código Penal art. 152'),
  ('EXTORSION', 'Extorsión', 'Extortion', 'Código Penal art. 200'),
  ('ROBO', 'Robo', 'Robbery (with violence or threat)', 'Código Penal arts. 188-189'),
  ('HURTO', 'Hurto', 'Theft', 'Código Penal arts. 185-186'),
  ('VEHICULO', 'Robo o hurto de vehículo', 'Vehicle theft or robbery', 'Código Penal arts. 185-189'),
  ('ESTAFA', 'Estafa y otras defraudaciones', 'Fraud', 'Código Penal art. 196'),
  ('DANOS', 'Daños', 'Criminal damage', 'Código Penal art. 205'),
  ('DROGAS', 'Tráfico ilícito de drogas', 'Drug trafficking', 'Código Penal arts. 296-298'),
  ('ARMAS', 'Tenencia ilegal de armas', 'Illegal possession of weapons', 'Código Penal art. 279'),
  ('OTRO', 'Otro delito o falta', 'Other offence', 'Código Penal, libro segundo y tercero');

-- Local codes of each source system mapped to Enlace's types. local_code is normalised: upper case, without
-- accents, single spaces (see normalizeLocalCode in modules/incidents).
CREATE TABLE crime_type_mapping (
  source_system  text NOT NULL CHECK (source_system ~ '^[A-Z0-9_]{2,32}$'),
  local_code     text NOT NULL CHECK (length(local_code) BETWEEN 1 AND 200),
  crime_type     text NOT NULL REFERENCES crime_type (code),
  note           text,
  PRIMARY KEY (source_system, local_code)
);

-- SIDPOL (PNP), by the "sub genérico" of the open data set "Denuncias de delitos".
INSERT INTO crime_type_mapping (source_system, local_code, crime_type) VALUES
  ('SIDPOL', 'HOMICIDIO', 'HOMICIDIO'),
  ('SIDPOL', 'LESIONES', 'LESIONES'),
  ('SIDPOL', 'AGRESIONES EN CONTRA DE LAS MUJERES O INTEGRANTES DEL GRUPO FAMILIAR', 'VIOLENCIA_FAMILIAR'),
  ('SIDPOL', 'VIOLACION DE LA LIBERTAD SEXUAL', 'VIOLENCIA_SEXUAL'),
  ('SIDPOL', 'VIOLACION DE LA LIBERTAD PERSONAL', 'SECUESTRO'),
  ('SIDPOL', 'SECUESTRO', 'SECUESTRO'),
  ('SIDPOL', 'EXTORSION', 'EXTORSION'),
  ('SIDPOL', 'ROBO', 'ROBO'),
  ('SIDPOL', 'ROBO AGRAVADO', 'ROBO'),
  ('SIDPOL', 'HURTO', 'HURTO'),
  ('SIDPOL', 'HURTO AGRAVADO', 'HURTO'),
  ('SIDPOL', 'ROBO DE VEHICULO', 'VEHICULO'),
  ('SIDPOL', 'HURTO DE VEHICULO', 'VEHICULO'),
  ('SIDPOL', 'ESTAFA Y OTRAS DEFRAUDACIONES', 'ESTAFA'),
  ('SIDPOL', 'DANOS', 'DANOS'),
  ('SIDPOL', 'TRAFICO ILICITO DE DROGAS', 'DROGAS'),
  ('SIDPOL', 'PELIGRO COMUN', 'ARMAS'),
  ('SIDPOL', 'TENENCIA ILEGAL DE ARMAS', 'ARMAS'),
  ('SIDPOL', 'OTROS', 'OTRO');

-- Enlace's own codes, for manual entry and for files already classified with them.
INSERT INTO crime_type_mapping (source_system, local_code, crime_type)
  SELECT 'ENLACE', replace(code, '_', ' '), code FROM crime_type;

-- Chicago Police Department, IUCR primary types (and the single type of the Ashby aggravated-assault file).
INSERT INTO crime_type_mapping (source_system, local_code, crime_type, note) VALUES
  ('CHICAGO', 'HOMICIDE', 'HOMICIDIO', NULL),
  ('CHICAGO', 'ASSAULT', 'LESIONES', NULL),
  ('CHICAGO', 'AGGRAVATED ASSAULT', 'LESIONES', 'Ashby file: every row is an aggravated assault'),
  ('CHICAGO', 'BATTERY', 'LESIONES', NULL),
  ('CHICAGO', 'ROBBERY', 'ROBO', NULL),
  ('CHICAGO', 'THEFT', 'HURTO', NULL),
  ('CHICAGO', 'BURGLARY', 'HURTO', 'Hurto agravado en casa habitada, art. 186'),
  ('CHICAGO', 'MOTOR VEHICLE THEFT', 'VEHICULO', NULL),
  ('CHICAGO', 'DECEPTIVE PRACTICE', 'ESTAFA', NULL),
  ('CHICAGO', 'CRIMINAL DAMAGE', 'DANOS', NULL),
  ('CHICAGO', 'NARCOTICS', 'DROGAS', NULL),
  ('CHICAGO', 'WEAPONS VIOLATION', 'ARMAS', NULL),
  ('CHICAGO', 'KIDNAPPING', 'SECUESTRO', NULL),
  ('CHICAGO', 'CRIMINAL SEXUAL ASSAULT', 'VIOLENCIA_SEXUAL', NULL),
  ('CHICAGO', 'CRIM SEXUAL ASSAULT', 'VIOLENCIA_SEXUAL', NULL),
  ('CHICAGO', 'SEX OFFENSE', 'VIOLENCIA_SEXUAL', NULL),
  ('CHICAGO', 'OTHER OFFENSE', 'OTRO', NULL);

-- Vancouver Police Department crime types.
INSERT INTO crime_type_mapping (source_system, local_code, crime_type, note) VALUES
  ('VANCOUVER', 'OTHER THEFT', 'HURTO', NULL),
  ('VANCOUVER', 'THEFT FROM VEHICLE', 'HURTO', NULL),
  ('VANCOUVER', 'THEFT OF BICYCLE', 'HURTO', NULL),
  ('VANCOUVER', 'THEFT OF VEHICLE', 'VEHICULO', NULL),
  ('VANCOUVER', 'BREAK AND ENTER RESIDENTIAL/OTHER', 'HURTO', 'Hurto agravado en casa habitada, art. 186'),
  ('VANCOUVER', 'BREAK AND ENTER COMMERCIAL', 'HURTO', NULL),
  ('VANCOUVER', 'MISCHIEF', 'DANOS', NULL),
  ('VANCOUVER', 'OFFENCE AGAINST A PERSON', 'LESIONES', NULL),
  ('VANCOUVER', 'HOMICIDE', 'HOMICIDIO', NULL);

-- One incident or crime record. Idempotent import: one row per (source, source_ref). x, y are the point in the
-- UTM zone of its longitude (utm_epsg), so analysis works in metres without projecting at query time.
CREATE TABLE incident (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source          text NOT NULL CHECK (source ~ '^[A-Z0-9_]{2,32}$'),
  source_ref      text NOT NULL CHECK (length(source_ref) BETWEEN 1 AND 200),
  crime_type      text NOT NULL REFERENCES crime_type (code),
  local_code      text CHECK (length(local_code) <= 200),
  occurred_at     timestamptz NOT NULL,
  location        geometry(Point, 4326) NOT NULL,
  utm_epsg        integer NOT NULL CHECK (utm_epsg BETWEEN 32601 AND 32760),
  x               double precision NOT NULL,
  y               double precision NOT NULL,
  ubigeo          text REFERENCES ref_district (ubigeo),
  address         text CHECK (length(address) <= 500),
  description     text CHECK (length(description) <= 4000),
  import_run_id   uuid,
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise        boolean NOT NULL DEFAULT false,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, source_ref)
);
CREATE INDEX incident_time_idx ON incident (occurred_at);
CREATE INDEX incident_location_gix ON incident USING gist (location);
CREATE INDEX incident_ubigeo_idx ON incident (ubigeo, occurred_at);
CREATE INDEX incident_labels_idx ON incident (agency, classification);
CREATE INDEX incident_import_idx ON incident (import_run_id);

-- Victims and suspects: personal data (Ley 29733) kept out of the incident row, read only with
-- incident:person:read and never shared through an agreement.
CREATE TABLE incident_victim (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id  uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
  full_name    text CHECK (length(full_name) <= 200),
  document_id  text CHECK (length(document_id) <= 32),
  sex          text CHECK (sex IN ('F', 'M', 'X')),
  age          integer CHECK (age BETWEEN 0 AND 130),
  notes        text CHECK (length(notes) <= 2000),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_victim_incident_idx ON incident_victim (incident_id);

CREATE TABLE incident_suspect (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_id  uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
  full_name    text CHECK (length(full_name) <= 200),
  alias        text CHECK (length(alias) <= 200),
  document_id  text CHECK (length(document_id) <= 32),
  sex          text CHECK (sex IN ('F', 'M', 'X')),
  age          integer CHECK (age BETWEEN 0 AND 130),
  description  text CHECK (length(description) <= 2000),
  detained     boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_suspect_incident_idx ON incident_suspect (incident_id);

-- District-by-month counts, the only form in which Peru publishes police crime reports (SIDPOL open data).
CREATE TABLE incident_district_month (
  source          text NOT NULL CHECK (source ~ '^[A-Z0-9_]{2,32}$'),
  ubigeo          text NOT NULL REFERENCES ref_district (ubigeo),
  month           date NOT NULL CHECK (extract(day FROM month) = 1),
  crime_type      text NOT NULL REFERENCES crime_type (code),
  local_code      text NOT NULL DEFAULT '',
  count           integer NOT NULL CHECK (count >= 0),
  import_run_id   uuid,
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, ubigeo, month, crime_type, local_code)
);
CREATE INDEX incident_district_month_month_idx ON incident_district_month (month);

-- An agreement through which one agency's incidents are visible to another agency (an FF.AA. unit) while it is
-- active: tied to a legal instrument's area and period (or to a joint exercise), listing the fields shared.
CREATE TABLE sharing_agreement (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  owner_agency        text NOT NULL REFERENCES agency (code),
  recipient_agency    text NOT NULL REFERENCES agency (code),
  recipient_unit_id   uuid REFERENCES unit (id),
  basis_kind          text NOT NULL CHECK (basis_kind IN ('instrument', 'exercise')),
  instrument_id       text REFERENCES legal_instrument (id),
  exercise_id         uuid,
  area_ubigeo         text[] NOT NULL DEFAULT '{}',
  area_geom           geometry(MultiPolygon, 4326),
  valid_from          date NOT NULL,
  valid_to            date NOT NULL,
  data_from           date NOT NULL,
  fields              text[] NOT NULL,
  crime_types         text[] NOT NULL DEFAULT '{}',
  max_classification  text NOT NULL CHECK (max_classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  ended_at            timestamptz,
  ended_by            text,
  end_reason          text CHECK (length(end_reason) <= 1000),
  agency              text NOT NULL REFERENCES agency (code),
  classification      text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise            boolean NOT NULL DEFAULT false,
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from),
  CHECK (data_from <= valid_to),
  CHECK (owner_agency <> recipient_agency),
  CHECK ((basis_kind = 'instrument') = (instrument_id IS NOT NULL)),
  CHECK ((basis_kind = 'exercise') = (exercise_id IS NOT NULL)),
  -- Victim identities are never shared, whatever an agreement says.
  CHECK (NOT (fields && ARRAY['victims', 'victimNames', 'victimDocuments']::text[]))
);
CREATE INDEX sharing_agreement_recipient_idx ON sharing_agreement (recipient_agency, valid_to);
CREATE INDEX sharing_agreement_instrument_idx ON sharing_agreement (instrument_id);

-- Who saw what through an agreement: one row per read, with the incidents returned (append-only).
CREATE TABLE sharing_read (
  id            bigserial PRIMARY KEY,
  agreement_id  uuid NOT NULL REFERENCES sharing_agreement (id),
  actor_id      text,
  actor         text NOT NULL,
  agency        text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  incident_ids  uuid[] NOT NULL,
  fields        text[] NOT NULL,
  query         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX sharing_read_agreement_idx ON sharing_read (agreement_id, at);

CREATE TRIGGER sharing_read_append_only BEFORE UPDATE OR DELETE ON sharing_read
  FOR EACH ROW EXECUTE FUNCTION enlace_reject_change();
