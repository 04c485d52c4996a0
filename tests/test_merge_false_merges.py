"""Precision-first merging: a mention too weak to found an event, or not asserted, joins one
only on evidence a reader can be shown (the event's name, or a participant it shares).

Hand-built mentions about invented episodes, one per shape a rule handles."""

from __future__ import annotations

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
