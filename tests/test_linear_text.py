"""Indexes that keep long lines linear (issue 10.4: a page of one line, or of dense dates)
answer exactly what the scans they replaced answered: ``str.rfind``/``str.find`` of one
character, the aside test of the date resolver, the per-line facts of the date roles, and
the known-name pass of the entities stage."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from histograph import textindex
from histograph.ingest import read_text
from histograph.pipeline import build
from histograph.time.document import _docdate_line, _Lines, _only_date
from histograph.time.normalise import _aside, _Asides
from histograph.time.tagger import Cand

_text = st.text(alphabet='ab \n("[)]“”', max_size=80)


@settings(max_examples=300, deadline=None)
@given(_text, st.sampled_from("\n(a"), st.integers(0, 90), st.integers(0, 90))
def test_rfind_and_find_equal_the_str_methods(text: str, ch: str, a: int, b: int) -> None:
    long = text * 200  # above the size from which the index is used
    for t in (text, long):
        for s, e in ((a, b), (a, a + b), (0, b), (a * 50, b * 50)):
            assert textindex.rfind(t, ch, s, e) == t.rfind(ch, s, e)
            assert textindex.find(t, ch, s, e) == t.find(ch, s, e)
        assert textindex.rfind(t, ch) == t.rfind(ch)


@settings(max_examples=300, deadline=None)
@given(_text, st.lists(st.integers(0, 80), max_size=12))
def test_asides_equal_the_scan(text: str, positions: list[int]) -> None:
    asides = _Asides(text)
    # in document order (the resolver's), and once out of order (a rescan)
    for pos in [*sorted(p for p in positions if p <= len(text)), 0]:
        assert asides.at(pos) == _aside(text, pos)


def test_asides_on_one_long_line() -> None:
    text = 'The treaty (signed 1901) held; he said "in 1902 we" left in 1903. ' * 300
    asides = _Asides(text)
    for pos in range(0, len(text), 7):
        assert asides.at(pos) == _aside(text, pos)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab1 .#-*\nBy:©", max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=8),
)
def test_line_facts_equal_the_scan(text: str, spans: list[tuple[int, int]]) -> None:
    lines = _Lines(text)
    for s, n in spans:
        if s >= len(text):
            continue
        c = Cand(s, min(s + n, len(text)), "year", {})
        li = lines.index(c.start)
        line = lines.line(li)
        assert lines.only_date(li, c) == _only_date(line, c, lines.starts[li])
        assert lines.facts(li).docdate == _docdate_line(line)


def test_docdate_line_counts_words_only_for_prose_published() -> None:
    assert _docdate_line("Published on 3 May 1920")
    prose = "In a long line of running prose his book " + "word " * 20 + "published on time"
    assert not _docdate_line(prose)


def test_known_names_found_whatever_their_number() -> None:
    """The known-name pass indexes full names by their first word: a later bare full name
    is still found when the page names many people."""
    people = [f"Anna Lind{chr(97 + i)}son" for i in range(12)]
    text = " ".join(f"{p} met the council on {i + 1} May 1921." for i, p in enumerate(people))
    text += " Later Anna Lindcson spoke again."
    a = build().analyze(read_text(text, uri="names.txt"))
    found = [m.text for m in a.entities if m.label == "PERSON"]
    assert found.count("Anna Lindcson") == 2


def _candidates_by_sorted_intervals(text: str) -> list[tuple[int, int, str]]:
    """The overlap resolution of ``find_candidates`` as it was written before the
    per-character marks: a sorted list of taken intervals (quadratic, but plainly right)."""
    import bisect

    from histograph.time import tagger

    gr = tagger.grammar()
    found: list[tuple[int, int, int, Cand]] = []
    masked = tagger._mask_structural_breaks(text)  # the same input the tagger reads
    for prio, (name, rx) in enumerate(gr.rules):
        for m in rx.finditer(masked):
            if m.end() <= m.start():
                continue
            f = tagger._fields(name, m, gr.lx)
            if f is None:
                continue
            c = Cand(m.start(), m.end(), name, f)
            while c.end > c.start and text[c.end - 1].isspace():
                c.end -= 1
            if not tagger._keep(name, c, text, gr.lx):
                continue
            if name in ("year_range", "year_range_era"):
                c = tagger._year_range(c)
            elif name == "numeric_range":
                c = tagger._numeric_range(c)
            found.append((-(c.end - c.start), prio, c.start, c))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    taken: list[Cand] = []
    occupied: list[tuple[int, int]] = []
    for _, _, _, c in found:
        i = bisect.bisect_left(occupied, (c.start, c.start))
        if (i > 0 and occupied[i - 1][1] > c.start) or (
            i < len(occupied) and occupied[i][0] < c.end
        ):
            continue
        occupied.insert(i, (c.start, c.end))
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return [
        (c.start, c.end, c.rule)
        for c in tagger._merge(tagger._dual_dates(taken, masked), masked, gr.lx)
    ]


_DATE_WORDS = st.sampled_from(
    ["3 May 1921", "May 1921", "1921", "1921-1923", "from March to June 1933", "the 1920s",
     "12/5/1901", "on 4 July", "at 5 p.m.", "two years later", "in the spring of 1848",
     "18th century", "(O.S.)", "and", "the council met", "\n", "-", ","]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_DATE_WORDS, max_size=30))
def test_date_candidates_equal_the_interval_list(words: list[str]) -> None:
    from histograph.time.tagger import find_candidates

    text = " ".join(words)
    got = [(c.start, c.end, c.rule) for c in find_candidates(text)]
    assert got == _candidates_by_sorted_intervals(text)


_LINES = st.sampled_from(
    ["# Reign 1901/1905", "## Later", "- the council met", "1. the fleet sailed", "1901/1905",
     "The town grew.", "**1901/1905**", ""]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, max_size=25), st.integers(0, 400))
def test_structure_lookups_equal_the_walk_up(lines: list[str], probe: int) -> None:
    from histograph.events.structure import Structure
    from histograph.model import TimeMention, TimeValue

    text = "\n".join(lines)
    tv = TimeValue("1901/1905", 0, 1825, "year")
    times = []
    at = text.find("1901/1905")
    while at >= 0:
        times.append(TimeMention("d", at, at + 9, "1901/1905", "DATE", tv))
        at = text.find("1901/1905", at + 1)
    s = Structure(text, [], times)
    for offset in {probe % (len(text) + 1), *s._line_starts}:
        k = s.line_at(offset)
        above = [j for j in range(k) if s.lines[j].kind in {"heading", "date_line"}] if k else []
        assert s.section_of(offset) == (s.lines[above[-1]].start if k is not None and above else -1)
        if k is not None and s.lines[k].kind == "list_item":
            assert s.heading_date(offset) == (s.lines[above[-1]].date if above else None)
        first = next((ln for ln in s.lines if ln.kind == "heading"), None)
        want = None
        if first is not None and first.start < offset:
            want = next((t for t in s.times_in(first.start, first.end) if "/" in t.value.value), None)  # type: ignore[union-attr]
        assert s.page_range(offset) == want
