"""Narrative time vs document time: pages published long after the events they tell
(anniversary features, on-this-day pages, blogs, social posts). Once the text has set a
past reference (an explicitly dated event well before the DCT), bare times, year-less
dates, weekdays and relative day expressions of its past-tense sentences resolve against
that reference, not the DCT; the page's own present keeps the DCT (issue 3). Texts are
written for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from histograph.model import Document, Region, TimeMention
from histograph.time import tag_dates, tag_document
from histograph.time.normalise import sentence_time


def find(ms: list[TimeMention], text: str, nth: int = 0) -> TimeMention:
    hits = [m for m in ms if m.text == text]
    assert len(hits) > nth, f"{text!r} not in {[m.text for m in ms]}"
    return hits[nth]


def val(ms: list[TimeMention], text: str, nth: int = 0) -> tuple[str | None, str | None]:
    m = find(ms, text, nth)
    return (m.value.value, m.value.anchor) if m.value is not None else (None, None)


FEATURE = (
    "Fifty years ago tonight, on June 4, 1970, the old river bridge gave way under a "
    "loaded freight train.\n\n"
    "Shortly before 8 p.m., the signalman saw the first girders bend. He telephoned the "
    "depot, which had inspected the bridge only two weeks earlier.\n\n"
    "At about 11:20 p.m., the last span fell into the water. Divers went down the following "
    "morning."
)


# ----------------------------------------------------------------- the feature page
def test_anniversary_tonight_is_the_told_night() -> None:
    ms = tag_dates(FEATURE, "2020-06-04")
    assert val(ms, "tonight") == ("1970-06-04TNI", "event")
    assert val(ms, "Fifty years ago") == ("1970", "event")


def test_bare_times_take_the_narrative_day_across_paragraphs() -> None:
    ms = tag_dates(FEATURE, "2020-06-04")
    assert val(ms, "8 p.m.") == ("1970-06-04T20", "narrative")
    assert val(ms, "11:20 p.m.") == ("1970-06-04T23:20", "narrative")


def test_relative_expressions_follow_the_narrative_not_the_dct() -> None:
    ms = tag_dates(FEATURE, "2020-06-04")
    earlier = find(ms, "two weeks earlier")
    assert earlier.value is not None and earlier.value.value.startswith("1970-W")
    assert val(ms, "the following morning") == ("1970-06-05TMO", "event")


def test_without_a_dct_the_narrative_already_rules() -> None:
    ms = tag_dates(FEATURE, None)
    assert val(ms, "8 p.m.") == ("1970-06-04T20", "narrative")


def test_n_years_ago_today_without_a_date_is_the_dct_day_back() -> None:
    ms = tag_dates("Sixty years ago today the first ferry crossed the strait.", "2018-09-14")
    assert val(ms, "today") == ("1958-09-14", "dct")


# ----------------------------------------------------------------- present deixis
def test_present_deixis_keeps_the_dct() -> None:
    text = (
        "On June 4, 1970, the old river bridge collapsed. Today the town remembers the "
        "victims at 6 p.m. with a minute of silence."
    )
    ms = tag_dates(text, "2020-06-04")
    assert val(ms, "6 p.m.") == ("2020-06-04T18", "dct")
    assert val(ms, "Today") == ("2020-06-04", "dct")


def test_future_sentence_keeps_the_dct() -> None:
    text = (
        "The old river bridge collapsed on June 4, 1970, killing nine people. "
        "A memorial will be unveiled on June 12."
    )
    ms = tag_dates(text, "2020-06-04")
    assert val(ms, "June 12") == ("2020-06-12", "dct")


# ----------------------------------------------------------------- year-less dates, weekdays
def test_yearless_day_in_the_told_past_takes_the_narrative_year() -> None:
    text = (
        "For most of March 1965 the marchers waited for a court ruling. By Friday, "
        "March 26, the ruling had come, and the march went ahead."
    )
    ms = tag_dates(text, "2015-03-26")
    assert val(ms, "Friday, March 26") == ("1965-03-26", "narrative")


def test_weekday_after_a_told_day_is_in_the_narrative_week() -> None:
    text = (
        "The strike began on Thursday, May 6, 1954, at the northern docks. "
        "On Saturday morning the harbour was silent."
    )
    ms = tag_dates(text, "2014-05-06")
    assert val(ms, "Saturday morning") == ("1954-05-08TMO", "narrative")


def test_now_in_a_past_sentence_is_the_narratives_now() -> None:
    text = (
        "The council met on 2 February 1921 to discuss the strike. Now the mayor "
        "demanded that the troops withdraw."
    )
    ms = tag_dates(text, "2021-02-02")
    assert val(ms, "Now") == ("1921-02-02", "narrative")


def test_overnight_in_a_timeline_item_is_the_items_night() -> None:
    text = "- **August 2, 1964:** Patrol boats attack a destroyer overnight in the gulf."
    ms = tag_dates(text, "2021-08-13")
    assert val(ms, "overnight") == ("1964-08-02TNI", "narrative")


def test_clock_on_the_afternoon_of_a_date() -> None:
    text = "Shortly after four o'clock on the afternoon of 12 May 1926, the strike ended."
    ms = tag_dates(text, "2016-05-12")
    assert val(ms, "four o'clock") == ("1926-05-12T16", "event")


# ----------------------------------------------------------------- news stays news
def test_year_only_past_mention_does_not_make_a_told_past() -> None:
    text = (
        "The company was founded in 2005 by two engineers. It sells garden tools in "
        "twelve countries. This sales season started in early December, a month earlier "
        "than usual."
    )
    ms = tag_dates(text, "2013-03-22")
    assert val(ms, "early December")[0] == "2012-12"


def test_weekday_after_a_month_precise_past_mention_stays_with_the_dct() -> None:
    text = (
        "Relations were cut after a raid on a ship in May 2010. Before leaving for the "
        "capital on Friday afternoon, the president said the dispute was over."
    )
    ms = tag_dates(text, "2013-03-22")  # a Friday
    assert val(ms, "Friday afternoon") == ("2013-03-22TAF", "dct")


def test_named_day_in_quotes_and_another_weekday_are_not_dated() -> None:
    text = (
        "'Bloody Sunday': the march of 30 January 1972. Many wondered whether they would "
        "see another Sunday."
    )
    ms = tag_dates(text, "2022-01-30")
    assert val(ms, "Sunday") == (None, None)
    assert val(ms, "Sunday", 1) == (None, None)


# ----------------------------------------------------------------- background dates
def test_past_perfect_date_does_not_move_the_narrative_back() -> None:
    text = (
        "The treaty was signed on 3 March 1921 in the old palace, where the king had been "
        "crowned in May 1870. The talks had begun on 12 January, and lasted all winter."
    )
    ms = tag_dates(text, "2021-03-03")
    assert val(ms, "12 January")[0] == "1921-01-12"


def test_yearless_month_takes_the_year_of_its_own_sentence() -> None:
    text = (
        "The final vote failed on March 19, 1920. In July 1921 the new president signed "
        "a resolution, and a separate treaty followed in August. The old president had "
        "received a prize in 1920."
    )
    ms = tag_dates(text, "2021-06-30")
    assert val(ms, "August")[0] == "1921-08"


def test_prose_published_at_is_not_the_page_date() -> None:
    text = (
        "Peace without victory\n\n"
        "The sharpest critique came from an economist whose pamphlet, published at the "
        "end of 1925, argued that the reparations could never be paid and that the "
        "settlement would ruin the continent.\n"
        "Published on 28 June 2019\n"
    )
    doc = Document(id="d", uri="mem://d", text=text, format="txt")
    regions = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            regions.append(Region("d", pos, pos + len(line), "narrative"))
        pos += len(line) + 1
    ms, published = tag_document(doc, regions)
    assert published is not None and published.value == "2019-06-28"
    assert not find(ms, "the end of 1925").document_date
    assert find(ms, "28 June 2019").document_date


# ----------------------------------------------------------------- the sentence test
def test_sentence_time() -> None:
    assert sentence_time("Today the town remembers the victims.") == "present"
    assert sentence_time("A plaque will be unveiled.") == "present"
    assert sentence_time("the signalman saw the girders bend") == "past"
    assert sentence_time("Fifty years ago today the ferry crossed.") == "past"
    assert sentence_time("A quiet street in the north.") is None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["2020-06-04", "2001-01-01", None]))
def test_never_raises_after_a_told_past(tail: str, dct: str | None) -> None:
    text = "On June 4, 1970, the bridge fell. " + tail + " At 9 p.m. divers came."
    for m in tag_dates(text, dct):
        assert 0 <= m.start < m.end <= len(text)


def test_an_indefinite_weekday_is_no_day_of_the_pages_week() -> None:
    text = "The boiler exploded early on a Saturday. The mill reopened on Monday."
    ms = tag_dates(text, "2019-05-15")
    assert val(ms, "Saturday") == (None, None)
    assert val(ms, "Monday") == ("2019-05-13", "dct")
