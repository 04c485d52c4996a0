"""Event shapes of pages nobody tuned for (issue 13), each on a short page written for
these tests (public-domain facts of other eras): a name dated by the range in parentheses
after it, a leading date the subject's name ran into, and a name defined by a noun whose
clause carries the date."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.model import Analysis
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _analyse(text: str) -> Analysis:
    return build().analyze(read_text(text, uri="t.txt", fmt="txt"))


def _by_trigger(a: Analysis, word: str) -> list[tuple[str | None, float]]:
    text = a.document.text
    return [
        (e.time.value if e.time is not None else None, e.confidence)
        for e in a.events
        if word in text[e.trigger_start : e.trigger_end]
    ]


def test_a_named_siege_takes_the_range_in_parentheses_after_it() -> None:
    a = _analyse(
        "The Siege of Candia (1648–1669)\n\n"
        "In 1648 an Ottoman army laid siege to the town. The garrison surrendered in 1669.\n"
    )
    assert ("1648/1669", 0.9) in [(v, c) for v, c in _by_trigger(a, "Siege of Candia")]


def test_a_range_elsewhere_in_the_sentence_still_does_not_date_a_battle() -> None:
    a = _analyse(
        "Notes\n\nDuring the long war of 1701–1714 the Battle of Blenheim was fought in Bavaria.\n"
    )
    assert all(v != "1701/1714" for v, _ in _by_trigger(a, "Battle of Blenheim"))


def test_a_subject_run_into_a_leading_date_is_still_a_subject() -> None:
    a = _analyse(
        "A volcano\n\n"
        "In April 1815 Mount Tambora on the island of Sumbawa erupted with great force.\n"
    )
    found = _by_trigger(a, "erupted")
    assert found and found[0][0] == "1815-04" and found[0][1] >= 0.45


def test_a_name_defined_by_a_noun_takes_the_date_of_its_clause() -> None:
    a = _analyse(
        "A fire\n\n"
        "The Great Fire of Northbridge was a disaster that burned through the town "
        "from 3 March to 5 March 1788. Much of the town was destroyed.\n"
    )
    assert ("1788-03-03/1788-03-05", 1.0) in _by_trigger(a, "Fire")


def test_a_defined_name_does_not_take_a_date_after_a_temporal_marker() -> None:
    a = _analyse(
        "A fire\n\n"
        "The Great Fire of Northbridge was a disaster that began after the dry summer of 1872.\n"
    )
    assert all(v is None for v, _ in _by_trigger(a, "Fire"))


def test_chronology_entries_opened_by_an_approximate_date_are_events() -> None:
    text = (
        "Chronology of the windmill\n\n"
        "c. 1180 – A post mill is recorded in Normandy.\n"
        "Circa 1270 – Tower mills appear in the Low Countries.\n"
        "Around 1390 – Millers drain marshland with mills.\n"
        "1592 – A sawmill driven by wind is patented in Holland.\n"
    )
    a = _analyse(text)
    dated = {(e.time.value, e.time.approximate) for e in a.events if e.time is not None}
    assert {("1180", True), ("1270", True), ("1390", True), ("1592", False)} <= dated
