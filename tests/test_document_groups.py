"""Documents analysed in groups: spaCy parses a group's regions together, the findings are
those of each document analysed alone, and one bad document never spoils its group."""

from __future__ import annotations

import dataclasses

import pytest

from histograph import pipeline as P
from histograph.ingest import read_text
from histograph.model import Document
from histograph.registry import get_stage
from histograph.state import DocState

PAGES = [
    "The old mill\n\nThe mill at Larkfield burned on 3 May 1871. The owner, Tomas Reed, "
    "rebuilt it two years later.",
    "A new harbour\n\n- 1902: the council of Eastby opened the harbour.\n"
    "- 1903: a storm closed it for a month.",
    "Mayor Ida Brandt signed the charter in June 1920, and the town held its first fair "
    "the next spring.",
]


def _docs() -> list[Document]:
    return [read_text(t, uri=f"p{i}.md", fmt="md") for i, t in enumerate(PAGES)]


def test_groups_cut_at_the_character_and_document_budgets() -> None:
    docs = [read_text("x" * n, uri=f"d{i}.txt") for i, n in enumerate([5, 5, 5, 20, 3])]
    sizes = [[len(d.text) for d in g] for g in P.document_groups(docs, chars=12, count=2)]
    assert sizes == [[5, 5], [5], [20], [3]]


def test_a_group_gives_what_each_document_gives_alone() -> None:
    pipe = P.build()
    docs = _docs()
    alone = [pipe._analyze_whole(d, {}) for d in docs]
    together = [a for _, a in pipe.analyze_each(docs)]
    assert together == alone
    assert all(a.sentences and a.times for a in together)


def test_the_parse_of_a_group_runs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = get_stage("histograph.nlp.v1")
    assert nlp.batch_fn is not None
    calls: list[int] = []

    def batch(states):  # type: ignore[no-untyped-def]
        calls.append(len(states))
        return nlp.batch_fn(states)  # type: ignore[misc]

    pipe = P.build()
    k = pipe.names.index(nlp.name)
    pipe.stages[k] = dataclasses.replace(nlp, batch_fn=batch)
    assert len(list(pipe.analyze_each(_docs()))) == 3
    assert calls == [3]


def test_one_failing_document_leaves_the_rest_of_its_group(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stage that fails on one document (in its group form too): that document gets the
    error, the others their analyses, in input order."""
    nlp = get_stage("histograph.nlp.v1")
    assert nlp.batch_fn is not None

    def one(state: DocState) -> None:
        if "harbour" in state.document.text:
            raise ValueError("bad page")
        nlp.fn(state)

    def many(states):  # type: ignore[no-untyped-def]
        if any("harbour" in s.document.text for s in states):
            raise ValueError("bad page")
        nlp.batch_fn(states)  # type: ignore[misc]

    pipe = P.build()
    alone = [pipe._analyze_whole(d, {}) for d in _docs()]
    k = pipe.names.index(nlp.name)
    pipe.stages[k] = dataclasses.replace(nlp, fn=one, batch_fn=many)
    out = list(pipe.analyze_each(_docs()))
    assert [d.uri for d, _ in out] == ["p0.md", "p1.md", "p2.md"]
    assert isinstance(out[1][1], ValueError)
    assert [out[0][1], out[2][1]] == [alone[0], alone[2]]
    with pytest.raises(ValueError, match="bad page"):
        list(pipe.analyze_many(_docs()))


def test_the_regions_of_two_groups_of_pages_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page is cleaned when read, by the clean stage after its whole group is read, and by
    the near-duplicate check after the group: the regions of two groups are kept."""
    from histograph import clean

    marks: list[str] = []
    real = clean._mark

    def spy(text: str, doc_id: str):  # type: ignore[no-untyped-def]
        marks.append(doc_id)
        return real(text, doc_id)

    monkeypatch.setattr(clean, "_mark", spy)
    pages = [
        (f"Page {i}\n\nThe town hall of Ashby burned in {1800 + i}.", f"g{i}")
        for i in range(2 * P.GROUP_DOCUMENTS)
    ]
    first = [clean.mark_text_regions(t, d) for t, d in pages]
    again = [clean.mark_text_regions(t, d) for t, d in pages]
    assert again == first
    assert marks == [d for _, d in pages]  # each page marked once
