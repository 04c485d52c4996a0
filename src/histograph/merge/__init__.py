"""Across documents: people and event coreference, claims, consensus, conflicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..entities.authority import AuthorityRecord
from ..model import Analysis, Claim, Conflict, ConflictValue, CopyLink, Document, KnowledgeBase
from .anachronism import anachronism_conflicts
from .conflicts import drop_loose_filings, event_name_conflicts, party_count_conflicts
from .events import merge_events
from .people import merge_people
from .person_conflicts import extra_person_conflicts
from .quantities import quantity_conflicts
from .spellings import spelling_conflicts
from .timezones import clock_conflicts, hour_conflicts
from .unmerged import title_date_conflicts, unmerged_date_conflicts

if TYPE_CHECKING:
    from ..events.quantities import Quantity
    from ..ingest.dedup import PassagePrint

__all__ = ["copied_passages", "merge", "merge_events", "merge_people"]


def copied_passages(
    documents: Sequence[Document], prints: Mapping[str, PassagePrint] | None = None
) -> list[tuple[str, int, int, str, int, int]]:
    """Passages copied (nearly verbatim) between documents, as
    ``(doc_a, start_a, end_a, doc_b, start_b, end_b)``; empty when detection fails.
    ``prints``: documents' word n-grams hashed beforehand (by id)."""
    from ..ingest.dedup import find_copied_passages

    if len({d.id for d in documents}) < 2:
        return []  # passages are copied between documents: one alone has none to index
    try:
        return [tuple(p) for p in find_copied_passages(documents, prints=prints)]  # type: ignore[misc]
    except Exception:  # a faulty detector must not stop the merge: claims stay independent
        return []


def merge(
    analyses: Sequence[Analysis],
    copies: Sequence[CopyLink] = (),
    passages: Sequence[Sequence[object]] | None = None,
    authority: Sequence[AuthorityRecord] = (),
    quantities: Mapping[str, Sequence[Quantity]] | None = None,
) -> KnowledgeBase:
    """Build the knowledge base from per-document analyses.

    ``copies`` are whole-document near-copies; ``passages`` the passages copied between
    otherwise different documents (found here with
    :func:`histograph.ingest.dedup.find_copied_passages` when not given). Both make the
    claims they carry count once (``Claim.independent``, ``Event.independent_support``).
    ``authority``: the records of the user's authority file, which pin people's identities.
    ``quantities``: the counts and amounts of documents read beforehand, by id (the others
    are read here)."""
    analyses = sorted(analyses, key=lambda a: a.document.id)
    if passages is None:
        passages = copied_passages([a.document for a in analyses])
    people, person_conflicts = merge_people(analyses, copies, authority)
    events, event_conflicts = merge_events(analyses, people, copies, passages)
    texts = {a.document.id: a.document.text for a in analyses}
    person_conflicts = [
        *person_conflicts,
        *extra_person_conflicts(people, texts, person_conflicts, (c.doc_id for c in copies)),
    ]
    return KnowledgeBase(
        analyses=tuple(analyses),
        events=tuple(events),
        people=tuple(people),
        conflicts=combine_conflicts(
            drop_loose_filings(
                [
                    *person_conflicts,
                    *event_conflicts,
                    *unmerged_date_conflicts(events, texts, people=people),
                    *title_date_conflicts(events, texts),
                    *party_count_conflicts(events, texts),
                    *event_name_conflicts(events, texts),
                    *quantity_conflicts(events, analyses, quantities),
                    *clock_conflicts(events, analyses),
                    *hour_conflicts(events, texts),
                    *anachronism_conflicts(events, people),
                    *spelling_conflicts(events, people, analyses),
                ]
            )
        ),
        copies=tuple(copies),
    )


def combine_conflicts(conflicts: Sequence[Conflict]) -> tuple[Conflict, ...]:
    """One conflict per id: conflicts found more than once (the same disagreement stated by
    several documents, e.g. repeated copies of one page) become one, their claims united."""
    by_id: dict[str, Conflict] = {}
    for c in conflicts:
        seen = by_id.get(c.id)
        if seen is None:
            by_id[c.id] = c
            continue
        claims: dict[str, list[Claim]] = {v.value: list(v.claims) for v in seen.values}
        for v in c.values:
            bucket = claims.setdefault(v.value, [])
            bucket.extend(cl for cl in v.claims if cl not in bucket)
        by_id[c.id] = replace(
            seen, values=tuple(ConflictValue(value, tuple(cl)) for value, cl in claims.items())
        )
    return tuple(by_id.values())
