"""Property tests: any Analysis and any knowledge base round-trip exactly, on every backend
(PostgreSQL too when the test server can be had: tests/pg_server.py)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from histograph.model import (
    Analysis,
    Anchor,
    Claim,
    Conflict,
    ConflictKind,
    ConflictValue,
    CopyLink,
    Document,
    EntityMention,
    Event,
    EventMention,
    KnowledgeBase,
    Modality,
    Participant,
    Person,
    Precision,
    Region,
    RegionKind,
    RoleClaim,
    Sentence,
    Severity,
    TimeKind,
    TimeMention,
    TimeValue,
)
from histograph.store import Store, open_store
from histograph.store.memory import MemoryStore
from histograph.store.sqlite import SQLiteStore
from pg_server import Server

T = TypeVar("T")

# any text SQLite can hold: every code point but lone surrogates (NUL included)
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
short = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=6)
maybe_text = st.none() | text
offset = st.integers(min_value=-(2**40), max_value=2**40)
day = st.integers(min_value=-(2**31), max_value=2**31)
maybe_int = st.none() | offset


def lit(t: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(get_args(t))


@st.composite
def time_values(draw: st.DrawFn) -> TimeValue:
    a, b = sorted((draw(day), draw(day)))
    return TimeValue(
        value=draw(text),
        earliest=a,
        latest=b,
        precision=draw(lit(Precision)),
        calendar=draw(text),
        source_calendar=draw(text),
        anchor=draw(lit(Anchor)),
        approximate=draw(st.booleans()),
    )


maybe_time = st.none() | time_values()
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)


def participants() -> st.SearchStrategy[Participant]:
    return st.builds(Participant, name=text, role=text, start=offset, end=offset, key=maybe_text)


def event_mentions(doc_id: str) -> st.SearchStrategy[EventMention]:
    return st.builds(
        EventMention,
        doc_id=st.just(doc_id),
        start=offset,
        end=offset,
        trigger_start=offset,
        trigger_end=offset,
        type=text,
        time=maybe_time,
        time_start=maybe_int,
        time_end=maybe_int,
        place=maybe_text,
        participants=st.lists(participants(), max_size=3).map(tuple),
        modality=lit(Modality),
        region_kind=lit(RegionKind),
        confidence=st.floats(allow_nan=False, allow_infinity=False),
    )


def entity_mentions(doc_id: str) -> st.SearchStrategy[EntityMention]:
    return st.builds(
        EntityMention,
        doc_id=st.just(doc_id),
        start=offset,
        end=offset,
        text=text,
        label=text,
        key=maybe_text,
    )


def role_claims(doc_id: str) -> st.SearchStrategy[RoleClaim]:
    return st.builds(
        RoleClaim,
        doc_id=st.just(doc_id),
        start=offset,
        end=offset,
        person=text,
        title=text,
        office=maybe_text,
        jurisdiction=maybe_text,
        began=maybe_time,
        ended=maybe_time,
    )


def small(s: st.SearchStrategy[T], n: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(s, max_size=n).map(tuple)


@st.composite
def analyses(draw: st.DrawFn, doc_id: str | None = None) -> Analysis:
    doc_id = doc_id if doc_id is not None else draw(short)
    body = draw(st.text(st.characters(exclude_categories=("Cs",)), max_size=80))
    n = len(body)
    pos = st.integers(min_value=0, max_value=n)
    doc = Document(
        id=doc_id,
        uri=draw(text),
        text=body,
        format=draw(text),
        title=draw(maybe_text),
        published=draw(maybe_time),
        meta=draw(st.dictionaries(text, json_values, max_size=3)),
    )
    return Analysis(
        document=doc,
        regions=draw(small(st.builds(Region, st.just(doc_id), offset, offset, lit(RegionKind)))),
        sentences=draw(small(st.builds(Sentence, st.just(doc_id), pos, pos, lit(RegionKind)))),
        times=draw(
            small(
                st.builds(
                    TimeMention,
                    doc_id=st.just(doc_id),
                    start=offset,
                    end=offset,
                    text=text,
                    kind=lit(TimeKind),
                    value=maybe_time,
                    timex=maybe_text,
                    document_date=st.booleans(),
                    anchor_start=maybe_int,
                )
            )
        ),
        entities=draw(small(entity_mentions(doc_id))),
        roles=draw(small(role_claims(doc_id))),
        events=draw(small(event_mentions(doc_id))),
        published=draw(maybe_time),
    )


@st.composite
def knowledge_bases(draw: st.DrawFn) -> KnowledgeBase:
    doc_ids = draw(st.lists(short, min_size=1, max_size=3, unique=True))
    docs = tuple(draw(analyses(doc_id=d)) for d in doc_ids)
    any_doc = st.sampled_from(doc_ids)

    def claims() -> st.SearchStrategy[Claim]:
        return st.builds(Claim, text, text, text, any_doc, offset, offset, st.booleans())

    shared_claims = draw(st.lists(claims(), max_size=3))
    claim = st.sampled_from(shared_claims) | claims() if shared_claims else claims()
    events = draw(
        st.lists(
            st.builds(
                Event,
                id=text,
                type=text,
                title=text,
                date=maybe_time,
                mentions=small(any_doc.flatmap(event_mentions)),
                claims=small(claim),
                place=maybe_text,
                participants=small(text),
                support=st.integers(0, 2**31),
                independent_support=st.integers(0, 2**31),
            ),
            max_size=4,
            unique_by=lambda e: e.id,
        )
    )
    people = draw(
        st.lists(
            st.builds(
                Person,
                id=text,
                name=text,
                aliases=small(text),
                mentions=small(any_doc.flatmap(entity_mentions)),
                roles=small(any_doc.flatmap(role_claims)),
                kind=text,
                authority_id=maybe_text,
            ),
            max_size=4,
            unique_by=lambda p: p.id,
        )
    )
    conflicts = draw(
        st.lists(
            st.builds(
                Conflict,
                id=text,
                subject=text,
                subject_kind=st.sampled_from(["event", "person"]),
                attribute=text,
                values=small(st.builds(ConflictValue, text, small(claim))),
                kind=lit(ConflictKind),
                severity=lit(Severity),
                explanation=text,
            ),
            max_size=3,
            unique_by=lambda k: k.id,
        )
    )
    copies = draw(
        small(
            st.builds(CopyLink, any_doc, any_doc, st.floats(allow_nan=False, allow_infinity=False))
        )
    )
    return KnowledgeBase(
        analyses=docs,
        events=tuple(events),
        people=tuple(people),
        conflicts=tuple(conflicts),
        copies=copies,
    )


@pytest.fixture(scope="module")
def pg_url(postgres_shared_url: str | None) -> str | None:
    """The session's PostgreSQL schema (emptied before each example), or None."""
    return postgres_shared_url


@contextmanager
def stores(server: Server | None, url: str | None) -> Iterator[list[Store]]:
    """Memory, SQLite and (when a server is available) PostgreSQL, all empty."""
    with tempfile.TemporaryDirectory() as tmp:
        opened: list[Store] = [SQLiteStore(Path(tmp) / "prop.db")]
        if server is not None and url is not None:
            server.clear(url)
            opened.append(open_store(url))
        try:
            yield [MemoryStore(), *opened]
        finally:
            for s in opened:
                s.close()


@settings(max_examples=60, deadline=None)
@given(items=st.lists(analyses(), max_size=3, unique_by=lambda a: a.document.id))
def test_analyses_round_trip(
    items: list[Analysis], postgres_server: Server | None, pg_url: str | None
) -> None:
    with stores(postgres_server, pg_url) as backends:
        for s in backends:
            for a in items:
                assert s.add_analysis(a) is True
            for a in items:
                assert s.add_analysis(a) is False
            expected = sorted(items, key=lambda a: a.document.id)
            got = list(s.analyses())
            assert got == expected
            # meta is not part of Document equality: compare it on its own
            assert [g.document.meta for g in got] == [e.document.meta for e in expected]
            for a in items:
                assert s.analysis(a.document.id) == a
                assert s.document(a.document.id) == a.document
                if a.sentences:
                    sent = a.sentences[0]
                    want = a.document.text[sent.start : sent.end]
                    assert s.quote(a.document.id, sent.start, sent.end) == want


@settings(max_examples=40, deadline=None)
@given(kb=knowledge_bases())
def test_knowledge_round_trip(
    kb: KnowledgeBase, postgres_server: Server | None, pg_url: str | None
) -> None:
    with stores(postgres_server, pg_url) as backends:
        for s in backends:
            s.replace_knowledge(kb)
            assert sorted(s.events(), key=lambda e: e.id) == sorted(kb.events, key=lambda e: e.id)
            for e in kb.events:
                assert s.event(e.id) == e
            assert s.people() == list(kb.people)
            for p in kb.people:
                found = s.person(p.id)
                assert found is not None and found.id == p.id
            assert s.conflicts() == list(kb.conflicts)
            # the store returns copy links in its own canonical order (the API sorts them)
            by_pair = lambda c: (c.doc_id, c.source_id)  # noqa: E731
            assert sorted(s.copies(), key=by_pair) == sorted(kb.copies, key=by_pair)
            assert list(s.analyses()) == sorted(kb.analyses, key=lambda a: a.document.id)
        memory, *sql = backends
        for s in sql:
            assert memory.stats() == s.stats()
            assert [e.id for e in memory.events()] == [e.id for e in s.events()]
