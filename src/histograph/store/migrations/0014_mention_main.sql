-- histograph schema, migration 14: which event mention is its page's own main event.
--
-- event_mentions.main / event_evidence.main: 1 for the mention of the document's own main
--   event (its title, headline or lead; EventMention.main). The merge reads it (a page's main
--   acts are compared when two records were kept apart), so an analysis read back from the
--   store must carry it, or a rebuild from the store would differ from the merge of the
--   analyses as they were made. Rows stored before this migration read 0 until re-ingested.

ALTER TABLE event_mentions ADD COLUMN main INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_evidence ADD COLUMN main INTEGER NOT NULL DEFAULT 0;
