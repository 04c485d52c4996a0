"""A chronology entry whose date label is set in bold with no separator after it ("**June
1812** The army crosses the river."): the label dates the entry, as "June 1812: ..." does.
The page is written for these tests."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.pipeline import build

pytestmark = pytest.mark.slow

BOLD_LABELS = (
    "# A campaign\n"
    "\n"
    "**June 1812** The army crosses the river.\n"
    "\n"
    "**September 1812** The armies meet at the village.\n"
    "\n"
    "**October 1812** The emperor orders a retreat.\n"
)


def test_bold_labels_without_a_separator_date_their_entries() -> None:
    a = build().analyze(read_text(BOLD_LABELS, uri="t.md", fmt="md"))
    dated = {
        BOLD_LABELS[m.trigger_start : m.trigger_end]: (m.time.value if m.time else None)
        for m in a.events
        if m.region_kind != "title"
    }
    assert dated.get("crosses") == "1812-06"
    assert dated.get("meet") == "1812-09"
    assert dated.get("orders") == "1812-10"


DATE_BELOW = (
    "Milestones of aviation\n"
    "\n"
    "First powered flight\n"
    "The brothers fly at the dunes.\n"
    "17 December 1903\n"
    "\n"
    "First crossing of the Channel\n"
    "The pilot lands at Dover.\n"
    "25 July 1909\n"
)


def test_a_date_below_a_block_dates_that_block_not_the_next() -> None:
    a = build().analyze(read_text(DATE_BELOW, uri="t.txt", fmt="txt"))
    dated = {
        DATE_BELOW[m.start : m.end]: (m.time.value if m.time else None)
        for m in a.events
        if m.region_kind == "heading"
    }
    assert dated.get("First powered flight") == "1903-12-17"
    assert dated.get("First crossing of the Channel") == "1909-07-25"
