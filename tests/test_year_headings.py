"""Chronology pages grouped under year headings ("## 1849", "**1849:**", a year on its own line):
each entry's year-less day takes the year of the heading above it, not the page's most
frequent year. The pages are written for these tests (other eras)."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.model import Analysis
from histograph.pipeline import build
from histograph.time.document import find_candidates

pytestmark = pytest.mark.slow

MARKDOWN_HEADINGS = (
    "# The Revolutions of 1848\n"
    "\n"
    "## 1848\n"
    "\n"
    "- **24 February**: King Louis Philippe abdicates in Paris.\n"
    "- **18 March**: Street fighting breaks out in Berlin.\n"
    "\n"
    "## 1849\n"
    "\n"
    "- **9 February**: The Roman Republic is proclaimed.\n"
    "- **13 August**: The Hungarian army surrenders at Vilagos.\n"
)

BOLD_HEADINGS = (
    "The Revolutions of 1848\n"
    "\n"
    "**1848:**\n"
    "- 24 February: King Louis Philippe abdicates in Paris.\n"
    "- 2 December: Franz Joseph becomes Emperor of Austria.\n"
    "\n"
    "**1849:**\n"
    "- 9 February: The Roman Republic is proclaimed.\n"
)

PLAIN_YEAR_LINES = (
    "Timeline of the Spanish Armada\n"
    "\n"
    "1587\n"
    "\n"
    "February 8: Mary, Queen of Scots is executed at Fotheringhay.\n"
    "April 29: Francis Drake raids Cadiz.\n"
    "\n"
    "1588\n"
    "\n"
    "July 29: The Armada is sighted off the Lizard.\n"
    "August 8: The English fleet defeats the Armada at Gravelines.\n"
)


def _dates(text: str, fmt: str) -> dict[str, str | None]:
    a: Analysis = build().analyze(read_text(text, uri="t." + fmt, fmt=fmt))
    out: dict[str, str | None] = {}
    for m in a.events:
        out.setdefault(text[m.trigger_start : m.trigger_end], m.time.value if m.time else None)
    return out


def test_a_markdown_heading_year_is_a_date() -> None:
    assert [(c.rule, c.f) for c in find_candidates("## 1849\n")] == [("year", {"y": 1849})]


def test_a_number_sign_is_still_no_year() -> None:
    assert find_candidates("Flight #1849 landed.\n") == []


@pytest.mark.parametrize(
    ("text", "fmt", "trigger", "date"),
    [
        (MARKDOWN_HEADINGS, "md", "abdicates", "1848-02-24"),
        (MARKDOWN_HEADINGS, "md", "proclaimed", "1849-02-09"),
        (MARKDOWN_HEADINGS, "md", "surrenders", "1849-08-13"),
        (BOLD_HEADINGS, "txt", "becomes", "1848-12-02"),
        (BOLD_HEADINGS, "txt", "proclaimed", "1849-02-09"),
        (PLAIN_YEAR_LINES, "txt", "executed", "1587-02-08"),
        (PLAIN_YEAR_LINES, "txt", "defeats", "1588-08-08"),
    ],
)
def test_entries_take_the_year_of_their_heading(
    text: str, fmt: str, trigger: str, date: str
) -> None:
    assert _dates(text, fmt).get(trigger) == date


PROSE_UNDER_YEARS = (
    "# The war years\n"
    "\n"
    "## 1916\n"
    "\n"
    "The armies fought along the river for months. The general resigned after the defeat.\n"
    "\n"
    "## 1917\n"
    "\n"
    "The government collapsed.\n"
)

PROSE_UNDER_A_NAMED_HEADING = (
    "# Turning points\n"
    "\n"
    "## The crossing (1805)\n"
    "\n"
    "The general resigned after the defeat.\n"
)


def test_prose_under_a_year_heading_takes_its_year() -> None:
    dates = _dates(PROSE_UNDER_YEARS, "md")
    assert dates.get("resigned") == "1916"
    assert dates.get("collapsed") == "1917"


def test_prose_under_a_heading_that_is_not_a_date_stays_undated() -> None:
    assert _dates(PROSE_UNDER_A_NAMED_HEADING, "md").get("resigned") is None


DATED_LINES_BETWEEN = (
    "# The war years\n"
    "\n"
    "## 1916\n"
    "\n"
    "- 3 May: The general resigned.\n"
    "- 9 June: The cabinet fell.\n"
    "\n"
    "In all, the armies fought along the river for months.\n"
)


def test_prose_after_dated_lines_does_not_reach_back_to_the_heading() -> None:
    assert _dates(DATED_LINES_BETWEEN, "md").get("fought") is None
