"""Untyped events, clause-level evidence, types from the clause, dates per clause.

Sentences about other episodes (the Berlin airlift, the Suez crisis, the Congress of Vienna,
the fall of the Berlin Wall, ...). Dates are hand-built TimeMentions."""

from __future__ import annotations

import pytest

from events_helpers import tm
from histograph.model import EventMention
from test_events import find, run

pytestmark = pytest.mark.slow


def triggers(text: str, evs: list[EventMention]) -> dict[str, EventMention]:
    return {text[e.trigger_start : e.trigger_end]: e for e in evs}


# --------------------------------------------------------------------- 2. untyped "other" events


def test_dated_eventive_clause_becomes_other() -> None:
    s = "On June 24, 1948, Soviet forces cut the road and rail links to West Berlin."
    text, evs = run(s, lambda t, d: [tm(t, "June 24, 1948", "1948-06-24", d)])
    e = find(text, evs, "cut")
    assert e.type == "other"
    assert e.modality == "asserted"
    assert e.time is not None and e.time.value == "1948-06-24"
    assert e.confidence < 1.0  # lower than a typed trigger


def test_passive_and_historical_present_clauses() -> None:
    s = (
        "- **May 12, 1949:** The blockade is lifted.\n"
        "- **September 30, 1949:** The airlift ends its last flight.\n"
    )
    text, evs = run(
        s,
        lambda t, d: [
            tm(t, "May 12, 1949", "1949-05-12", d),
            tm(t, "September 30, 1949", "1949-09-30", d),
        ],
    )
    lifted = find(text, evs, "lifted")
    assert lifted.type == "other" and lifted.time and lifted.time.value == "1949-05-12"
    assert any(e.time and e.time.value == "1949-09-30" for e in evs)


def test_undated_clause_is_not_an_event() -> None:
    s = "The engineers worked through the night and rebuilt the bridge."
    _text, evs = run(s)
    assert not [e for e in evs if e.type == "other"]


def test_states_reporting_and_page_voice_are_not_events() -> None:
    s = (
        "In 1956 the canal remained the main route to India. "
        "In 1956, historians say, the canal represented British power. "
        "In 2020 we updated this page."
    )
    text, evs = run(
        s,
        lambda t, d: [
            tm(t, "1956", "1956", d, nth=0),
            tm(t, "1956", "1956", d, nth=1),
            tm(t, "2020", "2020", d),
        ],
    )
    assert not [e for e in evs if e.type == "other"], [
        text[e.trigger_start : e.trigger_end] for e in evs
    ]


def test_negated_and_modal_clauses_are_not_events() -> None:
    s = "In 1815 the delegates did not dissolve the committee. In 1815 Austria might annex Venice."
    _text, evs = run(
        s, lambda t, d: [tm(t, "1815", "1815", d, nth=0), tm(t, "1815", "1815", d, nth=1)]
    )
    assert not [e for e in evs if e.type == "other" and e.modality == "asserted"]


def test_rejection_of_a_treaty_is_an_event() -> None:
    s = "The parliament rejected the treaty on March 3, 1920."
    text, evs = run(s, lambda t, d: [tm(t, "March 3, 1920", "1920-03-03", d)])
    e = find(text, evs, "rejected")
    assert e.type == "other" and e.time and e.time.value == "1920-03-03"


def test_typed_subject_keeps_the_event() -> None:
    # "the invasion collapsed": the invasion is the event, the verb tells what became of it
    s = "In April 1961 the invasion collapsed within three days."
    text, evs = run(s, lambda t, d: [tm(t, "April 1961", "1961-04", d)])
    assert not [e for e in evs if e.type == "other"]
    inv = find(text, evs, "invasion")
    assert inv.type == "war_or_invasion" and inv.time and inv.time.value == "1961-04"


def test_coordinated_clauses_with_one_subject_and_a_typed_act() -> None:
    # one subject, one act: the typed trigger tells it
    s = "On November 6, 1956, Eden spoke in a broadcast and announced a ceasefire."
    _text, evs = run(s, lambda t, d: [tm(t, "November 6, 1956", "1956-11-06", d)])
    assert not [e for e in evs if e.type == "other"]


def test_alternatives_are_one_happening() -> None:
    s = "On October 29, 1956, the convoys stopped at the border or turned back."
    _text, evs = run(s, lambda t, d: [tm(t, "October 29, 1956", "1956-10-29", d)])
    others = [e for e in evs if e.type == "other"]
    assert len(others) == 1


def test_coordinated_clauses_with_their_own_dates_are_two_events() -> None:
    s = "The delegate left the congress in March 1815 and returned only in June."
    text, evs = run(
        s, lambda t, d: [tm(t, "March 1815", "1815-03", d), tm(t, "June", "1815-06", d)]
    )
    by = triggers(text, evs)
    assert by["left"].time and by["left"].time.value == "1815-03"
    assert by["returned"].time and by["returned"].time.value == "1815-06"


# ----------------------------------------------------------------------- 1. clause-level spans


def test_each_clause_is_its_own_evidence() -> None:
    s = (
        "The wall was opened on November 9, 1989, and the two states were reunited "
        "on October 3, 1990."
    )
    text, evs = run(
        s,
        lambda t, d: [
            tm(t, "November 9, 1989", "1989-11-09", d),
            tm(t, "October 3, 1990", "1990-10-03", d),
        ],
    )
    by = triggers(text, evs)
    opened, reunited = by["opened"], by["reunited"]
    assert opened.time and opened.time.value == "1989-11-09"
    assert reunited.time and reunited.time.value == "1990-10-03"
    assert opened.end <= reunited.start  # the spans do not overlap
    assert "1990" not in text[opened.start : opened.end]


def test_subordinate_clause_cut_from_the_main_clause() -> None:
    s = (
        "In May 1948 he set off on a campaign tour, making many speeches, "
        "until he fell ill in Denver on May 30."
    )
    text, evs = run(
        s, lambda t, d: [tm(t, "May 1948", "1948-05", d), tm(t, "May 30", "1948-05-30", d)]
    )
    by = triggers(text, evs)
    main = by["set off"]
    assert "Denver" not in text[main.start : main.end]
    assert by["fell"].time and by["fell"].time.value == "1948-05-30"


# ------------------------------------------------------------------------------ 3. types


def test_act_performed_through_a_message_takes_its_type() -> None:
    s = "On July 26, 1956, Nasser revealed the decision in a radio address."
    text, evs = run(s, lambda t, d: [tm(t, "July 26, 1956", "1956-07-26", d)])
    e = find(text, evs, "revealed")
    assert e.type == "letter_or_statement"


def test_light_verb_with_a_named_treaty_object() -> None:
    s = "It made a separate peace with Austria, the Treaty of Pressburg, in December 1805."
    text, evs = run(s, lambda t, d: [tm(t, "December 1805", "1805-12", d)])
    made = find(text, evs, "made")
    assert made.type in {"agreement_signed", "treaty_signed"}
    assert made.time and made.time.value == "1805-12"


def test_broadcast_message_and_acceptance() -> None:
    s = (
        "On March 5, 1953, the radio broadcast a solemn message. "
        "On March 6, 1953, the committee accepted."
    )
    text, evs = run(
        s,
        lambda t, d: [
            tm(t, "March 5, 1953", "1953-03-05", d),
            tm(t, "March 6, 1953", "1953-03-06", d),
        ],
    )
    assert find(text, evs, "broadcast").type == "letter_or_statement"
    assert find(text, evs, "accepted").type == "agreement_signed"


def test_things_returned_are_not_a_visit() -> None:
    s = "On June 1, 1946, the paintings returned to Vienna."
    _text, evs = run(s, lambda t, d: [tm(t, "June 1, 1946", "1946-06-01", d)])
    assert not [e for e in evs if e.type == "visit"]


def test_fragment_without_subject_only_joins() -> None:
    s = "**Anthony Eden (Prime Minister):** Sent the troops to Suez and agreed to a ceasefire."
    text, evs = run(s)
    from histograph.events import JOIN_ONLY_BELOW

    assert all(e.confidence < JOIN_ONLY_BELOW for e in evs if e.type != "state"), [
        (text[e.trigger_start : e.trigger_end], e.confidence) for e in evs
    ]


# ------------------------------------------------------------------------------ 4. dates


def test_later_clause_without_date_takes_the_sentence_date() -> None:
    s = "The blockade took effect on October 24, 1962, and the tankers turned back."
    text, evs = run(s, lambda t, d: [tm(t, "October 24, 1962", "1962-10-24", d)])
    turned = find(text, evs, "turned")
    assert turned.time and turned.time.value == "1962-10-24"


def test_publication_date_never_dates_an_untyped_clause() -> None:
    s = "Posted on June 30, 2021. The garrison surrendered the fortress."
    _text, evs = run(s, lambda t, d: [tm(t, "June 30, 2021", "2021-06-30", d, document_date=True)])
    assert not [e for e in evs if e.type == "other"]


def test_quoted_words_after_a_name_are_a_statement() -> None:
    s = (
        "- **October 3, 1990:** Chancellor Helmut Kohl: "
        '"Today we are one people," he told the crowd.\n'
    )
    text, evs = run(s, lambda t, d: [tm(t, "October 3, 1990", "1990-10-03", d)])
    said = [e for e in evs if e.type == "letter_or_statement"]
    assert said, [(text[e.trigger_start : e.trigger_end], e.type) for e in evs]
    assert said[0].time is not None and said[0].time.value == "1990-10-03"


def test_verbs_inside_quotations_are_not_events() -> None:
    s = 'In 1961 the mayor said: "The city was divided and the families were separated."'
    text, evs = run(s, lambda t, d: [tm(t, "1961", "1961", d)])
    assert not [e for e in evs if e.type == "other"], [
        text[e.trigger_start : e.trigger_end] for e in evs
    ]


def test_clause_that_leads_to_a_war_dates_the_war() -> None:
    """ "In 1412 the quarrel led to the X War": the clause tells the war's coming about (a
    war event of that date), not an untyped event of its own."""
    from histograph.ingest import read_text
    from histograph.pipeline import build

    text = "In 1412 the quarrel over the succession led to the War of the Two Earls.\n"
    ms = build().analyze(read_text(text, uri="t.txt", fmt="txt")).events
    assert not [m for m in ms if m.type == "other"]
    assert any(m.type == "war_or_invasion" and m.time and m.time.value == "1412" for m in ms)


def test_past_perfect_result_takes_no_date_from_the_event_it_follows() -> None:
    """ "By the time X ended in 1648, Y had lost its power": the dated event is the war's end;
    the past-perfect clause tells what had come about by then."""
    from histograph.ingest import read_text
    from histograph.pipeline import build

    text = "By the time the Thirty Years War ended in 1648, the empire had lost its power.\n"
    ms = build().analyze(read_text(text, uri="t.txt", fmt="txt")).events
    assert not [m for m in ms if "lost" in text[m.trigger_start : m.trigger_end]]
    text = "When the revolt ended in 1849, the king dissolved the diet.\n"
    ms = build().analyze(read_text(text, uri="t.txt", fmt="txt")).events
    assert any("dissolved" in text[m.trigger_start : m.trigger_end] for m in ms)
