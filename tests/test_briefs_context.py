"""Briefs read like a publication: the neighbouring line of a chronology is another event,
and a time of day is not a second date against its own day."""

from __future__ import annotations

from histograph.api import Histograph
from histograph.ingest import read_text
from histograph.model import ConflictValue
from histograph.render.briefs import _within_other, build_brief, to_markdown

CHRONOLOGY = """Harbour railway: a short chronology

- 12 March 1871: The harbour railway opened to passengers between the quay and the market town.
- 4 September 1874: A storm destroyed the wooden pier at the end of the line.
- 1 June 1880: The company extended the line to the lighthouse.
"""

NEWS = """Railway opens to the quay

The harbour railway opened to passengers on 12 March 1871, and crowds lined the quay to see the first train.
"""


def _hg() -> Histograph:
    hg = Histograph(":memory:")
    hg.add_documents([read_text(CHRONOLOGY, "chronology.md"), read_text(NEWS, "news.txt")])
    return hg


def test_explainer_context_leaves_out_other_dated_entries() -> None:
    hg = _hg()
    opening = next(e for e in hg.timeline() if e.date is not None and e.date.value == "1871-03-12")
    md = to_markdown(build_brief(hg, opening.id, "explainer"))
    assert "storm destroyed" not in md
    assert "extended the line" not in md


def test_time_of_day_counts_under_its_day() -> None:
    values = [
        ConflictValue("1871-03-12", ()),
        ConflictValue("1871-03-12T21:30", ()),
        ConflictValue("1871-03-13", ()),
    ]
    assert _within_other(values) == {"1871-03-12T21:30": "1871-03-12"}
    # a month holds its days
    assert _within_other([ConflictValue("1871-03", ()), ConflictValue("1871-03-12", ())]) == {
        "1871-03-12": "1871-03"
    }
