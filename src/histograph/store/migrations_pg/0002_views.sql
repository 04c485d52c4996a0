-- histograph PostgreSQL schema, migration 2: the views of the SQLite file (event_sources,
-- timeline, person_roles, claim_sources, conflict_overview, document_overview) for people who
-- query the database directly (psql, Metabase, ...). Quotes are substr() of the document text
-- over the span; timeline.earliest/latest are calendar dates (proleptic Gregorian; PostgreSQL
-- shows years before 1 AD as "BC").

CREATE VIEW event_sources AS
SELECT
    e.id AS event_id,
    e.title AS event_title,
    e.type AS event_type,
    e.date_value AS event_date,
    v.seq AS mention_seq,
    v.doc_id AS doc_id,
    d.uri AS document_uri,
    d.title AS document_title,
    v.time_value AS mention_date,
    v.place AS mention_place,
    v.start AS start,
    v."end" AS "end",
    substr(d.text, (v.start + 1)::integer, (v."end" - v.start)::integer) AS quote,
    substr(d.text, (v.trigger_start + 1)::integer, (v.trigger_end - v.trigger_start)::integer) AS trigger_text
FROM events e
JOIN event_evidence v ON v.event_id = e.id
JOIN documents d ON d.id = v.doc_id;

CREATE VIEW timeline AS
SELECT
    e.id AS event_id,
    e.date_value AS date,
    e.date_precision AS precision,
    CASE WHEN e.date_earliest BETWEEN -1700000 AND 3000000
        THEN DATE '0001-01-01' + e.date_earliest::integer END AS earliest,
    CASE WHEN e.date_latest BETWEEN -1700000 AND 3000000
        THEN DATE '0001-01-01' + e.date_latest::integer END AS latest,
    e.date_earliest AS earliest_day,
    e.date_latest AS latest_day,
    e.type AS type,
    e.title AS title,
    e.place AS place,
    e.support AS support,
    e.independent_support AS independent_support,
    (SELECT count(DISTINCT v.doc_id) FROM event_evidence v WHERE v.event_id = e.id)
        AS source_count,
    (SELECT count(*) FROM event_claims c WHERE c.event_id = e.id) AS claim_count,
    (SELECT count(*) FROM conflicts k WHERE k.subject = e.id) AS conflict_count
FROM events e
ORDER BY (e.date_earliest IS NULL), e.date_earliest, e.date_latest, e.seq;

CREATE VIEW person_roles AS
SELECT
    p.id AS entity_id,
    p.name AS name,
    p.kind AS kind,
    r.title AS title,
    r.office AS office,
    r.jurisdiction AS jurisdiction,
    r.began_value AS began,
    r.ended_value AS ended,
    r.doc_id AS doc_id,
    d.uri AS document_uri,
    r.start AS start,
    r."end" AS "end",
    substr(d.text, (r.start + 1)::integer, (r."end" - r.start)::integer) AS quote
FROM entities p
JOIN entity_roles r ON r.entity_id = p.id
JOIN documents d ON d.id = r.doc_id;

CREATE VIEW claim_sources AS
SELECT
    c.id AS claim_id,
    c.subject AS subject,
    c.attribute AS attribute,
    c.value AS value,
    c.independent AS independent,
    c.doc_id AS doc_id,
    d.uri AS document_uri,
    d.title AS document_title,
    c.start AS start,
    c."end" AS "end",
    substr(d.text, (c.start + 1)::integer, (c."end" - c.start)::integer) AS quote
FROM claims c
JOIN documents d ON d.id = c.doc_id;

CREATE VIEW conflict_overview AS
SELECT
    k.id AS conflict_id,
    k.subject AS subject,
    k.subject_kind AS subject_kind,
    k.attribute AS attribute,
    k.kind AS kind,
    k.severity AS severity,
    v.value AS value,
    (SELECT count(*) FROM conflict_value_claims x
        WHERE x.conflict_id = v.conflict_id AND x.value_seq = v.seq) AS claim_count,
    k.explanation AS explanation
FROM conflicts k
JOIN conflict_values v ON v.conflict_id = k.id;

CREATE VIEW document_overview AS
SELECT
    d.id AS doc_id,
    d.uri AS uri,
    d.title AS title,
    d.format AS format,
    coalesce(d.published_value, d.analysis_published_value) AS published,
    length(d.text) AS characters,
    (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences,
    (SELECT count(*) FROM event_mentions m WHERE m.doc_id = d.id) AS event_mentions,
    (SELECT count(*) FROM entity_mentions m WHERE m.doc_id = d.id) AS entity_mentions,
    (SELECT c.source_id FROM copies c WHERE c.doc_id = d.id ORDER BY c.similarity DESC
        LIMIT 1) AS copy_of,
    d.ingested_at AS ingested_at
FROM documents d;
