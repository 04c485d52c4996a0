"""Every project corpus keeps to the gold format: exact quotes, valid dates, sound schema.

Runs ``corpora/wide/tools/verify_corpus.py`` (written with that corpus) over ``corpora/wide``,
``corpora/fresh`` and ``corpora/fresh2`` so that an edit of a page or a gold file that breaks a
quote fails the build.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
VERIFY = CORPORA / "wide" / "tools" / "verify_corpus.py"


@pytest.mark.parametrize(("name", "max_bytes"), [("wide", 2000), ("fresh", 4000), ("fresh2", 4000)])
def test_corpus_verifies(name: str, max_bytes: int) -> None:
    root = CORPORA / name
    if not (root / "docs" / "index.jsonl").exists():
        pytest.skip(f"corpus {root} is absent")
    done = subprocess.run(
        [sys.executable, str(VERIFY), str(root), "--max-bytes", str(max_bytes)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
