"""Positions of one character in a text, for ``str.rfind``/``str.find`` in logarithmic time.

``text.rfind("\\n", 0, pos)`` asked once per date or mention scans back to the start of
the line: on a page written as one long line (or a paragraph of thousands of dates) the
stages become quadratic. :func:`rfind` and :func:`find` answer the same question from a
sorted list of the character's positions, built once per (text, character) and cached.
"""

from __future__ import annotations

import bisect
import functools


class CharPositions:
    """The sorted positions of ``ch`` in ``text``."""

    __slots__ = ("positions",)

    def __init__(self, text: str, ch: str) -> None:
        out: list[int] = []
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
        self.positions = out

    def rfind(self, start: int, end: int) -> int:
        """The last position in ``[start, end)``, or -1."""
        i = bisect.bisect_left(self.positions, end) - 1
        if i >= 0 and self.positions[i] >= start:
            return self.positions[i]
        return -1

    def find(self, start: int, end: int) -> int:
        """The first position in ``[start, end)``, or -1."""
        i = bisect.bisect_left(self.positions, start)
        if i < len(self.positions) and self.positions[i] < end:
            return self.positions[i]
        return -1


@functools.lru_cache(maxsize=16)
def char_positions(text: str, ch: str) -> CharPositions:
    """The positions of ``ch`` in ``text`` (cached: a str caches its hash, and the text a
    stage is working on is the same object call after call)."""
    return CharPositions(text, ch)


#: shorter texts are searched directly (building an index would cost more than it saves)
_INDEX_FROM = 10_000


def rfind(text: str, ch: str, start: int = 0, end: int | None = None) -> int:
    """``text.rfind(ch, start, end)`` for one character ``ch`` and offsets ``>= 0``."""
    stop = len(text) if end is None else min(end, len(text))
    if len(text) < _INDEX_FROM or start < 0 or stop < 0 or len(ch) != 1:
        return text.rfind(ch, start, end)
    return char_positions(text, ch).rfind(start, stop)


def find(text: str, ch: str, start: int = 0, end: int | None = None) -> int:
    """``text.find(ch, start, end)`` for one character ``ch`` and offsets ``>= 0``."""
    stop = len(text) if end is None else min(end, len(text))
    if len(text) < _INDEX_FROM or start < 0 or stop < 0 or len(ch) != 1:
        return text.find(ch, start, end)
    return char_positions(text, ch).find(start, stop)
