"""The Python API. The CLI and the web UI are thin layers over this module."""

from __future__ import annotations

from collections.abc import Iterable

from .ingest.dedup import find_copies
from .merge import merge
from .model import Document, KnowledgeBase
from .pipeline import Pipeline, build


def build_knowledge(
    documents: Iterable[Document], pipeline: Pipeline | None = None
) -> KnowledgeBase:
    """Analyse documents and merge them into a knowledge base, in memory (no store)."""
    pipe = pipeline or build()
    analyses = list(pipe.analyze_many(documents))
    copies = find_copies([a.document for a in analyses])
    return merge(analyses, copies)
