-- A write decided from in-memory copies (platform/db/change-versions.ts) states the change versions it was decided
-- at; this function, run inside the write's transaction, refuses it when a counter has moved since, so the write is
-- made from copies that were current, without a round trip to read the counters before deciding. The caller reads
-- the counters again, decides again and retries. SQLSTATE EN409 names this refusal.
CREATE FUNCTION enlace_expect_change_versions(p_scopes text[], p_versions bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_moved text;
BEGIN
  SELECT string_agg(e.scope, ', ') INTO v_moved
    FROM unnest(p_scopes, p_versions) AS e (scope, version)
    LEFT JOIN change_version c ON c.scope = e.scope
   WHERE c.version IS DISTINCT FROM e.version;
  IF v_moved IS NOT NULL THEN
    RAISE EXCEPTION 'change versions moved: %', v_moved USING ERRCODE = 'EN409';
  END IF;
END $$;
