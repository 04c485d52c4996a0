"""Query shapes that must stay fast at scale, checked for correctness on a small store: keyset
pages, date ranges beside a long event, on-this-day pages, facets, counts and default pages.

Every backend gives the same answers as the naive reading of the whole knowledge base (the
memory store and plain Python over ``KnowledgeBase``). Nothing here is timed.
"""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from histograph.api import PAGE, Histograph
from histograph.cli import app
from histograph.model import Event, KnowledgeBase, TimeValue, day_number
from histograph.store import IncrementalStore, Store, open_store
from histograph.store.common import falls_on

# the synthetic knowledge bases are built in one place, for the benchmarks and these tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import N_DOCS, N_EVENTS, NAMES, build_kb, small_kb

__all__ = ["small_kb"]  # test_store_sqlite, test_web_prefetch take it from here


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


def test_deep_offsets_from_kept_order_keys(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page at an offset starts from a kept order key (a stride of 3 here): every page
    equals the naive one, dated and undated, filtered or not, and after a write."""
    from histograph.store import sqlbase

    monkeypatch.setattr(sqlbase, "OFFSET_STRIDE", 3)
    everything = _ids(store.events())
    treaties = _ids(store.events(type="treaty"))
    for offset in [*range(len(everything) + 2), 7, 3, 40, 4]:  # again, backwards too
        assert _ids(store.events(limit=4, offset=offset)) == everything[offset : offset + 4]
        assert _ids(store.events(type="treaty", limit=2, offset=offset)) == treaties[
            offset : offset + 2
        ]
    kb = small_kb()
    fewer = dataclasses.replace(kb, events=kb.events[::2], conflicts=())
    store.replace_knowledge(fewer)  # the kept keys no longer hold
    everything = _ids(store.events())
    assert len(everything) < len(_naive_order(kb))
    for offset in range(len(everything) + 2):
        assert _ids(store.events(limit=5, offset=offset)) == everything[offset : offset + 5]


def test_a_frequent_participant_walked_for_equals_one_collected(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A participant's events found by walking the timeline (a frequent one) are those
    found by collecting its events (a rare one): by id, name and alias, paged."""
    from histograph.store import sqlbase

    who = ["p1", "p3", NAMES[0], NAMES[2].casefold(), "nobody"]
    collected = {w: _ids(store.events(entity=w, limit=1000)) for w in who}
    pages = {w: _ids(store.events(entity=w, limit=3, offset=2)) for w in who}
    monkeypatch.setattr(sqlbase, "WALK_FACTOR", 0)  # every participant walked for
    assert any(collected.values())
    for w in who:
        assert _ids(store.events(entity=w, limit=1000)) == collected[w]
        assert _ids(store.events(entity=w, limit=3, offset=2)) == pages[w]
        assert _ids(store.events(entity=w, limit=3, offset=2)) == collected[w][2:5]


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
    days = [(m, d) for m in range(1, 13) for d in (1, 5, 14, 28)] + [(2, 29), (1, 30), (1, 31)]
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


def _month(y: int, m: int) -> TimeValue:
    first = day_number(y, m, 1)
    return TimeValue(f"{y:04d}-{m:02d}", first, day_number(y + (m == 12), m % 12 + 1, 1) - 1,
                     "month")


def test_on_this_day_from_the_29th_to_the_31st(store: Store) -> None:
    """Month-precision rows hold the 29th to the 31st only when their month has it (SQL
    decides for a whole month; a month written in another calendar, which does not start
    on the 1st, is checked by the rule); intervals are found by the months they touch."""
    julian = TimeValue("1700-02", day_number(1700, 2, 11), day_number(1700, 3, 11), "month",
                       source_calendar="julian")
    dates = {
        "m-feb-leap": _month(1972, 2), "m-feb-common": _month(1969, 2),
        "m-jan": _month(1800, 1), "m-apr": _month(1800, 4), "m-julian": julian,
        "d-29": TimeValue("1900-01-29", (n := day_number(1900, 1, 29)), n, "day"),
        "i-jan-feb": TimeValue("x/y", day_number(1810, 1, 25), day_number(1810, 2, 3), "interval"),
        "i-jan-mar": TimeValue("x/y", day_number(1900, 1, 31), day_number(1900, 3, 2), "interval"),
        "i-dec-jan": TimeValue("x/y", day_number(1811, 12, 30), day_number(1812, 1, 2),
                               "interval"),
    }
    events = tuple(Event(k, "x", k, v, ()) for k, v in dates.items())
    store.replace_knowledge(KnowledgeBase(events=events))
    for month, day in [(1, 29), (1, 30), (1, 31), (2, 1), (2, 15), (2, 28), (2, 29), (3, 1),
                       (3, 2), (3, 10), (3, 11), (3, 31), (4, 30), (12, 31), (1, 1)]:
        naive = [i for i in _naive_order(KnowledgeBase(events=events)) if falls_on(dates[i],
                 month, day)]
        assert _ids(store.on_this_day(month, day)) == naive, (month, day)
        assert store.count_on_this_day(month, day) == len(naive), (month, day)
        assert _ids(store.on_this_day(month, day, limit=1, offset=1)) == naive[1:2]
    assert _ids(store.on_this_day(2, 29)) == ["m-feb-leap"]  # 1700 had none in Gregorian
    assert _ids(store.on_this_day(3, 10)) == ["m-julian"]  # in its range, not its first month
    assert _ids(store.on_this_day(4, 30)) == ["m-apr"]
    assert _ids(store.on_this_day(2, 15)) == ["m-julian", "i-jan-mar", "m-feb-common",
                                                "m-feb-leap"]


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
    if isinstance(store, IncrementalStore):  # a scoped merge (of every document) alike
        store.replace_knowledge(new, scope={f"doc{d}" for d in range(N_DOCS)})
        assert _facets(store) == _naive_facets(new)


@pytest.mark.parametrize("backend", ["memory", "sqlite", "postgres"])
def test_the_benchmark_knowledge_base_reads_back_alike(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """The builder of ``benchmarks/kbscale.py`` at a small size: every backend stores it
    and answers as the naive reading (what the benchmark times is a right answer)."""
    kb = build_kb(400)
    if backend == "postgres":
        s = open_store(request.getfixturevalue("postgres_url"))
    else:
        s = open_store(":memory:" if backend == "memory" else str(tmp_path / "b.db"))
    with s:
        s.replace_knowledge(kb)
        assert _facets(s) == _naive_facets(kb)
        assert s.count_events() == len(kb.events)
        assert [e.id for e in s.events(limit=None)] == _naive_order(kb)
        assert s.count_conflicts() == len(kb.conflicts)
        some = kb.events[len(kb.events) // 2]
        assert s.event(some.id) == some


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


def test_events_at_many_spans_equal_each_span_alone(store: Store) -> None:
    """A page of search hits reads the events of all its spans at once (the SQL stores):
    the same events, in the same order, as one span at a time; the documents too."""
    many = getattr(store, "events_at_spans", None)
    if many is None:
        pytest.skip("the memory store reads one span at a time")
    kb = small_kb()
    spans = [
        (a.document.id, s.start, s.end) for a in kb.analyses[:3] for s in a.sentences[:5]
    ] + [(kb.analyses[0].document.id, 0, 0), ("no-such-document", 0, 99)]
    assert many(spans) == [store.events_at(*x) for x in spans]
    assert any(many(spans)) and many([]) == []
    by_id = getattr(store, "documents_by_id", None)
    assert by_id is not None
    docs = by_id([a.document.id for a in kb.analyses] + ["nope"])
    assert docs == {a.document.id: store.document(a.document.id) for a in kb.analyses}


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
