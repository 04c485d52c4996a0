"""TimeValue construction, TIMEX3-style value strings and their parsing.

Value strings (``TimeValue.value``) follow the gold grammar of ``../shared/eval/FORMAT.md``
with a few extensions:

=====================  ==============================  ===========================
what                   histograph value                TIMEX3 (``TimeMention.timex``)
=====================  ==============================  ===========================
day / month / year     ``1933-11-16`` ``1933-11``      same
                       ``1933``
time                   ``1933-11-16T23:50``            same
decade                 ``193X``                        ``193``
century                ``19XX``                        ``19``
millennium             ``1XXX``                        ``1``
season                 ``1933-SP`` (SP SU FA WI)       same
quarter / half         ``1933-Q4`` ``1933-H1``         same
ISO week               ``2013-W12``                    same
interval               ``1936/1938``                   same
BC years               ``BC0550`` (= 550 BC)           same
=====================  ==============================  ===========================

**BC years**: written ``BC`` + the historian's year on four digits, as the TIMEX3 guidelines
do (``BC0550`` is 550 BC, astronomical year -549). :func:`parse_value` also reads the ISO 8601
expanded form ``-0549`` (astronomical numbering: ``-0549`` = 550 BC, ``0000`` = 1 BC).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Anchor, Precision, TimeValue, civil_from_day, day_number

SEASON_MONTHS: dict[str, tuple[int, int]] = {
    # meteorological seasons (northern hemisphere); winter Y spans Dec Y-1 .. Mar Y+... see below
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
}


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def year_str(year: int) -> str:
    """Astronomical year -> value string: 1933 -> ``1933``, -549 -> ``BC0550``."""
    if year > 0:
        return f"{year:04d}"
    return f"BC{1 - year:04d}"


def _tv(
    value: str,
    earliest: int,
    latest: int,
    precision: Precision,
    *,
    anchor: Anchor = "absolute",
    approximate: bool = False,
    source_calendar: str = "gregorian",
) -> TimeValue:
    return TimeValue(
        value=value,
        earliest=earliest,
        latest=latest,
        precision=precision,
        anchor=anchor,
        approximate=approximate,
        source_calendar=source_calendar,
    )


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def make_day(year: int, month: int, day: int) -> TimeValue:
    n = day_number(year, month, day)
    return _tv(f"{year_str(year)}-{month:02d}-{day:02d}", n, n, "day")


def make_time(year: int, month: int, day: int, hour: int, minute: int | None = None) -> TimeValue:
    """A clock time on a day; hour 24 means the midnight that ends the day."""
    n = day_number(year, month, day)
    clock = f"{hour:02d}" if minute is None else f"{hour:02d}:{minute:02d}"
    return _tv(f"{year_str(year)}-{month:02d}-{day:02d}T{clock}", n, n, "time")


def make_part_of_day(year: int, month: int, day: int, code: str) -> TimeValue:
    n = day_number(year, month, day)
    return _tv(f"{year_str(year)}-{month:02d}-{day:02d}T{code}", n, n, "time")


def make_month(year: int, month: int) -> TimeValue:
    return _tv(
        f"{year_str(year)}-{month:02d}",
        day_number(year, month, 1),
        day_number(year, month, days_in_month(year, month)),
        "month",
    )


def make_year(year: int) -> TimeValue:
    return _tv(year_str(year), day_number(year, 1, 1), day_number(year, 12, 31), "year")


def make_span_years(first: int, last: int, value: str, precision: Precision) -> TimeValue:
    return _tv(value, day_number(first, 1, 1), day_number(last, 12, 31), precision)


def make_decade(first_year: int) -> TimeValue:
    """``first_year`` = 1930 -> ``193X`` covering 1930..1939 (BC: BC decade by digits)."""
    if first_year > 0:
        return make_span_years(first_year, first_year + 9, f"{first_year // 10:03d}X", "decade")
    bc = 1 - first_year  # e.g. first_year -539 -> 540 BC
    return make_span_years(first_year - 9, first_year, f"BC{bc // 10:03d}X", "decade")


def make_century(number: int, bc: bool = False) -> TimeValue:
    """The ``number``-th century: 20 -> ``19XX`` (1900..1999, the usual reading of
    "20th century"); with ``bc``: 5 -> 500..401 BC, value ``BC04XX``."""
    if not bc:
        first = (number - 1) * 100
        first = max(first, 1)
        return make_span_years(first, (number - 1) * 100 + 99, f"{number - 1:02d}XX", "century")
    last_bc, first_bc = (number - 1) * 100 + 1, number * 100
    return make_span_years(1 - first_bc, 1 - last_bc, f"BC{number - 1:02d}XX", "century")


def make_millennium(number: int, bc: bool = False) -> TimeValue:
    if not bc:
        first = max((number - 1) * 1000, 1)
        return make_span_years(first, (number - 1) * 1000 + 999, f"{number - 1}XXX", "millennium")
    return make_span_years(
        1 - number * 1000, 1 - ((number - 1) * 1000 + 1), f"BC{number - 1}XXX", "millennium"
    )


def make_season(year: int, code: str) -> TimeValue:
    """Seasons of the northern hemisphere; winter ``Y-WI`` is read broadly as
    January of Y to February of Y+1 (both common readings of "the winter of Y")."""
    if code == "WI":
        return _tv(
            f"{year_str(year)}-WI",
            day_number(year, 1, 1),
            day_number(year + 1, 2, days_in_month(year + 1, 2)),
            "season",
        )
    m1, m2 = SEASON_MONTHS[code]
    return _tv(
        f"{year_str(year)}-{code}",
        day_number(year, m1, 1),
        day_number(year, m2, days_in_month(year, m2)),
        "season",
    )


def make_quarter(year: int, q: int) -> TimeValue:
    m1 = 3 * (q - 1) + 1
    m2 = m1 + 2
    return _tv(
        f"{year_str(year)}-Q{q}",
        day_number(year, m1, 1),
        day_number(year, m2, days_in_month(year, m2)),
        "quarter",
    )


def make_half(year: int, h: int) -> TimeValue:
    m1, m2 = (1, 6) if h == 1 else (7, 12)
    return _tv(
        f"{year_str(year)}-H{h}",
        day_number(year, m1, 1),
        day_number(year, m2, days_in_month(year, m2)),
        "interval",
    )


def iso_week_start(year: int, week: int) -> int:
    """Day number of the Monday of ISO week ``week`` of ``year``."""
    jan4 = day_number(year, 1, 4)
    monday1 = jan4 - (jan4 % 7)  # day 0 (0001-01-01) is a Monday
    return monday1 + 7 * (week - 1)


def iso_week_of(n: int) -> tuple[int, int]:
    """(ISO year, ISO week) of day number ``n``."""
    y, _, _ = civil_from_day(n)
    for cand in (y + 1, y, y - 1):
        start = iso_week_start(cand, 1)
        if n >= start:
            return cand, (n - start) // 7 + 1
    return y - 1, 1  # pragma: no cover


def make_week(year: int, week: int) -> TimeValue:
    s = iso_week_start(year, week)
    return _tv(f"{year_str(year)}-W{week:02d}", s, s + 6, "interval")


def make_week_of_day(n: int) -> TimeValue:
    y, w = iso_week_of(n)
    return make_week(y, w)


def make_interval(a: TimeValue, b: TimeValue) -> TimeValue:
    lo, hi = (a, b) if a.earliest <= b.earliest else (b, a)
    return _tv(
        f"{lo.value}/{hi.value}",
        lo.earliest,
        max(hi.latest, lo.latest),
        "interval",
        approximate=lo.approximate or hi.approximate,
        source_calendar=lo.source_calendar if lo.source_calendar == hi.source_calendar else "mixed",
    )


def from_day_number(n: int) -> TimeValue:
    y, m, d = civil_from_day(n)
    return make_day(y, m, d)


def with_anchor(tv: TimeValue, anchor: Anchor) -> TimeValue:
    return tv if tv.anchor == anchor else replace(tv, anchor=anchor)


def narrowed(tv: TimeValue, mod: str) -> TimeValue:
    """early / mid / late (and start / end) part of a span: the value string keeps the
    span's precision (TIMEX3 puts the part in a modifier), the day interval narrows to
    the first half, the middle half or the second half, and the value is approximate."""
    span = tv.latest - tv.earliest + 1
    if span <= 1:
        return replace(tv, approximate=True)
    lo, hi = tv.earliest, tv.latest
    if mod in ("early", "start"):
        hi = lo + span // 2
    elif mod in ("late", "end"):
        lo = hi - span // 2
    elif mod == "mid":
        lo, hi = lo + span // 4, hi - span // 4
    return replace(tv, earliest=lo, latest=hi, approximate=True)


# ---------------------------------------------------------------- value strings
_YEAR = r"(?:BC(?P<bc>\d{1,4})|(?P<neg>-\d{1,6})|(?P<y>\d{4}))"
_VALUE_RE = re.compile(
    rf"^{_YEAR}(?:-(?:(?P<m>\d{{2}})(?:-(?P<d>\d{{2}})(?:T(?P<hh>\d{{2}})(?::(?P<mi>\d{{2}})(?::\d{{2}}(?:\.\d+)?)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?|T(?P<pod>MO|AF|EV|NI|DT))?)?"
    r"|(?P<season>SP|SU|FA|WI)|Q(?P<q>[1-4])|H(?P<h>[12])|W(?P<w>\d{2})))?$"
)
_DECADE_RE = re.compile(r"^(?P<bc>BC)?(?P<d>\d{3})X?$")
_CENTURY_RE = re.compile(r"^(?P<bc>BC)?(?P<c>\d{2})(?:XX)?$")
_MILL_RE = re.compile(r"^(?P<bc>BC)?(?P<m>\d)XXX$")


def _year_of(m: re.Match[str]) -> int:
    if m.group("bc"):
        return 1 - int(m.group("bc"))
    if m.group("neg"):
        return int(m.group("neg"))
    return int(m.group("y"))


def parse_value(value: str) -> TimeValue | None:
    """A value string (see the module doc) -> TimeValue, or None when it is not one.

    Accepts both histograph decades/centuries (``192X``, ``19XX``) and the TIMEX3 forms
    (``192``, ``19``), intervals ``A/B``, BC years (``BC0550`` or ISO ``-0549``)."""
    s = value.strip()
    if not s:
        return None
    if "/" in s:
        a_s, _, b_s = s.partition("/")
        a, b = parse_value(a_s), parse_value(b_s)
        if a is None or b is None or b.latest < a.earliest:
            return None
        return make_interval(a, b)
    m = _VALUE_RE.match(s)
    if m:
        try:
            year = _year_of(m)
            if m.group("m"):
                month = int(m.group("m"))
                if not 1 <= month <= 12:
                    return None
                if m.group("d"):
                    day = int(m.group("d"))
                    if not valid_day(year, month, day):
                        return None
                    if m.group("pod"):
                        return make_part_of_day(year, month, day, m.group("pod"))
                    if m.group("hh"):
                        hh = int(m.group("hh"))
                        mi = int(m.group("mi")) if m.group("mi") else None
                        if hh > 24 or (mi is not None and mi > 59):
                            return None
                        return make_time(year, month, day, hh, mi)
                    return make_day(year, month, day)
                return make_month(year, month)
            if m.group("season"):
                return make_season(year, m.group("season"))
            if m.group("q"):
                return make_quarter(year, int(m.group("q")))
            if m.group("h"):
                return make_half(year, int(m.group("h")))
            if m.group("w"):
                w = int(m.group("w"))
                return make_week(year, w) if 1 <= w <= 53 else None
            return make_year(year)
        except (ValueError, OverflowError):
            return None
    m2 = _MILL_RE.match(s)
    if m2:
        return make_millennium(int(m2.group("m")) + 1, bool(m2.group("bc")))
    m3 = _DECADE_RE.match(s)
    if m3 and (s.endswith("X") or len(s) - (2 if m3.group("bc") else 0) == 3):
        digits = int(m3.group("d"))
        if m3.group("bc"):
            first_bc = digits * 10 + 9
            return replace(
                make_span_years(1 - first_bc, 1 - digits * 10, f"BC{digits:03d}X", "decade")
            )
        return make_decade(digits * 10)
    m4 = _CENTURY_RE.match(s)
    if m4:
        return make_century(int(m4.group("c")) + 1, bool(m4.group("bc")))
    return None


def to_timex3(value: str) -> str:
    """histograph value string -> TIMEX3 value (decades ``193X`` -> ``193``, centuries
    ``19XX`` -> ``19``, millennia ``1XXX`` -> ``1``); other values unchanged."""
    if "/" in value:
        a, _, b = value.partition("/")
        return f"{to_timex3(a)}/{to_timex3(b)}"
    if re.fullmatch(r"(?:BC)?\d{3}X", value) or re.fullmatch(r"(?:BC)?\d{2}XX", value):
        return value.rstrip("X")
    if re.fullmatch(r"(?:BC)?\dXXX", value):
        return value.rstrip("X")
    return value


def from_timex3(value: str) -> str:
    """TIMEX3 value -> histograph value string (inverse of :func:`to_timex3`)."""
    if re.fullmatch(r"(?:BC)?\d{3}", value):
        return value + "X"
    if re.fullmatch(r"(?:BC)?\d{2}", value):
        return value + "XX"
    return value
