"""The bundled sample corpus (written by the histograph authors) used by ``histograph demo``."""

from __future__ import annotations

from pathlib import Path


def sample_dir() -> Path:
    """The folder of sample documents: the repository's ``samples/`` in a source checkout."""
    here = Path(__file__).resolve()
    for candidate in (here.parent / "corpus", here.parents[3] / "samples" / "berlin_wall"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "the sample corpus is not installed; run histograph from a source checkout "
        "(pip install -e .) to use `histograph demo`"
    )
