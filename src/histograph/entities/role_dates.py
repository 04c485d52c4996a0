"""Dates for roles: the document's date mentions as the role constructions ask for them
(:class:`RoleDates`: the dates inside a span, whether a span is dated), from the date engine or,
without it, from a small fallback pattern ("March 1933", "1936-1938", "1961-present")."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import TimeMention, TimeValue, day_number
from ..time.lexicon import lexicon

if TYPE_CHECKING:
    from ..state import DocState


#: full month names in calendar order, from the date lexicon (the longest name of each month)
_MONTH_NAMES = [
    max((n for n, num in lexicon().months.items() if num == month), key=len)
    for month in range(1, 13)
]

_MONTH_RE = (
    "|".join(m.capitalize() for m in _MONTH_NAMES)
    + "|"
    + "|".join(m[:3].capitalize() + r"\.?" for m in _MONTH_NAMES)
)


_FALLBACK_DATE = re.compile(
    rf"\b(?:(?P<mon>{_MONTH_RE})\s+(?:(?P<day>\d{{1,2}}),?\s+)?)?(?P<y1>1[0-9]{{3}}|20[0-9]{{2}})"
    rf"(?:\s*[-–—/]\s*(?P<y2>1[0-9]{{3}}|20[0-9]{{2}}|present))?\b"
)


def _year_tv(y: int, m: int | None = None, d: int | None = None) -> TimeValue:
    if m is None:
        return TimeValue(str(y), day_number(y, 1, 1), day_number(y, 12, 31), "year")
    if d is None:
        nxt = day_number(y + (m == 12), m % 12 + 1, 1)
        return TimeValue(f"{y:04d}-{m:02d}", day_number(y, m, 1), nxt - 1, "month")
    n = day_number(y, m, d)
    return TimeValue(f"{y:04d}-{m:02d}-{d:02d}", n, n, "day")


def timex_value(s: str) -> TimeValue | None:
    """A TIMEX value -> TimeValue, through the date engine when it can, else locally."""
    try:
        from ..time import parse_value

        tv = parse_value(s)
    except Exception:  # the date engine is optional here
        tv = None
    if tv is not None:
        return tv
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", s)
    if not m:
        return None
    return _year_tv(
        int(m.group(1)),
        int(m.group(2)) if m.group(2) else None,
        int(m.group(3)) if m.group(3) else None,
    )


def split_interval(tv: TimeValue) -> tuple[TimeValue | None, TimeValue | None]:
    if "/" in tv.value:
        a, _, b = tv.value.partition("/")
        return timex_value(a), timex_value(b)
    return tv, None


@dataclass(frozen=True)
class RoleDate:
    start: int
    end: int
    value: TimeValue


class RoleDates:
    """Date mentions of the document (the date engine's, or a small fallback)."""

    def __init__(self, state: DocState) -> None:
        self._dates: list[RoleDate] = []
        times: list[TimeMention] = [
            t
            for t in state.times
            if not t.document_date and t.value is not None and t.kind == "DATE"
        ]
        if times:
            self._dates = [RoleDate(t.start, t.end, t.value) for t in times if t.value is not None]
        elif not state.times:
            text = state.document.text
            for seg in state.segments:
                for m in _FALLBACK_DATE.finditer(text, seg.region.start, seg.region.end):
                    tv = self._fallback_value(m)
                    if tv is not None:
                        self._dates.append(RoleDate(m.start(), m.end(), tv))
        self._dates.sort(key=lambda d: d.start)
        #: built once per document so that each lookup is a bisection, not a scan of every
        #: date (a long dated table would otherwise make the role pass quadratic)
        self._starts = [d.start for d in self._dates]
        self._max_end: list[int] = []
        for d in self._dates:
            self._max_end.append(max(d.end, self._max_end[-1]) if self._max_end else d.end)

    @staticmethod
    def _fallback_value(m: re.Match[str]) -> TimeValue | None:
        y1 = int(m.group("y1"))
        if m.group("y2"):
            if m.group("y2") == "present":
                return _year_tv(y1)
            y2 = int(m.group("y2"))
            if y2 < y1:
                return None
            a, b = _year_tv(y1), _year_tv(y2)
            return TimeValue(f"{y1}/{y2}", a.earliest, b.latest, "interval")
        mon = m.group("mon")
        if mon:
            mi = _MONTH_NAMES.index(
                next(n for n in _MONTH_NAMES if n.startswith(mon.lower().rstrip(".")[:3]))
            )
            day = int(m.group("day")) if m.group("day") else None
            try:
                return _year_tv(y1, mi + 1, day)
            except ValueError:
                return None
        return _year_tv(y1)

    def within(self, a: int, b: int) -> list[RoleDate]:
        """Dates lying wholly inside ``[a, b]``, in order of start."""
        k = bisect.bisect_left(self._starts, a)
        hi = bisect.bisect_right(self._starts, b)
        return [d for d in self._dates[k:hi] if d.end <= b]

    def covers(self, a: int, b: int) -> bool:
        """Some date overlaps ``[a, b)``: of the dates starting before ``b``, the one that
        ends last ends after ``a``."""
        k = bisect.bisect_left(self._starts, b)
        return k > 0 and self._max_end[k - 1] > a
