"""An event's fact box (an encyclopedia's infobox or "quick facts": "Date: X" next to
"Location: Y", "Result: Z") dates the event the page's title names; its "Date" line is not
the page's publication stamp. A "Date:" stamp with no such fields beside it stays one.
The pages are written for these tests (other eras)."""

from __future__ import annotations

import pytest

from histograph.clean import mark_text_regions
from histograph.ingest import read_text
from histograph.model import Analysis
from histograph.pipeline import build

pytestmark = pytest.mark.slow

TAB_BOX = (
    "Battle of Austerlitz\n"
    "\n"
    "Date\t2 December 1805\n"
    "Location\tAusterlitz, Moravia\n"
    "Result\tDecisive French victory\n"
    "\n"
    "The French army defeated a larger Russian and Austrian army.\n"
)

COLON_BOX = (
    "Siege of Vienna\n"
    "Ottoman assault on the Habsburg capital\n"
    "\n"
    "Quick facts\n"
    "Date: 14 July 1683\n"
    "Location: Vienna, Archduchy of Austria\n"
    "Casualties: about 12,000\n"
    "\n"
    "The Ottoman army laid siege to the city for two months.\n"
)

STAMP = (
    "Notes from the archive\n"
    "Date: 12 May 2021\n"
    "\n"
    "The letters were catalogued in 1910 and moved to the new wing in 1932.\n"
)


def _analyse(text: str) -> Analysis:
    return build().analyze(read_text(text, uri="t.txt", fmt="txt"))


def _kind_of_line(text: str, prefix: str) -> str:
    at = text.index(prefix)
    return next(r.kind for r in mark_text_regions(text) if r.start <= at < r.end)


@pytest.mark.parametrize("text", [TAB_BOX, COLON_BOX])
def test_a_fact_box_date_is_no_publication_stamp(text: str) -> None:
    assert _kind_of_line(text, "Date") == "heading"
    a = _analyse(text)
    assert a.published is None
    assert [t.document_date for t in a.times if t.start > text.index("Date")][:1] == [False]


def test_the_title_event_takes_the_fact_box_date() -> None:
    a = _analyse(TAB_BOX)
    title = [m for m in a.events if m.region_kind == "title"]
    assert title and title[0].time is not None and title[0].time.value == "1805-12-02"


def test_a_date_stamp_without_fact_fields_stays_the_page_date() -> None:
    assert _kind_of_line(STAMP, "Date") == "dateline"
    a = _analyse(STAMP)
    assert a.published is not None and a.published.value == "2021-05-12"
