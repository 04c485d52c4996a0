"""Across documents: people and event coreference, claims, consensus, conflicts."""

from __future__ import annotations

from collections.abc import Sequence

from ..entities.authority import AuthorityRecord
from ..model import Analysis, CopyLink, KnowledgeBase
from .events import merge_events
from .people import merge_people


def merge(
    analyses: Sequence[Analysis],
    copies: Sequence[CopyLink] = (),
    authority: Sequence[AuthorityRecord] = (),
) -> KnowledgeBase:
    """Build the knowledge base from per-document analyses (``authority``: records of the
    user's authority file, which pin the identities of people)."""
    analyses = sorted(analyses, key=lambda a: a.document.id)
    people, person_conflicts = merge_people(analyses, copies, authority)
    events, event_conflicts = merge_events(analyses, people, copies)
    return KnowledgeBase(
        analyses=tuple(analyses),
        events=tuple(events),
        people=tuple(people),
        conflicts=tuple(person_conflicts) + tuple(event_conflicts),
        copies=tuple(copies),
    )
