"""Smoke test of benchmarks/merge.py at tiny sizes (no timing assertions)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "merge.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_merge", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_merge"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_generated_corpus_is_realistic_and_deterministic(bench: ModuleType) -> None:
    a = bench.generate_corpus(400, seed=3)
    b = bench.generate_corpus(400, seed=3)
    assert a.mentions == b.mentions >= 400
    assert [x.document.text for x in a.analyses] == [x.document.text for x in b.analyses]
    types = {m.type for x in a.analyses for m in x.events}
    assert len(types) >= 8
    precisions = {m.time.precision for x in a.analyses for m in x.events if m.time}
    assert {"day", "month", "year"} <= precisions
    assert any(m.time is None for x in a.analyses for m in x.events)
    assert a.copies and a.passages and a.people
    for x in a.analyses:  # every span is inside its text
        for m in x.events:
            assert 0 <= m.start <= m.trigger_start < m.trigger_end <= len(x.document.text)


def test_measure_event_merge_and_full_merge(bench: ModuleType) -> None:
    row = bench.measure(300, seed=1)
    assert row["n"] >= 300 and row["events"] > 0 and row["seconds"] >= 0
    full = bench.measure(300, seed=1, full=True)
    assert {"passages_s", "people_s", "events_s"} <= set(full)


def test_fit_and_table(bench: ModuleType) -> None:
    rows = [
        {
            "n": 1000,
            "documents": 50,
            "seconds": 1.0,
            "s_per_1k": 1.0,
            "peak_mb": 10.0,
            "events": 1,
            "conflicts": 0,
        },
        {
            "n": 10000,
            "documents": 500,
            "seconds": 10.0,
            "s_per_1k": 1.0,
            "peak_mb": 20.0,
            "events": 9,
            "conflicts": 1,
        },
    ]
    b = bench.fit_exponent(rows)
    assert b is not None and abs(b - 1.0) < 1e-9
    out = bench.table(rows, b)
    assert "fitted exponent" in out and "10000" in out
    assert bench.sizes(1000, 100000, 3) == [1000, 10000, 100000]


def test_main_runs_inline(bench: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--min", "200", "--max", "400", "--steps", "2", "--inline"]) == 0
    assert "fitted exponent" in capsys.readouterr().out
