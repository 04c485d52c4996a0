"""Which mention of a merged event gives its title: one stating it in its own main clause.

Sentences written for these tests, one per shape :func:`histograph.merge.standing.embedded`
handles."""

from __future__ import annotations

import pytest

from histograph.merge.standing import embedded, states
from histograph.model import EventMention, RegionKind
from test_merge_events import Doc, merge


def _mention(text: str, trigger: str, region: RegionKind = "narrative") -> EventMention:
    ts = text.index(trigger)
    return EventMention("d", 0, len(text), ts, ts + len(trigger), "other", region_kind=region)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # relative clause
        ("The admiral, who had surrendered the fleet two days earlier, later wrote home.", "surrendered"),
        ("Frankfurt, where the assembly met in 1848, was crowded.", "met"),
        # parenthesis
        ("The old viceroy (deposed in the coup of 1822) left for Lisbon.", "deposed"),
        # trailing subordinate clause
        ("The garrison marched out of the city, after the truce was signed.", "signed"),
        # fronted subordinate clause closed by a comma
        ("After the army crossed the river, the king fled north.", "crossed"),
        ("When the council abdicated its powers, riots began.", "abdicated"),
        # a sentence before on the same line does not hide the opener
        ("Rain fell. Although the envoys signed the accord, fighting went on.", "signed"),
    ],
)
def test_embedded_shapes(text: str, trigger: str) -> None:
    assert embedded(text, _mention(text, trigger))


@pytest.mark.parametrize(
    ("text", "trigger", "region"),
    [
        ("The admiral surrendered the fleet on 3 May 1571.", "surrendered", "narrative"),
        # a fronted adverbial closed by a comma leaves the trigger in the main clause
        ("After the long siege, the city surrendered.", "surrendered", "narrative"),
        ("In 1848, when reform was in the air, the assembly met in Frankfurt.", "met", "narrative"),
        # a preposition opening the sentence with no comma after the trigger
        ("After the war the treaty was signed in Vienna.", "signed", "narrative"),
        # a list entry or heading heads its own line
        ("3 May 1571: after a week of talks the envoys signed the accord", "signed", "list_item"),
        ("When the assembly met, Frankfurt", "met", "heading"),
    ],
)
def test_main_clause_shapes(text: str, trigger: str, region: RegionKind) -> None:
    assert not embedded(text, _mention(text, trigger, region))


def _span(text: str, span: str, trigger: str) -> EventMention:
    s = text.index(span)
    ts = text.index(trigger, s)
    return EventMention("d", s, s + len(span), ts, ts + len(trigger), "other")


def test_embedded_when_the_span_is_the_subordinate_clause() -> None:
    text = "The colony kept its old charter until the assembly adopted a new one."
    assert embedded(text, _span(text, "until the assembly adopted a new one", "adopted"))


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The admiral surrendered the fleet on 3 May 1571.", "surrendered", True),
        # labels: too short, or a short span ending at its trigger
        ("Negotiations", "Negotiations", False),
        ("the naval mutiny", "mutiny", False),
        ("The long grain famine", "famine", False),
        # embedded
        ("The admiral, who had surrendered the fleet, later wrote home.", "surrendered", False),
    ],
)
def test_states(text: str, trigger: str, expected: bool) -> None:
    assert states(text, _mention(text, trigger)) is expected


def test_a_label_does_not_displace_an_embedded_statement() -> None:
    # a one-word list entry does not take the title from a dated clause, even embedded
    a = Doc("a", "The envoys met in Ghent, where they signed the accord on 24 December 1814.")
    a.event(
        "where they signed the accord on 24 December 1814",
        "signed",
        "treaty_signed",
        date="1814-12-24",
        date_phrase="24 December 1814",
    )
    b = Doc("b", "Events of 24 December 1814:\n- accord\n")
    b.event(
        "accord",
        "accord",
        "treaty_signed",
        date="1814-12-24",
        date_phrase="24 December 1814",
        region="list_item",
    )
    events, _ = merge([b, a])
    assert len(events) == 1
    assert events[0].title == "where they signed the accord on 24 December 1814"


def test_title_comes_from_the_main_clause_mention() -> None:
    # the document whose id sorts first tells the event inside a relative clause
    a = Doc(
        "a",
        "The regent Miguel Ortega, who had replaced Luis Vidal as governor on 2 March 1822, "
        "later said the harbour was closed.",
    )
    a.event(
        "The regent Miguel Ortega, who had replaced Luis Vidal as governor on 2 March 1822, "
        "later said the harbour was closed.",
        "replaced",
        "took_office",
        date="1822-03-02",
        date_phrase="2 March 1822",
        parts=(("Miguel Ortega", "agent"), ("Luis Vidal", "patient")),
    )
    b = Doc("b", "2 March 1822: Miguel Ortega replaces Luis Vidal as governor.")
    b.event(
        "Miguel Ortega replaces Luis Vidal as governor.",
        "replaces",
        "took_office",
        date="1822-03-02",
        date_phrase="2 March 1822",
        parts=(("Miguel Ortega", "agent"), ("Luis Vidal", "patient")),
        region="list_item",
    )
    events, _ = merge([a, b])
    assert len(events) == 1
    assert events[0].title == "Miguel Ortega replaces Luis Vidal as governor."


def test_ties_keep_the_earlier_document() -> None:
    # both mentions state the event in their main clause: the first document's wording wins
    texts = {
        "b": "Luis Vidal was replaced as governor by Miguel Ortega on 2 March 1822.",
        "a": "On 2 March 1822 Miguel Ortega replaced Luis Vidal as governor.",
    }
    docs = []
    for doc_id, text in texts.items():
        d = Doc(doc_id, text)
        d.event(
            text,
            "replaced",
            "took_office",
            date="1822-03-02",
            date_phrase="2 March 1822",
            parts=(("Miguel Ortega", "agent"), ("Luis Vidal", "patient")),
        )
        docs.append(d)
    events, _ = merge(docs)
    assert len(events) == 1
    assert events[0].title == texts["a"]
