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
        "events.p": 0.792,
        "events.r": 0.628,
        "events.f1": 0.701,
        "events_main.p": 0.542,
        "events_main.r": 0.863,
        "dates.exact_rate": 0.91,
        "people.p": 0.937,
        "people.r": 1.0,
        "people.f1": 0.967,
        "people.role_recall": 1.0,
        "conflicts.recall": 0.6,
        "conflicts.precision": 0.888,
        "arguments.participant_recall": 0.6,
        "arguments.place_share": 0.727,
    },
    "test": {
        "events.p": 0.701,
        "events.r": 0.768,
        "events.f1": 0.733,
        "events_main.p": 0.38,
        "events_main.r": 1.0,
        "dates.exact_rate": 0.887,
        "people.p": 0.805,
        "people.r": 0.935,
        "people.f1": 0.865,
        "people.role_recall": 0.736,
        "conflicts.recall": 0.586,
        "conflicts.precision": 0.809,
        "arguments.participant_recall": 0.689,
        "arguments.place_share": 0.6,
    },
    "wide": {
        "events.p": 0.607,
        "events.r": 0.626,
        "events.f1": 0.616,
        "events_main.p": 0.404,
        "events_main.r": 0.8,
        "dates.exact_rate": 0.86,
        "people.p": 0.847,
        "people.r": 0.792,
        "people.f1": 0.818,
        "people.role_recall": 0.54,
        "conflicts.recall": 0.2,
        "conflicts.precision": 0.636,
        "arguments.participant_recall": 0.0,
        "arguments.place_share": 1.0,
    },
    "fresh": {
        "events.p": 0.604,
        "events.r": 0.541,
        "events.f1": 0.571,
        "events_main.p": 0.433,
        "events_main.r": 0.59,
        "dates.exact_rate": 0.958,
        "people.p": 0.9,
        "people.r": 0.931,
        "people.f1": 0.915,
        "people.role_recall": 0.785,
        "conflicts.recall": 0.3,
        "conflicts.precision": 1.0,
        "arguments.participant_recall": 0.666,
        "arguments.place_share": 0.333,
    },
    "fresh2": {
        "events.p": 0.572,
        "events.r": 0.578,
        "events.f1": 0.575,
        "events_main.p": 0.405,
        "events_main.r": 0.744,
        "dates.exact_rate": 0.936,
        "people.p": 0.819,
        "people.r": 0.862,
        "people.f1": 0.84,
        "people.role_recall": 0.868,
        "conflicts.recall": 0.346,
        "conflicts.precision": 0.727,
        "arguments.participant_recall": 0.0,
        "arguments.place_share": 1.0,
    },
}
TRAP_CEILING: dict[str, int] = {"heldout": 0, "test": 0, "wide": 4, "fresh": 0, "fresh2": 2}
FALSE_MERGES_CEILING: dict[str, int] = {"heldout": 1, "test": 2, "wide": 2, "fresh": 1, "fresh2": 3}

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
