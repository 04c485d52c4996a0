"""Exports: TimelineJS, vis-timeline, JSON-LD, the static site, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from histograph.api import Histograph
from histograph.cli import app
from histograph.render.export import FORMATS, TEXT_FORMATS, export
from histograph.render.jsonld import jsonld
from histograph.render.present import date_label, safe_name, script_json
from histograph.render.timelinejs import timelinejs, tl_dates
from histograph.render.vis import vis_timeline
from histograph.web.assets import find_node_modules
from histograph.web.site import MARKER, SiteError, export_site
from test_web import WEIRD_EVENT_ID, assert_no_markup, memory_hg, sqlite_kb
from test_web import year as year_value


@pytest.fixture(scope="module")
def hg() -> Histograph:
    return memory_hg()


def test_formats() -> None:
    assert set(TEXT_FORMATS) == {"json", "csv", "md", "timelinejs", "vis", "jsonld", "datasette"}
    assert "site" in FORMATS


def test_timelinejs(hg: Histograph) -> None:
    tl = timelinejs(hg)
    assert "headline" in tl["title"]["text"]
    events = {e["unique_id"]: e for e in tl["events"]}
    assert len(events) == 2  # the undated event cannot be placed
    wall = events["tl-ev-wall"]
    assert wall["start_date"] == {"year": 1989, "month": 11, "day": 9}
    assert "display_date" not in wall
    gates = events["tl-ev-gates"]
    assert gates["start_date"] == {"year": 1989}
    assert gates["display_date"] == "1989"
    for e in tl["events"]:  # TimelineJS renders these as HTML: escaped
        assert "<script" not in e["text"]["text"] and "<img" not in e["text"]["text"]
        assert "<" not in e["text"]["headline"]
    assert "Sources disagree on the date" in wall["text"]["text"]


def test_timelinejs_dates_keep_precision() -> None:
    from histograph.model import TimeValue, day_number

    decade = TimeValue("193X", day_number(1930, 1, 1), day_number(1939, 12, 31), "decade")
    d = tl_dates(decade)
    assert d["start_date"] == {"year": 1930} and d["end_date"] == {"year": 1939}
    assert d["display_date"] == "1930s"
    month = TimeValue("1933-11", day_number(1933, 11, 1), day_number(1933, 11, 30), "month")
    assert tl_dates(month) == {
        "start_date": {"year": 1933, "month": 11},
        "display_date": "November 1933",
    }
    span = TimeValue(
        "1936/1938", day_number(1936, 1, 1), day_number(1938, 12, 31), "interval", approximate=True
    )
    d = tl_dates(span)
    assert d["end_date"] == {"year": 1938, "month": 12, "day": 31}
    assert d["display_date"].startswith("c. ")
    assert date_label(year_value(1989)) == "1989"


def test_vis(hg: Histograph) -> None:
    v = vis_timeline(hg)
    items = {i["id"]: i for i in v["items"]}
    assert set(items) == {"ev-wall", "ev-gates"}
    assert items["ev-wall"]["type"] == "point" and "conflicted" in items["ev-wall"]["className"]
    assert items["ev-gates"]["type"] == "range"
    assert (items["ev-gates"]["start"], items["ev-gates"]["end"]) == ("1989-01-01", "1990-01-01")
    assert "imprecise" in items["ev-gates"]["className"]
    assert v["groups"]
    for i in v["items"]:
        assert "<" not in i["content"] and "<" not in i["title"]


def test_jsonld(hg: Histograph) -> None:
    doc = jsonld(hg)
    assert doc["@context"] == "https://schema.org"
    nodes = {n["@id"]: n for n in doc["@graph"]}
    wall = nodes["urn:histograph:event:ev-wall"]
    assert wall["@type"] == "Event" and wall["startDate"] == "1989-11-09"
    assert wall["actor"] == [{"@id": "urn:histograph:entity:p-schabowski"}]
    assert {c["isPartOf"]["@id"] for c in wall["subjectOf"]} == {
        "urn:histograph:doc:doc-hostile",
        "urn:histograph:doc:doc-calm",
    }
    for c in wall["subjectOf"]:  # the span as an RFC 5147 fragment
        assert c["@type"] == "Quotation" and c["text"]
        start, end = (int(x) for x in c["url"].rsplit("#char=", 1)[1].split(","))
        assert end > start
    gates = nodes["urn:histograph:event:ev-gates"]
    assert gates["startDate"] == "1989" and "endDate" not in gates
    person = nodes["urn:histograph:entity:p-schabowski"]
    assert person["@type"] == "Person" and "Schabowski" in person["alternateName"]
    role = next(r for r in person["hasOccupation"] if r["roleName"] == "Politburo spokesman")
    assert role["startDate"] == "1985" and role["endDate"] == "1989"
    assert role["subjectOf"]["text"] == "Politburo spokesman Günter Schabowski"
    calm = nodes["urn:histograph:doc:doc-calm"]
    assert calm["url"] == "https://example.org/wall"
    assert "url" not in nodes["urn:histograph:doc:doc-hostile"]  # javascript: is no URL


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_export_strings(hg: Histograph, fmt: str) -> None:
    text = export(hg, fmt)
    assert text.endswith("\n")
    if fmt in ("json", "timelinejs", "vis", "jsonld"):
        json.loads(text)


def test_safe_name() -> None:
    assert safe_name("ev-1234abcd") == "ev-1234abcd"
    for bad in ("../x", "a/b", "..", ".hidden", "x\\y", "", "a" * 500, WEIRD_EVENT_ID, "con:x"):
        name = safe_name(bad)
        assert "/" not in name and "\\" not in name and ".." not in name and name[0] != "."
        assert len(name) <= 121
    assert safe_name("../x") != safe_name("../y")


def test_script_json_cannot_close_the_script() -> None:
    text = script_json({"x": "</script><script>alert(1)</script>", "y": "<!--", "z": "\u2028"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text)["x"].startswith("</script>")


# ------------------------------------------------------------------ the static site
def test_site(hg: Histograph, tmp_path: Path) -> None:
    out = tmp_path / "site"
    counts = export_site(hg, out)
    assert counts["events"] == 3 and counts["people"] == 1 and counts["sources"] == 2
    for rel in (
        "index.html",
        "people.html",
        "sources.html",
        "conflicts.html",
        "onthisday.html",
        "search.html",
        "timelinejs.html",
        "static/style.css",
        "data/search.js",
        MARKER,
    ):
        assert (out / rel).is_file(), rel
    assert (out / "events" / "ev-wall.html").is_file()
    assert (out / "events" / f"{safe_name(WEIRD_EVENT_ID)}.html").is_file()
    # nothing escaped the folder, and every file name is plain
    for p in out.rglob("*"):
        assert out in p.resolve().parents or p.resolve() == out
    for page in out.rglob("*.html"):
        html = page.read_text()
        for bad in ("<script>window.__xss", "<img src=x onerror", "<svg onload"):
            assert bad not in html, (page, bad)
    index = (out / "index.html").read_text()
    assert 'href="events/ev-wall.html"' in index
    event = (out / "events" / "ev-wall.html").read_text()
    assert 'href="../sources/doc-calm.html#o-' in event
    assert 'href="../static/style.css"' in event
    assert "/api/" not in event
    assert "d-11-09" in (out / "onthisday.html").read_text()
    search = (out / "data" / "search.js").read_text()
    assert search.startswith("window.HISTOGRAPH_SEARCH = ") and "<" not in search.split("=", 1)[1]


def test_site_copies_browser_assets_when_installed(hg: Histograph, tmp_path: Path) -> None:
    nm = find_node_modules()
    if nm is None:
        pytest.skip("node_modules is absent (run `npm ci`)")
    out = tmp_path / "site"
    counts = export_site(hg, out, node_modules=nm)
    assert "vis-timeline" in counts["vendor"] and "timelinejs" in counts["vendor"]
    assert (out / "vendor" / "vis-timeline" / "vis-timeline-graph2d.min.js").is_file()
    assert (out / "vendor" / "timelinejs" / "js" / "timeline.js").is_file()
    assert not list((out / "vendor").rglob("*.map"))
    index = (out / "index.html").read_text()
    assert 'src="vendor/vis-timeline/vis-timeline-graph2d.min.js"' in index


def test_site_without_node_modules_is_a_plain_list(hg: Histograph, tmp_path: Path) -> None:
    out = tmp_path / "site"
    counts = export_site(hg, out, node_modules=tmp_path / "nowhere")
    assert counts["vendor"] == []
    index = (out / "index.html").read_text()
    assert "npm ci" in index and 'id="event-list"' in index


def test_site_refuses_a_folder_it_did_not_make(hg: Histograph, tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(SiteError, match="not empty"):
        export_site(hg, tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"
    (tmp_path / "file").write_text("x")
    with pytest.raises(SiteError, match="not a folder"):
        export_site(hg, tmp_path / "file")
    out = tmp_path / "again"
    export_site(hg, out)
    export_site(hg, out)  # an earlier export may be overwritten


def test_site_pages_have_no_markup(hg: Histograph, tmp_path: Path) -> None:
    out = tmp_path / "site"
    export_site(hg, out, node_modules=tmp_path / "nowhere")
    for page in out.rglob("*.html"):
        html = (
            page.read_text()
            .replace('src="../static/', 'src="/static/')
            .replace('src="static/', 'src="/static/')
            .replace('src="data/', 'src="/static/')
        )
        assert_no_markup(html)


# ------------------------------------------------------------------ CLI
def test_cli_export(tmp_path: Path) -> None:
    db = sqlite_kb(tmp_path / "kb.db")
    runner = CliRunner()
    for fmt in ("timelinejs", "vis", "jsonld"):
        out = tmp_path / f"out.{fmt}.json"
        r = runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", str(db)])
        assert r.exit_code == 0, r.output
        json.loads(out.read_text())
    r = runner.invoke(app, ["export", "--format", "json", "--db", str(db)])
    assert r.exit_code == 0 and json.loads(r.output)["events"]
    site = tmp_path / "site"
    r = runner.invoke(app, ["export", "--format", "site", "-o", str(site), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert (site / "index.html").is_file()
    r = runner.invoke(app, ["export", "--format", "site", "-o", str(tmp_path), "--db", str(db)])
    assert r.exit_code == 2 and "not empty" in r.output
    r = runner.invoke(app, ["export", "--format", "pdf", "--db", str(db)])
    assert r.exit_code == 2


def test_cli_serve_needs_a_database(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert r.exit_code == 2 and "no knowledge base" in r.output
