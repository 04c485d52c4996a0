"""National bodies named as a reader names them (events.bodies; sentences written for these
tests)."""

from __future__ import annotations

import hashlib

import pytest

from histograph.model import Document

pytestmark = pytest.mark.slow


def names(text: str) -> set[str]:
    from histograph.pipeline import build

    doc = Document(hashlib.sha1(text.encode()).hexdigest(), "mem:test", text, "txt")
    return {p.name for e in build().analyze(doc).events for p in e.participants}


def test_a_demonym_gives_way_to_the_states_short_qualifier_at_the_date() -> None:
    got = names("The Factory Act was passed by the British Parliament on 29 August 1833.")
    assert "UK Parliament" in got


def test_before_the_union_the_british_parliament_stays_british() -> None:
    got = names("On 4 May 1765 the British Parliament passed the Stamp Act.")
    assert "British Parliament" in got and "UK Parliament" not in got


def test_a_bare_body_takes_the_one_state_its_sentence_names() -> None:
    got = names("On 11 June 1890 the Senate approved the American silver bill.")
    assert "U.S. Senate" in got


def test_a_bare_body_takes_the_demonym_of_a_state_without_a_short_qualifier() -> None:
    got = names("On 3 March 1881 the Cortes approved the Spanish budget.")
    assert "Spanish Cortes" in got


def test_a_bare_body_on_a_sentence_naming_no_state_stays_as_written() -> None:
    got = names("On 9 May 1890 the Senate voted for the bill.")
    assert "Senate" in got and not any(n.endswith(" Senate") for n in got)


def test_a_bare_body_on_a_sentence_naming_two_states_stays_as_written() -> None:
    got = names(
        "The Senate ratified the treaty with Chile on 3 April 1902 after a long debate in "
        "the United States."
    )
    assert "Senate" in got and not any(n.endswith(" Senate") for n in got)


def test_a_demonym_that_already_qualifies_the_body_is_kept() -> None:
    got = names("On 12 June 1870 the French Senate approved the plebiscite.")
    assert "French Senate" in got
    got = names("On 5 May 1921 the Imperial Japanese Army occupied the port.")
    assert "Imperial Japanese Army" in got and "Japanese Army" not in got


def test_a_body_whose_name_holds_the_qualifier_is_kept() -> None:
    got = names("On 2 April 1961 the Supreme Soviet of the Soviet Union approved the plan.")
    assert not any(n.startswith("Soviet Supreme") for n in got)
