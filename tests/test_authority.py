"""The authority file: reading CSV/JSON/JSONL/SPARQL exports, matching names and dates, pinning
identities in the people merge, storing the records (memory and SQLite) and the API."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from histograph.entities.authority import (
    Authority,
    AuthorityError,
    AuthorityRecord,
    parse_authority,
    read_authority,
)
from histograph.merge.people import merge_people
from histograph.model import (
    Analysis,
    Document,
    EntityMention,
    RoleClaim,
    TimeValue,
    day_number,
)

CSV = """id,name,aliases,dates
Q11812,Theodore Roosevelt,Teddy Roosevelt|TR,1858-10-27/1919-01-06
Q8007,Franklin Delano Roosevelt,FDR;Franklin D. Roosevelt,1882-01-30/1945-04-12
Q49747,Maxim Litvinov,Maksim Litvinov|Litvinoff,1876/1951
"""


def _year(y: int) -> TimeValue:
    return TimeValue(str(y), day_number(y, 1, 1), day_number(y, 12, 31), "year")


def _analysis(
    doc_id: str,
    text: str,
    people: list[tuple[str, str]],
    roles: list[tuple[str, str, int | None]] = (),  # type: ignore[assignment]
) -> Analysis:
    """people: (surface, key); roles: (title, key, start year)."""
    ents: list[EntityMention] = []
    pos = 0
    for surface, key in people:
        i = text.index(surface, pos)
        ents.append(EntityMention(doc_id, i, i + len(surface), surface, "PERSON", key))
        pos = i + len(surface)
    rcs = []
    for title, key, year in roles:
        i = text.index(title)
        rcs.append(
            RoleClaim(doc_id, i, i + len(title), key, title, began=_year(year) if year else None)
        )
    return Analysis(
        Document(doc_id, f"mem:{doc_id}", text, "txt"), entities=tuple(ents), roles=tuple(rcs)
    )


# ---------------------------------------------------------------- reading


def test_csv_with_aliases_and_dates() -> None:
    recs = parse_authority(CSV, "a.csv")
    assert [r.id for r in recs] == ["Q11812", "Q8007", "Q49747"]
    fdr = recs[1]
    assert fdr.name == "Franklin Delano Roosevelt"
    assert fdr.aliases == ("FDR", "Franklin D. Roosevelt")
    assert fdr.dates == "1882-01-30/1945-04-12"
    assert recs[2].dates == "1876-01-01/1951-12-31"


def test_json_list_records_and_born_died() -> None:
    text = json.dumps(
        {
            "records": [
                {
                    "id": "X1",
                    "name": "Ada Lovelace",
                    "aliases": ["Augusta Ada King"],
                    "born": "1815-12-10",
                    "died": "1852-11-27",
                },
                {"id": "X2", "label": "Charles Babbage", "kind": "person"},
            ]
        }
    )
    recs = parse_authority(text, "a.json")
    assert recs[0].aliases == ("Augusta Ada King",) and recs[0].dates == "1815-12-10/1852-11-27"
    assert recs[1].name == "Charles Babbage" and not recs[1].has_dates


def test_wikidata_sparql_result() -> None:
    text = json.dumps(
        {
            "head": {"vars": ["item", "itemLabel", "altLabel", "dateOfBirth", "dateOfDeath"]},
            "results": {
                "bindings": [
                    {
                        "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1394"},
                        "itemLabel": {"type": "literal", "value": "Vladimir Lenin"},
                        "altLabel": {"type": "literal", "value": "Lenin, Vladimir Ulyanov"},
                        "dateOfBirth": {"value": "+1870-04-22T00:00:00Z"},
                        "dateOfDeath": {"value": "+1924-01-21T00:00:00Z"},
                    }
                ]
            },
        }
    )
    (r,) = parse_authority(text, "q.json")
    assert r.id == "Q1394" and r.name == "Vladimir Lenin"
    assert r.aliases == ("Lenin", "Vladimir Ulyanov")
    assert r.dates == "1870-04-22/1924-01-21"


def test_json_lines_and_repeated_ids_add_aliases() -> None:
    text = (
        '{"id": "Q1", "name": "Zhou Enlai"}\n'
        '{"id": "Q1", "name": "Chou En-lai", "aliases": "Chou En-lai|Zhou"}\n'
    )
    (r,) = parse_authority(text, "z.jsonl")
    assert r.name == "Zhou Enlai" and r.aliases == ("Chou En-lai", "Zhou")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("name,dates\nX,1900\n", "E110"),
        ("id,name\n,Nobody\n", "E111"),
        ("id,name,dates\nQ1,Someone,19x0/1950\n", "E112"),
        ("id,name,dates\nQ1,Someone,1950/1900\n", "E112"),
        ('[{"id": "Q1", "name": "A", "kind": "planet"}]', "E113"),
        ('{"id": 1, "name": "A"}\nnot json\n', "E110"),
    ],
)
def test_errors_name_the_file_and_record(text: str, code: str) -> None:
    with pytest.raises(AuthorityError) as exc:
        parse_authority(text, "bad.csv")
    assert code in str(exc.value) and "bad.csv" in str(exc.value)


def test_read_authority_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AuthorityError, match="E110"):
        read_authority(tmp_path / "absent.csv")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_text_reads_or_fails_cleanly(text: str) -> None:
    with contextlib.suppress(AuthorityError):
        parse_authority(text, "x")


# ---------------------------------------------------------------- matching


def test_match_by_alias_full_name_and_dates() -> None:
    auth = Authority(parse_authority(CSV))
    assert auth.match(["FDR"]).id == "Q8007"  # type: ignore[union-attr]
    assert auth.match(["Franklin Roosevelt"]).id == "Q8007"  # type: ignore[union-attr]
    assert auth.match(["Theodore Roosevelt"]).id == "Q11812"  # type: ignore[union-attr]
    # a surname alone fits both Roosevelts: the dates of the roles decide
    assert auth.match(["Roosevelt"]) is None
    in_1940 = (day_number(1940, 1, 1), day_number(1940, 12, 31))
    assert auth.match(["Roosevelt"], [in_1940]).id == "Q8007"  # type: ignore[union-attr]
    # romanisation variant of the surname
    assert auth.match(["Maxim Litvinoff"]).id == "Q49747"  # type: ignore[union-attr]
    assert auth.match(["Pavel Litvinov"]) is None  # another given name: another person


# ---------------------------------------------------------------- the merge


def test_merge_pins_ids_and_names_and_keeps_two_roosevelts_apart() -> None:
    recs = parse_authority(CSV)
    a = _analysis(
        "d1",
        "President Roosevelt took office in 1933. Roosevelt spoke.",
        [("Roosevelt", "Roosevelt"), ("Roosevelt", "Roosevelt")],
        [("President", "Roosevelt", 1933)],
    )
    b = _analysis(
        "d2",
        "Theodore Roosevelt won the prize in 1906.",
        [("Theodore Roosevelt", "Theodore Roosevelt")],
    )
    c = _analysis("d3", "FDR died in 1945.", [("FDR", "FDR")])
    people, _ = merge_people([a, b, c], authority=recs)
    persons = {p.authority_id: p for p in people if p.kind == "person"}
    assert set(persons) == {"Q8007", "Q11812"}
    fdr = persons["Q8007"]
    assert fdr.name == "Franklin Delano Roosevelt"
    assert {"Roosevelt", "FDR"} <= set(fdr.aliases)
    assert {m.doc_id for m in fdr.mentions} == {"d1", "d3"}
    assert persons["Q11812"].name == "Theodore Roosevelt"


def test_merge_without_authority_is_unchanged() -> None:
    a = _analysis("d1", "Maxim Litvinov spoke.", [("Maxim Litvinov", "Maxim Litvinov")])
    people, _ = merge_people([a])
    (p,) = [p for p in people if p.kind == "person"]
    assert p.authority_id is None and p.name == "Maxim Litvinov"


def test_authority_joins_spellings_the_names_alone_would_not() -> None:
    recs = [AuthorityRecord("Q1", "Joseph Stalin", ("Koba", "Iosif Dzhugashvili"))]
    a = _analysis("d1", "Joseph Stalin ruled.", [("Joseph Stalin", "Joseph Stalin")])
    b = _analysis("d2", "Koba robbed a bank.", [("Koba", "Koba")])
    people, _ = merge_people([a, b], authority=recs)
    (p,) = [p for p in people if p.kind == "person"]
    assert p.authority_id == "Q1" and {"Koba", "Joseph Stalin"} <= set(p.aliases)


# ---------------------------------------------------------------- store and API


@pytest.mark.parametrize("backend", ["memory", "sqlite"])
def test_store_round_trip(backend: str, tmp_path: Path) -> None:
    from histograph.store import open_store

    url = ":memory:" if backend == "memory" else str(tmp_path / "a.db")
    recs = parse_authority(CSV)
    with open_store(url) as store:
        assert store.authority() == []
        store.replace_authority(recs)
        assert store.authority() == recs
        store.replace_authority(recs[:1])
        assert store.authority() == recs[:1]


def test_api_load_authority_rebuilds(tmp_path: Path) -> None:
    from histograph.api import Histograph

    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    with Histograph(":memory:") as hg:
        hg.store.add_analysis(
            _analysis(
                "d1",
                "Franklin D. Roosevelt met Litvinoff.",
                [("Franklin D. Roosevelt", "Franklin D. Roosevelt"), ("Litvinoff", "Litvinoff")],
            )
        )
        recs = hg.load_authority(path)
        assert len(recs) == 3 and len(hg.authority()) == 3
        by_id = {p.authority_id: p for p in hg.people()}
        assert by_id["Q8007"].name == "Franklin Delano Roosevelt"
        assert by_id["Q49747"].name == "Maxim Litvinov"
        # the pinned name is found by the store's lookups
        assert hg.person("Franklin Delano Roosevelt") is not None
        assert hg.person("Franklin D. Roosevelt") is not None
