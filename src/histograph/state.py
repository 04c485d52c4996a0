"""The per-document working record: :class:`DocState` and its parsed :class:`Segment` s.

Stages (clean, nlp, time, entities, events) read and fill a ``DocState``; the pipeline
(:mod:`histograph.pipeline`) builds the stages and runs them. This module builds on
nothing but the data model, so every stage can import it without importing the pipeline.
"""

from __future__ import annotations

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

    def region_at(self, offset: int) -> Region | None:
        for r in self.regions:
            if r.start <= offset < r.end:
                return r
        return None

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
