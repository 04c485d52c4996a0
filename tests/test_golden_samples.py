"""Golden-file test: what histograph knows about the bundled sample corpus.

The expected output (``tests/golden/berlin_wall.json``) is reviewed by hand whenever it
changes: regenerate it with ``HISTOGRAPH_UPDATE_GOLDEN=1 pytest tests/test_golden_samples.py``
and read the diff. Besides the exact comparison, a few facts the sample corpus was written to
exercise (see ``samples/README.md``) are asserted directly, so that a regeneration cannot
silently accept their loss.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from histograph.api import Histograph
from histograph.samples import sample_dir

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden" / "berlin_wall.json"


def summarise(hg: Histograph) -> dict[str, Any]:
    events = [
        {"date": e.date.value if e.date else None, "type": e.type, "title": e.title,
         "sources": e.support, "independent": e.independent_support}
        for e in hg.timeline()
    ]
    people = [
        {"name": p.name, "titles": sorted({r.title for r in p.roles})} for p in hg.people()
    ]
    conflicts = sorted(
        (
            {"attribute": c.attribute, "kind": c.kind, "severity": c.severity,
             "values": sorted(v.value for v in c.values)}
            for c in hg.conflicts()
        ),
        key=lambda c: json.dumps(c, sort_keys=True),
    )
    return {"events": events, "people": people, "conflicts": conflicts}


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    hg = Histograph(":memory:")
    report = hg.ingest([str(sample_dir())])
    assert not report.errors, [str(e) for e in report.errors]
    return summarise(hg)


def test_matches_golden_file(summary: dict[str, Any]) -> None:
    if os.environ.get("HISTOGRAPH_UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert summary == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_planted_facts(summary: dict[str, Any]) -> None:
    dates = {e["date"] for e in summary["events"]}
    assert "1989-11-09" in dates  # the opening of the Wall
    # the planted disagreement: 9 vs 10 November (04 says the Wall fell on the 10th)
    assert any(
        c["attribute"] == "date" and {"1989-11-09", "1989-11-10"} <= set(c["values"])
        for c in summary["conflicts"]
    ), summary["conflicts"]
    assert not any(d and d.startswith(("2014", "2019", "2021", "2024")) for d in dates), dates
    names = {p["name"] for p in summary["people"]}
    assert {"Günter Schabowski", "Egon Krenz", "John F. Kennedy", "Ronald Reagan"} <= names
    assert not names & {"Berlin Wall", "Checkpoint Charlie", "Berliners"}
