"""Roles by construction not covered in test_roles.py (sentences written for these tests):
military ranks and their abbreviations, a role before a titled name, "(Rank, Service)",
cast-list descriptions after a colon, ordinals before a title, connectors that do not join a
title, and titles that alone name no particular state's office."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Analysis, Document

pytestmark = pytest.mark.slow


def analyze(text: str) -> Analysis:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return build().analyze(doc)


def titles_of(a: Analysis, person: str) -> set[str]:
    return {r.title for r in a.roles if r.person == person}


def test_ranks_and_their_abbreviations() -> None:
    a = analyze(
        "Maj. Gen. Leslie Groves ran the project, while Lt. Col. John Lansdale handled "
        "security and Major Claude Eatherly flew ahead. Capt. Robert Lewis was co-pilot."
    )
    assert titles_of(a, "Leslie Groves") == {"Maj. Gen."}
    assert titles_of(a, "John Lansdale") == {"Lt. Col."}
    assert titles_of(a, "Claude Eatherly") == {"Major"}
    assert titles_of(a, "Robert Lewis") == {"Capt.", "co-pilot"}


def test_lower_case_major_is_no_title() -> None:
    a = analyze("In 1944 the major offensive led by Georgy Zhukov began in Belorussia.")
    assert not any(r.title.lower().startswith("major") for r in a.roles)


def test_role_before_a_titled_name() -> None:
    a = analyze(
        "On August 6, 1945, a fellow pilot of the 509th Composite Group, Colonel Paul "
        "Tibbets, flew the mission."
    )
    assert titles_of(a, "Paul Tibbets") == {"pilot of the 509th Composite Group", "Colonel"}


def test_rank_and_service_in_a_parenthetical() -> None:
    a = analyze(
        "Leslie Groves (Lieutenant General, U.S. Army) ran the project. Harry Truman "
        "(President of the United States, 1945-1953) approved it."
    )
    assert titles_of(a, "Leslie Groves") == {"Lieutenant General, U.S. Army"}
    assert titles_of(a, "Harry Truman") == {"President of the United States"}


def test_cast_list_description_after_a_colon() -> None:
    a = analyze(
        "Cast of Characters\n\n"
        "**Paul Tibbets (Colonel, U.S. Army Air Forces):** B-29 pilot, commander of the "
        "bombing group.\n\n"
        "**Henry Stimson (Secretary of War):** Argued against bombing Kyoto.\n\n"
        "**James Byrnes:** Secretary of State, advised the President."
    )
    assert titles_of(a, "Paul Tibbets") == {"Colonel, U.S. Army Air Forces", "B-29 pilot"}
    assert titles_of(a, "Henry Stimson") == {"Secretary of War"}
    assert "Secretary of State" in titles_of(a, "James Byrnes")


def test_ordinal_before_a_title() -> None:
    a = analyze("In 1945 Harry Truman, the 33rd President of the United States, approved the plan.")
    (r,) = [r for r in a.roles if r.person == "Harry Truman"]
    assert r.title == "33rd President of the United States"
    assert r.office == "USA.president"


def test_words_before_a_connector_without_a_head_are_no_title() -> None:
    a = analyze(
        "The crisis in Berlin to Chancellor Konrad Adenauer seemed endless in 1961. "
        "It passed from Moscow to Premier Alexei Kosygin."
    )
    assert titles_of(a, "Konrad Adenauer") == {"Chancellor"}
    assert titles_of(a, "Alexei Kosygin") == {"Premier"}


def test_place_of_the_event_is_no_part_of_the_title() -> None:
    a = analyze(
        "In 1804 Napoleon Bonaparte was crowned Emperor in Notre-Dame Cathedral in Paris. "
        "In 1933 Boris Skvirsky was Soviet representative in Washington."
    )
    assert titles_of(a, "Napoleon Bonaparte") == {"Emperor"}
    assert titles_of(a, "Boris Skvirsky") == {"Soviet representative in Washington"}


def test_titles_that_alone_name_no_states_office() -> None:
    from histograph.entities.offices import normalise_title

    assert normalise_title("Chairman", 1962).office is None
    assert normalise_title("leader", 1940).office is None
    assert normalise_title("German leader", 1940).office == "DEU.fuhrer"
    assert normalise_title("Pope", 1930).office == "VAT.pope"
    assert normalise_title("president of the Soviet Union", 1991).office == "USSR.president"
    assert normalise_title("33rd President of the United States", 1945).office == ("USA.president")


def test_capitalised_title_words_are_not_headline_words() -> None:
    # regression: "Party" is written lower case elsewhere ("party chief"), and the cast line is
    # mostly capitalised; the title in parentheses and the timeline sentence keep "Party".
    a = analyze(
        "The party chief had ruled for years.\n"
        "- **May 3, 1971:** Erich Honecker replaces Walter Ulbricht as First Secretary of the "
        "Socialist Unity Party.\n"
        "**Walter Ulbricht (First Secretary of the Socialist Unity Party):** Led the party.\n"
    )
    assert "First Secretary of the Socialist Unity Party" in titles_of(a, "Walter Ulbricht")
    assert "First Secretary of the Socialist Unity Party" in titles_of(a, "Erich Honecker")
