"""Long documents analysed window by window, spaCy batches bounded in characters, and the
year-of-paragraph rule without a rescan of earlier dates (time and memory linear in a
document's length, whatever its shape)."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from histograph import pipeline as P
from histograph.ingest import read_text
from histograph.model import EventMention, Participant, Region
from histograph.nlp import BATCH_CHARS, PIPE_BATCH, _batches
from histograph.time import document as TD
from histograph.time.tagger import find_candidates

PARAGRAPH = (
    "On 4 March 1850 the engineer Clara Holm opened the new harbour at Eastport. "
    "The mayor of the town, Peter Vane, thanked her in a speech. "
    "In June the council met again and voted to extend the quay."
)


def _page(n: int) -> str:
    return "\n\n".join(f"## Part {i}\n\n{PARAGRAPH}" for i in range(n)) + "\n"


@given(
    st.text(alphabet="ab .\n", max_size=400),
    st.integers(min_value=8, max_value=60),
)
@settings(max_examples=200, deadline=None)
def test_windows_cover_the_text_in_order(text: str, size: int) -> None:
    ws = P.windows(text, size)
    assert ws[0][0] == 0 and ws[-1][1] == len(text)
    for (_a, b), (c, _d) in itertools.pairwise(ws):
        assert b == c
    assert all(0 < e - s <= size for s, e in ws if len(text) > size)


def test_windows_end_after_a_blank_line_when_there_is_one() -> None:
    text = ("word " * 30 + "\n\n") * 10
    for _s, e in P.windows(text, 200)[:-1]:
        assert text[e - 2 : e] == "\n\n"


def test_a_line_without_spaces_is_cut_at_the_window_size() -> None:
    assert P.windows("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_shifted_moves_every_offset_and_nothing_else() -> None:
    e = EventMention(
        "d", 1, 9, 2, 3, "other", time_start=4, time_end=5,
        participants=(Participant("A", "agent", 6, 7),), confidence=0.5,
    )
    m = P._shifted(e, 100)
    assert (m.start, m.end, m.trigger_start, m.trigger_end) == (101, 109, 102, 103)
    assert (m.time_start, m.time_end) == (104, 105)
    assert (m.participants[0].start, m.participants[0].end) == (106, 107)
    assert m.confidence == 0.5 and m.doc_id == "d"
    assert P._shifted(replace(e, time_start=None, time_end=None), 5).time_start is None


def test_a_long_page_analysed_in_windows_keeps_its_offsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = read_text(_page(6), uri="harbour.md", fmt="md")
    pipe = P.build()
    whole = pipe.analyze(doc)
    monkeypatch.setattr(P, "WINDOW_CHARS", 500)
    parts = P.windows(doc.text, 500)
    assert len(parts) > 2
    win = pipe.analyze(doc)
    text = doc.text
    assert win.document is doc
    for m in (*win.times, *win.entities):
        assert text[m.start : m.end] == m.text
    for e in win.events:
        assert 0 <= e.start <= e.trigger_start < e.trigger_end <= e.end <= len(text)
        for p in e.participants:
            assert 0 <= p.start <= p.end <= len(text)
    # the same paragraph in every window: the same findings, window after window
    assert len(win.times) == len(whole.times)
    assert {(t.start, t.timex) for t in win.times} == {(t.start, t.timex) for t in whole.times}
    assert sorted(e.text for e in win.entities) == sorted(e.text for e in whole.entities)
    first_end = parts[0][1]
    assert all(e.start < first_end for e in win.events if e.main)


def test_a_short_page_is_analysed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    pipe = P.build()
    real = pipe._analyze_windows

    def spy(document, config):  # type: ignore[no-untyped-def]
        calls.append(len(document.text))
        return real(document, config)

    monkeypatch.setattr(pipe, "_analyze_windows", spy)
    doc = read_text(_page(2), uri="short.md", fmt="md")
    analysis = pipe.analyze(doc)
    assert calls == []
    assert analysis.sentences and analysis.sentences[-1].end > len(doc.text) // 2


def _regions(sizes: list[int]) -> list[Region]:
    out, pos = [], 0
    for n in sizes:
        out.append(Region("d", pos, pos + n, "narrative"))
        pos += n
    return out


def test_batches_of_ordinary_paragraphs_are_those_of_nlp_pipe() -> None:
    n = 2 * PIPE_BATCH + 3
    size = BATCH_CHARS // (PIPE_BATCH + 1)
    pieces = _regions([size] * n)
    assert [len(g) for g in _batches(pieces)] == [PIPE_BATCH, PIPE_BATCH, 3]


def test_the_parse_does_not_depend_on_the_batches(nlp) -> None:  # type: ignore[no-untyped-def]
    texts = [
        PARAGRAPH,
        "Peter Vane, the mayor, resigned in 1852.",
        "The quay was finished two years later by the Eastport Harbour Company.",
        "Holm died at Westhaven on 9 May 1871.",
    ] * 5

    def parse(batch: int) -> list[list[tuple[str, str, str, int, str, str]]]:
        return [
            [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in d]
            for d in nlp.pipe(texts, batch_size=batch)
        ]

    assert parse(1) == parse(PIPE_BATCH)


def test_batches_of_long_chunks_stay_under_the_character_budget() -> None:
    pieces = _regions([20_000] * 10 + [BATCH_CHARS * 2])
    groups = list(_batches(pieces))
    assert [r for g in groups for r in g] == pieces
    for g in groups:
        assert len(g) == 1 or sum(r.end - r.start for r in g) <= BATCH_CHARS


def _old_paragraph_year(text, resolved, cands, roles):  # type: ignore[no-untyped-def]
    """The rule as it was written before (a scan of every earlier candidate)."""
    counts: dict[int, int] = {}
    for c, role in zip(cands, roles, strict=True):
        if role != "docdate" and isinstance(c.f.get("y"), int):
            counts[int(c.f["y"])] = counts.get(int(c.f["y"]), 0) + 1
    if not counts:
        return resolved
    top = max(counts, key=lambda y: (counts[y], -y))
    out = list(resolved)
    for i, (r, c) in enumerate(zip(resolved, cands, strict=True)):
        if "y" in c.f or not {"m", "d"} <= c.f.keys() or r.value is None or r.kind != "DATE":
            continue
        if r.value.anchor != "narrative":
            continue
        y = TD.civil_from_day(r.value.earliest)[0]
        if y == top or counts.get(top, 0) < 2 * max(1, counts.get(y, 0)):
            continue
        para = max(text.rfind("\n\n", 0, r.start), text.rfind("\n", 0, r.start))
        if any(isinstance(cc.f.get("y"), int) and para < cc.start < r.start for cc in cands[:i]):
            continue
        try:
            out[i] = TD._in_year(r, c, top)
        except ValueError:
            continue
    return out


PIECES = [
    "The treaty was signed on 3 May 1921.",
    "It came into force on 9 June 1921.",
    "On 2 March 1890 the old bridge fell.",
    "Across the river, the new one opened on August 14.",
    "Work resumed on 12 October.",
    "\n\n",
    "\n",
]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
@settings(max_examples=60, deadline=None)
def test_paragraph_year_equals_the_scan(pieces: list[str]) -> None:
    text = " ".join(pieces)
    cands = find_candidates(text)
    roles = ["content"] * len(cands)
    resolved = TD.run(text, None, cands=cands, roles=roles)
    assert TD._paragraph_year(text, resolved, cands, roles) == _old_paragraph_year(
        text, resolved, cands, roles
    )
