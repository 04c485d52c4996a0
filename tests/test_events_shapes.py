"""Shapes of pages that state events without a sentence a trigger reads: table rows of a
chronology and label lines of an infobox; and one event stated twice inside one sentence.

Pages written for these tests, about episodes of no evaluation corpus."""

from __future__ import annotations

import pytest

from histograph.clean import mark_text_regions
from histograph.ingest import read_text
from histograph.model import EventMention
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _mentions(text: str, fmt: str = "md") -> list[EventMention]:
    return list(build().analyze(read_text(text, uri=f"t.{fmt}", fmt=fmt)).events)


_TABLE = (
    "## The crisis of 1864\n\n"
    "| Date | Event |\n"
    "|---|---|\n"
    "| 4 May | The two envoys meet in Geneva; only the Danish delegate objects. |\n"
    "| 9 May | The harbour of Kolding is shelled. |\n"
)


def test_table_rows_are_entries() -> None:
    kinds = [
        (r.kind, _TABLE[r.start : r.end])
        for r in mark_text_regions(_TABLE)
        if "|" in _TABLE[r.start : r.end]
    ]
    assert kinds[0][0] == "heading"  # the header row
    assert [k for k, t in kinds if "May" in t] == ["list_item", "list_item"]


def test_table_row_takes_its_date_cell() -> None:
    dated = {_TABLE[m.start : m.end].strip("| "): m.time.value for m in _mentions(_TABLE) if m.time}
    assert any("envoys meet" in s and v == "1864-05-04" for s, v in dated.items())
    assert any("shelled" in s and v == "1864-05-09" for s, v in dated.items())


def test_a_menu_row_stays_a_menu() -> None:
    text = "| Home | News | Sport |\n\nThe envoys met in Geneva on 4 May 1864.\n"
    assert not [r for r in mark_text_regions(text) if r.kind == "list_item"]


_CARD = (
    "# Otto Keller\n\n"
    "Born: 3 March 1821, Bremen\n"
    "**Died:** 9 June 1890, Hamburg\n"
    "Nationality: German\n\n"
    "Keller was a Prussian envoy to Copenhagen.\n"
)


def test_label_lines_state_births_and_deaths() -> None:
    got = {(m.type, m.time.value if m.time else None) for m in _mentions(_CARD)}
    assert ("birth", "1821-03-03") in got
    assert ("death", "1890-06-09") in got
    assert len([m for m in _mentions(_CARD) if m.type == "death"]) == 1


def test_label_without_a_date_is_not_an_event() -> None:
    text = "# Otto Keller\n\nBorn: in Bremen to a merchant family\n"
    assert not [m for m in _mentions(text) if m.type == "birth" and m.time is not None]


def test_declared_war_is_one_event() -> None:
    text = "On 3 May 1859 the Duchy declared war on the Republic of Lucca.\n"
    ms = _mentions(text, "txt")
    assert len(ms) == 1
    assert ms[0].time is not None and ms[0].time.value == "1859-05-03"


def test_announced_birth_is_the_birth() -> None:
    text = "On 2 June 1761 the court announced the birth of Prince Leopold to the Elector.\n"
    assert [m.type for m in _mentions(text, "txt")] == ["birth"]


@pytest.mark.parametrize(
    "text",
    [
        "He met Crimean War veterans in Leeds on 4 June 1902.\n",
        "The Boer War memorial was unveiled on 9 May 1905.\n",
    ],
)
def test_war_naming_another_noun_is_a_label(text: str) -> None:
    assert not [m for m in _mentions(text, "txt") if m.type == "war_or_invasion"]


def test_label_line_gives_place_and_the_pages_person() -> None:
    text = "# Otto Keller\n\nDied: 9 June 1890, Altona, Holstein\n\nKeller was an envoy.\n"
    death = next(m for m in _mentions(text) if m.type == "death")
    assert death.place == "Altona, Holstein"
    assert [p.name for p in death.participants] == ["Otto Keller"]


def test_long_sentence_keeps_clause_evidence_when_a_label_war_is_dropped() -> None:
    text = (
        "Clause 12, later known as the war debt clause, made the duchy accept the costs caused "
        "by the war, and the duchy was required to pay an indemnity; the sum was fixed in 1871 "
        "at forty million thalers.\n"
    )
    fixed = [m for m in _mentions(text, "txt") if m.time is not None and m.time.value == "1871"]
    assert fixed and all(not text[m.start : m.end].startswith("Clause 12") for m in fixed)


def test_headline_passive_names_one_event() -> None:
    text = "- **1491** – Treaty of Granada signed\n- **1492** – Fortress surrendered\n"
    ms = [m for m in _mentions(text) if "Granada" in text[m.start : m.end]]
    assert len(ms) == 1
    assert ms[0].time is not None and ms[0].time.value == "1491"


def test_entry_opened_by_an_event_name_is_that_event() -> None:
    """ "1859–1860 – Two frontier wars double the colony's land": the entry tells of the
    named event (the war as the entry's content), dated by the entry, one mention."""
    text = (
        "- **1850** – The railway reaches the coast.\n"
        "- **1859–1860** – Two Frontier Wars nearly double the colony's land.\n"
        "- **1861** – The governor resigns.\n"
    )
    ms = [m for m in _mentions(text) if "Frontier" in text[m.start : m.end]]
    assert len(ms) == 1
    assert ms[0].type == "war_or_invasion" and ms[0].time is not None
