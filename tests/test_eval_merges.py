"""False-merge counting (histograph.eval.merges) and its place in the scorer's output."""

from __future__ import annotations

from histograph.eval import score_cluster
from histograph.eval.merges import GoldUnit, SystemUnit, false_merges

TEXT = "The treaty was signed in May. The war began in June. The siege was part of the war."
F = "c/01.txt"


def _span(quote: str) -> tuple[str, int, int]:
    i = TEXT.index(quote)
    return (F, i, i + len(quote))


GOLD = [
    GoldUnit("treaty", None, (_span("The treaty was signed in May."),)),
    GoldUnit("war", None, (_span("The war began in June."),)),
    GoldUnit("siege", "war", (_span("The siege was part"),)),
]


def test_two_gold_events_in_one_system_event_is_a_false_merge() -> None:
    s = SystemUnit("e1", ((_span("treaty was signed"),), (_span("war began"),)))
    assert false_merges(GOLD, [s]) == [{"event": "e1", "gold": ["treaty", "war"]}]


def test_parts_of_one_event_and_single_mentions_are_not_false_merges() -> None:
    part = SystemUnit("e1", ((_span("war began"),), (_span("siege was"),)))
    single = SystemUnit("e2", ((_span("The treaty was signed in May. The war"),),))
    noise = SystemUnit("e3", ((_span("treaty"),), ((F, 0, 0),), (("other.txt", 0, 5),)))
    assert false_merges(GOLD, [part, single, noise]) == []


def test_a_mention_telling_two_events_may_be_read_as_either() -> None:
    both = _span("signed in May. The war")
    s = SystemUnit("e1", ((both,), (_span("war began"),)))
    assert false_merges(GOLD, [s]) == []


def test_scorer_reports_false_merges_per_cluster() -> None:
    gold = {
        "cluster": "c",
        "files": [F],
        "events": [
            {"id": "treaty", "type": "treaty_signed", "date": None,
             "mentions": [{"file": F, "quote": "The treaty was signed in May."}]},
            {"id": "war", "type": "war_or_invasion", "date": None,
             "mentions": [{"file": F, "quote": "The war began in June."}]},
        ],
    }
    system = {"events": [{"id": "x", "type": "treaty_signed", "date": None, "mentions": [
        {"file": F, "quote": "treaty was signed"}, {"file": F, "quote": "war began"}]}]}
    result = score_cluster(gold, system, {F: TEXT})
    assert result["merges"] == {"false": 1}
    assert result["details"]["false_merges"] == [{"event": "x", "gold": ["treaty", "war"]}]
