"""One person whose surname pages spell two ways: joined, and the variant recorded."""

from __future__ import annotations

from histograph.merge.people import merge_people
from test_people_merge import _analysis


def test_one_letter_apart_on_two_pages_is_one_person_with_a_naming_conflict() -> None:
    a = _analysis("a", "Admiral Edmund Hendersen sailed.", [("Edmund Hendersen", "Edmund Hendersen")])
    b = _analysis("b", "Edmund Henderson landed.", [("Edmund Henderson", "Edmund Henderson")])
    people, conflicts = merge_people([a, b])
    [p] = [p for p in people if p.kind == "person"]
    assert {"Edmund Hendersen", "Edmund Henderson"} <= set(p.aliases)
    [c] = [c for c in conflicts if c.attribute == "name"]
    assert (c.subject, c.kind, c.severity) == (p.id, "naming", "soft")
    assert sorted(v.value for v in c.values) == ["Edmund Hendersen", "Edmund Henderson"]


def test_two_spellings_on_one_page_or_other_given_names_stay_two_people() -> None:
    one = _analysis(
        "a", "Edmund Hendersen met Edmund Henderson.",
        [("Edmund Hendersen", "Edmund Hendersen"), ("Edmund Henderson", "Edmund Henderson")],
    )
    people, _ = merge_people([one])
    assert len([p for p in people if p.kind == "person"]) == 2
    a = _analysis("a", "Edmund Hendersen sailed.", [("Edmund Hendersen", "Edmund Hendersen")])
    b = _analysis("b", "Walter Henderson landed.", [("Walter Henderson", "Walter Henderson")])
    people, conflicts = merge_people([a, b])
    assert len([p for p in people if p.kind == "person"]) == 2
    assert not [c for c in conflicts if c.attribute == "name"]
