"""Readers by format -> Document. Errors name the input and never stop a batch.

STUB: the ingest owner replaces this with the real readers (txt, md, html, pdf, json/jsonl).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Document


@dataclass(frozen=True)
class IngestError:
    """One input that could not be read; ``source`` names it."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class ReadOptions:
    """How to read JSON/JSONL records: which field holds what."""

    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    published_field: str = "published"
    source_field: str = "source"
    extra_meta: Mapping[str, Any] = field(default_factory=dict)


def content_id(text: str) -> str:
    """Document identity: a hash of the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_text(
    text: str, uri: str, fmt: str = "txt", meta: Mapping[str, Any] | None = None
) -> Document:
    return Document(id=content_id(text), uri=uri, text=text, format=fmt, meta=dict(meta or {}))


def read_paths(
    inputs: Sequence[str], options: ReadOptions | None = None
) -> Iterator[Document | IngestError]:
    """Expand files, directories (recursive), globs and ``-`` (stdin); yield documents or errors."""
    for item in inputs:
        p = Path(item)
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield IngestError(item, str(exc))
            continue
        yield read_text(text, str(p))
