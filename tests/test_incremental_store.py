"""An add writes what its components change and reads no more of the store than it needs:
people and conflicts of a scoped merge are placed among the stored rows by bisection
(:func:`histograph.store.diff.neighbours`), copy links of other documents stay where they are,
and the result still equals a merge from scratch (the ``export --format json`` hash)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from histograph.api import Histograph
from histograph.model import Analysis, Document, KnowledgeBase
from histograph.render.export import export
from histograph.store import diff as D
from histograph.store.sqlite import SQLiteStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from incremental import episodes_corpus


def _hash(hg: Histograph) -> str:
    return hashlib.sha256(export(hg, "json").encode("utf-8")).hexdigest()


def _scratch(tmp: Path, name: str, analyses: list[Analysis]) -> str:
    with Histograph(str(tmp / name)) as hg:
        hg.store.replace_knowledge(KnowledgeBase(analyses=tuple(analyses)))
        hg.rebuild()
        return _hash(hg)


def _copy(a: Analysis, doc_id: str) -> Analysis:
    from dataclasses import replace

    def re(xs: tuple[object, ...]) -> tuple[object, ...]:
        return tuple(replace(x, doc_id=doc_id) for x in xs)  # type: ignore[type-var]

    doc = Document(doc_id, f"gen://{doc_id}", a.document.text, "txt")
    return Analysis(
        document=doc,
        regions=re(a.regions),  # type: ignore[arg-type]
        times=re(a.times),  # type: ignore[arg-type]
        entities=re(a.entities),  # type: ignore[arg-type]
        events=re(a.events),  # type: ignore[arg-type]
    )


def test_episodes_added_in_batches_equal_one_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored, new = episodes_corpus(160, seed=5)
    everything = [*stored, *new]
    batches = [everything[k::4] for k in range(4)]  # each episode's pages in several batches
    planned: list[int] = []
    real = D.scoped_plan

    def counting(*args: object, **kwargs: object) -> D.Plan:
        plan = real(*args, **kwargs)  # type: ignore[arg-type]
        planned.append(len(plan.insert))
        return plan

    monkeypatch.setattr(D, "scoped_plan", counting)
    with Histograph(str(tmp_path / "inc.db")) as hg:
        for k, batch in enumerate(batches):
            if k == 1:  # from now on every merge is one of some components
                monkeypatch.setattr(hg, "_merge", lambda *a: pytest.fail("merged everything"))
            for a in batch:
                hg.store.add_analysis(a)
            hg.refresh()
        assert planned and any(planned)  # people and conflicts placed by bisection
        assert _hash(hg) == _scratch(tmp_path, "all.db", everything)
        gone = {a.document.id for a in batches[2][:3]}
        hg.remove(sorted(gone))
        rest = [a for a in everything if a.document.id not in gone]
        assert _hash(hg) == _scratch(tmp_path, "rest.db", rest)


def test_copy_links_of_other_components_stay_in_order(tmp_path: Path) -> None:
    stored, _ = episodes_corpus(40, seed=9)
    first, last = stored[0], stored[-1]  # two episodes of their own
    long_first = max((a for a in stored[:5]), key=lambda a: len(a.document.text))
    long_last = max((a for a in stored[-5:]), key=lambda a: len(a.document.text))
    assert first.document.id[:7] != last.document.id[:7]
    twice = [*stored, _copy(long_first, "zz-copy-0"), _copy(long_last, "aa-copy-1")]
    with Histograph(str(tmp_path / "inc.db")) as hg:
        for a in twice[:-1]:
            hg.store.add_analysis(a)
        hg.refresh()
        before = hg.copies()
        hg.store.add_analysis(twice[-1])
        hg.refresh()
        found = hg.copies()
        assert before and set(before) < set(found)  # the other component's links stay
        pairs = [(c.doc_id, c.source_id) for c in found]
        assert pairs == sorted(pairs)
        assert _hash(hg) == _scratch(tmp_path, "all.db", twice)


def _bisect(rows: list[tuple[tuple[object, ...], float]], key: tuple[object, ...]) -> object:
    reads: list[float] = []

    def ends() -> tuple[D.Row, D.Row] | None:
        return (rows[0], rows[-1]) if rows else None

    def between(lo: float, mid: float, hi: float) -> D.Row | None:
        reads.append(mid)
        after = [r for r in rows if lo < r[1] < hi and r[1] >= mid]
        if after:
            return after[0]
        before = [r for r in rows if lo < r[1] < mid]
        return before[-1] if before else None

    got = D.neighbours(key, ends, between)
    assert len(reads) <= 2 * len(rows).bit_length() + 4  # a bisection, not a scan
    return got


def test_neighbours_finds_the_stored_rows_around_a_key() -> None:
    rows: list[tuple[tuple[object, ...], float]] = [
        ((f"name{i:04d}",), float(i)) for i in range(0, 2000, 2)
    ]
    rows.insert(3, (("name0005",), 5.0))  # a row placed between two others earlier
    assert _bisect(rows, ("name0007",)) == (6.0, 8.0)
    assert _bisect(rows, ("name0005",)) == 5.0
    assert _bisect(rows, ("name0004x",)) == (4.0, 5.0)
    assert _bisect(rows, ("name1500x",)) == (1500.0, 1502.0)
    assert _bisect(rows, ("a",)) == (None, 0.0)
    assert _bisect(rows, ("zz",)) == (1998.0, None)
    assert _bisect([], ("a",)) == (None, None)


def test_scoped_plan_shares_a_gap_and_keeps_unchanged_rows() -> None:
    keys = {"b": ("b",), "c": ("c",), "k": ("k",)}
    digests = {"b": b"1", "c": b"2", "k": b"3"}
    stored = {"k": (b"3", 7.0), "old": (b"9", 5.0)}

    def place(key: tuple[object, ...]) -> tuple[float | None, float | None] | float:
        return (1.0, 2.0)

    plan = D.scoped_plan(keys, digests, stored, place)
    assert plan.delete == ("old",)
    assert plan.insert == {"b": pytest.approx(1 + 1 / 3), "c": pytest.approx(1 + 2 / 3)}
    assert set(plan.digests) == {"b", "c"} and not plan.move
    with pytest.raises(D.NoRoom):
        D.scoped_plan({"x": ("x",), "y": ("y",)}, {"x": b"", "y": b""}, {}, lambda k: (1.0, 1.0))


def test_no_room_between_rows_falls_back_to_renumbering(tmp_path: Path) -> None:
    stored, new = episodes_corpus(40, seed=2)
    with Histograph(str(tmp_path / "inc.db")) as hg:
        for a in stored:
            hg.store.add_analysis(a)
        hg.refresh()
        assert isinstance(hg.store, SQLiteStore)
        real = D.neighbours

        def crowded(*args: object, **kwargs: object) -> object:
            raise D.NoRoom("E035 no room")

        D.neighbours = crowded  # type: ignore[assignment]
        try:
            for a in new:
                hg.store.add_analysis(a)
            hg.refresh()
        finally:
            D.neighbours = real
        assert _hash(hg) == _scratch(tmp_path, "all.db", [*stored, *new])
