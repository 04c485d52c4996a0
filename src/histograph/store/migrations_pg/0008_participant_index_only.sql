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
