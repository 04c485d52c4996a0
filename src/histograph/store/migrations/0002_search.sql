-- histograph schema, migration 2: full-text search over sentences (SQLite FTS5).
-- The only SQLite-specific part of the schema: an external-content FTS5 index over
-- sentences.text, kept in step by triggers. Query it with
--   SELECT s.* FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
--   WHERE sentences_fts MATCH 'treaty' ORDER BY bm25(sentences_fts);

CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content = 'sentences',
    content_rowid = 'id',
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

-- index the sentences of a file written before this migration
INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
