"""benchmarks/largedoc.py without its children: the shapes it writes, and the ratio to
prose of a run given prose's rate (``--prose-rate``: prose is not analysed again)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "largedoc.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_largedoc", BENCH)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_largedoc"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(
    "shape", ["prose", "oneline", "repeated", "dates", "front", "table", "list", "nospace"]
)
def test_every_shape_is_about_the_size_asked(bench: ModuleType, shape: str) -> None:
    name, text = bench.make(shape, 40_000)
    assert name.startswith(shape)
    assert 30_000 <= len(text) <= 44_000


def test_a_given_prose_rate_spares_the_prose_run(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[str] = []

    def measure(path: str, timeout: float) -> dict[str, Any]:
        ran.append(Path(path).name)
        return {"seconds": 2.0, "words": 1000, "chars": 6000, "peak_mb": 10.0, "stages": {}}

    monkeypatch.setattr(bench, "measure", measure)
    assert bench.main(["--mb", "0.01", "--shape", "list", "--prose-rate", "1000", "--json"]) == 0
    assert ran == ["list.md"]
    out = capsys.readouterr()
    assert '"ratio_vs_prose": 0.5' in out.out
    assert "list@0.01MB" in out.err  # each result as it comes
