-- histograph schema (PostgreSQL), migration 8: a participant's events from the indexes alone.
--
-- event_evidence_participants_key_event / _fold_event: a mention's participant by key or by
--   folded name with the event it is in, so that a person's events are collected by an
--   index-only scan (the rows of event_evidence_participants, half a gigabyte at a million
--   events, are not visited). They extend event_evidence_participants_key (migration 3) and
--   event_evidence_participants_fold (migration 1), which they replace.
-- events_id_order: an event's timeline order key by id, so that the collected events of a
--   person are put in order (and counted) from this index alone, not from every event's row.
-- events_dated: as in migration 3, with the event id included: a page deep in the timeline
--   (from a kept order key, up to a thousand events skipped) and a page of a date range take
--   their ids from the index alone and then read those rows only (as events_order does for
--   the first pages, migration 5).

CREATE INDEX IF NOT EXISTS event_evidence_participants_key_event
    ON event_evidence_participants (key, event_id);
CREATE INDEX IF NOT EXISTS event_evidence_participants_fold_event
    ON event_evidence_participants (name_fold, event_id);
DROP INDEX IF EXISTS event_evidence_participants_key;
DROP INDEX IF EXISTS event_evidence_participants_fold;
CREATE INDEX IF NOT EXISTS events_id_order
    ON events (id) INCLUDE (date_earliest, date_latest, seq);
DROP INDEX IF EXISTS events_dated;
CREATE INDEX events_dated ON events (date_earliest, date_latest, seq) INCLUDE (id);
-- events_undated: the undated events in timeline order (by seq) with their ids: the end of
--   the timeline is walked and paged by this index alone (events_dated holds them under
--   (NULL, NULL, seq), which the planner does not read in seq order: it sorted every
--   undated event after the key for each page).
CREATE INDEX IF NOT EXISTS events_undated ON events (seq) INCLUDE (id)
    WHERE date_earliest IS NULL AND date_latest IS NULL;
-- events_date_parts / events_width_stats: statistics of the date columns together and of an
--   event's width, so that the planner knows how many whole months a month holds (the
--   columns are not independent: a whole month starts on the 1st and ends in its month) and
--   how many are long enough for the 29th to the 31st. Without them it expected a handful,
--   sorted all eight thousand of a month instead of walking events_month_precision in
--   order, and on-this-day of the 30th took 650 ms at a million events (6 ms with them).
CREATE STATISTICS IF NOT EXISTS events_date_parts (mcv, dependencies)
    ON date_precision, date_month, date_day, date_latest_month FROM events;
CREATE STATISTICS IF NOT EXISTS events_width_stats ON (date_latest - date_earliest) FROM events;
ANALYZE events;
