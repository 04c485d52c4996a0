"""Roles and titles of people, one test per construction (sentences written for these tests)."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document, RoleClaim

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def roles_of(a: Analysis, person: str) -> list[RoleClaim]:
    return [r for r in a.roles if r.person == person]


def titles_of(a: Analysis, person: str) -> set[str]:
    return {r.title for r in roles_of(a, person)}


def test_prenominal_titles() -> None:
    text = (
        "In July 1945, British Prime Minister Clement Attlee met Secretary of State "
        "James Byrnes in Potsdam."
    )
    a = analyze(text)
    (attlee,) = roles_of(a, "Clement Attlee")
    assert attlee.title == "British Prime Minister"
    assert attlee.office == "GBR.prime_minister" and attlee.jurisdiction == "GBR"
    assert text[attlee.start : attlee.end] == "British Prime Minister Clement Attlee"
    assert titles_of(a, "James Byrnes") == {"Secretary of State"}


def test_occupation_before_name_and_descriptor_dropped() -> None:
    a = analyze("The renowned French diplomat Paul Cambon arrived in London.")
    assert titles_of(a, "Paul Cambon") == {"French diplomat"}


def test_apposition() -> None:
    a = analyze("The treaty was signed by Gustav Stresemann, Foreign Minister of Germany, in 1925.")
    (r,) = roles_of(a, "Gustav Stresemann")
    assert r.title == "Foreign Minister of Germany"
    assert r.office == "DEU.foreign_minister"


def test_parenthetical_with_dates() -> None:
    a = analyze("Averell Harriman (U.S. Ambassador to the Soviet Union, 1943-1946) returned home.")
    (r,) = roles_of(a, "Averell Harriman")
    assert r.title == "U.S. Ambassador to the Soviet Union"
    assert r.office == "ambassador@USSR" and r.jurisdiction == "USA"
    assert r.began is not None and r.began.value == "1943"
    assert r.ended is not None and r.ended.value == "1946"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Harry Hopkins (Secretary of Commerce and Special Adviser to the President) flew to London.",
            "Harry Hopkins",
            {"Secretary of Commerce", "Special Adviser to the President"},
        ),
        (
            "George Kennan (Deputy Chief of Mission & later U.S. Ambassador to the Soviet Union) "
            "wrote the telegram.",
            "George Kennan",
            {"Deputy Chief of Mission", "later U.S. Ambassador to the Soviet Union"},
        ),
    ],
)
def test_several_roles_in_one_parenthetical(text: str, name: str, expected: set[str]) -> None:
    assert titles_of(analyze(text), name) == expected


def test_relative_clause() -> None:
    a = analyze(
        "Joseph Kennedy, who would become the U.S. ambassador to the United Kingdom, met the king."
    )
    (r,) = roles_of(a, "Joseph Kennedy")
    assert r.title == "U.S. ambassador to the United Kingdom"
    assert r.office == "ambassador@GBR"


def test_change_of_role_verbs_with_dates() -> None:
    a = analyze("Anthony Eden became Foreign Secretary in December 1935.")
    (r,) = roles_of(a, "Anthony Eden")
    assert r.title == "Foreign Secretary"
    assert r.began is not None and r.began.value == "1935-12"
    b = analyze("Ivan Maisky was appointed the Soviet ambassador to the United Kingdom in 1932.")
    (r,) = roles_of(b, "Ivan Maisky")
    assert r.title == "Soviet ambassador to the United Kingdom"
    assert r.jurisdiction == "USSR" and r.began is not None and r.began.value == "1932"


def test_copula_with_title_subject() -> None:
    a = analyze(
        "The first Secretary-General of the United Nations was Norwegian diplomat Trygve Lie."
    )
    assert titles_of(a, "Trygve Lie") == {
        "first Secretary-General of the United Nations",
        "Norwegian diplomat",
    }


def test_replaces_as() -> None:
    a = analyze(
        "In 1946, Walter Bedell Smith replaced Averell Harriman as ambassador to the Soviet Union."
    )
    (new,) = roles_of(a, "Walter Bedell Smith")
    (old,) = roles_of(a, "Averell Harriman")
    assert new.title == old.title == "ambassador to the Soviet Union"
    assert new.began is not None and new.began.value == "1946" and new.ended is None
    assert old.ended is not None and old.ended.value == "1946" and old.began is None


def test_role_noun_refers_to_named_person() -> None:
    text = "The French government sent its envoy, Paul Reynaud, to London."
    a = analyze(text)
    (r,) = roles_of(a, "Paul Reynaud")
    assert r.title == "envoy of The French government"
    assert r.jurisdiction == "FRA"
    assert text[r.start : r.end] == "The French government sent its envoy, Paul Reynaud"


def test_took_office_dates_the_role() -> None:
    a = analyze("President Harry S. Truman, who took office in April 1945, met the press.")
    (r,) = roles_of(a, "Harry S. Truman")
    assert r.title == "President"
    assert r.began is not None and r.began.value == "1945-04"


def test_no_role_from_a_preposition_phrase() -> None:
    a = analyze("He acted as a personal intermediary for Woodrow Wilson in Paris.")
    assert roles_of(a, "Woodrow Wilson") == []


def test_copula_keeps_the_person_apart() -> None:
    a = analyze(
        "Theodore Roosevelt was president in 1905. Later Franklin Roosevelt became "
        "president in 1933."
    )
    assert titles_of(a, "Theodore Roosevelt") == {"president"}
    (fdr,) = roles_of(a, "Franklin Roosevelt")
    assert fdr.began is not None and fdr.began.value == "1933"


def test_an_honorific_between_title_and_name_is_no_part_of_the_title() -> None:
    a = analyze("On 23 July Chancellor Baron Erich Hallberg sent the note.")
    assert titles_of(a, "Erich Hallberg") == {"Chancellor"}


def test_an_occupation_in_apposition_is_a_role() -> None:
    a = analyze("In 1986 Peter Vane, a chemist, led the commission.")
    assert titles_of(a, "Peter Vane") == {"chemist"}


def test_an_occupation_before_a_name_and_a_two_word_heir() -> None:
    a = analyze("Our guide, Oleg Marchenko, showed us the town in 2019.")
    assert titles_of(a, "Oleg Marchenko") == {"guide"}
    a = analyze(
        "On 2 May 1900 Archduke Karl Albrecht, the heir presumptive to the Ruritanian "
        "throne, was shot."
    )
    assert "heir presumptive to the Ruritanian throne" in titles_of(a, "Karl Albrecht")
