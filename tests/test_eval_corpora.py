"""Evaluation floors over the project's own annotated corpora in ``corpora/``.

``corpora/heldout`` was written for this project as a second development corpus;
``corpora/test``, ``corpora/wide`` (written in the conventions of ../shared/eval-wide: chronology
and on-this-day pages, BC, Old Style and time-zone dates), ``corpora/fresh`` and ``corpora/fresh2``
(each written during a round, blind to every engineer who changed extraction that round and
after) are held-out test sets that
extraction rules are never tuned on (only measured). All run in CI (no ../shared needed). Floors are
the measured micro figures, pinned so that a regression fails the build; measure with
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
        "events.p": 0.81,
        "events.r": 0.618,
        "events.f1": 0.701,
        "events_main.p": 0.575,
        "events_main.r": 0.863,
        "dates.exact_rate": 0.909,
        "people.p": 0.937,
        "people.r": 1.0,
        "people.f1": 0.967,
        "people.role_recall": 1.0,
        "conflicts.recall": 0.52,
        "conflicts.precision": 0.866,
        "arguments.participant_recall": 0.531,
        "arguments.place_share": 0.531,
    },
    "test": {
        "events.p": 0.685,
        "events.r": 0.757,
        "events.f1": 0.72,
        "events_main.p": 0.365,
        "events_main.r": 1.0,
        "dates.exact_rate": 0.871,
        "people.p": 0.783,
        "people.r": 0.935,
        "people.f1": 0.852,
        "people.role_recall": 0.719,
        "conflicts.recall": 0.551,
        "conflicts.precision": 0.8,
        "arguments.participant_recall": 0.552,
        "arguments.place_share": 0.411,
    },
    "wide": {
        "events.p": 0.569,
        "events.r": 0.595,
        "events.f1": 0.582,
        "events_main.p": 0.358,
        "events_main.r": 0.733,
        "dates.exact_rate": 0.853,
        "people.p": 0.824,
        "people.r": 0.792,
        "people.f1": 0.807,
        "people.role_recall": 0.54,
        "conflicts.recall": 0.085,
        "conflicts.precision": 0.235,
        "arguments.participant_recall": 0.0,
        "arguments.place_share": 0.714,
    },
    "fresh": {
        "events.p": 0.604,
        "events.r": 0.541,
        "events.f1": 0.571,
        "events_main.p": 0.433,
        "events_main.r": 0.59,
        "dates.exact_rate": 0.958,
        "people.p": 0.843,
        "people.r": 0.931,
        "people.f1": 0.885,
        "people.role_recall": 0.785,
        "conflicts.recall": 0.1,
        "conflicts.precision": 0.333,
        "arguments.participant_recall": 0.666,
        "arguments.place_share": 0.277,
    },
}
TRAP_CEILING: dict[str, int] = {"heldout": 0, "test": 0, "wide": 4, "fresh": 0}
FALSE_MERGES_CEILING: dict[str, int] = {"heldout": 6, "test": 8, "wide": 2, "fresh": 1}

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
