"""States of affairs, date continuation across sentences, and modality at labels and
coordinations (spaCy). Sentences about other episodes; dates are hand-built."""

from __future__ import annotations

import pytest

from events_helpers import tm
from histograph.model import EventMention, TimeMention
from test_events import find, run

pytestmark = pytest.mark.slow


def states(evs: list[EventMention]) -> list[EventMention]:
    return [e for e in evs if e.type == "state"]


def test_policy_of_non_intervention_is_a_state_not_an_intervention() -> None:
    s = "For two decades Washington maintained a policy of non-intervention in the region."
    text, evs = run(s)
    (st,) = states(evs)
    assert st.modality == "asserted"
    assert text[st.trigger_start : st.trigger_end] == "non-intervention"
    assert not [e for e in evs if e.type == "war_or_invasion" and e.modality == "asserted"]


def test_a_non_aggression_pact_is_a_treaty_not_a_state() -> None:
    _text, evs = run("In 1934 Poland signed a non-aggression pact with Germany.")
    assert not states(evs)


def test_continued_to_withhold_recognition_is_a_state() -> None:
    s = "Britain continued to withhold recognition from the new republic for years."
    text, evs = run(s)
    (st,) = states(evs)
    assert text[st.trigger_start : st.trigger_end].endswith("recognition")
    act = [e for e in evs if e.type == "recognition"]
    assert act and all(e.modality == "negated" for e in act)


def test_refusing_to_recognise_a_government_is_a_lasting_stance() -> None:
    text, evs = run("After the coup, Mexico refused to recognize the military government.")
    (st,) = states(evs)
    assert text[st.trigger_start : st.trigger_end] == "refused to recognize"
    assert {p.role for p in st.participants} >= {"agent"}


def test_refusing_to_sign_is_not_a_state() -> None:
    _text, evs = run("In 1919 the Senate refused to ratify the treaty.")
    assert not states(evs)


def test_ending_years_of_a_state_gives_its_interval() -> None:
    s = "- **May 5, 1955:** West Germany becomes sovereign, ending ten years of non-recognition."

    def times(t: str, d: str) -> list[TimeMention]:
        dur = tm(t, "ten years", None, d)
        return [
            tm(t, "May 5, 1955", "1955-05-05", d),
            TimeMention(d, dur.start, dur.end, "ten years", "DURATION", None, "P10Y"),
        ]

    text, evs = run(s, times)
    (st,) = states(evs)
    assert st.time is not None and st.time.value == "1945/1955"
    assert text[st.start : st.end] == "ending ten years of non-recognition"


def test_a_sentence_referring_back_takes_the_date_of_the_event_it_continues() -> None:
    s = (
        "The armistice was signed at Compiegne on November 11, 1918. "
        "Foch sent a telegram to Clemenceau about the armistice just signed in the forest."
    )
    text, evs = run(s, lambda t, d: [tm(t, "November 11, 1918", "1918-11-11", d)])
    tel = find(text, evs, "sent")
    assert tel.time is not None and tel.time.value == "1918-11-11"
    assert (tel.time_start, tel.time_end) == (text.index("November"), text.index(", 1918.") + 6)


def test_a_later_sentence_does_not_take_the_date() -> None:
    s = (
        "The armistice was signed at Compiegne on November 11, 1918. "
        "Years later Foch sent a telegram to Clemenceau about the armistice just signed."
    )
    text, evs = run(s, lambda t, d: [tm(t, "November 11, 1918", "1918-11-11", d)])
    assert find(text, evs, "sent").time is None


def test_a_same_time_expression_carries_the_date() -> None:
    s = (
        "Lincoln was shot at Ford's Theatre on April 14, 1865. "
        "That night Seward was attacked at his home by Powell."
    )
    text, evs = run(s, lambda t, d: [tm(t, "April 14, 1865", "1865-04-14", d)])
    hits = [e for e in evs if e.time is not None and e.start > text.index("That night")]
    assert all(e.time is not None and e.time.value == "1865-04-14" for e in hits)


def test_no_cue_no_date() -> None:
    s = (
        "The armistice was signed at Compiegne on November 11, 1918. "
        "Foch sent a telegram to Clemenceau."
    )
    text, evs = run(s, lambda t, d: [tm(t, "November 11, 1918", "1918-11-11", d)])
    assert find(text, evs, "sent").time is None


def test_a_label_before_a_colon_does_not_make_the_event_planned() -> None:
    text, evs = run("Negotiations: The negotiations were conducted by Witte and Komura.")
    e = find(text, evs, "conducted")
    assert e.modality == "asserted"


def test_a_finite_conjunct_is_not_under_the_refusal() -> None:
    s = "In 1779 Spain refused to recognize the new republic and declared war on Britain."
    text, evs = run(s)
    assert find(text, evs, "recognize").modality == "negated"
    assert find(text, evs, "declared").modality == "asserted"
