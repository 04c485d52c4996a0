"""Stated durations ("16 years", "sixteen years", "a month", P16Y): the date engine's
reading of a length of time, in months, with the unit it was stated in.

A per-document stage (events/states.py) and the cross-document merge both read
durations, so they live here, below both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Duration", "months_label", "parse_days", "parse_duration"]

_UNIT_MONTHS = {"Y": 12, "M": 1, "DE": 120, "CE": 1200}
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_DUR_TEXT = re.compile(
    r"(?i)\b(\d{1,4}|[a-z]+(?:[- ][a-z]+)?)\s+(years?|months?|decades?|centur(?:y|ies))\b"
)
_TIMEX_DUR = re.compile(r"^P(\d+)(Y|M|DE|CE)$")


@dataclass(frozen=True)
class Duration:
    """A stated length in months (years are 12 months), with the unit it was stated in."""

    months: int
    unit_months: int  # 12 for years, 1 for months, 120 for decades

    @property
    def label(self) -> str:
        return months_label(self.months) if self.unit_months < 120 else f"{self.months // 12} years"


def parse_duration(text: str, timex: str | None = None) -> Duration | None:
    """ "16 years", "sixteen years", "a month", or a TIMEX3 duration (P16Y, P3M, P2DE)."""
    if timex:
        m = _TIMEX_DUR.match(timex)
        if m:
            unit = _UNIT_MONTHS[m.group(2)]
            return Duration(int(m.group(1)) * unit, unit)
    m = _DUR_TEXT.search(text)
    if not m:
        return None
    num, unit_word = m.group(1).lower(), m.group(2).lower()
    if num.isdigit():
        n = int(num)
    else:
        parts = re.split(r"[- ]", num)
        if not all(p in _WORD_NUMBERS for p in parts):
            return None
        n = sum(_WORD_NUMBERS[p] for p in parts)
    unit = (
        12
        if unit_word.startswith("year")
        else 1
        if unit_word.startswith("month")
        else 120
        if unit_word.startswith("decade")
        else 1200
    )
    return Duration(n * unit, unit)


def months_label(months: int) -> str:
    y, m = divmod(months, 12)
    parts = []
    if y:
        parts.append(f"{y} year{'s' if y != 1 else ''}")
    if m or not y:
        parts.append(f"{m} month{'s' if m != 1 else ''}")
    return " ".join(parts)


_DAYS_TEXT = re.compile(r"(?i)^\s*(\d{1,3}|[a-z]+)\s+(days?|weeks?)\s*$")


def parse_days(text: str) -> int | None:
    """ "two days", "3 weeks", "a day" -> a number of days (None for anything else)."""
    m = _DAYS_TEXT.match(text)
    if not m:
        return None
    num = m.group(1).lower()
    n = int(num) if num.isdigit() else _WORD_NUMBERS.get(num)
    if n is None:
        return None
    return n * (7 if m.group(2).lower().startswith("week") else 1)
