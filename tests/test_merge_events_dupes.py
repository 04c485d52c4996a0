"""Duplicates the first clustering pass leaves apart: the same act typed differently, a
coarser date next to a finer one, a year in conflict, variant names of one named event.

Hand-built mentions about other episodes (Vietnam 1945, Apollo-Soyuz, the Nobel prizes of
the 1950s, the world wars)."""

from __future__ import annotations

from histograph.merge.names import _name_aliases
from test_merge_events import Doc, merge


def test_same_act_typed_statement_and_other_on_one_day_merges() -> None:
    a = Doc("a", "On 2 September 1945 Ho Chi Minh proclaimed the independence of Vietnam.")
    a.event(
        "Ho Chi Minh proclaimed the independence of Vietnam",
        "proclaimed",
        "letter_or_statement",
        "1945-09-02",
        "2 September 1945",
        parts=(("Ho Chi Minh", "agent"),),
    )
    b = Doc("b", "2 September 1945: the proclamation of Vietnamese independence in Hanoi square.")
    b.event(
        "the proclamation of Vietnamese independence in Hanoi square",
        "proclamation",
        "other",
        "1945-09-02",
        "2 September 1945",
        confidence=0.6,
    )
    events, _ = merge([a, b])
    assert len(events) == 1
    assert events[0].support == 2


def test_two_specific_types_on_one_day_stay_apart() -> None:
    a = Doc("a", "On 5 May 1955 the two states established formal diplomatic relations.")
    a.event(
        "the two states established formal diplomatic relations",
        "established",
        "establish_relations",
        "1955-05-05",
        "5 May 1955",
    )
    b = Doc("b", "On 5 May 1955 letters formalizing the diplomatic relations were exchanged.")
    b.event(
        "letters formalizing the diplomatic relations were exchanged",
        "exchanged",
        "agreement_signed",
        "1955-05-05",
        "5 May 1955",
    )
    events, _ = merge([a, b])
    assert len(events) == 2


def test_coarser_date_next_to_finer_merges_when_wording_agrees() -> None:
    a = Doc("a", "In July 1975 the Apollo and Soyuz spacecraft docked in orbit for a joint flight.")
    a.event(
        "the Apollo and Soyuz spacecraft docked in orbit for a joint flight",
        "docked",
        "other",
        "1975-07",
        "July 1975",
        confidence=0.6,
    )
    b = Doc("b", "On July 17, 1975, the docking of the Apollo and Soyuz spacecraft in orbit.")
    b.event(
        "the docking of the Apollo and Soyuz spacecraft in orbit",
        "docking",
        "other",
        "1975-07-17",
        "July 17, 1975",
        confidence=0.6,
    )
    events, _ = merge([a, b])
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value == "1975-07-17"


def test_coarser_date_with_other_wording_stays_apart() -> None:
    a = Doc("a", "In July 1975 the crews shook hands in orbit.")
    a.event("the crews shook hands in orbit", "shook", "other", "1975-07", "July 1975")
    b = Doc("b", "On July 15, 1975, the rocket lifted off from the launch pad.")
    b.event(
        "the rocket lifted off from the launch pad",
        "lifted",
        "other",
        "1975-07-15",
        "July 15, 1975",
    )
    events, _ = merge([a, b])
    assert len(events) == 2


def test_year_conflict_for_one_named_prize_merges() -> None:
    a = Doc("a", "Churchill was awarded the Nobel Prize in Literature in 1953.")
    a.event(
        "Churchill was awarded the Nobel Prize in Literature in 1953",
        "awarded",
        "other",
        "1953",
        "1953",
        parts=(("Churchill", "recipient"),),
        confidence=0.6,
    )
    b = Doc("b", "Churchill received the Nobel Prize in Literature, a bitter honour, in 1954.")
    b.event(
        "Churchill received the Nobel Prize in Literature, a bitter honour, in 1954",
        "received",
        "other",
        "1954",
        "1954",
        parts=(("Churchill", "recipient"),),
        confidence=0.6,
    )
    events, _ = merge([a, b])
    assert len(events) == 1


def test_letters_on_consecutive_days_in_two_documents_stay_apart() -> None:
    a = Doc("a", "On 3 March 1948 the premier sent a sharp letter to the envoy.")
    a.event(
        "the premier sent a sharp letter to the envoy",
        "sent",
        "letter_or_statement",
        "1948-03-03",
        "3 March 1948",
        parts=(("premier", "agent"),),
    )
    b = Doc("b", "On 4 March 1948 the premier sent a milder letter to the envoy.")
    b.event(
        "the premier sent a milder letter to the envoy",
        "sent",
        "letter_or_statement",
        "1948-03-04",
        "4 March 1948",
        parts=(("premier", "agent"),),
    )
    events, _ = merge([a, b])
    assert len(events) == 2


def test_variant_names_of_one_war_merge_and_numbers_stay_apart() -> None:
    assert _name_aliases()["first world war"] == "world war i"
    assert _name_aliases()["great war"] == "world war i"
    a = Doc("a", "Millions died in the First World War.")
    a.event("the First World War", "First World War", "war_or_invasion")
    b = Doc("b", "Verdun was the longest battle of World War I.")
    b.event("World War I", "World War I", "war_or_invasion")
    c = Doc("c", "The Second World War began in Poland.")
    c.event("The Second World War", "Second World War", "war_or_invasion")
    events, _ = merge([a, b, c])
    wars = sorted(e.support for e in events if e.type == "war_or_invasion")
    assert wars == [1, 2]


def test_coarser_date_next_to_finer_with_other_triggers_merges() -> None:
    a = Doc("a", "In December 1959 twelve nations signed an accord reserving the polar continent.")
    a.event(
        "twelve nations signed an accord reserving the polar continent",
        "signed",
        "agreement_signed",
        "1959-12",
        "December 1959",
    )
    b = Doc("b", "On December 1, 1959, the agreement reserving the polar continent for science.")
    b.event(
        "the agreement reserving the polar continent for science",
        "agreement",
        "agreement_signed",
        "1959-12-01",
        "December 1, 1959",
    )
    events, _ = merge([a, b])
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.value == "1959-12-01"


def test_undated_clause_restating_a_dated_event_merges() -> None:
    a = Doc("a", "On 12 March 1930 Gandhi set out from Sabarmati on the salt march to Dandi.")
    a.event(
        "Gandhi set out from Sabarmati on the salt march to Dandi",
        "set out",
        "visit",
        "1930-03-12",
        "12 March 1930",
        parts=(("Gandhi", "agent"),),
    )
    b = Doc("b", "Gandhi walked from Sabarmati to Dandi on the salt march, defying the tax.")
    b.event(
        "Gandhi walked from Sabarmati to Dandi on the salt march",
        "walked",
        "visit",
        parts=(("Gandhi", "agent"),),
    )
    events, _ = merge([a, b, _other_visit()])
    assert len(events) == 2
    assert sorted(e.support for e in events) == [1, 2]


def _other_visit() -> Doc:
    # another journey of the group, so an undated mention is not simply the only one
    c = Doc("c", "On 5 May 1931 Nehru travelled to Ceylon with his family.")
    c.event(
        "Nehru travelled to Ceylon with his family",
        "travelled",
        "visit",
        "1931-05-05",
        "5 May 1931",
        parts=(("Nehru", "agent"),),
    )
    return c


def test_undated_clause_with_other_wording_stays_apart() -> None:
    a = Doc("a", "On 12 March 1930 Gandhi set out from Sabarmati on the salt march to Dandi.")
    a.event(
        "Gandhi set out from Sabarmati on the salt march to Dandi",
        "set out",
        "visit",
        "1930-03-12",
        "12 March 1930",
        parts=(("Gandhi", "agent"),),
    )
    b = Doc("b", "Later Gandhi sailed to London for the round table talks.")
    b.event(
        "Gandhi sailed to London for the round table talks",
        "sailed",
        "visit",
        parts=(("Gandhi", "agent"),),
    )
    events, _ = merge([a, b, _other_visit()])
    assert len(events) == 3
