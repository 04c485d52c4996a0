"""Fact-card / infobox pages: card labels are never people nor part of a name; the value of a
Born/Died/Resting place row after the date is a place (pages written for these tests)."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def people(a: Analysis) -> set[str]:
    return {e.text for e in a.entities if e.label == "PERSON"}


ENCYCLOPEDIA = """Halvard Ostrem

Halvard Ostrem was a Norwegian statesman who served as Prime Minister of Norway.

Quick Facts
Born: 12 May 1871, Tromsdalen
Died: 3 October 1939, Bergen
Resting place: Vestre Gravlund
Spouse: Ingrid Ostrem
Party: Liberal Party
Preceded by Anders Lunde
Succeeded by Petter Holm
Known for: the fisheries reform

Key Facts
Predecessor Anders Lunde
Successor Petter Holm

Ostrem studied law in Christiania and entered parliament in 1903.
"""

GOVERNMENT = """Biographies of the Secretaries

Matthias Brenner (1860-1932)
Term of appointment: 1905-1909
Born Kleinwald
Preceded by Otto Fenn

At a Glance
Brenner negotiated the fisheries treaty of 1907 with Sweden.
"""

SOCIAL = """On this day in 1921, Gustav Lindqvist opened our east wing. Key Facts: he donated
four hundred maps. #museum #history
"""


def test_card_labels_are_not_people() -> None:
    found = people(analyze(ENCYCLOPEDIA))
    for bad in ("Quick Facts", "Key Facts", "Resting", "Spouse", "Party", "Known"):
        assert bad not in found
    assert not any(
        p.startswith(("Predecessor", "Successor", "Preceded", "Succeeded")) for p in found
    )


def test_label_then_name_gives_only_the_name() -> None:
    found = people(analyze(ENCYCLOPEDIA))
    assert "Anders Lunde" in found
    assert "Petter Holm" in found
    assert "Ingrid Ostrem" in found


def test_birth_and_death_places_are_not_people() -> None:
    found = people(analyze(ENCYCLOPEDIA))
    for place in ("Tromsdalen", "Bergen", "Vestre Gravlund"):
        assert place not in found


def test_government_biography_card() -> None:
    found = people(analyze(GOVERNMENT))
    assert "Matthias Brenner" in found
    assert not any("Kleinwald" in p for p in found)
    assert "At a Glance" not in found
    assert "Otto Fenn" in found
    assert not any("Term" in p for p in found)


def test_social_post_label_not_person() -> None:
    found = people(analyze(SOCIAL))
    assert "Gustav Lindqvist" in found
    assert "Key Facts" not in found


FLAT = """Beatrix Vollmer was a Dutch diplomat and minister.
Born 14 June 1888 Zwartsluis Died 2 March 1961 Leeuwarden
Predecessor Willem Kok Successor Jan de Wit
Vollmer negotiated the Scheldt agreement in 1925.
"""


def test_flattened_card_rows() -> None:
    found = people(analyze(FLAT))
    assert "Beatrix Vollmer" in found
    assert not any(p in found for p in ("Zwartsluis", "Leeuwarden"))
    assert not any(p.startswith(("Born", "Died", "Predecessor", "Successor")) for p in found)


def test_birthplace_value_kept_as_place() -> None:
    a = analyze(GOVERNMENT)
    places = {e.text for e in a.entities if e.label in {"LOC", "GPE"}}
    assert "Kleinwald" in places


def test_born_sentence_keeps_its_person() -> None:
    found = people(analyze("Born in Kirkenes in 1880, Olav Sande studied law in Oslo."))
    assert "Olav Sande" in found
