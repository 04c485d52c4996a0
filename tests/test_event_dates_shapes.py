"""Event dates on pages of shapes written for these tests (invented events): a table with
start and end columns, a chronicle of date lines over timed entries, a day heading over
year entries."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.model import Analysis
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _analyse(text: str) -> Analysis:
    return build().analyze(read_text(text, uri="t.txt", fmt="txt"))


def _dates(a: Analysis, needle: str) -> set[str | None]:
    text = a.document.text
    return {
        (e.time.value[:10] if e.time is not None else None)
        for e in a.events
        if needle in text[e.start : e.end]
    }


def test_table_row_event_takes_its_start_and_end_columns() -> None:
    a = _analyse(
        "Wars of the kingdom\n\nThe wars below changed the borders of the kingdom.\n\n"
        "| War | Start | End | Result |\n|---|---|---|---|\n"
        "| Northern War | 3 May 1702 | 9 June 1704 | Peace of the lakes |\n"
    )
    assert {e.time.value for e in a.events if e.time is not None} >= {"1702-05-03/1704-06-09"}


def test_timed_entries_under_a_date_line_take_its_day() -> None:
    a = _analyse(
        "Chronicle of the harbour flood\nPosted 12.03.2019 09:30\n\n"
        "The flood of 1953 was the worst the town had known.\n\n"
        "12.03.1953\n"
        "08:15 – the dyke broke north of the harbour.\n"
        "22:40 – the water reached the market square.\n\n"
        "13.03.1953\n"
        "06:00 – the first rescue boats arrived from the coast.\n"
    )
    assert _dates(a, "the dyke broke") == {"1953-03-12"}
    assert _dates(a, "rescue boats arrived") == {"1953-03-13"}


def test_year_entries_under_a_day_heading_take_its_day() -> None:
    a = _analyse(
        "The fall of the river fort\n\n"
        "The fort surrendered to the rebels on 3 May 1640 after a siege of eleven weeks.\n\n"
        "Also on 3 May\n"
        "1815 – A fleet leaves the bay for the southern islands.\n"
        "1901 – The first electric tram runs through the city.\n"
    )
    assert _dates(a, "A fleet leaves the bay") == {"1815-05-03"}
    assert _dates(a, "electric tram runs") == {"1901-05-03"}


def test_event_card_heading_takes_the_date_line_under_it() -> None:
    a = _analyse(
        "Great moments of early sailing\n\n"
        "The schooner crosses the northern sea\n"
        "17 December 1803\n"
        "The crossing lasted twelve days and ended at the island harbour.\n"
    )
    assert _dates(a, "The schooner crosses") == {"1803-12-17"}


def test_undated_sentence_between_two_sentences_of_one_day_is_that_day() -> None:
    a = _analyse(
        "The crisis of the northern duchy\n\n"
        "On 12 March 1861 the duke sent a second letter to the council. The chancellor "
        "decided to answer the first letter and ignore the second. That evening the envoy "
        "met the duke at the castle.\n"
    )
    assert _dates(a, "decided to answer") == {"1861-03-12"}


def test_undated_sentence_after_a_later_cue_stays_undated() -> None:
    a = _analyse(
        "The crisis of the northern duchy\n\n"
        "On 12 March 1861 the duke sent a second letter to the council. Years later the "
        "chancellor decided to publish the letter. That evening the envoy met the duke.\n"
    )
    assert _dates(a, "decided to publish") <= {None}


def test_catalogue_entry_dates_the_sentences_after_its_head() -> None:
    a = _analyse(
        "Papers of the river commission, 1871\n\n"
        "Letter, Grant to Hale, 3 March 1871. Grant proposed a meeting of the commissioners "
        "at the mouth of the river.\n"
        "Telegram, Hale to Grant, 9 March 1871. Hale accepted the proposal for the meeting.\n"
    )
    assert _dates(a, "Grant proposed a meeting") == {"1871-03-03"}
    assert _dates(a, "Hale accepted") == {"1871-03-09"}
