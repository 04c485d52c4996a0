"""A news story's lede dateline ("CAIRO, March 4 — ...") is the story's own today: "this
evening", "yesterday" count from it, not from the paper's date above it. The pages are
written for these tests."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.pipeline import build

pytestmark = pytest.mark.slow

STORY = (
    "Canal company seized\n"
    "\n"
    "March 5, 1931\n"
    "\n"
    "CAIRO, March 4 — The government took control of the canal company this evening. "
    "Troops occupied its offices an hour later.\n"
)

NO_DATELINE = (
    "Canal company seized\n"
    "\n"
    "March 5, 1931\n"
    "\n"
    "The government took control of the canal company this evening.\n"
)


def _times(text: str) -> dict[str, str | None]:
    a = build().analyze(read_text(text, uri="t.txt", fmt="txt"))
    return {t.text: (t.value.value if t.value else None) for t in a.times}


def test_the_lede_dateline_is_the_story_day() -> None:
    assert _times(STORY)["this evening"] == "1931-03-04TEV"


def test_without_a_dateline_the_paper_date_counts() -> None:
    assert _times(NO_DATELINE)["this evening"] == "1931-03-05TEV"
