"""FORMAT.md §4's text normalisation (``norm``, ``base``, title tokens) and the span arithmetic
the scorer and the diagnosis share (occurrences of a quote, merged spans, overlap characters)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["Spans", "base", "norm", "role_tokens", "roles_match"]

#: FORMAT.md §4.3: title-token rewrites (applied to the norm()-ed title, on word boundaries)
_TITLE_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![a-z0-9])(?:united states|usa|u s)(?![a-z0-9])"), "us"),
    (re.compile(r"(?<![a-z0-9])(?:soviet union|ussr)(?![a-z0-9])"), "ussr"),
)
#: FORMAT.md §4.3: tokens dropped from titles
_TITLE_STOPWORDS: frozenset[str] = frozenset(
    {"the", "of", "for", "to", "a", "an", "and", "in", "on"}
)


# ---------------------------------------------------------------------------
# normalisation


def norm(s: str) -> str:
    """``norm(s)``: lowercase; delete ``.`` ``'`` ``’``; every other non-alphanumeric
    character becomes a space; whitespace collapsed; stripped."""
    out: list[str] = []
    for ch in s.lower():
        if ch in ".'’":
            continue
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def base(v: str) -> str:
    """``base(v)``: ``v`` with one trailing `` (...)`` removed (nested parentheses allowed)."""
    if not v.endswith(")"):
        return v
    depth = 0
    for i in range(len(v) - 1, -1, -1):
        ch = v[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                if i >= 1 and v[i - 1] == " ":
                    return v[: i - 1]
                return v
    return v


def role_tokens(title: str) -> frozenset[str]:
    """Title tokens (§4.3): norm, country rewrites, split, stop words dropped."""
    t = norm(title)
    for pattern, repl in _TITLE_REWRITES:
        t = pattern.sub(repl, t)
    return frozenset(tok for tok in t.split() if tok not in _TITLE_STOPWORDS)


def roles_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Equal token sets, or Jaccard ≥ 0.5, or one contains the other and the smaller has
    ≥ 2 tokens. Empty token sets never match."""
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a & b) * 2 >= len(a | b):
        return True
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 2 and small <= large


# ---------------------------------------------------------------------------
# spans


Spans = dict[str, list[tuple[int, int]]]  # file -> merged, sorted [start, end) intervals


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every occurrence of ``quote`` in ``text`` (overlapping occurrences included)."""
    if not quote:
        return []
    out: list[tuple[int, int]] = []
    i = text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _merge(spans: Iterable[tuple[str, int, int]]) -> Spans:
    by_file: dict[str, list[tuple[int, int]]] = {}
    for f, s, e in spans:
        if e > s:
            by_file.setdefault(f, []).append((s, e))
    merged: Spans = {}
    for f in sorted(by_file):
        ivs = sorted(by_file[f])
        out: list[tuple[int, int]] = []
        for s, e in ivs:
            if out and s <= out[-1][1]:
                if e > out[-1][1]:
                    out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        merged[f] = out
    return merged


def _overlap_chars(a: Spans, b: Spans) -> int:
    """Characters covered by both span sets (same file)."""
    total = 0
    for f, xs in a.items():
        ys = b.get(f)
        if not ys:
            continue
        i = j = 0
        while i < len(xs) and j < len(ys):
            s = max(xs[i][0], ys[j][0])
            e = min(xs[i][1], ys[j][1])
            if e > s:
                total += e - s
            if xs[i][1] <= ys[j][1]:
                i += 1
            else:
                j += 1
    return total


def _is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _system_span(
    entry: Mapping[str, Any], files: frozenset[str], texts: Mapping[str, str]
) -> list[tuple[str, int, int]]:
    """The spans of one system span entry (``start``/``end`` or ``quote``) inside the cluster."""
    f = entry.get("file")
    if not isinstance(f, str) or f not in files:
        return []
    start, end = entry.get("start"), entry.get("end")
    if isinstance(start, int) and isinstance(end, int) and _is_int(start) and _is_int(end):
        s, e = start, end
        text = texts.get(f)
        if text is not None:
            s, e = max(s, 0), min(e, len(text))
        return [(f, s, e)] if e > s else []
    quote = entry.get("quote")
    if isinstance(quote, str) and f in texts:
        return [(f, s, e) for s, e in _occurrences(texts[f], quote)]
    return []


def _has_span(entry: Mapping[str, Any]) -> bool:
    return entry.get("quote") is not None or (
        entry.get("start") is not None and entry.get("end") is not None
    )
