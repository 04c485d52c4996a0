-- histograph schema, migration 5: knowledge freshness and document versions.
--
-- store_state holds two counters: 'generation' grows with every change of the stored
-- documents or the authority file; 'knowledge_generation' is the generation the merged
-- knowledge was built from. They differ when a merge did not finish (a crash, kill -9,
-- a full disk): the next command that writes re-merges (`histograph rebuild` on request).
-- A database from before this migration that holds documents is marked stale once.

CREATE TABLE store_state (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

INSERT INTO store_state (key, value) VALUES ('generation', 1);
INSERT INTO store_state (key, value)
    SELECT 'knowledge_generation', CASE WHEN EXISTS (SELECT 1 FROM documents) THEN 0 ELSE 1 END;

-- Each document retired from the knowledge base: replaced by a newer version of the same
-- path (new_id set) or removed by the user (new_id NULL).
CREATE TABLE document_versions (
    seq INTEGER PRIMARY KEY,
    uri TEXT NOT NULL,
    old_id TEXT NOT NULL,
    new_id TEXT,
    change TEXT NOT NULL,               -- replaced | removed
    at TEXT NOT NULL                    -- ISO 8601, UTC
);
CREATE INDEX document_versions_uri ON document_versions (uri);
