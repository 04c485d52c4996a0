"""The SQLite file as Datasette reads it: FTS declared the way Datasette detects it, ISO
dates beside day numbers in the timeline view, and a metadata file with descriptions."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from histograph.api import Histograph
from histograph.render.export import export
from test_web import fill


def test_fts_is_declared_for_detection_and_still_searches(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    with Histograph(db) as hg:
        fill(hg)
        assert hg.search("Wall")  # the index still answers
    conn = sqlite3.connect(db)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'sentences_fts'").fetchone()[0]
    # Datasette's detect_fts looks for content="t" or content=[t]
    assert "content=[sentences]" in sql
    row = conn.execute("SELECT earliest, latest, earliest_day FROM timeline "
                       "WHERE earliest_day IS NOT NULL LIMIT 1").fetchone()
    assert row[0][:4].isdigit() and row[0][4] == "-" and isinstance(row[2], int)
    conn.close()


def test_iso_dates_match_day_numbers(tmp_path: Path) -> None:
    from histograph.model import day_number

    conn = sqlite3.connect(":memory:")
    n = day_number(1815, 6, 18)
    assert conn.execute("SELECT date(? + 1721425.5)", (n,)).fetchone()[0] == "1815-06-18"


def test_metadata_file_describes_tables_and_columns(tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    with Histograph(db) as hg:
        fill(hg)
        meta = json.loads(export(hg, "datasette"))
    tables = meta["databases"]["history"]["tables"]
    assert tables["timeline"]["description"]
    assert "earliest" in tables["timeline"]["columns"]
    assert tables["sentences"]["fts_table"] == "sentences_fts"
    assert "nonexistent_column" not in json.dumps(tables)
