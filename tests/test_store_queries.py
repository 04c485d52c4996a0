"""Query shapes that must stay fast at scale, checked for correctness on a small store: keyset
pages, date ranges beside a long event, on-this-day pages, facets, counts and default pages.

Every backend gives the same answers as the naive reading of the whole knowledge base (the
memory store and plain Python over ``KnowledgeBase``). Nothing here is timed.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from histograph.api import PAGE, Histograph
from histograph.cli import app
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
    Sentence,
    TimeValue,
    day_number,
)
from histograph.store import Store, open_store
from histograph.store.common import falls_on

N_DOCS = 6
N_EVENTS = 130  # more than two default pages
NAMES = ["Ada Quill", "Bram Otter", "Cleo Marsh", "Dov Ferrant", "Esme Vale"]


def _date(i: int) -> TimeValue | None:
    """A spread of shapes: day, month, year, short interval, a long interval, undated."""
    y = 1700 + (i * 7) % 90
    m = 1 + i % 12
    d = 1 + (i * 5) % 28
    kind = i % 10
    if kind == 0:
        return None
    if kind == 1:
        first = day_number(y, m, 1)
        last = day_number(y + (m == 12), m % 12 + 1, 1) - 1
        return TimeValue(f"{y}-{m:02d}", first, last, "month")
    if kind == 2:
        return TimeValue(str(y), day_number(y, 1, 1), day_number(y, 12, 31), "year")
    if kind == 3:
        a = day_number(y, m, d)
        return TimeValue(f"{y}-{m:02d}-{d:02d}/P10D", a, a + 10, "interval")
    n = day_number(y, m, d)
    return TimeValue(f"{y}-{m:02d}-{d:02d}", n, n, "day")


def small_kb() -> KnowledgeBase:
    lines: list[list[tuple[str, int]]] = [[] for _ in range(N_DOCS)]
    for i in range(N_EVENTS):
        a, b = NAMES[i % 5], NAMES[(i * 3 + 1) % 5]
        lines[i % N_DOCS].append((f"Line {i}: {a} wrote to {b}.", i))
        if i % 4 == 0:  # stated again by another document
            lines[(i + 1) % N_DOCS].append((f"Also {i}: {a} wrote to {b}.", i))
    # one event lasting two centuries, so a late date range must still find it
    analyses: list[Analysis] = []
    mentions: dict[int, list[EventMention]] = {}
    people_mentions: dict[int, list[EntityMention]] = {}
    for d, rows in enumerate(lines):
        text = "\n".join(t for t, _ in rows) + "\n"
        doc = Document(f"doc{d}", f"notes/{d}.txt", text, "txt", f"Notes {d}")
        sents, evs, ents = [], [], []
        pos = 0
        for t, i in rows:
            sents.append(Sentence(doc.id, pos, pos + len(t)))
            a, b = NAMES[i % 5], NAMES[(i * 3 + 1) % 5]
            pa = pos + t.index(a)
            pb = pos + t.index(b, t.index(a) + len(a))
            trig = pos + t.index("wrote")
            parts = (
                Participant(a, "agent", pa, pa + len(a), f"p{i % 5}"),
                Participant(b, "recipient", pb, pb + len(b), f"p{(i * 3 + 1) % 5}"),
            )
            m = EventMention(
                doc.id, pos, pos + len(t), trig, trig + 5, "letter", _date(i), participants=parts
            )
            evs.append(m)
            mentions.setdefault(i, []).append(m)
            for p in parts:
                em = EntityMention(doc.id, p.start, p.end, p.name, "PERSON", p.key)
                ents.append(em)
                people_mentions.setdefault(int(str(p.key)[1:]), []).append(em)
            pos += len(t) + 1
        analyses.append(
            Analysis(doc, sentences=tuple(sents), entities=tuple(ents), events=tuple(evs))
        )
    events: list[Event] = []
    conflicts: list[Conflict] = []
    for i in range(N_EVENTS):
        ms = tuple(mentions[i])
        date = _date(i)
        if i == 5:
            date = TimeValue("1600/1800", day_number(1600, 1, 1), day_number(1800, 1, 1), "interval")
        claims = tuple(
            Claim(f"e{i:03d}", "participant", str(p.key), m.doc_id, p.start, p.end)
            for m in ms
            for p in m.participants
        )
        events.append(
            Event(
                f"e{i:03d}", "letter" if i % 3 else "treaty", f"Letter {i}", date, ms, claims,
                participants=(f"p{i % 5}", f"p{(i * 3 + 1) % 5}"),
                support=len({m.doc_id for m in ms}),
                independent_support=len({m.doc_id for m in ms}),
            )
        )
        if i % 4 == 0 and i % 8 == 0:
            conflicts.append(
                Conflict(
                    f"k{i:03d}", f"e{i:03d}", "event", "participant",
                    tuple(ConflictValue(c.value, (c,)) for c in claims[:2]),
                )
            )
    people = [
        Person(f"p{k}", NAMES[k], (NAMES[k],), tuple(people_mentions.get(k, ())[:3]))
        for k in range(5)
    ]
    return KnowledgeBase(
        analyses=tuple(analyses), events=tuple(events), people=tuple(people),
        conflicts=tuple(conflicts),
    )


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "postgres":  # a fresh schema on the session's server, else a skip
        s = open_store(request.getfixturevalue("postgres_url"))
    else:
        s = open_store(":memory:" if request.param == "memory" else str(tmp_path / "q.db"))
    s.replace_knowledge(small_kb())
    yield s
    s.close()


def _ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def _naive_order(kb: KnowledgeBase) -> list[str]:
    seq = {e.id: n for n, e in enumerate(kb.events)}

    def key(e: Event) -> tuple[bool, int, int, int]:
        if e.date is None:
            return (True, 0, 0, seq[e.id])
        return (False, e.date.earliest, e.date.latest, seq[e.id])

    return [e.id for e in sorted(kb.events, key=key)]


def test_keyset_pages_are_disjoint_ordered_and_complete(store: Store) -> None:
    everything = _ids(store.events())
    assert everything == _naive_order(small_kb())
    pages: list[list[str]] = []
    after: str | None = None
    while True:
        page = _ids(store.events(limit=17, after=after))
        if not page:
            break
        pages.append(page)
        after = page[-1]
    flat = [i for p in pages for i in p]
    assert flat == everything  # disjoint, in order, nothing missed (undated ones included)
    # keyset and offset pages agree
    assert _ids(store.events(limit=17, offset=34)) == pages[2]
    assert _ids(store.events(limit=5, offset=3, after=pages[0][-1])) == flat[20:25]


def test_keyset_with_a_filter(store: Store) -> None:
    treaties = _ids(store.events(type="treaty"))
    got: list[str] = []
    after: str | None = None
    while page := _ids(store.events(type="treaty", limit=4, after=after)):
        got += page
        after = page[-1]
    assert got == treaties


def test_unknown_cursor_is_an_error(store: Store) -> None:
    with pytest.raises(ValueError, match="E031"):
        store.events(after="no-such-event")


def test_date_range_finds_a_long_event_starting_long_before(store: Store) -> None:
    lo, hi = day_number(1780, 1, 1), day_number(1780, 12, 31)
    got = _ids(store.events(earliest=lo, latest=hi))
    kb = small_kb()
    want = [
        i
        for i in _naive_order(kb)
        for e in kb.events
        if e.id == i and e.date is not None and e.date.latest >= lo and e.date.earliest <= hi
    ]
    assert "e005" in got
    assert got == want
    assert _ids(store.events(earliest=lo, latest=hi, limit=3, offset=1)) == want[1:4]
    assert store.count_events(earliest=lo, latest=hi) == len(want)


def test_on_this_day_pages_and_count(store: Store) -> None:
    kb = small_kb()
    seen: Counter[str] = Counter()
    days = [(m, d) for m in range(1, 13) for d in (1, 5, 14, 28)] + [(2, 29)]
    for month, day in days:
        everything = _ids(store.on_this_day(month, day))
        naive = [i for i in _naive_order(kb) for e in kb.events if e.id == i
                 and falls_on(e.date, month, day)]
        assert everything == naive
        assert store.count_on_this_day(month, day) == len(naive)
        assert _ids(store.on_this_day(month, day, limit=2, offset=1)) == naive[1:3]
        for e in store.on_this_day(month, day):
            assert e.date is not None
            seen[e.date.precision] += 1
    assert {"day", "month", "interval"} <= set(seen)  # every kind of match was exercised


def test_facets_equal_the_naive_count(store: Store) -> None:
    kb = small_kb()
    f = store.facets()
    assert dict(f.types) == dict(Counter(e.type for e in kb.events))
    assert [t for t, _ in f.types] == sorted(t for t, _ in f.types)
    want_entities = Counter(p for e in kb.events for p in set(e.participants))
    assert {x.id: x.count for x in f.entities} == dict(want_entities)
    assert {x.id: x.name for x in f.entities} == {f"p{k}": NAMES[k] for k in range(5)}
    want_sources = Counter(d for e in kb.events for d in {m.doc_id for m in e.mentions})
    assert {x.id: x.count for x in f.sources} == dict(want_sources)
    assert {x.id: x.uri for x in f.sources} == {f"doc{d}": f"notes/{d}.txt" for d in range(N_DOCS)}
    top = store.facets(limit=2)
    ranked = sorted(want_sources.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    assert [(x.id, x.count) for x in top.sources] == ranked
    assert len(top.entities) == 2


def _naive_facets(kb: KnowledgeBase) -> tuple[dict[str, int], ...]:
    return (
        dict(Counter(e.type for e in kb.events)),
        dict(Counter(p for e in kb.events for p in set(e.participants))),
        dict(Counter(d for e in kb.events for d in {m.doc_id for m in e.mentions})),
    )


def _facets(store: Store) -> tuple[dict[str, int], ...]:
    f = store.facets()
    return (
        dict(f.types),
        {x.id: x.count for x in f.entities},
        {x.id: x.count for x in f.sources},
    )


def test_facets_follow_a_rewrite_that_drops_and_changes_events(store: Store) -> None:
    """The counts kept by the write path: events gone, a type changed, a participant
    replaced, a source no longer cited: the facets are those of the new knowledge."""
    kb = small_kb()
    changed: list[Event] = []
    for i, e in enumerate(kb.events):
        if i % 7 == 0:
            continue  # gone
        if i % 5 == 0:
            e = dataclasses.replace(e, type="embassy", participants=(e.participants[0], "p9"))
        if i % 6 == 1:  # keep only its first source
            e = dataclasses.replace(e, mentions=e.mentions[:1])
        changed.append(e)
    kept = {e.id for e in changed}
    new = dataclasses.replace(
        kb, events=tuple(changed), conflicts=tuple(k for k in kb.conflicts if k.subject in kept)
    )
    store.replace_knowledge(new)
    assert _facets(store) == _naive_facets(new)
    store.replace_knowledge(kb)
    assert _facets(store) == _naive_facets(kb)


def test_events_at_a_span_of_a_source(store: Store) -> None:
    kb = small_kb()
    doc = kb.analyses[1].document
    for sent in kb.analyses[1].sentences[:6]:
        want = [
            i
            for i in _naive_order(kb)
            for e in kb.events
            if e.id == i
            and any(m.doc_id == doc.id and m.start < sent.end and sent.start < m.end
                    for m in e.mentions)
        ]
        assert want
        assert _ids(store.events_at(doc.id, sent.start, sent.end)) == want
    assert store.events_at(doc.id, 0, 0) == []


def test_counts_match_the_lists(store: Store) -> None:
    assert store.count_people(kind="person") == len(store.people(kind="person")) == 5
    assert store.count_people(query="otter") == 1
    assert store.count_conflicts() == len(store.conflicts())
    assert store.count_conflicts("e000") == 1
    assert [c.id for c in store.conflicts(limit=2, offset=1)] == [
        c.id for c in store.conflicts()
    ][1:3]
    # the event counts read from the kept facet counts equal those of the lists
    for kw in ({}, {"type": "treaty"}, {"source": "doc2"}, {"type": "letter", "source": "doc1"},
               {"type": "nothing"}, {"source": "nowhere"}, {"entity": "p1"}):
        assert store.count_events(**kw) == len(store.events(**kw)), kw


def test_the_python_api_lists_default_to_a_page(tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    with open_store(db) as s:
        s.replace_knowledge(small_kb())
    with Histograph(db) as hg:
        assert len(hg.timeline()) == PAGE
        assert len(hg.timeline(limit=None)) == N_EVENTS
        first = hg.timeline()
        second = hg.timeline(after=first[-1].id)
        assert _ids(second) == _ids(hg.timeline(offset=PAGE))
        assert [e.id for e in hg.iter_events(page=7)] == _ids(hg.timeline(limit=None))
        assert len(hg.conflicts(limit=None)) == hg.count_conflicts()


def test_cli_and_http_lists_default_to_a_page(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from histograph.web.app import create_app

    db = str(tmp_path / "q.db")
    with open_store(db) as s:
        s.replace_knowledge(small_kb())
    runner = CliRunner()
    out = runner.invoke(app, ["timeline", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    import json

    assert len(json.loads(out.output)) == PAGE
    out = runner.invoke(app, ["timeline", "--db", db, "--json", "--limit", "0"])
    assert len(json.loads(out.output)) == N_EVENTS
    client = TestClient(create_app(db))
    body = client.get("/api/onthisday?date=03-11&limit=1").json()
    assert len(body["items"]) <= 1
    assert body["total"] >= len(body["items"])
    people = client.get("/api/people?limit=2").json()
    assert people["total"] == 5 and len(people["items"]) == 2
    first = client.get("/api/timeline?limit=7").json()
    second = client.get(f"/api/timeline?limit=7&after={first['next_after']}").json()
    offset = client.get("/api/timeline?limit=7&offset=7").json()
    assert [r["id"] for r in second["items"]] == [r["id"] for r in offset["items"]]
    assert client.get("/api/timeline?after=no-such-event").status_code == 400
    facets = client.get("/api/facets").json()
    assert sum(t["count"] for t in facets["types"]) == N_EVENTS
    assert client.get("/").status_code == 200
