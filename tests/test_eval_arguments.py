"""Participant recall and place share over matched events (eval extras)."""

from __future__ import annotations

from histograph.eval.arguments import argument_scores, micro_arguments, participant_keys
from histograph.eval.scorer import micro, score_cluster

TEXT = "On 3 May 1850 the Duke of Arden met Queen Mara at Castleford, Westshire."


def _gold(place: str | None, parts: list[str]) -> dict[str, object]:
    return {
        "cluster": "c",
        "files": ["c/01.txt"],
        "events": [
            {
                "id": "e1",
                "type": "visit",
                "date": "1850-05-03",
                "place": place,
                "participants": [{"name": n, "role": "x"} for n in parts],
                "mentions": [{"file": "c/01.txt", "quote": "met Queen Mara"}],
            }
        ],
        "people": [{"name": "Mara", "aliases": ["Queen Mara", "Mara"], "roles": []}],
    }


def _system(place: str | None, parts: list[str]) -> dict[str, object]:
    return {
        "events": [
            {
                "id": "s1",
                "type": "visit",
                "date": "1850-05-03",
                "place": place,
                "participants": [{"name": n} for n in parts],
                "mentions": [{"file": "c/01.txt", "quote": "met Queen Mara"}],
            }
        ],
        "people": [{"name": "Mara", "aliases": ["Queen Mara"], "roles": []}],
    }


def test_participant_keys_take_parentheses_and_commas() -> None:
    keys = participant_keys("Tom Smith (Tom II)")
    assert {"tom smith", "tom ii"} <= keys
    assert "tom" in participant_keys("Tom, Earl of Wessex")
    assert participant_keys("USA") == participant_keys("United States")


def test_participants_found_through_person_aliases() -> None:
    gold = _gold("Castleford, Westshire", ["Queen Mara", "Duke of Arden"])
    r = score_cluster(gold, _system("Castleford", ["Mara"]), {"c/01.txt": TEXT})
    a = r["arguments"]
    assert (a["participants_gold"], a["participants_found"]) == (2, 1)
    assert (a["places_gold"], a["places_given"], a["places_matching"]) == (1, 1, 1)
    m = micro([r])["arguments"]
    assert m["participant_recall"] == 0.5 and m["place_share"] == 1.0


def test_missing_or_foreign_place_counts_against_share_or_match() -> None:
    gold = _gold("Castleford", [])
    none = argument_scores(gold, _system(None, []), [(0, 0)])
    assert none["places_gold"] == 1 and none["places_given"] == 0
    other = argument_scores(gold, _system("Westshire", []), [(0, 0)])
    assert other["places_given"] == 1 and other["places_matching"] == 0
    assert micro_arguments([]) == micro_arguments([{"arguments": none}]) | {
        "participants_gold": 0,
        "participants_found": 0,
        "participant_recall": 0.0,
        "places_gold": 0,
        "places_given": 0,
        "places_matching": 0,
        "place_share": 0.0,
        "place_match": 0.0,
    }


def test_unmatched_events_are_not_counted() -> None:
    gold = _gold("Castleford", ["Queen Mara"])
    assert argument_scores(gold, _system(None, []), [])["places_gold"] == 0


def test_a_state_s_full_name_has_the_key_of_its_short_name() -> None:
    assert participant_keys("Union of Soviet Socialist Republics") & participant_keys(
        "Soviet Union"
    )
    assert participant_keys("United States of America") & participant_keys("USA")
