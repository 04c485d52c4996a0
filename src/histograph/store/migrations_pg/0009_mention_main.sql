-- histograph schema (PostgreSQL), migration 9: which event mention is its page's own main
-- event (EventMention.main), as SQLite's migration 14: an analysis read back from the store
-- carries it, so a rebuild from the store equals the merge of the analyses as they were made.

ALTER TABLE event_mentions ADD COLUMN IF NOT EXISTS main INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_evidence ADD COLUMN IF NOT EXISTS main INTEGER NOT NULL DEFAULT 0;
