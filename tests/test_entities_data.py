"""States gazetteer, office normalisation and personal names (no spaCy)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from histograph.entities.names import compatible, parse_name, translit_key
from histograph.entities.offices import normalise_title, office_data
from histograph.entities.states import gazetteer


def test_russia_changes_meaning_over_time() -> None:
    g = gazetteer()
    assert g.lookup("Russia", 1850).state_id == "RUS_EMPIRE"  # type: ignore[union-attr]
    assert g.lookup("Russia", 1919).state_id == "RSFSR"  # type: ignore[union-attr]
    assert g.lookup("Russia", 1950).state_id == "USSR"  # type: ignore[union-attr]
    assert g.lookup("Russia", 2005).state_id == "RUS"  # type: ignore[union-attr]


def test_soviet_forms_and_government_seats() -> None:
    g = gazetteer()
    for text in ("the Soviet Union", "USSR", "U.S.S.R.", "the Soviets"):
        assert g.lookup(text, 1960).state_id == "USSR"  # type: ignore[union-attr]
    soviet = g.lookup("Soviet", 1960)
    assert soviet is not None and soviet.form == "adjective" and soviet.state_id == "USSR"
    kremlin = g.lookup("the Kremlin", 1960)
    assert kremlin is not None and kremlin.form == "government"
    washington = g.lookup("Washington")
    assert washington is not None and washington.state_id == "USA"
    assert washington.form == "government"
    assert g.lookup("the U.S.").state_id == "USA"  # type: ignore[union-attr]
    assert g.lookup("America").state_id == "USA"  # type: ignore[union-attr]


def test_pycountry_historic_countries_are_states() -> None:
    g = gazetteer()
    assert g.lookup("Czechoslovakia", 1960).state_id == "CSK"  # type: ignore[union-attr]
    assert g.lookup("German Democratic Republic", 1970).state_id == "DDR"  # type: ignore[union-attr]
    assert g.lookup("Dahomey", 1965) is not None  # only in pycountry's historic list
    assert g.lookup("Portugal") is not None  # a current pycountry country
    assert g.lookup("Brest-Litovsk") is None


def test_one_office_under_several_names() -> None:
    names = [
        "Soviet Foreign Minister",
        "Soviet Commissar for Foreign Affairs",
        "People's Commissar for Foreign Affairs of the USSR",
        "Soviet Commissar of Foreign Affairs",
    ]
    matches = [normalise_title(n, 1939) for n in names]
    assert {m.office for m in matches} == {"USSR.foreign_affairs"}
    assert {m.group for m in matches} == {"minister", "commissar"}


def test_ranks_are_told_apart() -> None:
    amb = normalise_title("British Ambassador to France", 1925)
    chg = normalise_title("British chargé d'affaires in France", 1925)
    assert amb.office == "ambassador@FRA" and amb.jurisdiction == "GBR"
    assert chg.office == "charge_d_affaires@FRA"
    data = office_data()
    assert data.offices["ambassador"].level != data.offices["charge_d_affaires"].level


def test_jurisdiction_and_generic_offices() -> None:
    assert normalise_title("President of the United States").office == "USA.president"
    assert normalise_title("US President").office == "USA.president"
    assert normalise_title("President").office == "president"
    assert normalise_title("first Secretary of State", 1800).office == "secretary_of_state"
    assert normalise_title("Leningrad party boss").office is None
    m = normalise_title("Chairman of the All-Russian Central Executive Committee", 1920)
    assert m.office == "RSFSR.cec_chairman"


def test_names_compatible_and_not() -> None:
    fdr = parse_name("Franklin D. Roosevelt")
    assert compatible(parse_name("Franklin Delano Roosevelt"), fdr)
    assert compatible(parse_name("Roosevelt"), fdr)
    assert not compatible(parse_name("Theodore Roosevelt"), fdr)
    assert parse_name("Charles de Gaulle").surname == "de gaulle"
    assert parse_name("Martin Luther King Jr.").surname == "king"


def test_transliteration_keys() -> None:
    assert translit_key("Litvinov") == translit_key("Litvinoff")
    assert translit_key("Troyanovsky") == translit_key("Troyanovskii")
    assert translit_key("Tchaikovsky") == translit_key("Chaikovsky")
    assert translit_key("Molotov") != translit_key("Litvinov")
    assert not compatible(parse_name("Maxim Litvinoff"), parse_name("Maxim Litvinov"))
    assert compatible(parse_name("Maxim Litvinoff"), parse_name("Maksim Litvinov"), translit=True)


@given(st.text(max_size=40))
def test_parse_name_total_and_self_compatible(s: str) -> None:
    n = parse_name(s)
    assert compatible(n, n)
    assert isinstance(translit_key(s), str)


@given(st.text(max_size=60))
def test_normalise_title_never_fails(s: str) -> None:
    m = normalise_title(s)
    assert m.office is None or m.base is not None
