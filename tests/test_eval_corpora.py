"""Evaluation floors over the project's own annotated corpora in ``corpora/``.

``corpora/heldout`` was written for this project as a second development corpus;
``corpora/test`` and ``corpora/wide`` (written in the conventions of ../shared/eval-wide: chronology
and on-this-day pages, BC, Old Style and time-zone dates) are held-out test sets that extraction
rules are never tuned on (only measured). Both run in CI (no ../shared needed). Floors are the measured micro figures,
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
        "events.p": 0.831,
        "events.r": 0.608,
        "events.f1": 0.702,
        "events_main.p": 0.612,
        "events_main.r": 0.863,
        "dates.exact_rate": 0.888,
        "people.p": 0.937,
        "people.r": 1.0,
        "people.f1": 0.967,
        "people.role_recall": 1.0,
        "conflicts.recall": 0.48,
        "conflicts.precision": 0.857,
        "arguments.participant_recall": 0.44,
        "arguments.place_share": 0.5,
    },
    "test": {
        "events.p": 0.663,
        "events.r": 0.684,
        "events.f1": 0.673,
        "events_main.p": 0.365,
        "events_main.r": 1.0,
        "dates.exact_rate": 0.843,
        "people.p": 0.783,
        "people.r": 0.935,
        "people.f1": 0.852,
        "people.role_recall": 0.719,
        "conflicts.recall": 0.413,
        "conflicts.precision": 0.705,
        "arguments.participant_recall": 0.487,
        "arguments.place_share": 0.424,
    },
    "wide": {
        "events.p": 0.55,
        "events.r": 0.58,
        "events.f1": 0.565,
        "events_main.p": 0.34,
        "events_main.r": 0.711,
        "dates.exact_rate": 0.851,
        "people.p": 0.824,
        "people.r": 0.792,
        "people.f1": 0.807,
        "people.role_recall": 0.54,
        "conflicts.recall": 0.085,
        "conflicts.precision": 0.235,
        "arguments.participant_recall": 0.0,
        "arguments.place_share": 0.714,
    },
}
TRAP_CEILING: dict[str, int] = {"heldout": 0, "test": 0, "wide": 4}
FALSE_MERGES_CEILING: dict[str, int] = {"heldout": 9, "test": 9, "wide": 3}

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
    assert micro["merges"]["false"] <= FALSE_MERGES_CEILING[name], micro["merges"]
