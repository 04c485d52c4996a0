"""Clean: physical lines joined into logical lines (hard-wrapped sentences and captions become one)."""

from __future__ import annotations

import re
from functools import lru_cache

from .kinds import _flat, _is_boilerplate, _is_byline, _is_dateline, _is_source
from .rules import (
    _ATX,
    _BOLD_ONLY,
    _CONTENT_LINE,
    _HASHTAG_LINE,
    _IMAGE,
    _LIST,
    _QUOTE,
    _TERMINAL,
    _Line,
    _Rules,
    _rules,
)


def _physical_lines(text: str, start: int) -> list[_Line]:
    out: list[_Line] = []
    prev_end = start
    first = True
    for m in _CONTENT_LINE.finditer(text, start):
        chunk = m.group()
        stripped = chunk.strip()
        if not stripped:
            continue
        s = m.start() + (len(chunk) - len(chunk.lstrip()))
        e = s + len(stripped)
        gap = text[prev_end : m.start()]
        breaks = gap.count("\n") + gap.count("\r") - gap.count("\r\n")
        out.append(_Line(s, e, stripped, first or breaks >= 2, s > m.start()))
        prev_end = m.end()
        first = False
    return out


def _front_matter(text: str) -> tuple[int, int] | None:
    """Span of a front-matter block at the top of the text (``---``/``+++`` fenced)."""
    m = re.match(r"\A\s*(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)", text)
    if not m:
        return None
    fence = m.group(1)
    closing = re.compile(rf"^[ \t]*(?:{re.escape(fence)}|\.\.\.)[ \t\r]*$", re.MULTILINE)
    c = closing.search(text, m.end())
    if c is None or text.count("\n", m.end(), c.start()) > 300:
        return None
    start = len(text) - len(text.lstrip())
    end = c.start() + len(c.group().rstrip())
    return start, end


def _structural(line: _Line) -> bool:
    t = line.text
    return bool(
        _ATX.match(t)
        or _QUOTE.match(t)
        or _LIST.match(t)
        or _BOLD_ONLY.match(t)
        or _IMAGE.match(t)
        or t.startswith("|")
        or _HASHTAG_LINE.match(t)
    )


#: a chronology entry: a line that opens with its own year or month and day, then the entry
#: ("1903- The brothers fly", "258 The pope dies", "Sep 27 The fleet sails")
_ENTRY_START = re.compile(
    r"^[ \t]*(?:(?i:c\.|ca\.|circa|around|about)[ \t]*)?(?:\d{1,4}(?:[-–]\d{1,4})?(?:[ \t]*(?:BC|BCE|AD|CE)\b)?|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})"
    r"(?:[ \t]*[-–—:][ \t]*|[ \t]+)[\"“‘'(]?[A-Z]"
)


def _continues(a: _Line, b: _Line, rules: _Rules) -> bool:
    """True when ``b`` continues the sentence of ``a`` (a hard-wrapped line)."""
    if b.blank_before or _structural(b):
        return False
    if _ENTRY_START.match(b.text) and _ENTRY_START.match(a.text):
        return False  # one chronology entry per line
    if "\t" in a.text or "\t" in b.text:
        return False  # table and infobox rows stand alone
    if _ATX.match(a.text) or _BOLD_ONLY.match(a.text) or _IMAGE.match(a.text):
        return False
    if _TERMINAL.search(a.text) or a.text.endswith(":"):
        return False
    if _stands_alone(a.text, rules, strict=True) or _stands_alone(b.text, rules, strict=False):
        return False
    if (_LIST.match(a.text) or _QUOTE.match(a.text)) and not b.indented:
        # a list item or quote goes on only on an indented (or lazily wrapped lower-case) line
        return b.text[:1].islower()
    last = a.text.split()[-1].lower().strip("\"'“”‘’()")
    if a.text.endswith((",", "-", "–", "—")) or last in rules.continuation_words:
        return True
    if _stands_alone(b.text, rules, strict=True):
        return False
    if b.text[:1].islower():
        return True
    # a long line broken mid-sentence (hard-wrapped prose, not one paragraph per line)
    # (the next line is long too, or ends the sentence: not a short title-like line)
    last_physical = a.text.rsplit("\n", 1)[-1].strip()
    return (
        60 <= len(last_physical) <= 100
        and a.text[-1:].islower()
        and (len(b.text) >= 40 or bool(_TERMINAL.search(b.text)))
    )


#: only the start of a line is read to tell whether it stands alone (bylines, credits, stamps
#: and debris lines are short); with the cache below, joining many lines stays linear
STANDS_ALONE_CHARS = 400


def _stands_alone(t: str, rules: _Rules, strict: bool) -> bool:
    """A line that is never the continuation of a wrapped sentence: a byline, attribution,
    tag list or credit; with ``strict``, also a date stamp or a short debris line."""
    t = _flat(t[:STANDS_ALONE_CHARS])
    if rules is _rules():
        return _stands_alone_default(t, strict)
    return _stands_alone_flat(t, rules, strict)


@lru_cache(maxsize=4096)
def _stands_alone_default(t: str, strict: bool) -> bool:
    return _stands_alone_flat(t, _rules(), strict)


def _stands_alone_flat(t: str, rules: _Rules, strict: bool) -> bool:
    if (
        _is_byline(t, rules)
        or _is_source(t, rules)
        or bool(rules.tag_label.match(t))
        or rules.credit_label.search(t)
    ):
        return True
    return strict and (
        _is_dateline(t, rules)
        or (len(t.split()) <= 4 and _is_boilerplate(t, rules))
        or rules.patterns.search(t)
    )


#: a logical line (physical lines joined as one wrapped sentence or paragraph) stops growing
#: past this many characters: each join re-reads the line, so thousands of short lines that
#: all "continue" (a key: value dump, a word list) would otherwise cost quadratic time
MAX_LOGICAL_LINE = 3000


def _logical_lines(text: str, lines: list[_Line], rules: _Rules) -> list[_Line]:
    out: list[_Line] = []
    for line in lines:
        if out and len(out[-1].text) <= MAX_LOGICAL_LINE and _continues(out[-1], line, rules):
            prev = out[-1]
            prev.end = line.end
            prev.text = text[prev.start : prev.end]
            continue
        out.append(line)
    return out


