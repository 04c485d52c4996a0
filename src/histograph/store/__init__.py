"""Storage: the ``Store`` protocol and its backends.

``open_store("histograph.db")`` or ``open_store("sqlite:///path.db")`` gives the SQLite
backend, ``open_store(":memory:")`` / ``open_store("memory://")`` the in-memory one
(tests), and ``open_store("postgresql://...")`` the PostgreSQL one (:mod:`.postgres`).

Two layers are stored:

- per-document analyses (:meth:`Store.add_analysis`), written once per document id and
  never changed (documents are identified by a content hash, so re-ingesting is a no-op);
- the merged knowledge (events, people and other entities, claims, conflicts, copy
  links), replaced by :meth:`Store.replace_knowledge` after each merge (the SQLite backend
  writes only the rows that changed, and with :class:`IncrementalStore` replaces the
  knowledge of some components of the corpus alone).

Every write is one transaction: an exception leaves the store as it was.
Lists that can grow large take ``limit``/``offset``; a ``limit`` of ``None`` means all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

from ..model import (
    Analysis,
    AuthorityRecord,
    Conflict,
    CopyLink,
    Document,
    Event,
    KnowledgeBase,
    Person,
    TimeValue,
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


@dataclass(frozen=True)
class EventSummary:
    """What the drawn timeline shows of an event (``event_summaries`` of the SQL stores):
    its row, the ids of its participants and sources and the attributes its conflicts are
    about, read by index without its mentions, claims or quotes."""

    id: str
    type: str
    title: str
    date: TimeValue | None
    place: str | None
    support: int
    independent_support: int
    participants: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    conflict_attributes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacetEntity:
    """A participant on the timeline: its entity id, how many events it takes part in, and
    its name and kind (None when no stored entity has that id)."""

    id: str
    count: int
    name: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class FacetSource:
    """A source on the timeline: its document id, how many events it states, uri, title."""

    id: str
    count: int
    uri: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Facets:
    """What the timeline can be filtered by, with event counts (:meth:`Store.facets`):
    every type (by id), and entities and sources most frequent first (ties by id)."""

    types: list[tuple[str, int]]
    entities: list[FacetEntity]
    sources: list[FacetSource]


@dataclass(frozen=True)
class DocumentVersion:
    """A document taken out of the knowledge base: replaced by a newer version of the same
    path (``new_id``) or removed (``new_id`` None, ``change`` "removed")."""

    uri: str
    old_id: str
    new_id: str | None
    change: str  # replaced | removed
    at: str  # ISO 8601, UTC


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

    def document_origins(self) -> list[tuple[str, str | None]]:
        """(id, origin) of every stored document, in the order they were stored. The origin
        (``Document.meta["origin"]``, set by the file readers) names the file, or the record
        of a file, a document was read from; a newer document of the same origin is a new
        version of it. None for documents not read from a file (standard input, the API)."""
        ...

    # ------------------------------------------------ freshness and versions
    def generation(self) -> int:
        """A counter that grows with every change of the stored documents or authority."""
        ...

    def knowledge_stale(self) -> bool:
        """True when the merged knowledge was not built from the documents stored now (a
        merge that did not finish, or documents added since): re-merge to repair it."""
        ...

    def versions(self) -> list[DocumentVersion]:
        """Documents retired (replaced or removed), in the order it happened."""
        ...

    # ------------------------------------------------ the merged knowledge
    def replace_knowledge(
        self,
        kb: KnowledgeBase,
        *,
        generation: int | None = None,
        retire: Mapping[str, str | None] | None = None,
    ) -> None:
        """Replace events, entities, claims, conflicts and copies by those of ``kb`` in one
        transaction; ``kb.analyses`` not yet stored are added first, and the documents of
        ``retire`` (old id -> new id, None when removed) are deleted with their analyses and
        recorded in :meth:`versions`. ``generation`` is :meth:`generation` as read before
        the knowledge was built: the knowledge is marked fresh only when no document
        changed since (None: it is fresh). Raises ValueError (E013) when the knowledge
        cites a document the store does not hold (or retires), (E014) for duplicate ids;
        the store is then unchanged."""
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
        after: str | None = None,
    ) -> list[Event]:
        """Events ordered by date (``earliest`` day, then ``latest`` day, then the order
        written), undated events last.

        ``after`` is an event id (the last of the previous page): the events after it in
        this order (then ``offset``/``limit``), as fast deep in the list as at its start.
        Raises ValueError (E031) for an id that is not stored.

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

    def events_at(self, doc_id: str, start: int, end: int) -> list[Event]:
        """Events with a mention in document ``doc_id`` overlapping ``[start, end)``, in
        timeline order (what a sentence of a source states)."""
        ...

    def on_this_day(
        self, month: int, day: int, *, limit: int | None = None, offset: int = 0
    ) -> list[Event]:
        """Events whose date can fall on that month and day, in any year, by date.

        The rule (:func:`histograph.store.common.falls_on`): day- or time-precision dates
        on that very day; month-precision dates of that month (when the month has that
        day); intervals of at most 31 days containing that day. Only the first kind is
        exact: callers mark the others as imprecise (:func:`exact_on` tells them apart).
        Raises ValueError (E018) for an impossible month/day."""
        ...

    def count_on_this_day(self, month: int, day: int) -> int:
        """How many events :meth:`on_this_day` would return without ``limit``/``offset``."""
        ...

    def facets(self, limit: int | None = None) -> Facets:
        """Event counts by type, participant entity and source document (each event once
        per source); of entities and sources the ``limit`` most frequent (None: all)."""
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

    def count_people(self, *, kind: str | None = None, query: str | None = None) -> int:
        """How many entities :meth:`people` would return without ``limit``/``offset``."""
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

    def count_conflicts(self, subject: str | None = None) -> int:
        """How many conflicts :meth:`conflicts` would return without ``limit``/``offset``."""
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


def is_postgres_url(url: str) -> bool:
    """True for a ``postgresql://`` / ``postgres://`` URL (the PostgreSQL backend)."""
    return url.startswith(("postgresql://", "postgres://"))


def redact_url(url: str) -> str:
    """A connection URL without its password (for messages)."""
    return re.sub(r"^(\w+://[^:/@]*):[^@/]*@", r"\1:***@", url)


@runtime_checkable
class IncrementalStore(Protocol):
    """A store that keeps each document's component keys and replaces the knowledge of
    some documents alone (:mod:`histograph.merge.incremental`): SQLite. ``replace_knowledge``
    then takes ``scope``, the documents the knowledge given is that of, and raises
    :class:`~.common.ScopeError` when a record of it has the id of a record kept."""

    def incremental_ready(self) -> bool: ...

    def docs_without_merge_keys(self, version: int) -> list[str]: ...

    def pending_documents(self) -> list[str]: ...

    def same_origin(self, doc_ids: Sequence[str]) -> list[tuple[str, str | None]]: ...

    def put_merge_keys(
        self, keys: Mapping[str, Mapping[str, int]], version: int, *, merged: bool = False
    ) -> None: ...

    def merge_keys(self, doc_ids: Sequence[str]) -> dict[str, dict[str, int]]: ...

    def merge_key_holders(self, keys: Sequence[str]) -> dict[str, list[tuple[str, int]]]: ...

    def analyses_of(self, doc_ids: Sequence[str]) -> list[Analysis]:
        """The stored analyses of ``doc_ids`` (unknown ids left out), in the order given."""
        ...

    def analysis(self, doc_id: str) -> Analysis | None: ...

    def replace_knowledge(
        self,
        kb: KnowledgeBase,
        *,
        generation: int | None = None,
        retire: Mapping[str, str | None] | None = None,
        scope: Collection[str] | None = None,
    ) -> None: ...


def open_store(url: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> Store:
    """Open a store by URL or path; default ``./histograph.db``.

    ``postgresql://user@host:port/dbname`` (or ``postgres://``; any libpq URL) opens the
    PostgreSQL backend, creating or upgrading its tables (needs the ``postgres`` extra).

    ``readonly`` opens the store without writing to it (the web UI); it must exist and be
    up to date with the migrations.
    """
    url = os.fspath(url) if url is not None else "histograph.db"
    if url in (":memory:", "memory://"):
        from .memory import MemoryStore

        return MemoryStore()
    if is_postgres_url(url):
        try:
            from .postgres import PostgresStore
        except ImportError:
            raise StoreError(
                "E010 a postgresql:// database needs psycopg: "
                "pip install 'histograph[postgres]'"
            ) from None
        return PostgresStore(url, readonly=readonly)
    from .sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"), readonly=readonly)


__all__ = [
    "DocumentVersion",
    "IncrementalStore",
    "SearchHit",
    "Store",
    "StoreError",
    "exact_on",
    "falls_on",
    "is_postgres_url",
    "open_store",
    "redact_url",
]
