"""Retrospectives: a page published on an anniversary dates its event N units BEFORE its
own date ("Remembering the flood, 100 years on"), while a count from a stated past date
still runs forward ("founded in 1850 ... a century on"). Pages written for these tests."""

from __future__ import annotations

from histograph.model import TimeMention
from histograph.time import tag_dates


def val(ms: list[TimeMention], text: str) -> tuple[str | None, str | None]:
    hits = [m for m in ms if m.text == text]
    assert hits, f"{text!r} not in {[m.text for m in ms]}"
    v = hits[0].value
    return (v.value, v.anchor) if v is not None else (None, None)


HEADLINE = (
    "Remembering the Brenmoor colliery explosion, 100 years on\n\n"
    "The village will gather at the pit head on Saturday to read the names of the dead."
)


def test_retrospective_headline_counts_back_from_the_page() -> None:
    ms = tag_dates(HEADLINE, "2013-05-02")
    assert val(ms, "100 years on") == ("1913", "dct")


def test_a_century_on_counts_back() -> None:
    ms = tag_dates("The Tessel lighthouse fire, a century on.", "2021-08-30")
    assert val(ms, "a century on") == ("1921", "dct")


def test_years_on_from_an_event_counts_back() -> None:
    text = "Ten years on from the Ardle river flood, the lower town has been rebuilt."
    ms = tag_dates(text, "2019-11-14")
    assert val(ms, "Ten years on") == ("2009", "dct")


LEAD = (
    "This week marks 40 years since the collapse of the Varn footbridge. "
    "Relatives will lay flowers at the riverbank on Sunday."
)


def test_anniversary_lead_years_since_counts_back() -> None:
    ms = tag_dates(LEAD, "2018-03-21")
    assert val(ms, "40 years since") == ("1978", "dct")


POST = "30 years ago today the Kellow dam gave way. My grandmother still talks about the noise."


def test_years_ago_today_in_a_post_is_the_told_day() -> None:
    ms = tag_dates(POST, "2016-09-12")
    assert val(ms, "30 years ago") == ("1986", "dct")
    assert val(ms, "today") == ("1986-09-12", "dct")


def test_years_on_from_a_stated_past_date_counts_forward() -> None:
    text = "The tannery opened in 1850. It closed its doors 100 years on."
    ms = tag_dates(text, "2015-01-10")
    assert val(ms, "100 years on") == ("1950", "event")


def test_years_later_from_a_stated_past_date_counts_forward() -> None:
    text = "The tannery opened in 1850. 100 years later it closed."
    ms = tag_dates(text, "2015-01-10")
    assert val(ms, "100 years later") == ("1950", "event")


def test_in_n_years_is_not_a_past_date() -> None:
    ms = tag_dates("In 100 years the marsh will have swallowed the village.", "2015-01-10")
    value, _ = val(ms, "100 years")
    assert value is None or value >= "2015"


def test_years_ago_this_week_is_the_told_week() -> None:
    ms = tag_dates("25 years ago this week, the Orrin signal box burned down.", "2017-06-10")
    assert val(ms, "25 years ago") == ("1992", "dct")
    assert val(ms, "this week") == ("1992-W24", "dct")


def test_years_ago_this_month_is_the_told_month() -> None:
    ms = tag_dates("Forty years ago this month the Orrin tram line closed.", "2015-05-06")
    assert val(ms, "this month") == ("1975-05", "dct")


def test_this_week_alone_is_the_page_week() -> None:
    ms = tag_dates("This week the Orrin museum opens its new wing.", "2015-05-06")
    assert val(ms, "This week") == ("2015-W19", "dct")


def test_years_ago_this_week_with_a_date_takes_the_date() -> None:
    text = "Ten years ago this week, on 3 May 2005, the Orrin ferry sank."
    ms = tag_dates(text, "2015-05-06")
    assert val(ms, "Ten years ago") == ("2005", "event")


def test_years_after_an_event_in_the_page_present_counts_back() -> None:
    text = "Fifty years after the Corran pit disaster, survivors gather at the pit head."
    ms = tag_dates(text, "2015-05-06")
    assert val(ms, "Fifty years after") == ("1965", "dct")


def test_years_after_an_event_in_a_past_sentence_is_left_open() -> None:
    text = "Fifty years after the Corran war, the treaty was signed."
    ms = tag_dates(text, "2015-05-06")
    assert val(ms, "Fifty years after") == (None, None)


def test_years_after_from_a_told_past_is_left_to_the_narrative() -> None:
    text = "The Corran war ended in 1815. Fifty years after the war, veterans gather in the square."
    ms = tag_dates(text, "2015-05-06")
    value, _ = val(ms, "Fifty years after")
    assert value != "1965"
