"""The event page reads like a page: each source's passages once, the first few open,
claims beside the sentence that states them."""

from __future__ import annotations

from typing import Any

from histograph.render.serialise import value_label
from histograph.web.views import OPEN_PASSAGES, _by_source, _one_per_span


def _m(doc: str, start: int, end: int) -> dict[str, Any]:
    return {"doc_id": doc, "start": start, "end": end, "source": {"name": doc}}


def test_one_passage_per_span_and_claims_beside_it() -> None:
    mentions = [_m("a", 0, 50), _m("a", 0, 50), _m("a", 60, 90), _m("b", 0, 40)]
    claims = [
        {"doc_id": "a", "start": 10, "end": 20, "attribute": "date", "value": "1848-02-24",
         "label": "24 February 1848"},
        {"doc_id": "a", "start": 10, "end": 20, "attribute": "date", "value": "1848-02-24",
         "label": "24 February 1848"},
        {"doc_id": "b", "start": 100, "end": 120, "attribute": "place", "value": "Paris",
         "label": "Paris"},
    ]
    shown = _one_per_span(mentions, claims)
    assert [(m["doc_id"], m["start"]) for m in shown] == [("a", 0), ("a", 60), ("b", 0)]
    assert shown[0]["claims"] == [{"attribute": "date", "label": "24 February 1848"}]
    assert [c["shown"] for c in claims] == [True, True, False]  # the last is quoted in the table


def test_a_long_list_of_passages_is_folded_per_source() -> None:
    mentions = [_m("a", i * 10, i * 10 + 5) for i in range(OPEN_PASSAGES + 3)] + [_m("b", 0, 5)]
    groups = _by_source(mentions)
    assert [len(g["open"]) for g in groups] == [OPEN_PASSAGES, 1]
    assert [len(g["folded"]) for g in groups] == [3, 0]


def test_dates_inside_other_values_are_written_out() -> None:
    assert value_label("merged", "same date (1848-02-24)") == "same date (24 February 1848)"
    assert value_label("place", "Paris") == "Paris"
    # an event type is read by its label, never as its code
    assert value_label("type", "letter_or_statement") == "Letter, message or statement"
