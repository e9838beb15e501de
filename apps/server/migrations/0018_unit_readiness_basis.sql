-- What a unit's readiness is judged against (issue 4, readiness):
-- - authorized_strength: the billets P is measured against (NULL: the roster, as before);
-- - mission_tasks: the task types (MET codes of the readiness standard in force) the unit is rated on (NULL: the
--   standard's default tasks); checked against the standard by the server when saved;
-- - directed_resource_action: the unit is under a directed resource action (reconstitution, re-organisation) and
--   not prepared to report: its overall level is C5, with the remark as the reason shown.
ALTER TABLE unit ADD COLUMN authorized_strength integer CHECK (authorized_strength IS NULL OR authorized_strength BETWEEN 1 AND 100000);
ALTER TABLE unit ADD COLUMN mission_tasks text[] CHECK (mission_tasks IS NULL OR cardinality(mission_tasks) BETWEEN 1 AND 32);
ALTER TABLE unit ADD COLUMN directed_resource_action boolean NOT NULL DEFAULT false;
ALTER TABLE unit ADD COLUMN directed_resource_remark text CHECK (directed_resource_remark IS NULL OR length(directed_resource_remark) <= 2000);
ALTER TABLE unit ADD CONSTRAINT unit_directed_resource_remark_required
  CHECK (NOT directed_resource_action OR length(btrim(coalesce(directed_resource_remark, ''))) >= 10);

-- The national view's freshness figures (oldest / newest computation per region) read this column.
CREATE INDEX readiness_result_computed_at_idx ON readiness_result (computed_at);

-- The daily recompute of the whole country (Lima 02:00): one row per Lima day it ran, written in the same
-- transaction as the results, so that with several server instances the day is recomputed once.
CREATE TABLE readiness_daily_run (
  day               date PRIMARY KEY,
  ran_at            timestamptz NOT NULL DEFAULT now(),
  units             integer NOT NULL,
  standard_version  text NOT NULL
);
