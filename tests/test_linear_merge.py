"""Store+merge of one long document is linear (issue 10.4): the steps that grew as the
square of a repetitive document's length answer exactly what they answered before, with
bounded work — the date consensus of a large cluster (per distinct span, not per claim),
the near-date pairs of the unmerged-date conflicts (at most ``_MAX_LATER`` later events per
event) and the copy detection of one document alone (nothing to compare)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from histograph.ingest import read_text
from histograph.ingest.dedup import find_copies
from histograph.merge import unmerged
from histograph.merge.events import _consensus, _span_consensus
from histograph.merge.unmerged import unmerged_date_conflicts
from histograph.model import Event, EventMention, TimeValue, day_number


def _naive_consensus(claims: list[tuple[TimeValue, str]]) -> TimeValue | None:
    """The scan over every claim that :func:`_consensus` replaced (its reference)."""
    if not claims:
        return None
    values: dict[str, TimeValue] = {}
    for tv, _ in claims:
        values.setdefault(tv.value, tv)

    def pick(candidates: dict[str, TimeValue]) -> TimeValue | None:
        best: tuple[tuple[int, int, int, int, str], TimeValue] | None = None
        for v, tv in candidates.items():
            consistent = {g for c, g in claims if c.compatible(tv)}
            direct = len({g for c, g in claims if c.value == v})
            key = (-len(consistent), tv.latest - tv.earliest, -direct, tv.earliest, v)
            if best is None or key < best[0]:
                best = (key, tv)
        return best[1] if best else None

    chosen = pick(values)
    while chosen is not None and "/" not in chosen.value:
        inside = {
            v: tv
            for v, tv in values.items()
            if tv.latest - tv.earliest < chosen.latest - chosen.earliest
            and chosen.earliest <= tv.earliest
            and tv.latest <= chosen.latest
        }
        if not inside:
            break
        chosen = pick(inside)
    return chosen


def _naive_span(claims: list[tuple[TimeValue, str]], chosen: TimeValue) -> TimeValue:
    def support(tv: TimeValue) -> int:
        return len({g for c, g in claims if c.compatible(tv)})

    base = support(chosen)
    ranges = [tv for tv, _ in claims if "/" in tv.value and support(tv) >= base]
    if not ranges:
        return chosen
    return max(ranges, key=lambda tv: (tv.latest - tv.earliest, -tv.earliest, tv.value))


@st.composite
def _claim(draw: st.DrawFn) -> tuple[TimeValue, str]:
    start = draw(st.integers(0, 40))
    width = draw(st.integers(0, 12))
    ranged = draw(st.booleans())
    # the same span written two ways (a range and a value) and one value for two spans
    value = f"{start}/{start + width}" if ranged else draw(st.sampled_from(["a", "b", str(start)]))
    return TimeValue(value, start, start + width, "day"), draw(st.sampled_from("xyzw"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_claim(), max_size=30))
def test_consensus_per_span_equals_the_scan_over_claims(
    claims: list[tuple[TimeValue, str]],
) -> None:
    chosen = _consensus(claims)
    assert chosen == _naive_consensus(claims)
    if chosen is not None:
        assert _span_consensus(claims, chosen) == _naive_span(claims, chosen)


def test_consensus_of_a_cluster_repeated_many_times_is_that_of_one_copy() -> None:
    one = [
        (TimeValue("1901-05-03", 10, 10, "day"), "a"),
        (TimeValue("1901-05", 0, 30, "month"), "b"),
        (TimeValue("1901-05-01/1901-05-09", 8, 16, "day"), "c"),
    ]
    chosen = _consensus(one)
    assert chosen is not None
    many = one * 2000
    assert _consensus(many) == chosen
    assert _span_consensus(many, chosen) == _span_consensus(one, chosen)


def test_one_document_alone_has_no_copy_and_two_copies_still_link() -> None:
    text = " ".join(
        f"In year {1800 + i} the council of town {i} met and chose mayor number {i}."
        for i in range(12)
    )
    one = read_text(text, uri="one.txt")
    assert find_copies([one]) == []
    assert find_copies([one, one]) == []  # one id: one document
    other = read_text(text + "It rained.", uri="two.txt")
    links = find_copies([one, other])
    assert len(links) == 1 and links[0].doc_id == other.id


def _day(n: int) -> TimeValue:
    d = day_number(1850, 1, 1) + n
    return TimeValue(f"day{n}", d, d, "day")


def test_near_date_pairs_are_bounded_per_event(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hundreds of same-type events of one document within a year: each is compared with at
    most ``_MAX_LATER`` of the next ones (the pairs no longer grow as their square)."""
    calls = 0
    real = unmerged._alike

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(unmerged, "_alike", counting)
    text = "On that day the garrison of the fort marched out of the town gate."
    n = 300
    evs = [
        Event(
            f"e{i}",
            "other",
            "x",
            _day(i // 4),
            (EventMention(f"d{i}", 0, len(text), 0, 4, "other", _day(i // 4)),),
        )
        for i in range(n)
    ]
    texts = {f"d{i}": text for i in range(n)}
    unmerged_date_conflicts(evs, texts)
    assert 0 < calls <= n * unmerged._MAX_LATER


def test_a_near_pair_among_many_events_of_its_type_is_still_found() -> None:
    """The bound keeps the nearest later events: two readings of one date a day apart are
    paired however many other events of the type the year holds."""
    a = "On 3 March 1857 the fleet of Aldmark sailed from Riverton to blockade Carlow harbour."
    b = "On 4 March 1857 the fleet of Aldmark sailed from Riverton to blockade Carlow harbour."
    texts = {"a": a, "b": b}
    d3 = day_number(1857, 3, 3)
    evs = [
        Event(
            "e-a",
            "other",
            "x",
            TimeValue("1857-03-03", d3, d3, "day"),
            (
                EventMention(
                    "a",
                    0,
                    len(a),
                    0,
                    4,
                    "other",
                    TimeValue("1857-03-03", d3, d3, "day"),
                    a.index("3 March"),
                    a.index("3 March") + 12,
                ),
            ),
        ),
        Event(
            "e-b",
            "other",
            "x",
            TimeValue("1857-03-04", d3 + 1, d3 + 1, "day"),
            (
                EventMention(
                    "b",
                    0,
                    len(b),
                    0,
                    4,
                    "other",
                    TimeValue("1857-03-04", d3 + 1, d3 + 1, "day"),
                    b.index("4 March"),
                    b.index("4 March") + 12,
                ),
            ),
        ),
    ]
    filler = "The assembly of Norhaven debated the budget of the new railway company."
    for i in range(200):
        texts[f"f{i}"] = filler
        tv = TimeValue(f"f{i}", d3 - 300 + i, d3 - 300 + i, "day")
        evs.append(
            Event(
                f"e-f{i}",
                "other",
                "x",
                tv,
                (EventMention(f"f{i}", 0, len(filler), 0, 4, "other", tv),),
            )
        )
    out = unmerged_date_conflicts(evs, texts)
    assert {c.subject for c in out} == {"e-a", "e-b"}
