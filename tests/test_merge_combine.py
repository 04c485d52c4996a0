"""Regression: the same conflict found in several documents (repeated copies of one page)
must be stored once, not rejected by the store as a duplicate id (E014)."""

from __future__ import annotations

from histograph.merge import combine_conflicts
from histograph.model import Claim, Conflict, ConflictValue


def _conflict(doc: str) -> Conflict:
    a = Claim("ev-1", "date", "1939", doc, 0, 4)
    b = Claim("ev-1", "date", "1941-06", doc, 10, 17)
    return Conflict(
        "cf-1", "ev-1", "event", "date",
        (ConflictValue("1939", (a,)), ConflictValue("1941-06", (b,))), "filing", "soft",
    )


def test_same_conflict_twice_is_one_with_claims_united() -> None:
    out = combine_conflicts([_conflict("d1"), _conflict("d2"), _conflict("d1")])
    assert len(out) == 1
    assert [len(v.claims) for v in out[0].values] == [2, 2]
    assert {cl.doc_id for v in out[0].values for cl in v.claims} == {"d1", "d2"}


def test_distinct_conflicts_are_kept_in_order() -> None:
    other = Conflict("cf-2", "ev-2", "event", "place", (), "unexplained", "hard")
    out = combine_conflicts([_conflict("d1"), other])
    assert [c.id for c in out] == ["cf-1", "cf-2"]
