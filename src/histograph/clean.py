"""Regions: mark boilerplate, UI debris, captions, bylines (never delete; offsets stay valid).

STUB: one narrative region per non-empty line. The ingest/clean owner replaces this.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .model import Document, Region
from .registry import stage

if TYPE_CHECKING:
    from .pipeline import DocState

_LINE = re.compile(r"[^\n]+")


def mark_regions(document: Document) -> list[Region]:
    """Partition the document's text into typed regions (every non-space char in one)."""
    out = []
    for m in _LINE.finditer(document.text):
        if m.group().strip():
            out.append(Region(document.id, m.start(), m.end(), "narrative"))
    return out


@stage("histograph.clean.v1", requires=("document",), assigns=("regions",))
def clean_stage(state: DocState) -> None:
    state.regions = mark_regions(state.document)
