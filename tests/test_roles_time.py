"""Roles over time: end-of-role verbs, replacements, role intervals from the dates written,
several roles at once and plural role nouns (sentences written for these tests)."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document, RoleClaim

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def roles(a: Analysis, person: str) -> list[RoleClaim]:
    return [r for r in a.roles if r.person == person]


def dates(r: RoleClaim) -> tuple[str | None, str | None]:
    return (r.began.value if r.began else None, r.ended.value if r.ended else None)


def test_resigned_as_ends_the_role() -> None:
    a = analyze("Anthony Eden resigned as Foreign Secretary in February 1938.")
    (r,) = roles(a, "Anthony Eden")
    assert r.title == "Foreign Secretary"
    assert dates(r) == (None, "1938-02")


def test_recalled_without_a_title_ends_the_latest_role() -> None:
    a = analyze(
        "In 1946 Walter Bedell Smith became ambassador to the Soviet Union. "
        "Smith was recalled in 1949."
    )
    (r,) = roles(a, "Walter Bedell Smith")
    assert dates(r) == ("1946", "1949")


def test_stepped_down_needs_its_particle() -> None:
    a = analyze("Harold Macmillan, Prime Minister, stepped down in October 1963.")
    (r,) = roles(a, "Harold Macmillan")
    assert dates(r) == (None, "1963-10")
    b = analyze("Harold Macmillan, Prime Minister, stepped into the car in October 1963.")
    assert dates(roles(b, "Harold Macmillan")[0]) == (None, None)


def test_active_dismissal_ends_the_objects_role() -> None:
    a = analyze("In 1964 the Presidium dismissed Nikita Khrushchev as First Secretary.")
    (r,) = roles(a, "Nikita Khrushchev")
    assert r.title == "First Secretary" and dates(r) == (None, "1964")


def test_replaces_gives_start_and_end() -> None:
    a = analyze("In May 1940 Winston Churchill replaced Neville Chamberlain as Prime Minister.")
    (new,) = roles(a, "Winston Churchill")
    (old,) = roles(a, "Neville Chamberlain")
    assert dates(new) == ("1940-05", None) and dates(old) == (None, "1940-05")


def test_passive_replacement() -> None:
    a = analyze("Maxim Litvinov was replaced by Vyacheslav Molotov as Foreign Commissar in 1939.")
    (new,) = roles(a, "Vyacheslav Molotov")
    (old,) = roles(a, "Maxim Litvinov")
    assert dates(new) == ("1939", None) and dates(old) == (None, "1939")


def test_interval_from_to_after_a_copula() -> None:
    a = analyze("George Kennan served as ambassador to the Soviet Union from 1952 to 1953.")
    (r,) = roles(a, "George Kennan")
    assert r.office == "ambassador@USSR" and dates(r) == ("1952", "1953")


def test_open_ended_interval_since() -> None:
    a = analyze("Leonid Brezhnev had been General Secretary since 1964.")
    (r,) = roles(a, "Leonid Brezhnev")
    assert dates(r) == ("1964", None)


def test_until_and_between() -> None:
    a = analyze(
        "Andrei Gromyko was Foreign Minister until 1985. Anatoly Dobrynin served as "
        "ambassador to the United States between 1962 and 1986."
    )
    assert dates(roles(a, "Andrei Gromyko")[0]) == (None, "1985")
    assert dates(roles(a, "Anatoly Dobrynin")[0]) == ("1962", "1986")


def test_apposition_with_dates() -> None:
    a = analyze("Joseph Kennedy, ambassador to the United Kingdom from 1938 to 1940, returned.")
    (r,) = roles(a, "Joseph Kennedy")
    assert r.title == "ambassador to the United Kingdom" and dates(r) == ("1938", "1940")


def test_several_roles_at_once_in_an_apposition() -> None:
    a = analyze(
        "Harry Hopkins, Secretary of Commerce and Lend-Lease Administrator, flew to Moscow."
    )
    got = {r.title for r in roles(a, "Harry Hopkins")}
    assert got == {"Secretary of Commerce", "Lend-Lease Administrator"}


def test_several_roles_after_became() -> None:
    a = analyze("In 1953 Georgy Malenkov became Premier and First Secretary.")
    got = {r.title for r in roles(a, "Georgy Malenkov")}
    assert got == {"Premier", "First Secretary"}
    assert all(dates(r) == ("1953", None) for r in roles(a, "Georgy Malenkov"))


def test_plural_role_noun_shared_by_joined_names() -> None:
    a = analyze("The mediators Ralph Bunche and Folke Bernadotte travelled to Rhodes in 1948.")
    assert {r.title for r in roles(a, "Ralph Bunche")} == {"mediator"}
    assert {r.title for r in roles(a, "Folke Bernadotte")} == {"mediator"}


def test_plural_role_noun_with_modifiers() -> None:
    a = analyze("Foreign Ministers Ernest Bevin and Georges Bidault met in Paris in 1947.")
    for name in ("Ernest Bevin", "Georges Bidault"):
        (r,) = roles(a, name)
        assert r.title == "Foreign Minister" and r.office == "foreign_minister"


def test_plural_noun_of_a_group_gives_no_role_to_one_name() -> None:
    a = analyze("The ministers praised Ernest Bevin in 1947.")
    assert roles(a, "Ernest Bevin") == []


def test_parenthetical_until() -> None:
    a = analyze("Walter Ulbricht (First Secretary until May 1971) retired.")
    (r,) = roles(a, "Walter Ulbricht")
    assert dates(r) == (None, "1971-05")
