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
        "events.p": 0.843,
        "events.r": 0.556,
        "events.f1": 0.67,
        "events_main.p": 0.655,
        "events_main.r": 0.863,
        "dates.exact_rate": 0.882,
        "people.p": 0.937,
        "people.r": 1.0,
        "people.f1": 0.967,
        "people.role_recall": 1.0,
        "conflicts.recall": 0.48,
        "conflicts.precision": 0.8,
        "arguments.participant_recall": 0.407,
        "arguments.place_share": 0.354,
    },
    "test": {
        "events.p": 0.494,
        "events.r": 0.452,
        "events.f1": 0.472,
        "events_main.p": 0.254,
        "events_main.r": 0.789,
        "dates.exact_rate": 0.738,
        "people.p": 0.674,
        "people.r": 0.935,
        "people.f1": 0.783,
        "people.role_recall": 0.614,
        "conflicts.recall": 0.275,
        "conflicts.precision": 0.411,
        "arguments.participant_recall": 0.472,
        "arguments.place_share": 0.318,
    },
    "wide": {
        "events.p": 0.465,
        "events.r": 0.465,
        "events.f1": 0.465,
        "events_main.p": 0.27,
        "events_main.r": 0.577,
        "dates.exact_rate": 0.8,
        "people.p": 0.789,
        "people.r": 0.779,
        "people.f1": 0.784,
        "people.role_recall": 0.459,
        "conflicts.recall": 0.114,
        "conflicts.precision": 0.263,
        "arguments.participant_recall": 0.0,
        "arguments.place_share": 0.5,
    },
}
TRAP_CEILING: dict[str, int] = {"heldout": 0, "test": 0, "wide": 4}
FALSE_MERGES_CEILING: dict[str, int] = {"heldout": 12, "test": 13, "wide": 6}

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
