"""Event headlines (render/titles.py): one test per shape of clause a rule handles."""

from __future__ import annotations

import pytest

from histograph.model import Event, EventMention, Participant
from histograph.render.titles import headline, headline_text, plain


def _m(*participants: tuple[str, str]) -> EventMention:
    return EventMention(
        "d", 0, 10, 0, 3, "other",
        participants=tuple(Participant(n, r, 0, 1) for n, r in participants),
    )


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("- **May 1804:** Napoleon is proclaimed Emperor.", "May 1804: Napoleon is proclaimed Emperor."),
        ("## The [Congress](https://example.org/c) opens", "The Congress opens"),
        ("A plain sentence, with no markup.", "A plain sentence, with no markup."),
        ("1. The first entry\n   goes on", "The first entry goes on"),
    ],
)
def test_plain_drops_markdown(markdown: str, shown: str) -> None:
    assert plain(markdown) == shown


@pytest.mark.parametrize(
    ("clause", "participants", "shown"),
    [
        # a date label before a colon
        ("- **May 1804:** Napoleon is proclaimed Emperor of the French.", (),
         "Napoleon is proclaimed Emperor of the French"),
        # a section label before a colon
        ("Coronation: The Pope attends the ceremony in Notre-Dame.", (),
         "The Pope attends the ceremony in Notre-Dame"),
        # a leading date phrase with a comma, several phrases deep
        ("Within a week, on 2 December 1804, Napoleon crowned himself.", (),
         "Napoleon crowned himself"),
        ("On March 4, 1861, Lincoln was sworn in.", (), "Lincoln was sworn in"),
        # a leading date phrase without a comma before a name
        ("in 1815 Wellington defeated Napoleon at Waterloo", (), "Wellington defeated Napoleon at Waterloo"),
        # a relative clause gets its antecedent from the agent
        ("who took the throne in 1837", (("Queen Victoria", "agent"),), "Queen Victoria took the throne in 1837"),
        # a possessive pronoun gets the owner's name
        ("Her coronation in 1838", (("Queen Victoria", "patient"),), "Queen Victoria’s coronation in 1838"),
        # a verb phrase without its subject
        ("ruled Prussia until 1888", (("Wilhelm I", "agent"),), "Wilhelm I ruled Prussia until 1888"),
        # a connective in front is dropped
        ("when the treaty came into force", (), "The treaty came into force"),
        # a noun phrase stays a noun phrase
        ("the Crimean War", (("Russia", "agent"),), "The Crimean War"),
        # a trailing date after a dash (a page title) goes
        ("Rome Falls to the Visigoths - August 24, 410", (), "Rome Falls to the Visigoths"),
        # a subject pronoun with two possible agents is left alone
        ("where he met the envoys", (("Ann Smith", "agent"), ("Bo Lee", "agent")), "He met the envoys"),
    ],
)
def test_headlines(clause: str, participants: tuple[tuple[str, str], ...], shown: str) -> None:
    assert headline_text(clause, _m(*participants)) == shown


def test_long_clause_is_cut_at_a_clause_boundary() -> None:
    clause = ("The two governments signed a commercial agreement covering grain, timber and "
              "machinery in the capital, paving the way for a wider settlement of their claims")
    shown = headline_text(clause)
    assert shown.endswith("in the capital") and len(shown) <= 110


def test_headline_reads_the_representative_clause() -> None:
    text = "Intro.\n- **1 May 1851:** The Great Exhibition opens in Hyde Park, London.\n"
    start = text.index("-")
    m = EventMention("d", start, len(text) - 1, start + 30, start + 35, "other")
    e = Event("ev-1", "other", "1 May 1851: The Great Exhibition opens in Hyde Park, London.", None, (m,))
    assert headline(e, lambda d, a, b: text[a:b]) == "The Great Exhibition opens in Hyde Park, London"


def test_the_writers_framing_is_dropped() -> None:
    assert headline_text("Fifty years ago today, on 20 July 1969, two astronauts walked on the Moon.") == (
        "Two astronauts walked on the Moon"
    )


def _event_at(
    text: str, clause: str, verb: str, *participants: tuple[str, str], type: str = "other"
) -> Event:
    start = text.index(clause)
    v = text.index(verb, start)
    m = EventMention(
        "d", start, start + len(clause), v, v + len(verb), type,
        participants=tuple(Participant(n, r, 0, 1) for n, r in participants),
    )
    return Event("ev-1", type, clause, None, (m,))


def test_a_clause_opening_with_its_verb_takes_the_agent() -> None:
    text = "- 1402: Duke Anselm Roth visits Prague and proclaims the new charter at the castle.\n"
    e = _event_at(text, "proclaims the new charter at the castle.", "proclaims",
                  ("Duke Anselm Roth", "agent"))
    assert headline(e, lambda d, a, b: text[a:b]) == (
        "Duke Anselm Roth proclaims the new charter at the castle"
    )


def test_a_passive_clause_opening_with_its_verb_takes_the_patient() -> None:
    text = "Count Ivo Brandt was arrested in March and was executed in May 1650."
    e = _event_at(text, "was executed in May 1650.", "executed", ("Count Ivo Brandt", "patient"))
    assert headline(e, lambda d, a, b: text[a:b]) == "Count Ivo Brandt was executed in May 1650"


def test_a_clause_without_a_named_subject_takes_the_sentences_noun_phrase() -> None:
    text = "It stood for a century. The old mill burned in 1820 and was rebuilt in 1824."
    e = _event_at(text, "was rebuilt in 1824.", "rebuilt")
    assert headline(e, lambda d, a, b: text[a:b]) == "The old mill was rebuilt in 1824"


def test_a_sentence_opening_with_a_pronoun_gives_no_subject() -> None:
    text = "It burned in 1820 and was rebuilt in 1824."
    e = _event_at(text, "was rebuilt in 1824.", "rebuilt")
    assert headline(e, lambda d, a, b: text[a:b]) == "Was rebuilt in 1824"


def test_a_cast_list_entry_opening_with_its_verb_takes_the_labels_person() -> None:
    text = "**Ada Mertens (Mayor until 1911):** Governed the free city from 1898 and built its harbour."
    e = _event_at(text, "Governed the free city from 1898", "Governed", ("Ada Mertens", "agent"),
                  type="took_office")
    assert headline(e, lambda d, a, b: text[a:b]) == "Ada Mertens governed the free city from 1898"


def test_a_cast_list_entry_that_is_a_title_becomes_an_apposition() -> None:
    text = "**Olof Brandt (Chancellor of Varnia, 1902-1910):** Opened the first railway."
    e = _event_at(text, "Chancellor of Varnia, 1902-1910", "Chancellor", ("Olof Brandt", "agent"),
                  type="took_office")
    assert headline(e, lambda d, a, b: text[a:b]) == "Olof Brandt, Chancellor of Varnia, 1902-1910"


def test_a_sentence_opening_with_a_nominal_event_keeps_its_own_subject() -> None:
    text = "Elections were held across the duchy in 1848, and Count Ivo Brandt won."
    e = _event_at(text, "Elections were held across the duchy in 1848", "Elections",
                  ("Count Ivo Brandt", "agent"))
    assert headline(e, lambda d, a, b: text[a:b]) == "Elections were held across the duchy in 1848"
