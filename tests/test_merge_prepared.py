"""The merge's per-document preparation, made as each analysis arrives
(:mod:`histograph.merge.prepared`): what it gives equals what the merge made itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from histograph.api import Histograph, build_knowledge, regions_marked
from histograph.clean import mark_regions
from histograph.ingest import read_text
from histograph.ingest.dedup import (
    copy_print,
    find_copied_passages,
    find_copies,
    passage_print,
)
from histograph.merge.prepared import Prepared, prepare, prepare_analysed
from histograph.model import Document
from histograph.pipeline import build
from histograph.store import open_store
from histograph.store.memory import MemoryStore

PAGE = (
    "The Siege of Valdora\n\n"
    "On 3 May 1712 the envoy Anton Keller signed a treaty with the duchy of Varnia in "
    "Hollstadt. The council of Varnia met again on 9 June 1712 and ratified the treaty, "
    "while the garrison of Valdora held out against the besiegers for eleven more weeks. "
    "Keller later wrote that the siege had cost the duchy more than the war itself."
)
OTHER = (
    "Letters from Ostrel\n\n"
    "The merchant Lena Vorst left Ostrel on 12 March 1713 with a cargo of salt and wool. "
    "On 2 April 1713 her ship reached the harbour of Calvera, where the governor seized it. "
    "The envoy Anton Keller signed a treaty with the duchy of Varnia in Hollstadt, as the "
    "council of Varnia met again on 9 June 1712 and ratified the treaty, while the garrison "
    "of Valdora held out against the besiegers for eleven more weeks."
)


@pytest.fixture(scope="module")
def analyses() -> list:  # type: ignore[type-arg]
    pipe = build()
    docs = [
        read_text(PAGE, uri="a.txt"),
        read_text(OTHER, uri="b.txt"),
        read_text(PAGE + "\n\nReprinted.", uri="c.txt"),
    ]
    return list(pipe.analyze_many(docs))


def test_the_clean_stage_regions_are_those_copy_detection_marks(analyses: list) -> None:  # type: ignore[type-arg]
    pipe = build()
    for a in analyses:
        assert regions_marked(pipe, a)
        assert list(a.regions) == mark_regions(a.document)
        made = copy_print(a.document, a.regions)
        assert made.shingles == copy_print(a.document).shingles


def test_copies_and_passages_from_prints_equal_those_made_by_the_merge(
    analyses: list,  # type: ignore[type-arg]
) -> None:
    docs = [a.document for a in analyses]
    prepared = Prepared()
    for a in analyses:
        prepared.add(a, regions_marked=True)
    assert find_copies(docs, prints=prepared.copy_prints) == find_copies(docs)
    assert find_copies(docs)  # the reprint is a copy
    got = find_copied_passages(docs, prints=prepared.passage_prints)
    assert got == find_copied_passages(docs)
    assert got  # the treaty passage is shared


def test_a_print_of_another_size_is_made_again() -> None:
    doc = read_text(PAGE, uri="a.txt")
    other = read_text(OTHER, uri="b.txt")
    prints = {doc.id: passage_print(doc.text, ngram=3), other.id: passage_print(other.text, 3)}
    assert find_copied_passages([doc, other], prints=prints) == find_copied_passages([doc, other])


def test_prepared_keeps_no_more_than_its_budget(analyses: list) -> None:  # type: ignore[type-arg]
    small = Prepared(keep_chars=len(analyses[0].document.text))
    for a in analyses:
        small.add(a, regions_marked=True)
    assert len(small) == 1 and analyses[0].document.id in small
    small.clear()
    assert len(small) == 0


def test_the_workers_task_prepares_what_the_parent_would() -> None:
    import pickle

    pipe = build()
    doc = read_text(PAGE + "\n\nReprinted.", uri="c.txt")
    # made on a worker and sent back to the parent (a pickle each way)
    prep = pickle.loads(pickle.dumps(prepare_analysed(pipe, pipe.analyze(doc))))
    a = pipe.analyze(doc)
    made = prepare(a, regions_marked=regions_marked(pipe, a))
    assert prep.analysis == a
    assert prep.keys == made.keys
    assert prep.copy.shingles == made.copy.shingles
    assert list(prep.copy.minhash.hashvalues) == list(made.copy.minhash.hashvalues)
    assert prep.passages.spans == made.passages.spans
    assert list(prep.passages.hashes) == list(made.passages.hashes)


def test_a_preparation_kept_as_it_arrived_counts_once(analyses: list) -> None:  # type: ignore[type-arg]
    kept = Prepared(keep_chars=sum(len(a.document.text) for a in analyses[:2]))
    preps = [prepare(a, regions_marked=True) for a in analyses]
    for p in [*preps, preps[0]]:  # a document arriving twice is kept once
        kept.keep(p)
    assert len(kept) == 2 and kept.get(analyses[0].document.id) is preps[0]
    assert analyses[2].document.id not in kept  # past the budget


@pytest.mark.parametrize("kind", ["sqlite", "memory"])
def test_an_analysis_kept_equals_the_one_the_store_gives_back(
    analyses: list,  # type: ignore[type-arg]
    kind: str,
    tmp_path: Path,
) -> None:
    store = MemoryStore() if kind == "memory" else open_store(str(tmp_path / "s.db"))
    # a page's main mention was not kept by the SQL stores before migration 14 (regression)
    assert any(e.main for a in analyses for e in a.events)
    for a in analyses:
        store.add_analysis(a)
        assert store.analysis(a.document.id) == a
    store.close()


def test_an_add_merges_what_a_rebuild_merges(tmp_path: Path) -> None:
    docs = [read_text(PAGE, uri="a.txt"), read_text(OTHER, uri="b.txt")]
    with Histograph(str(tmp_path / "a.db")) as hg:
        hg.add_documents(docs)
        added = hg.knowledge()
        assert not hg._prepared  # what the add kept is let go after its merge
        hg.rebuild()
        assert hg.knowledge() == added
    assert build_knowledge(docs).events  # the in-memory path takes the prints too


def test_an_add_whose_preparation_fails_merges_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import histograph.merge.prepared as prepared

    docs = [read_text(PAGE, uri="a.txt"), read_text(OTHER, uri="b.txt")]
    with Histograph(str(tmp_path / "a.db")) as hg:
        hg.add_documents(docs)
        expected = hg.knowledge()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no preparation")

    monkeypatch.setattr(prepared, "prepare", broken)
    with Histograph(str(tmp_path / "b.db")) as hg:
        report = hg.add_documents(docs)
        assert report.ok and report.failure is None and len(report.added) == 2
        assert hg.knowledge() == expected


def test_a_merge_of_stored_analyses_takes_their_regions_not_marked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import histograph.clean as clean

    docs = [read_text(PAGE, uri="a.txt"), read_text(OTHER, uri="b.txt")]
    with Histograph(str(tmp_path / "a.db")) as hg:
        hg.add_documents(docs)
        added = hg.knowledge()
        marked: list[str] = []
        real = clean.mark_regions

        def counting(doc: Document) -> object:
            marked.append(doc.id)
            return real(doc)

        monkeypatch.setattr(clean, "mark_regions", counting)
        hg.rebuild()  # every analysis read back from the store
        assert hg.knowledge() == added
        assert marked == []


def test_the_analyses_read_together_equal_those_read_one_by_one(
    analyses: list,  # type: ignore[type-arg]
    tmp_path: Path,
) -> None:
    store = open_store(str(tmp_path / "s.db"))
    for a in analyses:
        store.add_analysis(a)
    ids = [a.document.id for a in reversed(analyses)]
    got = store.analyses_of([*ids, "no-such-document", ids[0]])  # type: ignore[attr-defined]
    assert got == [store.analysis(d) for d in ids]
    store.close()


TOLL_A = (
    "The Battle of Orsk Ford\n\n"
    "The Battle of Orsk Ford was fought on 4 April 1809 near Dunhal. "
    "The battle left 212 dead on the field."
)
TOLL_B = (
    "Orsk Ford\n\n"
    "On 4 April 1809 the Battle of Orsk Ford was fought near Dunhal. "
    "The battle killed about 480 people."
)


def test_the_quantities_prepared_are_those_the_merge_reads_and_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import histograph.merge.quantities as merge_quantities
    from histograph.events.quantities import find_quantities

    docs = [read_text(TOLL_A, uri="a.txt"), read_text(TOLL_B, uri="b.txt")]
    pipe = build()
    for a in pipe.analyze_many(docs):
        assert prepare(a, regions_marked=True).quantities == tuple(find_quantities(a))
    with Histograph(str(tmp_path / "a.db")) as hg:
        hg.add_documents(docs)
        hg.rebuild()  # every analysis read back, its quantities read again
        rebuilt = hg.knowledge()
    calls: list[str] = []
    real = merge_quantities.find_quantities

    def counting(a: object) -> object:
        calls.append(a.document.id)  # type: ignore[attr-defined]
        return real(a)  # type: ignore[arg-type]

    monkeypatch.setattr(merge_quantities, "find_quantities", counting)
    with Histograph(str(tmp_path / "b.db")) as hg:
        hg.add_documents(docs)
        assert hg.knowledge() == rebuilt  # the add merges with the prepared quantities
    assert calls == []


def test_quantity_conflicts_take_the_quantities_found_beforehand() -> None:
    from histograph.events.quantities import find_quantities
    from histograph.merge.quantities import quantity_conflicts
    from histograph.model import Event, EventMention

    pipe = build()
    texts = {"a.txt": "The flood killed about 300 people.", "b.txt": "The flood left 520 dead."}
    analyses = list(pipe.analyze_many(read_text(t, uri=u) for u, t in texts.items()))
    ms = tuple(EventMention(a.document.id, 0, 9, 4, 9, "other") for a in analyses)
    event = Event("e-flood", "other", "The flood", None, ms)
    expected = quantity_conflicts([event], analyses)
    assert expected  # the two tolls disagree
    found = {a.document.id: tuple(find_quantities(a)) for a in analyses}
    assert quantity_conflicts([event], analyses, found) == expected
    # what is given is what is read: a document given no quantities states none
    assert quantity_conflicts([event], analyses, {d: () for d in found}) == []
