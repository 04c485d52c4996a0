"""Per-document lookups the event stage builds once and queries per sentence: the entity
mentions by offset, the time mentions starting inside a span, a token's entity label and a
time mention's place in the parse."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..model import EntityMention, TimeMention
from .arguments import Located
from .phrases import DOC_PERSON_WORDS
from .reference import topic_person

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..state import Segment


class Entities:
    """Entity mentions of one document, looked up by absolute offset."""

    def __init__(self, mentions: Sequence[EntityMention]) -> None:
        self._m = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self._m]
        self.topic = topic_person(self._m)  # the person the page is about, if any
        #: the words of the names the document tags as people ("Edward Grey": both)
        self.person_words = frozenset(
            w for m in self._m if m.label == "PERSON" for w in m.text.split() if w[:1].isupper()
        )
        #: each span's answer, once asked (a token's label is asked by several tests)
        self._covering: dict[tuple[int, int], EntityMention | None] = {}

    def covering(self, start: int, end: int) -> EntityMention | None:
        key = (start, end)
        try:
            return self._covering[key]
        except KeyError:
            best = self._covering[key] = self._widest(start, end)
            return best

    def _widest(self, start: int, end: int) -> EntityMention | None:
        k = bisect.bisect_right(self._starts, start)
        best: EntityMention | None = None
        for j in range(max(0, k - 8), min(len(self._m), k + 8)):
            m = self._m[j]
            if (
                m.start < end
                and start < m.end
                and (best is None or m.end - m.start > best.end - best.start)
            ):
                best = m
        return best

    def at(self, start: int, end: int) -> tuple[int, int, str | None] | None:
        m = self.covering(start, end)
        if m is None:
            return None
        return m.start, m.end, m.key or m.text


class TimesStarting:
    """The document's time mentions that start inside a span, in the document's order:
    built once per document, so that each sentence bisects instead of scanning them all."""

    def __init__(self, times: Sequence[TimeMention]) -> None:
        self._times = list(times)
        order = sorted(range(len(self._times)), key=lambda i: self._times[i].start)
        self._order = order
        self._starts = [self._times[i].start for i in order]

    def __call__(self, start: int, end: int) -> list[TimeMention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end, lo)
        return [self._times[i] for i in sorted(self._order[lo:hi])]


def label_fn(seg: Segment, ents: Entities) -> Callable[[Token], str]:
    # a name written as a person anywhere in the document is one in this segment too
    seg.doc.user_data[DOC_PERSON_WORDS] = ents.person_words

    def label_of(t: Token) -> str:
        s = seg.offset + t.idx
        m = ents.covering(s, s + len(t.text))
        if m is not None:
            return m.label
        return str(t.ent_type_)

    return label_of


def locate(seg: Segment, tm: TimeMention) -> Located:
    rs, re_ = tm.start - seg.offset, tm.end - seg.offset
    span = (
        seg.doc.char_span(rs, re_, alignment_mode="expand")
        if 0 <= rs < re_ <= seg.region.end - seg.region.start
        else None
    )
    if span is None or not len(span):
        return Located(tm, None)
    return Located(tm, span.root, frozenset(range(span.start, span.end)))
