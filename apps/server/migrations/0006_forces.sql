-- Forces, training and readiness (issue 4): units' areas of responsibility, personnel, secondments, equipment,
-- the course catalogue, training sessions and records, certificates, joint exercises, readiness results and
-- commanders' overrides. Every record carries its owning agency, classification and exercise flag.
-- Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite.

-- Units: area of responsibility (UBIGEO codes of any level and/or a polygon).
ALTER TABLE unit ADD COLUMN area_ubigeo text[] NOT NULL DEFAULT '{}';
ALTER TABLE unit ADD COLUMN area geometry(MultiPolygon, 4326);
CREATE INDEX unit_area_gix ON unit USING gist (area);
CREATE INDEX unit_home_ubigeo_idx ON unit (home_ubigeo);

-- Personnel. Natural key: identity document (type + number).
CREATE TABLE person (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id            uuid NOT NULL REFERENCES unit (id),
  given_names        text NOT NULL CHECK (length(given_names) BETWEEN 1 AND 120),
  family_names       text NOT NULL CHECK (length(family_names) BETWEEN 1 AND 120),
  rank               text NOT NULL CHECK (length(rank) BETWEEN 1 AND 60),
  specialty          text,
  status             text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'on_leave', 'deployed')),
  designated_lethal  boolean NOT NULL DEFAULT false,
  document_type      text NOT NULL CHECK (document_type IN ('DNI', 'CE', 'PASAPORTE', 'CIP', 'CIM')),
  document_number    text NOT NULL CHECK (document_number ~ '^[A-Za-z0-9-]{5,20}$'),
  birth_date         date,
  phone              text,
  email              text,
  agency             text NOT NULL REFERENCES agency (code),
  classification     text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise           boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_type, document_number)
);
CREATE INDEX person_unit_idx ON person (unit_id);
CREATE INDEX person_agency_idx ON person (agency, classification);

-- A member lent from the home unit to another for a period, effective once approved.
CREATE TABLE secondment (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id        uuid NOT NULL REFERENCES person (id),
  from_unit_id     uuid NOT NULL REFERENCES unit (id),
  to_unit_id       uuid NOT NULL REFERENCES unit (id),
  starts_on        date NOT NULL,
  ends_on          date NOT NULL,
  reason           text NOT NULL,
  status           text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled')),
  requested_by     text NOT NULL,
  decided_by       text,
  decided_at       timestamptz,
  decision_remark  text,
  agency           text NOT NULL REFERENCES agency (code),
  classification   text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise         boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK (from_unit_id <> to_unit_id)
);
CREATE INDEX secondment_person_idx ON secondment (person_id, status);
CREATE INDEX secondment_to_unit_idx ON secondment (to_unit_id, status);

-- Equipment: a quantity of identical items, or one item by serial (lethal weapons always, assigned to a member).
-- Natural keys: (category, serial) for serial items; (unit, category, item, condition, holder) for lots.
CREATE TABLE equipment_item (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id         uuid NOT NULL REFERENCES unit (id),
  category        text NOT NULL CHECK (category IN ('ESCUDO', 'CASCO', 'CHALECO', 'MASCARA_ANTIGAS', 'BASTON', 'GAS_PIMIENTA',
                                                    'LANZADOR_MENOS_LETAL', 'TASER', 'FUSIL', 'PISTOLA', 'RADIO', 'DRON', 'VEHICULO')),
  item            text NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
  serial          text,
  quantity        integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  condition       text NOT NULL DEFAULT 'serviceable' CHECK (condition IN ('serviceable', 'in_repair', 'unserviceable')),
  assigned_to     uuid REFERENCES person (id),
  radio           jsonb,
  drone           jsonb,
  vehicle         jsonb,
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (serial IS NULL OR quantity = 1),
  CHECK (category NOT IN ('FUSIL', 'PISTOLA') OR serial IS NOT NULL)
);
CREATE UNIQUE INDEX equipment_serial_uq ON equipment_item (category, serial) WHERE serial IS NOT NULL;
CREATE UNIQUE INDEX equipment_lot_uq ON equipment_item
  (unit_id, category, item, condition, coalesce(assigned_to, '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE serial IS NULL;
CREATE INDEX equipment_unit_idx ON equipment_item (unit_id, category);
CREATE INDEX equipment_assigned_idx ON equipment_item (assigned_to) WHERE assigned_to IS NOT NULL;

-- The course catalogue (data): a passed course gives a certificate in its area, valid validity_months months.
CREATE TABLE course (
  code             text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{2,60}$'),
  area             text NOT NULL,
  name_es          text NOT NULL,
  name_en          text NOT NULL,
  hours            integer NOT NULL CHECK (hours > 0),
  validity_months  integer NOT NULL CHECK (validity_months BETWEEN 1 AND 120),
  description_es   text NOT NULL DEFAULT '',
  description_en   text NOT NULL DEFAULT '',
  legal_refs       text[] NOT NULL DEFAULT '{}',
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

INSERT INTO course (code, area, name_es, name_en, hours, validity_months, description_es, description_en, legal_refs) VALUES
  ('CONTROL_MULTITUDES', 'CONTROL_MULTITUDES', 'Control de multitudes', 'Crowd control', 80, 24,
   'Formaciones, uso escalonado de medios no letales, protección de manifestantes pacíficos y de terceros.',
   'Formations, graduated use of non-lethal means, protection of peaceful protesters and bystanders.',
   ARRAY['Decreto Legislativo 1186, art. 7 y 8', 'Principios Básicos ONU sobre el Empleo de la Fuerza (1990), 12-14']),
  ('PERSUASION_NEGOCIACION', 'PERSUASION_NEGOCIACION', 'Persuasión y negociación', 'Persuasion and negotiation', 40, 36,
   'Diálogo, mediación y desescalamiento antes de cualquier uso de la fuerza.',
   'Dialogue, mediation and de-escalation before any use of force.',
   ARRAY['Decreto Legislativo 1186, art. 7.2.a (presencia y verbalización)']),
  ('INTELIGENCIA_POLICIAL', 'INTELIGENCIA_POLICIAL', 'Inteligencia policial', 'Police intelligence', 60, 36,
   'Ciclo de inteligencia, fuentes abiertas, protección de datos personales y límites legales.',
   'Intelligence cycle, open sources, personal-data protection and legal limits.',
   ARRAY['Decreto Legislativo 1141', 'Ley 29733 (protección de datos personales)']),
  ('NORMAS_LEGALES', 'NORMAS_LEGALES', 'Normas legales del orden interno', 'Legal norms of internal order', 30, 24,
   'Estado de emergencia, intervención de las FF.AA. en el orden interno y en apoyo a la PNP.',
   'State of emergency, intervention of the armed forces in internal order and in support of the PNP.',
   ARRAY['Constitución Política del Perú, art. 137 y 165-166', 'Decreto Legislativo 1095']),
  ('DERECHOS_HUMANOS', 'DERECHOS_HUMANOS', 'Derechos humanos aplicados a la función', 'Human rights in operations', 40, 24,
   'Derechos que no se suspenden, trato a detenidos, grupos vulnerables y rendición de cuentas.',
   'Non-derogable rights, treatment of detainees, vulnerable groups and accountability.',
   ARRAY['Constitución Política del Perú, art. 1-2', 'Código de Conducta ONU para Funcionarios Encargados de Hacer Cumplir la Ley (1979)']),
  ('ANALISIS_CRISIS_ORDEN_PUBLICO', 'ANALISIS_CRISIS_ORDEN_PUBLICO', 'Análisis de crisis en el orden público',
   'Crisis analysis in public order', 40, 36,
   'Evaluación de conflictos sociales, alerta temprana y escenarios de escalamiento.',
   'Assessment of social conflicts, early warning and escalation scenarios.', ARRAY[]::text[]),
  ('PLANEAMIENTO_MILITAR_POLICIAL', 'PLANEAMIENTO_MILITAR_POLICIAL', 'Planeamiento militar-policial conjunto',
   'Joint military-police planning', 60, 36,
   'Proceso de toma de decisiones, orden de operaciones de cinco párrafos, relaciones de comando con la PNP.',
   'Decision-making process, five-paragraph operation order, command relationships with the PNP.',
   ARRAY['Decreto Legislativo 1095, art. 4-5']),
  ('PROCEDIMIENTOS_DETENCION', 'PROCEDIMIENTOS_DETENCION', 'Procedimientos de detención', 'Detention procedures', 24, 24,
   'Flagrancia, lectura de derechos, registro, entrega inmediata a la PNP y a la autoridad competente.',
   'Flagrante delicto, reading of rights, search, immediate handover to the PNP and the competent authority.',
   ARRAY['Constitución Política del Perú, art. 2 inc. 24.f', 'Código Procesal Penal, art. 259-263']),
  ('SEGURIDAD_DE_LA_FUERZA', 'SEGURIDAD_DE_LA_FUERZA', 'Protección de la fuerza', 'Force protection', 40, 24,
   'Protección del personal, instalaciones y medios durante operaciones de apoyo.',
   'Protection of personnel, facilities and means during support operations.', ARRAY[]::text[]),
  ('ANALISIS_LEGAL_OPERACIONES', 'ANALISIS_LEGAL_OPERACIONES', 'Análisis legal durante las operaciones',
   'Legal analysis during operations', 30, 24,
   'Asesoría jurídica operacional, reglas de enfrentamiento y uso de la fuerza, documentación de incidentes.',
   'Operational legal advice, rules of engagement and use of force, documentation of incidents.',
   ARRAY['Decreto Legislativo 1095', 'Decreto Supremo 003-2020-DE']),
  ('DL1095_RUF', 'MARCO_LEGAL_USO_FUERZA', 'DL 1095 y reglas de uso de la fuerza', 'DL 1095 and rules for the use of force', 24, 12,
   'Niveles de fuerza, advertencia previa, fuerza letal solo ante amenaza inminente; reentrenamiento anual.',
   'Force levels, prior warning, lethal force only against imminent threat; yearly retraining.',
   ARRAY['Decreto Legislativo 1095, título III', 'Decreto Legislativo 1186', 'Decreto Supremo 003-2020-DE']),
  ('PRIMEROS_AUXILIOS', 'PRIMEROS_AUXILIOS', 'Primeros auxilios', 'First aid', 16, 24,
   'Atención inmediata a heridos, incluidos los afectados por el uso de la fuerza.',
   'Immediate care of the injured, including those affected by the use of force.',
   ARRAY['Principios Básicos ONU sobre el Empleo de la Fuerza (1990), 5.c']);

-- Training sessions of a course, organised by a unit.
CREATE TABLE training_session (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  course_code     text NOT NULL REFERENCES course (code),
  unit_id         uuid NOT NULL REFERENCES unit (id),
  title           text NOT NULL,
  starts_on       date NOT NULL,
  ends_on         date NOT NULL,
  location        text NOT NULL,
  ubigeo          text CHECK (ubigeo ~ '^\d{6}$'),
  trainers        text[] NOT NULL DEFAULT '{}',
  capacity        integer NOT NULL DEFAULT 30 CHECK (capacity > 0),
  status          text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'completed', 'cancelled')),
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX training_session_unit_idx ON training_session (unit_id, starts_on);
CREATE INDEX training_session_dates_idx ON training_session (starts_on);

-- Attendance and result of one member in one session.
CREATE TABLE training_record (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id  uuid NOT NULL REFERENCES training_session (id),
  person_id   uuid NOT NULL REFERENCES person (id),
  attended    boolean NOT NULL,
  result      text CHECK (result IN ('passed', 'failed', 'incomplete')),
  score       numeric(5, 2) CHECK (score BETWEEN 0 AND 100),
  remarks     text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, person_id),
  CHECK (result IS NULL OR attended OR result <> 'passed')
);
CREATE INDEX training_record_person_idx ON training_record (person_id);

-- Certificates: random verification codes (26 base32 characters = 130 bits), validity, revocation.
-- Natural key: holder + course + issue date.
CREATE TABLE certificate (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code            text NOT NULL UNIQUE CHECK (code ~ '^[A-Z2-7]{26}$'),
  person_id       uuid NOT NULL REFERENCES person (id),
  course_code     text NOT NULL REFERENCES course (code),
  session_id      uuid REFERENCES training_session (id),
  issued_on       date NOT NULL,
  valid_until     date NOT NULL,
  revoked_at      timestamptz,
  revoked_by      text,
  revoked_reason  text,
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, course_code, issued_on),
  CHECK (valid_until >= issued_on),
  CHECK (revoked_at IS NULL OR revoked_reason IS NOT NULL)
);
CREATE INDEX certificate_person_idx ON certificate (person_id, valid_until);
CREATE INDEX certificate_valid_until_idx ON certificate (valid_until) WHERE revoked_at IS NULL;
CREATE INDEX certificate_session_idx ON certificate (session_id) WHERE session_id IS NOT NULL;

-- Joint exercises with the PNP: units of both forces, scenario, evaluation, lessons learned.
CREATE TABLE joint_exercise (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name            text NOT NULL,
  scenario        text NOT NULL,
  starts_on       date NOT NULL,
  ends_on         date NOT NULL,
  ubigeo          text CHECK (ubigeo ~ '^\d{6}$'),
  evaluation      jsonb,
  lessons         jsonb NOT NULL DEFAULT '[]',
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise        boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE TABLE joint_exercise_unit (
  exercise_id  uuid NOT NULL REFERENCES joint_exercise (id),
  unit_id      uuid NOT NULL REFERENCES unit (id),
  role         text NOT NULL,
  PRIMARY KEY (exercise_id, unit_id)
);
CREATE INDEX joint_exercise_unit_unit_idx ON joint_exercise_unit (unit_id);

-- The latest readiness computation of each unit (labels are the unit's); recomputation replaces it.
CREATE TABLE readiness_result (
  unit_id           uuid PRIMARY KEY REFERENCES unit (id),
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  as_of             date NOT NULL,
  computed_at       timestamptz NOT NULL DEFAULT now(),
  standard_version  text NOT NULL,
  computed          text NOT NULL CHECK (computed IN ('C1', 'C2', 'C3', 'C4', 'C5')),
  pillars           jsonb NOT NULL,
  tasks             jsonb NOT NULL DEFAULT '[]',
  gaps              jsonb NOT NULL DEFAULT '[]',
  members           integer NOT NULL DEFAULT 0,
  qualified_members integer NOT NULL DEFAULT 0
);
CREATE INDEX readiness_result_level_idx ON readiness_result (computed);

-- A commander's override of a unit's overall level: never without a remark; withdrawn, never deleted.
CREATE TABLE readiness_override (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id       uuid NOT NULL REFERENCES unit (id),
  level         text NOT NULL CHECK (level IN ('C1', 'C2', 'C3', 'C4', 'C5')),
  remark        text NOT NULL CHECK (length(btrim(remark)) > 0),
  by_actor_id   text,
  by_actor      text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  withdrawn_at  timestamptz,
  withdrawn_by  text
);
CREATE UNIQUE INDEX readiness_override_active_uq ON readiness_override (unit_id) WHERE withdrawn_at IS NULL;
