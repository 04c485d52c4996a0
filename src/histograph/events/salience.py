"""Each document's own main event: what the page is about.

:func:`mark_main` flags the document's main event mentions (``EventMention.main``):

1. an asserted mention stated in the page's title or headline (the ``title`` region; an
   event card's heading line counts as its title);
2. else, on a page that is not a chronology, the lead: the first asserted, dated mention of
   the first content paragraph, a typed one before an untyped (``other``) one.

A chronology or on-this-day page (three or more dated list entries) is about its entries, many
events of equal weight: each dated entry's own event (its best mention, ranked as above) is
main, besides an event its title states. An event only embedded in an entry is not.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from ..model import EventMention, Region

__all__ = ["mark_main"]

_CONTENT = frozenset({"narrative", "list_item", "quote"})
_HEAD = frozenset({"title"})
#: types that never stand for a page (lasting states)
_NOT_MAIN = frozenset({"state"})
#: this many dated list entries make a page a chronology
_CHRONOLOGY_MIN = 3


def _rank(m: EventMention) -> tuple[int, int, int]:
    """Typed before untyped, verbal/named (confident) before weak, then text order."""
    return (1 if m.type == "other" else 0, 0 if m.confidence >= 0.6 else 1, m.start)


def _entry_mains(
    dated_items: Sequence[tuple[int, EventMention]], regions: Sequence[Region]
) -> list[int]:
    """The best-ranked dated mention of each list entry (one per ``list_item`` region)."""
    items = sorted((r.start, r.end) for r in regions if r.kind == "list_item")
    best: dict[tuple[int, int], tuple[int, EventMention]] = {}
    for i, m in dated_items:
        k = bisect.bisect_right(items, (m.start, 1 << 62)) - 1
        if k < 0 or not items[k][0] <= m.start < items[k][1]:
            continue
        cur = best.get(items[k])
        if cur is None or _rank(m) < _rank(cur[1]):
            best[items[k]] = (i, m)
    return sorted(i for i, _m in best.values())


def mark_main(mentions: Sequence[EventMention], regions: Sequence[Region]) -> list[EventMention]:
    """The mentions with the document's main event flagged (at most one mention)."""
    out = list(mentions)
    usable = [
        (i, m) for i, m in enumerate(out) if m.modality == "asserted" and m.type not in _NOT_MAIN
    ]
    if not usable:
        return out
    heads = [r for r in regions if r.kind in _HEAD]
    in_head = [(i, m) for i, m in usable if any(r.start <= m.start < r.end for r in heads)]
    pick: int | None = None
    dated_items = [(i, m) for i, m in usable if m.region_kind == "list_item" and m.time is not None]
    if len(dated_items) >= _CHRONOLOGY_MIN:
        for i in _entry_mains(dated_items, regions):
            out[i] = replace(out[i], main=True)
    if in_head:
        pick = min(in_head, key=lambda x: _rank(x[1]))[0]
    else:
        if len(dated_items) < _CHRONOLOGY_MIN:
            content = sorted((r for r in regions if r.kind in _CONTENT), key=lambda r: r.start)
            for r in content:
                lead = [
                    (i, m) for i, m in usable if r.start <= m.start < r.end and m.time is not None
                ]
                if lead:
                    pick = min(lead, key=lambda x: _rank(x[1]))[0]
                    break
    if pick is not None:
        out[pick] = replace(out[pick], main=True)
    return out
