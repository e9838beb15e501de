-- The current state of each track (cop_track) is rewritten by every accepted position, about once a second per
-- device. Nothing queries it by place or time: the picture lives in memory, and this table is read whole when an
-- instance starts and swept by `stale`. Its GiST index on geom and its index on time only cost: every rewrite added an
-- entry to each. Without them, and with room left in each page, PostgreSQL rewrites a row in place (a HOT update):
-- no index is touched at all, only the primary key when a new track appears.
DROP INDEX IF EXISTS cop_track_geom_gix;
DROP INDEX IF EXISTS cop_track_time_idx;
ALTER TABLE cop_track SET (fillfactor = 50);
