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
