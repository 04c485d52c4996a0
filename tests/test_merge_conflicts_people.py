"""Title conflicts across sources for one person (histograph.merge.person_conflicts)."""

from __future__ import annotations

from histograph.merge.person_conflicts import extra_person_conflicts, title_pair_conflict
from histograph.model import Conflict, Person, RoleClaim


def test_naming_difference_is_soft_conflict() -> None:
    assert title_pair_conflict("Indian Prime Minister", "Indian Premier") == "naming"
    assert title_pair_conflict("Egyptian Ambassador", "Egyptian representative") == "naming"
    assert title_pair_conflict(
        "British Prime Minister", "Prime Minister of the United Kingdom"
    ) == ("naming")


def test_exclusive_offices_are_hard() -> None:
    assert title_pair_conflict("President of Ghana", "Prime Minister of Ghana") == "exclusive"


def test_no_conflict_for_coarser_same_or_non_office_titles() -> None:
    assert title_pair_conflict("President", "President of the United States") is None
    assert title_pair_conflict("US President", "President of the United States") is None
    assert title_pair_conflict("Defense Secretary", "Secretary of Defense") is None
    assert title_pair_conflict("first ambassador", "U.S. ambassador to Japan") is None
    assert title_pair_conflict("General", "Army chief of staff") is None
    assert title_pair_conflict("helicopter pilot", "Colonel") is None


def test_no_conflict_for_different_states_or_posts() -> None:
    assert title_pair_conflict("French Ambassador", "British Ambassador") is None
    assert title_pair_conflict("Ambassador to Japan", "Ambassador to China") is None


def _role(doc: str, start: int, title: str) -> RoleClaim:
    return RoleClaim(doc, start, start + len(title) + 12, "p", title)


def _texts() -> dict[str, str]:
    return {
        "a": "Indian Prime Minister Nehru Jawaharlal spoke.",
        "b": "Then Indian Premier Nehru Jawaharlal replied.",
        "c": "Indian Prime Minister Nehru and Indian Premier Nehru.",
    }


def test_person_conflict_carries_title_spans() -> None:
    texts = _texts()
    p = Person(
        "p-nehru",
        "Jawaharlal Nehru",
        ("Jawaharlal Nehru",),
        roles=(_role("a", 0, "Indian Prime Minister"), _role("b", 5, "Indian Premier")),
    )
    [c] = extra_person_conflicts([p], texts)
    assert c.subject == "p-nehru" and c.attribute == "title" and c.severity == "soft"
    spans = {(cl.doc_id, texts[cl.doc_id][cl.start : cl.end]) for v in c.values for cl in v.claims}
    assert spans == {("a", "Indian Prime Minister"), ("b", "Indian Premier")}


def test_one_source_giving_both_titles_is_not_a_conflict() -> None:
    p = Person(
        "p-nehru",
        "Jawaharlal Nehru",
        ("Jawaharlal Nehru",),
        roles=(_role("c", 0, "Indian Prime Minister"), _role("c", 33, "Indian Premier")),
    )
    assert extra_person_conflicts([p], _texts()) == []


def test_people_with_a_title_conflict_already_are_skipped() -> None:
    p = Person(
        "p-nehru",
        "Jawaharlal Nehru",
        ("Jawaharlal Nehru",),
        roles=(_role("a", 0, "Indian Prime Minister"), _role("b", 5, "Indian Premier")),
    )
    seen = Conflict("c-x", "p-nehru", "person", "title", ())
    assert extra_person_conflicts([p], _texts(), [seen]) == []
