"""explain_date_difference and calendar arithmetic."""

from __future__ import annotations

from histograph.model import day_number
from histograph.time import explain_date_difference, parse_value
from histograph.time.calendars import easter, julian_offset, julian_to_gregorian
from histograph.time.values import make_day


def _v(s: str):  # type: ignore[no-untyped-def]
    tv = parse_value(s)
    assert tv is not None
    return tv


def test_precision() -> None:
    kind, why = explain_date_difference(_v("1933-11"), _v("1933-11-16"))  # type: ignore[misc]
    assert kind == "precision" and "1933-11-16" in why


def test_timezone() -> None:
    kind, why = explain_date_difference(_v("1933-11-16"), _v("1933-11-17"))  # type: ignore[misc]
    assert kind == "timezone" and "time zone" in why


def test_calendar_gap_by_era() -> None:
    assert explain_date_difference(_v("1917-10-25"), _v("1917-11-07"))[0] == "calendar"  # type: ignore[index]
    assert explain_date_difference(_v("1709-06-27"), _v("1709-07-08"))[0] == "calendar"  # type: ignore[index]
    assert explain_date_difference(_v("1650-01-01"), _v("1650-01-11"))[0] == "calendar"  # type: ignore[index]
    assert explain_date_difference(_v("1917-10-25"), _v("1917-11-06")) is None


def test_marked_julian_same_day() -> None:
    from dataclasses import replace

    jul = replace(_v("1917-11-07"), source_calendar="julian")
    kind, _ = explain_date_difference(jul, _v("1917-11-07"))  # type: ignore[misc]
    assert kind == "calendar"


def test_unexplained() -> None:
    assert explain_date_difference(_v("1933-11-16"), _v("1934-02-01")) is None
    assert explain_date_difference(_v("1933-11-16"), _v("1933-11-16")) is None


def test_julian_arithmetic() -> None:
    assert julian_to_gregorian(1917, 10, 25) == (1917, 11, 7)
    assert julian_to_gregorian(1582, 10, 5) == (1582, 10, 15)
    assert julian_offset(day_number(1650, 6, 1)) == 10
    assert julian_offset(day_number(1750, 6, 1)) == 11
    assert julian_offset(day_number(1850, 6, 1)) == 12
    assert julian_offset(day_number(1950, 6, 1)) == 13
    assert easter(2024) == (3, 31)
    assert make_day(1933, 11, 16).earliest == day_number(1933, 11, 16)
