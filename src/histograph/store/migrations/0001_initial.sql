-- histograph schema, migration 1: documents, per-document analyses and the merged knowledge.
--
-- Conventions (every table):
--   * spans are half-open [start, "end") character offsets (0-based Python str indices)
--     into documents.text; in SQL, the quoted text is substr(text, start + 1, "end" - start);
--   * a date is a group of eight columns <p>value (TIMEX3 string, e.g. 1933-11-16),
--     <p>earliest / <p>latest (the closed interval of days it covers, as day numbers:
--     days since 0001-01-01, proleptic Gregorian), <p>precision (day, month, year, ...),
--     <p>calendar, <p>source_calendar, <p>anchor and <p>approximate (0/1); all NULL = no date;
--   * seq keeps the order of a list as the pipeline produced it (0, 1, 2, ...);
--   * *_fold columns hold casefolded names for case-insensitive lookups.
-- Kept to portable SQL: the SQLite-only full-text index lives in migration 2.

-- ---------------------------------------------------------------- documents and analyses

CREATE TABLE documents (
    id TEXT PRIMARY KEY,                -- content hash of text
    uri TEXT NOT NULL,
    title TEXT,
    format TEXT NOT NULL,               -- txt | md | html | pdf | json | jsonl | social
    published_value TEXT,               -- Document.published (from metadata)
    published_earliest INTEGER,
    published_latest INTEGER,
    published_precision TEXT,
    published_calendar TEXT,
    published_source_calendar TEXT,
    published_anchor TEXT,
    published_approximate INTEGER,
    analysis_published_value TEXT,      -- Analysis.published (the date however found)
    analysis_published_earliest INTEGER,
    analysis_published_latest INTEGER,
    analysis_published_precision TEXT,
    analysis_published_calendar TEXT,
    analysis_published_source_calendar TEXT,
    analysis_published_anchor TEXT,
    analysis_published_approximate INTEGER,
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',    -- JSON object
    ingested_at TEXT NOT NULL           -- ISO 8601, UTC
);
CREATE INDEX documents_uri ON documents (uri);

CREATE TABLE regions (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,                 -- narrative | heading | caption | boilerplate | ...
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,             -- row id of the full-text index
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    region_kind TEXT NOT NULL,
    text TEXT NOT NULL,                 -- copy of the document text of the span
    UNIQUE (doc_id, seq)
);

CREATE TABLE time_mentions (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,                 -- DATE | TIME | DURATION | SET
    value TEXT,                         -- the resolved date (NULL: unresolved / not a date)
    earliest INTEGER,
    latest INTEGER,
    precision TEXT,
    calendar TEXT,
    source_calendar TEXT,
    anchor TEXT,
    approximate INTEGER,
    timex TEXT,
    document_date INTEGER NOT NULL,     -- 1: the document's own date, never an event's
    anchor_start INTEGER,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE entity_mentions (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    key TEXT,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE roles (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    person TEXT NOT NULL,
    title TEXT NOT NULL,
    office TEXT,
    jurisdiction TEXT,
    began_value TEXT,
    began_earliest INTEGER,
    began_latest INTEGER,
    began_precision TEXT,
    began_calendar TEXT,
    began_source_calendar TEXT,
    began_anchor TEXT,
    began_approximate INTEGER,
    ended_value TEXT,
    ended_earliest INTEGER,
    ended_latest INTEGER,
    ended_precision TEXT,
    ended_calendar TEXT,
    ended_source_calendar TEXT,
    ended_anchor TEXT,
    ended_approximate INTEGER,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE event_mentions (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    type TEXT NOT NULL,
    time_value TEXT,
    time_earliest INTEGER,
    time_latest INTEGER,
    time_precision TEXT,
    time_calendar TEXT,
    time_source_calendar TEXT,
    time_anchor TEXT,
    time_approximate INTEGER,
    time_start INTEGER,
    time_end INTEGER,
    place TEXT,
    modality TEXT NOT NULL,
    region_kind TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE event_mention_participants (
    doc_id TEXT NOT NULL,
    mention_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    key TEXT,
    PRIMARY KEY (doc_id, mention_seq, seq),
    FOREIGN KEY (doc_id, mention_seq) REFERENCES event_mentions (doc_id, seq) ON DELETE CASCADE
);

-- ---------------------------------------------------------------- merged knowledge
-- (replaced wholesale after each merge)

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    kind TEXT NOT NULL,                 -- person | state | organisation | place
    authority_id TEXT
);
CREATE INDEX entities_name_fold ON entities (name_fold);
CREATE INDEX entities_kind ON entities (kind, seq);

CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    alias TEXT NOT NULL,
    alias_fold TEXT NOT NULL,
    PRIMARY KEY (entity_id, seq)
);
CREATE INDEX entity_aliases_fold ON entity_aliases (alias_fold);

CREATE TABLE entity_evidence (          -- Person.mentions
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    key TEXT,
    PRIMARY KEY (entity_id, seq)
);
CREATE INDEX entity_evidence_doc ON entity_evidence (doc_id);

CREATE TABLE entity_roles (             -- Person.roles
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    person TEXT NOT NULL,
    title TEXT NOT NULL,
    office TEXT,
    jurisdiction TEXT,
    began_value TEXT,
    began_earliest INTEGER,
    began_latest INTEGER,
    began_precision TEXT,
    began_calendar TEXT,
    began_source_calendar TEXT,
    began_anchor TEXT,
    began_approximate INTEGER,
    ended_value TEXT,
    ended_earliest INTEGER,
    ended_latest INTEGER,
    ended_precision TEXT,
    ended_calendar TEXT,
    ended_source_calendar TEXT,
    ended_anchor TEXT,
    ended_approximate INTEGER,
    PRIMARY KEY (entity_id, seq)
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    date_value TEXT,
    date_earliest INTEGER,
    date_latest INTEGER,
    date_precision TEXT,
    date_calendar TEXT,
    date_source_calendar TEXT,
    date_anchor TEXT,
    date_approximate INTEGER,
    date_month INTEGER,                 -- month and day of date_earliest (on-this-day)
    date_day INTEGER,
    date_latest_month INTEGER,          -- month of date_latest
    place TEXT,
    support INTEGER NOT NULL,
    independent_support INTEGER NOT NULL
);
CREATE INDEX events_date ON events (date_earliest, date_latest);
CREATE INDEX events_month_day ON events (date_month, date_day);
CREATE INDEX events_latest_month ON events (date_latest_month);
CREATE INDEX events_type ON events (type);

CREATE TABLE event_entities (           -- Event.participants (entity ids)
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (event_id, seq)
);
CREATE INDEX event_entities_entity ON event_entities (entity_id);

CREATE TABLE event_evidence (           -- Event.mentions: each source's mention of the event
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    type TEXT NOT NULL,
    time_value TEXT,
    time_earliest INTEGER,
    time_latest INTEGER,
    time_precision TEXT,
    time_calendar TEXT,
    time_source_calendar TEXT,
    time_anchor TEXT,
    time_approximate INTEGER,
    time_start INTEGER,
    time_end INTEGER,
    place TEXT,
    modality TEXT NOT NULL,
    region_kind TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (event_id, seq)
);
CREATE INDEX event_evidence_doc ON event_evidence (doc_id);

CREATE TABLE event_evidence_participants (
    event_id TEXT NOT NULL,
    evidence_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    role TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    key TEXT,
    PRIMARY KEY (event_id, evidence_seq, seq),
    FOREIGN KEY (event_id, evidence_seq) REFERENCES event_evidence (event_id, seq)
        ON DELETE CASCADE
);
CREATE INDEX event_evidence_participants_fold ON event_evidence_participants (name_fold);

CREATE TABLE claims (                   -- one source's statement of one attribute's value
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,              -- event id or entity id
    attribute TEXT NOT NULL,            -- date | place | participant | title | ...
    value TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents (id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    independent INTEGER NOT NULL        -- 0: the document is a near-copy of another source
);
CREATE INDEX claims_subject ON claims (subject, attribute);
CREATE INDEX claims_doc ON claims (doc_id);

CREATE TABLE event_claims (             -- Event.claims, in order
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    PRIMARY KEY (event_id, seq)
);

CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    subject TEXT NOT NULL,
    subject_kind TEXT NOT NULL,         -- event | person
    attribute TEXT NOT NULL,
    kind TEXT NOT NULL,                 -- precision | timezone | calendar | naming | copy | ...
    severity TEXT NOT NULL,             -- hard | soft
    explanation TEXT NOT NULL
);
CREATE INDEX conflicts_subject ON conflicts (subject);

CREATE TABLE conflict_values (
    conflict_id TEXT NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (conflict_id, seq)
);

CREATE TABLE conflict_value_claims (    -- the claims backing each value
    conflict_id TEXT NOT NULL,
    value_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    PRIMARY KEY (conflict_id, value_seq, seq),
    FOREIGN KEY (conflict_id, value_seq) REFERENCES conflict_values (conflict_id, seq)
        ON DELETE CASCADE
);

CREATE TABLE copies (                   -- doc_id is a near-duplicate of source_id
    seq INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id),
    source_id TEXT NOT NULL REFERENCES documents (id),
    similarity REAL NOT NULL
);
CREATE INDEX copies_doc ON copies (doc_id);
