from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test cleanly when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared is not part of a fresh clone)")
    return p


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from histograph.nlp import get_nlp

    return get_nlp()
