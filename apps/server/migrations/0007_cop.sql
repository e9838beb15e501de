-- Common operational picture (issue 5): tracks and their history, geofences, alerts, chat.
-- Runs on PostgreSQL 15 + PostGIS 3.3 and on PGlite (PostGIS 3.6).

-- The current state of every track (one row per uid). Servers keep it in memory too and serve reads from
-- there; this table is what a (re)starting instance loads.
CREATE TABLE cop_track (
  uid             text PRIMARY KEY CHECK (length(uid) BETWEEN 1 AND 200),
  callsign        text NOT NULL,
  type            text NOT NULL,
  geom            geometry(Point, 4326) NOT NULL,
  hae             double precision,
  ce              double precision,
  le              double precision,
  course          double precision,
  speed           double precision,
  battery         double precision,
  status          text,
  time            timestamptz NOT NULL,
  stale           timestamptz NOT NULL,
  how             text,
  source          text NOT NULL CHECK (source IN ('api', 'ws', 'cot', 'sim')),
  force           text CHECK (force IN ('PNP', 'EP', 'MGP', 'FAP', 'CCFFAA')),
  unit_id         uuid,
  detail          text,
  reported_by     uuid,
  received_at     timestamptz NOT NULL,
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO'))
);
CREATE INDEX cop_track_geom_gix ON cop_track USING gist (geom);
CREATE INDEX cop_track_time_idx ON cop_track (time);

-- Every accepted position (the replay timeline). Idempotent by (uid, time): a retried report is stored once.
-- Old rows are deleted after ENLACE_TRACK_HISTORY_HOURS.
CREATE TABLE cop_track_history (
  uid             text NOT NULL,
  time            timestamptz NOT NULL,
  geom            geometry(Point, 4326) NOT NULL,
  hae             double precision,
  course          double precision,
  speed           double precision,
  status          text,
  source          text NOT NULL,
  reported_by     uuid,
  received_at     timestamptz NOT NULL,
  agency          text NOT NULL,
  classification  text NOT NULL,
  PRIMARY KEY (uid, time)
);
CREATE INDEX cop_track_history_time_idx ON cop_track_history (time);

-- Drawn areas that raise alerts when a watched track leaves (lawful area) or enters (restricted area) them.
CREATE TABLE cop_geofence (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description     text,
  geom            geometry(MultiPolygon, 4326) NOT NULL,
  trigger         text NOT NULL CHECK (trigger IN ('exit', 'enter', 'both')),
  forces          text[] NOT NULL DEFAULT '{}',
  unit_ids        uuid[] NOT NULL DEFAULT '{}',
  -- The legal instrument whose area this is (the area in which the watched units may lawfully act), if any.
  instrument_id   text,
  active          boolean NOT NULL DEFAULT true,
  deleted         boolean NOT NULL DEFAULT false,
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cop_geofence_geom_gix ON cop_geofence USING gist (geom);

-- Alerts raised to the command posts of both forces (audience), acknowledged by a person. Stored, so an instance
-- or a browser that was away receives the open ones when it comes back.
CREATE TABLE cop_alert (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                  text NOT NULL CHECK (kind IN ('area_exit', 'area_enter', 'stale', 'emergency', 'emergency_cancel')),
  severity              text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  state                 text NOT NULL CHECK (state IN ('open', 'acknowledged', 'closed')),
  track_uid             text,
  callsign              text,
  unit_id               uuid,
  force                 text,
  geofence_id           uuid,
  lat                   double precision,
  lon                   double precision,
  message_es            text NOT NULL,
  message_en            text NOT NULL,
  audience              text[] NOT NULL,
  dedupe_key            text,
  raised_at             timestamptz NOT NULL DEFAULT now(),
  acknowledged_at       timestamptz,
  acknowledged_by       text,
  acknowledged_by_id    uuid,
  acknowledgement_note  text,
  agency                text NOT NULL REFERENCES agency (code),
  classification        text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise              boolean NOT NULL DEFAULT false
);
CREATE INDEX cop_alert_raised_idx ON cop_alert (raised_at DESC);
-- One alert per cause (`stale:<uid>:<stale time>`, `area_exit:<geofence>:<uid>:<time>`): instances never double-raise.
CREATE UNIQUE INDEX cop_alert_dedupe ON cop_alert (dedupe_key) WHERE dedupe_key IS NOT NULL;

-- Chat rooms shared by the agencies listed (a joint room lists both forces), or direct conversations.
CREATE TABLE chat_room (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind            text NOT NULL CHECK (kind IN ('room', 'direct')),
  agencies        text[] NOT NULL,
  members         uuid[] NOT NULL DEFAULT '{}',
  direct_key      text UNIQUE,
  agency          text NOT NULL REFERENCES agency (code),
  classification  text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO')),
  exercise        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_message (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id            uuid NOT NULL REFERENCES chat_room (id),
  sender_id          uuid,
  sender_name        text NOT NULL,
  sender_uid         text,
  text               text NOT NULL,
  client_message_id  text,
  source             text NOT NULL CHECK (source IN ('api', 'cot')),
  sent_at            timestamptz NOT NULL DEFAULT now(),
  agency             text NOT NULL REFERENCES agency (code),
  classification     text NOT NULL CHECK (classification IN ('PUBLICO', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO'))
);
CREATE INDEX chat_message_room_idx ON chat_message (room_id, sent_at DESC);
CREATE UNIQUE INDEX chat_message_client_id ON chat_message (room_id, sender_name, client_message_id)
  WHERE client_message_id IS NOT NULL;

CREATE TABLE chat_receipt (
  message_id  uuid NOT NULL REFERENCES chat_message (id),
  kind        text NOT NULL CHECK (kind IN ('delivered', 'read')),
  by_key      text NOT NULL,
  by_name     text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, kind, by_key)
);

-- The joint room every TAK client knows as "All Chat Rooms": command posts and patrols of both forces.
INSERT INTO chat_room (id, name, kind, agencies, agency, classification)
VALUES ('00000000-0000-4000-8000-0000000c0a11', 'Sala conjunta', 'room',
        ARRAY['PNP', 'EP', 'MGP', 'FAP', 'CCFFAA', 'MININTER', 'MINDEF'], 'CCFFAA', 'CONFIDENCIAL');
