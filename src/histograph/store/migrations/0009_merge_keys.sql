-- histograph schema, migration 9: the component keys of each document (merge/incremental.py).
--
-- merge_keys: the keys through which a document's mentions may join other documents'
--   (role 1: others may join it, 2: it may join others, 3: both); an ingest follows them
--   from the new documents to the components they reach and re-merges those only.
-- merge_key_docs: the documents whose keys are stored, the version of the key function that
--   made them (keys of another version are made again), and whether the stored knowledge
--   includes the document yet (set in the transaction that writes the knowledge: documents
--   stored since the last merge, or left by an unfinished one, are the ones to merge).

CREATE TABLE IF NOT EXISTS merge_key_docs (
    doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    merged INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS merge_key_docs_merged ON merge_key_docs (merged);
CREATE TABLE IF NOT EXISTS merge_keys (
    key TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    role INTEGER NOT NULL,
    PRIMARY KEY (key, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS merge_keys_doc ON merge_keys (doc_id);
