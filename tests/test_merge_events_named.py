"""Events named by a place and a head noun, and a page's dated clause about its named event.
Hand-written pages about an invented flood and fire."""

from __future__ import annotations

from histograph.merge.events import _place_name
from histograph.model import EntityMention, EventMention
from test_merge_events import Doc, merge


def _place(doc: Doc, name: str) -> None:
    s = doc.text.index(name)
    doc.entities.append(EntityMention(doc.id, s, s + len(name), name, "GPE", name))


def test_place_and_head_noun_name_one_event_across_pages() -> None:
    a = Doc("a", "The 1872 Rivertown flood ruined the harbour.")
    _place(a, "Rivertown")
    a.event("The 1872 Rivertown flood ruined the harbour", "flood", "disaster", "1872", "1872")
    b = Doc("b", "Nobody forgot the Rivertown flood.")
    _place(b, "Rivertown")
    b.event("the Rivertown flood", "flood", "disaster")
    c = Doc("c", "The great Rivertown flood came at night.")
    _place(c, "Rivertown")
    c.event("The great Rivertown flood came at night", "flood", "disaster")
    events, _ = merge([a, b, c])
    [e] = [e for e in events if e.type == "disaster"]
    assert e.support == 3


def test_a_peoples_adjective_is_no_name() -> None:
    text = "The Northern fire began in the docks. The Rivertown fire began."
    m = EventMention("a", 0, 36, 13, 17, "disaster")
    assert _place_name(text, m, []) is None
    s = text.index("Rivertown")
    m2 = EventMention("a", 38, len(text), 52, 56, "disaster")
    assert _place_name(text, m2, [(s, s + 9)]) == "rivertown fire"


def test_a_pages_dated_clause_about_its_named_event_joins_it() -> None:
    a = Doc(
        "a",
        "The Rivertown flood of 1872 is remembered. "
        "The flood waters rose over the walls on 3 May 1872 before dawn.",
    )
    _place(a, "Rivertown")
    a.event("The Rivertown flood of 1872", "flood", "disaster", "1872", "1872")
    a.event("The flood waters rose over the walls", "rose", "other", "1872-05-03", "3 May 1872")
    events, _ = merge([a])
    [e] = events
    assert e.date is not None and e.date.value == "1872-05-03"


def test_a_dated_clause_of_another_kind_stays_apart() -> None:
    a = Doc(
        "a",
        "The Rivertown flood of 1872 is remembered. "
        "The mayor resigned over the walls on 3 May 1872.",
    )
    _place(a, "Rivertown")
    a.event("The Rivertown flood of 1872", "flood", "disaster", "1872", "1872")
    a.event("The mayor resigned over the walls", "resigned", "other", "1872-05-03", "3 May 1872")
    events, _ = merge([a])
    assert len(events) == 2
