"""Helpers for the event tests: hand-built dates and documents (no date engine needed)."""

from __future__ import annotations

import calendar

from histograph.model import TimeMention, TimeValue, day_number


def tv(value: str, anchor: str = "absolute") -> TimeValue:
    """A TimeValue from YYYY, YYYY-MM, YYYY-MM-DD or A/B (years)."""
    if "/" in value:
        a, b = tv(value.split("/")[0]), tv(value.split("/")[1])
        return TimeValue(value, a.earliest, b.latest, "interval", anchor=anchor)  # type: ignore[arg-type]
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        n = day_number(*parts)
        return TimeValue(value, n, n, "day", anchor=anchor)  # type: ignore[arg-type]
    if len(parts) == 2:
        y, m = parts
        last = calendar.monthrange(y, m)[1]
        return TimeValue(value, day_number(y, m, 1), day_number(y, m, last), "month", anchor=anchor)  # type: ignore[arg-type]
    y = parts[0]
    return TimeValue(value, day_number(y, 1, 1), day_number(y, 12, 31), "year", anchor=anchor)  # type: ignore[arg-type]


def tm(
    text: str,
    phrase: str,
    value: str | None,
    doc_id: str = "",
    nth: int = 0,
    timex: str | None = None,
    document_date: bool = False,
) -> TimeMention:
    """A DATE mention of the ``nth`` occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return TimeMention(
        doc_id,
        start,
        start + len(phrase),
        phrase,
        "DATE",
        tv(value) if value else None,
        timex or value,
        document_date=document_date,
    )
