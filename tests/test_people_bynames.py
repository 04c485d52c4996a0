"""Rulers' and medieval names (no surname) across pages, and names that are places or
months, written as pages in each shape the rules handle."""

from __future__ import annotations

from histograph.api import Histograph
from histograph.entities.names import Byname, byname
from histograph.ingest import read_text


def _people(*pages: tuple[str, str]) -> dict[str, list[str]]:
    hg = Histograph(":memory:")
    hg.add_documents([read_text(text, name) for name, text in pages])
    return {p.name: sorted(p.aliases) for p in hg.people(limit=None)}


def test_byname_readings() -> None:
    assert byname("Sigurd II Longlegs") == Byname("sigurd", "II", "", "longlegs")
    assert byname("Robert of Flanders") == Byname("robert", "", "flanders", "")
    assert byname("Olaf the Stout").epithet == "the stout"  # type: ignore[union-attr]
    # ordinary names and surnames with particles are no bynames
    assert byname("Arthur Penrose") is None
    assert byname("Otto von Bismarck") is None
    assert byname("Charles de Gaulle") is None


def test_a_regnal_name_joins_its_longer_form_on_another_page() -> None:
    people = _people(
        (
            "saga.txt",
            "The fleet of King Sigurd II sailed from Bergen in May 1153. Sigurd II landed at "
            "Orkney on 2 June 1153.",
        ),
        (
            "annals.txt",
            "Sigurd II Longlegs, King of Norway, raided the coast in 1153 and returned to "
            "Bergen that autumn.",
        ),
    )
    sigurds = [n for n in people if n.startswith("Sigurd")]
    assert len(sigurds) == 1, people


def test_two_numbers_stay_two_people() -> None:
    people = _people(
        ("a.txt", "Charters\n\nKing Olaf III of Norway granted the charter in 1075 at Nidaros."),
        ("b.txt", "Kings\n\nKing Olaf IV of Norway died in 1387 at Falsterbo Castle."),
    )
    assert len([n for n in people if n.startswith("Olaf")]) == 2, people


def test_one_office_of_a_place_joins_two_bynames() -> None:
    people = _people(
        (
            "chronicle.txt",
            "The crusade\n\nRobert of Flanders, Duke of Flanders, took the cross in 1096 and "
            "marched east. Flanders sent many knights.",
        ),
        (
            "history.txt",
            "The march\n\nRobert the Crusader, Duke of Flanders, reached Constantinople in 1097.",
        ),
    )
    assert len([n for n in people if n.startswith("Robert")]) == 1, people
    # the place of a byname is no alias of the person: "Flanders sent ..." is the county
    assert "Flanders" not in next(v for n, v in people.items() if n.startswith("Robert"))


def test_a_place_word_name_listed_among_places_is_no_person() -> None:
    people = _people(
        (
            "fire.txt",
            "The fire spread on 19 April 1906 from the docks to Chinatown, Nob Crest Hill and "
            "the harbour, and Mayor Eugene Schmitz ordered the troops out.",
        )
    )
    assert not any("Hill" in n for n in people), people
    people = _people(("race.txt", "Damon Hill won the race at Silverstone on 12 July 1998."))
    assert "Damon Hill" in people


def test_the_month_of_a_name_is_no_person() -> None:
    people = _people(
        (
            "visit.txt",
            "It was the tenth day of the month of Muharram when Governor Alan Price arrived at "
            "the port on 3 May 1890.",
        )
    )
    assert not any("Muharram" in n for n in people), people


def test_a_combining_form_before_its_hyphen_is_no_person() -> None:
    from histograph.entities.evidence import Evidence, not_a_person
    from histograph.nlp import get_nlp

    doc = get_nlp()(
        "On 2 May 1871 the Franco-Prussian talks ended and the Austro-Hungarian envoy left."
    )
    ev = Evidence(frozenset(), frozenset(), frozenset(), frozenset())
    for word in ("Franco", "Austro"):
        i = next(t.i for t in doc if t.text == word)
        assert not_a_person(doc, i, i + 1, ev), word


def test_a_noun_with_an_indefinite_article_is_no_person() -> None:
    from histograph.entities.evidence import Evidence, not_a_person
    from histograph.nlp import get_nlp

    doc = get_nlp()("On 3 June 1899 Ivo Karlan, a young Dalmatian Croat, crossed the river.")
    ev = Evidence(frozenset(), frozenset(), frozenset(), frozenset())
    i = next(t.i for t in doc if t.text == "Dalmatian")
    assert not_a_person(doc, i, i + 2, ev)
    i = next(t.i for t in doc if t.text == "Ivo")
    assert not not_a_person(doc, i, i + 2, ev)
