"""The Dask engine: ``ingest --dask local`` (a LocalCluster with worker processes) stores
the same knowledge base as the serial ingest, idempotently, in any completion order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from histograph.api import Histograph
from histograph.cli import app
from histograph.dask_engine import DaskEngine, DaskUnavailable
from histograph.ingest import read_paths
from histograph.model import Document
from histograph.pipeline import build
from histograph.render.export import export

pytest.importorskip("distributed", reason="Dask distributed is not installed (.[dask])")

pytestmark = pytest.mark.slow

PAGES = {
    "harbour.txt": (
        "The Harbour Bridge of Norvik opened on 3 May 1921. Mayor Anna Lind cut the ribbon "
        "before a crowd of ten thousand people.\n\nThe bridge was closed in 1978 for repairs."
    ),
    "strike.md": (
        "# The dock strike\n\nOn 12 June 1921 the dockers of Norvik went on strike. The strike "
        "ended on 2 July 1921, when Mayor Anna Lind signed an agreement with the union."
    ),
    "fire.txt": (
        "A fire destroyed the old town hall of Norvik on 9 January 1934. Nobody was hurt. "
        "The council met in the library until 1936."
    ),
    "bridge-again.txt": (
        "Anna Lind, mayor of Norvik, opened the Harbour Bridge in May 1921. She was elected "
        "in 1919."
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine() -> Iterator[DaskEngine]:
    """One LocalCluster (a scheduler and two worker processes) for the module."""
    with DaskEngine("local", workers=2) as e:
        yield e


def _knowledge(db: Path, corpus: Path, **how: Any) -> tuple[str, list[str]]:
    with Histograph(db) as hg:
        report = hg.ingest([str(corpus)], **how)
        assert not report.errors and report.failure is None
        return export(hg, "json"), sorted(d.uri for d in report.added)


def test_dask_equals_serial_and_is_idempotent(
    corpus: Path, tmp_path: Path, engine: DaskEngine
) -> None:
    serial, added_serial = _knowledge(tmp_path / "serial.db", corpus)
    dask, added_dask = _knowledge(tmp_path / "dask.db", corpus, dask=engine)
    assert added_dask == added_serial and len(added_dask) == len(PAGES)
    assert dask == serial
    # the command line, with the scheduler's address: every document is already stored
    db = tmp_path / "dask.db"
    result = CliRunner().invoke(
        app, ["ingest", str(corpus), "--db", str(db), "--dask", engine.scheduler_address]
    )
    assert result.exit_code == 0, result.output
    assert f"0 new document(s), {len(PAGES)} already known" in result.output
    with Histograph(db) as hg:
        assert export(hg, "json") == serial


def test_engine_streams_every_document_with_its_failure(
    corpus: Path, engine: DaskEngine
) -> None:
    docs = [d for d in read_paths([str(corpus)]) if isinstance(d, Document)]
    bad = Document(id="x" * 64, uri="broken.txt", text=None, format="txt")  # type: ignore[arg-type]
    names = build().names
    pids = engine.warm(names)
    assert len(set(pids)) == 2  # two worker processes, each with the pipeline loaded
    results = {d.uri: r for d, r in engine.analyze_each(names, [*docs, bad])}
    assert set(results) == {*(d.uri for d in docs), "broken.txt"}
    assert isinstance(results["broken.txt"], Exception)
    for d in docs:
        analysis = results[d.uri]
        assert not isinstance(analysis, Exception) and analysis.document == d


def test_unreachable_scheduler_is_one_line(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(DaskUnavailable, match=r"^E020 cannot reach the Dask scheduler"):
        DaskEngine("tcp://127.0.0.1:9", timeout=1)
