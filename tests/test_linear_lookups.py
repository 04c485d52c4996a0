"""The per-document indexes that replaced linear scans (issues 10.4, 11.6) answer exactly
what the scans answered: the date lookups of the role pass, the region lookups of
``DocState`` and the time mentions of a sentence in the event pass."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from histograph.entities.roles import _Dates
from histograph.events import _TimesStarting
from histograph.events.quantities import _Spans
from histograph.model import Document, Region, TimeMention, TimeValue
from histograph.state import DocState

_TV = TimeValue("1901", 0, 364, "year")

#: (start, length) pairs of spans on a short page, overlapping, nested and empty ones included
_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=25)
_probes = st.lists(st.tuples(st.integers(-2, 80), st.integers(0, 20)), min_size=1, max_size=20)


def _state(spans: list[tuple[int, int]]) -> DocState:
    doc = Document("d", "d.md", "x" * 80, "md")
    times = [TimeMention("d", s, s + n, "x" * n, "DATE", _TV) for s, n in spans]
    return DocState(document=doc, times=times)


@settings(max_examples=200, deadline=None)
@given(_spans, _probes)
def test_dates_lookups_equal_the_scan(
    spans: list[tuple[int, int]], probes: list[tuple[int, int]]
) -> None:
    dates = _Dates(_state(spans))
    everything = sorted(
        ((s, s + n) for s, n in spans), key=lambda d: d[0]
    )  # stable: the order _Dates keeps
    for a, n in probes:
        b = a + n
        naive_within = [d for d in everything if a <= d[0] and d[1] <= b]
        assert [(d.start, d.end) for d in dates.within(a, b)] == naive_within
        assert dates.covers(a, b) == any(s < b and a < e for s, e in everything)


def test_dates_lookups_on_a_page_without_dates() -> None:
    dates = _Dates(_state([]))
    assert dates.within(0, 10) == []
    assert not dates.covers(0, 10)


def _regions(spans: list[tuple[int, int]]) -> list[Region]:
    return [Region("d", s, s + n, "narrative") for s, n in spans]


def _check_regions(state: DocState, probes: list[int]) -> None:
    for off in probes:
        at = next((r for r in state.regions if r.start <= off < r.end), None)
        assert state.region_at(off) is at
        before = [r for r in state.regions if r.end <= off]
        assert state.region_before(off) is (before[-1] if before else None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=15), st.data())
def test_region_lookups_on_a_partition_equal_the_scan(
    steps: list[tuple[int, int]], data: st.DataObject
) -> None:
    """Regions in text order, with gaps and empty regions, as the cleaner makes them."""
    spans, pos = [], 0
    for gap, n in steps:
        spans.append((pos + gap, n))
        pos += gap + n
    state = DocState(document=Document("d", "d.md", "x" * 200, "md"), regions=_regions(spans))
    _check_regions(state, data.draw(st.lists(st.integers(-1, pos + 2), max_size=30)))


@settings(max_examples=200, deadline=None)
@given(_spans, st.lists(st.integers(-1, 80), max_size=30))
def test_region_lookups_on_any_list_equal_the_scan(
    spans: list[tuple[int, int]], probes: list[int]
) -> None:
    """Overlapping or unordered regions fall back to the scan's answer."""
    state = DocState(document=Document("d", "d.md", "x" * 80, "md"), regions=_regions(spans))
    _check_regions(state, probes)


def test_region_index_follows_a_changed_list() -> None:
    state = DocState(document=Document("d", "d.md", "x" * 80, "md"))
    state.regions = _regions([(0, 10), (10, 10)])
    assert state.region_at(15) == state.regions[1]
    state.regions.append(Region("d", 20, 30, "list_item"))
    assert state.region_at(25) == state.regions[2]
    assert state.region_before(31) == state.regions[2]
    state.regions = _regions([(0, 40)])
    assert state.region_at(25) == state.regions[0]
    assert state.region_before(31) is None


@settings(max_examples=200, deadline=None)
@given(_spans, _probes)
def test_sentence_times_equal_the_scan(
    spans: list[tuple[int, int]], probes: list[tuple[int, int]]
) -> None:
    times = _state(spans).times
    times_at = _TimesStarting(times)
    for a, n in probes:
        assert times_at(a, a + n) == [t for t in times if a <= t.start < a + n]


@settings(max_examples=200, deadline=None)
@given(_spans, _probes)
def test_number_in_a_date_equals_the_scan(
    spans: list[tuple[int, int]], probes: list[tuple[int, int]]
) -> None:
    pairs = [(s, s + n) for s, n in spans]
    index = _Spans(pairs)
    for a, n in probes:
        assert index.overlap(a, a + n) == any(s < a + n and a < e for s, e in pairs)
