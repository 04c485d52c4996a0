"""The per-document working record: :class:`DocState` and its parsed :class:`Segment` s.

Stages (clean, nlp, time, entities, events) read and fill a ``DocState``; the pipeline
(:mod:`histograph.pipeline`) builds the stages and runs them. This module builds on
nothing but the data model, so every stage can import it without importing the pipeline.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import (
    Analysis,
    Document,
    EntityMention,
    EventMention,
    Region,
    RoleClaim,
    Sentence,
    TimeMention,
    TimeValue,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DocState", "Segment"]


@dataclass
class Segment:
    """One region of the document parsed by spaCy; ``offset`` maps the parse back."""

    region: Region
    doc: Doc

    @property
    def offset(self) -> int:
        return self.region.start


@dataclass
class DocState:
    document: Document
    regions: list[Region] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    roles: list[RoleClaim] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    published: TimeValue | None = None
    config: dict[str, Any] = field(default_factory=dict)

    #: (the regions list it indexes, its length, starts, ends), or (list, length, None) when
    #: the regions are not in text order without overlap (then lookups scan); rebuilt when
    #: ``regions`` is replaced or grows
    _region_index: tuple[list[Region], int, tuple[list[int], list[int]] | None] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def _sorted_regions(self) -> tuple[list[int], list[int]] | None:
        """Starts and ends of the regions when they run in text order and do not overlap
        (the cleaner's partition), so that a lookup bisects instead of scanning every region
        (once per sentence, that scan made long pages quadratic); None otherwise."""
        idx = self._region_index
        if idx is None or idx[0] is not self.regions or idx[1] != len(self.regions):
            rs = self.regions
            starts = [r.start for r in rs]
            ends = [r.end for r in rs]
            ordered = all(s <= e for s, e in zip(starts, ends, strict=True)) and all(
                ends[i] <= starts[i + 1] for i in range(len(rs) - 1)
            )
            idx = (rs, len(rs), (starts, ends) if ordered else None)
            self._region_index = idx
        return idx[2]

    def region_at(self, offset: int) -> Region | None:
        """The first region holding ``offset``."""
        idx = self._sorted_regions()
        if idx is None:
            return next((r for r in self.regions if r.start <= offset < r.end), None)
        # in order and disjoint: only the last region starting at or before offset can hold it
        i = bisect.bisect_right(idx[0], offset) - 1
        if i >= 0 and offset < idx[1][i]:
            return self.regions[i]
        return None

    def region_before(self, offset: int) -> Region | None:
        """The last region (in list order) that ends at or before ``offset``."""
        idx = self._sorted_regions()
        if idx is None:
            return next((r for r in reversed(self.regions) if r.end <= offset), None)
        # in order and disjoint, the ends never decrease
        i = bisect.bisect_right(idx[1], offset) - 1
        return self.regions[i] if i >= 0 else None

    def freeze(self) -> Analysis:
        return Analysis(
            document=self.document,
            regions=tuple(self.regions),
            sentences=tuple(self.sentences),
            times=tuple(self.times),
            entities=tuple(self.entities),
            roles=tuple(self.roles),
            events=tuple(self.events),
            published=self.published or self.document.published,
        )
