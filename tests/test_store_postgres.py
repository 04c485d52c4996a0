"""PostgreSQL-only behaviour: migrations, transactions, concurrent writers, NUL in text,
full-text search syntax, views, read-only use, and the commands on a ``postgresql://`` URL.
The conformance suite (tests/test_store.py) and the round-trip properties run on it too."""

from __future__ import annotations

import dataclasses
import json
import re
import threading
from pathlib import Path
from typing import Any

import pytest

from histograph.store import StoreError, open_store
from histograph.store.schema import available_migrations
from pg_server import Server
from test_store import analysis_a, analysis_b, knowledge

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (.[postgres])")

from histograph.store.postgres import PostgresStore, tsquery  # noqa: E402


def _raw(url: str) -> Any:
    return psycopg.connect(url, autocommit=True)


@pytest.fixture
def fresh_url(postgres_server: Server | None) -> str:
    """A new schema without tables."""
    if postgres_server is None:
        pytest.skip("PostgreSQL is unavailable")
    return postgres_server.new_url()


# ---------------------------------------------------------------- migrations


def test_fresh_schema_gets_every_migration_once(fresh_url: str) -> None:
    with PostgresStore(fresh_url) as s:
        assert s.schema_version() == len(available_migrations("migrations_pg"))
    with PostgresStore(fresh_url) as s:  # reopening applies nothing
        s.add_analysis(analysis_a())
    with _raw(fresh_url) as conn:
        rows = conn.execute("SELECT number, name FROM migrations ORDER BY number").fetchall()
        assert rows == [(m.number, m.name) for m in available_migrations("migrations_pg")]
        views = {
            r[0]
            for r in conn.execute(
                "SELECT viewname FROM pg_views WHERE schemaname = current_schema()"
            )
        }
        assert {"event_sources", "timeline", "person_roles", "document_overview"} <= views


def test_newer_database_is_refused(fresh_url: str) -> None:
    PostgresStore(fresh_url).close()
    with _raw(fresh_url) as conn:
        conn.execute("INSERT INTO migrations VALUES (999, 'future', 'x')")
    with pytest.raises(StoreError, match=r"^E016 .*upgrade histograph"):
        PostgresStore(fresh_url)


def test_readonly(postgres_url: str, fresh_url: str) -> None:
    with open_store(postgres_url) as s:
        s.replace_knowledge(knowledge())
    with open_store(postgres_url, readonly=True) as ro:
        assert ro.event("ev-landing") == knowledge().events[2]
        assert ro.search("armstrong")
        with pytest.raises(StoreError, match="E017"):
            ro.add_analysis(analysis_b())
    with pytest.raises(StoreError, match=r"E017 .*needs migration 0001_initial"):
        open_store(fresh_url, readonly=True)


def test_unknown_database_is_one_line(postgres_server: Server | None) -> None:
    if postgres_server is None:
        pytest.skip("PostgreSQL is unavailable")
    url = postgres_server.base_url.replace("/postgres?", "/no_such_db?")
    with pytest.raises(StoreError, match=r'^E015 .*cannot connect to PostgreSQL: .*"no_such_db"'):
        open_store(url)


# ---------------------------------------------------------------- transactions


def test_failed_write_leaves_nothing(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with PostgresStore(postgres_url) as s:
        s.replace_knowledge(knowledge())
        before = (s.events(), s.people(), s.conflicts(), s.stats(), s.generation())
        real = PostgresStore._insert

        def failing(conn: Any, table: str, rows: Any) -> None:
            if table == "conflict_values":
                raise RuntimeError("simulated failure")
            real(conn, table, rows)

        monkeypatch.setattr(PostgresStore, "_insert", staticmethod(failing))
        with pytest.raises(RuntimeError, match="simulated"):
            s.replace_knowledge(knowledge())
        assert (s.events(), s.people(), s.conflicts(), s.stats(), s.generation()) == before


def test_concurrent_writers_store_a_document_once(postgres_url: str) -> None:
    """Two processes (here: two connections) adding the same document: one stores it."""
    stores = [open_store(postgres_url) for _ in range(4)]
    results: list[bool] = []
    barrier = threading.Barrier(len(stores))

    def add(s: Any) -> None:
        barrier.wait()
        results.append(s.add_analysis(analysis_a()))

    threads = [threading.Thread(target=add, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [False, False, False, True]
    assert stores[0].stats()["documents"] == 1
    for s in stores:
        s.close()


# ---------------------------------------------------------------- text and search


def test_nul_and_the_escape_character_round_trip(postgres_url: str) -> None:
    """Regression: PostgreSQL text cannot hold NUL; SQLite can, so the store escapes it."""
    a = analysis_a()
    text = "Nul\x00here \x01 and \x01\x02 \x01\x01 " + a.document.text
    doc = dataclasses.replace(a.document, id="doc-nul", text=text, title="t\x00itle")
    shift = len(text) - len(a.document.text)
    sentences = tuple(
        dataclasses.replace(s, doc_id="doc-nul", start=s.start + shift, end=s.end + shift)
        for s in a.sentences
    )
    nul = dataclasses.replace(
        a, document=doc, sentences=sentences, regions=(), times=(), entities=(), roles=(), events=()
    )
    with open_store(postgres_url) as s:
        assert s.add_analysis(nul)
        assert s.analysis("doc-nul") == nul
        assert s.document("doc-nul") == doc and s.quote("doc-nul", 0, 8) == "Nul\x00here"
        # ids with NUL and U+0001 sort as Python sorts them (the escape keeps the order)
        ids = ["0", "\x00", "\x00\x00", "\x01", "\x00\x02", "a\x00", "a"]
        for doc_id in ids:
            s.add_analysis(
                dataclasses.replace(nul, document=dataclasses.replace(doc, id=doc_id), sentences=())
            )
        assert [x.document.id for x in s.analyses()] == sorted([*ids, "doc-nul"])


def test_tsquery_is_built_from_words_only() -> None:
    assert tsquery("Moon landing") == "('moon' & 'landing')"
    assert tsquery("moon*") == "('moon':*)"
    assert tsquery('"first step" OR Émile') == "(('first' <-> 'step')) | ('emile')"
    assert tsquery("moon AND") == "('moon')"
    for hostile in ("", "'", "\\", "&|!", "(", "a'b", "x:*", "\x00"):
        assert "\\" not in tsquery(hostile) and tsquery(hostile).count("'") % 2 == 0


def test_search_syntax(postgres_url: str) -> None:
    with open_store(postgres_url) as s:
        s.replace_knowledge(knowledge())
        assert {h.doc_id for h in s.search("armstr*")} == {"doc-a", "doc-b", "doc-c"}
        assert {h.doc_id for h in s.search('"mission commander"')} == {"doc-a", "doc-c"}
        assert {h.doc_id for h in s.search('"commander mission"')} == set()
        assert {h.doc_id for h in s.search("walked OR commander")} == {"doc-a", "doc-b", "doc-c"}


# ---------------------------------------------------------------- the commands


def test_commands_on_postgres_equal_sqlite(postgres_url: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from histograph.cli import app
    from histograph.web.app import create_app

    samples = str(Path(__file__).resolve().parents[1] / "samples")
    sqlite = str(tmp_path / "h.db")
    runner = CliRunner()
    outputs: dict[str, list[str]] = {}
    for db in (sqlite, postgres_url):
        r = runner.invoke(app, ["ingest", samples, "--db", db])
        assert r.exit_code == 0, r.output
        outputs[db] = [
            runner.invoke(app, [*cmd, "--db", db]).output
            for cmd in (
                ["export", "--format", "json"],
                ["timeline", "--json"],
                ["people", "--json"],
                ["conflicts", "--json"],
            )
        ]
    assert outputs[postgres_url] == outputs[sqlite]
    assert json.loads(outputs[sqlite][1])  # not empty
    # the web UI on the PostgreSQL database (read-only)
    from fastapi.testclient import TestClient

    client = TestClient(create_app(postgres_url))
    page = client.get("/api/timeline")
    assert page.status_code == 200 and page.json()


def test_eval_through_the_store_scores_the_same(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``histograph eval --db postgresql://...``: what the store reads back scores the same."""
    from histograph.eval.runner import run_eval
    from test_eval_runner import fake_build, write_corpus

    docs, gold = write_corpus(tmp_path)
    monkeypatch.setattr("histograph.api.build_knowledge", fake_build([]))
    plain = run_eval(docs, gold, tmp_path / "plain")
    with open_store(postgres_url) as s:
        through = run_eval(docs, gold, tmp_path / "stored", store=s)
        assert s.stats()["documents"] == 3 and s.stats()["events"] == 1  # the last cluster's
    assert through == plain
    for out in (tmp_path / "plain").iterdir():
        assert (tmp_path / "stored" / out.name).read_text() == out.read_text()


def test_analyses_are_read_in_batches_in_id_order(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import histograph.store.postgres as pg

    monkeypatch.setattr(pg, "_ANALYSES_BATCH", 3)
    a, b = analysis_a(), analysis_b()
    items = [
        dataclasses.replace(
            x,
            document=dataclasses.replace(x.document, id=f"d{n:02d}"),
            regions=tuple(dataclasses.replace(r, doc_id=f"d{n:02d}") for r in x.regions),
            sentences=tuple(dataclasses.replace(r, doc_id=f"d{n:02d}") for r in x.sentences),
            times=(),
            entities=(),
            roles=(),
            events=tuple(dataclasses.replace(r, doc_id=f"d{n:02d}") for r in x.events),
        )
        for n, x in enumerate([a, b] * 4)
    ]
    with open_store(postgres_url) as s:
        for item in reversed(items):
            assert s.add_analysis(item)
        assert list(s.analyses()) == items
        assert s.analysis("d05") == items[5] and s.analysis("nope") is None


def test_a_dropped_connection_is_opened_again(postgres_url: str) -> None:
    """The server ends the session (a restart, an idle timeout): one call fails with the
    server's error, the next ones work (the web UI keeps serving)."""
    with open_store(postgres_url) as s:
        s.replace_knowledge(knowledge())
        assert isinstance(s, PostgresStore)
        with _raw(postgres_url) as admin:  # end this store's session only
            admin.execute("SELECT pg_terminate_backend(%s)", (s._conn.info.backend_pid,))
        with pytest.raises(psycopg.OperationalError):
            s.events()
        assert s.event("ev-landing") == knowledge().events[2]
        assert s.add_analysis(analysis_b()) is False  # already there


# ---------------------------------------------------------------- bulk first fill


def _indexes(url: str) -> set[tuple[str, str]]:
    """Index name -> definition (without the schema's name)."""
    with _raw(url) as conn:
        return {
            (r[0], re.sub(r" ON \w+\.", " ON ", r[1]))
            for r in conn.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            )
        }


def test_a_first_fill_without_indexes_ends_with_the_same_indexes_and_answers(
    postgres_server: Server | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first fill drops the secondary indexes (the full-text one too) and makes them
    again: the indexes and every answer are those of a fill row by row; a failed fill
    keeps them."""
    import histograph.store.postgres_write as pg_mod
    from test_store_queries import small_kb

    if postgres_server is None:
        pytest.skip("PostgreSQL is unavailable")
    kb = small_kb()
    slow_url, fast_url, failed_url = (postgres_server.new_url() for _ in range(3))
    monkeypatch.setattr(pg_mod, "_BULK_ROWS", 10**9)
    with open_store(slow_url) as slow:
        slow.replace_knowledge(kb)
    monkeypatch.setattr(pg_mod, "_BULK_ROWS", 0)
    with open_store(fast_url) as fast:
        fast.replace_knowledge(kb)
    assert {d for _, d in _indexes(fast_url)} == {d for _, d in _indexes(slow_url)}
    with open_store(slow_url) as slow, open_store(fast_url) as fast:
        assert fast.search("Bram", 50) == slow.search("Bram", 50) != []
        assert fast.events() == slow.events()
        assert fast.facets() == slow.facets()
        fast.replace_knowledge(kb)  # rows present: a rewrite keeps the indexes
        assert fast.events() == slow.events()
    open_store(failed_url).close()
    before = _indexes(failed_url)

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(PostgresStore, "_write_conflicts", boom)
    with open_store(failed_url) as s, pytest.raises(RuntimeError):
        s.replace_knowledge(kb)
    assert _indexes(failed_url) == before


def test_plans_are_made_for_the_values_given(postgres_url: str) -> None:
    """No server-side prepared statements: a generic plan (after a few runs of one query)
    would walk for a rare participant or collect a frequent one's every event."""
    with PostgresStore(postgres_url) as s:
        assert s._conn.prepare_threshold is None


# ---------------------------------------------------------------- query plans at scale


def _plans_of(store: PostgresStore, call: Any, needle: str) -> list[str]:
    """The plans (EXPLAIN, sequential scans discouraged as on a table of a million rows)
    of the queries that ``call()`` runs on ``store`` whose SQL holds ``needle``."""
    seen: list[tuple[str, list[Any]]] = []
    run_all, run_one = store._all, store._one

    def record_all(sql: str, params: Any = ()) -> list[dict[str, Any]]:
        seen.append((sql, list(params)))
        return run_all(sql, params)

    def record_one(sql: str, params: Any = ()) -> dict[str, Any] | None:
        seen.append((sql, list(params)))
        return run_one(sql, params)

    store._all, store._one = record_all, record_one  # type: ignore[method-assign]
    try:
        call()
    finally:
        del store._all, store._one
    plans: list[str] = []
    for sql, params in seen:
        if needle not in sql:
            continue
        with store._conn.transaction():
            store._conn.execute("SET LOCAL enable_seqscan = off")
            rows = store._all("EXPLAIN " + sql, params)
        plans.append("\n".join(str(next(iter(r.values()))) for r in rows))
    assert plans, f"no query with {needle!r}"
    return plans


def test_a_persons_page_reads_the_participant_indexes(postgres_url: str) -> None:
    """A person's events are collected by index from the entity ids resolved first (one
    ``entity_id = ANY``), joined to the events: no subplan run again for every event (an
    OR of IN-subqueries was, and a person's page ran for minutes at a million events)."""
    from test_store_queries import small_kb

    with PostgresStore(postgres_url) as s:
        s.replace_knowledge(small_kb())
        for who in ("p1", "Bram"):
            for plan in _plans_of(
                s, lambda w=who: s.events(entity=w, limit=200), "event_entities ee"
            ):
                assert "SubPlan" not in plan, plan
                # by entity (either index on it; at a million rows the planner takes the
                # covering one, an index-only scan)
                assert "event_entities_entity" in plan, plan
                assert "event_evidence_participants_key_event" in plan, plan
            count = _plans_of(s, lambda w=who: s.count_events(entity=w), "count(")
            assert all("SubPlan" not in p for p in count), count


def test_range_and_deep_pages_walk_an_index_from_a_seek(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of a date range seeks to its start (``events_order`` leads with
    ``date_earliest IS NULL``, which a range does not bound: every event before the range
    was read); a page among the undated events walks ``events_undated`` (no sort of every
    undated event)."""
    from histograph.store import sqlbase
    from test_store_queries import small_kb

    monkeypatch.setattr(sqlbase, "OFFSET_STRIDE", 3)
    with PostgresStore(postgres_url) as s:
        s.replace_knowledge(small_kb())
        total = s.count_events()
        for plan in _plans_of(
            s, lambda: s.events(earliest=600_000, latest=700_000, limit=5), "IN (SELECT e.id"
        ):
            # a seek from the range's start (at a million events the planner takes
            # events_dated for its order; on a few rows it may sort)
            assert re.search(r"Index Cond: .*date_earliest >= ", plan), plan
        s.__dict__.pop("_checkpoints", None)
        for plan in _plans_of(
            s, lambda: s.events(limit=2, offset=total - 2), "IS NULL AND e.date_latest IS NULL"
        ):
            assert "events_undated" in plan, plan


def test_kept_order_keys_hold_until_the_knowledge_is_written(
    postgres_url: str, fresh_url: str
) -> None:
    """The deep pages' kept order keys depend on this store's knowledge writes only, not on
    the transactions of other databases and schemas of the server."""
    from test_store_queries import small_kb

    with PostgresStore(postgres_url) as s, PostgresStore(fresh_url) as other:
        s.replace_knowledge(small_kb())
        with s._snapshot():
            before = s._change_token()
        other.replace_knowledge(small_kb())  # another schema's transactions
        with s._snapshot():
            assert s._change_token() == before
        s.replace_knowledge(small_kb())
        with s._snapshot():
            assert s._change_token() != before


def test_the_date_statistics_are_made(postgres_url: str) -> None:
    """On-this-day's partial indexes are walked in order only when the planner knows how
    the date columns go together (migration 8)."""
    with _raw(postgres_url) as conn:
        names = {
            r[0]
            for r in conn.execute(
                "SELECT stxname FROM pg_statistic_ext WHERE stxnamespace ="
                " current_schema()::regnamespace"
            )
        }
    assert {"events_date_parts", "events_width_stats"} <= names
