-- histograph schema, migration 4: the authority file (records that pin identities, e.g.
-- exported from Wikidata), kept apart from the merged knowledge: it is user input, replaced
-- only when the user loads another file, and read by every merge.

CREATE TABLE authority (
    id TEXT PRIMARY KEY,                -- e.g. a Wikidata Q id
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    kind TEXT NOT NULL,                 -- person | state | organisation
    earliest INTEGER,                   -- day numbers bounding the entity's existence (life)
    latest INTEGER,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE authority_aliases (
    authority_id TEXT NOT NULL REFERENCES authority (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (authority_id, seq)
);
