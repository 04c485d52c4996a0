"""CLI display options: --version, --offset, plain rows when piped, person by any name part."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from histograph.api import Histograph
from histograph.cli import app
from histograph.model import Person
from histograph.store import open_store


def test_version() -> None:
    r = CliRunner().invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.startswith("histograph ")


def _kb(tmp_path: Path) -> str:
    db = str(tmp_path / "kb.db")
    page = tmp_path / "page.txt"
    page.write_text(
        "The Treaty of Kiel was signed on 14 January 1814.\n\n"
        "Prince Christian Frederick was elected king of Norway on 17 May 1814.\n\n"
        "Marshal Jean Bernadotte led the Swedish army into Norway on 26 July 1814.\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(app, ["ingest", str(page), "--db", db])
    assert r.exit_code == 0, r.output
    return db


def test_piped_tables_are_tab_separated_and_offset_skips(tmp_path: Path) -> None:
    db = _kb(tmp_path)
    r = CliRunner().invoke(app, ["timeline", "--db", db])
    lines = [x for x in r.stdout.splitlines() if x and not x.startswith("#")]
    assert lines[0].split("\t")[:3] == ["date", "type", "event"]
    rows = [x.split("\t") for x in lines[1:]]
    assert rows and all(len(x) == 5 for x in rows)  # one line a row, never wrapped
    assert "0.…" not in r.stdout and "│" not in r.stdout
    assert rows[0][0] == "14 January 1814"  # dates as people read them
    r2 = CliRunner().invoke(app, ["timeline", "--db", db, "--offset", "1"])
    rows2 = [x.split("\t") for x in r2.stdout.splitlines()[2:] if x]
    assert rows2[0] == rows[1]


def test_person_by_surname_any_case(tmp_path: Path) -> None:
    with Histograph(open_store(":memory:")) as hg:
        people = [
            Person("p-1", "Jean Bernadotte", ("Jean Bernadotte", "Marshal Bernadotte")),
            Person("p-2", "Désirée Clary", ("Désirée Clary", "Desideria")),
            Person("p-3", "Oscar Bernadotte", ("Oscar Bernadotte",)),
        ]
        from histograph.model import KnowledgeBase

        hg.store.replace_knowledge(KnowledgeBase(people=tuple(people)))
        assert [p.id for p in hg.find_people("desideria")] == ["p-2"]
        assert {p.id for p in hg.find_people("BERNADOTTE")} == {"p-1", "p-3"}
        assert hg.find_people("berna") == []  # whole words only
        assert hg.person("clary") is not None


def test_json_items_have_the_http_apis_shapes(tmp_path: Path) -> None:
    import json

    from fastapi.testclient import TestClient

    from histograph.store import open_store as _open_store
    from histograph.web.app import create_app

    db = _kb(tmp_path)
    cli = json.loads(CliRunner().invoke(app, ["timeline", "--db", db, "--json"]).stdout)
    with Histograph(_open_store(db, readonly=True)) as hg:
        client = TestClient(create_app(hg))
        api = client.get("/api/timeline?limit=500").json()["items"]
        assert [sorted(x) for x in cli] == [sorted(x) for x in api]
        assert [x["id"] for x in cli] == [x["id"] for x in api]
        ev = cli[0]["id"]
        one = json.loads(CliRunner().invoke(app, ["event", ev, "--db", db, "--json"]).stdout)
        assert sorted(one) == sorted(client.get(f"/api/events/{ev}").json())
        src = json.loads(CliRunner().invoke(app, ["sources", "--db", db, "--json"]).stdout)
        assert [sorted(x) for x in src] == [sorted(x) for x in client.get("/api/sources").json()["items"]]
