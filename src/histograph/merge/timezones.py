"""One date read on two clocks: "on 7 December 1941 (8 December in Japan)".

A mention whose date is followed, in brackets or after a comma, by a second date one day away
that the words around it read on another clock (a zone, "local time", "in" + a place:
:func:`histograph.time.zones.names_other_clock`) states the same moment twice. It is a soft
``timezone`` conflict on the event's date: both readings are true, in different places. The
conflict carries the span of each reading, so the same pair stated by several pages is one
conflict (:func:`histograph.merge.combine_conflicts` unites their claims).

A time of day followed by the same moment on another clock ("at 9 p.m. Moscow time (1 p.m. in
New York)", "by 11 p.m. London time (midnight in Berlin)") is likewise a soft ``timezone``
conflict, on the event's ``time``: one moment, two readings.

:func:`hour_conflicts`: pages that give one event's day alike but its hour differently ("from
11 p.m. on 4 August" / "at midnight on 4 August"), at most two hours apart (further apart
they tell two phases), each page giving one hour; readings with zones that are one instant
("11:30 p.m. EST on 3 March" / "04:30 GMT on 4 March", in two sentences or pages) make a soft
``timezone`` conflict on the event's ``time`` whatever their hours and days.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence

from ..model import Analysis, Claim, Conflict, ConflictValue, Event, Severity, TimeMention
from ..time.zones import instant, names_other_clock, zoned_clock
from .conflicts import _conflict

__all__ = ["clock_conflicts", "hour_conflicts"]

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


#: what may stand between a time of day and its reading on another clock: the first clock's
#: name, then a bracket, comma or dash ("11 p.m. London time (midnight in Berlin)")
_TIME_BETWEEN = re.compile(
    r"^(?P<zone>[^()\n,;—–\d]{0,24}?)\s*(?:\(|,|—|–|-|;)\s*(?:or\s+|i\.e\.\s*|that is,?\s*)?$"
)
_HOUR = re.compile(r"T\d\d")
#: the rest of the second time's bracket, clause or dashed aside
_TIME_REST = re.compile(r"^[^()\n.;]{0,40}?(?:\)|,|;|\.|—|–|$)")


def _time_of_day(t: TimeMention) -> bool:
    return t.kind == "TIME" and t.timex is not None and bool(_HOUR.search(t.timex))


def _two_clock_times(
    text: str, start: int, end: int, times: Sequence[TimeMention], starts: list[int]
) -> list[tuple[tuple[str, int, int], tuple[str, int, int]]]:
    """Times of day overlapping ``text[start:end]`` followed by the same moment on another clock
    ("at 9 p.m. Moscow time (1 p.m. in New York)"): ((label, start, end) of each reading)."""
    out: list[tuple[tuple[str, int, int], tuple[str, int, int]]] = []
    i = bisect.bisect_left(starts, start - 60)
    while i < len(times) and times[i].start < end:
        t1 = times[i]
        i += 1
        if not _time_of_day(t1):
            continue
        for t2 in times[i : i + 2]:
            if not _time_of_day(t2) or t2.start - t1.end > 28:
                continue
            if t2.end <= start or t2.start >= end:
                continue  # neither reading is inside the mention
            between = _TIME_BETWEEN.match(text[t1.end : t2.start])
            if between is None:
                continue
            zone = between.group("zone").strip()
            if zone and not (names_other_clock(f" {zone}") or "time" in zone.lower().split()):
                continue
            rest = _TIME_REST.match(text[t2.end : t2.end + 60])
            tail = rest.group() if rest else ""
            if not names_other_clock(tail):
                continue
            end2 = t2.end + len(tail.rstrip(",;.)—– "))
            end1 = t1.end + (len(text[t1.end :].split(zone, 1)[0]) + len(zone) if zone else 0)
            first = " ".join(text[t1.start : end1].split())
            second = " ".join(text[t2.start : end2].split())
            if first.lower() != second.lower():
                out.append(((first, t1.start, end1), (second, t2.start, end2)))
            break
    return out


def clock_conflicts(events: Sequence[Event], analyses: Sequence[Analysis]) -> list[Conflict]:
    """The events whose date a page also gives on another clock (see the module doc)."""
    by_doc = {a.document.id: a for a in analyses}
    prepared: dict[str, tuple[list[TimeMention], list[int]]] = {}
    out: list[Conflict] = []
    out.extend(_time_conflicts(events, by_doc))
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


def _time_conflicts(events: Sequence[Event], by_doc: dict[str, Analysis]) -> list[Conflict]:
    """One soft ``timezone`` conflict per moment a page gives on two clocks, on the event
    best attested (told by the most documents) among those whose asserted mentions overlap
    the readings: a sentence often holds a small event beside the one it reports."""
    prepared: dict[str, tuple[list[TimeMention], list[int]]] = {}
    pairs: dict[tuple[str, int], tuple[tuple[str, int, int], tuple[str, int, int]]] = {}
    owners: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for e in events:
        for m in e.mentions:
            a = by_doc.get(m.doc_id)
            if m.modality != "asserted" or a is None:
                continue
            if m.doc_id not in prepared:
                ts = sorted(a.times, key=lambda t: t.start)
                prepared[m.doc_id] = (ts, [t.start for t in ts])
            ts, starts = prepared[m.doc_id]
            for first, second in _two_clock_times(a.document.text, m.start, m.end, ts, starts):
                key = (m.doc_id, first[1])
                pairs[key] = (first, second)
                if e not in owners[key]:
                    owners[key].append(e)
    out: list[Conflict] = []
    for key, ((v1, s1, e1), (v2, s2, e2)) in sorted(pairs.items()):
        e = min(owners[key], key=_attested)
        doc = key[0]
        values = [
            ConflictValue(v1, (Claim(e.id, "time", v1, doc, s1, e1),)),
            ConflictValue(v2, (Claim(e.id, "time", v2, doc, s2, e2),)),
        ]
        expl = (
            f"{v1} and {v2} are one moment read on two clocks: the source gives the time "
            "where it happened and the time in another zone."
        )
        out.append(_conflict(e.id, "time", values, "timezone", "soft", expl))
    return out


def _attested(e: Event) -> tuple[int, int, str]:
    return (-len({m.doc_id for m in e.mentions}), -len(e.mentions), e.id)


# --------------------------------------------------------------------------- hours

_CLOCK = re.compile(r"T(\d\d)(?::(\d\d))?$")
#: readings of one event's hour further apart than this tell two phases (the first wave and
#: the second), not one moment read two ways
_PHASE_MINUTES = 120


def _minutes(value: str) -> int | None:
    m = _CLOCK.search(value)
    if m is None:
        return None
    return int(m.group(1)) * 60 + int(m.group(2) or 0)


def hour_conflicts(events: Sequence[Event], texts: dict[str, str]) -> list[Conflict]:
    """Pages that give one event's day the same but its hour differently ("from 11 p.m. on 4
    August" / "at midnight on 4 August"): a soft conflict on the event's ``time`` when the
    readings are at most an hour apart (a clock read in a neighbouring zone, a rounded hour),
    hard up to :data:`_PHASE_MINUTES`; further apart they tell two phases. A page that gives
    two hours tells a sequence and takes no part."""
    out: list[Conflict] = []
    for e in events:
        per_doc: dict[str, dict[int, list[Claim]]] = defaultdict(lambda: defaultdict(list))
        day: set[str] = set()
        for m in e.mentions:
            if m.modality != "asserted" or m.time is None or m.time_start is None:
                continue
            minutes = _minutes(m.time.value)
            if minutes is None or m.time_end is None:
                continue
            day.add(m.time.value[:10])
            written = " ".join(texts.get(m.doc_id, "")[m.time_start : m.time_end].split())
            per_doc[m.doc_id][minutes].append(
                Claim(e.id, "time", written, m.doc_id, m.time_start, m.time_end)
            )
        if len(day) != 1:
            zc = _zoned_moment(e, texts)
            if zc is not None:
                out.append(zc)
            continue
        single = {d: next(iter(hs)) for d, hs in per_doc.items() if len(hs) == 1}
        readings = sorted(set(single.values()))
        if len(readings) < 2:
            continue
        spread = readings[-1] - readings[0]
        if spread > _PHASE_MINUTES:
            zc = _zoned_moment(e, texts)
            if zc is not None:
                out.append(zc)
            continue
        values = []
        for minutes in readings:
            claims = [c for d, mn in sorted(single.items()) if mn == minutes for c in per_doc[d][mn]]
            values.append(ConflictValue(claims[0].value, tuple(dict.fromkeys(claims))))
        if len({v.value for v in values}) < 2:
            continue
        severity: Severity = "soft" if spread <= 60 else "hard"
        listed = ", ".join(v.value for v in values)
        expl = (
            f"The sources give the hour of this event differently ({listed}); "
            + (
                "at most an hour apart: a clock read in a neighbouring zone or a rounded hour "
                "may explain it."
                if severity == "soft"
                else "no reading reconciles them."
            )
        )
        out.append(_conflict(e.id, "time", values, "unexplained", severity, expl))
    return out


#: two zoned readings are one moment when their instants are this close (a zone table in
#: standard time meets a page in summer time) and their minutes past the hour agree
_SAME_MOMENT = 60


def _zoned_moment(e: Event, texts: dict[str, str]) -> Conflict | None:
    """Pages that give one event's moment on two clocks, in two sentences or pages ("20:17
    UTC" / "4:17 p.m. EDT", "02:56 UTC on 21 July" / "10:56 p.m. EDT on 20 July"): readings
    with zones whose instants agree (:func:`~histograph.time.zones.instant`) — a soft
    ``timezone`` conflict on the event's ``time``."""
    readings: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    instants: dict[tuple[int, str], int] = {}
    for m in e.mentions:
        if m.modality != "asserted" or m.time is None or m.time_start is None:
            continue
        if m.time_end is None or _minutes(m.time.value) is None:
            continue
        text = texts.get(m.doc_id, "")
        clock = zoned_clock(text[m.time_start : m.time_end + 30])
        if clock is None:
            continue
        minutes, zone, s, t = clock
        at = instant(m.time.earliest, minutes, zone)
        if at is None:
            continue
        s, t = m.time_start + s, m.time_start + t
        written = " ".join(text[s:t].split())
        key = (m.time.earliest * 1440 + minutes, zone.lower())
        readings[key].append(Claim(e.id, "time", written, m.doc_id, s, t))
        instants[key] = at
    if len(readings) < 2 or len({k[1] for k in readings}) < 2:
        return None
    ats = sorted(instants.values())
    mins = {k[0] % 60 for k in readings}
    if ats[-1] - ats[0] > _SAME_MOMENT or len(mins) != 1:
        return None
    values = [
        ConflictValue(cs[0].value, tuple(dict.fromkeys(cs)))
        for _k, cs in sorted(readings.items())
    ]
    listed = ", ".join(v.value for v in values)
    expl = (
        f"{listed} are one moment read on different clocks: the sources give the time in "
        "different zones (and so, across midnight, on different calendar days)."
    )
    return _conflict(e.id, "time", values, "timezone", "soft", expl)
