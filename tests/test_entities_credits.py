"""People of bylines and picture credits (eval-wide README §9: bylined and credited people are
people of the page). Pages written for these tests."""

from __future__ import annotations

import hashlib

import pytest

from histograph.entities.credits import credit_people
from histograph.model import Analysis, Document, EntityMention, Region

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def people(a: Analysis) -> set[str]:
    return {e.text for e in a.entities if e.label == "PERSON"}


def test_byline_and_credits_in_unparsed_regions() -> None:
    text = "By Jane Roe\nPhoto: Tom Vale/Coast Images\nJim Lark's famous photograph of the pier"
    regions = [
        Region("d", 0, 11, "byline"),
        Region("d", 12, 40, "boilerplate"),
        Region("d", 41, len(text), "boilerplate"),
    ]
    got = [m.text for m in credit_people("d", text, regions, [])]
    assert got == ["Jane Roe", "Tom Vale", "Jim Lark"]


def test_desks_staffs_and_agencies_are_no_people() -> None:
    text = "by Harbour History Staff\nPhoto: Coast Images Archive"
    regions = [Region("d", 0, 24, "byline"), Region("d", 25, len(text), "boilerplate")]
    assert credit_people("d", text, regions, []) == []


def test_content_regions_and_taken_spans_are_left_alone() -> None:
    text = "By Jane Roe"
    assert credit_people("d", text, [Region("d", 0, 11, "narrative")], []) == []
    taken = [EntityMention("d", 3, 11, "Jane Roe", "PERSON", "Jane Roe")]
    assert credit_people("d", text, [Region("d", 0, 11, "byline")], taken) == []


def test_a_credit_with_a_slash_names_the_person() -> None:
    a = analyze("The harbour in 1912\n(Walter Brandt/Northern Picture Agency)\nThe pier burned.")
    assert "Walter Brandt" in people(a)


def test_a_byline_or_a_credit_gives_its_person_a_role() -> None:
    from histograph.entities.credits import credit_roles
    from histograph.model import EntityMention

    text = "Region at risk\nBy Tom Hollis\nPhoto: Ann Lee\nIt was sold by Carl Moss in 1900."
    people = [
        EntityMention("d", text.index(n), text.index(n) + len(n), n, "PERSON", n)
        for n in ("Tom Hollis", "Ann Lee", "Carl Moss")
    ]
    got = {r.person: r.title for r in credit_roles("d", text, people)}
    assert got == {"Tom Hollis": "author", "Ann Lee": "photographer"}
