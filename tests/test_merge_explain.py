"""Every merged event says why its mentions are one (merge/explain.py)."""

from __future__ import annotations

from events_helpers import tv
from histograph.merge.explain import Evidence, merge_reasons
from test_merge_events import Doc, merge


def _ev(key: int, doc: str, type_: str, date: str | None, people: tuple[str, ...], clause: str) -> Evidence:
    return Evidence(key, doc, 0, len(clause), type_, tv(date) if date else None, None,
                    tuple((f"p-{n.lower()}", n) for n in people), None, clause)


def test_reasons_name_type_date_people_and_similarity() -> None:
    a = _ev(1, "a", "treaty_signed", "1920-05-04", ("Orlov", "Weiss"), "Orlov and Weiss signed the pact")
    b = _ev(2, "b", "treaty_signed", "1920-05", ("Orlov", "Weiss"), "the pact was signed by Weiss and Orlov")
    reasons = merge_reasons([a, b])
    assert reasons[1].startswith("merged: same type (treaty signed), 1920-05-04 lies within 1920-05")
    assert "both name Orlov and Weiss" in reasons[1]
    assert "clause similarity" in reasons[1]
    assert merge_reasons([a]) == {}


def test_merged_events_carry_merged_claims_with_spans() -> None:
    a = Doc("a", "On May 4, 1920, Orlov signed the pact.")
    a.event("Orlov signed the pact", "signed", "treaty_signed", "1920-05-04", "May 4, 1920",
            parts=(("Orlov", "agent"),))
    b = Doc("b", "The pact was signed by Orlov on 4 May 1920.")
    b.event("The pact was signed by Orlov", "signed", "treaty_signed", "1920-05-04", "4 May 1920",
            parts=(("Orlov", "agent"),))
    events, _ = merge([a, b])
    [e] = events
    merged = [c for c in e.claims if c.attribute == "merged"]
    assert {c.doc_id for c in merged} == {"a", "b"}
    assert all("same date (1920-05-04)" in c.value and "both name Orlov" in c.value for c in merged)
