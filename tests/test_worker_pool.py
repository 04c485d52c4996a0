"""A warmed, reusable pool of worker processes (start-up paid once, outside a timed ingest)."""

from __future__ import annotations

import pytest

from histograph.api import Histograph
from histograph.ingest import read_text
from histograph.merge.prepared import DocPrep, Prepared, prepare_analysed
from histograph.model import Analysis
from histograph.pipeline import WorkerPool, analyze_each, build
from histograph.render.export import export

pytestmark = pytest.mark.slow

TEXT = """The harbour bridge

The council of the town opened the harbour bridge in March 1902. On 4 July 1903 the
mayor, Olof Brandt, closed it after a storm.
"""


def test_warmed_pool_is_reused_and_equals_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [read_text(TEXT.replace("1903", str(1903 + i)), f"b{i}.txt") for i in range(3)]
    serial = Histograph(":memory:")
    serial.add_documents(docs)
    # with workers, the merge's preparation of each analysis is made on the worker
    made_here: list[str] = []
    add = Prepared.add

    def spy(self: Prepared, analysis: Analysis, *, regions_marked: bool) -> DocPrep:
        made_here.append(analysis.document.uri)
        return add(self, analysis, regions_marked=regions_marked)

    monkeypatch.setattr(Prepared, "add", spy)
    with WorkerPool(build().names, 2) as pool:
        # both workers started and ran the task an ingest sends them
        assert len(pool.warm(task=prepare_analysed)) == 2
        first, second = Histograph(":memory:"), Histograph(":memory:")
        report = first.add_documents(docs[:2], jobs=pool)
        assert len(report.added) == 2
        report = second.add_documents(docs, jobs=pool)  # the same pool, a second ingest
        assert len(report.added) == 3
        assert export(second, "json") == export(serial, "json")
    assert list(serial.store.analyses()) == list(second.store.analyses())
    assert made_here == []  # none made in this process


def test_pool_of_other_stages_is_refused() -> None:
    with WorkerPool(build().names[:2], 1) as pool, pytest.raises(ValueError, match="E002"):
        list(analyze_each(build(), [read_text(TEXT, "x.txt")], pool))
