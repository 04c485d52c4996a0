"""The streamed bulk build (``bulk_load``: a knowledge base written chunk by chunk, as
``benchmarks/kbscale.py`` builds a million events) and the drawn timeline's projection
(``event_summaries``): each reads back as the one-piece write and the whole events do."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from histograph.api import Histograph
from histograph.model import KnowledgeBase, TimeValue, civil_from_day, day_number
from histograph.store import EventSummary, Store, StoreError, open_store
from histograph.store.common import ON_THIS_DAY_MAX_DAYS, falls_on
from histograph.store.sqlite import SQLiteStore
from histograph.web.views import Filters, Views, drawn_item, summarise

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import build_kb, kb_chunks, small_kb


def _dump(store: Store) -> dict[str, object]:
    """What a reader sees: every event, person, conflict, document and the facets."""
    f = store.facets()
    return {
        "events": store.events(),
        "people": store.people(kind=None, limit=None),
        "conflicts": store.conflicts(),
        "docs": [(d.id, d.text) for d in store.documents()],
        "facets": (f.types, f.entities, f.sources),
        "stats": store.stats(),
        "search": store.search("Surname3", 50),
        "stale": store.knowledge_stale(),
        "day": store.on_this_day(5, 3),
    }


def _two(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Store, Store]:
    if backend == "postgres":
        request.getfixturevalue("postgres_url")  # a skip without a server
        server = request.getfixturevalue("postgres_server")
        return open_store(server.new_url()), open_store(server.new_url())
    return SQLiteStore(tmp_path / "one.db"), SQLiteStore(tmp_path / "two.db")


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_streamed_build_reads_back_as_one_replace_knowledge(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    chunks = list(kb_chunks(2600, chunk_docs=20))  # 130 documents: 7 chunks, the last short
    assert len(chunks) == 7 and not any(c.people for c in chunks[:-1])
    one, streamed = _two(backend, request, tmp_path)
    one.replace_knowledge(build_kb(2600, chunk_docs=20))
    streamed.bulk_load(iter(chunks))  # type: ignore[attr-defined]
    assert _dump(streamed) == _dump(one)
    assert not streamed.knowledge_stale()
    streamed.close()
    one.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_bulk_load_fills_an_empty_store_only_and_fails_whole(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    s, empty = _two(backend, request, tmp_path)
    s.replace_knowledge(small_kb())
    with pytest.raises(StoreError, match="E036"):
        s.bulk_load(iter([KnowledgeBase()]))  # type: ignore[attr-defined]
    first, second = list(kb_chunks(400, chunk_docs=10))
    # the second chunk cites documents no chunk stored: nothing of the first is kept
    orphan = KnowledgeBase(events=second.events)
    with pytest.raises(ValueError, match="E013"):
        empty.bulk_load(iter([first, orphan]))  # type: ignore[attr-defined]
    assert empty.count_events() == 0 and not empty.documents()
    empty.bulk_load(iter([first, second]))  # type: ignore[attr-defined]  # still usable
    assert empty.count_events() == 400
    s.close()
    empty.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_event_summaries_are_the_events_projected(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Same events, same order, same filters and pages as :meth:`events`; the participants,
    sources and conflict attributes of each are those of the whole event."""
    if backend == "postgres":
        s = open_store(request.getfixturevalue("postgres_url"))
    else:
        s = open_store(str(tmp_path / "s.db"))
    kb = small_kb()
    s.replace_knowledge(kb)
    attrs: dict[str, list[str]] = {}
    for c in s.conflicts():
        attrs.setdefault(c.subject, []).append(c.attribute)
    for kw in (
        {},
        {"limit": 7, "offset": 3},
        {"type": "treaty"},
        {"entity": "p2", "limit": 20},
        {"source": kb.analyses[2].document.id},
        {"earliest": kb.events[40].date.earliest if kb.events[40].date else 0},
    ):
        got = s.event_summaries(**kw)  # type: ignore[attr-defined]
        want = [summarise(e, tuple(attrs.get(e.id, ()))) for e in s.events(**kw)]
        assert got == want and got
    s.close()


def test_the_drawn_timeline_reads_no_quote(tmp_path: Path) -> None:
    """The first view's drawn items come from the projection: no source text is read for
    them (the list of 50 below it reads its headlines from the sources)."""
    db = tmp_path / "k.db"
    with open_store(str(db)) as s:
        s.replace_knowledge(small_kb())
    with Histograph(str(db)) as hg:
        quoted: list[str] = []
        real = hg.store.quote

        def spy(doc_id: str, start: int, end: int) -> str | None:
            quoted.append(doc_id)
            return real(doc_id, start, end)

        hg.store.quote = spy  # type: ignore[method-assign]
        items = Views(hg).timeline_items(Filters())
        assert items["items"] and not quoted
        first = items["items"][0]
        assert set(first) >= {"id", "title", "start", "type", "entities", "sources", "className"}


def test_a_drawn_item_of_an_imprecise_disputed_event() -> None:
    kb = small_kb()
    e = next(e for e in kb.events if e.date is not None and e.date.precision == "month")
    item = drawn_item(summarise(e, ("date", "participant")))
    assert item["type"] == "range" and item["end"] > item["start"]
    assert item["disputed"] and item["conflicts"] == 2
    assert "imprecise" in item["className"] and "conflicted" in item["className"]


def _falls_on_by_walk(tv: TimeValue, month: int, day: int) -> bool:
    """The on-this-day rule as first written: every day of the range looked at."""
    return any(
        civil_from_day(n)[1:] == (month, day) for n in range(tv.earliest, tv.latest + 1)
    )


def test_on_this_day_of_a_range_equals_a_walk_of_its_days() -> None:
    """falls_on finds the month and day in each year a short range touches: the same as
    looking at every day (month rows at the end of a month, ranges over a new year, leap
    and common Februaries, years before the common era)."""
    rng = random.Random(5)
    starts = [day_number(y, m, d) for y in (-43, 1, 1600, 1700, 1712, 1900, 2000)
              for m in (1, 2, 3, 12) for d in (1, 15, 28)]
    for _ in range(3000):
        first = rng.choice(starts) + rng.randrange(-40, 40)
        tv = TimeValue("x", first, first + rng.randrange(0, ON_THIS_DAY_MAX_DAYS), "interval")
        month = rng.randint(1, 12)
        day = rng.choice([1, 2, 15, 28, 29, 30, 31])
        if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
            continue
        assert falls_on(tv, month, day) == _falls_on_by_walk(tv, month, day), (tv, month, day)
    for y, m in ((1712, 2), (1713, 2), (1900, 2), (2000, 2), (1712, 1), (1712, 4)):
        first = day_number(y, m, 1)
        last = day_number(y + (m == 12), m % 12 + 1, 1) - 1
        tv = TimeValue(f"{y}-{m:02d}", first, last, "month")
        for d in (28, 29, 30, 31):
            assert falls_on(tv, m, d) == _falls_on_by_walk(tv, m, d)


def _summary(earliest: int, latest: int, precision: str) -> EventSummary:
    tv = TimeValue("x", earliest, latest, precision)
    return EventSummary(
        id="e1", type="summit", title="Two leaders met aboard a ship", date=tv, place=None,
        support=1, independent_support=1, participants=(), sources=("d1",),
        conflict_attributes=(),
    )


def test_a_precise_span_of_days_is_drawn_as_a_point_with_its_dates_in_the_note() -> None:
    """A two-day meeting drawn as a range box of two days holds no label: vis-timeline
    stacks ranges by their box, so the label ran over the next items (regression)."""
    first = day_number(1905, 7, 23)
    item = drawn_item(_summary(first, first + 1, "interval"))
    assert item["type"] == "point" and "end" not in item
    assert item["span"] and item["date_label"]


def test_a_long_interval_and_an_imprecise_date_are_drawn_as_ranges() -> None:
    first = day_number(1618, 5, 23)
    long = drawn_item(_summary(first, first + 400, "interval"))
    assert long["type"] == "range" and long["end"] > long["start"]
    month = drawn_item(_summary(day_number(1848, 2, 1), day_number(1848, 2, 29), "month"))
    assert month["type"] == "range" and month["imprecise"]
    day = drawn_item(_summary(first, first, "day"))
    assert day["type"] == "point" and not day["span"]
