"""``kill -9`` at random moments of an ingest, then one re-run: exactly the knowledge of a
clean run (every table compared, and a content hash of ``export --format json``).

Short form: one process killed in the merge. Full run (``HISTOGRAPH_RELIABILITY=full``):
20 processes killed, in turn in the merge (as soon as every document is stored), after a
random number of documents is stored, and at a random moment; figures in ``test-output/reliability/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hostile import FULL, write_good

pytestmark = pytest.mark.slow

OUT = Path(__file__).resolve().parents[2] / "test-output" / "reliability"
TRIALS = 20 if FULL else 1
#: columns that hold the time of writing, not knowledge
_CLOCK_COLUMNS = {("documents", "ingested_at"), ("document_versions", "at"), ("migrations", "applied_at")}

_PLACES = ["Aldmark", "Veyland", "Norhaven", "Port Elling", "Carlow", "Riverton"]
_PEOPLE = ["Osric Vane", "Maren Holt", "Edwin Hale", "Ruth Amsel", "Thomas Reed", "Ida Brook"]
_ACTS = [
    "signed a treaty with",
    "declared war on",
    "opened an embassy in",
    "sent an envoy to",
    "recognized the government of",
]


def write_corpus(folder: Path, n: int, rng: random.Random) -> None:
    """``n`` short documents about invented events (several about the same ones)."""
    write_good(folder)
    months = ["January", "March", "May", "July", "September", "November"]
    for i in range(n):
        lines = []
        for _ in range(4):
            a, b = rng.sample(_PLACES, 2)
            who = rng.choice(_PEOPLE)
            day, month, year = rng.randrange(1, 28), rng.choice(months), rng.randrange(1850, 1860)
            lines.append(
                f"On {month} {day}, {year}, {a} {rng.choice(_ACTS)} {b}. "
                f"{who}, the foreign minister of {a}, led the talks in {b}."
            )
        (folder / f"doc{i:02d}.txt").write_text(f"Report {i}\n\n" + "\n\n".join(lines) + "\n")


def _cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", "from histograph.cli import main; main()", *args, "--db", str(db)]


def snapshot(db: Path) -> dict[str, Any]:
    """Every table's rows (sorted, clock columns left out) and the export's hash."""
    conn = sqlite3.connect(db)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%'"
        )
    ]
    out: dict[str, Any] = {}
    for t in sorted(tables):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if (t, r[1]) not in _CLOCK_COLUMNS]
        rows = conn.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {t}").fetchall()
        out[t] = sorted(repr(r) for r in rows)
    conn.close()
    export = subprocess.run(
        _cli(db, "export", "--format", "json"), capture_output=True, check=True
    ).stdout
    out["export_sha256"] = hashlib.sha256(export).hexdigest()
    return out


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _phase(db: Path, n_docs: int) -> str:
    if not db.exists():
        return "before the knowledge base was created"
    try:
        conn = sqlite3.connect(db)
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        state = dict(conn.execute("SELECT key, value FROM store_state"))
        conn.close()
    except sqlite3.Error:
        return "while the knowledge base was being created"
    if docs < n_docs:
        return f"reading and analysing ({docs}/{n_docs} documents stored)"
    if state.get("knowledge_generation") != state.get("generation"):
        return "during the merge"
    return "after the run had finished"


def test_kill_9_then_one_rerun_gives_the_clean_knowledge(tmp_path: Path) -> None:
    rng = random.Random(1207)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, 12 if FULL else 4, rng)
    n_docs = 12 + 5 if FULL else 4 + 5  # + the good documents (one has two records)
    clean_db = tmp_path / "clean.db"
    t0 = time.monotonic()
    subprocess.run(_cli(clean_db, "ingest", str(corpus)), capture_output=True, check=True)
    clean_s = duration = time.monotonic() - t0
    reference = snapshot(clean_db)

    trials: list[dict[str, Any]] = []
    attempts = 0
    # TRIALS processes actually killed (a process that finished first does not count), in
    # turn: as soon as all documents are stored (in the merge), after a random number of
    # them is stored (while analysing), and at a random moment of the run
    while sum(t["killed"] for t in trials) < TRIALS and attempts < 3 * TRIALS:
        db = tmp_path / f"trial{attempts}.db"
        aim = ("merge", "documents", "moment")[attempts % 3]
        attempts += 1
        started = time.monotonic()
        proc = subprocess.Popen(
            _cli(db, "ingest", str(corpus)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if aim == "moment":
            time.sleep(rng.uniform(0.05, 1.0) * duration)
        else:
            target = rng.randrange(1, n_docs) if aim == "documents" else n_docs
            while proc.poll() is None and _stored(db) < target:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.2))
        moment = time.monotonic() - started
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if proc.returncode != -signal.SIGKILL:
            duration = min(duration, moment)  # runs are faster than the clean one was
        phase = _phase(db, n_docs)
        rerun = subprocess.run(_cli(db, "ingest", str(corpus)), capture_output=True, text=True)
        same = rerun.returncode == 0 and snapshot(db) == reference
        trials.append(
            {"aim": aim, "moment_s": round(moment, 2), "killed": proc.returncode == -signal.SIGKILL,
             "exit": proc.returncode, "phase": phase, "rerun_exit": rerun.returncode,
             "recovered": same}
        )

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / ("kill-full.json" if FULL else "kill.json")).write_text(
        json.dumps(
            {"clean_run_s": round(clean_s, 2), "documents": n_docs, "trials": trials,
             "killed": sum(t["killed"] for t in trials),
             "killed_and_recovered": sum(t["killed"] and t["recovered"] for t in trials),
             "recovered": sum(t["recovered"] for t in trials)},
            indent=2,
        ),
        encoding="utf-8",
    )
    assert all(t["recovered"] for t in trials), trials
    assert sum(t["killed"] for t in trials) == TRIALS, trials
