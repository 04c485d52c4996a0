"""Property tests: generated dates round-trip through the tagger; arbitrary text never raises."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from histograph.time import normalise_date_string, parse_value, tag_dates
from histograph.time.lexicon import lexicon
from histograph.time.values import days_in_month

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@st.composite
def dates(draw: st.DrawFn) -> tuple[int, int, int]:
    y = draw(st.integers(1000, 2099))
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, days_in_month(y, m)))
    return y, m, d


def _forms(y: int, m: int, d: int) -> list[str]:
    name = MONTHS[m - 1]
    abbr = name[:3] + "." if len(name) > 4 else name
    return [
        f"{d} {name} {y}",
        f"{name} {d}, {y}",
        f"{abbr} {d}, {y}",
        f"{y}-{m:02d}-{d:02d}",
        f"the {d}th of {name} {y}" if d not in (1, 2, 3, 21, 22, 23, 31) else f"{d} {name} {y}",
    ]


@settings(max_examples=150, deadline=None)
@given(dates(), st.integers(0, 4))
def test_dates_round_trip(ymd: tuple[int, int, int], form: int) -> None:
    y, m, d = ymd
    written = _forms(y, m, d)[form]
    text = f"The treaty was signed on {written} in the capital."
    ms = tag_dates(text)
    assert len(ms) == 1, (written, [(x.text, x.timex) for x in ms])
    assert ms[0].text == written
    assert ms[0].value is not None
    assert ms[0].value.value == f"{y:04d}-{m:02d}-{d:02d}"


@settings(max_examples=100, deadline=None)
@given(st.integers(1000, 2099), st.integers(1, 12))
def test_month_year_round_trip(y: int, m: int) -> None:
    ms = tag_dates(f"Talks began in {MONTHS[m - 1]} {y}.")
    assert [x.value.value for x in ms if x.value] == [f"{y:04d}-{m:02d}"]


@settings(max_examples=100, deadline=None)
@given(dates())
def test_value_strings_round_trip(ymd: tuple[int, int, int]) -> None:
    y, m, d = ymd
    for s in (f"{y:04d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-{d:02d}"):
        tv = parse_value(s)
        assert tv is not None and tv.value == s


_ALPHABET = st.characters(blacklist_categories=("Cs",))
_WORDS = st.sampled_from(
    sorted(lexicon().months)
    + sorted(lexicon().units)
    + [
        "1933",
        "16",
        "BC",
        "ago",
        "the",
        "of",
        "-",
        "/",
        "early",
        "mid-",
        "O.S.",
        "circa",
        "from",
        "to",
        "between",
        "and",
        ",",
        "\n",
        "**",
        "12:30",
        "p.m.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=_ALPHABET, max_size=300),
    st.sampled_from([None, "2013-03-22", "1933", "BC0100"]),
)
def test_never_raises_on_arbitrary_text(text: str, dct: str | None) -> None:
    for m in tag_dates(text, dct):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    normalise_date_string(text)
    parse_value(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join), st.sampled_from([None, "2013-03-22"]))
def test_never_raises_on_date_like_text(text: str, dct: str | None) -> None:
    ms = tag_dates(text, dct)
    for a, b in itertools.pairwise(ms):
        assert a.end <= b.start
