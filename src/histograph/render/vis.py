"""The knowledge base as vis-timeline items and groups (https://visjs.github.io/vis-timeline/).

vis-timeline renders ``content`` and ``title`` as HTML, so both are HTML-escaped here.
Imprecise dates are ``range`` items covering every day the date may fall on (class
``imprecise``); dated-to-the-day events are ``point`` items; events the sources disagree
about get the class ``conflicted``. Undated events are left out.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from typing import TYPE_CHECKING, Any

from .present import date_label, is_imprecise, precision_note, type_label
from .serialise import iso_day
from .titles import headline

if TYPE_CHECKING:
    from ..api import Histograph

_CLASS = re.compile(r"[^a-z0-9_-]+")


def _after(day: str) -> str:
    """The day after an ISO date (vis ranges end exclusive); signed years are kept as is."""
    try:
        return (_dt.date.fromisoformat(day) + _dt.timedelta(days=1)).isoformat()
    except ValueError:
        return day


def vis_timeline(hg: Histograph) -> dict[str, Any]:
    conflicted = {c.subject for c in hg.conflicts(limit=None) if c.subject_kind == "event"}
    items: list[dict[str, Any]] = []
    groups: dict[str, str] = {}
    for e in hg.iter_events():
        if e.date is None:
            continue
        start, end = iso_day(e.date.earliest), iso_day(e.date.latest)
        imprecise = is_imprecise(e.date)
        classes = ["ev", "ev-" + _CLASS.sub("-", e.type.lower())]
        if imprecise:
            classes.append("imprecise")
        if e.id in conflicted:
            classes.append("conflicted")
        label = date_label(e.date)
        tip = f"{label} · {type_label(e.type)} · {e.independent_support}/{e.support} independent sources"
        if imprecise:
            tip += f" · {precision_note(e.date)}"
        item: dict[str, Any] = {
            "id": e.id,
            "content": html.escape(headline(e, hg.quote)),
            "title": html.escape(tip),
            "start": start,
            "type": "point",
            "group": e.type,
            "className": " ".join(classes),
        }
        if imprecise or start != end:
            item["type"] = "range"
            item["end"] = _after(end)
        items.append(item)
        groups[e.type] = type_label(e.type)
    return {
        "items": items,
        "groups": [{"id": k, "content": html.escape(v)} for k, v in sorted(groups.items())],
    }
