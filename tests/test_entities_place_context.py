"""Names the model tags PERSON that their sentence writes as places, adjectives or things
(sentences written for these tests): place prepositions, "Name of Place", lists of places,
modifiers of a common noun, plural titles before names, disaster and document names."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def people(a: Analysis) -> list[str]:
    return [e.text for e in a.entities if e.label == "PERSON"]


def test_objects_of_place_prepositions_are_places() -> None:
    got = people(
        analyze(
            "Merrick was the last Anglo Celtic ruler. In 1402 the army camped on Pelham "
            "Ridge. The next year it camped in Pelham Woods."
        )
    )
    assert "Merrick" in got
    assert "Pelham Ridge" not in got and "Pelham Woods" not in got


def test_modifiers_of_common_nouns_are_no_people() -> None:
    got = people(analyze("Merrick was a poet. The Manx conquest ended in 1070."))
    assert got == ["Merrick"]


def test_plural_title_is_trimmed_from_the_first_name() -> None:
    got = people(analyze("In 1065 Ragnald defeated the Northern Earls Edwy and Oslac."))
    assert "Earls Edwy" not in got and "Edwy" in got


def test_disasters_and_charters_are_no_people() -> None:
    got = people(
        analyze(
            "The San Teodoro Earthquake of 1890 struck at dawn. It ruptured the San Teodoro "
            "Fault. The Libera Carta was sealed in 1300."
        )
    )
    assert got == []


def test_a_place_named_after_a_saint() -> None:
    got = people(analyze("1845 The Imperial Botanical Society is founded in Saint Augustine."))
    assert got == []


def test_a_quoted_expression_is_no_person() -> None:
    got = people(analyze("His long nose gave rise to the expression 'Nosy Miller' in 1560."))
    assert got == []


def test_a_name_in_brackets_after_a_place_noun_is_a_place() -> None:
    got = people(analyze("Minutes later, Harlan Mercer arrived at the old palace (Chandra Mahal)."))
    assert "Chandra Mahal" not in got and "Harlan Mercer" in got


def test_titled_names_the_model_tags_as_a_work() -> None:
    got = people(
        analyze("A telegram announced the birth of Prince Edmund to Queen Adelaide in 1844.")
    )
    assert "Edmund" in got and "Adelaide" in got


def test_a_given_name_takes_its_epithet() -> None:
    a = analyze("The Danes were commanded by William the Mighty in 1016. William died in 1035.")
    got = people(a)
    assert "William the Mighty" in got
    assert len({e.key for e in a.entities if e.label == "PERSON"}) == 1
    assert "Harold the Chancellor" not in people(analyze("In 1790 Harold the Chancellor spoke."))
