"""A month's abbreviation takes a full stop whatever its length ("Sept. 11, 1973" as
"Sep. 11" and "Oct. 11" do); full names still stand alone ("in June and July")."""

from __future__ import annotations

import pytest

from histograph.time.document import find_candidates


@pytest.mark.parametrize(
    ("text", "found", "fields"),
    [
        ("SANTIAGO, Sept. 11, 1973 — The", "Sept. 11, 1973", {"m": 9, "d": 11, "y": 1973}),
        ("On Sept 11, 1973 the", "Sept 11, 1973", {"m": 9, "d": 11, "y": 1973}),
        ("Sept. 1973", "Sept. 1973", {"m": 9, "y": 1973}),
        ("On Mar. 4 the", "Mar. 4", {"m": 3, "d": 4}),
        ("in May 1973", "May 1973", {"m": 5, "y": 1973}),
    ],
)
def test_abbreviated_months(text: str, found: str, fields: dict[str, int]) -> None:
    cands = find_candidates(text)
    assert [(text[c.start : c.end], c.f) for c in cands] == [(found, fields)]


def test_full_month_names_stand_alone() -> None:
    text = "in June and July"
    assert [text[c.start : c.end] for c in find_candidates(text)] == ["June", "July"]
