"""The shared part of :mod:`.views`: page sizes and limits, the filters and paging
helpers, and :class:`ViewsBase`, the lookups every page family reads through (cached per
state of the store) and the summary of an event."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..api import DateArgumentError, Histograph, parse_date_arg
from ..model import (
    Conflict,
    Document,
    Event,
    Person,
    TimeValue,
)
from ..render.present import (
    date_label,
    existed,
    is_imprecise,
    one_line,
    precision_note,
    type_label,
)
from ..render.serialise import Serialiser, time_dict
from ..render.titles import headline, headline_text, plain

PAGE_SIZE = 50
MAX_PAGE = 500
#: at most this many events are drawn on the interactive timeline at once
MAX_TIMELINE_ITEMS = 500  # drawn on the first view (each a whole event: keep it fast)
#: participants and sources offered as timeline filters: the most frequent (any other can
#: still be chosen by its id in the URL)
MAX_FACETS = 200
#: events listed on a person's page (the timeline filtered by the person has them all)
PERSON_EVENTS = 200
#: a person page counts the person's events exactly up to this many (beyond: "at least")
PERSON_COUNT_UP_TO = 20_000
#: documents kept read by the pages (their quotes and names), at most
KEPT_DOCUMENTS = 2000
#: sets of drawn timeline items kept (one per filter), at most
KEPT_ITEM_SETS = 32

_CLASS_SAFE = re.compile(r"[^a-z0-9_-]+")


class NotFound(LookupError):
    """No event, person or document with that id."""


class BadRequest(ValueError):
    """A parameter that cannot be understood (a malformed date, span …)."""


def css_class(text: str) -> str:
    return _CLASS_SAFE.sub("-", text.lower()).strip("-") or "x"


@dataclass(frozen=True)
class Filters:
    """Timeline filters, as given in a query string."""

    start: str | None = None
    end: str | None = None
    type: str | None = None
    entity: str | None = None
    source: str | None = None

    def bounds(self) -> tuple[int | None, int | None]:
        try:
            earliest = parse_date_arg(self.start).earliest if self.start else None
            latest = parse_date_arg(self.end).latest if self.end else None
        except DateArgumentError as exc:
            raise BadRequest(str(exc)) from None
        return earliest, latest

    def as_dict(self) -> dict[str, str | None]:
        return {
            "from": self.start,
            "to": self.end,
            "type": self.type,
            "entity": self.entity,
            "source": self.source,
        }

    def active(self) -> bool:
        return any(self.as_dict().values())


def page_info(total: int, limit: int, offset: int) -> dict[str, Any]:
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if offset + limit < total else None,
        "prev_offset": max(0, offset - limit) if offset > 0 else None,
    }


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise BadRequest(f"limit must be between 1 and {MAX_PAGE}")
    if offset < 0:
        raise BadRequest("offset must not be negative")


def date_info(tv: TimeValue | None) -> dict[str, Any]:
    """The date of an event for display: label, precision note, range flag."""
    return {
        "date": time_dict(tv),
        "date_label": date_label(tv),
        "precision_note": precision_note(tv) if tv else "",
        "imprecise": is_imprecise(tv),
    }


def source_name(uri: str, title: str | None) -> str:
    """A short name for a source: its title, else the tail of its uri."""
    if title and title.strip():
        return one_line(title)[:120]
    tail = uri.rstrip("/").rsplit("/", 1)[-1]
    return tail or uri


class ViewsBase:
    """What every family of pages shares: the cached lookups (names, flags, documents,
    facets per state of the store), the summary of an event and the dict of a conflict."""

    def __init__(self, hg: Histograph) -> None:
        self.hg = hg
        #: documents by id (ids are content hashes: a document never changes), read for
        #: a whole page of events at once where the store offers it (see :meth:`prefetch`)
        self._documents: dict[str, Document | None] = {}
        self.s = Serialiser(self.quote, self.document)
        self._cache_key: tuple[object, ...] | None = None
        self._facets: dict[str, Any] = {}
        #: the drawn timeline's items by filter (see :meth:`timeline_items`)
        self._items: dict[tuple[tuple[str, str | None], ...], dict[str, Any]] = {}
        self._names: dict[str, Person | None] = {}
        #: conflict attributes by subject and (name, kind) by entity id, read for a whole
        #: page of events at once where the store offers it (see :meth:`prefetch`)
        self._conflict_attrs: dict[str, list[str]] = {}
        self._refs: dict[str, tuple[str, str]] = {}
        self._docs: dict[str, dict[str, Any]] = {}
        self._checked = 0.0

    def warm(self) -> None:
        """Read the data the pages need (event type labels, the words of headlines and
        dates, the gazetteer of states) now: a server pays it at its start, not its first
        reader (about half a second of YAML)."""
        day = TimeValue("2000-01-01", 730119, 730119, "day")
        type_label("meeting")
        headline_text(plain("On 3 May 1712, *they* signed it."))
        date_label(day)
        existed("s-", day)

    # ------------------------------------------------------------ shared lookups
    def _refresh(self) -> None:
        """Facets and names are read once per state of the store (checked at most every
        couple of seconds: the store is read-only here, but another process may re-ingest
        into the same file). The state is the store's generation counters and, where the
        store offers it, its knowledge token (a rebuild rewrites the knowledge without a
        new document): cheap reads, not a count of every table."""
        now = time.monotonic()
        if self._cache_key is not None and now - self._checked < 2.0:
            return
        self._checked = now
        token = getattr(self.hg.store, "knowledge_token", None)
        flat = (
            self.hg.store.generation(),
            int(self.hg.store.knowledge_stale()),
            None if token is None else token(),
        )
        if flat == self._cache_key:
            return
        self._cache_key = flat
        self._facets = {}
        self._items = {}
        self._names = {}
        self._conflict_attrs = {}
        self._refs = {}

    def document(self, doc_id: str) -> Document | None:
        """A stored document (kept: at most :data:`KEPT_DOCUMENTS` at a time)."""
        if doc_id not in self._documents:
            self._keep_documents({doc_id: self.hg.document(doc_id)})
        return self._documents[doc_id]

    def quote(self, doc_id: str, start: int, end: int) -> str:
        """The exact source text of a span ("" for an unknown document)."""
        d = self.document(doc_id)
        return d.text[start:end] if d is not None else ""

    def _keep_documents(self, found: Mapping[str, Document | None]) -> None:
        if len(self._documents) + len(found) > KEPT_DOCUMENTS:
            self._documents = {}
        self._documents.update(found)

    def prefetch_documents(self, doc_ids: Iterable[str]) -> None:
        """Read the documents of ``doc_ids`` not yet kept in one query where the store
        offers it (a page's quotes and source names: not one query per document)."""
        bulk = getattr(self.hg.store, "documents_by_id", None)
        todo = sorted(set(doc_ids) - self._documents.keys())
        if bulk is not None and todo:
            found = bulk(todo[:KEPT_DOCUMENTS])
            self._keep_documents({i: found.get(i) for i in todo[:KEPT_DOCUMENTS]})

    def conflicts_of(self, subject: str) -> list[Conflict]:
        return self.hg.conflicts(subject, limit=None)

    def prefetch(self, events: Sequence[Event]) -> None:
        """Read the conflict attributes and participant names of ``events`` in two queries
        (a page of the timeline, its 500 drawn items) instead of two per event."""
        self._refresh()
        store = self.hg.store
        self.prefetch_documents(
            {m.doc_id for e in events for m in e.mentions}
            | {c.doc_id for e in events for c in e.claims}
        )
        attrs = getattr(store, "conflict_attributes", None)
        if attrs is not None:
            todo = [e.id for e in events if e.id not in self._conflict_attrs]
            if todo:
                found = attrs(todo)
                for i in todo:
                    self._conflict_attrs[i] = found.get(i, [])
        refs = getattr(store, "entity_refs", None)
        if refs is not None:
            ids = sorted({p for e in events for p in e.participants} - self._refs.keys())
            if ids:
                # only ids found as ids: another key is looked up by name, as before
                self._refs.update(refs(ids))

    def _flags(self, e: Event) -> dict[str, Any]:
        known = self._conflict_attrs.get(e.id)
        if known is not None:
            return {
                "conflicts": len(known),
                "disputed": "date" in known,
                "conflict_attributes": sorted(set(known)),
            }
        cs = self.conflicts_of(e.id)
        return {
            "conflicts": len(cs),
            "disputed": any(c.attribute == "date" for c in cs),
            "conflict_attributes": sorted({c.attribute for c in cs}),
        }

    def entity(self, entity_id: str) -> Person | None:
        if entity_id not in self._names:
            self._names[entity_id] = self.hg.person(entity_id)
        return self._names[entity_id]

    def entity_ref(self, entity_id: str) -> dict[str, Any]:
        ref = self._refs.get(entity_id)
        if ref is not None:
            return {"id": entity_id, "name": ref[0], "kind": ref[1], "known": True}
        p = self.entity(entity_id)
        return {
            "id": entity_id,
            "name": p.name if p else entity_id,
            "kind": p.kind if p else "unknown",
            "known": p is not None,
        }

    def doc_ref(self, doc_id: str) -> dict[str, Any]:
        """A document's id, uri and name (documents never change: ids are content hashes)."""
        if doc_id in self._docs:
            return dict(self._docs[doc_id])
        d = self.document(doc_id)
        if d is None:
            return {"id": doc_id, "uri": doc_id, "title": None, "name": doc_id}
        self._docs[doc_id] = {
            "id": doc_id,
            "uri": d.uri,
            "title": d.title,
            "name": source_name(d.uri, d.title),
        }
        return dict(self._docs[doc_id])

    def summary(self, e: Event) -> dict[str, Any]:
        out = self.s.event_summary(e)
        out.update(date_info(e.date))
        out.update(self._flags(e))
        out["type_label"] = type_label(e.type)
        out["participants"] = [self.entity_ref(p) for p in e.participants if existed(p, e.date)]
        out["source_ids"] = sorted({m.doc_id for m in e.mentions})
        return out

    def _claims_by_attribute(self, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        groups: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for c in claims:
            groups.setdefault(c["attribute"], {}).setdefault(c["value"], []).append(c)
        out = []
        for attribute, values in groups.items():
            rows = []
            for value, cs in values.items():
                rows.append(
                    {
                        "value": value,
                        "label": cs[0].get("label", value),
                        "support": len({c["doc_id"] for c in cs}),
                        "independent_support": len({c["doc_id"] for c in cs if c["independent"]}),
                        "claims": [{**c, "source": self.doc_ref(c["doc_id"])} for c in cs],
                    }
                )
            out.append({"attribute": attribute, "values": rows})
        return out

    # ------------------------------------------------------------ conflicts
    def conflict(self, c: Conflict, events: Mapping[str, Event] | None = None) -> dict[str, Any]:
        """A conflict's row (``events``: its subject event when already read)."""
        row = self.s.conflict(c)
        if c.subject_kind == "event":
            e = events[c.subject] if events and c.subject in events else self.hg.event(c.subject)
            row["subject_label"] = headline(e, self.quote) if e else c.subject
        else:
            p = self.entity(c.subject)
            row["subject_label"] = p.name if p else c.subject
        for v in row["values"]:
            shown: list[dict[str, Any]] = []
            seen: set[tuple[str, str]] = set()
            for src in v["sources"]:  # one source's same words once
                key = (src["doc_id"], " ".join(src["quote"].split()))
                if key not in seen:
                    seen.add(key)
                    src["source"] = self.doc_ref(src["doc_id"])
                    shown.append(src)
            v["sources"] = shown
        return row

    # ------------------------------------------------------------ overview
    def overview(self) -> dict[str, Any]:
        stats = self.hg.stats()
        return {"stats": stats}
