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
