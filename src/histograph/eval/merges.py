"""False-merge counting: system events whose mentions tell two or more different gold events.

A system event is a **false merge** when its mentions, taken one by one, cannot all be read
as mentions of one gold event (or of events that are parts of one another, ``part_of`` in the
gold, followed both ways and transitively). A mention that overlaps no gold mention is
ignored (it is extraction noise, not a merge), and a mention that overlaps several gold events
(one sentence telling two events) may be read as any of them; so an event with one mention is
never a false merge. Formally: the event is a false merge iff there is no gold event *g* such
that every gold-overlapping mention overlaps a mention of *g*'s family (itself, its ``part_of``
ancestors and its descendants).

This is an extra figure, not part of FORMAT.md §4: :func:`false_merges` is called by
:func:`histograph.eval.scorer.score_cluster`, which reports it under ``merges``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["GoldUnit", "SystemUnit", "false_merges"]

Span = tuple[str, int, int]  # (file, start, end), half-open


@dataclass(frozen=True)
class GoldUnit:
    id: str
    part_of: str | None
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class SystemUnit:
    id: Any
    mentions: tuple[tuple[Span, ...], ...]  # the spans of each mention


def _overlaps(a: Sequence[Span], b: Sequence[Span]) -> bool:
    return any(fa == fb and sa < eb and sb < ea for fa, sa, ea in a for fb, sb, eb in b)


def _families(gold: Sequence[GoldUnit]) -> dict[str, frozenset[str]]:
    """Each gold id -> itself, its ancestors and its descendants (through ``part_of``)."""
    parent = {g.id: g.part_of for g in gold if g.part_of}
    ancestors: dict[str, set[str]] = {}
    for g in gold:
        seen: set[str] = set()
        p = parent.get(g.id)
        while p is not None and p not in seen and p != g.id:
            seen.add(p)
            p = parent.get(p)
        ancestors[g.id] = seen
    family: dict[str, set[str]] = {g.id: {g.id} | ancestors[g.id] for g in gold}
    for g in gold:
        for a in ancestors[g.id]:
            if a in family:
                family[a].add(g.id)
    return {k: frozenset(v) for k, v in family.items()}


def false_merges(gold: Sequence[GoldUnit], system: Sequence[SystemUnit]) -> list[dict[str, Any]]:
    """The false merges among ``system``: ``[{"event": id, "gold": [gold ids told]}]``."""
    families = _families(gold)
    out: list[dict[str, Any]] = []
    for s in system:
        told: list[frozenset[str]] = []  # per mention: the gold events it overlaps
        for spans in s.mentions:
            hit = frozenset(g.id for g in gold if _overlaps(spans, g.spans))
            if hit:
                told.append(hit)
        if len(told) < 2:
            continue
        candidates = set().union(*told)
        if any(all(fam & t for t in told) for g in candidates if (fam := families[g])):
            continue
        out.append({"event": s.id, "gold": sorted(candidates)})
    return out
