"""Entity mentions: NER repairs, states, within-document clustering (sentences written here)."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def people(a: Analysis) -> list[tuple[str, str | None]]:
    return [(e.text, e.key) for e in a.entities if e.label == "PERSON"]


def test_title_words_are_not_part_of_the_name() -> None:
    a = analyze(
        "Soviet Premier Nikita Khrushchev visited the United States in 1959. "
        "Khrushchev met President Dwight Eisenhower at Camp David."
    )
    assert people(a) == [
        ("Nikita Khrushchev", "Nikita Khrushchev"),
        ("Khrushchev", "Nikita Khrushchev"),
        ("Dwight Eisenhower", "Dwight Eisenhower"),
    ]
    for e in a.entities:
        assert a.document.text[e.start : e.end] == e.text


def test_known_surname_is_a_person_whatever_the_model_says() -> None:
    text = (
        "Vyacheslav Molotov met Joachim von Ribbentrop in Moscow. The Molotov-Ribbentrop "
        "Pact was signed. Molotov returned."
    )
    a = analyze(text)
    got = people(a)
    assert ("Molotov", "Vyacheslav Molotov") in got
    # the pact's name holds no person
    pact = text.index("Molotov-Ribbentrop")
    assert not any(e.start <= pact < e.end for e in a.entities if e.label == "PERSON")


def test_fullest_name_is_the_key() -> None:
    a = analyze(
        "Later Franklin Roosevelt took office. President Roosevelt spoke. "
        "Franklin Delano Roosevelt died in 1945."
    )
    assert {k for _, k in people(a)} == {"Franklin Delano Roosevelt"}


def test_two_people_one_surname_in_one_document() -> None:
    a = analyze(
        "Theodore Roosevelt was president in 1905. Later Franklin Roosevelt became "
        "president in 1933. Roosevelt then spoke."
    )
    assert people(a) == [
        ("Theodore Roosevelt", "Theodore Roosevelt"),
        ("Franklin Roosevelt", "Franklin Roosevelt"),
        ("Roosevelt", "Franklin Roosevelt"),  # the nearest preceding full name
    ]


def test_washington_place_vs_government() -> None:
    text = (
        "The envoy arrived in Washington in May 1942. Washington refused to recognise the "
        "new regime."
    )
    a = analyze(text)
    w = [(e.label, e.key) for e in a.entities if e.text == "Washington"]
    assert w == [("GPE", "Washington"), ("STATE", "USA")]


def test_states_are_not_people_and_have_ids() -> None:
    a = analyze(
        "The Tsarist government collapsed after Brest-Litovsk. The Soviets and the "
        "U.S. signed an agreement in 1933."
    )
    assert people(a) == []
    states = {(e.text, e.key) for e in a.entities if e.label == "STATE"}
    assert ("Soviets", "USSR") in states or ("The Soviets", "USSR") in states
    assert ("U.S.", "USA") in states
    norp = {(e.text, e.key) for e in a.entities if e.label == "NORP"}
    assert ("Tsarist", "RUS_EMPIRE") in norp


def test_russia_before_and_after_1917() -> None:
    a = analyze("In 1880, Russia was ruled by a tsar.\n\nIn 1950, Russia tested a bomb.")
    keys = [e.key for e in a.entities if e.text == "Russia"]
    assert keys == ["RUS_EMPIRE", "USSR"]


def test_name_after_honorific_is_a_person_even_if_tagged_as_place() -> None:
    a = analyze("Lord Halifax, the Foreign Secretary, doubted the policy.")
    assert ("Halifax", "Halifax") in people(a)
    assert {r.title for r in a.roles if r.person == "Halifax"} == {"Foreign Secretary"}
