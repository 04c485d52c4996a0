"""Differences that a named cause explains are no conflict, and disagreements of each kind are
found: open-ended timeline headings, ... (histograph.merge.conflicts and its neighbours).

Short sentences written for these tests, about episodes of several eras."""

from __future__ import annotations

from events_helpers import tv
from histograph.merge.conflicts import filing_conflict
from histograph.merge.person_conflicts import title_pair_conflict
from histograph.model import Claim

# --------------------------------------------------------------------------- timeline filing


def _filed(text: str, heading: str, entry: str, entry_value: str, heading_value: str) -> bool:
    hs = text.index(heading)
    es = text.index(entry)
    head = Claim("e", "date", heading_value, "d", hs, hs + len(heading))
    own = Claim("e", "date", entry_value, "d", es, es + len(entry))
    c = filing_conflict(
        "e", (tv(entry_value), own), [(tv(heading_value), head, "section heading")], text
    )
    return c is not None


def test_an_entry_under_a_before_heading_is_background_not_a_conflict() -> None:
    text = "## Before 1789\n\n- **1774** - A new king is crowned at Reims.\n"
    assert not _filed(text, "1789", "1774", "1774", "1789")


def test_an_entry_under_a_since_heading_is_aftermath_not_a_conflict() -> None:
    text = "## Since 1871\n\n- **1875** - A new constitution is adopted.\n"
    assert not _filed(text, "1871", "1875", "1875", "1871")


def test_an_entry_on_the_closed_side_of_an_open_heading_is_still_a_conflict() -> None:
    text = "## Before 1789\n\n- **1791** - The king flees to Varennes.\n"
    assert _filed(text, "1789", "1791", "1791", "1789")


def test_an_entry_under_a_plain_year_heading_of_another_year_is_a_conflict() -> None:
    text = "## 1848\n\n- **1851** - A coup ends the republic.\n"
    assert _filed(text, "1848", "1851", "1851", "1848")


def test_a_pre_hyphen_heading_is_open_before() -> None:
    text = "### Pre-1914 alliances\n\n- **1882** - The Triple Alliance is formed.\n"
    assert not _filed(text, "1914", "1882", "1882", "1914")


# --------------------------------------------------------------------------- office titles


def test_two_names_of_one_office_under_different_office_words_are_naming() -> None:
    assert title_pair_conflict("Home Secretary", "Secretary of State for the Home Department") == (
        "naming"
    )


def test_a_coarser_reading_under_the_same_office_word_is_no_conflict() -> None:
    assert title_pair_conflict("President", "President of the French Republic") is None
    assert title_pair_conflict("Chancellor", "German Chancellor") is None


def test_the_state_as_an_adjective_or_a_name_is_naming_unless_the_words_are_one() -> None:
    assert title_pair_conflict("Mexican President", "President of Mexico") == "naming"
    assert title_pair_conflict("U.S. President", "President of the United States") is None


def test_the_same_title_in_the_same_order_is_no_conflict() -> None:
    assert title_pair_conflict("U.S. President", "US president") is None
    assert title_pair_conflict("16th President of the United States", "President of the USA") is None


def test_an_office_the_holder_serves_is_not_the_titles_office() -> None:
    assert title_pair_conflict("ambassador", "special assistant to the Secretary of State") is None
    assert title_pair_conflict("ambassador", "adviser to the French President") is None
