"""An offset without a number ("weeks later"): after the reference by an unknown amount."""

from __future__ import annotations

import pytest

from histograph.ingest import read_text
from histograph.pipeline import build

pytestmark = pytest.mark.slow


def _times(text: str) -> list[tuple[str, str | None, str | None]]:
    a = build().analyze(read_text(text, uri="t.txt", fmt="txt"))
    return [
        (text[t.start : t.end], t.value.value if t.value else None, t.timex) for t in a.times
    ]


@pytest.mark.parametrize(
    ("phrase", "mod"),
    [
        ("Weeks later", "FUTURE_REF"),
        ("Months later", "FUTURE_REF"),
        ("Days afterwards", "FUTURE_REF"),
        ("Years earlier", "PAST_REF"),
    ],
)
def test_bare_plural_offset_is_unknown_size(phrase: str, mod: str) -> None:
    text = f"The dam broke on 4 March 1788. {phrase}, the valley was flooded again.\n"
    assert (phrase, None, mod) in _times(text)


def test_counted_offset_keeps_its_size() -> None:
    text = "The dam broke on 4 March 1788. Two weeks later the valley was flooded again.\n"
    assert ("Two weeks later", "1788-W12", "1788-W12") in _times(text)


def test_unit_inside_a_word_is_no_offset() -> None:
    text = "The dam broke on 4 March 1788. The holidays later turned to mourning.\n"
    assert not [t for t in _times(text) if t[0].lower().startswith("days")]
