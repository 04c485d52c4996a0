"""Each document's own main event: what the page is about.

:func:`mark_main` flags one event mention per document (``EventMention.main``):

1. an asserted mention stated in the page's title or headline (the ``title`` region; an
   event card's heading line counts as its title);
2. else, on a page that is not a chronology, the lead: the first asserted, dated mention of
   the first content paragraph, a typed one before an untyped (``other``) one.

A chronology or on-this-day page (three or more dated list entries) has no main event of its
own unless its title states one: its entries are many events of equal weight.
"""

from __future__ import annotations

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
    if in_head:
        pick = min(in_head, key=lambda x: _rank(x[1]))[0]
    else:
        entries = sum(1 for _i, m in usable if m.region_kind == "list_item" and m.time is not None)
        if entries < _CHRONOLOGY_MIN:
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
