"""Cross-document event coreference, claims, consensus and event conflicts.

STUB: the events owner replaces this.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Analysis, Conflict, CopyLink, Event, Person


def merge_events(
    analyses: Sequence[Analysis], people: Sequence[Person], copies: Sequence[CopyLink] = ()
) -> tuple[list[Event], list[Conflict]]:
    return [], []
