"""Tenures as events of taking office: one short page of our own per shape (a cast list, a
card with a parenthesis, a narrative, a biography with a verb of ruling), and the shapes that
look alike but state no tenure (a life, a book's years, a reign told by a name, a noun "rule")."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.model import EventMention
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _tenures(text: str) -> list[tuple[str, str, str | None]]:
    """(trigger, type, date) of each office event of a page run through the whole pipeline."""
    analysis = build().analyze(read_text(text, uri="t.md", fmt="md"))
    out: list[tuple[str, str, str | None]] = []
    for e in analysis.events:
        if e.type in {"took_office", "appoint_ambassador"}:
            out.append((text[e.trigger_start : e.trigger_end], e.type, _date(e)))
    return out


def _date(e: EventMention) -> str | None:
    return e.time.value if e.time is not None else None


def test_cast_list_lines() -> None:
    page = (
        "## Who was who\n\n"
        "- **Otto Brandt** – Chancellor of Bavaria, 1909–1917.\n"
        "- **Franz Weber** – Emperor of Ruritania and King of Saxony since 1848.\n"
        "- **Paul Ruhl** – Foreign Minister of Bavaria.\n"
    )
    got = _tenures(page)
    assert ("Chancellor", "took_office", "1909") in got
    assert ("Emperor", "took_office", "1848") in got
    assert len(got) == 2  # an office without dates is a role, not an event


def test_card_with_parenthesis_and_envoy() -> None:
    page = (
        "**Harold Finch (President of the Republic, 1921-1925):** Signed the decree.\n\n"
        "**Mary Stone (Ambassador to Portugal, 1930-1934):** Negotiated the loan.\n"
    )
    got = _tenures(page)
    assert ("President", "took_office", "1921") in got
    assert ("Ambassador", "appoint_ambassador", "1930") in got


def test_narrative_from_to_and_verb_of_ruling() -> None:
    page = (
        "Sir John Hale was Secretary of State for the Colonies from 10 May 1905 to 2 June "
        "1916, the longest tenure of his century.\n\n"
        "Tomas Ivanov ruled Ruritania from 1920 to 1930.\n\n"
        "The young officer, who would govern the province between 1962 and 1970, was then "
        "unknown.\n"
    )
    got = _tenures(page)
    assert ("Secretary", "took_office", "1905-05-10") in got
    assert ("ruled", "took_office", "1920") in got
    assert ("govern", "took_office", "1962") in got


def test_lookalikes_are_no_tenure() -> None:
    page = (
        "Anna Lind (1874–1965) wrote about the reform.\n\n"
        "King George V (1910–1936) appears on the coin.\n\n"
        "Foreign Relations of Ruritania, 1961–1963, Volume XI, holds the papers.\n\n"
        "They were freed from British rule. But from midnight the province was split.\n\n"
        "Otto Brandt, Chancellor, 1909, was photographed in Munich.\n"
    )
    assert _tenures(page) == []
