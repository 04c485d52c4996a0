"""One date read on two clocks: "on 7 December 1941 (8 December in Japan)".

A mention whose date is followed, in brackets or after a comma, by a second date one day away
that the words around it read on another clock (a zone, "local time", "in" + a place:
:func:`histograph.time.zones.names_other_clock`) states the same moment twice. It is a soft
``timezone`` conflict on the event's date: both readings are true, in different places. The
conflict carries the span of each reading, so the same pair stated by several pages is one
conflict (:func:`histograph.merge.combine_conflicts` unites their claims).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..model import Analysis, Claim, Conflict, ConflictValue, Event, TimeMention
from ..time.zones import names_other_clock
from .conflicts import _conflict

__all__ = ["clock_conflicts"]

#: what may stand between the event's date and the second reading: "(", ", ", " — "
_BETWEEN = re.compile(r"^\s*(?:\(|,|—|–|-|;)\s*(?:or\s+|i\.e\.\s*|that is,?\s*)?$")
#: the rest of the second reading's bracket or clause
_REST = re.compile(r"^[^()\n.;]{0,40}?(?:\)|,|;|\.|$)")


def _second_reading(text: str, end: int, times: Sequence[TimeMention], starts: list[int]) -> tuple[TimeMention, int] | None:
    i = bisect.bisect_left(starts, end)
    for t in times[i : i + 2]:
        if t.kind != "DATE" or t.value is None or t.start - end > 4:
            continue
        if not _BETWEEN.match(text[end : t.start]):
            continue
        rest = _REST.match(text[t.end : t.end + 60])
        tail = rest.group() if rest else ""
        if names_other_clock(tail):
            return t, t.end + len(tail.rstrip(",;.)"))
    return None


def clock_conflicts(events: Sequence[Event], analyses: Sequence[Analysis]) -> list[Conflict]:
    """The events whose date a page also gives on another clock (see the module doc)."""
    by_doc = {a.document.id: a for a in analyses}
    prepared: dict[str, tuple[list[TimeMention], list[int]]] = {}
    out: list[Conflict] = []
    for e in events:
        found: dict[str, list[Claim]] = {}
        for m in e.mentions:
            if m.modality != "asserted" or m.time is None or m.time_end is None:
                continue
            if m.time.precision not in ("day", "time"):
                continue
            a = by_doc.get(m.doc_id)
            if a is None:
                continue
            if m.doc_id not in prepared:
                ts = sorted(a.times, key=lambda t: t.start)
                prepared[m.doc_id] = (ts, [t.start for t in ts])
            ts, starts = prepared[m.doc_id]
            hit = _second_reading(a.document.text, m.time_end, ts, starts)
            if hit is None:
                continue
            t, end = hit
            assert t.value is not None
            if abs(t.value.earliest - m.time.earliest) != 1 or t.value.precision not in ("day", "time"):
                continue
            mine, other = m.time.value[:10], t.value.value[:10]
            start = m.time_start if m.time_start is not None else m.start
            found.setdefault(mine, []).append(Claim(e.id, "date", mine, m.doc_id, start, m.time_end))
            found.setdefault(other, []).append(Claim(e.id, "date", other, m.doc_id, t.start, end))
        if len(found) < 2:
            continue
        values = [ConflictValue(v, tuple(dict.fromkeys(cl))) for v, cl in sorted(found.items())]
        first, second = values[0].value, values[-1].value
        expl = (
            f"{first} and {second} are one moment read on two clocks: the sources give the date "
            "where it happened and the date in another time zone, which was already (or still) "
            "a different calendar day."
        )
        out.append(_conflict(e.id, "date", values, "timezone", "soft", expl))
    return out
