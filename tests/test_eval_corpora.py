"""Evaluation floors over the project's own annotated corpora in ``corpora/``.

``corpora/heldout`` was written for this project as a second development corpus;
``corpora/test`` is a held-out test set that extraction rules are never tuned on (only
measured). Both run in CI (no ../shared needed). Floors are the measured micro figures,
pinned so that a regression fails the build; measure with
``histograph eval --docs corpora/NAME/docs --gold corpora/NAME/gold --json``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from histograph.eval import run_eval

CORPORA = Path(__file__).resolve().parents[1] / "corpora"

FLOORS: dict[str, dict[str, float]] = {
    "heldout": {
        "events.p": 0.843,
        "events.r": 0.556,
        "events_main.r": 0.863,
        "dates.exact_rate": 0.882,
        "people.f1": 1.0,
        "people.role_recall": 1.0,
        "conflicts.recall": 0.48,
    },
    "test": {
        "events.p": 0.407,
        "events.r": 0.368,
        "events_main.r": 0.684,
        "dates.exact_rate": 0.735,
        "people.f1": 0.753,
        "people.role_recall": 0.596,
        "conflicts.recall": 0.241,
    },
}
TRAP_CEILING: dict[str, int] = {"heldout": 0, "test": 0}

_cache: dict[str, dict[str, Any]] = {}


def _report(name: str) -> dict[str, Any]:
    root = CORPORA / name
    if not (root / "docs" / "index.jsonl").exists():
        pytest.skip(f"corpus {root} is absent")
    if name not in _cache:
        _cache[name] = run_eval(root / "docs", root / "gold")
    return _cache[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floors(name: str) -> None:
    report = _report(name)
    assert "errors" not in report, report.get("errors")
    micro = report["micro"]
    low = {
        metric: micro[metric.split(".")[0]][metric.split(".")[1]]
        for metric, floor in FLOORS[name].items()
        if micro[metric.split(".")[0]][metric.split(".")[1]] < floor
    }
    assert not low, f"{name}: below floor: {low}"
    assert micro["traps"]["hits"] <= TRAP_CEILING[name], micro["traps"]["non_events_hit"]
