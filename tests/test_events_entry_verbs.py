"""A dated chronology entry in the historical present whose verb the tagger read as a noun
(issue 13), on short pages written for these tests (facts of other eras): the verb is typed
from the YAML as it would be in the past tense; a name or a noun phrase is not read as one."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.model import Analysis
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _analyse(text: str) -> Analysis:
    return build().analyze(read_text(text, uri="t.txt", fmt="txt"))


def _typed(a: Analysis, word: str) -> list[tuple[str, str | None]]:
    text = a.document.text
    return [
        (e.type, e.time.value if e.time is not None else None)
        for e in a.events
        if word in text[e.trigger_start : e.trigger_end]
    ]


def test_a_plural_military_subject_and_a_bare_verb_is_a_landing() -> None:
    a = _analyse("Timeline of a war\n\n1630 – Swedish forces land in Pomerania.\n")
    assert ("war_or_invasion", "1630") in _typed(a, "land")


def test_a_third_person_verb_read_as_a_plural_noun() -> None:
    a = _analyse("On this day\n\n1918 – Kaiser Wilhelm II abdicates.\n")
    assert ("left_office", "1918") in _typed(a, "abdicates")


def test_an_object_hung_as_the_root_still_leaves_the_verb() -> None:
    a = _analyse("Chronology\n\n1631 – Imperial troops sack Magdeburg.\n")
    assert ("war_or_invasion", "1631") in _typed(a, "sack")


def test_a_civilian_landing_is_no_invasion() -> None:
    # the landing verb asks for an armed subject: settlers are none
    a = _analyse("Chronology\n\n1620 – Settlers land at Plymouth.\n")
    assert all(t != "war_or_invasion" for t, _ in _typed(a, "land"))


def test_a_name_ending_in_a_verb_form_is_no_verb() -> None:
    # "Fire" after an adjective is part of the name, not a verb of a subject
    a = _analyse("Chronology\n\n1666 – Great Fire of London.\n")
    assert all(t != "war_or_invasion" for t, _ in _typed(a, "Fire"))


def test_an_armed_body_of_a_league_fights_no_contest() -> None:
    # "League" names an alliance here: a fleet defeating a navy is a battle, not a game
    a = _analyse(
        "Events of 1571\n\n"
        "• Oct 7 Battle of Lepanto: Holy League fleet under Don John defeat the Ottoman navy\n"
    )
    assert ("war_or_invasion", "1571-10-07") in _typed(a, "defeat")


def test_a_cup_final_is_still_a_contest() -> None:
    a = _analyse("Results\n\nIn 1966 England defeated West Germany 4–2 to win the World Cup.\n")
    assert all(t == "contest" for t, _ in _typed(a, "defeated"))
