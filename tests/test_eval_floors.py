"""Evaluation floors over the shared development corpora (skipped when ../shared is absent).

``../shared/eval`` holds the five 1933 development pages; ``../shared/eval-wide`` 27 real pages of
five episodes (1066–1947), a chronology page and an on-this-day page. The lead pins the achieved
micro figures here (rounded down), so that a regression fails the run. Measure with
``histograph eval --docs ../shared/NAME/docs --gold ../shared/NAME/gold --json``.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import shared_path
from histograph.eval import run_eval

# Floors: corpus -> "<section>.<key>" of the micro result -> lowest accepted value.
FLOORS: dict[str, dict[str, float]] = {
    "eval": {
        "events.p": 1.0,
        "events.r": 0.74,
        "events.f1": 0.85,
        "events_main.p": 1.0,
        "events_main.r": 1.0,
        "dates.exact_rate": 1.0,
        "people.p": 1.0,
        "people.r": 1.0,
        "people.f1": 1.0,
        "people.role_recall": 1.0,
        "conflicts.recall": 0.666,
        "conflicts.precision": 1.0,
        "arguments.participant_recall": 0.746,
        "arguments.place_share": 0.687,
    },
    "eval-wide": {
        "events.p": 0.803,
        "events.r": 0.748,
        "events.f1": 0.774,
        "events_main.p": 0.688,
        "events_main.r": 0.963,
        "dates.exact_rate": 0.891,
        "people.p": 0.962,
        "people.r": 0.98,
        "people.f1": 0.971,
        "people.role_recall": 0.857,
        "conflicts.recall": 0.594,
        "conflicts.precision": 0.857,
        "arguments.participant_recall": 0.706,
        "arguments.place_share": 0.7,
    },
}
#: at most this many trap hits and false merges per corpus
TRAP_HITS_CEILING: dict[str, int] = {"eval": 0, "eval-wide": 0}
FALSE_MERGES_CEILING: dict[str, int] = {"eval": 1, "eval-wide": 1}

_cache: dict[str, dict[str, Any]] = {}


def _report(name: str) -> dict[str, Any]:
    if name not in _cache:
        _cache[name] = run_eval(shared_path(name, "docs"), shared_path(name, "gold"))
    return _cache[name]


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "metric"), [(name, metric) for name in sorted(FLOORS) for metric in sorted(FLOORS[name])]
)
def test_floor(name: str, metric: str) -> None:
    section, key = metric.split(".")
    value = _report(name)["micro"][section][key]
    assert value >= FLOORS[name][metric], (
        f"{name}: {metric} = {value} fell below its floor {FLOORS[name][metric]}"
    )


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_ceilings(name: str) -> None:
    micro = _report(name)["micro"]
    assert micro["traps"]["hits"] <= TRAP_HITS_CEILING[name], micro["traps"]["non_events_hit"]
    assert micro["merges"]["false"] <= FALSE_MERGES_CEILING[name], micro["merges"]


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_every_cluster_is_scored(name: str) -> None:
    report = _report(name)
    assert report["clusters"], "no cluster scored"
    assert report["micro"]["clusters"] == len(report["clusters"])
    assert "errors" not in report, report.get("errors")
