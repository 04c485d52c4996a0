"""The timeline's flags and participant names read for a whole page at once (SQLite) are the
ones read event by event (a store without the batch queries); the same for the pages of
conflicts (their subject events), on-this-day and a person."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from histograph.api import Histograph
from histograph.store import open_store
from histograph.web.views import Filters, Views
from test_store_queries import small_kb


class _OneByOne:
    """A store without the batch lookups (every other attribute is the real store's)."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        if name in {
            "conflict_attributes",
            "entity_refs",
            "events_by_id",
            "event_summaries",
            "events_at_spans",
            "documents_by_id",
        }:
            raise AttributeError(name)
        return getattr(self._store, name)


def test_a_prefetched_page_equals_one_read_event_by_event(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    store = open_store(str(db))
    store.replace_knowledge(small_kb())
    store.close()
    everything = Filters(None, None, None, None, None)
    with Histograph(str(db)) as hg:
        batched = Views(hg)
        page = batched.timeline(everything, 50, 0)
        items = batched.timeline_items(everything)
        conflicts = batched.conflicts(50, 0)
        day = batched.on_this_day("03-11")
        person = batched.person("p1")
        found = batched.search("Bram")
        assert conflicts["items"] and day["items"] and person["events"]
        assert found["sentences"] and all(h["events"] for h in found["sentences"])
        assert any(it["conflicts"] for it in page["items"])
        assert all(p["known"] for it in page["items"] for p in it["participants"])
        hg.store = _OneByOne(hg.store)  # type: ignore[assignment]
        single = Views(hg)
        assert single.timeline(everything, 50, 0) == page
        assert single.timeline_items(everything) == items
        assert single.conflicts(50, 0) == conflicts
        assert single.on_this_day("03-11") == day
        assert single.person("p1") == person
        assert single.search("Bram") == found


def test_a_page_reads_its_documents_at_once(tmp_path: Path) -> None:
    """The quotes and source names of a page of events (and of a page of search hits,
    people, conflicts) come from one read of their documents, not one or two per document."""
    db = tmp_path / "k.db"
    with open_store(str(db)) as store:
        store.replace_knowledge(small_kb())
    everything = Filters(None, None, None, None, None)
    with Histograph(str(db)) as hg:
        reads: list[str] = []
        real = hg.store.document

        def one(doc_id: str) -> Any:
            reads.append(doc_id)
            return real(doc_id)

        hg.store.document = one  # type: ignore[method-assign]
        views = Views(hg)
        page = views.timeline(everything, 50, 0)
        assert page["items"]
        views.search("Bram")
        assert views.people()["items"] and views.conflicts(50, 0)["items"]
        assert reads == []


def test_a_person_in_many_events_is_counted_at_least(tmp_path: Path, monkeypatch: Any) -> None:
    """Past PERSON_COUNT_UP_TO listed events the person page says "at least" the stored
    participant count instead of counting every event; below it, the exact count."""
    from starlette.testclient import TestClient

    from histograph.web import views_people as V  # the person page reads its limits there
    from histograph.web.app import create_app

    db = tmp_path / "k.db"
    store = open_store(str(db))
    store.replace_knowledge(small_kb())
    store.close()
    monkeypatch.setattr(V, "PERSON_EVENTS", 3)
    with Histograph(str(db)) as hg:
        exact = hg.count_events(entity="p1")
        listed = hg.store.participant_count("p1")  # type: ignore[attr-defined]
        assert 3 < listed <= exact
        page = Views(hg).person("p1")
        assert page["events_total"] == exact and page["events_total_at_least"] is False
        monkeypatch.setattr(V, "PERSON_COUNT_UP_TO", 2)
        page = Views(hg).person("p1")
        assert page["events_total"] == listed and page["events_total_at_least"] is True
        assert len(page["events"]) == 3
        html = TestClient(create_app(hg)).get("/people/p1").text
        assert f"The first 3 of at least {listed} events" in html


def test_counts_read_as_a_publication_prints_them() -> None:
    """A count of a million events reads 1,000,000 on a page, never 1000000."""
    from histograph.render.templating import environment

    env = environment()
    line = env.from_string("{{ n|number }} · {{ n|plural('event') }} · {{ 1|plural('event') }}")
    assert line.render(n=1234567) == "1,234,567 · 1,234,567 events · 1 event"


def test_the_drawn_items_are_read_once_per_state_of_the_store(tmp_path: Path) -> None:
    """Every page of the timeline draws the same items: read once per filter while the
    store holds, again after a write; a caller's changes to them are its own."""
    db = tmp_path / "k.db"
    with open_store(str(db)) as store:
        store.replace_knowledge(small_kb())
    everything = Filters(None, None, None, None, None)
    treaties = Filters(None, None, "treaty", None, None)
    with Histograph(str(db)) as hg:
        reads: list[Any] = []
        real = hg.store.event_summaries  # type: ignore[attr-defined]

        def counted(**kw: Any) -> Any:
            reads.append(kw)
            return real(**kw)

        hg.store.event_summaries = counted  # type: ignore[attr-defined]
        views = Views(hg)
        first = views.timeline_items(everything)
        first["items"][0]["url"] = "/elsewhere"
        again = views.timeline_items(everything)
        assert len(reads) == 1 and "url" not in again["items"][0]
        assert views.timeline_items(treaties) != again and len(reads) == 2
        kb = small_kb()
        with open_store(str(db)) as store:  # another process writes other knowledge
            store.replace_knowledge(dataclasses.replace(kb, events=kb.events[::2], conflicts=()))
        views._checked = 0.0  # the next check is due
        views.timeline_items(everything)
        assert len(reads) == 3


def test_the_timeline_of_a_frequent_participant_says_at_least(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """The timeline filtered by a participant alone in more than PERSON_COUNT_UP_TO events
    says "at least" its stored participant count (a count of half a million events read
    them all) and still pages on; any other filter, or a rarer participant: the exact count."""
    from starlette.testclient import TestClient

    from histograph.web import views_timeline as T
    from histograph.web.app import create_app

    db = tmp_path / "k.db"
    with open_store(str(db)) as store:
        store.replace_knowledge(small_kb())
    with Histograph(str(db)) as hg:
        exact = hg.count_events(entity="p1")
        listed = hg.store.participant_count("p1")  # type: ignore[attr-defined]
        alone = Filters(None, None, None, "p1", None)
        page = Views(hg).timeline(alone, 2, 0)
        assert page["total"] == exact and page["total_at_least"] is False
        monkeypatch.setattr(T, "PERSON_COUNT_UP_TO", 2)
        page = Views(hg).timeline(alone, 2, 0)
        assert page["total"] == listed and page["total_at_least"] is True
        last = Views(hg).timeline(alone, 2, listed - 2)
        assert last["next_offset"] == listed  # a lower bound: the next page is offered
        typed = Views(hg).timeline(Filters(None, None, "letter", "p1", None), 2, 0)
        assert typed["total_at_least"] is False
        html = TestClient(create_app(hg)).get("/?entity=p1").text
        assert f"At least {listed:,} events" in html
