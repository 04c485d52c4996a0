"""Typing across eras and kinds of history: one sentence of our own per shape a vocabulary
addition handles (ancient battles, expeditions, sport, councils, shipwrecks, rulings, works,
buildings), and the lookalikes each must leave alone."""

from __future__ import annotations

import pytest

from histograph.events.types import format_type
from test_events_typing import _typed

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "trigger", "typ"),
    [
        # an army destroyed or a city razed is war
        ("In 1402, Timur destroyed the Ottoman army near Ankara.", "destroyed", "battle"),
        ("In 1258, Baghdad was razed by the Mongols.", "razed", "war_or_invasion"),
        # an expedition reaching its goal, a landing on the moon
        ("In 1909, the expedition reached the North Pole.", "reached", "flight"),
        ("In 1971, the crew landed on the Moon.", "landed", "flight"),
        # sport: a war verb about a game or a cup is a contest
        ("In 1930, Uruguay defeated Argentina 4–2 in the final.", "defeated", "contest"),
        ("In 1908, the runner won the gold medal.", "won", "contest"),
        ("In 1954, the team took the trophy.", "took", "contest"),
        # a gathering that sits for the occasion
        ("In 1414, the council convened at Constance.", "convened", "summit_or_conference"),
        ("In 1179, the synod met in secret.", "met", "summit_or_conference"),
        # a ship striking an obstacle is a disaster, not a strike
        ("In 1873, the steamer struck a reef.", "struck", "disaster"),
        ("In 1926, the miners struck.", "struck", "protest"),
        # rulings, works, buildings
        ("In 1857, the Supreme Court ruled against the petitioner.", "ruled", "trial"),
        ("In 1859, Darwin published his theory of evolution.", "published", "publication"),
        ("In 1824, the composer completed his ninth symphony.", "completed", "publication"),
        ("In 1173, the builders completed the Leaning Tower.", "completed", "founding"),
        # answers and reports by deed: a refused demand, a report to a capital, a pressed ally
        ("In 1739, Madrid rejected the ultimatum.", "rejected", "letter_or_statement"),
        ("In 1902, the king turned down the offer.", "turned", "letter_or_statement"),
        (
            "In 1854, the consul reported to London that the port was closed.",
            "reported",
            "letter_or_statement",
        ),
        ("In 1862, the governor cabled Washington.", "cabled", "letter_or_statement"),
        ("In 1898, Madrid presented Havana with an ultimatum.", "presented", "letter_or_statement"),
        ("In 1947, the minister outlined the plan.", "outlined", "letter_or_statement"),
    ],
)
def test_typing_across_eras(sentence: str, trigger: str, typ: str) -> None:
    got = _typed(sentence)
    assert got.get(trigger) == typ, got


@pytest.mark.parametrize(
    ("sentence", "trigger", "not_typ"),
    [
        # a mountain's summit is no meeting; a figure at its peak is no expedition
        ("In 1953, the climbers stood on the summit of Everest.", "summit", "summit_or_conference"),
        ("In 1933, unemployment reached its peak.", "reached", "flight"),
        # a fire razing blocks is no war; an expedition is no army
        ("In 1871, the fire razed whole blocks of the city.", "razed", "war_or_invasion"),
        ("In 1804, the expedition reached the Pacific coast.", "reached", "war_or_invasion"),
        # "the final assault", "a series of raids": war words that are no contest
        ("In 1945, the army launched the final assault.", "launched", "contest"),
        ("In 1941, the bombers began a series of raids.", "began", "contest"),
        # a standing parliament's sitting is routine, no conference
        ("In 1911, the Senate met in the afternoon.", "met", "summit_or_conference"),
        # what a country "presented" or a sculptor "unveiled" is no statement
        ("In 1925, the colony presented great opportunities.", "presented", "letter_or_statement"),
        ("In 1886, the sculptor unveiled the statue.", "unveiled", "letter_or_statement"),
        # a letter written is a message, not a work
        ("In 1862, the general wrote a letter to the president.", "wrote", "publication"),
    ],
)
def test_lookalikes_keep_their_reading(sentence: str, trigger: str, not_typ: str) -> None:
    got = _typed(sentence)
    assert got.get(trigger) != not_typ, got


def test_new_types_export_as_other() -> None:
    assert format_type("contest") == "other"
    assert format_type("publication") == "other"


def test_a_trial_that_opened_happened() -> None:
    """The subject of "opened" is no intended act (regression: "open" as a word of intention
    made "the trial opened" planned)."""
    from events_helpers import tm
    from test_events import run

    text, evs = run(
        "In 1431, the trial of the prisoner opened in Rouen.\n",
        lambda t, d: [tm(t, "1431", "1431", d)],
    )
    trial = [e for e in evs if text[e.trigger_start : e.trigger_end] == "trial"]
    assert trial and trial[0].modality == "asserted"


def _events(text: str, phrase: str, value: str) -> tuple[str, list[tuple[str, str, str]]]:
    from events_helpers import tm
    from test_events import run

    text, evs = run(text, lambda t, d: [tm(t, phrase, value, d)])
    return text, [(text[e.trigger_start : e.trigger_end], e.type, e.modality) for e in evs]


def test_a_question_states_no_event() -> None:
    """A forum title or a heading that asks ("Where were you when the wall fell?") states
    nothing: its events are never asserted."""
    _text, got = _events(
        'Forum › Memories › "Where were you when the troops invaded the island in 1982?"\n',
        "1982",
        "1982",
    )
    assert all(m != "asserted" for _t, _typ, m in got), got


def test_a_word_of_a_hyphenated_modifier_is_no_event() -> None:
    _text, got = _events("It was a red-letter day for the town in 1851.\n", "1851", "1851")
    assert not any(t == "letter" for t, _typ, _m in got), got


def test_casualties_suffered_are_a_figure() -> None:
    _text, got = _events(
        "In 1916, the division suffered 5,200 casualties in a single morning.\n", "1916", "1916"
    )
    assert not any(t == "suffered" for t, _typ, _m in got), got


def test_a_clause_before_left_is_not_what_was_said() -> None:
    """ "The battle took place, this left X as heir": no statement told to X."""
    _text, got = _events(
        "In 1470, the battle took place at Losecoat, this left Edward as the only heir.\n",
        "1470",
        "1470",
    )
    assert not any(typ == "letter_or_statement" for _t, typ, _m in got), got


def test_an_office_one_is_invited_to_take_is_not_taken() -> None:
    _text, got = _events(
        "In 1660, the parliament invited Charles to become king.\n", "1660", "1660"
    )
    office = [(t, m) for t, typ, m in got if typ == "took_office"]
    assert office and all(m != "asserted" for _t, m in office), got
