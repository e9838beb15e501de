-- Reference geography of Peru: departments, provinces, districts (UBIGEO of 2026, INEI 2007 boundaries),
-- the 50 districts of Lima and Callao drawn by IGN, and the UBIGEO changes 2007-2026. Loaded from
-- reference/peru by 0003_reference_geography_data.ts; see reference/peru/SOURCES.md.
-- Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite (PostgreSQL 17/18 + PostGIS 3.6).

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE ref_department (
  ubigeo     text PRIMARY KEY CHECK (ubigeo ~ '^[0-9]{2}$'),
  name       text NOT NULL,
  name_inei  text NOT NULL,
  geom       geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE ref_province (
  ubigeo             text PRIMARY KEY CHECK (ubigeo ~ '^[0-9]{4}$'),
  department_ubigeo  text NOT NULL REFERENCES ref_department (ubigeo),
  name               text NOT NULL,
  -- Null for Putumayo (1608), created after the INEI 2007 file.
  name_inei          text,
  geom               geometry(MultiPolygon, 4326) NOT NULL,
  CHECK (left(ubigeo, 2) = department_ubigeo)
);
CREATE INDEX ref_province_department_idx ON ref_province (department_ubigeo);

CREATE TABLE ref_district (
  ubigeo             text PRIMARY KEY CHECK (ubigeo ~ '^[0-9]{6}$'),
  province_ubigeo    text NOT NULL REFERENCES ref_province (ubigeo),
  department_ubigeo  text NOT NULL REFERENCES ref_department (ubigeo),
  name               text NOT NULL,
  -- The INEI 2007 name and code; null for the districts created since.
  name_inei          text,
  ubigeo_2007        text CHECK (ubigeo_2007 ~ '^[0-9]{6}$'),
  -- Null where no source has the boundary (districts created since 2007, and six without INEI geometry).
  geom_source        text CHECK (geom_source IN ('inei_2007', 'ign_lima_callao')),
  geom               geometry(MultiPolygon, 4326),
  CHECK (left(ubigeo, 4) = province_ubigeo AND left(ubigeo, 2) = department_ubigeo),
  CHECK ((geom IS NULL) = (geom_source IS NULL))
);
CREATE INDEX ref_district_province_idx ON ref_district (province_ubigeo);
CREATE INDEX ref_district_department_idx ON ref_district (department_ubigeo);

-- More detailed and more recent than the INEI boundaries: preferred when locating a point in Lima or Callao.
CREATE TABLE ref_lima_callao_district (
  ubigeo    text PRIMARY KEY REFERENCES ref_district (ubigeo),
  name      text NOT NULL,
  province  text NOT NULL CHECK (province IN ('LIMA', 'CALLAO')),
  geom      geometry(MultiPolygon, 4326) NOT NULL,
  CHECK (left(ubigeo, 4) = CASE province WHEN 'LIMA' THEN '1501' ELSE '0701' END)
);

-- One row per change, as published (Spanish values, lower case without accents).
CREATE TABLE ref_ubigeo_change (
  level                text NOT NULL CHECK (level IN ('provincia', 'distrito')),
  kind                 text NOT NULL CHECK (kind IN ('creado', 'renombrado', 'reasignado')),
  ubigeo_2007          text,
  ubigeo_2026          text NOT NULL,
  name_2007            text,
  name_2026            text NOT NULL,
  department_name      text NOT NULL,
  province_name_2007   text,
  province_name_2026   text NOT NULL,
  -- What changed, for renamed and reassigned: nombre_distrito, nombre_provincia, ubigeo.
  fields               text[] NOT NULL DEFAULT '{}',
  -- For created districts: the 2007 district whose territory holds it, and how that was decided.
  container_2007       text,
  container_method     text,
  PRIMARY KEY (level, ubigeo_2026)
);
CREATE INDEX ref_ubigeo_change_2007_idx ON ref_ubigeo_change (ubigeo_2007);

-- Which version of reference/ a database holds (reference/VERSION), for a later reload to compare.
CREATE TABLE ref_dataset (
  name       text PRIMARY KEY,
  version    text NOT NULL,
  loaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ref_department_geom_idx ON ref_department USING gist (geom);
CREATE INDEX ref_province_geom_idx ON ref_province USING gist (geom);
CREATE INDEX ref_district_geom_idx ON ref_district USING gist (geom);
CREATE INDEX ref_lima_callao_district_geom_idx ON ref_lima_callao_district USING gist (geom);
