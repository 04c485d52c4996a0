"""Event mentions from parsed text: triggers, arguments, modality, structure, dates.

The sentences are about other episodes than the evaluation corpus. Dates are hand-built
TimeMentions, so these tests do not depend on the date engine."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from events_helpers import tm
from histograph.events import extract_events
from histograph.ingest import read_text
from histograph.model import EventMention, TimeMention
from histograph.pipeline import DocState
from histograph.registry import get_stage

pytestmark = pytest.mark.slow

Times = Callable[[str, str], list[TimeMention]]


def run(text: str, times: Times | None = None) -> tuple[str, list[EventMention]]:
    doc = read_text(text, uri="t.md", fmt="md")
    st = DocState(document=doc)
    get_stage("histograph.clean.v1").fn(st)
    get_stage("histograph.nlp.v1").fn(st)
    st.times = times(text, doc.id) if times else []
    return text, extract_events(st)


def find(text: str, events: list[EventMention], trigger: str) -> EventMention:
    hits = [e for e in events if text[e.trigger_start : e.trigger_end] == trigger]
    assert hits, (
        f"no event with trigger {trigger!r}: {[text[e.trigger_start : e.trigger_end] for e in events]}"
    )
    return hits[0]


def test_verbal_trigger_with_date_and_participants() -> None:
    s = "On February 6, 1778, France recognized the United States as an independent nation."
    text, evs = run(s, lambda t, d: [tm(t, "February 6, 1778", "1778-02-06", d)])
    e = find(text, evs, "recognized")
    assert e.type == "recognition"
    assert e.modality == "asserted"
    assert e.time is not None and e.time.value == "1778-02-06"
    assert (e.time_start, e.time_end) == (3, 19)
    roles = {p.name: p.role for p in e.participants}
    assert roles.get("France") == "agent"
    assert roles.get("United States") == "patient"
    assert text[e.start : e.end].startswith("On February 6, 1778")


def test_relations_verbal_and_nominal() -> None:
    s = (
        "Egypt severed diplomatic relations with Britain in 1956. "
        "The restoration of diplomatic relations between the two countries came in 1959."
    )
    text, evs = run(s, lambda t, d: [tm(t, "1956", "1956", d), tm(t, "1959", "1959", d)])
    broke = find(text, evs, "severed")
    assert broke.type == "break_relations" and broke.time and broke.time.value == "1956"
    rest = find(text, evs, "restoration")
    assert rest.type == "establish_relations"
    assert rest.time is not None and rest.time.value == "1959"


def test_named_events() -> None:
    s = (
        "After the Crimean War, the powers met at the Congress of Paris. "
        "The Treaty of Paris was signed in 1856."
    )
    text, evs = run(s, lambda t, d: [tm(t, "1856", "1856", d)])
    war = find(text, evs, "Crimean War")
    assert war.type == "war_or_invasion"
    congress = find(text, evs, "Congress of Paris")
    assert congress.type == "summit_or_conference"
    treaty = find(text, evs, "Treaty of Paris")
    assert treaty.type == "treaty_signed"
    assert treaty.time is not None and treaty.time.value == "1856"


def test_lowercase_tags_are_not_named_events() -> None:
    _text, evs = run("congress of paris, crimean war, napoleon iii")
    assert not [
        e
        for e in evs
        if e.type in {"summit_or_conference", "war_or_invasion"} and e.confidence >= 0.45
    ]


def test_verb_with_named_object_keeps_the_name() -> None:
    s = "In August 1939 Germany signed the Hitler-Stalin Pact with the Soviet Union."
    text, evs = run(s, lambda t, d: [tm(t, "August 1939", "1939-08", d)])
    e = find(text, evs, "Hitler-Stalin Pact")
    assert e.type == "treaty_signed"
    assert e.time is not None and e.time.value == "1939-08"
    assert len([x for x in evs if x.type == "treaty_signed"]) == 1


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        ("Spain did not recognize the rebel government.", "recognize", "negated"),
        ("The Senate refused to ratify the treaty.", "ratify", "negated"),
        ("Japan withheld recognition of the new republic.", "recognition", "negated"),
        ("The king sought to establish relations with Portugal.", "establish", "planned"),
        ("The envoy was expected to sign the treaty in Vienna.", "sign", "planned"),
        (
            "London hoped that recognition of the new state would follow.",
            "recognition",
            "hypothetical",
        ),
        ("The talks paved the way for recognition of the new state.", "recognition", "planned"),
        ("Italy recognized the new state in 1924.", "recognized", "asserted"),
    ],
)
def test_modality(sentence: str, trigger: str, modality: str) -> None:
    text, evs = run(sentence)
    assert find(text, evs, trigger).modality == modality


def test_ending_years_of_non_recognition_is_not_a_new_recognition() -> None:
    s = "In 1950 Britain recognized the People's Republic, ending 12 years of non-recognition."
    text, evs = run(s, lambda t, d: [tm(t, "1950", "1950", d)])
    rec = [e for e in evs if e.type == "recognition"]
    assert len(rec) == 1 and text[rec[0].trigger_start : rec[0].trigger_end] == "recognized"


def test_event_in_temporal_clause_does_not_take_main_date() -> None:
    s = (
        "In March 1921, two years after the rebels seized power in the capital, "
        "Britain established relations with the new government."
    )
    text, evs = run(s, lambda t, d: [tm(t, "March 1921", "1921-03", d)])
    est = find(text, evs, "established")
    assert est.time is not None and est.time.value == "1921-03"
    seized = find(text, evs, "seized")
    assert seized.type == "revolution_or_coup"
    assert seized.time is None


def test_publication_date_is_never_an_event_date() -> None:
    s = "Posted March 3, 2020. Russia signed the Treaty of Brest-Litovsk."
    text, evs = run(s, lambda t, d: [tm(t, "March 3, 2020", "2020-03-03", d, document_date=True)])
    e = find(text, evs, "Treaty of Brest-Litovsk")
    assert e.time is None


def test_timeline_list_items_under_year_headings() -> None:
    s = (
        "## Timeline\n\n"
        "**1814**\n\n"
        "- **September 1814:** The Congress of Vienna opens.\n"
        "- Austria and Prussia sign a treaty of alliance.\n\n"
        "**1815**\n\n"
        "- **June 1817:** Russia signs a trade agreement with Persia.\n\n"
        "**Aftermath**\n\n"
        "- Prussia signs a treaty with Sweden.\n"
    )

    def times(t: str, d: str) -> list[TimeMention]:
        return [
            tm(t, "1814", "1814", d, nth=0),
            tm(t, "September 1814", "1814-09", d),
            tm(t, "1815", "1815", d),
            tm(t, "June 1817", "1817-06", d),
        ]

    text, evs = run(s, times)
    assert find(text, evs, "Congress of Vienna").type == "summit_or_conference"
    alliance = [e for e in evs if "Austria and Prussia" in text[e.start : e.end]]
    assert alliance and alliance[0].time is not None and alliance[0].time.value == "1814"
    assert alliance[0].region_kind == "list_item"
    trade = [e for e in evs if "Persia" in text[e.start : e.end]]
    assert trade[0].time is not None and trade[0].time.value == "1817-06"  # own date beats heading
    after = [e for e in evs if "Sweden" in text[e.start : e.end]]
    assert after and after[0].time is None  # an undated heading gives no date


def test_event_card_title_and_date_line() -> None:
    s = (
        "Egypt Nationalizes the Suez Canal Company - July 26, 1956\n"
        "July 26, 1956\n"
        "Egypt nationalizes the canal company.\n"
    )

    def times(t: str, d: str) -> list[TimeMention]:
        return [
            tm(t, "July 26, 1956", "1956-07-26", d, nth=0),
            tm(t, "July 26, 1956", "1956-07-26", d, nth=1),
        ]

    _text, evs = run(s, times)
    econ = [e for e in evs if e.type == "economic_event"]
    assert len(econ) == 2
    assert all(e.time is not None and e.time.value == "1956-07-26" for e in econ)


def test_year_less_date_is_kept_as_a_span() -> None:
    s = "On March 15, the emperor signed the armistice."
    text, evs = run(s, lambda t, d: [tm(t, "March 15", None, d, timex="XXXX-03-15")])
    e = find(text, evs, "signed")
    assert e.type == "agreement_signed"
    assert e.time is None and (e.time_start, e.time_end) == (3, 11)


def test_caption_counts_less() -> None:
    s = "Stalin and Churchill at\nthe Yalta Conference, 1945."
    text, evs = run(s, lambda t, d: [tm(t, "1945", "1945", d)])
    e = find(text, evs, "Yalta Conference")
    assert e.type == "summit_or_conference"
    assert e.time is not None and e.time.value == "1945"


def test_appointment_arguments() -> None:
    s = "In 1792 Thomas Pinckney was appointed as the first ambassador to Britain."
    text, evs = run(s, lambda t, d: [tm(t, "1792", "1792", d)])
    e = find(text, evs, "appointed")
    assert e.type == "appoint_ambassador"
    assert [p.name for p in e.participants if p.role == "patient"] == ["Thomas Pinckney"]


def test_stage_is_registered_and_deterministic() -> None:
    s = "In 1905 Norway dissolved its union with Sweden. The king was crowned in 1906."
    a = run(s, lambda t, d: [tm(t, "1905", "1905", d), tm(t, "1906", "1906", d)])[1]
    b = run(s, lambda t, d: [tm(t, "1905", "1905", d), tm(t, "1906", "1906", d)])[1]
    assert a == b
    info = get_stage("histograph.events.v1")
    assert info.assigns == ("events",)


def test_press_conference_is_a_statement_and_since_clause_keeps_its_date() -> None:
    s = "Dozens died trying to cross the border since it was sealed in 1961. The spokesman gave a press conference."
    text, evs = run(s, lambda t, d: [tm(t, "1961", "1961", d)])
    died = [e for e in evs if e.type == "death"]
    assert died and died[0].time is None
    assert find(text, evs, "conference").type == "letter_or_statement"
