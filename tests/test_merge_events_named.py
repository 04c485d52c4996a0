"""Events named by a place and a head noun, and a page's dated clause about its named event.
Hand-written pages about an invented flood and fire."""

from __future__ import annotations

from dataclasses import replace

from histograph.merge.events import merge_events
from histograph.merge.names import _place_name
from histograph.model import EntityMention, EventMention
from test_merge_events import Doc, merge, people_of


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


def test_one_named_thing_a_day_apart_on_two_pages_is_one_event_with_a_date_conflict() -> None:
    a = Doc("a", "On 4 June 1920, the Old Bridge opened.")
    a.event("the Old Bridge opened", "opened", "other", "1920-06-04", "4 June 1920",
            parts=(("Old Bridge", "agent"),), confidence=0.6)
    b = Doc("b", "On 5 June 1920, the Old Bridge collapsed.")
    b.event("the Old Bridge collapsed", "collapsed", "other", "1920-06-05", "5 June 1920",
            parts=(("Old Bridge", "agent"),), confidence=0.6)
    people = [replace(p, kind="place") for p in people_of([a, b])]
    events, conflicts = merge_events([a.analysis(), b.analysis()], people)
    assert len(events) == 1
    assert any(c.attribute == "date" for c in conflicts)
    # a person's two acts a day apart stay two events
    events, _ = merge_events([a.analysis(), b.analysis()], people_of([a, b]))
    assert len(events) == 2


def test_the_place_and_of_forms_name_one_event() -> None:
    text = "The Old Bridge fell. It was the fall of the Old Bridge."
    s1 = text.index("The Old Bridge")
    s2 = text.index("the Old Bridge", 20)
    places = [(s1, s1 + 14), (s2, s2 + 14)]
    m1 = EventMention("a", 0, 19, 15, 19, "other")
    m2 = EventMention("a", 27, len(text) - 1, text.index("fall "), text.index("fall ") + 4, "other")
    assert _place_name(text, m1, places) == _place_name(text, m2, places) == "old bridge fall"


def test_battles_of_two_places_are_two_events_and_adjective_names_may_be_aliases() -> None:
    from histograph.merge.names import _name_clash

    assert _name_clash("battle of ashford", "battle of green hill")
    assert not _name_clash("battle of green hill", "battle of green")
    assert not _name_clash("northern rising", "peasant rising")


def test_one_name_on_two_days_of_a_month_is_one_event_with_a_date_conflict() -> None:
    a = Doc("a", "On 3 May 1402 the Battle of Green Hill was fought.")
    a.event("the Battle of Green Hill was fought", "Battle of Green Hill", "war_or_invasion",
            "1402-05-03", "3 May 1402")
    b = Doc("b", "The Battle of Green Hill (9 May 1402) ended the revolt.")
    b.event("The Battle of Green Hill", "Battle of Green Hill", "war_or_invasion",
            "1402-05-09", "9 May 1402")
    events, conflicts = merge([a, b])
    assert len(events) == 1
    assert [c.attribute for c in conflicts] == ["date"]


def test_a_repeated_happening_is_not_the_earlier_one() -> None:
    a = Doc("a", "In March 1921 Ostland broke off relations. Later, Ostland relations again broke down.")
    a.event("Ostland broke off relations", "broke", "break_relations", "1921-03", "March 1921",
            parts=(("Ostland", "party"),))
    a.event("Ostland relations again broke down", "broke", "break_relations",
            parts=(("Ostland", "party"),))
    events, _ = merge([a])
    [e] = events
    assert len(e.mentions) == 1


def test_a_place_before_the_trigger_across_spaces_and_a_line_break_names_it() -> None:
    # the end of the text before the trigger is found without copying the text before it
    # (issue 10: a copy per mention was quadratic in one long document)
    text = "A line of filler.\n" * 200 + "The Rivertown  \n fire began."
    s = text.index("Rivertown")
    t = text.index("fire")
    m = EventMention("a", s - 4, len(text), t, t + 4, "disaster")
    assert _place_name(text, m, [(s, s + 9)]) == "rivertown fire"
    m_start = EventMention("a", 0, 4, 0, 4, "disaster")  # a trigger at the very start
    assert _place_name("Fire broke out.", m_start, []) is None
