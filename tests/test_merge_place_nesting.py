"""A place inside another (a capital and its country, a province and its country) is one
place told at two precisions: no veto in the merge and no place conflict. Two cities, or a
country and a city of another country, still clash. Sentences written for these tests."""

from __future__ import annotations

from histograph.entities.states import gazetteer
from histograph.merge.evidence import _place_clash
from histograph.merge.names import _nested_place
from test_merge_events import Doc, merge


def _two_pages(place_a: str, place_b: str):  # type: ignore[no-untyped-def]
    a = Doc("a", f"On 4 May 1911 the envoy Harrowby signed the tariff pact in {place_a}.")
    a.event(
        "the envoy Harrowby signed the tariff pact",
        "signed",
        "treaty_signed",
        "1911-05-04",
        "4 May 1911",
        parts=(("Harrowby", "agent"),),
        place=place_a,
    )
    b = Doc("b", f"Harrowby signed the tariff pact in {place_b} on 4 May 1911.")
    b.event(
        "Harrowby signed the tariff pact",
        "signed",
        "treaty_signed",
        "1911-05-04",
        "4 May 1911",
        parts=(("Harrowby", "agent"),),
        place=place_b,
    )
    return merge([a, b])


def test_gazetteer_places_a_capital_and_a_province_in_their_country() -> None:
    g = gazetteer()
    assert "JPN" in g.named_states("Japan")
    assert "JPN" in g.states_within("Tokyo")  # a seat (states.yaml governments)
    assert "USA" in g.states_within("Nevada")  # a first-level subdivision (pycountry)
    assert not g.named_states("Tokyo")
    assert not g.states_within("Nowhere Creek")


def test_a_capital_and_its_country_are_nested_not_clashing() -> None:
    assert _nested_place("tokyo", "japan")
    assert _nested_place("japan", "tokyo")
    assert _nested_place("nevada", "united states")
    assert not _place_clash({"japan"}, "Tokyo")


def test_two_cities_are_never_nested() -> None:
    assert not _nested_place("tokyo", "madrid")
    assert not _nested_place("nevada", "tokyo")
    assert _place_clash({"madrid"}, "Tokyo")


def test_a_country_and_another_countrys_city_clash() -> None:
    assert not _nested_place("spain", "tokyo")
    assert _place_clash({"spain"}, "Tokyo")


def test_one_act_told_at_a_capital_and_at_its_country_merges_without_conflict() -> None:
    events, conflicts = _two_pages("Tokyo", "Japan")
    assert len(events) == 1
    assert not [c for c in conflicts if c.attribute == "place"]


def test_one_act_told_in_two_cities_is_two_events() -> None:
    events, _ = _two_pages("Tokyo", "Madrid")
    assert len(events) == 2


def test_a_country_and_another_countrys_capital_are_two_events() -> None:
    events, _ = _two_pages("Spain", "Tokyo")
    assert len(events) == 2
