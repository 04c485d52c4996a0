-- histograph schema, migration 12: an add finds what it must merge without reading every
-- document (merge/incremental.py).
--
-- Every document has a merge_key_docs row from the moment it is stored (version 0: no keys
-- yet; merged 0), so that the documents still to merge and those whose keys are missing or
-- old are read from the indexes on merged and version instead of an anti-join over
-- documents. documents_origin: the documents of one origin (file or record), for the earlier
-- versions a new document replaces.

INSERT INTO merge_key_docs (doc_id, version, merged)
    SELECT id, 0, 0 FROM documents
    WHERE id NOT IN (SELECT doc_id FROM merge_key_docs);
CREATE INDEX IF NOT EXISTS merge_key_docs_version ON merge_key_docs (version);
CREATE INDEX IF NOT EXISTS documents_origin ON documents (json_extract(meta, '$.origin'));
