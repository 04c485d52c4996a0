"""The knowledge base as a TimelineJS 3 document (https://timeline.knightlab.com/docs/json-format.html).

TimelineJS renders ``headline`` and ``text`` as HTML, so every string taken from a source is
HTML-escaped here. Dates keep their precision: a year-only date has only a ``year``, a month
a ``year`` and ``month``; ranges get an ``end_date``; every imprecise date carries a
``display_date`` that says what the sources know ("November 1989", "1930s", "c. 1936–1938").
Undated events cannot be placed on a TimelineJS timeline and are left out (counted in the
title slide).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from ..model import Conflict, TimeValue, civil_from_day
from .dates import humanise, value_text
from .present import (
    EXACT_PRECISIONS,
    date_label,
    is_imprecise,
    precision_note,
    type_label,
)
from .titles import headline, plain

if TYPE_CHECKING:
    from ..api import Histograph


def _date(n: int, precision: str) -> dict[str, Any]:
    y, m, d = civil_from_day(n)
    out: dict[str, Any] = {"year": y}
    if precision in ("year", "decade", "century", "millennium"):
        return out
    out["month"] = m
    if precision == "month":
        return out
    out["day"] = d
    return out


def tl_dates(tv: TimeValue) -> dict[str, Any]:
    """``start_date``, ``end_date`` (for ranges) and ``display_date`` of one date."""
    out: dict[str, Any] = {"start_date": _date(tv.earliest, tv.precision)}
    _y1, _m1, _ = civil_from_day(tv.earliest)
    y2, _m2, _ = civil_from_day(tv.latest)
    ranged = tv.precision in (
        "interval",
        "unknown",
        "season",
        "quarter",
        "decade",
        "century",
        "millennium",
    )
    if ranged and tv.earliest != tv.latest:
        if tv.precision in ("decade", "century", "millennium"):
            out["end_date"] = {"year": y2}
        else:
            out["end_date"] = _date(tv.latest, "day")
    if is_imprecise(tv) or tv.precision not in EXACT_PRECISIONS:
        out["display_date"] = date_label(tv)
    return out


def _disagreement(c: Conflict) -> str:
    """One paragraph of slide text: the values the sources give and why they may differ."""
    values = []
    for v in c.values:
        shown = value_text(v.value) if c.attribute == "date" else v.value
        n = len({cl.doc_id for cl in v.claims})
        values.append(f"{shown} ({n} source{'s' if n != 1 else ''})")
    why = humanise(c.explanation).split(". ")[0].rstrip(".") + "." if c.explanation else ""
    return (
        f"<p><strong>Sources disagree on the {html.escape(c.attribute)}:</strong> "
        f"{html.escape(' or '.join(values))}. {html.escape(why)}</p>"
    )


def timelinejs(hg: Histograph) -> dict[str, Any]:
    """The TimelineJS JSON object for every dated event of the knowledge base.

    Events are not put in groups: TimelineJS gives every group its own row, and a row per
    event type leaves no room for the slides at common screen sizes. The type is in the text."""
    conflicts: dict[str, list[Conflict]] = {}
    for c in hg.conflicts(limit=None):
        if c.subject_kind == "event":
            conflicts.setdefault(c.subject, []).append(c)
    events: list[dict[str, Any]] = []
    undated = 0
    for e in hg.iter_events():
        if e.date is None:
            undated += 1
            continue
        quotes = []
        for m in e.mentions[:3]:
            doc = hg.document(m.doc_id)
            name = (doc.title or doc.uri.rsplit("/", 1)[-1]) if doc else m.doc_id
            q = plain(hg.quote(m.doc_id, m.start, m.end))
            quotes.append(f"<p>“{html.escape(q)}” <small>— {html.escape(name)}</small></p>")
        notes = [type_label(e.type)]
        note = precision_note(e.date)
        if note:
            notes.append(f"date: {note}")
        notes.append(f"{e.independent_support} independent source(s) of {e.support}")
        disputes = "".join(_disagreement(c) for c in conflicts.get(e.id, []))
        item: dict[str, Any] = {
            **tl_dates(e.date),
            "text": {
                "headline": html.escape(headline(e, hg.quote)),
                "text": "".join(quotes) + disputes
                + f"<p><small>{html.escape(' · '.join(notes))}</small></p>",
            },
            "unique_id": "tl-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in e.id),
        }
        events.append(item)
    intro = f"{len(events)} dated events from {len(hg.sources())} sources"
    if undated:
        intro += f" ({undated} undated events are not shown)"
    return {
        "title": {"text": {"headline": "histograph timeline", "text": html.escape(intro)}},
        "events": events,
    }
