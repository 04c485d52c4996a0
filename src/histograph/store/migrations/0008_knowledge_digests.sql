-- histograph schema, migration 8: write only the knowledge that changed.
--
-- knowledge_rows: for every stored event, entity and conflict, a digest of the record it was
--   written from; a merge compares its records with these and writes only those that are new
--   or differ (store/diff.py). A row without a digest (written before this migration) counts
--   as changed, so the first merge after the upgrade rewrites it once.
-- claims ids are derived from the claim's content from now on (an unchanged event keeps its
--   claim rows); event_claims_claim / conflict_value_claims_claim find the rows that still
--   use a claim when an event or a conflict is replaced.

CREATE TABLE IF NOT EXISTS knowledge_rows (
    kind TEXT NOT NULL,                 -- event | entity | conflict
    id TEXT NOT NULL,
    digest BLOB NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_claims_claim ON event_claims (claim_id);
CREATE INDEX IF NOT EXISTS conflict_value_claims_claim ON conflict_value_claims (claim_id);
