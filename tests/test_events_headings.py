"""Headings that name an event (issue 13), each on a short page written for these tests
(facts of other eras): a Markdown heading with its section's date line under a blank line
takes that date, as the section's first line does."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.model import Analysis
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _analyse(text: str, fmt: str = "md") -> Analysis:
    return build().analyze(read_text(text, uri=f"t.{fmt}", fmt=fmt))


def _dates(a: Analysis, word: str) -> list[str | None]:
    text = a.document.text
    return [
        e.time.value if e.time is not None else None
        for e in a.events
        if word in text[e.trigger_start : e.trigger_end]
    ]


def test_a_heading_takes_the_date_line_of_its_section() -> None:
    a = _analyse(
        "# Wars of Italy\n\n"
        "## Sack of Pavia\n\n"
        "6 May 1525\n\n"
        "Mutinous troops entered the town and plundered it for days.\n"
    )
    assert _dates(a, "Sack") == ["1525-05-06"]
    assert "1525-05-06" in _dates(a, "entered")


def test_a_date_line_between_two_headings_dates_neither() -> None:
    # a date under a heading with no text after it before the next heading is no
    # section's date line
    a = _analyse("# Sieges\n\n## Siege of Rhodes\n\n1522\n\n## Siege of Malta\n\n1565\n")
    assert _dates(a, "Siege of Rhodes") in ([], [None])


def _types(a: Analysis, word: str) -> list[str]:
    text = a.document.text
    return [e.type for e in a.events if word in text[e.trigger_start : e.trigger_end]]


def test_a_verbless_heading_naming_a_place_taken_is_an_event() -> None:
    # the tagger labels no place in a heading this short: the shape names the event
    a = _analyse("# Wars of the Rhine\n\n## Relief of Neuss\n\n27 May 1475\n\nThe army arrived.\n")
    assert _types(a, "Relief of Neuss") == ["battle"]
    assert _dates(a, "Relief of Neuss") == ["1475-05-27"]


def test_a_heading_naming_the_fall_of_a_regime_is_no_conquest() -> None:
    a = _analyse("# Chapters\n\n## Fall of the Western Empire\n\nIt was slow.\n")
    assert "war_or_invasion" not in _types(a, "Fall of the Western Empire")


def test_the_shape_in_a_sentence_is_left_to_the_nominal_reading() -> None:
    # a clause with a verb: "<Head> of <Name>" is no name of its own there
    a = _analyse("A town\n\nThe Burning of Lindholm ruined the merchants in 1420.\n", fmt="txt")
    assert not _types(a, "Burning of Lindholm")
