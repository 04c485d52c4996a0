"""What every page shows, as JSON-ready dicts built from the Python API.

The web pages, the JSON API (``/api/...``) and the static site export all render these
dicts, so a page never knows anything its API does not return. Nothing here writes to the
store, and nothing here produces markup: escaping is the templates' job (autoescape on).

One module of about 930 lines because every page's dict shares the same cached lookups
(names, flags, documents, facets per store state) and the same summary of an event; split,
the pages would each keep a copy of those caches or reach into another module's.
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import math
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..api import DateArgumentError, Histograph, parse_date_arg, parse_month_day
from ..model import (
    CONTENT_REGIONS,
    Conflict,
    Document,
    Event,
    Person,
    TimeValue,
    civil_from_day,
)
from ..render.present import (
    context,
    date_label,
    existed,
    is_imprecise,
    one_line,
    precision_note,
    type_label,
)
from ..render.serialise import Serialiser, iso_day, time_dict
from ..render.titles import headline, headline_text, plain
from ..store import EventSummary, exact_on

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


class Views:
    """Builds page data from a :class:`Histograph` (opened read-only by the web app)."""

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
        out["participants"] = [
            self.entity_ref(p) for p in e.participants if existed(p, e.date)
        ]
        out["source_ids"] = sorted({m.doc_id for m in e.mentions})
        return out

    # ------------------------------------------------------------ timeline
    def facets(self) -> dict[str, Any]:
        """Types, participants and sources present on the timeline (for the filters)."""
        self._refresh()
        if self._facets:
            return self._facets
        found = self.hg.facets(MAX_FACETS)
        self._facets = {
            "types": [{"id": t, "label": type_label(t), "count": n} for t, n in found.types],
            "entities": sorted(
                (
                    {
                        "id": f.id,
                        "name": f.name if f.name is not None else f.id,
                        "kind": f.kind if f.kind is not None else "unknown",
                        "known": f.name is not None,
                        "count": f.count,
                    }
                    for f in found.entities
                ),
                key=lambda r: (str(r["name"]).lower(), r["id"]),
            ),
            "sources": sorted(
                (
                    {
                        "id": f.id,
                        "uri": f.uri if f.uri is not None else f.id,
                        "title": f.title,
                        "name": source_name(f.uri, f.title) if f.uri is not None else f.id,
                        "count": f.count,
                    }
                    for f in found.sources
                ),
                key=lambda r: (str(r["uri"]), r["id"]),
            ),
        }
        return self._facets

    def timeline(
        self, filters: Filters, limit: int = PAGE_SIZE, offset: int = 0, after: str | None = None
    ) -> dict[str, Any]:
        """A page of the timeline: ``limit`` events from ``offset``, or after the event
        ``after`` (keyset: ``next_after`` of the previous page; as fast at any depth)."""
        check_page(limit, offset)
        earliest, latest = filters.bounds()
        kw: dict[str, Any] = {
            "earliest": earliest,
            "latest": latest,
            "entity": filters.entity or None,
            "type": filters.type or None,
            "source": filters.source or None,
        }
        total = self.hg.count_events(**kw)
        try:
            events = self.hg.events(**kw, limit=limit, offset=offset, after=after or None)
        except ValueError as exc:  # an unknown cursor
            raise BadRequest(str(exc)) from None
        self.prefetch(events)
        return {
            "filters": filters.as_dict(),
            **page_info(total, limit, offset),
            "after": after or None,
            "next_after": events[-1].id if len(events) == limit else None,
            "items": [self.summary(e) for e in events],
        }

    def timeline_items(self, filters: Filters) -> dict[str, Any]:
        """vis-timeline items for every dated event matching the filters (capped): what the
        drawn timeline shows of them, read by index (``event_summaries`` of the SQL stores:
        no mention, claim or quote loaded; the event's page has the rest). Kept per filter
        for the state of the store (every page of the timeline draws the same items)."""
        self._refresh()
        key = tuple(sorted(filters.as_dict().items()))
        kept = self._items.get(key)
        if kept is None:
            if len(self._items) >= KEPT_ITEM_SETS:
                self._items = {}
            kept = self._items[key] = self._timeline_items(filters)
        # the callers add to each item (its link): copies, not the kept ones
        return {**kept, "items": [dict(it) for it in kept["items"]]}

    def _timeline_items(self, filters: Filters) -> dict[str, Any]:
        earliest, latest = filters.bounds()
        kw: dict[str, Any] = {
            "earliest": earliest,
            "latest": latest,
            "entity": filters.entity or None,
            "type": filters.type or None,
            "source": filters.source or None,
            "limit": MAX_TIMELINE_ITEMS,
        }
        read = getattr(self.hg.store, "event_summaries", None)
        found: list[EventSummary] = (
            read(**kw)
            if read is not None
            else [
                summarise(e, tuple(c.attribute for c in self.conflicts_of(e.id)))
                for e in self.hg.events(**kw)
            ]
        )
        items = []
        for s in found:
            if s.date is None:
                continue
            item = drawn_item(s)
            if _cut_title(s.title):
                # a stored clause without its subject ("was removed in June 1990"): the
                # source's words give the headline ("The crossing was removed ...")
                e = self.hg.event(s.id)
                if e is not None:
                    item["title"] = headline(e, self.quote)
            items.append(item)
        return {
            "items": items,
            "truncated": len(found) >= MAX_TIMELINE_ITEMS,
            "focus": focus_window([s.date for s in found if s.date is not None]),
        }

    # ------------------------------------------------------------ event
    def event(self, event_id: str) -> dict[str, Any]:
        e = self.hg.event(event_id)
        if e is None:
            raise NotFound(f"no event with id {event_id!r}")
        conflicts = self.conflicts_of(e.id)
        out = self.s.event(e, conflicts)
        out.update(date_info(e.date))
        out.update(self._flags(e))
        out["type_label"] = type_label(e.type)
        out["participants"] = [
            self.entity_ref(p) for p in e.participants if existed(p, e.date)
        ]
        out["conflicts"] = [self.conflict(c) for c in conflicts]
        for m, row in zip(e.mentions, out["mentions"], strict=True):
            doc = self.document(m.doc_id)
            text = doc.text if doc else ""
            before, span, after = context(text, m.start, m.end, width=100)
            t0, t1 = m.trigger_start - m.start, m.trigger_end - m.start
            if 0 <= t0 <= t1 <= len(span):
                row["span_parts"] = [span[:t0], span[t0:t1], span[t1:]]
            else:
                row["span_parts"] = [span, "", ""]
            row["before"], row["after"] = before, after
            row["source"] = self.doc_ref(m.doc_id)
            row["date_label"] = date_label(m.time)
            row["independent"] = all(c.independent for c in e.claims if c.doc_id == m.doc_id)
        out["mentions"] = _one_per_span(out["mentions"], out["claims"])
        out["by_source"] = _by_source(out["mentions"])
        out["claim_rows"] = sum(len(c["values"]) for c in self._claims_by_attribute(out["claims"]))
        out["claims_by_attribute"] = self._claims_by_attribute(out["claims"])
        out["sources"] = [self.doc_ref(d) for d in sorted({m.doc_id for m in e.mentions})]
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

    def conflicts(self, limit: int = PAGE_SIZE, offset: int = 0) -> dict[str, Any]:
        check_page(limit, offset)
        items = self.hg.conflicts(limit=limit, offset=offset)
        by_id = getattr(self.hg.store, "events_by_id", None)  # the page's subjects at once
        events = (
            by_id([c.subject for c in items if c.subject_kind == "event"]) if by_id else None
        )
        return {
            **page_info(self.hg.count_conflicts(), limit, offset),
            "items": [self.conflict(c, events) for c in items],
        }

    # ------------------------------------------------------------ people
    def people(
        self,
        query: str | None = None,
        kind: str | None = "person",
        limit: int = PAGE_SIZE,
        offset: int = 0,
    ) -> dict[str, Any]:
        check_page(limit, offset)
        items = self.hg.people(kind or None, query=query or None, limit=limit, offset=offset)
        total = self.hg.count_people(kind or None, query=query or None)
        rows = []
        for p in items:
            rows.append(self.person_row(p))
        return {
            "query": query,
            "kind": kind,
            **page_info(total, limit, offset),
            "items": rows,
        }

    def person_row(self, p: Person) -> dict[str, Any]:
        """One item of the people list (``/api/people``, ``histograph people --json``)."""
        row = self.s.person(p)
        row["titles"] = sorted({r.title for r in p.roles})
        return row

    def source_row(self, d: Document) -> dict[str, Any]:
        """One item of the sources list (``/api/sources``, ``histograph sources --json``)."""
        row = self.s.document_summary(d)
        row["name"] = source_name(d.uri, d.title)
        row["published_label"] = date_label(d.published) if d.published else None
        return row

    def person(self, person_id: str) -> dict[str, Any]:
        p = self.hg.person(person_id)
        if p is None:
            raise NotFound(f"no person with id or name {person_id!r}")
        events = self.hg.events(entity=p.id, limit=PERSON_EVENTS)
        out = self.s.person(p)
        self.prefetch(events)
        out["events"] = [self.summary(e) for e in events]
        out["events_total"] = len(events)
        out["events_total_at_least"] = False
        if len(events) == PERSON_EVENTS:
            # a count of hundreds of thousands of events (a person in half of them) reads
            # them all: past PERSON_COUNT_UP_TO the page says "at least" the participant
            # count the store keeps (one index read), else the exact count
            listed = getattr(self.hg.store, "participant_count", None)
            at_least = listed(p.id) if listed is not None else 0
            if at_least > PERSON_COUNT_UP_TO:
                out["events_total"] = at_least
                out["events_total_at_least"] = True
            else:
                out["events_total"] = self.hg.count_events(entity=p.id)
        out["other_names"] = [a for a in p.aliases if a != p.name]
        out["sources"] = [self.doc_ref(d) for d in sorted({m.doc_id for m in p.mentions})]
        out["roles"] = self._roles(out["roles"], p)
        out["role_axis"] = _role_axis(p)
        out["conflicts"] = [self.conflict(c) for c in self.conflicts_of(p.id)]
        return out

    def _roles(self, rows: list[dict[str, Any]], p: Person) -> list[dict[str, Any]]:
        axis = _role_axis(p)
        for row, r in zip(rows, p.roles, strict=True):
            row["source"]["source"] = self.doc_ref(r.doc_id)
            row["from_label"] = date_label(r.began) if r.began else None
            row["to_label"] = date_label(r.ended) if r.ended else None
            row["bar"] = _bar(axis, r.began, r.ended)
        rows.sort(key=lambda r: (r["bar"] is None, (r["bar"] or {}).get("left", 0), r["title"]))
        return rows

    # ------------------------------------------------------------ on this day
    def on_this_day(
        self, date: str | None = None, limit: int | None = PAGE_SIZE, offset: int = 0
    ) -> dict[str, Any]:
        """Events of a month and day, a page of ``limit`` (None: all) from ``offset``."""
        if limit is not None:
            check_page(limit, offset)
        year: int | None = None
        text = (date or "").strip()
        if not text:
            today = _dt.date.today()
            year, month, day = today.year, today.month, today.day
        else:
            try:
                month, day = parse_month_day(text)
            except DateArgumentError as exc:
                raise BadRequest(str(exc)) from None
            parts = text.lstrip("-").split("-")
            if len(parts) == 3 and parts[0].isdigit():
                year = int(parts[0])
        items = []
        key = f"{month:02d}-{day:02d}"
        found = self.hg.on_this_day(key, limit=limit, offset=offset)
        self.prefetch(found)
        for e in found:
            row = self.summary(e)
            row["exact"] = exact_on(e.date, month, day)
            if year is not None and e.date is not None:
                row["years_ago"] = year - civil_from_day(e.date.earliest)[0]
            items.append(row)
        label = _dt.date(2000, month, day).strftime("%-d %B")
        return {
            "month": month,
            "day": day,
            "year": year,
            "label": label,
            "query": f"{month:02d}-{day:02d}"
            if year is None
            else f"{year:04d}-{month:02d}-{day:02d}",
            **(
                page_info(
                    offset + len(found)
                    if len(found) < limit and (found or offset == 0)
                    else self.hg.count_on_this_day(key),
                    limit,
                    offset,
                )
                if limit is not None
                else {}
            ),
            "items": items,
        }

    # ------------------------------------------------------------ sources
    def sources(self, limit: int = PAGE_SIZE, offset: int = 0) -> dict[str, Any]:
        check_page(limit, offset)
        total = self.hg.stats().get("documents", 0)
        docs = self.hg.sources(limit=limit, offset=offset)
        rows = []
        for d in docs:
            rows.append(self.source_row(d))
        return {**page_info(total, limit, offset), "items": rows}

    def source(self, doc_id: str, highlight: tuple[int, int] | None = None) -> dict[str, Any]:
        d = self.hg.document(doc_id)
        if d is None:
            raise NotFound(f"no document with id {doc_id!r}")
        a = self.hg.analysis(doc_id)
        spans: list[Span] = []
        anchors: set[int] = set()
        counts: dict[str, int] = defaultdict(int)
        if a is not None:
            for r in a.regions:
                dim = r.kind not in CONTENT_REGIONS
                spans.append(
                    Span(
                        r.start,
                        r.end,
                        f"region r-{css_class(r.kind)}" + (" dim" if dim else ""),
                        f"region: {r.kind}" + (" (not narrative)" if dim else ""),
                    )
                )
                counts["region:" + r.kind] += 1
            for t in a.times:
                value = date_label(t.value) if t.value else (t.timex or "unresolved")
                extra = " (publication date)" if t.document_date else ""
                spans.append(Span(t.start, t.end, "hl hl-time", f"date: {value}{extra}"))
                counts["date"] += 1
            for m in a.entities:
                spans.append(
                    Span(
                        m.start,
                        m.end,
                        f"hl hl-entity hl-{css_class(m.label)}",
                        f"{m.label}: {m.key or m.text}",
                    )
                )
                counts["entity"] += 1
            for rc in a.roles:
                spans.append(Span(rc.start, rc.end, "hl hl-role", f"role: {rc.title}"))
                counts["role"] += 1
            for ev in a.events:
                kind = f"event ({ev.modality})" if ev.modality != "asserted" else "event"
                spans.append(Span(ev.start, ev.end, "ev-span", ""))
                spans.append(
                    Span(
                        ev.trigger_start,
                        ev.trigger_end,
                        "hl hl-trigger" + ("" if ev.modality == "asserted" else " hl-unasserted"),
                        f"{kind}: {type_label(ev.type)}",
                    )
                )
                anchors.add(ev.start)
                counts["event"] += 1
        if highlight is not None:
            s0, s1 = highlight
            if not (0 <= s0 <= s1 <= len(d.text)):
                raise BadRequest(f"span {s0}-{s1} is outside the document")
            spans.append(Span(s0, s1, "focus", "the quoted span"))
            anchors.add(s0)
        segments = segment(d.text, spans, anchors)
        events = self.hg.events(source=doc_id, limit=MAX_PAGE)
        copies = [
            {"of": self.doc_ref(c.source_id), "similarity": round(c.similarity, 3)}
            for c in self.hg.copies()
            if c.doc_id == doc_id
        ]
        self.prefetch(events)
        return {
            "document": {
                **self.s.document_summary(d),
                "name": source_name(d.uri, d.title),
                "published_label": date_label(d.published) if d.published else None,
                "link": d.uri if d.uri.startswith(("http://", "https://")) else None,
            },
            "highlight": list(highlight) if highlight else None,
            "counts": dict(sorted(counts.items())),
            "segments": segments,
            "events": [self.summary(e) for e in events],
            "copy_of": copies,
        }

    # ------------------------------------------------------------ search
    def search(self, query: str, limit: int = 20, offset: int = 0) -> dict[str, Any]:
        check_page(limit, offset)
        q = query.strip()
        if not q:
            return {"query": "", "sentences": [], "entities": [], **page_info(0, limit, offset)}
        hits = self.hg.search(q, limit + 1, offset)
        more = len(hits) > limit
        sentences = []
        spans = [(h.doc_id, h.start, h.end) for h in hits[:limit]]
        many = getattr(self.hg.store, "events_at_spans", None)
        stated = (  # the events of every hit in a few queries where the store offers it
            many(spans) if many is not None else [self.hg.events_at(*x) for x in spans]
        )
        self.prefetch_documents(
            {h.doc_id for h in hits[:limit]}
            | {m.doc_id for found in stated for e in found for m in e.mentions}
        )
        for h, found in zip(hits[:limit], stated, strict=True):
            events = [
                {"id": e.id, "title": headline(e, self.quote), "date_label": date_label(e.date)}
                for e in found
            ]
            sentences.append(
                {
                    "doc_id": h.doc_id,
                    "start": h.start,
                    "end": h.end,
                    "text": plain(h.text),
                    "score": h.score,
                    "region": h.region_kind,
                    "source": self.doc_ref(h.doc_id),
                    "events": events,
                }
            )
        entities = [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "aliases": [a for a in p.aliases if a != p.name][:5],
                "titles": sorted({r.title for r in p.roles})[:5],
            }
            for p in (self.hg.people(None, query=q, limit=20) if offset == 0 else [])
        ]
        total = offset + len(hits)
        info = page_info(total, limit, offset)
        info["total"] = None  # FTS counts are not computed: use next_offset
        info["next_offset"] = offset + limit if more else None
        return {"query": q, "sentences": sentences, "entities": entities, **info}

    # ------------------------------------------------------------ overview
    def overview(self) -> dict[str, Any]:
        stats = self.hg.stats()
        return {"stats": stats}


def _one_per_span(mentions: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each source's sentence once: mentions with the same span are one, and every claim a
    shown sentence contains is listed with it (and marked ``shown``, so the claims table
    names its source instead of quoting the sentence again)."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple[str, int, int], dict[str, Any]] = {}
    for m in mentions:
        key = (m["doc_id"], m["start"], m["end"])
        if key in seen:
            continue
        seen[key] = m
        m["claims"] = []
        out.append(m)
    for c in claims:
        for m in out:
            if c["doc_id"] == m["doc_id"] and m["start"] <= c["start"] and c["end"] <= m["end"]:
                pair = {"attribute": c["attribute"], "label": c.get("label", c["value"])}
                if pair not in m["claims"]:
                    m["claims"].append(pair)
                c["shown"] = True
                break
        else:
            c["shown"] = False
    return out


#: passages of one source shown open on the event page; the rest are one click away
OPEN_PASSAGES = 2


def _by_source(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The mentions grouped by source (in first-mention order): the first few of each
    source open, the others folded (a long page lists one source's passages once each)."""
    groups: dict[str, dict[str, Any]] = {}
    for m in mentions:
        g = groups.setdefault(m["doc_id"], {"source": m["source"], "open": [], "folded": []})
        (g["open"] if len(g["open"]) < OPEN_PASSAGES else g["folded"]).append(m)
    return list(groups.values())


def source_name(uri: str, title: str | None) -> str:
    """A short name for a source: its title, else the tail of its uri."""
    if title and title.strip():
        return one_line(title)[:120]
    tail = uri.rstrip("/").rsplit("/", 1)[-1]
    return tail or uri


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    classes: str
    title: str


def segment(text: str, spans: Iterable[Span], anchors: Iterable[int] = ()) -> list[dict[str, Any]]:
    """Cut ``text`` at every span boundary; each piece lists the classes and titles of the
    spans covering it (innermost last) and the anchors that start there.

    The pieces are plain text: the template escapes them (never mark them safe).
    """
    n = len(text)
    clean = [Span(max(0, s.start), min(n, s.end), s.classes, s.title) for s in spans]
    clean = [s for s in clean if s.start < s.end]
    cuts = {0, n, *(s.start for s in clean), *(s.end for s in clean)}
    anchor_set = {a for a in anchors if 0 <= a <= n}
    cuts |= anchor_set
    points = sorted(cuts)
    starts: dict[int, list[Span]] = defaultdict(list)
    for s in sorted(clean, key=lambda s: (s.start, -(s.end - s.start))):
        starts[s.start].append(s)
    active: list[Span] = []
    out: list[dict[str, Any]] = []
    for a, b in itertools.pairwise(points):
        active = [s for s in active if s.end > a]
        active.extend(starts.get(a, ()))
        classes: list[str] = []
        titles: list[str] = []
        for s in active:
            for c in s.classes.split():
                if c not in classes:
                    classes.append(c)
            if s.title and s.title not in titles:
                titles.append(s.title)
        out.append(
            {
                "text": text[a:b],
                "start": a,
                "classes": " ".join(classes),
                "title": "; ".join(titles),
                "anchor": a in anchor_set,
            }
        )
    return out


def summarise(e: Event, conflict_attributes: tuple[str, ...] = ()) -> EventSummary:
    """The drawn timeline's projection of a whole event and the attributes of its
    conflicts (a store without ``event_summaries``: what the SQL stores read by index)."""
    return EventSummary(
        id=e.id,
        type=e.type,
        title=e.title,
        date=e.date,
        place=e.place,
        support=e.support,
        independent_support=e.independent_support,
        participants=tuple(e.participants),
        sources=tuple(sorted({m.doc_id for m in e.mentions})),
        conflict_attributes=conflict_attributes,
    )


def _cut_title(title: str) -> bool:
    """A stored title that starts inside its sentence (lower case): a clause whose subject,
    or a date phrase whose clause, the headline takes from the source."""
    first = next((c for c in title if c.isalpha()), "")
    return first.islower()


@functools.lru_cache(maxsize=1 << 16)
def _drawn_title(title: str) -> str:
    """A stored title made a headline (kept: the same events are drawn view after view)."""
    return headline_text(title) or plain(title)


DRAWN_RANGE_MIN_DAYS = 28
"""A date spanning fewer days than this (a few days' interval, a circa day) is drawn as a
point at its first day; a month, season, year or longer interval as the range it spans."""


def drawn_item(s: EventSummary) -> dict[str, Any]:
    """One vis-timeline item (plain data; the page builds its DOM from text, never HTML),
    from the event's summary: its stored title made a headline, without its sources'
    wording (the list below the timeline and the event's page read that)."""
    tv = s.date
    assert tv is not None
    imprecise = is_imprecise(tv)
    attrs = s.conflict_attributes
    item: dict[str, Any] = {
        "id": s.id,
        "title": _drawn_title(s.title),
        "start": iso_day(tv.earliest),
        "type": "point",
        "event_type": s.type,
        "type_label": type_label(s.type),
        "date_label": date_label(tv),
        "imprecise": imprecise,
        "span": tv.earliest != tv.latest,
        "disputed": "date" in attrs,
        "conflicts": len(attrs),
        "entities": [p for p in s.participants if existed(p, tv)],
        "sources": list(s.sources),
        "support": s.support,
        "independent_support": s.independent_support,
    }
    # A box is drawn for a span that may be wide enough to hold its label (a month or
    # longer); a span of days is a point with its dates in the note: vis-timeline stacks a range by its box, so a label overflowing a narrow box
    # would be drawn over its neighbours.
    if tv.latest - tv.earliest + 1 >= DRAWN_RANGE_MIN_DAYS:
        item["type"] = "range"
        latest = iso_day(tv.latest)
        y, m, dd = (int(x) for x in latest.lstrip("+-").split("-"))
        end = _dt.date(y, m, dd) + _dt.timedelta(days=1) if 0 < y < 9999 else None
        item["end"] = end.isoformat() if end else latest
    classes = ["ev", "ev-" + css_class(s.type)]
    if imprecise and item["type"] == "range":  # a point's note gives its span of days
        classes.append("imprecise")
    if attrs:
        classes.append("conflicted")
    item["className"] = " ".join(classes)
    return item


def focus_window(dates: list[TimeValue], share: float = 0.5) -> dict[str, str] | None:
    """Where the timeline opens: the shortest stretch of time holding ``share`` of the events
    dated to a day or a month (wider ranges would drown it), padded a little either side.

    A corpus about one autumn whose background reaches back decades opens on that autumn;
    the reader zooms out for the rest."""
    days = sorted(
        (d.earliest + d.latest) // 2 for d in dates if d.latest - d.earliest <= 31
    ) or sorted((d.earliest + d.latest) // 2 for d in dates)
    if not days:
        return None
    k = min(len(days), max(1, math.ceil(len(days) * share)))
    best = min(range(len(days) - k + 1), key=lambda i: (days[i + k - 1] - days[i], i))
    lo, hi = days[best], days[best + k - 1]
    pad = max(7, (hi - lo) // 10)
    lo, hi = lo - pad, hi + pad + 1

    def iso(n: int) -> str:
        y, m, d = civil_from_day(n)
        return f"{y:04d}-{m:02d}-{d:02d}" if 0 < y <= 9999 else f"{y:+07d}-{m:02d}-{d:02d}"

    return {"start": iso(lo), "end": iso(hi)}


def _role_axis(p: Person) -> dict[str, int] | None:
    days = [
        d
        for r in p.roles
        for d in ((r.began.earliest if r.began else None), (r.ended.latest if r.ended else None))
        if d is not None
    ]
    if not days:
        return None
    lo, hi = min(days), max(days)
    if hi - lo < 365:
        lo, hi = lo - 180, hi + 180
    return {
        "earliest": lo,
        "latest": hi,
        "from_year": civil_from_day(lo)[0],
        "to_year": civil_from_day(hi)[0],
    }


def _bar(
    axis: dict[str, int] | None, began: TimeValue | None, ended: TimeValue | None
) -> dict[str, Any] | None:
    """Where a role sits on its person's small timeline, in percent of the axis."""
    if axis is None or (began is None and ended is None):
        return None
    lo, hi = axis["earliest"], axis["latest"]
    span = max(1, hi - lo)
    a = began.earliest if began else lo
    b = ended.latest if ended else (began.latest if began else hi)
    open_end = ended is None
    if open_end and began is not None:
        b = max(b, min(hi, a + 365))
    left = 100.0 * (a - lo) / span
    width = max(1.5, 100.0 * (b - a) / span)
    return {
        "left": round(left, 2),
        "width": round(min(width, 100 - left), 2),
        "open_start": began is None,
        "open_end": open_end,
    }


__all__ = [
    "MAX_PAGE",
    "PAGE_SIZE",
    "BadRequest",
    "Filters",
    "NotFound",
    "Views",
    "date_info",
    "drawn_item",
    "segment",
    "source_name",
    "summarise",
]
