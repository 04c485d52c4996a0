"""Real store errors, not stand-ins: SQLite's own page limit plays a full disk and a
read-only connection a read-only location. Each document the store cannot take is one line
naming it with the cause, the command exits 3, and running the same ingest again once the
cause is gone gives the knowledge of a clean run (issue 10)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from histograph.api import Histograph
from histograph.cli import EXIT_STORE, app
from histograph.store.sqlite import SQLiteStore
from histograph.store.sqlite_conn import dict_row as _dict_row

FAST = ("histograph.clean.v1",)
runner = CliRunner()
_ORIGINAL_CONNECT = SQLiteStore._connect


def _corpus(folder: Path, n: int = 4) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"town{i}.txt"
        p.write_text(
            " ".join(
                f"The council of town {i} met on {j % 28 + 1} May {1850 + j % 60} and chose "
                f"its mayor number {j}."
                for j in range(60)
            )
            + "\n"
        )
        out.append(p)
    return out


@pytest.fixture
def fast_cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The CLI without spaCy (the store's behaviour does not depend on the analysis)."""
    monkeypatch.setattr(
        "histograph.cli.Histograph", lambda db, **kw: Histograph(db, stages=FAST, **kw)
    )
    yield


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection opened for writing may not grow the file by a single page."""
    real = SQLiteStore._connect

    def tight(self: SQLiteStore) -> sqlite3.Connection:
        conn = real(self)
        if not self.readonly:
            pages = conn.execute("PRAGMA page_count").fetchone()["page_count"]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(SQLiteStore, "_connect", tight)


def _read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection opened for writing is a read-only one (as root, file modes do not
    stop writes; SQLite's ``mode=ro`` does, with the error a read-only location gives)."""
    real = SQLiteStore._connect

    def ro(self: SQLiteStore) -> sqlite3.Connection:
        if self.readonly:
            return real(self)
        real(self).close()  # created and migrated as usual
        conn = self._connect_readonly()
        conn.execute("PRAGMA foreign_keys = ON")
        conn.row_factory = _dict_row
        return conn

    monkeypatch.setattr(SQLiteStore, "_connect", ro)


def test_a_full_disk_costs_no_document_via_the_api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _corpus(tmp_path / "d")
    db = tmp_path / "k.db"
    _full_disk(monkeypatch)
    with Histograph(str(db), stages=FAST) as hg:
        report = hg.ingest([str(tmp_path / "d")])
    assert not report.added and not report.ok
    assert sorted(d.uri for d in report.unstored) == sorted(str(p) for p in docs)
    for e in report.errors:  # the cause, not a failed ROLLBACK hiding it
        assert e.message == "could not be stored: database or disk is full (OperationalError)", e
    monkeypatch.undo()
    with Histograph(str(db), stages=FAST) as hg:
        report = hg.ingest([str(tmp_path / "d")])
        assert len(report.added) == len(docs) and report.ok and not hg.needs_rebuild()
        stored = sorted(d.text for d in hg.sources())
    with Histograph(str(tmp_path / "clean.db"), stages=FAST) as clean:
        clean.ingest([str(tmp_path / "d")])
        assert stored == sorted(d.text for d in clean.sources())


def test_a_full_disk_in_the_cli_names_every_document_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast_cli: None
) -> None:
    docs = _corpus(tmp_path / "d")
    db = tmp_path / "k.db"
    _full_disk(monkeypatch)
    r = runner.invoke(app, ["ingest", str(tmp_path / "d"), "--db", str(db)])
    assert r.exit_code == EXIT_STORE, r.output
    assert "Traceback" not in r.output and "rollback" not in r.output
    for p in docs:
        assert f"skipped {p}: could not be stored: database or disk is full" in r.output
    assert f"{len(docs)} document(s) could not be stored" in r.output
    monkeypatch.setattr(SQLiteStore, "_connect", _ORIGINAL_CONNECT)  # space freed
    r = runner.invoke(app, ["ingest", str(tmp_path / "d"), "--db", str(db)])
    assert r.exit_code == 0 and f"ingested {len(docs)} new document(s)" in r.output, r.output


def test_a_read_only_location_is_one_line_per_document_and_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fast_cli: None
) -> None:
    first, *rest = _corpus(tmp_path / "d")
    db = tmp_path / "k.db"
    assert runner.invoke(app, ["ingest", str(first), "--db", str(db)]).exit_code == 0
    _read_only(monkeypatch)
    r = runner.invoke(app, ["ingest", str(tmp_path / "d"), "--db", str(db)])
    assert r.exit_code == EXIT_STORE, r.output
    assert "Traceback" not in r.output
    for p in rest:
        assert f"skipped {p}: could not be stored: attempt to write a readonly database" in r.output
    # removing and rebuilding need to write too: one line, exit 3
    for cmd in (["rebuild"], ["remove", str(first)]):
        r = runner.invoke(app, [*cmd, "--db", str(db)])
        assert r.exit_code == EXIT_STORE and "Traceback" not in r.output, (cmd, r.output)
        assert len(r.output.strip().splitlines()) <= 2, r.output
    # reading still works
    assert runner.invoke(app, ["sources", "--db", str(db)]).exit_code == 0

