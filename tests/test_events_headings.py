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
