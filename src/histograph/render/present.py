"""Presentation helpers shared by the web UI, the briefs and the exports.

Human date labels that keep their precision, event-type labels, safe file names for ids,
context around a quoted span, and JSON that can sit inside an HTML ``<script>`` element.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import json
import re
from typing import Any

from ..model import TimeValue, civil_from_day
from .dates import date_text, year_text

#: precisions that pin an event to one day
EXACT_PRECISIONS: frozenset[str] = frozenset({"time", "day"})

_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}$")


def is_imprecise(tv: TimeValue | None) -> bool:
    """True for a date coarser than a day (month, season, year, decade, interval …)."""
    return tv is not None and (tv.precision not in EXACT_PRECISIONS or tv.approximate)


def year_label(y: int) -> str:
    """A year for people: 1989, 44 BC (astronomical year -43)."""
    return year_text(y)


def day_label(n: int) -> str:
    y, m, d = civil_from_day(n)
    return f"{d} {calendar.month_name[m]} {year_label(y)}"


def date_label(tv: TimeValue | None) -> str:
    """``9 November 1989``, ``November 1989``, ``autumn 1989``, ``the 1930s``, ``1936–1938``…
    (the one renderer of :mod:`histograph.render.dates`)."""
    return date_text(tv)


def precision_note(tv: TimeValue | None) -> str:
    """``""`` for an exact day, otherwise a short note such as ``year only``."""
    if tv is None:
        return "no date"
    notes = []
    if tv.precision not in EXACT_PRECISIONS:
        notes.append("range" if tv.precision in ("interval", "unknown") else f"{tv.precision} only")
    if tv.approximate:
        notes.append("approximate")
    return ", ".join(notes)


def iso_partial(tv: TimeValue) -> tuple[str, str | None]:
    """(start, end) as ISO 8601 reduced-precision dates: ``1989``, ``1989-11``, ``1989-11-09``;
    end is None when start alone says it all."""
    y1, m1, d1 = civil_from_day(tv.earliest)
    y2, m2, d2 = civil_from_day(tv.latest)

    def year(y: int) -> str:
        return f"{y:04d}" if 0 <= y <= 9999 else f"{y:+05d}"

    if tv.precision in EXACT_PRECISIONS:
        return f"{year(y1)}-{m1:02d}-{d1:02d}", None
    if tv.precision == "month":
        return f"{year(y1)}-{m1:02d}", None
    if tv.precision == "year":
        return year(y1), None
    if tv.precision in ("decade", "century", "millennium"):
        return year(y1), year(y2)
    return f"{year(y1)}-{m1:02d}-{d1:02d}", f"{year(y2)}-{m2:02d}-{d2:02d}"


@functools.lru_cache(maxsize=1)
def _type_labels() -> dict[str, str]:
    try:
        from ..events.types import load_event_types

        return {k: t.label for k, t in load_event_types().types.items()}
    except Exception:  # the labels are a nicety: fall back to the ids
        return {}


def type_label(type_id: str) -> str:
    """The human label of an event type (``treaty_signed`` -> ``Treaty signed``)."""
    return _type_labels().get(type_id) or type_id.replace("_", " ").capitalize()


def safe_name(identifier: str) -> str:
    """A file-name-safe form of an id: the id itself when it is plain, else a hash.

    Ids come from the knowledge base (which may have been fed hostile documents), so they
    never become paths as they are: no separators, no dot segments, bounded length.
    """
    if _SAFE_ID.match(identifier) and ".." not in identifier:
        return identifier
    return "x" + hashlib.sha1(identifier.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def script_json(data: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">``: no ``<``, ``>``,
    ``&`` or line separators survive unescaped, so the text cannot close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def context(text: str, start: int, end: int, width: int = 160) -> tuple[str, str, str]:
    """(before, span, after): the span with up to ``width`` characters either side, cut at
    whitespace and marked with an ellipsis where cut."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    b0 = max(0, start - width)
    if b0 > 0:
        space = text.find(" ", b0, start)
        b0 = space + 1 if space != -1 else b0
    a1 = min(len(text), end + width)
    if a1 < len(text):
        space = text.rfind(" ", end, a1)
        a1 = space if space != -1 else a1
    before = ("…" if b0 > 0 else "") + text[b0:start]
    after = text[end:a1] + ("…" if a1 < len(text) else "")
    return before, text[start:end], after


def one_line(text: str) -> str:
    """Collapse runs of whitespace (a quote spanning lines reads as one line)."""
    return " ".join(text.split())


def existed(entity_id: str, tv: TimeValue | None) -> bool:
    """False for a state that did not exist at that date (a present-day successor named for
    a 1930s event by a merge of names); True for anything else or when unsure."""
    if not entity_id.startswith("s-") or tv is None:
        return True
    from ..entities.states import gazetteer

    st = gazetteer().state(entity_id[2:])
    if st is None:
        return True
    return st.earliest <= tv.latest and tv.earliest <= st.latest
