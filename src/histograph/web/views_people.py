"""The people pages (:mod:`.views`): the list and one person's page."""

from __future__ import annotations

from typing import Any

from ..model import (
    Person,
    TimeValue,
    civil_from_day,
)
from ..render.present import (
    date_label,
)
from .views_base import (
    PAGE_SIZE,
    PERSON_COUNT_UP_TO,
    PERSON_EVENTS,
    NotFound,
    ViewsBase,
    check_page,
    page_info,
)


class PeopleViews(ViewsBase):
    """The list of people and a person's page."""

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
        self.prefetch_documents(  # their sources' names: one read, not one per document
            {m.doc_id for p in items for m in p.mentions} | {r.doc_id for p in items for r in p.roles}
        )
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
