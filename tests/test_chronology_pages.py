"""Chronology and on-this-day pages: one entry per line, each dated by its own leading year,
and on an on-this-day page by that year plus the day the page's heading names.

The pages are written for these tests (invented or public-domain facts, other eras)."""

from __future__ import annotations

import pytest

from histograph.clean import mark_text_regions
from histograph.ingest import read_text
from histograph.model import Analysis
from histograph.pipeline import build

pytestmark = pytest.mark.slow

CHRONOLOGY = (
    "A short history of the telegraph\n"
    "\n"
    "1794- Claude Chappe opens the first optical telegraph line between Paris and Lille\n"
    "1837- Cooke and Wheatstone patent an electric telegraph in London\n"
    "1844- Samuel Morse sends a message from Washington to Baltimore\n"
    "1858- The first transatlantic cable carries a message from the Queen\n"
)

ON_THIS_DAY = (
    "Events on 2 March\n"
    "\n"
    "537 Ostrogoth forces begin the siege of Rome\n"
    "1807 The US Congress passes an act to prohibit the importation of slaves\n"
    "1836 Texas declares its independence from Mexico\n"
    "1877 Congress declares Rutherford Hayes the winner of the election on 1 March\n"
)


def _analyse(text: str) -> Analysis:
    return build().analyze(read_text(text, uri="t.txt", fmt="txt"))


def test_entries_are_one_region_each() -> None:
    regions = [r for r in mark_text_regions(CHRONOLOGY) if r.kind == "list_item"]
    assert [CHRONOLOGY[r.start : r.start + 4] for r in regions] == ["1794", "1837", "1844", "1858"]
    assert all("\n" not in CHRONOLOGY[r.start : r.end] for r in regions)


def test_prose_lines_that_start_with_a_year_still_join_when_wrapped() -> None:
    text = (
        "The fleet sailed from the harbour in the spring of the year and arrived in\n1805 safely.\n"
    )
    regions = mark_text_regions(text)
    assert len([r for r in regions if r.kind != "boilerplate"]) == 1


def test_on_this_day_entries_take_the_heading_day() -> None:
    a = _analyse(ON_THIS_DAY)
    values = {t.text: t.value.value for t in a.times if t.value is not None}
    assert values["537"] == "0537-03-02"
    assert values["1807"] == "1807-03-02"
    assert values["1836"] == "1836-03-02"
    # an entry whose own clause states another date keeps it
    assert values["1 March"].startswith("1877-03-01")


def test_chronology_without_a_page_day_keeps_years() -> None:
    a = _analyse(CHRONOLOGY)
    years = sorted(t.value.value for t in a.times if t.value is not None)
    assert years == ["1794", "1837", "1844", "1858"]
    dated = {CHRONOLOGY[e.start : e.start + 4]: e.time.value for e in a.events if e.time}
    assert dated.get("1844") == "1844"


def test_numbered_list_is_not_a_chronology() -> None:
    text = "Steps\n\n1 Open the box\n2 Take out the parts\n3 Read the manual\n"
    a = _analyse(text)
    assert not [t for t in a.times if t.value is not None]


VERBLESS = (
    "Milestones of the railway\n"
    "\n"
    "1825- Opening of the Stockton and Darlington line\n"
    "1830- The first use of steam trains in war occurs during the Belgian Revolution.\n"
    "1863- The first underground line carries passengers in London.\n"
    "1869- The first transcontinental line, the Cen"
)


def test_each_dated_entry_is_an_event_and_a_cut_entry_is_not() -> None:
    a = _analyse(VERBLESS)
    text = VERBLESS
    by_year: dict[str, list[str]] = {}
    for e in a.events:
        if e.time is not None:
            by_year.setdefault(e.time.value, []).append(text[e.start : e.end])
    # a verbless entry heading states its event
    assert any(s.startswith("1825- Opening") for s in by_year["1825"])
    # a war named only as the backdrop does not stand for the entry
    assert any("first use of steam trains" in s for s in by_year["1830"])
    # the entry cut off by the end of the page is a fragment
    assert "1869" not in by_year


def test_days_after_inside_an_on_this_day_entry() -> None:
    text = (
        "Events on 5 March\n"
        "\n"
        "1770 Soldiers fire on a crowd in Boston\n"
        "1836 Colt patents a revolver\n"
        "1871 Siege of Paris - Two days after the kingdom declared war, the fleet sails\n"
    )
    a = _analyse(text)
    ev = next(e for e in a.events if text[e.trigger_start : e.trigger_end] == "declared")
    assert ev.time is not None and ev.time.value == "1871-03-03"
