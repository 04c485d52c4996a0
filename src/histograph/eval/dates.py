"""The gold date grammar of the evaluation format (FORMAT.md §2) and ``range(d)``.

Grammar: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, decade ``YYYX`` (``192X``), century ``YYXX``
(``19XX``), or an interval ``A/B`` where A is any of those forms and B is
``YYYY[-MM[-DD]]``. ``range(d)`` is the closed interval of days covered, here as a pair of
proleptic-Gregorian day numbers (:func:`histograph.model.day_number`).

*(v1.1)* Years before AD 1 are ISO 8601 expanded years with astronomical numbering: a
minus sign and four digits (``-0043-03-15`` is 15 March 44 BC, ``0000`` is 1 BC); BC years
take no decade or century form. Anything else (surrounding spaces, lower-case ``x``, times,
seasons, ``BC0044``) does not parse and counts as ``null``.
"""

from __future__ import annotations

import re

from ..model import TimeValue, civil_from_day, day_number

DayRange = tuple[int, int]

_POINT = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DECADE = re.compile(r"(\d{3})X")
_CENTURY = re.compile(r"(\d{2})XX")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _point_range(text: str) -> DayRange | None:
    m = _POINT.fullmatch(text)
    if m is None:
        return None
    year = int(m.group(1))
    if m.group(2) is None:
        return day_number(year, 1, 1), day_number(year, 12, 31)
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None
    last = _days_in_month(year, month)
    if m.group(3) is None:
        return day_number(year, month, 1), day_number(year, month, last)
    day = int(m.group(3))
    if not 1 <= day <= last:
        return None
    n = day_number(year, month, day)
    return n, n


def _single_range(text: str) -> DayRange | None:
    """Range of a non-interval form (point, decade or century)."""
    m = _DECADE.fullmatch(text)
    if m is not None:
        start = int(m.group(1)) * 10
        return day_number(start, 1, 1), day_number(start + 9, 12, 31)
    m = _CENTURY.fullmatch(text)
    if m is not None:
        start = int(m.group(1)) * 100
        return day_number(start, 1, 1), day_number(start + 99, 12, 31)
    return _point_range(text)


def date_range(value: object) -> DayRange | None:
    """``range(d)`` as ``(first_day, last_day)`` day numbers, or None when ``value`` is
    null or does not parse under the grammar (an interval whose end precedes its start
    does not parse either)."""
    if not isinstance(value, str):
        return None
    if "/" in value:
        first, _sep, second = value.partition("/")
        if "/" in second:
            return None
        a = _single_range(first)
        b = _point_range(second)
        if a is None or b is None or b[1] < a[0]:
            return None
        return a[0], b[1]
    return _single_range(value)


def is_interval(value: object) -> bool:
    """True for a well-formed ``A/B`` interval date."""
    return isinstance(value, str) and "/" in value and date_range(value) is not None


def within(inner: DayRange, outer: DayRange) -> bool:
    """``inner ⊆ outer`` (closed day intervals)."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


_BC = re.compile(r"BC(\d{4})")


def _astronomical(m: re.Match[str]) -> str:
    """``BC0044`` -> ``-0043`` (there is no year 0 in BC counting; astronomical 0 is 1 BC)."""
    return _year(1 - int(m.group(1)))


def _year(y: int) -> str:
    """A year in the gold grammar: ``1933``, ``0258``, ``-0043`` (44 BC)."""
    return f"{y:04d}" if y >= 0 else f"-{-y:04d}"


def _iso(n: int) -> str | None:
    y, m, d = civil_from_day(n)
    if not -9999 <= y <= 9999:
        return None
    return f"{_year(y)}-{m:02d}-{d:02d}"


def to_gold_date(tv: TimeValue | None) -> str | None:
    """A system :class:`TimeValue` written in the gold grammar.

    The TIMEX3-style value is kept when it parses (``1933-11-16``, ``193X``,
    ``1936/1938``); a time of day is cut to its day (``1933-11-16T23:50``); any other
    value (a season, a week) is written as the exact day interval it covers
    (``1933-06-01/1933-08-31``); a BC value (``BC0044-03-15``) is written with an
    astronomical year (``-0043-03-15``). Years outside -9999..9999 give None.
    """
    if tv is None:
        return None
    value = _BC.sub(_astronomical, tv.value)
    if date_range(value) is not None:
        return value
    if "T" in value:
        day = value.split("T", 1)[0]
        if _POINT.fullmatch(day) and date_range(day) is not None:
            return day
    if tv.latest < tv.earliest:
        return None
    first, last = _iso(tv.earliest), _iso(tv.latest)
    if first is None or last is None:
        return None
    # the coarsest grammar form that covers exactly the interval, else A/B
    for candidate in _exact_forms(first, last):
        if date_range(candidate) == (tv.earliest, tv.latest):
            return candidate
    return f"{first}/{last}"


def _exact_forms(first: str, last: str) -> list[str]:
    if first.startswith("-"):  # BC: no decade or century forms
        forms = [first[:5], first[:8]]
        if first == last:
            forms.append(first)
        return forms
    forms = [first[:3] + "X", first[:2] + "XX", first[:4], first[:7]]
    if first == last:
        forms.append(first)
    return forms
