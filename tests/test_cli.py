"""The CLI end to end on a temporary knowledge base (loads spaCy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from histograph.cli import app

pytestmark = pytest.mark.slow

DOC_A = """The Treaty of Kiel

On 14 January 1814, Denmark signed the Treaty of Kiel, ceding Norway to Sweden.
King Frederick VI of Denmark had hoped to keep Norway.
"""
DOC_B = """Norway's constitution

Norway was ceded to Sweden by the Treaty of Kiel, signed on 15 January 1814.
On 17 May 1814 the assembly at Eidsvoll signed a constitution.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text(DOC_A, encoding="utf-8")
    (d / "b.md").write_text("---\ntitle: Norway\n---\n" + DOC_B, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


def test_ingest_then_every_query_command_has_json(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    code, out = run("ingest", str(corpus), "--db", db, "--json")
    assert code == 0, out
    report = json.loads(out)
    assert len(report["added"]) == 2
    assert [e["source"] for e in report["errors"]] == [str(corpus / "empty.txt")]

    code, out = run("ingest", str(corpus / "a.txt"), "--db", db, "--json")
    assert code == 0 and json.loads(out)["duplicates"] == [str(corpus / "a.txt")]

    for cmd in (["timeline"], ["on-this-day", "01-14"], ["people"], ["conflicts"], ["sources"],
                ["search", "treaty"]):
        code, out = run(*cmd, "--db", db, "--json")
        assert code == 0, (cmd, out)
        assert isinstance(json.loads(out), list)

    sources = json.loads(run("sources", "--db", db, "--json")[1])
    assert {s["uri"] for s in sources} == {str(corpus / "a.txt"), str(corpus / "b.md")}

    events = json.loads(run("timeline", "--db", db, "--json")[1])
    for e in events:
        code, out = run("event", e["id"], "--db", db, "--json")
        assert code == 0
        detail = json.loads(out)
        for m in detail["mentions"]:  # every fact carries its exact source quote
            text = Path(m["uri"]).read_text(encoding="utf-8")
            assert text[m["start"] : m["end"]] == m["quote"]


def test_tables_and_exports(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    assert run("ingest", str(corpus), "--db", db)[0] == 0
    for cmd in (["timeline"], ["people"], ["conflicts"], ["sources"]):
        assert run(*cmd, "--db", db)[0] == 0
    for fmt in ("json", "csv", "md"):
        out_file = tmp_path / f"kb.{fmt}"
        code, _ = run("export", "--format", fmt, "-o", str(out_file), "--db", db)
        assert code == 0 and out_file.stat().st_size > 0
    json.loads((tmp_path / "kb.json").read_text(encoding="utf-8"))


def test_errors_are_clear(tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02\xff" * 100)
    result = CliRunner().invoke(app, ["ingest", str(bad), "--db", db])
    assert result.exit_code == 1  # nothing could be ingested
    assert "bad.bin" in result.stderr
    result = CliRunner().invoke(app, ["timeline", "--from", "not-a-date", "--db", db])
    assert result.exit_code == 2 and "not a date" in result.stderr
    result = CliRunner().invoke(app, ["event", "nope", "--db", db])
    assert result.exit_code == 1 and "nope" in result.stderr
    result = CliRunner().invoke(app, ["on-this-day", "13-45", "--db", db])
    assert result.exit_code == 2


def test_authority_file_pins_identities(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "kb.db")
    assert run("ingest", str(corpus), "--db", db)[0] == 0
    auth = tmp_path / "people.csv"
    auth.write_text("id,name,aliases,dates\nQ1,Frederick VI,Frederick VI of Denmark,1768/1839\n",
                    encoding="utf-8")
    code, out = run("authority", str(auth), "--db", db, "--json")
    assert code == 0, out
    assert json.loads(out)["records"] == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\n,\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["authority", str(bad), "--db", db])
    assert result.exit_code == 2 and "bad.csv" in result.stderr
    code, out = run("people", "--kind", "state", "--db", db, "--json")
    assert code == 0 and isinstance(json.loads(out), list)
