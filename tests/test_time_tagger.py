"""Every construction the date engine must handle (issue 3), through tag_dates."""

from __future__ import annotations

import pytest

from histograph.model import TimeMention
from histograph.time import tag_dates


def one(text: str, dct: str | None = None, **kw: object) -> TimeMention:
    ms = tag_dates(text, dct, **kw)  # type: ignore[arg-type]
    assert len(ms) == 1, [(m.text, m.timex) for m in ms]
    return ms[0]


def find(ms: list[TimeMention], text: str) -> TimeMention:
    for m in ms:
        if m.text == text:
            return m
    raise AssertionError(f"{text!r} not in {[m.text for m in ms]}")


@pytest.mark.parametrize(
    ("text", "mention", "value", "precision"),
    [
        ("It happened on 16 November 1933.", "16 November 1933", "1933-11-16", "day"),
        ("It happened on November 16, 1933.", "November 16, 1933", "1933-11-16", "day"),
        ("It happened on Nov. 16, 1933.", "Nov. 16, 1933", "1933-11-16", "day"),
        ("It happened on 1933-11-16.", "1933-11-16", "1933-11-16", "day"),
        ("It happened on 16/11/1933.", "16/11/1933", "1933-11-16", "day"),
        (
            "It happened on Thursday, 16 November 1933.",
            "Thursday, 16 November 1933",
            "1933-11-16",
            "day",
        ),
        ("In November 1933 talks began.", "November 1933", "1933-11", "month"),
        ("In 1933 talks began.", "1933", "1933", "year"),
        ("Trade grew in the 1920s.", "the 1920s", "192X", "decade"),
        ("It shaped the 20th century.", "the 20th century", "19XX", "century"),
        ("The talks of spring of 1933 failed.", "spring of 1933", "1933-SP", "season"),
        ("He was born circa 1550.", "circa 1550", "1550", "year"),
        ("Athens fell in 404 BC.", "404 BC", "BC0404", "year"),
        ("Founded in 753 BCE.", "753 BCE", "BC0753", "year"),
        ("Rome burned in AD 64.", "AD 64", "0064", "year"),
    ],
)
def test_absolute_dates(text: str, mention: str, value: str, precision: str) -> None:
    m = find(tag_dates(text), mention)
    assert m.kind == "DATE"
    assert m.value is not None
    assert m.value.value == value
    assert m.value.precision == precision
    assert m.value.anchor == "absolute"


def test_numeric_locale_preference() -> None:
    assert one("on 05/06/1933").value.value == "1933-05-06"  # type: ignore[union-attr]
    assert one("on 05/06/1933", day_first=True).value.value == "1933-06-05"  # type: ignore[union-attr]
    assert one("on 16/11/1933").value.value == "1933-11-16"  # type: ignore[union-attr]


def test_the_16th_of_november_inherits_year() -> None:
    ms = tag_dates("Talks opened in 1933. On the 16th of November, they ended.")
    m = find(ms, "the 16th of November")
    assert m.value is not None and m.value.value == "1933-11-16"
    assert m.value.anchor == "narrative"
    assert m.anchor_start == 16


def test_times() -> None:
    ms = tag_dates(
        "On Nov. 16, 1933, relations were established ten minutes before midnight on Nov. 16."
    )
    m = find(ms, "ten minutes before midnight on Nov. 16")
    assert m.kind == "TIME"
    assert m.value is not None and m.value.value == "1933-11-16T23:50"
    m2 = find(
        tag_dates("The cable left on 16 November 1933 at 11:50 p.m."),
        "16 November 1933 at 11:50 p.m.",
    )
    assert m2.timex == "1933-11-16T23:50"


def test_weekday_against_dct() -> None:
    m = one("The minister spoke on Thursday.", "2013-03-22")
    assert m.value is not None and m.value.value == "2013-03-21"
    assert m.value.anchor == "dct"


def test_partial_date_inherits_narrative_or_stays_unresolved() -> None:
    ms = tag_dates(
        "The crisis of 1933 deepened. On November 16, the United States recognised the USSR."
    )
    m = find(ms, "November 16")
    assert m.value is not None and m.value.value == "1933-11-16"
    assert m.value.anchor == "narrative"
    alone = one("On November 16, the United States recognised the USSR.")
    assert alone.value is None
    assert alone.timex == "XXXX-11-16"


@pytest.mark.parametrize(
    ("text", "dct", "mention", "value"),
    [
        ("It began 90 years ago.", "2023-11-15", "90 years ago", "1933"),
        ("It began last year.", "2023-11-15", "last year", "2022"),
        ("It ends this week.", "2013-03-22", "this week", "2013-W12"),
        ("We mark the 90th anniversary.", "2023-11-15", "the 90th anniversary", "2023"),
        ("It was signed yesterday.", "2023-11-15", "yesterday", "2023-11-14"),
    ],
)
def test_relative_to_dct(text: str, dct: str, mention: str, value: str) -> None:
    m = find(tag_dates(text, dct), mention)
    assert m.value is not None and m.value.value == value
    assert m.value.anchor == "dct"


def test_today_is_present_ref_with_dct_value() -> None:
    m = one("The treaty still matters today.", "2023-11-15")
    assert m.timex == "PRESENT_REF"
    assert m.value is not None and m.value.value == "2023-11-15"
    assert one("The treaty still matters today.").value is None


def test_ago_without_dct_uses_apposition() -> None:
    ms = tag_dates(
        "90 years ago, on November 16, 1933, relations were established. On the 90th anniversary, officials met."
    )
    m = find(ms, "90 years ago")
    assert m.value is not None and m.value.value == "1933"
    a = find(ms, "the 90th anniversary")
    assert a.value is not None and a.value.value == "2023"


@pytest.mark.parametrize(
    ("text", "mention", "value", "anchor_text"),
    [
        (
            "In December 1917, a month after the Bolsheviks seized power, the US broke relations.",
            "a month after",
            "1917-11",
            "December 1917",
        ),
        (
            "On Nov. 16, 1933, the US recognised the USSR 16 years after breaking relations.",
            "16 years after",
            "1917",
            "Nov. 16, 1933",
        ),
        (
            "The fort fell on 3 May 1940. Two days later the army withdrew.",
            "Two days later",
            "1940-05-05",
            "3 May 1940",
        ),
        (
            "The war began in 1914. The following year, Italy joined.",
            "The following year",
            "1915",
            "1914",
        ),
        (
            "He arrived two days after 14 July 1789.",
            "two days after 14 July 1789",
            "1789-07-16",
            "two days after 14 July 1789",
        ),
    ],
)
def test_relative_to_event(text: str, mention: str, value: str, anchor_text: str) -> None:
    m = find(tag_dates(text), mention)
    assert m.value is not None and m.value.value == value
    assert m.value.anchor == "event"
    if anchor_text != mention:
        assert m.anchor_start == text.index(anchor_text)


@pytest.mark.parametrize(
    ("text", "mention", "value", "approximate"),
    [
        ("Contacts grew in the early 1930s.", "the early 1930s", "193X", True),
        ("Reform came in the mid-19th century.", "the mid-19th century", "18XX", True),
        ("He served 1933-1945.", "1933-1945", "1933/1945", False),
        ("He served from 1936 to 1938.", "1936 to 1938", "1936/1938", False),
        ("It ran from March to June 1933.", "March to June 1933", "1933-03/1933-06", False),
        (
            "Relations soured in the interwar period.",
            "the interwar period",
            "1918-11/1939-09",
            True,
        ),
    ],
)
def test_vague_and_ranged(text: str, mention: str, value: str, approximate: bool) -> None:
    m = find(tag_dates(text), mention)
    assert m.value is not None and m.value.value == value
    assert m.value.approximate is approximate


def test_early_decade_narrows_interval() -> None:
    m = one("in the early 1930s")
    full = one("in the 1930s")
    assert m.value is not None and full.value is not None
    assert m.value.within(full.value) and m.value.latest < full.value.latest


def test_durations_and_sets() -> None:
    d = one("ending 16 years of non-recognition")
    assert (d.kind, d.timex, d.value) == ("DURATION", "P16Y", None)
    s = one("They met every year.")
    assert (s.kind, s.timex, s.value) == ("SET", "XXXX", None)
    assert one("talks lasted three-month").timex == "P3M"
    assert one("for several days").timex == "PXD"
    assert one("a mere 24 hours").timex == "PT24H"


def test_old_style_marker_and_dual_dated_event() -> None:
    os_ = one("The uprising began on 25 October 1917 (O.S.).")
    ns = one("The uprising began on 7 November 1917.")
    assert os_.value is not None and ns.value is not None
    assert os_.value.earliest == ns.value.earliest
    assert os_.value.source_calendar == "julian"
    ev = find(
        tag_dates("The October Revolution, 25 October 1917, brought the Bolsheviks to power."),
        "25 October 1917",
    )
    assert ev.value is not None and ev.value.value == "1917-11-07"
    assert ev.value.source_calendar == "julian"
    # the same day number elsewhere is untouched
    plain = one("The harvest ended on 25 October 1917.")
    assert plain.value is not None and plain.value.value == "1917-10-25"


def test_month_in_event_name_is_not_a_date() -> None:
    ms = tag_dates("Following the 1917 October revolution, the US refused recognition.")
    assert [m.text for m in ms] == ["1917"]


def test_counts_are_not_years() -> None:
    assert tag_dates("About 1500 soldiers and 2000 men crossed.") == []


def test_offsets_and_text() -> None:
    text = "Signed on 16 November 1933 in Washington."
    m = one(text)
    assert text[m.start : m.end] == m.text == "16 November 1933"


def test_new_style_and_old_style_markers() -> None:
    ns = one("The uprising began on 7 November 1917 (N.S.).")
    assert ns.value is not None and ns.value.value == "1917-11-07"
    assert ns.value.source_calendar == "gregorian"
    os_ = one("The uprising began on 25 October 1917 Old Style.")
    assert os_.value is not None and os_.value.value == "1917-11-07"
    assert os_.value.source_calendar == "julian"
    both = tag_dates("It was 25 October 1917 (Old Style), 7 November (New Style).")
    assert len(both) == 2
    assert both[0].value is not None and both[1].value is not None
    assert both[0].value.earliest == both[1].value.earliest  # one day, never a conflict


def test_range_precision_is_interval() -> None:
    m = one("He served 1933-1945.")
    assert m.value is not None and m.value.precision == "interval"


def test_unresolvable_expressions_keep_their_text() -> None:
    m = one("The talks failed later that month.")
    assert m.value is None and m.text == "later that month"
    assert m.timex is not None and "X" in m.timex
