-- histograph schema (PostgreSQL), migration 3: indexes the query planner uses at a million
-- events (the same as SQLite's migration 7; see there for what each one serves).

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
