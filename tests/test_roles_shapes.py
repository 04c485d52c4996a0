"""Role shapes (sentences written for these tests): tenure nouns ("ended her reign as"),
plural ranks of nobility before joined names, appositions followed by a relative clause or by
the body served in ("a captain in the X navy"), professions, "independent" as a modifier."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def roles(text: str) -> set[tuple[str, str]]:
    return {(r.person, r.title) for r in analyze(text).roles}


def test_a_tenure_noun_names_the_role() -> None:
    got = roles("In 1701 Queen Maud of Arden ended her reign as Queen of Arden.")
    assert ("Maud", "Queen of Arden") in got


def test_plural_rank_of_nobility_gives_each_name_the_singular() -> None:
    got = roles("The Western Frisian Earls Aldred and Oswy were defeated in 1012.")
    assert ("Aldred", "Western Frisian Earl") in got and ("Oswy", "Western Frisian Earl") in got


def test_apposition_before_a_relative_clause() -> None:
    assert ("Durrani", "barrister") in roles(
        "Mr Durrani, a barrister who was born in 1876, led the League."
    )


def test_apposition_with_the_body_served_in() -> None:
    got = roles("He was escorted by Tariq Nasir, a captain in the Westland navy, in 1950.")
    assert ("Tariq Nasir", "captain in the Westland navy") in got


def test_independent_is_part_of_the_title() -> None:
    got = roles("Lord Ashdown became independent Westland's first Governor-General in 1950.")
    assert any(p == "Ashdown" and "Governor-General" in t for p, t in got)


def test_the_subject_of_an_active_naming_verb_holds_no_role() -> None:
    got = roles("In 1921 Harding named his aide, Tom Weller, to the board.")
    assert ("Tom Weller", "aide") in got
    assert not any(p == "Harding" for p, _ in got)


def test_a_reflexive_naming_verb_gives_the_subject_the_role() -> None:
    got = roles("In 1804 Marius Dorne proclaimed himself Emperor of the Gauls.")
    assert ("Marius Dorne", "Emperor of the Gauls") in got


def test_relational_roles_and_office_nouns() -> None:
    assert ("Paul Ainsley", "successor") in roles(
        "Mason was followed by his successor Paul Ainsley in 1931."
    )
    assert ("Paul Ainsley", "President") in roles(
        "During Paul Ainsley's presidency the bank failed."
    )


def test_a_capitalised_title_starting_the_sentence_before_a_comma() -> None:
    assert ("Ivo Brandt", "Secretary of State") in roles(
        "Secretary of State, Ivo Brandt, signed the note in 1933."
    )
    assert not roles("Yesterday, Ivo Brandt arrived in 1933.")
