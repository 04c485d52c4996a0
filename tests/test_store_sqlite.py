"""SQLite-only behaviour: migrations, file settings, transactions, views, read-only use."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from histograph.store import StoreError, open_store
from histograph.store import serialise as S
from histograph.store.schema import available_migrations, migrate, statements
from histograph.store.sqlite import SQLiteStore
from test_store import TEXT_A, analysis_a, analysis_b, knowledge, span

VIEWS = {
    "event_sources",
    "timeline",
    "person_roles",
    "claim_sources",
    "conflict_overview",
    "document_overview",
}


def raw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def names(conn: sqlite3.Connection, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


# ---------------------------------------------------------------- migrations


def test_fresh_file_gets_every_migration(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    with SQLiteStore(db) as s:
        assert s.schema_version() == len(available_migrations())
    conn = raw(db)
    rows = conn.execute(
        "SELECT number, name, applied_at FROM migrations ORDER BY number"
    ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [(m.number, m.name) for m in available_migrations()]
    assert rows[0][1] == "initial" and all(r[2] for r in rows)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = names(conn, "table")
    for t in (
        "documents",
        "regions",
        "sentences",
        "sentences_fts",
        "time_mentions",
        "entity_mentions",
        "roles",
        "event_mentions",
        "event_mention_participants",
        "entities",
        "entity_aliases",
        "events",
        "event_evidence",
        "claims",
        "conflicts",
        "conflict_values",
        "conflict_value_claims",
        "copies",
    ):
        assert t in tables
    assert names(conn, "view") >= VIEWS


def test_reopen_applies_nothing_and_keeps_data(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    with SQLiteStore(db) as s:
        s.replace_knowledge(knowledge())
    before = raw(db).execute("SELECT * FROM migrations").fetchall()
    with SQLiteStore(db) as s:
        assert s.event("ev-landing") == knowledge().events[2]
    assert raw(db).execute("SELECT * FROM migrations").fetchall() == before


def test_foreign_keys_are_on(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "h.db") as s:
        assert s._all("PRAGMA foreign_keys")[0]["foreign_keys"] == 1


def test_version_1_file_is_upgraded(tmp_path: Path) -> None:
    """A file written when only migration 1 existed: data kept, FTS index built."""
    db = tmp_path / "old.db"
    conn = raw(db)
    assert migrate(conn, upto=1) == [1]
    a = analysis_a()
    doc = S.document_row(a.document, a.published, "2024-01-01T00:00:00+00:00")
    conn.execute(
        f"INSERT INTO documents ({', '.join(chr(34) + c + chr(34) for c in doc)}) "
        f"VALUES ({', '.join('?' * len(doc))})",
        list(doc.values()),
    )
    for i, sent in enumerate(a.sentences):
        row = S.sentence_row(sent, i, a.document.text)
        conn.execute(
            'INSERT INTO sentences (doc_id, seq, start, "end", region_kind, text) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            (row["doc_id"], row["seq"], row["start"], row["end"], row["region_kind"], row["text"]),
        )
    assert "sentences_fts" not in names(conn, "table")
    conn.close()
    with SQLiteStore(db) as s:
        assert s.schema_version() == len(available_migrations())
        assert s.document("doc-a") == a.document
        hits = s.search("commander")
        assert [(h.doc_id, h.text) for h in hits] == [
            ("doc-a", "Neil Armstrong, the mission commander, stepped onto the surface.")
        ]
    assert names(raw(db), "view") >= VIEWS


def test_newer_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    SQLiteStore(db).close()
    raw(db).execute("INSERT INTO migrations VALUES (999, 'future', 'x')")
    with pytest.raises(StoreError, match="E016"):
        SQLiteStore(db)


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not an sqlite file at all, just some text " * 50)
    with pytest.raises(StoreError, match=r"E015 .*notes\.db"):
        SQLiteStore(bad)
    with pytest.raises(StoreError, match="E015"):
        SQLiteStore(tmp_path / "no" / "such" / "folder.db")


def test_statement_splitter_keeps_trigger_bodies() -> None:
    sql = (
        "-- a comment; with a semicolon\nCREATE TABLE t (x);\n"
        "CREATE TRIGGER g AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    )
    got = statements(sql)
    assert len(got) == 2 and got[1].endswith("END;")


# ---------------------------------------------------------------- transactions


def test_failed_add_analysis_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SQLiteStore(tmp_path / "h.db") as s:
        s.add_analysis(analysis_a())
        before = s.stats()
        real = SQLiteStore._insert

        def failing(conn: sqlite3.Connection, table: str, rows: Any) -> None:
            if table == "event_mentions":
                raise RuntimeError("disk on fire")
            real(conn, table, rows)

        monkeypatch.setattr(SQLiteStore, "_insert", staticmethod(failing))
        with pytest.raises(RuntimeError, match="disk on fire"):
            s.add_analysis(analysis_b())
        assert not s.has_document("doc-b")
        assert s.stats() == before
        assert s.search("walked") == []
        assert list(s.analyses()) == [analysis_a()]
        monkeypatch.setattr(SQLiteStore, "_insert", staticmethod(real))
        assert s.add_analysis(analysis_b()) is True  # the store is still usable


def test_failed_replace_knowledge_keeps_the_old_knowledge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = knowledge()
    with SQLiteStore(tmp_path / "h.db") as s:
        s.replace_knowledge(kb)
        before = (s.events(), s.people(), s.conflicts(), s.copies(), s.stats())
        real = SQLiteStore._insert

        def failing(conn: sqlite3.Connection, table: str, rows: Any) -> None:
            if table == "conflict_values":
                raise sqlite3.OperationalError("simulated failure")
            real(conn, table, rows)

        monkeypatch.setattr(SQLiteStore, "_insert", staticmethod(failing))
        with pytest.raises(sqlite3.OperationalError):
            s.replace_knowledge(kb)
        assert (s.events(), s.people(), s.conflicts(), s.copies(), s.stats()) == before


def test_data_survives_a_crash_between_writes(tmp_path: Path) -> None:
    """Each write is committed: a second connection (another process) sees it."""
    db = tmp_path / "h.db"
    writer = SQLiteStore(db)
    writer.add_analysis(analysis_a())
    reader = SQLiteStore(db)
    assert reader.has_document("doc-a")
    writer.replace_knowledge(knowledge())
    assert reader.event("ev-landing") is not None
    writer.close()
    reader.close()


# ---------------------------------------------------------------- read-only


def test_readonly(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    with SQLiteStore(db) as s:
        s.replace_knowledge(knowledge())
    ro = open_store(db, readonly=True)
    assert ro.event("ev-landing") == knowledge().events[2]
    assert ro.search("armstrong")
    with pytest.raises(StoreError, match="E017"):
        ro.add_analysis(analysis_a())
    ro.close()
    with pytest.raises(StoreError, match="E015"):
        open_store(tmp_path / "missing.db", readonly=True)


def test_readonly_refuses_an_old_file(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = raw(db)
    migrate(conn, upto=1)
    conn.close()
    with pytest.raises(StoreError, match="E017"):
        SQLiteStore(db, readonly=True)


# ---------------------------------------------------------------- views and FTS syntax


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "h.db"
    with SQLiteStore(path) as s:
        s.replace_knowledge(knowledge())
    return path


def test_event_sources_view_quotes_the_span(db: Path) -> None:
    rows = (
        raw(db)
        .execute("SELECT * FROM event_sources WHERE event_id = 'ev-landing' ORDER BY mention_seq")
        .fetchall()
    )
    assert [r["document_uri"] for r in rows] == ["file:///corpus/a.txt", "file:///corpus/b.md"]
    assert rows[0]["quote"] == "Apollo 11 landed on the Moon on July 20, 1969."
    assert rows[0]["trigger_text"] == "landed"
    assert rows[0]["event_date"] == "1969-07-20" and rows[1]["mention_date"] == "1969-07-21"


def test_timeline_view(db: Path) -> None:
    rows = raw(db).execute("SELECT * FROM timeline").fetchall()
    assert [r["event_id"] for r in rows][-1] == "ev-undated"
    landing = next(r for r in rows if r["event_id"] == "ev-landing")
    assert landing["source_count"] == 2 and landing["claim_count"] == 4
    assert landing["conflict_count"] == 1 and landing["date"] == "1969-07-20"


def test_person_roles_claims_conflicts_documents_views(db: Path) -> None:
    conn = raw(db)
    roles = conn.execute("SELECT * FROM person_roles ORDER BY name").fetchall()
    assert [(r["name"], r["title"]) for r in roles] == [
        ("John F. Kennedy", "President"),
        ("Neil Armstrong", "mission commander"),
    ]
    assert roles[1]["quote"] == "Neil Armstrong, the mission commander"
    claims = conn.execute(
        "SELECT * FROM claim_sources WHERE subject = 'ev-landing' AND attribute = 'date'"
    ).fetchall()
    assert {(r["value"], r["quote"]) for r in claims} == {
        ("1969-07-20", "July 20, 1969"),
        ("1969-07-21", "21 July 1969"),
    }
    conflict = conn.execute(
        "SELECT value, claim_count FROM conflict_overview WHERE conflict_id = 'conflict-1'"
    ).fetchall()
    assert [tuple(r) for r in conflict] == [("1969-07-20", 2), ("1969-07-21", 1)]
    docs = {r["doc_id"]: r for r in conn.execute("SELECT * FROM document_overview")}
    assert docs["doc-c"]["copy_of"] == "doc-a" and docs["doc-a"]["published"] == "2019-07-20"
    assert docs["doc-a"]["characters"] == len(TEXT_A)


def test_indexes_exist(db: Path) -> None:
    idx = names(raw(db), "index")
    for name in (
        "events_date",
        "events_exact_day",
        "events_month_precision",
        "events_short_interval",
        "events_odd_month",
        "entities_name_fold",
        "entity_aliases_fold",
        "claims_subject",
    ):
        assert name in idx


def test_fts_syntax_is_available(db: Path) -> None:
    with SQLiteStore(db) as s:
        assert {h.doc_id for h in s.search('"walked on the Moon"')} == {"doc-b"}
        assert {h.doc_id for h in s.search("Arm*")} == {"doc-a", "doc-b", "doc-c"}
        assert {h.doc_id for h in s.search("zeppelin OR kennedy")} == {"doc-b"}
        assert {h.doc_id for h in s.search("armstrong NOT walked")} == {"doc-a", "doc-c"}
        s_, e = span(TEXT_A, "Neil Armstrong")
        assert s.quote("doc-a", s_, e) == "Neil Armstrong"


# ---------------------------------------------------------------- bulk first fill


def _schema(path: Path) -> set[tuple[str, str, str]]:
    with raw(path) as conn:
        return {
            (r[0], r[1], r[2])
            for r in conn.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            )
        }


def test_a_first_fill_without_indexes_ends_with_the_same_schema_and_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first fill of an empty file drops the secondary indexes and triggers, then makes
    them again and rebuilds the full-text index: the schema and every answer are those of
    a fill row by row."""
    import histograph.store.sqlite as sqlite_mod
    from test_store_queries import small_kb

    kb = small_kb()
    slow_path, fast_path = tmp_path / "rows.db", tmp_path / "bulk.db"
    monkeypatch.setattr(sqlite_mod, "_BULK_ROWS", 10**9)
    with SQLiteStore(slow_path) as slow:
        slow.replace_knowledge(kb)
        slow.put_merge_keys({"doc0": {"k1": 1, "k2": 3}, "doc1": {"k1": 2}}, 1, merged=True)
    monkeypatch.setattr(sqlite_mod, "_BULK_ROWS", 0)
    with SQLiteStore(fast_path) as fast:
        fast.replace_knowledge(kb)
        fast.put_merge_keys({"doc0": {"k1": 1, "k2": 3}, "doc1": {"k1": 2}}, 1, merged=True)
    assert _schema(fast_path) == _schema(slow_path)
    with SQLiteStore(slow_path) as slow, SQLiteStore(fast_path) as fast:
        assert fast.search("Bram", 50) == slow.search("Bram", 50)
        assert fast.search("Bram", 50)
        assert fast.events() == slow.events()
        assert fast.facets() == slow.facets()
        assert fast.merge_key_holders(["k1", "k2"]) == slow.merge_key_holders(["k1", "k2"])
        # a second fill (rows present) writes row by row into the indexed tables
        fast.replace_knowledge(kb)
        assert fast.events() == slow.events()


def test_a_failed_first_fill_keeps_the_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import histograph.store.sqlite as sqlite_mod
    from test_store_queries import small_kb

    kb = small_kb()
    path = tmp_path / "f.db"
    SQLiteStore(path).close()
    before = _schema(path)
    monkeypatch.setattr(sqlite_mod, "_BULK_ROWS", 0)

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(SQLiteStore, "_write_conflicts", boom)
    with SQLiteStore(path) as s, pytest.raises(RuntimeError):
        s.replace_knowledge(kb)
    assert _schema(path) == before
