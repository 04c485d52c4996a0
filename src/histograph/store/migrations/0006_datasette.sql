-- histograph schema, migration 6: the file as Datasette reads it.
--
-- 1. The full-text index is declared with content=[sentences], the form Datasette (and
--    sqlite-utils) look for to find a table's FTS index: the sentences table then gets a
--    search box. Same index, same triggers, rebuilt from the sentences.
-- 2. The timeline view carries ISO 8601 dates beside the day numbers (day 0 is
--    0001-01-01 of the proleptic Gregorian calendar; julianday = day + 1721425.5).

DROP TRIGGER IF EXISTS sentences_fts_insert;
DROP TRIGGER IF EXISTS sentences_fts_delete;
DROP TRIGGER IF EXISTS sentences_fts_update;
DROP TABLE IF EXISTS sentences_fts;

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content=[sentences],
    content_rowid=[id],
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER sentences_fts_update AFTER UPDATE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');

DROP VIEW IF EXISTS timeline;

CREATE VIEW timeline AS
SELECT
    e.id AS event_id,
    e.date_value AS date,
    e.date_precision AS precision,
    date(e.date_earliest + 1721425.5) AS earliest,
    date(e.date_latest + 1721425.5) AS latest,
    e.date_earliest AS earliest_day,
    e.date_latest AS latest_day,
    e.type AS type,
    e.title AS title,
    e.place AS place,
    e.support AS support,
    e.independent_support AS independent_support,
    (SELECT count(DISTINCT v.doc_id) FROM event_evidence v WHERE v.event_id = e.id)
        AS source_count,
    (SELECT count(*) FROM event_claims c WHERE c.event_id = e.id) AS claim_count,
    (SELECT count(*) FROM conflicts k WHERE k.subject = e.id) AS conflict_count
FROM events e
ORDER BY (e.date_earliest IS NULL), e.date_earliest, e.date_latest, e.seq;
