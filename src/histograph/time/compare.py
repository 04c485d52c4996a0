"""Why two dates claimed for one event may differ: precision, calendar or time zone."""

from __future__ import annotations

from ..model import TimeValue
from .calendars import julian_offset

_FINE = ("day", "time")


def _label(tv: TimeValue) -> str:
    return tv.value + (" (Old Style)" if tv.source_calendar == "julian" else "")


def explain_date_difference(a: TimeValue, b: TimeValue) -> tuple[str, str] | None:
    """(kind, human-readable explanation) for two dates of one event, or None when
    nothing explains the difference (a real conflict).

    * ``precision``: one date contains the other (``1933-11`` and ``1933-11-16``);
    * ``calendar``: the same day in the Julian and the Gregorian calendar (one side is
      marked Old Style, or they are exactly the Julian-Gregorian gap of their era apart:
      10 days in 1582-1700, 11 to 1800, 12 to 1900, 13 to 2100);
    * ``timezone``: one day apart (an act late at night in one time zone is already the
      next day in another).
    """
    same_span = a.earliest == b.earliest and a.latest == b.latest
    if same_span:
        if a.source_calendar != b.source_calendar and "julian" in (
            a.source_calendar,
            b.source_calendar,
        ):
            j, g = (a, b) if a.source_calendar == "julian" else (b, a)
            return (
                "calendar",
                f"{_label(j)} and {_label(g)} are the same day: one source wrote it in the "
                "Julian (Old Style) calendar, the other in the Gregorian (New Style) one.",
            )
        return None
    if a.compatible(b):
        fine, coarse = (a, b) if a.within(b) else (b, a)
        return (
            "precision",
            f"{fine.value} lies within {coarse.value}: one source gives the date more "
            f"precisely ({fine.precision}) than the other ({coarse.precision}); they agree.",
        )
    if a.precision in _FINE and b.precision in _FINE:
        gap = abs(a.earliest - b.earliest)
        early = min(a.earliest, b.earliest)
        off = julian_offset(early + gap)
        if gap == off and early >= 577735:  # from 1582-10-15, when the gap existed
            later, earlier = (a, b) if a.earliest > b.earliest else (b, a)
            return (
                "calendar",
                f"{earlier.value} and {later.value} are {gap} days apart, exactly the gap "
                "between the Julian (Old Style) and Gregorian (New Style) calendars at that "
                f"time: {earlier.value} is likely the Old Style date of {later.value}.",
            )
        if gap == 1:
            first, second = (a, b) if a.earliest < b.earliest else (b, a)
            return (
                "timezone",
                f"{first.value} and {second.value} are one day apart: an act late at night in "
                "one time zone is already the next day in another (late evening in Washington "
                "is the next morning in Moscow), or one source dates the act and the other "
                "its announcement.",
            )
    if "julian" in (a.source_calendar, b.source_calendar) and a.overlaps(b):
        return (
            "calendar",
            f"{_label(a)} and {_label(b)} overlap once the Old Style date is read in the "
            "Gregorian calendar: the sources use different calendars.",
        )
    return None
