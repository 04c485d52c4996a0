"""Evaluation floors over ../shared/eval (skipped when it is absent, e.g. in CI).

The lead pins the achieved numbers here (micro-averaged over the clusters of
``../shared/eval``), so that a regression fails the run. Measure with
``histograph eval --docs ../shared/eval/docs --gold ../shared/eval/gold --json``.
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import shared_path
from histograph.eval import run_eval

# Floors: "<section>.<key>" of the micro result -> lowest accepted value.
# Pinned at the figures measured at the end of the first session (rounded down).
FLOORS: dict[str, float] = {
    "events.p": 0.95,
    "events.r": 0.76,
    "events.f1": 0.844,
    "events_main.p": 0.777,
    "events_main.r": 1.0,
    "events_main.f1": 0.875,
    "dates.exact_rate": 1.0,
    "dates.within_rate": 1.0,
    "people.p": 1.0,
    "people.r": 1.0,
    "people.f1": 1.0,
    "people.role_recall": 1.0,
    "conflicts.recall": 0.666,
    "conflicts.found_hard": 1,
    "conflicts.recall_soft": 0.636,
}
#: at most this many trap hits (v0 target: none)
TRAP_HITS_CEILING = 0


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    docs = shared_path("eval", "docs")
    gold = shared_path("eval", "gold")
    return run_eval(docs, gold)


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(report: dict[str, Any], metric: str) -> None:
    section, key = metric.split(".")
    value = report["micro"][section][key]
    assert value >= FLOORS[metric], f"{metric} = {value} fell below its floor {FLOORS[metric]}"


@pytest.mark.slow
@pytest.mark.shared
def test_trap_hits_ceiling(report: dict[str, Any]) -> None:
    traps = report["micro"]["traps"]
    assert traps["hits"] <= TRAP_HITS_CEILING, traps["non_events_hit"]


@pytest.mark.slow
@pytest.mark.shared
def test_every_cluster_is_scored(report: dict[str, Any]) -> None:
    assert report["clusters"], "no cluster scored"
    assert report["micro"]["clusters"] == len(report["clusters"])
    assert "errors" not in report, report.get("errors")
