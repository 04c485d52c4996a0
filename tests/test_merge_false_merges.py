"""Precision-first merging: a mention too weak to found an event, or not asserted, joins one
only on evidence a reader can be shown (the event's name, or a participant it shares).

Hand-built mentions about invented episodes, one per shape a rule handles."""

from __future__ import annotations

from histograph.merge.events import merge_events
from histograph.model import Event, Person
from test_merge_events import Doc, merge


def _signing() -> Doc:
    d = Doc(
        "a",
        "On 3 May 1822 the envoys signed the accord at Lindmark. "
        "Two years later the assembly debated the accord again.",
    )
    d.event(
        "On 3 May 1822 the envoys signed the accord at Lindmark",
        "signed",
        "treaty_signed",
        "1822-05-03",
        "3 May 1822",
    )
    return d


def test_a_bare_word_repeated_later_on_the_page_does_not_join_the_dated_act() -> None:
    d = _signing()
    # "the accord" in the debate sentence: no date, name or participant (too weak to found)
    d.event("the assembly debated the accord", "accord", "treaty_signed", confidence=0.3)
    events, _ = merge([d])
    assert len(events) == 1
    assert [(m.start, m.end) for m in events[0].mentions] == [(0, 54)]


def test_a_negated_mention_sharing_a_participant_does_not_join() -> None:
    a = Doc("a", "In 1840 Halvard recognized the Free Coast.")
    a.event(
        "Halvard recognized the Free Coast",
        "recognized",
        "recognition",
        "1840",
        "1840",
        parts=(("Halvard", "agent"),),
    )
    b = Doc("b", "For years Halvard refused to recognize the Free Coast.")
    b.event(
        "Halvard refused to recognize the Free Coast",
        "recognize",
        "recognition",
        parts=(("Halvard", "agent"),),
        modality="negated",
    )
    events, _ = merge([a, b])
    assert len(events) == 1
    assert {m.doc_id for m in events[0].mentions} == {"a"}


def test_a_weak_asserted_mention_sharing_a_participant_still_joins() -> None:
    a = Doc("a", "In 1840 Halvard recognized the Free Coast.")
    a.event(
        "Halvard recognized the Free Coast",
        "recognized",
        "recognition",
        "1840",
        "1840",
        parts=(("Halvard", "agent"),),
    )
    b = Doc("b", "The recognition by Halvard surprised the court.")
    b.event(
        "The recognition by Halvard",
        "recognition",
        "recognition",
        parts=(("Halvard", "agent"),),
        confidence=0.3,
    )
    events, _ = merge([a, b])
    assert len(events) == 1
    assert {m.doc_id for m in events[0].mentions} == {"a", "b"}


def _founding_page(extra: str) -> Doc:
    d = Doc("a", "In March 1791 the rising in Varnland overthrew the council. " + extra)
    d.event(
        "In March 1791 the rising in Varnland overthrew the council",
        "rising",
        "revolution_or_coup",
        "1791-03",
        "March 1791",
        parts=(("Varnland", "party"),),
    )
    return d


def _merge_with_state(d: Doc) -> list[Event]:
    # the gazetteer's states are people records with an "s-" id (merge/people.py)
    state = Person("s-VAR", "Varnland", ("Varnland",), tuple(d.entities))
    events, _ = merge_events([d.analysis()], [state], ())
    return events


def test_an_undated_clause_sharing_only_the_page_and_a_country_stays_out() -> None:
    d = _founding_page("Much later came the collapse of Varnland.")
    d.event(
        "the collapse of Varnland", "collapse", "revolution_or_coup", parts=(("Varnland", "party"),)
    )
    events = _merge_with_state(d)
    mentions = [m for e in events for m in e.mentions]
    assert len(events) == 1 and len(mentions) == 1


def test_an_undated_clause_with_the_same_trigger_word_still_joins() -> None:
    d = _founding_page("The rising of Varnland was bloody.")
    d.event(
        "The rising of Varnland", "rising", "revolution_or_coup", parts=(("Varnland", "party"),)
    )
    events = _merge_with_state(d)
    assert len(events) == 1 and len(events[0].mentions) == 2
