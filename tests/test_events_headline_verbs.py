"""A Title Case headline read as the sentence it is (issue 13): its verb, which the tagger
reads as part of a name ("X Declares War on Y"), is found from the YAML verb vocabulary and
types the title's event; real names in it stay names, and a title that is a name only keeps
its name. Short pages written for these tests, about other episodes than the evaluation
corpora."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.model import EventMention
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _title(text: str) -> list[EventMention]:
    """The mentions of the page's first line."""
    first = text.index("\n")
    ms = build().analyze(read_text(text, uri="t.txt", fmt="txt")).events
    return [m for m in ms if m.trigger_start < first]


def _trigger(text: str, m: EventMention) -> str:
    return text[m.trigger_start : m.trigger_end]


def test_a_headline_verb_read_as_a_name_types_the_title() -> None:
    text = (
        "Venice-Ragusa Declares War on Genoa - June 4, 1378\n\n"
        "The fleet sailed the next morning and bombarded the harbour on June 5.\n"
    )
    ms = _title(text)
    assert [(m.type, _trigger(text, m)) for m in ms] == [("war_declaration", "Declares")]
    assert ms[0].time is not None and ms[0].time.value == "1378-06-04"


def test_a_name_after_the_headline_verb_stays_a_name() -> None:
    text = "Duke Signs Treaty of Ostrava\n\nThe envoys rode home the same week.\n"
    ms = _title(text)
    assert [(m.type, _trigger(text, m)) for m in ms] == [("treaty_signed", "Signs")]


def test_a_bare_present_after_a_plural_subject() -> None:
    text = "Rebels Seize the Capital\n\nThe garrison surrendered without a shot.\n"
    assert [m.type for m in _title(text)] == ["war_or_invasion"]


def test_a_regular_past_in_a_headline() -> None:
    text = "Army Stormed the Fort\n\nThe garrison surrendered without a shot.\n"
    assert [m.type for m in _title(text)] == ["war_or_invasion"]


def test_an_intransitive_headline_verb() -> None:
    text = "Emperor Abdicates\n\nHe left the palace at once.\n"
    assert [m.type for m in _title(text)] == ["left_office"]


def test_a_title_that_is_a_name_only_keeps_its_name() -> None:
    text = "The Siege of Ostrava\n\nThe garrison surrendered without a shot.\n"
    ms = _title(text)
    assert [(m.type, _trigger(text, m)) for m in ms] == [("battle", "Siege of Ostrava")]


def test_a_line_in_prose_case_is_no_headline() -> None:
    from histograph.events.entry_verbs import headline_tokens
    from histograph.nlp import get_nlp

    nlp = get_nlp()
    assert not headline_tokens(next(nlp("The duke signs the treaty of Ostrava").sents))
    assert headline_tokens(next(nlp("Duke Signs the Treaty of Ostrava").sents))


def test_a_past_with_nothing_after_it_is_a_passive() -> None:
    # "Treaty of X Signed": the name is the patient of a passive without its auxiliary
    text = "Treaty of Ostrava Signed\n\nThe envoys rode home the same week.\n"
    ms = _title(text)
    assert [m.type for m in ms] == ["treaty_signed"]
    assert "Treaty of Ostrava" in text[ms[0].start : ms[0].end]


def test_a_dated_entry_in_title_case_reads_its_headline_verb() -> None:
    # the parser hangs "Declares" on "War" as a compound: the entry is still a declaration
    text = "On this day\n\n1701 – Venice Declares War on Genoa\n1703 – Emperor Abdicates\n"
    ms = build().analyze(read_text(text, uri="t.txt", fmt="txt")).events
    got = [(m.type, _trigger(text, m), m.time.value if m.time else None) for m in ms]
    assert got == [
        ("war_declaration", "Declares", "1701"),
        ("left_office", "Abdicates", "1703"),
    ]
