"""The clean stage's shortcuts give the answers of the long way (performance only)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from histograph.clean.rules import _AnyOf, _rules, _top_level_bar
from histograph.footnotes import _pattern, find_markers


def _slow_markers(text: str, start: int = 0) -> list[tuple[int, int]]:
    """find_markers without its gate (the abbreviation rule does not arise in these texts)."""
    return [m.span("g") if m.group("g") else m.span() for m in _pattern().finditer(text, start)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Pq.,;!?)”’[](¶↑²³19 \u00e9", max_size=40), st.integers(0, 5))
def test_marker_gate_never_hides_a_marker(text: str, start: int) -> None:
    start = min(start, len(text))
    assert find_markers(text, start) == _slow_markers(text, start)


@pytest.mark.parametrize(
    ("text", "start", "spans"),
    [
        ("The port fell.3 Then", 14, [(14, 15)]),  # the point before the gate's window
        ("It burned down4 in May", 0, [(14, 15)]),
        ("It burned down² in May", 0, [(14, 15)]),
        ("The siege ended (see below) soon", 0, [(16, 27)]),
        ("The siege ended ¶ soon", 0, [(16, 17)]),
        ("The siege ended in 1683 and 1684", 0, []),
    ],
)
def test_marker_gate_shapes(text: str, start: int, spans: list[tuple[int, int]]) -> None:
    assert find_markers(text, start) == spans == _slow_markers(text, start)


@pytest.mark.parametrize(
    ("pattern", "bar"),
    [("^a|b", True), ("^(a|b)", False), ("^[|]a", False), ("^[]|]a", False),
     ("^[^]|]a", False), (r"^a\|b", False), ("^(a)|(b)", True)],
)
def test_top_level_bar(pattern: str, bar: bool) -> None:
    assert _top_level_bar(pattern) is bar


_PATTERNS = [r"^\s*sign up\b", r"\bcookies\b", r"^menu$|\bskip to\b", r"(ab)\1", r"^x(?=y)"]


@pytest.mark.parametrize(
    "text",
    ["Sign up now", "we use cookies here", "menu", "please skip to content", "xxabab",
     "xy", "  x y", "The treaty was signed.", ""],
)
def test_any_of_is_one_of(text: str) -> None:
    joined = _AnyOf.of(_PATTERNS)
    one_by_one = any(re.compile(p, re.IGNORECASE).search(text) for p in _PATTERNS)
    assert joined.search(text) is one_by_one
    assert joined.alone and joined.anchored is not None and joined.free is not None


def test_any_of_keeps_an_invalid_pattern_an_error() -> None:
    with pytest.raises(re.error):
        _AnyOf.of(["(unclosed"])


def test_boilerplate_prefix_by_first_words() -> None:
    rules = _rules()
    assert rules.prefixes and rules.prefix_longest >= max(len(p.split()) for p in rules.prefixes)


def test_a_pattern_matched_at_the_start_stays_at_the_start() -> None:
    # how the social stamps are joined: a top-level "|" inside "^(?:…)" is anchored too
    stamps = _AnyOf.of(f"^(?:{p})" for p in [r"\d+h|yesterday", r"@\w+ ·"])
    assert stamps.free is None and not stamps.alone
    assert stamps.search("5h") and stamps.search("Yesterday at 9") and stamps.search("@ab · 2h")
    assert not stamps.search("posted yesterday") and not stamps.search("by @ab · 2h")


def test_norm_and_single_same_on_every_length() -> None:
    from histograph.clean.rules import _NORM_CACHED, _norm, _norm_text, _single

    line = "Sign-up  for_the NEWSLETTER! "
    long = line * (_NORM_CACHED // len(line) + 1)
    for s in (line, long, "", "—"):
        assert _norm(s) == _norm_text(s) == " ".join(re.sub(r"[\W_]+", " ", s.lower()).split())
    assert _single("a  b") == "a  b"
    assert _single("a \n\t b\r\nc") == "a b c"


def test_a_page_cleaned_again_gets_the_same_regions_in_its_own_list() -> None:
    from histograph.clean import mark_text_regions

    page = "# The Flood of 1900\n\nShare  Tweet  Email\n\nThe river rose in May 1900.[2]\n"
    first = mark_text_regions(page, "d1")
    first.append(first[0])  # a caller's list is its own
    again = mark_text_regions(page, "d1")
    assert again == first[:-1] and again is not first
    assert {r.doc_id for r in mark_text_regions(page, "d2")} == {"d2"}
