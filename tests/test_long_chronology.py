"""A long chronology: each entry reads the mentions that start inside it (found by their
offsets, not by a scan of every mention of the page per entry: a page of thousands of
entries), and what an entry yields is what it yields on a short page.

The page is written for this test (an invented river port)."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.model import Analysis
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _block(y: int) -> str:
    return (
        f"- {y}: The guild of weavers gathers in the square.\n"
        f"- {y + 1}: The Bridge War begins between the two towns.\n"
        f"- {y + 2}: The fleet besieges the port on 3 May {y + 2}.\n"
        f"- {y + 3}: Merchants from the coast settle by the quay.\n"
    )


def _analyse(blocks: int) -> Analysis:
    page = "A chronology of the river port\n\n" + "".join(
        _block(1000 + 4 * i) for i in range(blocks)
    )
    return build().analyze(read_text(page, uri="port.md", fmt="md"))


def _entries(a: Analysis) -> list[tuple[str, str]]:
    """(date, first words) of each entry event (an entry with no mention stating it)."""
    text = a.document.text
    return [
        (e.time.value if e.time else "", text[e.start : e.end].lstrip("- ")[6:20])
        for e in a.events
        if e.region_kind == "list_item" and e.confidence == 0.8 and e.type == "other"
    ]


def test_each_entry_of_a_long_chronology_reads_its_own_mentions() -> None:
    short = _entries(_analyse(1))
    assert short == [("1003", "Merchants from")]
    # the entry of every block and nothing else: a dated or named mention of one entry
    # never stands for another
    assert _entries(_analyse(60)) == [(str(1003 + 4 * i), "Merchants from") for i in range(60)]
