"""Merging catch-all (``other``) mentions: type and date alone are no evidence of one event.

Hand-built mentions about other episodes (the Berlin airlift, the Suez crisis)."""

from __future__ import annotations

from test_merge_events import Doc, merge


def _other(doc: Doc, evidence: str, trigger: str, date: str, phrase: str) -> None:
    doc.event(evidence, trigger, "other", date, phrase, confidence=0.6)


def test_different_happenings_on_one_day_stay_apart() -> None:
    a = Doc(
        "a",
        "On May 12, 1949, the blockade was lifted. "
        "On 12 May 1949 the first trains reached the western sectors.",
    )
    _other(a, "the blockade was lifted", "lifted", "1949-05-12", "May 12, 1949")
    _other(
        a, "the first trains reached the western sectors", "reached", "1949-05-12", "12 May 1949"
    )
    events, _ = merge([a])
    assert len([e for e in events if e.type == "other"]) == 2


def test_same_happening_in_two_documents_merges() -> None:
    a = Doc("a", "On May 12, 1949, the Soviet blockade of the city was lifted.")
    _other(a, "the Soviet blockade of the city was lifted", "lifted", "1949-05-12", "May 12, 1949")
    b = Doc("b", "The blockade ended on May 12, 1949, after eleven months.")
    _other(b, "The blockade ended on May 12, 1949", "ended", "1949-05-12", "May 12, 1949")
    events, _ = merge([a, b])
    others = [e for e in events if e.type == "other"]
    assert len(others) == 1
    assert others[0].support == 2


def test_coarse_date_and_one_shared_word_do_not_merge() -> None:
    a = Doc("a", "In 1956 the canal company was nationalised by decree.")
    _other(a, "the canal company was nationalised", "nationalised", "1956", "1956")
    b = Doc("b", "In 1956 the canal was blocked by sunken ships.")
    _other(b, "the canal was blocked by sunken ships", "blocked", "1956", "1956")
    events, _ = merge([a, b])
    assert len([e for e in events if e.type == "other"]) == 2


def test_typed_events_on_one_day_still_merge_without_shared_words() -> None:
    # a typed event is itself evidence: the generic rule applies to catch-all types only
    a = Doc("a", "On October 29, 1956, Israel invaded the Sinai.")
    a.event(
        "Israel invaded the Sinai", "invaded", "war_or_invasion", "1956-10-29", "October 29, 1956"
    )
    b = Doc("b", "The attack on Egypt began on October 29, 1956.")
    b.event(
        "The attack on Egypt began", "attack", "war_or_invasion", "1956-10-29", "October 29, 1956"
    )
    events, _ = merge([a, b])
    assert len([e for e in events if e.type == "war_or_invasion"]) == 1


def test_names_with_link_words_join_across_documents() -> None:
    a = Doc("a", "The Treaty of Utrecht was signed on April 11, 1713.")
    a.event(
        "The Treaty of Utrecht was signed",
        "Treaty of Utrecht",
        "treaty_signed",
        "1713-04-11",
        "April 11, 1713",
    )
    b = Doc("b", "The Treaty of Utrecht at 300")
    b.event("The Treaty of Utrecht at 300", "Treaty of Utrecht", "treaty_signed", region="title")
    events, _ = merge([a, b])
    treaties = [e for e in events if e.type == "treaty_signed"]
    assert len(treaties) == 1 and treaties[0].support == 2


def test_a_letter_a_day_later_in_the_body_is_another_letter() -> None:
    # different days within one document body: two letters, not one (only a page title may
    # be a day off its own body)
    a = Doc(
        "a",
        "On March 2, 1945, the king sent a letter to the regent. "
        "A second letter followed on March 3, 1945.",
    )
    a.event(
        "the king sent a letter to the regent",
        "letter",
        "letter_or_statement",
        "1945-03-02",
        "March 2, 1945",
    )
    a.event(
        "A second letter followed",
        "letter",
        "letter_or_statement",
        "1945-03-03",
        "March 3, 1945",
        confidence=0.8,
    )
    events, _ = merge([a])
    assert len([e for e in events if e.type == "letter_or_statement"]) == 2


def test_same_surname_in_the_same_role_is_no_identity_clash() -> None:
    # the people merge may split one "Adams" across documents (two men of that name in the
    # corpus); the same surname as the agent of one statement on one day is the same man
    from histograph.merge.events import merge_events
    from histograph.model import Person

    a = Doc("a", "On March 4, 1801, Adams issued a proclamation.")
    a.event(
        "Adams issued a proclamation",
        "issued",
        "letter_or_statement",
        "1801-03-04",
        "March 4, 1801",
        parts=(("Adams", "agent"),),
    )
    b = Doc("b", "Adams issued his proclamation on March 4, 1801.")
    b.event(
        "Adams issued his proclamation",
        "issued",
        "letter_or_statement",
        "1801-03-04",
        "March 4, 1801",
        parts=(("Adams", "agent"),),
    )
    people = [
        Person("p-john", "John Adams", ("Adams",), tuple(a.entities)),
        Person("p-samuel", "Samuel Adams", ("Adams",), tuple(b.entities)),
    ]
    events, _ = merge_events([a.analysis(), b.analysis()], people)
    assert len(events) == 1
