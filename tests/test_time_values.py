"""Value strings <-> TimeValue, metadata date strings."""

from __future__ import annotations

import pytest

from histograph.model import day_number
from histograph.time import normalise_date_string, parse_value, to_timex3
from histograph.time.values import from_timex3, make_century, make_decade


@pytest.mark.parametrize(
    ("value", "precision", "first", "last"),
    [
        ("1933-11-16", "day", (1933, 11, 16), (1933, 11, 16)),
        ("1933-11", "month", (1933, 11, 1), (1933, 11, 30)),
        ("1933", "year", (1933, 1, 1), (1933, 12, 31)),
        ("192X", "decade", (1920, 1, 1), (1929, 12, 31)),
        ("192", "decade", (1920, 1, 1), (1929, 12, 31)),
        ("19XX", "century", (1900, 1, 1), (1999, 12, 31)),
        ("19", "century", (1900, 1, 1), (1999, 12, 31)),
        ("1933-SP", "season", (1933, 3, 1), (1933, 5, 31)),
        ("1933-Q4", "quarter", (1933, 10, 1), (1933, 12, 31)),
        ("1936/1938", "interval", (1936, 1, 1), (1938, 12, 31)),
        ("1917-12/1933-11-16", "interval", (1917, 12, 1), (1933, 11, 16)),
        ("1933-11-16T23:50", "time", (1933, 11, 16), (1933, 11, 16)),
        ("BC0550", "year", (-549, 1, 1), (-549, 12, 31)),
        ("-0549", "year", (-549, 1, 1), (-549, 12, 31)),
    ],
)
def test_parse_value(
    value: str, precision: str, first: tuple[int, int, int], last: tuple[int, int, int]
) -> None:
    tv = parse_value(value)
    assert tv is not None
    assert tv.precision == precision
    assert tv.earliest == day_number(*first)
    assert tv.latest == day_number(*last)


@pytest.mark.parametrize("bad", ["", "hello", "1933-13", "1933-02-30", "1938/1936", "19331"])
def test_parse_value_rejects(bad: str) -> None:
    assert parse_value(bad) is None


def test_timex3_round_trip() -> None:
    assert to_timex3("193X") == "193"
    assert to_timex3("19XX") == "19"
    assert to_timex3("1933-11-16") == "1933-11-16"
    assert from_timex3("193") == "193X"
    assert make_decade(1930).value == "193X"
    assert make_century(20).value == "19XX"


@pytest.mark.parametrize(
    ("s", "value"),
    [
        ("2023-11-15", "2023-11-15"),
        ("2023-11-15T10:00:00Z", "2023-11-15T10:00"),
        ("Wed, 15 Nov 2023 10:00:00 +0000", "2023-11-15T10:00"),
        ("November 16, 2011 05:00 AM", "2011-11-16T05:00"),
        ("16 November 1933", "1933-11-16"),
        ("Nov. 16, 1933", "1933-11-16"),
    ],
)
def test_normalise_date_string(s: str, value: str) -> None:
    tv = normalise_date_string(s)
    assert tv is not None and tv.value == value


def test_normalise_date_string_rejects_prose() -> None:
    assert normalise_date_string("the cat sat on the mat in 1933 and then left") is None
    assert normalise_date_string("") is None
