"""The one date renderer (render/dates.py): every shape a reader may see."""

from __future__ import annotations

import pytest

from histograph.model import TimeValue, day_number
from histograph.render.dates import date_text, heading_text, humanise, value_text
from histograph.time import parse_value


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("BC0044-03-15", "15 March 44 BC"),
        ("BC0027/0014", "27 BC – AD 14"),
        ("c. BC1200", "c. 1200 BC"),
        ("XXXX-11-16", "16 November (year not stated)"),
        ("XXXX-05", "May (year not stated)"),
        ("192X", "the 1920s"),
        ("19XX", "the 1900s"),
        ("1989-FA", "autumn 1989"),
        ("1969-07-20TAF", "20 July 1969, afternoon"),
        ("1933-11-16T23:50", "16 November 1933, 11:50 p.m."),
        ("1933-11-16T09:05", "16 November 1933, 9:05 a.m."),
        ("1933-11", "November 1933"),
        ("1936/1938", "1936–1938"),
        ("1917-11/1933-11", "November 1917 – November 1933"),
        ("1933-Q1", "first quarter of 1933"),
        ("Washington, D.C.", "Washington, D.C."),
        ("16 years", "16 years"),
    ],
)
def test_values_read_as_dates(raw: str, shown: str) -> None:
    assert value_text(raw) == shown


def test_approximate_year_keeps_its_circa() -> None:
    tv = TimeValue("1450", day_number(1450, 1, 1), day_number(1450, 12, 31), "year", approximate=True)
    assert date_text(tv) == "c. 1450"


def test_decade_heading_has_no_article() -> None:
    tv = parse_value("192X")
    assert tv is not None
    assert heading_text(tv) == "1920s"
    assert date_text(tv) == "1920s"
    assert date_text(tv, article=True) == "the 1920s"


def test_source_calendar_is_said() -> None:
    tv = TimeValue("1917-11-07", day_number(1917, 11, 7), day_number(1917, 11, 7), "day",
                   source_calendar="julian")
    assert date_text(tv) == "7 November 1917 (Julian calendar in the source)"


def test_explanations_have_no_raw_values() -> None:
    text = humanise("1950-06-26 is stated only in a headline, 1950-06-25T04:00 in the body; "
                    "filed under 194X; 1950 stays")
    assert text == ("26 June 1950 is stated only in a headline, 25 June 1950, 4:00 a.m. in the "
                    "body; filed under the 1940s; 1950 stays")


def test_humanise_leaves_other_text_alone() -> None:
    assert humanise("rounded from 1,200 to 1200-odd") == "rounded from 1,200 to 1200-odd"


def test_an_explanation_says_each_thing_once() -> None:
    from histograph.render.dates import explanation_text

    raw = ("1815-06-19 is stated only in a headline, 1815-06-18 in the body: the headline may "
           "give the day it was reported. 1815-06-19 is stated only in a headline, "
           "1815-06-18T21:00 in the body: the headline may give the day it was reported. "
           "1815-06-19 is stated only in a headline, XXXX-06-18 in the body: the headline may "
           "give the day it was reported.")
    assert explanation_text(raw) == (
        "19 June 1815 is stated only in a headline, 18 June 1815 in the body: the headline "
        "may give the day it was reported."
    )
    other = "Two sentences. They differ."
    assert explanation_text(other) == other
