"""An on-this-day digest whose entries open "In <year>, ..." under a title naming the day
("Today in history: March 3"): each entry is that day of its year. Without such a title the
entries keep their years. The pages are written for these tests (other eras)."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.pipeline import build

pytestmark = pytest.mark.slow

DIGEST = (
    "Today in history: March 3\n"
    "\n"
    "On this date:\n"
    "In 1575, the Mughal army defeated the Bengal forces at Tukaroi.\n"
    "In 1861, Tsar Alexander II abolished serfdom in Russia.\n"
    "In 1918, Russia signed the peace treaty at Brest-Litovsk.\n"
)

NO_DAY = (
    "Notes on reform\n"
    "\n"
    "In 1575, the Mughal army defeated the Bengal forces at Tukaroi.\n"
    "In 1861, Tsar Alexander II abolished serfdom in Russia.\n"
    "In 1918, Russia signed the peace treaty at Brest-Litovsk.\n"
)


def _dates(text: str) -> dict[str, str | None]:
    a = build().analyze(read_text(text, uri="t.txt", fmt="txt"))
    return {
        text[m.trigger_start : m.trigger_end]: (m.time.value if m.time else None)
        for m in a.events
    }


def test_digest_entries_take_the_day_of_the_title() -> None:
    d = _dates(DIGEST)
    assert d.get("abolished") == "1861-03-03"
    assert d.get("signed") == "1918-03-03"


def test_entries_without_a_day_title_keep_their_years() -> None:
    d = _dates(NO_DAY)
    assert d.get("abolished") == "1861"
    assert d.get("signed") == "1918"
