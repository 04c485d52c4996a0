"""Reference markers inside sentences: "[12]", "[a]", "[citation needed]", "War.2 It" …

Pages copied from encyclopedias, wikis and blogs keep their reference markers inside the
prose. They break sentence splitting ("the War.2 It"), names ("Treaty of Paris3 was") and
dates ("1453[4]"). :func:`find_markers` finds them (vocabularies in
``data/inline_markers.yaml``); the clean stage marks each as a ``boilerplate`` region (never
deleted: offsets stay exact) and the nlp stage parses the sentence with them blanked.

Shapes (each match is one marker):

* square brackets around a short number, number list or range ("[4]", "[4, 7]", "[4–6]"),
  one letter ("[a]"), a note label and number ("[note 3]", "[nb 2]"), a Markdown footnote
  ("[^1]") or an editor's note ("[citation needed]", "[who?]"); a Markdown link target
  right after one ("[1](#cite-1)") belongs to it;
* a parenthetical pointer to another part of the page ("(see below)", "(pictured)");
* a pilcrow or back-link arrow;
* superscript digits after a word or punctuation ("Paris³ was", "1453,⁴ the");
* a short run of ASCII digits glued to a lower-case or capitalised word of three letters or
  more ("Paris3 was"; not "COVID19", "Ju87", "B52") or right after a sentence's final
  punctuation or a comma that follows a word ("the War.2 It", "the war,4 then"; not "1,500",
  "3.5"), followed by a space, punctuation or the end. A word with a space before its
  number ("World War 2", "Article 5") and a number's own digits are never markers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from .datafile import load_yaml

__all__ = ["blank_markers", "find_markers"]


def _alt(items: list[str]) -> str:
    parts = sorted({str(i).strip() for i in items if str(i).strip()}, key=len, reverse=True)
    return "|".join(r"\s*".join(re.escape(w) for w in p.split()) for p in parts)


_SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    raw: dict[str, Any] = load_yaml(
        resources.files("histograph").joinpath("data/inline_markers.yaml").read_text("utf-8")
    )
    notes = _alt(raw["bracket_notes"])
    labels = _alt(raw["note_labels"])
    pointers = _alt(raw["pointers"])
    symbols = "|".join(re.escape(s) for s in raw["symbols"])
    digits = int(raw["max_glued_digits"])
    word = int(raw["min_glued_word"])
    num = r"\d{1,3}"
    bracket = (
        rf"\[\s*(?:{num}(?:\s*[,–\-]\s*{num})*|[a-z]|\^[\w-]{{1,20}}"
        rf"|(?:{labels})\s*(?:{num}|[a-z]{{1,3}})|(?:{notes}))\s*\]"
        r"(?:\(#[^)\s]*\))?"
    )
    pointer = rf"\(\s*(?:{pointers})\s*\)"
    sup = rf"(?:(?<=[^\W\d_]{{3}})|(?<=[.,;:!?)\]\"”’']))[{_SUPER}]{{1,{digits}}}(?![\w{_SUPER}])"
    glued_word = (
        rf"(?<![^\W\d_])[^\W\d_](?-i:[^\W\d_A-Z]{{{word - 1},}})"
        rf"(?P<g>\d{{1,{digits}}})(?=[\s.,;:!?)\"”’]|$)"
    )
    glued_punct = (
        rf"(?<=[^\W\d_]{{2}}[.!?,;]|[^\W\d_][.!?][\"”’)])(?P<p>\d{{1,{digits}}})(?=\s|$)"
    )
    return re.compile(
        rf"{bracket}|{pointer}|{symbols}|{sup}|{glued_word}|{glued_punct}", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def _gate() -> re.Pattern[str]:
    """What every marker holds: an opening bracket or parenthesis (brackets, pointers), a
    symbol, a superscript digit, or a digit right after a letter (a glued word's last letter)
    or after the punctuation a glued number follows. A text without one holds no marker;
    the gate's one character class is scanned far faster than the markers' pattern."""
    raw: dict[str, Any] = load_yaml(
        resources.files("histograph").joinpath("data/inline_markers.yaml").read_text("utf-8")
    )
    symbols = "|".join(re.escape(s) for s in raw["symbols"])
    return re.compile(
        rf"[\[({_SUPER}]|{symbols}|\d(?<=(?:[^\W\d_]|[.!?,;\"”’)])\d)", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    raw: dict[str, Any] = load_yaml(
        resources.files("histograph").joinpath("data/inline_markers.yaml").read_text("utf-8")
    )
    return frozenset(str(a).lower() for a in raw["number_abbreviations"])


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.$")


def find_markers(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) of every reference marker in ``text[start:end]``."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    if not _gate().search(text, start, end):
        return out
    for m in _pattern().finditer(text, start, end):
        if m.group("p"):
            w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if w and w.group(1).lower() in _abbreviations():
                continue  # "No.2 Squadron": the abbreviation's number
        out.append(m.span("g") if m.group("g") else m.span())
    return out


def blank_markers(text: str, spans: list[tuple[int, int]], offset: int = 0) -> str:
    """``text`` with each span (in document offsets, ``offset`` = text's start) set to spaces."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(max(0, s - offset), min(len(chars), e - offset)):
            chars[i] = " "
    return "".join(chars)
