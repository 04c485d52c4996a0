"""The date engine: a tagger that finds temporal expressions and a normaliser that
resolves them in their document context (DCT, narrative, other events).

STUB: the date-engine owner replaces this with the real engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Document, Region, TimeMention, TimeValue
from ..registry import stage

if TYPE_CHECKING:
    from ..pipeline import DocState


def tag_dates(text: str, dct: TimeValue | str | None = None, doc_id: str = "") -> list[TimeMention]:
    """Find and normalise every temporal expression in ``text``."""
    return []


def tag_document(
    document: Document, regions: Sequence[Region]
) -> tuple[list[TimeMention], TimeValue | None]:
    """Tag a whole document using its regions as structure; return (mentions, publication date)."""
    return tag_dates(document.text, document.published, document.id), document.published


@stage("histograph.time.v1", requires=("regions",), assigns=("times", "published"))
def time_stage(state: DocState) -> None:
    state.times, state.published = tag_document(state.document, state.regions)
