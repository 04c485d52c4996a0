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


def normalise_date_string(s: str) -> TimeValue | None:
    """A date written in metadata (ISO 8601, RFC 2822, "November 16, 2011 05:00 AM") -> value."""
    return None


def parse_value(value: str) -> TimeValue | None:
    """A TIMEX3-style value string (1933-11-16, 1933-11, 193X, 19XX, 1936/1938) -> TimeValue."""
    return None


def explain_date_difference(a: TimeValue, b: TimeValue) -> tuple[str, str] | None:
    """Why two dates of one event may differ: (kind, explanation) with kind one of
    precision | timezone | calendar, or None when nothing explains it."""
    return None


def tag_document(
    document: Document, regions: Sequence[Region]
) -> tuple[list[TimeMention], TimeValue | None]:
    """Tag a whole document using its regions as structure; return (mentions, publication date)."""
    return tag_dates(document.text, document.published, document.id), document.published


@stage("histograph.time.v1", requires=("regions",), assigns=("times", "published"))
def time_stage(state: DocState) -> None:
    state.times, state.published = tag_document(state.document, state.regions)
