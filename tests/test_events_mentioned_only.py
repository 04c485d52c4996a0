"""What a sentence mentions without stating it: an act demanded, an event an anniversary
remembers, a definite noun pointing back to an event the page told before. Such a mention
would carry its sentence into another event at the merge (a false merge); the sentence's own
event stays.

Sentences written for these tests, about other episodes than the evaluation corpora."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.model import EventMention
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _mentions(text: str) -> list[EventMention]:
    return list(build().analyze(read_text(text, uri="t.txt", fmt="txt")).events)


def _types(text: str) -> list[str]:
    return [m.type for m in _mentions(text)]


def test_an_act_demanded_is_not_stated() -> None:
    text = "On 2 March 1850 the king demanded that the duke stop mobilising his army.\n"
    ms = _mentions(text)
    assert "mobilization" not in [m.type for m in ms]
    assert [m.time.value for m in ms if m.type == "letter_or_statement" and m.time] == [
        "1850-03-02"
    ]


def test_an_act_ordered_by_its_noun_is_the_act() -> None:
    # "ordered a mobilisation": the noun is the act ordered, and it happened
    assert "mobilization" in _types("In May 1721 the council ordered a general mobilisation.\n")


def test_a_reported_that_clause_is_not_a_demand() -> None:
    from histograph.events.nonevents import demanded_act
    from histograph.events.types import load_event_types
    from histograph.nlp import get_nlp

    et = load_event_types()
    doc = get_nlp()("The minister told reporters that the fortress had fallen.")
    assert not demanded_act(next(t for t in doc if t.lower_ == "fallen"), et)
    doc = get_nlp()("The envoy demanded that the duke stop the mobilisation.")
    assert demanded_act(next(t for t in doc if t.lower_ == "stop"), et)
    doc = get_nlp()("The admiral ordered the fleet to sail at dawn.")
    assert demanded_act(next(t for t in doc if t.lower_ == "sail"), et)


def test_the_event_an_anniversary_remembers_is_not_stated() -> None:
    text = (
        "On 3 May 1950 the embassy issued a statement on the 50th anniversary of restoring "
        "relations between the two kingdoms.\n"
    )
    assert _types(text) == ["letter_or_statement"]


def test_a_definite_noun_pointing_back_is_no_second_mention() -> None:
    text = (
        "The two kingdoms established diplomatic relations on 3 May 1892.\n\n"
        "Impact: The establishment of diplomatic relations allowed for the exchange of envoys.\n"
    )
    assert _types(text).count("establish_relations") == 1
    text = (
        "The two kingdoms established diplomatic relations on 3 May 1892.\n\n"
        "The main issues surrounding the establishment of relations included the old debts.\n"
    )
    assert _types(text).count("establish_relations") == 1


def test_a_participle_pointing_back_still_dates_its_sentence() -> None:
    # "the relations now established" ties the telegram to the day told before, then goes
    text = (
        "The two kingdoms established diplomatic relations on 3 May 1892. King Otto sent a "
        "telegram to the envoy Karl Weber saying, “I trust that the relations now established "
        "between our peoples will last forever.”\n"
    )
    ms = _mentions(text)
    assert [m.type for m in ms].count("establish_relations") == 1
    sent = [m for m in ms if m.type == "letter_or_statement"]
    assert sent and sent[0].time is not None and sent[0].time.value == "1892-05-03"


def test_another_event_of_the_same_type_is_no_back_reference() -> None:
    # "the collapse" is not "the revolution" told before, even with the same type
    text = (
        "The revolution of 1848 toppled the king. Following the collapse of the monarchy, a "
        "republic was declared.\n"
    )
    trig = [text[m.trigger_start : m.trigger_end] for m in _mentions(text)]
    assert "collapse" in trig


def test_a_repeated_event_with_a_date_of_its_own_stays() -> None:
    text = "The war broke out in 1701.\n\nAfter the war of 1714, trade recovered.\n"
    ms = _mentions(text)
    assert any(m.time is not None and m.time.value == "1714" for m in ms)


def test_a_participle_clause_keeps_its_date_to_itself() -> None:
    text = (
        "Having secured a promise of unconditional French support in early March 1509, the "
        "Venetian government presented Milan with a ten-point ultimatum on March 23 and gave "
        "it 48 hours to answer.\n"
    )
    ms = [m for m in _mentions(text) if m.type == "letter_or_statement"]
    assert ms and ms[0].time is not None and ms[0].time.value == "1509-03-23"
    # the participle's own act keeps its date; so does the main clause when nothing else
    # dates it
    text = "Having crossed the river on 3 May 1809, the army took the town on 5 May.\n"
    dates = sorted(m.time.value for m in _mentions(text) if m.time is not None)
    assert dates == ["1809-05-03", "1809-05-05"]


def test_an_event_noun_takes_the_date_in_its_own_phrase() -> None:
    text = (
        "The conference also produced the treaties of Saint-Cloud with Prussia (September 10, 1807) "
        "and Pressburg with Austria (November 27, 1807); the treaties with Sweden and the "
        "Ottoman Empire were signed in 1809.\n"
    )
    ms = [m for m in _mentions(text) if m.type == "treaty_signed"]
    noun = [m for m in ms if text[m.trigger_start : m.trigger_end] == "treaties"]
    assert noun and noun[0].time is not None and noun[0].time.value == "1807-09-10"
    verb = [m for m in ms if text[m.trigger_start : m.trigger_end] == "signed"]
    assert verb and verb[0].time is not None and verb[0].time.value == "1809"


def test_a_date_line_under_an_event_title_dates_the_event() -> None:
    text = (
        "Fall of Rhodes\n\n22 December 1522\n\nAfter a siege of six months, the knights "
        "surrendered the island to the Ottoman army.\n"
    )
    title = [m for m in _mentions(text) if m.start == 0]
    assert title and title[0].time is not None and title[0].time.value == "1522-12-22"


def test_a_date_line_beside_a_byline_stays_the_page_date() -> None:
    text = (
        "Fall of Rhodes\n\n22 December 2022\n\nBy Jane Roe\n\nAfter a siege of six months, the "
        "knights surrendered the island to the Ottoman army in 1522.\n"
    )
    title = [m for m in _mentions(text) if m.start == 0]
    assert not title or title[0].time is None or title[0].time.value != "2022-12-22"


def test_a_headline_verb_is_no_part_of_a_name() -> None:
    text = "Spain Declares War on Portugal - May 3, 1701\n\nThe fighting began at once.\n"
    title = [m for m in _mentions(text) if m.start == 0]
    assert title and title[0].type == "war_declaration"


def test_an_entry_opening_with_its_year_takes_the_day_of_the_date_line_above() -> None:
    text = (
        "Timeline of the union\n\n1 May 1707\n\n1707 Union Act\n\nThe Union Act was signed "
        "by the commissioners in London.\n\n6 March 1708\n\n1708 Invasion Attempt\n\nA French "
        "fleet sailed for Scotland.\n"
    )
    entry = [m for m in _mentions(text) if text[m.start : m.end].startswith("1707 Union")]
    assert entry and entry[0].time is not None and entry[0].time.value == "1707-05-01"
