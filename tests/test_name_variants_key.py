"""name_variants_key: one key for the spellings of one personal name (used by merge)."""

from __future__ import annotations

import pytest

from histograph.entities.names import name_variants_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Boris Petrovsky", "Boris Petrovskii"),  # romanised endings
        ("Ivan Orlov", "Ivan Orloff"),
        ("Maksim Orlov", "Maxim Orlov"),  # given-name spellings of names.yaml
        ("Omar al-Rashid", "Omar el-Rashid"),  # Arabic article spelled two ways
        ("Nur-ul-Din", "Nur ul Din"),  # hyphenated or not
        ("Yusuf ibn Tariq", "Yusuf bin Tariq"),
        ("Abdel Karim", "Abd el-Karim"),  # fused or split article
        ("José de Montoya", "Jose de Montoya"),  # accents
        ("Pieter van der Berg", "Pieter Van Der Berg"),  # case of particles
        ("John Q. Adamson", "John Q Adamson"),  # dots
    ],
)
def test_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert name_variants_key(a) == name_variants_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ivan Orlov", "Ivan Popov"), ("Omar al-Rashid", "Omar al-Hamid"), ("Anna Berg", "Anna Borg")],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_variants_key(a) != name_variants_key(b)


def test_empty_name_gives_empty_key() -> None:
    assert name_variants_key("") == ""
    assert name_variants_key(" - ") == ""


def test_an_epithet_is_a_suffix_of_the_name() -> None:
    from histograph.entities.names import compatible, parse_name

    n = parse_name("Canute the Mighty")
    assert (n.given, n.surname, n.suffix) == ((), "canute", "the mighty")
    assert compatible(n, parse_name("Canute"))
    assert not compatible(n, parse_name("Canute II"))
