-- histograph schema (PostgreSQL), migration 5: the timeline's order index carries the ids.
--
-- events_order: as in migration 3, with the event id included, so that a page at an offset
--   takes its ids from the index alone (an index-only scan past the offset: the rows of the
--   skipped events are not visited) and then reads those rows only, as SQLite does by rowid.

DROP INDEX IF EXISTS events_order;
CREATE INDEX events_order
    ON events ((date_earliest IS NULL), date_earliest, date_latest, seq) INCLUDE (id);
