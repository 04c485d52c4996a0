"""The timeline's pages (:mod:`.views`): its facets, a page of it, the drawn items, and
on-this-day."""

from __future__ import annotations

import datetime as _dt
import functools
import math
from typing import Any

from ..api import DateArgumentError, parse_month_day
from ..model import (
    Event,
    TimeValue,
    civil_from_day,
)
from ..render.present import (
    date_label,
    existed,
    is_imprecise,
    type_label,
)
from ..render.serialise import iso_day
from ..render.titles import headline, headline_text, plain
from ..store import EventSummary, exact_on
from .views_base import (
    KEPT_ITEM_SETS,
    MAX_FACETS,
    MAX_TIMELINE_ITEMS,
    PAGE_SIZE,
    PERSON_COUNT_UP_TO,
    BadRequest,
    Filters,
    ViewsBase,
    check_page,
    css_class,
    page_info,
    source_name,
)


class TimelineViews(ViewsBase):
    """The timeline and on-this-day."""

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

    def warm_first_view(self) -> None:
        """Read what every view of the whole timeline shares (its facets and its drawn
        items, a few hundred milliseconds at a million events) now: a server pays it at
        its start, not its first reader. The next request checks the state of the store
        again (kept only while it is unchanged, as always)."""
        self.facets()
        self.timeline_items(Filters())
        self._checked = 0.0

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
        total, at_least = self._total(kw)
        try:
            events = self.hg.events(**kw, limit=limit, offset=offset, after=after or None)
        except ValueError as exc:  # an unknown cursor
            raise BadRequest(str(exc)) from None
        self.prefetch(events)
        info = page_info(total, limit, offset)
        if at_least and len(events) == limit:  # more may follow past the lower bound
            info["next_offset"] = offset + limit
        return {
            "filters": filters.as_dict(),
            **info,
            "total_at_least": at_least,
            "after": after or None,
            "next_after": events[-1].id if len(events) == limit else None,
            "items": [self.summary(e) for e in events],
        }

    def _total(self, kw: dict[str, Any]) -> tuple[int, bool]:
        """How many events the filters keep, and whether that is a lower bound: filtered by
        a participant alone in more than :data:`PERSON_COUNT_UP_TO` events, at least the
        participant count the store keeps (one index read; a count of half a million
        events read them all), as a person's page says; else the exact count."""
        listed = getattr(self.hg.store, "participant_count", None)
        alone = all(kw[k] is None for k in ("earliest", "latest", "type", "source"))
        if kw["entity"] is not None and alone and listed is not None:
            at_least = int(listed(kw["entity"]))
            if at_least > PERSON_COUNT_UP_TO:
                return at_least, True
        return self.hg.count_events(**kw), False

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
