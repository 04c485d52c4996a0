"""Storage: the ``Store`` protocol and its backends.

``open_store("histograph.db")`` or ``open_store("sqlite:///path.db")`` gives the SQLite
backend, ``open_store(":memory:")`` / ``open_store("memory://")`` the in-memory one
(tests), and ``postgresql://...`` is reserved for the PostgreSQL backend.

Two layers are stored:

- per-document analyses (:meth:`Store.add_analysis`), written once per document id and
  never changed (documents are identified by a content hash, so re-ingesting is a no-op);
- the merged knowledge (events, people and other entities, claims, conflicts, copy
  links), replaced wholesale by :meth:`Store.replace_knowledge` after each merge.

Every write is one transaction: an exception leaves the store as it was.
Lists that can grow large take ``limit``/``offset``; a ``limit`` of ``None`` means all.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self

from ..entities.authority import AuthorityRecord
from ..model import (
    Analysis,
    Conflict,
    CopyLink,
    Document,
    Event,
    KnowledgeBase,
    Person,
)
from .common import StoreError, exact_on, falls_on


@dataclass(frozen=True)
class SearchHit:
    """One sentence matching a search: its span, text and the document it is in."""

    doc_id: str
    start: int
    end: int
    text: str
    score: float = 0.0  # higher is better; comparable within one result list only
    region_kind: str = "narrative"
    uri: str = ""
    title: str | None = None


class Store(Protocol):
    """What every backend provides. Writes are idempotent; reads return model objects."""

    # ------------------------------------------------ documents and per-document analyses
    def has_document(self, doc_id: str) -> bool: ...

    def add_analysis(self, analysis: Analysis) -> bool:
        """Store one document's analysis in one transaction; False (and no change) if the
        document id is already stored. Raises ValueError (E011/E012) for an analysis whose
        records name another document or whose strings cannot be stored."""
        ...

    def analyses(self) -> Iterator[Analysis]:
        """Every stored analysis, exactly as added, ordered by document id."""
        ...

    def analysis(self, doc_id: str) -> Analysis | None: ...

    def documents(self, *, limit: int | None = None, offset: int = 0) -> list[Document]:
        """Documents ordered by uri, then id."""
        ...

    def document(self, doc_id: str) -> Document | None: ...

    def quote(self, doc_id: str, start: int, end: int) -> str | None:
        """``text[start:end]`` of a stored document; None if the document is unknown."""
        ...

    # ------------------------------------------------ the merged knowledge
    def replace_knowledge(self, kb: KnowledgeBase) -> None:
        """Replace events, entities, claims, conflicts and copies by those of ``kb`` in one
        transaction; ``kb.analyses`` not yet stored are added first. Raises ValueError
        (E013) when the knowledge cites a document the store does not hold, (E014) for
        duplicate ids; the store is then unchanged."""
        ...

    def copies(self) -> list[CopyLink]:
        """Copy links in the order written."""
        ...

    # ------------------------------------------------ the authority file (user input)
    def replace_authority(self, records: Sequence[AuthorityRecord]) -> None:
        """Replace the stored authority records (the user's file) in one transaction; the
        merged knowledge is not touched (rebuild to apply them)."""
        ...

    def authority(self) -> list[AuthorityRecord]:
        """The stored authority records, in the order written."""
        ...

    def events(
        self,
        *,
        earliest: int | None = None,
        latest: int | None = None,
        entity: str | None = None,
        type: str | None = None,
        source: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events ordered by date (``earliest`` day, then ``latest`` day, then the order
        written), undated events last.

        ``earliest``/``latest`` are day numbers (:func:`histograph.model.day_number`); an
        event matches when its date interval overlaps ``[earliest, latest]`` (undated
        events never match a date filter). ``entity`` matches an event when one of its
        participant entity ids equals it, or is an entity whose name or alias equals it
        case-insensitively, or one of its mentions has a participant so named (or with
        that key). ``type`` is an event type id; ``source`` a document id the event is
        mentioned in."""
        ...

    def count_events(
        self,
        *,
        earliest: int | None = None,
        latest: int | None = None,
        entity: str | None = None,
        type: str | None = None,
        source: str | None = None,
    ) -> int:
        """How many events :meth:`events` would return without ``limit``/``offset``."""
        ...

    def event(self, event_id: str) -> Event | None: ...

    def on_this_day(self, month: int, day: int) -> list[Event]:
        """Events whose date can fall on that month and day, in any year, by date.

        The rule (:func:`histograph.store.common.falls_on`): day- or time-precision dates
        on that very day; month-precision dates of that month (when the month has that
        day); intervals of at most 31 days containing that day. Only the first kind is
        exact: callers mark the others as imprecise (:func:`exact_on` tells them apart).
        Raises ValueError (E018) for an impossible month/day."""
        ...

    def people(
        self,
        *,
        kind: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Person]:
        """Entities in the order written; ``kind`` ("person", "state", ...) filters,
        ``query`` keeps those whose name or an alias contains it (case-insensitive)."""
        ...

    def person(self, name: str) -> Person | None:
        """An entity by exact id, else by name, else by alias (case-insensitive); the
        first written wins among equals."""
        ...

    def conflicts(
        self, subject: str | None = None, *, limit: int | None = None, offset: int = 0
    ) -> list[Conflict]:
        """Conflicts in the order written, optionally only those about ``subject``."""
        ...

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Sentences matching ``query``, best first. The SQLite backend accepts FTS5
        syntax (phrases, OR, NOT, prefix*) and falls back to plain words on a syntax
        error; any user input is safe (an empty query gives no hits)."""
        ...

    def stats(self) -> dict[str, int]:
        """Row counts: documents, regions, sentences, time_mentions, entity_mentions,
        roles, event_mentions, entities, people (entities of kind person), events,
        claims (distinct), conflicts, copies."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def open_store(url: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> Store:
    """Open a store by URL or path; default ``./histograph.db``.

    ``readonly`` opens an SQLite file without writing to it (the web UI); it must exist
    and be up to date with the migrations.
    """
    url = os.fspath(url) if url is not None else "histograph.db"
    if url in (":memory:", "memory://"):
        from .memory import MemoryStore

        return MemoryStore()
    if url.startswith(("postgresql://", "postgres://")):
        raise NotImplementedError("E010 the PostgreSQL backend is not available yet")
    from .sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"), readonly=readonly)


__all__ = ["SearchHit", "Store", "StoreError", "exact_on", "falls_on", "open_store"]
