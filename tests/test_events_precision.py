"""Precision rules: what looks like an event but is not one to found.

Sentences about other episodes (the Russian revolutions, the Crimean War, the Congress of
Vienna, the Marshall Plan, ...), written for these tests. Dates are hand-built TimeMentions."""

from __future__ import annotations

import pytest

from events_helpers import tm
from histograph.events import JOIN_ONLY_BELOW, load_event_types
from histograph.model import EventMention
from test_events import find, run

pytestmark = pytest.mark.slow


def by_trigger(text: str, evs: list[EventMention]) -> dict[str, EventMention]:
    return {text[e.trigger_start : e.trigger_end]: e for e in evs}


def test_untyped_clause_needs_a_resolved_date() -> None:
    # (an armed force abandoning a fort is a military action: the untyped case is a farmer)
    s = "On March 3 the farmer abandoned the fort."
    text, evs = run(s, lambda t, d: [tm(t, "March 3", None, d)])
    assert "abandoned" not in by_trigger(text, evs)
    text, evs = run(s, lambda t, d: [tm(t, "March 3", "1855-03-03", d)])
    assert find(text, evs, "abandoned").type == "other"


def test_abstract_subject_is_commentary() -> None:
    s = "By March 1917, that assumption had collapsed."
    text, evs = run(s, lambda t, d: [tm(t, "March 1917", "1917-03", d)])
    assert "collapsed" not in by_trigger(text, evs)
    s2 = "By March 1917, the garrison had collapsed."
    text, evs = run(s2, lambda t, d: [tm(t, "March 1917", "1917-03", d)])
    assert "collapsed" in by_trigger(text, evs)


def test_infinitive_about_a_kind_of_person_only_joins() -> None:
    s = "Captain Hale, 40, was wounded, the only officer to die in the siege."
    text, evs = run(s)
    assert find(text, evs, "die").confidence < JOIN_ONLY_BELOW


def test_indefinite_undated_nominal_only_joins() -> None:
    s = "The admirals preferred a blockade to an invasion of the island."
    text, evs = run(s)
    assert find(text, evs, "invasion").confidence < JOIN_ONLY_BELOW


def test_partitive_plural_names_a_class() -> None:
    s = "The Congress of Vienna produced the most durable of the peace settlements of its century."
    text, evs = run(s)
    assert find(text, evs, "settlements").confidence < JOIN_ONLY_BELOW


def test_impersonal_it_subject_undated_only_joins() -> None:
    s = "In the Senate it met fierce opposition from the isolationists."
    text, evs = run(s)
    e = by_trigger(text, evs).get("met")
    assert e is None or e.confidence < JOIN_ONLY_BELOW


def test_would_under_an_announcement_is_planned() -> None:
    s = "On May 5, 1988, Moscow announced that it would withdraw its army and sign the accords."
    text, evs = run(s, lambda t, d: [tm(t, "May 5, 1988", "1988-05-05", d)])
    ev = by_trigger(text, evs)
    assert ev["announced"].modality == "asserted"
    assert ev["sign"].modality == "planned"


def test_named_period_is_other_not_war() -> None:
    s = "The Cold War began soon after the conference."  # a phase of the era is told
    text, evs = run(s)
    assert find(text, evs, "Cold War").type == "other"
    assert "cold war" in load_event_types().named_periods


def test_comparison_with_all_other_times_is_no_event() -> None:
    s = "In July 1914 the great powers came closer to a general war than at any earlier time."
    text, evs = run(s, lambda t, d: [tm(t, "July 1914", "1914-07", d)])
    assert "came" not in by_trigger(text, evs)


def test_markdown_note_fragment_only_joins() -> None:
    s = "**George Marshall (Secretary of State):** Presented the recovery plan to the Senate."
    text, evs = run(s)
    e = by_trigger(text, evs).get("Presented")
    assert e is None or e.confidence < JOIN_ONLY_BELOW
