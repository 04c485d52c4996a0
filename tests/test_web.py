"""The web UI and its JSON API (FastAPI TestClient), on a small hand-built knowledge base
whose documents are hostile (markup, event handlers, javascript: links), and (slow) on the
sample corpus. The browser tests are in tests/browser/."""

from __future__ import annotations

import json
import re
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from histograph.api import Histograph
from histograph.model import (
    Analysis,
    Claim,
    Conflict,
    ConflictValue,
    Document,
    EntityMention,
    Event,
    EventMention,
    KnowledgeBase,
    Participant,
    Person,
    Region,
    RoleClaim,
    Sentence,
    TimeMention,
    TimeValue,
    day_number,
)
from histograph.store import open_store
from histograph.web.app import create_app

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "berlin_wall"

XSS_TITLE = '<script>window.__xss=1</script>Hostile <b onmouseover="window.__xss=6">title</b>'
XSS_TEXT = (
    "Breaking <script>window.__xss=1</script> news.\n"
    'Home | <a href="javascript:window.__xss=2">Share</a>\n'
    'On 10 November 1989 the Wall opened <img src=x onerror="window.__xss=3"> to all.\n'
    "Spokesman Günter <svg onload=window.__xss=5> Schabowski spoke in 1989.\n"
    '[click me](javascript:window.__xss=7) and "quotes" & ampersands.\n'
)
CALM_TEXT = (
    "On 9 November 1989 the Wall opened. Guards opened the gates at night.\n"
    "Politburo spokesman Günter Schabowski announced the rule. It was a historic turning point.\n"
)
#: raw markup that must never reach a page unescaped
DANGEROUS = (
    "<script>window.__xss",
    "<img src=x onerror",
    "<svg onload",
    '<b onmouseover="',
    'href="javascript:',
    "href='javascript:",
)
WEIRD_EVENT_ID = "ev/../../etc/passwd<x>"

#: documents to ingest through the real pipeline (here and in the browser tests)
HOSTILE_HTML = """<!doctype html>
<html><head><title>&lt;script&gt;window.__xss=1&lt;/script&gt; A hostile page</title>
<script>window.__xss = 99;</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>&lt;img src=x onerror="window.__xss=2"&gt; The night the border opened</h1>
<p>On 9 November 1989 the border guards opened the gates &lt;script&gt;window.__xss=3&lt;/script&gt;
at the Bornholmer Strasse crossing in Berlin.</p>
<p>Read <a href="javascript:window.__xss=4">this link</a> or type javascript:window.__xss=5 and
&lt;a href="javascript:window.__xss=6"&gt;click here&lt;/a&gt; for more.</p>
<p>Günter Schabowski &lt;b onmouseover="window.__xss=7"&gt;announced&lt;/b&gt; the new travel rule
on 9 November 1989 at a press conference in East Berlin.</p>
</article>
<footer>Share on Facebook</footer>
</body></html>
"""
HOSTILE_TXT = """<script>window.__xss=10</script> Hostile notes
On 9 November 1989 the Berlin Wall opened <img src=x onerror="window.__xss=11"> to the West.
Egon Krenz <svg onload="window.__xss=12"></svg> replaced Erich Honecker in October 1989.
[a link](javascript:window.__xss=13) "quotes" & ampersands </textarea></title></script>
"""
HOSTILE_JSON = {
    "title": "<script>window.__xss=20</script><img src=x onerror=window.__xss=21>",
    "url": "javascript:window.__xss=22",
    "published": "2019-11-09",
    "text": "35 years ago the Berlin Wall fell <iframe src=javascript:window.__xss=23></iframe> "
    "and crowds celebrated on 10 November 1989 <b onclick=window.__xss=24>here</b>.",
}


def day(y: int, m: int, d: int) -> TimeValue:
    n = day_number(y, m, d)
    return TimeValue(f"{y:04d}-{m:02d}-{d:02d}", n, n, "day")


def year(y: int) -> TimeValue:
    return TimeValue(f"{y:04d}", day_number(y, 1, 1), day_number(y, 12, 31), "year")


def span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def make_kb() -> tuple[list[Analysis], KnowledgeBase]:
    """Two documents (one hostile), three events (one with an id full of path tricks),
    one person with roles, a date conflict and a title conflict."""
    d1 = Document(
        "doc-hostile",
        "javascript:window.__xss=8",
        XSS_TEXT,
        "txt",
        title=XSS_TITLE,
        published=day(2019, 11, 9),
    )
    d2 = Document("doc-calm", "https://example.org/wall", CALM_TEXT, "txt", title="The Wall")
    t = XSS_TEXT
    c = CALM_TEXT
    l1 = t.index("On 10 November")
    l1e = t.index("\n", l1)
    s2 = t.index("Spokesman")
    s2e = t.index("\n", s2)
    a1 = Analysis(
        d1,
        regions=(
            Region(d1.id, 0, t.index("\n"), "title"),
            Region(d1.id, t.index("Home"), t.index("\n", t.index("Home")), "boilerplate"),
            Region(d1.id, l1, len(t), "narrative"),
        ),
        sentences=(Sentence(d1.id, l1, l1e), Sentence(d1.id, s2, s2e)),
        times=(
            TimeMention(
                d1.id, *span(t, "10 November 1989"), "10 November 1989", "DATE", day(1989, 11, 10)
            ),
        ),
        entities=(
            EntityMention(
                d1.id,
                *span(t, "Günter <svg onload=window.__xss=5> Schabowski"),
                "Günter <svg onload=window.__xss=5> Schabowski",
                "PERSON",
                "Günter Schabowski",
            ),
        ),
        roles=(RoleClaim(d1.id, *span(t, "Spokesman"), "Günter Schabowski", "Spokesman"),),
        events=(
            EventMention(
                d1.id, l1, l1e, *span(t, "opened"), "border_opening", time=day(1989, 11, 10)
            ),
        ),
    )
    o1 = c.index("On 9")
    o1e = c.index(".", o1) + 1
    g1 = c.index("Guards")
    g1e = c.index(".", g1) + 1
    p1 = c.index("Politburo")
    p1e = c.index(".", p1) + 1
    h1 = c.index("It was")
    h1e = c.index(".", h1) + 1
    a2 = Analysis(
        d2,
        regions=(Region(d2.id, 0, len(c), "narrative"),),
        sentences=tuple(
            Sentence(d2.id, a, b) for a, b in ((o1, o1e), (g1, g1e), (p1, p1e), (h1, h1e))
        ),
        times=(
            TimeMention(
                d2.id, *span(c, "9 November 1989"), "9 November 1989", "DATE", day(1989, 11, 9)
            ),
        ),
        entities=(
            EntityMention(
                d2.id,
                *span(c, "Günter Schabowski"),
                "Günter Schabowski",
                "PERSON",
                "Günter Schabowski",
            ),
        ),
        roles=(
            RoleClaim(
                d2.id,
                *span(c, "Politburo spokesman Günter Schabowski"),
                "Günter Schabowski",
                "Politburo spokesman",
                began=year(1985),
                ended=year(1989),
            ),
        ),
        events=(
            EventMention(
                d2.id, o1, o1e, *span(c, "opened"), "border_opening", time=day(1989, 11, 9)
            ),
            EventMention(d2.id, g1, g1e, *span(c, "opened", g1), "border_opening", time=year(1989)),
            EventMention(
                d2.id,
                p1,
                p1e,
                *span(c, "announced"),
                "letter_or_statement",
                participants=(
                    Participant(
                        "Günter Schabowski",
                        "agent",
                        *span(c, "Günter Schabowski"),
                        key="p-schabowski",
                    ),
                ),
            ),
        ),
    )
    e1_date_a = Claim("ev-wall", "date", "1989-11-10", d1.id, *span(t, "10 November 1989"))
    e1_date_b = Claim("ev-wall", "date", "1989-11-09", d2.id, *span(c, "9 November 1989"))
    ev_wall = Event(
        "ev-wall",
        "border_opening",
        "On 9 November 1989 the Wall opened.",
        day(1989, 11, 9),
        mentions=(a1.events[0], a2.events[0]),
        claims=(
            e1_date_a,
            e1_date_b,
            Claim("ev-wall", "participant", "Günter Schabowski", d1.id, *span(t, "Schabowski")),
        ),
        place="Berlin <script>window.__xss=9</script>",
        participants=("p-schabowski",),
        support=2,
        independent_support=2,
    )
    ev_gates = Event(
        "ev-gates",
        "border_opening",
        "Guards opened the gates at night.",
        year(1989),
        mentions=(a2.events[1],),
        claims=(Claim("ev-gates", "date", "1989", d2.id, *span(c, "Guards opened the gates")),),
        support=1,
        independent_support=1,
    )
    ev_weird = Event(
        WEIRD_EVENT_ID,
        "letter_or_statement",
        'Spokesman <img src=x onerror="window.__xss=4"> spoke',
        None,
        mentions=(a2.events[2],),
        participants=("p-schabowski",),
        support=1,
        independent_support=1,
    )
    person = Person(
        "p-schabowski",
        "Günter Schabowski",
        ("Günter Schabowski", "Schabowski", "Günter <svg onload=window.__xss=5> Schabowski"),
        mentions=(a1.entities[0], a2.entities[0]),
        roles=(a1.roles[0], a2.roles[0]),
    )
    conflicts = (
        Conflict(
            "c-date",
            "ev-wall",
            "event",
            "date",
            (ConflictValue("1989-11-10", (e1_date_a,)), ConflictValue("1989-11-09", (e1_date_b,))),
            kind="timezone",
            severity="hard",
            explanation="One source dates it <b>a day later</b> (time zone?)",
        ),
        Conflict(
            "c-title",
            "p-schabowski",
            "person",
            "title",
            (
                ConflictValue(
                    "Spokesman",
                    (Claim("p-schabowski", "title", "Spokesman", d1.id, *span(t, "Spokesman")),),
                ),
                ConflictValue(
                    "Politburo spokesman",
                    (
                        Claim(
                            "p-schabowski",
                            "title",
                            "Politburo spokesman",
                            d2.id,
                            *span(c, "Politburo spokesman"),
                        ),
                    ),
                ),
            ),
            kind="naming",
            severity="soft",
            explanation="two wordings of one office",
        ),
    )
    kb = KnowledgeBase(events=(ev_wall, ev_gates, ev_weird), people=(person,), conflicts=conflicts)
    return [a1, a2], kb


def fill(hg: Histograph) -> Histograph:
    analyses, kb = make_kb()
    for a in analyses:
        hg.store.add_analysis(a)
    hg.store.replace_knowledge(kb)
    return hg


def memory_hg() -> Histograph:
    return fill(Histograph(open_store(":memory:")))


def sqlite_kb(path: Path) -> Path:
    with Histograph(path) as hg:
        fill(hg)
    return path


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(memory_hg()))


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_no_markup(html: str) -> None:
    """No document text became markup: no foreign element, handler or javascript: URL."""
    for bad in DANGEROUS:
        assert bad not in html, f"unescaped {bad!r} in the page"
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in ("img", "svg", "iframe", "object", "embed", "b"), tag
        names = dict(attrs)
        if tag == "script":  # ours only: external files from our origin, or inert JSON
            assert names.get("type") == "application/json" or (names.get("src") or "").startswith(
                ("/static/", "/vendor/")
            ), attrs
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action") and value:
                assert not value.strip().lower().startswith(("javascript:", "data:text")), (
                    tag,
                    name,
                    value,
                )


# ------------------------------------------------------------------ every page
PAGES = [
    "/",
    "/?type=border_opening",
    "/?entity=p-schabowski",
    "/?source=doc-hostile",
    "/?from=1989&to=1990",
    "/?limit=1&offset=1",
    "/events/ev-wall",
    "/events/ev-gates",
    "/events/ev-wall/brief",
    "/events/ev-wall/brief?style=card",
    "/events/ev-wall/brief?style=guide",
    "/events/ev-wall/brief?style=anniversary&date=2019-11-09",
    "/events/ev-wall/brief?style=onthisday",
    "/people",
    "/people?q=schab",
    "/people?kind=",
    "/people/p-schabowski",
    "/people/Schabowski",
    "/onthisday",
    "/onthisday?date=11-09",
    "/onthisday?date=2019-11-10",
    "/sources",
    "/sources/doc-hostile",
    "/sources/doc-hostile?hl=5-20",
    "/sources/doc-calm",
    "/search",
    "/search?q=Wall",
    "/search?q=script",
    "/search?q=%22the+wall%22+OR+(",
    "/conflicts",
    "/timelinejs",
]


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_without_markup_from_documents(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in r.headers
    assert "script-src 'self'" in r.headers["Content-Security-Policy"]
    assert_no_markup(r.text)


def test_hostile_text_is_shown_escaped(client: TestClient) -> None:
    html = client.get("/sources/doc-hostile").text
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    # the javascript: uri is shown as text, never linked
    assert "javascript:window.__xss=8" in html
    assert 'href="javascript' not in html.lower()
    # boilerplate is dimmed, spans highlighted by kind
    assert 'class="region r-boilerplate dim"' in html
    assert "hl-time" in html and "hl-trigger" in html and "hl-person" in html


def test_timeline_page(client: TestClient) -> None:
    html = client.get("/").text
    assert 'id="event-list"' in html
    assert "ev-wall" in html
    assert "⚠" in html  # the conflict is flagged
    assert "year only" in html  # the imprecise date is marked
    data = re.search(
        r'<script type="application/json" id="timeline-data">(.*?)</script>', html, re.S
    )
    if data:  # node_modules present: the interactive timeline's data is inert JSON
        assert "<" not in data.group(1)


def test_timeline_without_node_modules(tmp_path: Path) -> None:
    app = create_app(memory_hg(), node_modules=tmp_path)
    html = TestClient(app).get("/").text
    assert "npm ci" in html
    assert 'id="no-interactive"' in html
    assert "vis-timeline" not in html.split("<footer>")[0].split("</h1>", 1)[1].split("npm ci")[0]
    assert "On 9 November 1989 the Wall opened" in html  # the plain list is there
    assert (
        TestClient(app).get("/vendor/vis-timeline/vis-timeline-graph2d.min.js").status_code == 404
    )


def test_event_page(client: TestClient) -> None:
    html = client.get("/events/ev-wall").text
    assert "What each source says" in html
    assert "The Wall" in html  # the calm source's title
    assert "Where the sources disagree" in html
    assert "a day later" in html and "&lt;b&gt;a day later&lt;/b&gt;" in html
    assert "2/2 independent" in html
    assert '<strong class="trigger">opened</strong>' in html
    assert "/people/p-schabowski" in html
    assert "/sources/doc-calm?hl=" in html


def test_person_page(client: TestClient) -> None:
    html = client.get("/people/p-schabowski").text
    assert "Roles over time" in html and "Politburo spokesman" in html
    assert 'class="role-chart"' in html
    assert "Schabowski" in html and "&lt;svg onload" in html
    assert "/events/ev-wall" in html


def test_onthisday_marks_imprecise_and_disputed(client: TestClient) -> None:
    html = client.get("/onthisday?date=2019-11-09").text
    assert "ev-wall" in html
    assert "date disputed" in html
    assert "30 years ago" in html


def test_weird_ids_are_quoted_and_found(client: TestClient) -> None:
    from urllib.parse import quote

    url = "/events/" + quote(WEIRD_EVENT_ID, safe="")
    r = client.get(url)
    assert r.status_code == 200
    assert_no_markup(r.text)
    assert (
        client.get("/api/events/" + quote(WEIRD_EVENT_ID, safe="")).json()["id"] == WEIRD_EVENT_ID
    )
    # the timeline links to it with the id quoted
    assert quote(WEIRD_EVENT_ID, safe="") in client.get("/").text


@pytest.mark.parametrize(
    "url",
    [
        "/static/../pyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2f..%2fpyproject.toml",
        "/vendor/timelinejs/../../../package.json",
        "/vendor/timelinejs/%2e%2e/%2e%2e/%2e%2e/package.json",
        "/vendor/vis-timeline/..%2f..%2fpackage.json",
        "/events/..%2f..%2fetc%2fpasswd",
        "/sources/..%2fREADME.md",
        "/api/export/..%2f..%2fpyproject",
    ],
)
def test_no_path_traversal(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (400, 404, 422), (url, r.status_code)
    assert "[build-system]" not in r.text and '"devDependencies"' not in r.text


def test_static_assets(client: TestClient) -> None:
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "text/css" in r.headers["content-type"]
    assert client.get("/static/timeline.js").status_code == 200


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/events/nope", 404),
        ("/people/nobody", 404),
        ("/sources/nothing", 404),
        ("/api/events/nope", 404),
        ("/api/people/nobody", 404),
        ("/api/sources/nothing", 404),
        ("/onthisday?date=13-45", 400),
        ("/api/onthisday?date=02-30", 400),
        ("/?from=yesterday", 400),
        ("/api/timeline?from=notadate", 400),
        ("/sources/doc-calm?hl=5-1", 400),
        ("/sources/doc-calm?hl=abc", 400),
        ("/sources/doc-calm?hl=0-999999", 400),
        ("/api/timeline?limit=0", 422),
        ("/api/timeline?limit=100000", 422),
        ("/api/timeline?offset=-1", 422),
        ("/events/ev-wall/brief?style=nonsense", 400),
        ("/api/events/nope/brief", 404),
        ("/api/export/pdf", 404),
    ],
)
def test_errors(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    if url.startswith("/api/"):
        assert "detail" in r.json()
    else:
        assert_no_markup(r.text)


def test_error_page_escapes_the_id(client: TestClient) -> None:
    r = client.get("/events/%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E")
    assert r.status_code == 404
    assert "&lt;script&gt;" in r.text
    assert_no_markup(r.text)


# ------------------------------------------------------------------ the JSON API
def test_api_timeline_paginates(client: TestClient) -> None:
    first = client.get("/api/timeline?limit=2").json()
    assert first["total"] == 3 and len(first["items"]) == 2 and first["next_offset"] == 2
    rest = client.get("/api/timeline?limit=2&offset=2").json()
    assert len(rest["items"]) == 1 and rest["next_offset"] is None and rest["prev_offset"] == 0
    ids = [e["id"] for e in first["items"] + rest["items"]]
    assert len(set(ids)) == 3
    row = first["items"][0]
    for key in (
        "id",
        "title",
        "type",
        "type_label",
        "date",
        "date_label",
        "imprecise",
        "disputed",
        "conflicts",
        "support",
        "independent_support",
        "participants",
    ):
        assert key in row


def test_api_timeline_filters(client: TestClient) -> None:
    def ids(q: str) -> set[str]:
        return {e["id"] for e in client.get("/api/timeline" + q).json()["items"]}

    assert ids("?type=letter_or_statement") == {WEIRD_EVENT_ID}
    assert ids("?source=doc-hostile") == {"ev-wall"}
    assert ids("?entity=p-schabowski") >= {"ev-wall"}
    assert ids("?from=1989-11-09&to=1989-11-09") == {"ev-wall", "ev-gates"}


def test_api_timeline_items_draw_imprecise_dates_as_ranges(client: TestClient) -> None:
    items = {i["id"]: i for i in client.get("/api/timeline/items").json()["items"]}
    assert WEIRD_EVENT_ID not in items  # undated: not drawn
    assert items["ev-gates"]["type"] == "range"
    assert items["ev-gates"]["start"] == "1989-01-01" and items["ev-gates"]["end"] == "1990-01-01"
    assert "imprecise" in items["ev-gates"]["className"]
    assert items["ev-wall"]["type"] == "point"
    assert "conflicted" in items["ev-wall"]["className"]


def test_api_event(client: TestClient) -> None:
    e = client.get("/api/events/ev-wall").json()
    assert e["independent_support"] == 2
    assert {m["doc_id"] for m in e["mentions"]} == {"doc-hostile", "doc-calm"}
    for m in e["mentions"]:
        assert m["quote"] and m["before"] is not None and len(m["span_parts"]) == 3
    assert e["conflicts"][0]["attribute"] == "date"
    assert e["conflicts"][0]["explanation"]
    assert {v["value"] for v in e["conflicts"][0]["values"]} == {"1989-11-10", "1989-11-09"}


def test_api_other_routes(client: TestClient) -> None:
    assert client.get("/api/people").json()["items"][0]["name"] == "Günter Schabowski"
    p = client.get("/api/people/p-schabowski").json()
    assert p["roles"] and p["events"] and p["sources"]
    assert client.get("/api/onthisday?date=11-09").json()["items"]
    src = client.get("/api/sources/doc-hostile?hl=0-5").json()
    assert "".join(s["text"] for s in src["segments"]) == XSS_TEXT
    assert src["document"]["link"] is None  # a javascript: uri is never a link
    assert (
        client.get("/api/sources/doc-calm").json()["document"]["link"] == "https://example.org/wall"
    )
    assert client.get("/api/sources?limit=1").json()["next_offset"] == 1
    hits = client.get("/api/search?q=Wall").json()
    assert hits["sentences"] and all("source" in h for h in hits["sentences"])
    assert client.get("/api/search?q=schab").json()["entities"]
    assert client.get("/api/search?q=").json()["sentences"] == []
    assert len(client.get("/api/conflicts").json()["items"]) == 2
    assert client.get("/api/conflicts?limit=1&offset=1").json()["items"][0]["id"] == "c-title"
    assert client.get("/api/stats").json()["stats"]["events"] == 3
    assert client.get("/api/facets").json()["types"]
    brief = client.get("/api/events/ev-wall/brief?style=card").json()
    assert brief["style"] == "card" and brief["citations"]
    assert client.get("/api/events/ev-wall/brief?format=md").text.startswith("# ")


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "timelinejs", "vis", "jsonld"])
def test_api_export(client: TestClient, fmt: str) -> None:
    r = client.get(f"/api/export/{fmt}")
    assert r.status_code == 200 and r.text


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    schema: dict[str, Any] = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    for route in (
        "/api/timeline",
        "/api/timeline/items",
        "/api/events/{event_id}",
        "/api/events/{event_id}/brief",
        "/api/people",
        "/api/people/{person_id}",
        "/api/onthisday",
        "/api/sources",
        "/api/sources/{doc_id}",
        "/api/search",
        "/api/conflicts",
        "/api/stats",
        "/api/facets",
        "/api/export/{fmt}",
    ):
        assert route in paths, route
        assert schema["paths"][route]["get"]["summary"]


def test_serves_a_sqlite_file_read_only(tmp_path: Path) -> None:
    db = sqlite_kb(tmp_path / "kb.db")
    before = db.read_bytes()
    app = create_app(db)
    c = TestClient(app)
    for url in (
        "/",
        "/events/ev-wall",
        "/people/p-schabowski",
        "/sources/doc-hostile",
        "/search?q=wall",
        "/conflicts",
        "/onthisday?date=11-09",
    ):
        assert c.get(url).status_code == 200, url
    hg = app.state.histograph
    assert getattr(hg.store, "readonly", False) is True
    app.state.histograph.close()
    assert db.read_bytes() == before


def write_hostile(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (folder / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (folder / "hostile.json").write_text(json.dumps(HOSTILE_JSON), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_every_page_of_the_sample_corpus(tmp_path: Path) -> None:
    """Structure, not content: the sample corpus's knowledge changes as the pipeline grows.
    Hostile pages are ingested with it: no page may carry their markup."""
    db = tmp_path / "samples.db"
    with Histograph(db) as hg:
        report = hg.ingest([str(SAMPLES), str(write_hostile(tmp_path / "hostile"))])
        assert report.added and not report.errors
    c = TestClient(create_app(db))
    timeline = c.get("/api/timeline?limit=500").json()
    assert timeline["total"] >= 1
    for e in timeline["items"]:
        r = c.get(f"/events/{e['id']}")
        assert r.status_code == 200 and "What each source says" in r.text
    for p in c.get("/api/people?kind=&limit=500").json()["items"]:
        assert c.get(f"/people/{p['id']}").status_code == 200
    for d in c.get("/api/sources").json()["items"]:
        r = c.get(f"/sources/{d['id']}")
        assert r.status_code == 200 and 'id="doc-text"' in r.text
    for url in (
        "/",
        "/onthisday?date=11-09",
        "/conflicts",
        "/search?q=wall",
        "/people",
        "/sources",
        "/timelinejs",
    ):
        assert c.get(url).status_code == 200, url
