-- The lawful task areas on the picture (geofence watcher, TAK phones, browsers) come from stored tasking evaluations
-- that name a unit and whose period has not ended. They were read from the newest 1,000 evaluations, so a unit's
-- area dropped off the picture once 1,000 later evaluations had been stored (what-if evaluations included). The unit,
-- the task and the period become columns derived from the stored input, so the picture reads exactly the evaluations
-- that can still matter, through an index.

-- A period bound of a tasking request as an instant: a date (`YYYY-MM-DD`) is the whole day in America/Lima (UTC-5 all
-- year, no daylight saving), a date-time without an offset is Lima time. The same reading as the evaluator's
-- (packages/rules dates.ts) and the picture's (cop/lawful-areas.ts). NULL for anything else. Every result carries an
-- explicit offset, so it does not depend on the session's time zone: IMMUTABLE holds.
CREATE FUNCTION enlace_lima_moment(s text, day_end boolean) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF s IS NULL THEN
    RETURN NULL;
  ELSIF s ~ '^\d{4}-\d{2}-\d{2}$' THEN
    RETURN (s || CASE WHEN day_end THEN 'T23:59:59.999-05:00' ELSE 'T00:00:00-05:00' END)::timestamptz;
  ELSIF s ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:\d{2})$' THEN
    RETURN s::timestamptz;
  ELSIF s ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$' THEN
    RETURN (s || '-05:00')::timestamptz;
  END IF;
  RETURN NULL;
EXCEPTION WHEN others THEN
  RETURN NULL;
END $$;

ALTER TABLE tasking_evaluation
  ADD COLUMN unit_id text GENERATED ALWAYS AS (input -> 'unit' ->> 'id') STORED,
  ADD COLUMN task text GENERATED ALWAYS AS (input ->> 'task') STORED,
  ADD COLUMN period_from timestamptz GENERATED ALWAYS AS (enlace_lima_moment(input ->> 'start', false)) STORED,
  ADD COLUMN period_to timestamptz GENERATED ALWAYS AS (enlace_lima_moment(input ->> 'end', true)) STORED;

-- Allowed or conditional taskings of a unit still running or to come, and every evaluation of a unit and task.
CREATE INDEX tasking_evaluation_live_idx ON tasking_evaluation (period_to)
  WHERE unit_id IS NOT NULL AND decision IN ('allowed', 'conditional');
CREATE INDEX tasking_evaluation_unit_task_idx ON tasking_evaluation (unit_id, task) WHERE unit_id IS NOT NULL;
