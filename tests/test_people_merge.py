"""Cross-document person clustering and person-attribute conflicts (hand-built analyses)."""

from __future__ import annotations

import pytest

from histograph.merge.people import merge_people
from histograph.model import (
    Analysis,
    CopyLink,
    Document,
    EntityMention,
    RoleClaim,
    TimeValue,
    day_number,
)


def _year(y: int) -> TimeValue:
    return TimeValue(str(y), day_number(y, 1, 1), day_number(y, 12, 31), "year")


def _analysis(
    doc_id: str,
    text: str,
    people: list[tuple[str, str]],
    roles: list[tuple[str, str, str, str | None, str | None]] = (),  # type: ignore[assignment]
    dates: dict[str, tuple[int | None, int | None]] | None = None,
) -> Analysis:
    """people: (surface form, key); roles: (text stating it, key, title, office, jurisdiction)."""
    ents: list[EntityMention] = []
    pos = 0
    for surface, key in people:
        i = text.index(surface, pos)
        ents.append(EntityMention(doc_id, i, i + len(surface), surface, "PERSON", key))
        pos = i + len(surface)
    rcs: list[RoleClaim] = []
    for stated, key, title, office, jur in roles:
        i = text.index(stated)
        b, e = (dates or {}).get(title, (None, None))
        rcs.append(
            RoleClaim(
                doc_id,
                i,
                i + len(stated),
                key,
                title,
                office,
                jur,
                _year(b) if b else None,
                _year(e) if e else None,
            )
        )
    return Analysis(
        Document(doc_id, f"mem:{doc_id}", text, "txt"), entities=tuple(ents), roles=tuple(rcs)
    )


def _by_name(people):  # type: ignore[no-untyped-def]
    return {p.name: p for p in people}


def test_aliases_and_title_prefixed_forms_join() -> None:
    a = _analysis(
        "d1",
        "Prime Minister Winston Churchill spoke. Churchill left.",
        [("Winston Churchill", "Winston Churchill"), ("Churchill", "Winston Churchill")],
        [
            (
                "Prime Minister Winston Churchill",
                "Winston Churchill",
                "Prime Minister",
                "head_of_government",
                None,
            )
        ],
    )
    b = _analysis(
        "d2",
        "Winston Leonard Spencer Churchill was born in 1874.",
        [("Winston Leonard Spencer Churchill", "Winston Leonard Spencer Churchill")],
    )
    c = _analysis("d3", "Mr Churchill replied.", [("Churchill", "Churchill")])
    people, _ = merge_people([a, b, c])
    assert len(people) == 1
    p = people[0]
    assert p.kind == "person" and p.id.startswith("p-")
    assert {
        "Prime Minister Winston Churchill",
        "Churchill",
        "Winston Churchill",
        "Winston Leonard Spencer Churchill",
    } <= set(p.aliases)
    assert all(r.person == p.id for r in p.roles)
    # stable ids
    again, _ = merge_people([c, b, a])
    assert again[0].id == p.id


def test_two_people_one_surname_stay_apart() -> None:
    a = _analysis(
        "d1", "Theodore Roosevelt won in 1904.", [("Theodore Roosevelt", "Theodore Roosevelt")]
    )
    b = _analysis(
        "d2",
        "Franklin D. Roosevelt won in 1932.",
        [("Franklin D. Roosevelt", "Franklin D. Roosevelt")],
    )
    c = _analysis(
        "d3",
        "Franklin Delano Roosevelt died in 1945.",
        [("Franklin Delano Roosevelt", "Franklin Delano Roosevelt")],
    )
    d = _analysis("d4", "Roosevelt spoke.", [("Roosevelt", "Roosevelt")])
    people, _ = merge_people([a, b, c, d])
    assert len(people) == 3
    fdr = next(p for p in people if "Franklin D. Roosevelt" in p.aliases)
    assert "Franklin Delano Roosevelt" in fdr.aliases
    assert "Theodore Roosevelt" not in fdr.aliases
    # the bare surname is ambiguous in this corpus: its own (ambiguous) person
    assert _by_name(people)["Roosevelt"].aliases == ("Roosevelt",)


def test_surname_resolved_by_role() -> None:
    a = _analysis(
        "d1",
        "President Andrew Johnson vetoed it.",
        [("Andrew Johnson", "Andrew Johnson")],
        [("President Andrew Johnson", "Andrew Johnson", "President", "USA.president", "USA")],
    )
    b = _analysis(
        "d2",
        "Lyndon Johnson was a senator.",
        [("Lyndon Johnson", "Lyndon Johnson")],
        [("Lyndon Johnson was a senator", "Lyndon Johnson", "senator", "senator", None)],
    )
    c = _analysis(
        "d3",
        "Senator Johnson objected.",
        [("Johnson", "Johnson")],
        [("Senator Johnson", "Johnson", "Senator", "senator", None)],
    )
    people, _ = merge_people([a, b, c])
    names = _by_name(people)
    assert set(names) == {"Andrew Johnson", "Lyndon Johnson"}
    assert "Senator Johnson" in names["Lyndon Johnson"].aliases


def test_transliteration_variants_join_when_context_agrees() -> None:
    a = _analysis(
        "d1",
        "Soviet ambassador Ivan Maisky arrived.",
        [("Ivan Maisky", "Ivan Maisky")],
        [
            (
                "Soviet ambassador Ivan Maisky",
                "Ivan Maisky",
                "Soviet ambassador",
                "ambassador",
                "USSR",
            )
        ],
    )
    b = _analysis(
        "d2",
        "Ivan Maiskii, the Soviet envoy, spoke.",
        [("Ivan Maiskii", "Ivan Maiskii")],
        [("Ivan Maiskii, the Soviet envoy", "Ivan Maiskii", "Soviet envoy", "envoy", "USSR")],
    )
    c = _analysis("d3", "Pyotr Maiskii, a Polish poet.", [("Pyotr Maiskii", "Pyotr Maiskii")])
    people, _ = merge_people([a, b, c])
    assert len(people) == 2
    ivan = next(p for p in people if "Ivan Maisky" in p.aliases)
    assert "Ivan Maiskii" in ivan.aliases


def test_naming_conflict_with_claims_and_copies() -> None:
    a = _analysis(
        "d1",
        "Soviet Foreign Minister Vyacheslav Molotov signed.",
        [("Vyacheslav Molotov", "Vyacheslav Molotov")],
        [
            (
                "Soviet Foreign Minister Vyacheslav Molotov",
                "Vyacheslav Molotov",
                "Soviet Foreign Minister",
                "USSR.foreign_affairs",
                "USSR",
            )
        ],
    )
    b = _analysis(
        "d2",
        "People's Commissar for Foreign Affairs Vyacheslav Molotov signed.",
        [("Vyacheslav Molotov", "Vyacheslav Molotov")],
        [
            (
                "People's Commissar for Foreign Affairs Vyacheslav Molotov",
                "Vyacheslav Molotov",
                "People's Commissar for Foreign Affairs",
                "foreign_minister",
                None,
            )
        ],
    )
    c = _analysis(
        "d3",
        "Soviet Foreign Minister Vyacheslav Molotov signed it.",
        [("Vyacheslav Molotov", "Vyacheslav Molotov")],
        [
            (
                "Soviet Foreign Minister Vyacheslav Molotov",
                "Vyacheslav Molotov",
                "Soviet Foreign Minister",
                "USSR.foreign_affairs",
                "USSR",
            )
        ],
    )
    people, conflicts = merge_people([a, b, c], copies=[CopyLink("d3", "d1", 0.9)])
    assert len(people) == 1
    (conf,) = conflicts
    assert (conf.subject_kind, conf.attribute, conf.kind, conf.severity) == (
        "person",
        "title",
        "naming",
        "soft",
    )
    assert "Commissar for Foreign Affairs" in conf.explanation
    values = {v.value: v for v in conf.values}
    assert set(values) == {"Soviet Foreign Minister", "People's Commissar for Foreign Affairs"}
    minister = values["Soviet Foreign Minister"]
    assert {c.doc_id for c in minister.claims} == {"d1", "d3"}
    claim = next(c for c in minister.claims if c.doc_id == "d1")
    assert a.document.text[claim.start : claim.end] == "Soviet Foreign Minister"
    assert next(c for c in minister.claims if c.doc_id == "d3").independent is False


def test_ranks_conflict_hard_only_when_exclusive_and_dated() -> None:
    text1 = "Ulrich Brandt (German Ambassador to Italy, 1930-1934) left."
    text2 = "Ulrich Brandt (German chargé d'affaires in Italy, 1931-1932) left."
    a = _analysis(
        "d1",
        text1,
        [("Ulrich Brandt", "Ulrich Brandt")],
        [(text1[:52], "Ulrich Brandt", "German Ambassador to Italy", "ambassador@ITA", "DEU")],
        dates={"German Ambassador to Italy": (1930, 1934)},
    )
    b = _analysis(
        "d2",
        text2,
        [("Ulrich Brandt", "Ulrich Brandt")],
        [
            (
                text2[:59],
                "Ulrich Brandt",
                "German chargé d'affaires in Italy",
                "charge_d_affaires@ITA",
                "DEU",
            )
        ],
        dates={"German chargé d'affaires in Italy": (1931, 1932)},
    )
    _, conflicts = merge_people([a, b])
    (conf,) = conflicts
    assert conf.severity == "hard" and conf.kind == "unexplained"
    # undated: only a soft difference
    a2 = _analysis(
        "d1",
        text1,
        [("Ulrich Brandt", "Ulrich Brandt")],
        [(text1[:52], "Ulrich Brandt", "German Ambassador to Italy", "ambassador@ITA", "DEU")],
    )
    b2 = _analysis(
        "d2",
        text2,
        [("Ulrich Brandt", "Ulrich Brandt")],
        [
            (
                text2[:59],
                "Ulrich Brandt",
                "German chargé d'affaires in Italy",
                "charge_d_affaires@ITA",
                "DEU",
            )
        ],
    )
    _, conflicts = merge_people([a2, b2])
    assert [c.severity for c in conflicts] == ["soft"]


def test_role_date_disagreement() -> None:
    t1 = "Lewis Carter (Governor of Ohio, 1901-1905) ruled."
    t2 = "Lewis Carter (Governor of Ohio, 1903-1907) ruled."
    a = _analysis(
        "d1",
        t1,
        [("Lewis Carter", "Lewis Carter")],
        [(t1[:43], "Lewis Carter", "Governor of Ohio", "governor", None)],
        dates={"Governor of Ohio": (1901, 1905)},
    )
    b = _analysis(
        "d2",
        t2,
        [("Lewis Carter", "Lewis Carter")],
        [(t2[:43], "Lewis Carter", "Governor of Ohio", "governor", None)],
        dates={"Governor of Ohio": (1903, 1907)},
    )
    _, conflicts = merge_people([a, b])
    attrs = sorted(c.attribute for c in conflicts)
    assert attrs == ["role_end", "role_start"]
    start = next(c for c in conflicts if c.attribute == "role_start")
    assert sorted(v.value for v in start.values) == ["1901", "1903"]


def test_same_office_same_name_is_no_conflict() -> None:
    a = _analysis(
        "d1",
        "President Ada Lind spoke.",
        [("Ada Lind", "Ada Lind")],
        [("President Ada Lind", "Ada Lind", "President", "president", None)],
    )
    b = _analysis(
        "d2",
        "Ada Lind (President of the United States) spoke.",
        [("Ada Lind", "Ada Lind")],
        [
            (
                "Ada Lind (President of the United States)",
                "Ada Lind",
                "President of the United States",
                "USA.president",
                "USA",
            )
        ],
    )
    _, conflicts = merge_people([a, b])
    assert conflicts == []


@pytest.mark.parametrize("n", [0, 1])
def test_empty_inputs(n: int) -> None:
    analyses = [_analysis("d1", "Nothing here.", [])] * n
    assert merge_people(analyses) == ([], [])


# ---------------------------------------------------------------- categories of false people


def _with_others(
    doc_id: str, text: str, people: list[tuple[str, str]], others: list[tuple[str, str]]
) -> Analysis:
    """An analysis with people and with place/organisation mentions (surface, label)."""
    a = _analysis(doc_id, text, people)
    ents = list(a.entities)
    for surface, label in others:
        i = text.index(surface)
        ents.append(EntityMention(doc_id, i, i + len(surface), surface, label, surface))
    return Analysis(a.document, entities=tuple(ents), roles=a.roles)


def test_one_word_person_written_as_a_place_elsewhere_is_no_person() -> None:
    a = _analysis("d1", "Bessarabia was annexed in 1918.", [("Bessarabia", "Bessarabia")])
    b = _with_others("d2", "Romania took Bessarabia in 1918.", [], [("Bessarabia", "GPE")])
    people, _ = merge_people([a, b])
    assert "Bessarabia" not in _by_name(people) or _by_name(people)["Bessarabia"].kind != ("person")


def test_one_word_person_with_a_title_stays_a_person() -> None:
    a = _analysis(
        "d1",
        "Marshal Lyautey governed Morocco.",
        [("Lyautey", "Lyautey")],
        [("Marshal Lyautey", "Lyautey", "Marshal", None, None)],
    )
    b = _with_others("d2", "The Lyautey avenue.", [], [("Lyautey", "LOC")])
    people, _ = merge_people([a, b])
    assert _by_name(people)["Lyautey"].kind == "person"


def test_a_lone_given_name_joins_the_one_full_name_it_starts() -> None:
    a = _analysis("d1", "Dean Acheson spoke in 1950.", [("Dean Acheson", "Dean Acheson")])
    b = _analysis("d2", "Dean wrote his memoirs.", [("Dean", "Dean")])
    people, _ = merge_people([a, b])
    names = {p.name for p in people if p.kind == "person"}
    assert names == {"Dean Acheson"}
    assert "Dean" in _by_name(people)["Dean Acheson"].aliases


def test_a_lone_given_name_of_two_full_names_stays_apart() -> None:
    a = _analysis(
        "d1",
        "Dean Acheson and Dean Rusk met.",
        [("Dean Acheson", "Dean Acheson"), ("Dean Rusk", "Dean Rusk")],
    )
    b = _analysis("d2", "Dean wrote his memoirs.", [("Dean", "Dean")])
    people, _ = merge_people([a, b])
    assert {p.name for p in people if p.kind == "person"} == {"Dean Acheson", "Dean Rusk", "Dean"}


def test_regnal_names_stay_distinct() -> None:
    a = _analysis(
        "d1",
        "Wilhelm I was crowned in 1871. Wilhelm II fought France.",
        [("Wilhelm I", "Wilhelm I"), ("Wilhelm II", "Wilhelm II")],
    )
    b = _analysis(
        "d2",
        "Friedrich Wilhelm ruled. Wilhelm I built palaces.",
        [("Friedrich Wilhelm", "Friedrich Wilhelm"), ("Wilhelm I", "Wilhelm I")],
    )
    people, _ = merge_people([a, b])
    names = sorted(p.name for p in people if p.kind == "person")
    assert names == ["Friedrich Wilhelm", "Wilhelm I", "Wilhelm II"]
