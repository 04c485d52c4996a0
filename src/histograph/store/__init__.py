"""Storage: the ``Store`` protocol and its backends.

``open_store("histograph.db")`` or ``open_store("sqlite:///path.db")`` gives the SQLite
backend, ``open_store(":memory:")`` / ``open_store("memory://")`` the in-memory one
(tests), and ``postgresql://...`` is reserved for the PostgreSQL backend.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import (
    Analysis,
    Conflict,
    CopyLink,
    Document,
    Event,
    KnowledgeBase,
    Person,
)


@dataclass(frozen=True)
class SearchHit:
    doc_id: str
    start: int
    end: int
    text: str
    score: float = 0.0


class Store(Protocol):
    """What every backend provides. Writes are idempotent; reads return model objects."""

    # documents and per-document analyses
    def has_document(self, doc_id: str) -> bool: ...
    def add_analysis(self, analysis: Analysis) -> bool:
        """Store one document's analysis; False (and no change) if the document is known."""
        ...
    def analyses(self) -> Iterator[Analysis]: ...
    def documents(self) -> list[Document]: ...
    def document(self, doc_id: str) -> Document | None: ...

    # the merged knowledge (replaced wholesale after each merge)
    def replace_knowledge(self, kb: KnowledgeBase) -> None: ...
    def copies(self) -> list[CopyLink]: ...
    def events(
        self,
        *,
        earliest: int | None = None,
        latest: int | None = None,
        entity: str | None = None,
        type: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Event]:
        """Events ordered by date; ``earliest``/``latest`` are day numbers (overlap test);
        ``entity`` matches any participant's name or alias (case-insensitive)."""
        ...
    def event(self, event_id: str) -> Event | None: ...
    def on_this_day(self, month: int, day: int) -> list[Event]:
        """Events whose date interval can fall on that month and day, in any year."""
        ...
    def people(self) -> list[Person]: ...
    def person(self, name: str) -> Person | None:
        """A person by id, name or alias (case-insensitive)."""
        ...
    def conflicts(self, subject: str | None = None) -> list[Conflict]: ...
    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...
    def close(self) -> None: ...


def open_store(url: str | None = None) -> Store:
    """Open a store by URL or path; default ``./histograph.db``."""
    url = url or "histograph.db"
    if url in (":memory:", "memory://"):
        from .memory import MemoryStore

        return MemoryStore()
    if url.startswith(("postgresql://", "postgres://")):
        raise NotImplementedError("E010 the PostgreSQL backend is not available yet")
    from .sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"))


__all__ = ["SearchHit", "Store", "open_store", "Sequence"]
