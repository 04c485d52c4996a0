"""States as entities: metonymy by context, historical names by year, and event participants
that resolve to state entities so that a timeline can be filtered by a state (sentences
written for these tests)."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document

pytestmark = pytest.mark.slow


def _doc(text: str) -> Document:
    return Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    return build().analyze(_doc(text))


def test_seat_of_government_acts_or_is_a_place() -> None:
    a = analyze(
        "In 1950 Moscow rejected the American note. The envoy lived in Moscow in 1950. "
        "In 1962 the Kremlin's reply arrived."
    )
    got = [(e.text, e.label, e.key) for e in a.entities if e.text in {"Moscow", "Kremlin"}]
    assert got == [
        ("Moscow", "STATE", "USSR"),
        ("Moscow", "GPE", "Moscow"),
        ("Kremlin", "STATE", "USSR"),
    ]


def test_soviet_adjective_and_collective() -> None:
    a = analyze("In 1960 Soviet officials met the Soviets' allies.")
    keys = {e.key for e in a.entities if e.label in {"STATE", "NORP"}}
    assert keys == {"USSR"}


def test_timeline_by_state_through_participants() -> None:
    from histograph.api import Histograph

    text = "On 16 November 1933 the United States recognised the Soviet Union."
    with Histograph(":memory:") as hg:
        hg.add_documents([_doc(text)])
        kinds = {p.id: p.kind for p in hg.store.people()}
        assert kinds.get("s-USSR") == "state" and kinds.get("s-USA") == "state"
        assert hg.people() == []  # `people` lists persons only
        for name in ("USSR", "Soviet Union", "s-USSR"):
            events = hg.timeline(entity=name)
            assert [e.type for e in events] == ["recognition"], name
            assert "s-USSR" in events[0].participants


def test_historical_states_and_demonyms_of_their_time() -> None:
    from histograph.entities.states import gazetteer

    g = gazetteer()
    for text, year, sid in [
        ("Austro-Hungarian", 1914, "AUH"),
        ("Austria", 1914, "AUH"),
        ("Austria", 1990, "AUT"),
        ("English", 1066, "ENG"),
        ("English", 1900, "GBR"),
        ("Prussian", 1866, "PRU"),
        ("Cuban", 1962, "CUB"),
        ("Persia", 1900, "IRN"),
    ]:
        found = g.lookup(text, year)
        assert found is not None and found.state_id == sid, (text, year)
