"""Calendar facts: Julian (Old Style) to Gregorian (New Style), movable feasts, and the
well-known events whose two datings both circulate (``data/calendars.yaml``)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import TimeValue, civil_from_day, day_number
from . import values as V
from .lexicon import DualDated, lexicon

_GREGORIAN_EPOCH_JDN = 1721426  # Julian Day Number of 0001-01-01 (proleptic Gregorian)


def julian_day_number(year: int, month: int, day: int) -> int:
    """Day number (as :func:`histograph.model.day_number`) of a Julian-calendar date."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return jdn - _GREGORIAN_EPOCH_JDN


def julian_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """25 October 1917 (Julian) -> (1917, 11, 7)."""
    return civil_from_day(julian_day_number(year, month, day))


def julian_offset(n: int) -> int:
    """Days between the calendars around Gregorian day number ``n`` (10 in 1582-1700,
    11 to 1800, 12 to 1900, 13 to 2100), from the table in ``calendars.yaml``."""
    y, m, d = civil_from_day(n)
    for start, end, days in lexicon().julian_offsets:
        s = V.parse_value(start)
        e = V.parse_value(end)
        if s is None or e is None:
            continue
        # the table is in Julian dates; compare on the Gregorian axis, shifted by the offset
        if s.earliest + days <= n <= e.latest + days:
            return days
    y0 = y if (m, d) >= (3, 1) else y - 1
    return y0 // 100 - y0 // 400 - 2


def julian_to_gregorian_value(tv: TimeValue) -> TimeValue:
    """A value read in a Julian-calendar source -> the same span on the Gregorian axis,
    with ``source_calendar='julian'``. Days convert exactly; a month becomes the interval
    of its converted days; coarser values keep their label and shift their bounds."""
    if tv.source_calendar == "julian":
        return tv
    y1, m1, d1 = civil_from_day(tv.earliest)
    y2, m2, d2 = civil_from_day(tv.latest)
    lo = julian_day_number(y1, m1, d1)
    hi = julian_day_number(y2, m2, d2)
    if tv.precision in ("day", "time"):
        conv = V.from_day_number(lo)
        value = conv.value + (tv.value[10:] if tv.precision == "time" else "")
        return replace(tv, value=value, earliest=lo, latest=lo, source_calendar="julian")
    if tv.precision == "month":
        a, b = V.from_day_number(lo), V.from_day_number(hi)
        return replace(
            tv,
            value=f"{a.value}/{b.value}",
            earliest=lo,
            latest=hi,
            precision="interval",
            source_calendar="julian",
        )
    return replace(tv, earliest=lo, latest=hi, source_calendar="julian")


def easter(year: int) -> tuple[int, int]:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return month, day


def movable_feast(rule: str, year: int) -> int | None:
    if rule in ("easter", "good_friday", "easter_monday"):
        m, d = easter(year)
        n = day_number(year, m, d)
        return n + {"easter": 0, "good_friday": -2, "easter_monday": 1}[rule]
    if rule == "us_thanksgiving":  # fourth Thursday of November
        first = day_number(year, 11, 1)
        wd = first % 7  # 0 = Monday
        first_thu = first + (3 - wd) % 7
        return first_thu + 21
    return None


def _names_rx(ev: DualDated) -> re.Pattern[str]:
    alts = "|".join(
        re.escape(n).replace(r"\ ", r"\s+") for n in sorted(ev.names, key=len, reverse=True)
    )
    return re.compile(rf"(?i)\b(?:{alts})\b")


def dual_dated_mentions(text: str) -> list[tuple[int, int, DualDated]]:
    """Spans of ``text`` naming a well-known dual-dated event (with any required context)."""
    out: list[tuple[int, int, DualDated]] = []
    for ev in lexicon().dual_dated:
        for m in _names_rx(ev).finditer(text):
            if ev.context:
                window = text[max(0, m.start() - 300) : m.end() + 300]
                if not any(re.search(rf"\b{re.escape(w)}\b", window) for w in ev.context):
                    continue
            out.append((m.start(), m.end(), ev))
    return out


def julian_reading(tv: TimeValue, ev: DualDated) -> TimeValue | None:
    """If ``tv`` (read as Gregorian) is the event's Julian date (or its Julian month),
    return the corrected value: the Gregorian date with ``source_calendar='julian'``."""
    jul = V.parse_value(ev.julian)
    greg = V.parse_value(ev.gregorian)
    if jul is None or greg is None or tv.source_calendar == "julian":
        return None
    if tv.precision == "day" and tv.earliest == jul.earliest:
        return replace(greg, anchor=tv.anchor, approximate=tv.approximate, source_calendar="julian")
    if tv.precision == "month" and tv.value == ev.julian[:7] and ev.julian[:7] != ev.gregorian[:7]:
        return julian_to_gregorian_value(tv)
    return None
