"""A verb coordinated with an earlier one shares its subject (sentences written for these
tests): active, passive, chains, a clause with its own subject, a relative clause."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document, EventMention

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def at(a: Analysis, trigger: str) -> EventMention:
    found = [e for e in a.events if a.document.text[e.trigger_start : e.trigger_end] == trigger]
    assert found, [a.document.text[e.trigger_start : e.trigger_end] for e in a.events]
    return found[0]


def roles(m: EventMention) -> set[tuple[str, str]]:
    return {(p.name, p.role) for p in m.participants}


def test_an_active_coordinated_verb_shares_the_subject() -> None:
    a = analyze("In 1809 King Olaf Berg visited Warsaw and signed a treaty with Denmark.")
    assert ("King Olaf Berg", "agent") in roles(at(a, "signed"))


def test_a_chain_of_coordinated_verbs_shares_the_first_subject() -> None:
    a = analyze(
        "In 1712 Admiral Pieter Kloos arrived in Lisbon, met the regent and signed a treaty."
    )
    assert any(n.endswith("Pieter Kloos") and r == "agent" for n, r in roles(at(a, "signed")))


def test_a_passive_coordinated_verb_makes_the_subject_its_patient() -> None:
    a = analyze("In 1650 General Hugo Marten was arrested for treason and assassinated in prison.")
    got = roles(at(a, "assassinated"))
    assert any(n.endswith("Hugo Marten") and r == "patient" for n, r in got)
    assert not any(r == "agent" for _, r in got)


def test_an_active_subject_is_the_patient_of_a_coordinated_passive() -> None:
    a = analyze("In 1921 Chancellor Anton Weiss lost the vote and was assassinated in Bonn.")
    got = roles(at(a, "assassinated"))
    assert any(n.endswith("Anton Weiss") and r == "patient" for n, r in got)


def test_a_coordinated_clause_with_its_own_subject_keeps_it() -> None:
    a = analyze("In 1790 Sweden invaded Karelia, and the Russian tsar signed a treaty with Prussia.")
    got = {n for n, _ in roles(at(a, "signed"))}
    assert "Russian tsar" in got and "Sweden" not in got


def test_the_nearest_coordinated_clause_with_a_subject_gives_it() -> None:
    from histograph.events.participants import coordinated_subjects
    from histograph.nlp import get_nlp

    doc = get_nlp()("Sweden invaded Karelia, Russia retreated and signed a treaty.")
    signed = next(t for t in doc if t.text == "signed")
    if signed.dep_ != "conj":
        pytest.skip("the parser did not coordinate the verb")
    assert [t.text for t in coordinated_subjects(signed)] == ["Russia"]


def test_a_verb_coordinated_in_a_relative_clause_shares_its_antecedent() -> None:
    a = analyze(
        "In 1648 the envoys met Count Erik Sten, who crossed the river and signed the treaty."
    )
    got = roles(at(a, "signed"))
    assert any(n.endswith("Erik Sten") and r == "agent" for n, r in got)
    assert not any("envoys" in n for n, _ in got)
