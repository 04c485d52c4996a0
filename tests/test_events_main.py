"""Each document's own main event is marked (EventMention.main)."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _main(text: str) -> list[str]:
    a = build().analyze(read_text(text, uri="t.md", fmt="md"))
    return [text[e.start : e.end] for e in a.events if e.main]


def test_headline_event_is_main() -> None:
    text = (
        "# Cholera pump closed in Soho, 1854\n\n"
        "On 8 September 1854 the parish removed the handle of the Broad Street pump. "
        "Earlier that week the physician had mapped the deaths.\n"
    )
    main = _main(text)
    assert len(main) == 1 and "1854" in main[0]


def test_lead_event_is_main_without_a_title_event() -> None:
    text = (
        "Notes on the canal\n\n"
        "The canal was opened on 17 November 1869 at Port Said. Ships paid tolls from the first day.\n"
    )
    main = _main(text)
    assert main and "opened" in main[0]


def test_each_chronology_entry_is_main() -> None:
    """A chronology is about its entries (eval-wide README, convention 11): each dated
    entry's event is main, once per entry."""
    text = (
        "Milestones\n\n"
        "1825- The first public railway opens\n"
        "1830- A second line opens between two cities\n"
        "1863- The first underground line opens in London\n"
    )
    main = _main(text)
    assert len(main) == 3
    assert all("opens" in s for s in main)
