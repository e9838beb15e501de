-- TAK / Cursor-on-Target: client certificates issued by the internal CA of the CoT TLS port, and their
-- revocation. The private keys are never stored: they leave the server once, inside the data package.

CREATE TABLE tak_certificate (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  serial             text NOT NULL UNIQUE CHECK (serial ~ '^[0-9a-f]{2,64}$'),
  fingerprint        text NOT NULL UNIQUE CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  ca_fingerprint     text NOT NULL CHECK (ca_fingerprint ~ '^[0-9a-f]{64}$'),
  user_id            uuid NOT NULL REFERENCES app_user (id),
  subject            text NOT NULL,
  callsign           text NOT NULL,
  issued_by          uuid REFERENCES app_user (id),
  issued_at          timestamptz NOT NULL DEFAULT now(),
  not_before         timestamptz NOT NULL,
  not_after          timestamptz NOT NULL,
  revoked_at         timestamptz,
  revoked_by         uuid REFERENCES app_user (id),
  revocation_reason  text,
  CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL))
);
CREATE INDEX tak_certificate_user_idx ON tak_certificate (user_id, issued_at DESC);
CREATE INDEX tak_certificate_revoked_idx ON tak_certificate (ca_fingerprint) WHERE revoked_at IS NOT NULL;
