"""Indexes and one-pass versions that keep the per-document stages and the merge linear on
pages of any shape (issue 10: one long line, dense dates) answer exactly what the scans
they replaced answered."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from histograph.events.structure import SpanSet, without_spans
from histograph.model import TimeMention, TimeValue

_TV = TimeValue("1901", 0, 364, "year")
#: (start, length) pairs on a short line, overlapping, nested and empty ones included
_spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 10)), max_size=20)


def _removed_in_turn(raw: str, offset: int, times: list[TimeMention]) -> str:
    rest = raw
    for t in reversed(times):
        rest = rest[: t.start - offset] + rest[t.end - offset :]
    return rest


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab 1-*", min_size=50, max_size=50), st.integers(0, 30), _spans)
def test_without_spans_equals_the_removal_in_turn(
    raw: str, offset: int, spans: list[tuple[int, int]]
) -> None:
    times = sorted(
        (
            TimeMention("d", offset + s, offset + min(s + n, 50), "x", "DATE", _TV)
            for s, n in spans
        ),
        key=lambda t: (t.start, t.end),
    )
    assert without_spans(raw, offset, times) == _removed_in_turn(raw, offset, times)


def test_without_spans_of_a_long_line_of_dates() -> None:
    raw = " ".join(["1 May 1900"] * 2000)
    times = [TimeMention("d", 11 * k, 11 * k + 10, "x", "DATE", _TV) for k in range(2000)]
    assert without_spans(raw, 0, times) == " " * 1999
    assert without_spans(raw, 0, []) == raw


@settings(max_examples=300, deadline=None)
@given(_spans, st.lists(st.integers(-3, 60), min_size=1, max_size=30))
def test_span_set_equals_the_scan(spans: list[tuple[int, int]], probes: list[int]) -> None:
    pairs = [(s, s + n) for s, n in spans]
    inside = SpanSet(pairs)
    for x in probes:
        assert (x in inside) == any(a <= x < b for a, b in pairs)


def test_span_set_of_nothing_holds_nothing() -> None:
    assert 0 not in SpanSet([])
    assert 5 not in SpanSet([(5, 5)])
    assert 5 in SpanSet([(2, 6), (6, 9)]) and 6 in SpanSet([(2, 6), (6, 9)])


def test_one_document_has_no_copied_passages_to_index() -> None:
    from histograph.ingest.dedup import find_copied_passages
    from histograph.merge import copied_passages
    from histograph.model import Document

    words = " ".join(f"word{k}" for k in range(40))
    doc = Document("d", "d.txt", f"{words}. {words}.", "txt")
    again = Document("d", "d2.txt", f"{words}.", "txt")
    other = Document("e", "e.txt", f"{words}.", "txt")
    for docs in ([doc], [doc, again], []):
        assert copied_passages(docs) == [tuple(p) for p in find_copied_passages(docs)] == []
    assert copied_passages([doc, other]) == [tuple(p) for p in find_copied_passages([doc, other])]
    assert copied_passages([doc, other])
