-- histograph schema, migration 10: the timeline's facets kept counted.
--
-- facet_counts: events per type, per participant entity and per source document (each
--   event once per key), kept right by every write of the knowledge (store/common.py
--   facet_refresh_sql: the keys the written and deleted events touch are counted again), so
--   that the facets are an index walk at a million events, not a count over every row.
-- facet_counts_top: the most frequent keys of a facet first (ties by key).

CREATE TABLE IF NOT EXISTS facet_counts (
    facet TEXT NOT NULL,                -- type | entity | source
    key TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (facet, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS facet_counts_top ON facet_counts (facet, n DESC, key);
DELETE FROM facet_counts;
INSERT INTO facet_counts (facet, key, n) SELECT 'type', type, count(*) FROM events GROUP BY type;
INSERT INTO facet_counts (facet, key, n)
    SELECT 'entity', entity_id, count(DISTINCT event_id) FROM event_entities GROUP BY entity_id;
INSERT INTO facet_counts (facet, key, n)
    SELECT 'source', doc_id, count(DISTINCT event_id) FROM event_evidence GROUP BY doc_id;
