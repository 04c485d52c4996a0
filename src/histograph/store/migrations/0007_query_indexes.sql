-- histograph schema, migration 7: indexes the query planner uses at a million events.
--
-- events_order: the timeline's sort key, (date_earliest IS NULL), date_earliest,
--   date_latest, seq, as an expression index: a page at any offset walks this index only
--   (covering, by rowid) instead of sorting every event.
-- events_dated: dated events in date order, for keyset pages (WHERE (date_earliest,
--   date_latest, seq) > (?, ?, ?)) and date ranges (a seek to the first candidate).
-- events_width: how long the longest dated event lasts (max(date_latest - date_earliest)
--   is one index lookup), so a date range seeks to date_earliest >= from - width instead
--   of scanning every earlier event for an overlap.
-- events_precision: on-this-day's month-precision and interval candidates.
-- conflicts_seq / entities_seq: pages of conflicts and people in the order written.
-- event_entities_entity_event / event_evidence_doc_event: the timeline's facets (events per
--   participant, per source) counted from these covering indexes alone.
-- event_evidence_participants_key: the timeline's participant filter matches a mention's
--   participant key (it scanned every participant row).

CREATE INDEX IF NOT EXISTS events_order
    ON events ((date_earliest IS NULL), date_earliest, date_latest, seq);
CREATE INDEX IF NOT EXISTS events_dated ON events (date_earliest, date_latest, seq);
CREATE INDEX IF NOT EXISTS events_width ON events ((date_latest - date_earliest));
CREATE INDEX IF NOT EXISTS events_precision ON events (date_precision, date_month);
CREATE INDEX IF NOT EXISTS conflicts_seq ON conflicts (seq);
CREATE INDEX IF NOT EXISTS entities_seq ON entities (seq);
CREATE INDEX IF NOT EXISTS event_evidence_doc_event ON event_evidence (doc_id, event_id);
CREATE INDEX IF NOT EXISTS event_entities_entity_event ON event_entities (entity_id, event_id);
CREATE INDEX IF NOT EXISTS event_evidence_participants_key ON event_evidence_participants (key);
