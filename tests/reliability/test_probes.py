"""Web probes (escaping, traversal, paging limits, read-only) and CLI probes (no traceback,
exit codes, no empty knowledge base created) over a knowledge base holding hostile pages."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from histograph.api import Histograph
from histograph.cli import EXIT_NOTHING, EXIT_STORE, app
from histograph.web.app import create_app

FAST = ("histograph.clean.v1",)
PAYLOAD = "<script>alert('x')</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "page.txt").write_text(f"{PAYLOAD}\n\nThe envoy arrived in 1902. {PAYLOAD}\n")
    (folder / "page.html").write_text(
        f"<html><head><title>{PAYLOAD}</title></head><body><article><p>The fleet sailed"
        f" in 1801.</p><p>{PAYLOAD}</p><a href='javascript:alert(1)'>x</a></article></body></html>"
    )
    db = folder / "k.db"
    with Histograph(str(db), stages=FAST) as hg:
        hg.ingest([str(folder / "page.txt"), str(folder / "page.html")])
    return db


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_web_escapes_rejects_traversal_bounds_paging_and_never_writes(hostile_db: Path) -> None:
    before = _sha(hostile_db)
    client = TestClient(create_app(str(hostile_db)), raise_server_exceptions=False)
    ids = [d["id"] for d in client.get("/api/sources").json()["items"]]
    assert ids
    for path in ["/", "/sources", "/search?q=script", "/docs", *[f"/sources/{i}" for i in ids]]:
        r = client.get(path)
        assert r.status_code == 200, path
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, path
        assert "href='javascript:" not in r.text and 'href="javascript:' not in r.text, path
        assert "default-src" in r.headers["content-security-policy"], path
    assert "cdn" not in client.get("/docs").text.lower()
    redoc = client.get("/redoc")  # FastAPI's own /redoc loads its script from a CDN
    assert redoc.status_code == 404 and "cdn" not in redoc.text.lower()
    assert "<script" not in client.get("/docs").text.lower()
    for path in [
        "/static/../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/vendor/vis-timeline/../../../../etc/passwd",
        "/api/sources/..%2F..%2F..%2Fetc%2Fpasswd",
        "/sources/../../etc/passwd",
    ]:
        r = client.get(path)
        assert r.status_code in (400, 404), path
        assert "root:" not in r.text
    for query in ["offset=9223372036854775808", "offset=-1", "limit=0", "limit=100000",
                  "offset=99999999999999999999999", "limit=abc"]:
        for base in ["/api/timeline", "/api/sources", "/api/people", "/api/conflicts", "/sources"]:
            r = client.get(f"{base}?{query}")
            assert 400 <= r.status_code < 500, (base, query, r.status_code)
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/sources").status_code == 405
    assert _sha(hostile_db) == before


runner = CliRunner()


def test_query_commands_refuse_a_missing_knowledge_base(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    for cmd in (["timeline"], ["people"], ["sources"], ["conflicts"], ["search", "x"],
                ["export"], ["rebuild"], ["remove", "x"], ["event", "e1"]):
        r = runner.invoke(app, [*cmd, "--db", str(db)])
        assert r.exit_code == EXIT_STORE, (cmd, r.output)
        assert "no knowledge base at" in r.output and "Traceback" not in r.output
        assert not db.exists()


def test_store_errors_are_one_line(tmp_path: Path) -> None:
    not_db = tmp_path / "notes.db"
    not_db.write_text("just some notes, not a database\n" * 10)
    r = runner.invoke(app, ["timeline", "--db", str(not_db)])
    assert r.exit_code == EXIT_STORE and "Traceback" not in r.output
    assert str(not_db) in r.output and len(r.output.strip().splitlines()) <= 3
    r = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "no" / "such" / "k.db")])
    assert r.exit_code == EXIT_STORE and "does not exist" in r.output


def test_ingest_prints_every_error_even_when_the_store_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"empty{i}.txt").write_text("")
    (docs / "good.txt").write_text("The council met on 4 May 1902.\n")
    from histograph.store.sqlite import SQLiteStore

    def full(*args: object, **kw: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SQLiteStore, "replace_knowledge", full)
    monkeypatch.setattr("histograph.api.DEFAULT_STAGES", FAST, raising=False)
    db = tmp_path / "k.db"
    r = runner.invoke(app, ["ingest", str(docs), "--db", str(db)])
    assert r.exit_code == EXIT_STORE, r.output
    assert r.output.count("skipped") == 3 and "disk is full" in r.output
    assert "Traceback" not in r.output
    monkeypatch.undo()
    with Histograph(str(db)) as hg:
        assert hg.needs_rebuild()


def test_remove_and_rebuild_commands(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("The council met on 4 May 1902.\n")
    db = tmp_path / "k.db"
    with Histograph(str(db), stages=FAST) as hg:
        hg.ingest([str(doc)])
    r = runner.invoke(app, ["rebuild", "--db", str(db)])
    assert r.exit_code == 0 and "rebuilt" in r.output
    r = runner.invoke(app, ["remove", "nothing", "--db", str(db)])
    assert r.exit_code == EXIT_NOTHING and "not found" in r.output
    r = runner.invoke(app, ["remove", str(doc), "--db", str(db)])
    assert r.exit_code == 0 and "removed 1 document" in r.output
    with Histograph(str(db)) as hg:
        assert hg.sources() == [] and [v.change for v in hg.versions()] == ["removed"]
