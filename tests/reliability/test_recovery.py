"""The knowledge base stays consistent with its documents: unfinished merges are repaired,
changed files replace their earlier version, documents can be removed (issue 10)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from histograph.api import Histograph
from histograph.store import open_store

#: no spaCy: the freshness and version rules do not depend on what the analysis finds
FAST = ("histograph.clean.v1",)


def _hg(db: str | Path) -> Histograph:
    return Histograph(str(db), stages=FAST)


def _write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("backend", ["sqlite", "memory"])
def test_an_unfinished_merge_is_detected_and_redone(tmp_path: Path, backend: str) -> None:
    db = str(tmp_path / "k.db") if backend == "sqlite" else ":memory:"
    doc = _write(tmp_path / "d" / "a.txt", "The council met on 4 May 1902.\n")
    hg = _hg(db)
    calls: list[int] = []
    real = hg.refresh
    hg.refresh = lambda: calls.append(1)  # type: ignore[method-assign,assignment,return-value]
    hg.ingest([str(doc)])  # "crashes" before the merge
    assert calls and hg.needs_rebuild()
    hg.refresh = real  # type: ignore[method-assign]
    report = hg.ingest([str(doc)])  # a re-run: nothing new, but the merge is redone
    assert report.rebuilt and not report.added and not hg.needs_rebuild()


def test_a_failing_swap_leaves_the_old_knowledge_and_is_repaired(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    a = _write(tmp_path / "d" / "a.txt", "The council met on 4 May 1902.\n")
    with _hg(db) as hg:
        hg.ingest([str(a)])
        assert not hg.needs_rebuild()
    b = _write(tmp_path / "d" / "b.txt", "The fleet sailed on 9 June 1903.\n")
    with _hg(db) as hg:
        store = hg.store
        real = store.replace_knowledge

        def boom(*args: object, **kw: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        store.replace_knowledge = boom  # type: ignore[method-assign,assignment]
        report = hg.ingest([str(b)])
        assert report.failure and "disk is full" in report.failure and not report.ok
        assert [d.uri for d in report.added] == [str(b)]  # the analysis itself is kept
        assert hg.needs_rebuild()
        store.replace_knowledge = real  # type: ignore[method-assign]
    with _hg(db) as hg:
        assert hg.ingest([str(b)]).rebuilt
        assert not hg.needs_rebuild()


def test_a_database_from_before_the_freshness_counters_is_merged_once(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    a = _write(tmp_path / "a.txt", "The council met on 4 May 1902.\n")
    with _hg(db) as hg:
        hg.ingest([str(a)])
    conn = sqlite3.connect(db)  # as migration 5 leaves a file that held documents
    conn.execute("UPDATE store_state SET value = 0 WHERE key = 'knowledge_generation'")
    conn.commit()
    conn.close()
    with _hg(db) as hg:
        assert hg.needs_rebuild()
        hg.rebuild()
        assert not hg.needs_rebuild()


@pytest.mark.parametrize("backend", ["sqlite", "memory"])
def test_a_changed_file_replaces_its_earlier_version(tmp_path: Path, backend: str) -> None:
    db = str(tmp_path / "k.db") if backend == "sqlite" else ":memory:"
    doc = _write(tmp_path / "d" / "a.txt", "The council met on 4 May 1902.\n")
    hg = _hg(db)
    first = hg.ingest([str(doc)]).added[0]
    _write(doc, "The council met on 5 May 1902.\n")
    report = hg.ingest([str(tmp_path / "d")])
    assert [d.uri for d in report.replaced] == [str(doc)]
    assert [d.text for d in hg.sources()] == ["The council met on 5 May 1902.\n"]
    (v,) = hg.versions()
    assert (v.uri, v.old_id, v.change) == (str(doc), first.id, "replaced")
    assert v.new_id == report.added[0].id
    assert not hg.needs_rebuild()
    # the same file again is a no-op; the old text again is a new version
    assert not hg.ingest([str(doc)]).added
    _write(doc, "The council met on 4 May 1902.\n")
    assert hg.ingest([str(doc)]).replaced
    assert len(hg.sources()) == 1


def test_records_of_a_json_lines_file_are_versioned_one_by_one(tmp_path: Path) -> None:
    f = tmp_path / "r.jsonl"
    f.write_text('{"text": "The fleet sailed in 1801."}\n{"text": "A fire in 1866."}\n')
    hg = _hg(tmp_path / "k.db")
    hg.ingest([str(f)])
    f.write_text('{"text": "The fleet sailed in 1802."}\n{"text": "A fire in 1866."}\n')
    report = hg.ingest([str(f)])
    assert [d.uri for d in report.replaced] == [f"{f}#1"]
    assert sorted(d.text for d in hg.sources()) == ["A fire in 1866.", "The fleet sailed in 1802."]


def test_standard_input_and_api_documents_are_never_replaced(tmp_path: Path) -> None:
    from histograph.ingest import read_text

    hg = _hg(tmp_path / "k.db")
    hg.add_documents([read_text("One text about 1900.", "same-name")])
    hg.add_documents([read_text("Another text about 1901.", "same-name")])
    assert len(hg.sources()) == 2


def test_remove_by_path_id_and_folder(tmp_path: Path) -> None:
    d = tmp_path / "d"
    a = _write(d / "a.txt", "The council met on 4 May 1902.\n")
    _write(d / "sub" / "b.txt", "The fleet sailed on 9 June 1903.\n")
    _write(d / "sub" / "c.txt", "A fire broke out on 2 August 1866.\n")
    hg = _hg(tmp_path / "k.db")
    docs = hg.ingest([str(d)]).added
    report = hg.remove([str(a), "nothing-like-this"])
    assert [x.uri for x in report.removed] == [str(a)] and report.unknown == ["nothing-like-this"]
    report = hg.remove([str(d / "sub")])
    assert len(report.removed) == 2 and hg.sources() == []
    assert [v.change for v in hg.versions()] == ["removed"] * 3
    hg.ingest([str(a)])
    (doc,) = hg.sources()
    assert hg.remove([doc.id[:8]]).removed == [doc] and doc.id in {x.id for x in docs}


def test_concurrent_ingests_do_not_count_a_document_twice(tmp_path: Path) -> None:
    from histograph.ingest import read_text

    db = tmp_path / "k.db"
    doc = read_text("The council met on 4 May 1902.", "a.txt")
    one, two = _hg(db), _hg(db)
    analysis = one.pipeline.analyze(doc)
    two.store.add_analysis(analysis)  # the other process stores it first
    report = one.add_documents([doc])
    assert not report.added and [d.id for d in report.duplicates] == [doc.id]


def test_a_read_only_location_is_opened_immutable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "k.db"
    with _hg(db) as hg:
        hg.ingest([str(_write(tmp_path / "a.txt", "The council met in 1902.\n"))])
    real = sqlite3.connect
    seen: list[str] = []

    def connect(target: str, *args: object, **kw: object) -> sqlite3.Connection:
        seen.append(str(target))
        if "mode=ro" in str(target):  # as on read-only media: no -shm can be made
            closed = real(":memory:")
            closed.close()
            return closed  # its first query fails
        return real(target, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", connect)
    store = open_store(str(db), readonly=True)
    assert any("immutable=1" in s for s in seen)
    assert len(store.documents()) == 1
    store.close()


def test_two_concurrent_ingest_processes_count_each_document_once(tmp_path: Path) -> None:
    """Two processes ingest one folder into one file at the same time: every document is
    new to exactly one of them, and the knowledge is that of one clean run."""
    import json
    import subprocess
    import sys

    d = tmp_path / "d"
    for i in range(30):
        _write(d / f"t{i:02d}.txt", f"The council of town {i} met on {i % 28 + 1} May 1902.\n")
    db = tmp_path / "k.db"
    with _hg(db):
        pass  # created first: the race is over documents, not over the schema
    code = (
        "import json, sys\nfrom histograph.api import Histograph\n"
        f"h = Histograph(sys.argv[1], stages={FAST!r})\nr = h.ingest([sys.argv[2]])\n"
        "print(json.dumps([len(r.added), len(r.duplicates), len(r.errors), r.failure]))\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(db), str(d)], stdout=subprocess.PIPE)
        for _ in range(2)
    ]
    results = [json.loads(p.communicate(timeout=600)[0]) for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert sum(r[0] for r in results) == 30, results  # added
    assert sum(r[1] for r in results) == 30, results  # known to the other one
    assert all(r[2] == 0 and r[3] is None for r in results), results
    with _hg(db) as hg, _hg(tmp_path / "clean.db") as clean:
        assert not hg.needs_rebuild()
        clean.ingest([str(d)])
        assert sorted(x.id for x in hg.sources()) == sorted(x.id for x in clean.sources())
        assert hg.store.stats() == clean.store.stats()
