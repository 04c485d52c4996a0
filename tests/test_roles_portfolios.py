"""Titles with their object: a minister's portfolio after a comma or in a relative clause,
("X, minister of war," is "minister of war", not "minister"), a rank of nobility with its land."""

from __future__ import annotations

import pytest

from histograph.api import Histograph
from histograph.ingest import read_text


def _titles(text: str) -> dict[str, list[str]]:
    hg = Histograph(":memory:")
    hg.add_documents([read_text("A cabinet in crisis\n\n" + text, "cabinet.txt")])
    return {p.name: [r.title for r in p.roles] for p in hg.people(limit=None)}


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "Anna Brisk, who was minister of war at the time, resigned on 9 June 1902.",
            "minister of war",
        ),
        (
            "Karl Emmer, minister of finance, signed the decree on 2 May 1902.",
            "minister of finance",
        ),
        (
            "Karl Emmer, then minister of the interior, signed the decree on 2 May 1902.",
            "minister of the interior",
        ),
    ],
)
def test_portfolio_after_a_comma(sentence: str, title: str) -> None:
    people = _titles(sentence)
    assert any(title in ts for ts in people.values()), people


def test_a_rank_of_nobility_with_its_land_is_a_title() -> None:
    people = _titles("Baldwin, Count of Flanders, took the cross in 1200.")
    assert people.get("Baldwin") == ["Count of Flanders"], people
    # the land of a title is no person
    people = _titles("Edwin, Earl of Mercia, fought at Fulford on 20 September 1066.")
    assert "Mercia" not in people and people.get("Edwin") == ["Earl of Mercia"], people
    # a rank of nobility before a name stays an honorific
    people = _titles("Count Ciano met the envoy in Rome on 2 May 1939.")
    assert all(not ts for ts in people.values()), people


def test_a_ruler_named_after_the_title() -> None:
    people = _titles("The young king, Edward VI, died at Greenwich on 6 July 1553.")
    assert people.get("Edward VI") == ["king"], people
    # a place before the comma is no title
    people = _titles("In the capital, John Hale waited for the news on 3 May 1902.")
    assert people.get("John Hale") == [], people
