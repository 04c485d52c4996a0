"""A quick test that a regular expression cannot match a text: the literal words every match
of it must contain, found once from the expression's parse tree.

Each rule of the date grammar is searched over the whole page; most pages hold none of the
words a rule needs ("millennium", a holiday's name, "o'clock"), and the scan of a long
pattern at every word of the page costs more than a search for a few words. :func:`gate`
gives those words; a page whose :func:`folded` text (lower case, and the few characters
``re`` folds to an ASCII letter written as that letter) holds none of them cannot hold a
match of the rule.
The words are a necessary condition only: where the gate finds one, the rule runs as before,
so a page's matches are never changed. A pattern whose parse is not understood here has no
gate (it always runs).
"""

from __future__ import annotations

import functools
import re
from typing import Any

try:  # the parser of the standard library's ``re`` (``sre_parse`` before Python 3.11)
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    _p = None
    _c = None

#: the shortest literal worth a gate: a one-letter word occurs on every page
_MIN_LITERAL = 3
#: the most alternatives a gate may hold (a longer list scans as slowly as the rule)
_MAX_WORDS = 200


def _best(cands: list[frozenset[str]]) -> frozenset[str] | None:
    """Of several sets of words, each necessary, the most selective: the one whose shortest
    word is longest (then the one of fewest words)."""
    if not cands:
        return None
    return max(cands, key=lambda s: (min(map(len, s)), -len(s)))


def _required(items: Any) -> frozenset[str] | None:
    """A set of words at least one of which occurs in every match of the parsed sequence
    ``items``, or None when none is known."""
    cands: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            cands.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            ch = chr(av)
            if ch.isascii() and ch.isalnum():
                run.append(ch)
                continue
            flush()
            continue
        flush()
        if op is _c.SUBPATTERN:
            sub = _required(av[-1])
        elif op is _c.BRANCH:
            alts = [_required(a) for a in av[1]]
            sub = None if any(a is None for a in alts) else frozenset().union(*alts)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            sub = _required(av[2]) if av[0] >= 1 else None
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            sub = _required(av)
        else:
            sub = None
        if sub is not None:
            cands.append(sub)
    flush()
    return _best(cands)


#: the characters other than ASCII letters that ``re`` matches to an ASCII letter when it
#: ignores case, with that letter (found by a search of every code point for ``[a-z0-9]``
#: with ``re.IGNORECASE``; a test repeats it)
CASE_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD_TABLE = str.maketrans(CASE_FOLDS)


def folded(text: str) -> str:
    """``text`` in lower case, with every character ``re`` would match to an ASCII letter when
    ignoring case written as that letter: a gate's word found in a match of a rule (in any
    case) is found in this text."""
    if not text.isascii():
        text = text.translate(_FOLD_TABLE)
    return text.lower()


@functools.cache
def gate(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words (ASCII, lower case), one of which every match of ``pattern`` contains in
    some case: where :func:`folded` text holds none of them, ``pattern`` cannot match.
    None when no useful set is known."""
    if _p is None:
        return None
    try:
        words = _required(_p.parse(pattern.pattern, pattern.flags))
    except Exception:  # pragma: no cover - a parse tree of another shape: no gate
        return None
    if not words or min(map(len, words)) < _MIN_LITERAL or len(words) > _MAX_WORDS:
        return None
    return tuple(sorted({w.lower() for w in words}, key=lambda w: (len(w), w)))


def may_match(words: tuple[str, ...] | None, low: str) -> bool:
    """Whether a text whose :func:`folded` form is ``low`` may hold a match of a pattern of
    gate ``words``."""
    return words is None or any(w in low for w in words)
