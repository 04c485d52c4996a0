"""Near-duplicate detection (MinHash): "copy of" links between documents.

STUB: the ingest owner replaces this.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import CopyLink, Document


def find_copies(documents: Sequence[Document], threshold: float = 0.5) -> list[CopyLink]:
    """Links from each near-copy to the earlier document it copies."""
    return []
