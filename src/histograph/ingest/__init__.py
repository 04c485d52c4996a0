"""Readers by format -> :class:`~histograph.model.Document`. Errors name the input and
never stop a batch.

Public surface
--------------
* :func:`read_paths` — files, directories (recursive, sorted, hidden files skipped), globs
  and ``-`` (standard input) -> documents, or :class:`IngestError` for each input (or JSON
  record) that cannot be read. Yields in input order; one bad input never stops the batch.
* :func:`read_text` — a text already in memory -> Document (title, publication date, meta).
* :func:`read_bytes` — one input's bytes -> documents/errors (format by content and name).
* :func:`content_id` — document identity: a hash of the text (same text, same id).

Formats (by extension, then by content)
---------------------------------------
``.txt`` (txt), ``.md``/``.markdown`` (md), ``.html``/``.htm`` (html), ``.pdf`` (pdf),
``.json`` (json; a social post record -> social), ``.jsonl``/``.ndjson`` (jsonl). A PDF is
recognised by its ``%PDF-`` header whatever its name. A file with another or no extension
(and standard input) is sniffed: HTML, JSON, JSON Lines, Markdown (front matter or ``#``
headings), else plain text; binary content is an error.

Text is decoded without newline translation (``\\r\\n`` stays ``\\r\\n``); see
:mod:`histograph.ingest.encoding` for the encoding rules. For txt and md the stored text
is the whole file text (front matter included, marked as a ``metadata`` region by
:mod:`histograph.clean`).

Size limit
----------
Inputs larger than ``ReadOptions.max_bytes`` (default :data:`DEFAULT_MAX_BYTES`, 20 MB)
are refused with a one-line error before being read; ``max_bytes=None`` lifts the limit.
A history document is rarely above a few MB of text; a 50 MB input is far more likely a
dump or a wrong file, and would take the language pipeline hours.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ..model import Document
from .encoding import decode_bytes
from .errors import IngestError, IngestFailure, one_line
from .sources import STDIN, Source, expand_inputs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "IngestError",
    "ReadOptions",
    "content_id",
    "detect_format",
    "read_bytes",
    "read_paths",
    "read_text",
]

#: default size limit of one input, in bytes (20 MB)
DEFAULT_MAX_BYTES = 20_000_000

#: file extension -> format
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".mkd": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: JSON/JSONL field names, size limit, forced format."""

    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    published_field: str = "published"
    source_field: str = "source"
    extra_meta: Mapping[str, Any] = field(default_factory=dict)
    #: inputs above this many bytes are refused (None: no limit)
    max_bytes: int | None = DEFAULT_MAX_BYTES
    #: read every input as this format (txt, md, html, pdf, json, jsonl) instead of detecting
    format: str | None = None


def origin_of(path: str | os.PathLike[str]) -> str:
    """A file's identity across runs: a hash of its absolute path, links resolved (the path
    itself is not stored: exports and the web UI show the path as given)."""
    real = os.path.realpath(path)
    return hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def content_id(text: str) -> str:
    """Document identity: a hash of the text (the same text under two names, one id)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_text(
    text: str, uri: str, fmt: str = "txt", meta: Mapping[str, Any] | None = None
) -> Document:
    """A document from text in memory.

    ``meta`` may carry ``title`` and ``published`` (a date string). For txt/md, front matter
    keys are added to the meta (explicit ``meta`` wins). The title is the meta title, else
    the page's title region (:func:`histograph.clean.mark_regions`), else the opening
    sentence of the first prose region. The publication date is the meta date, else a
    publication stamp near the top of the text (a dateline with a time, a label or a byline
    next to it), normalised by :func:`histograph.time.normalise_date_string`.
    """
    from ..clean import mark_text_regions, title_text
    from .text import (
        dateline_published,
        fallback_title,
        meta_published,
        meta_title,
        normalise,
        read_front_matter,
    )

    doc_id = content_id(text)
    full: dict[str, Any] = {}
    if fmt in {"txt", "md"}:
        fm, problem = read_front_matter(text)
        if fm:
            full.update(fm)
            full["front_matter"] = True
        if problem:
            full["front_matter_ignored"] = problem
    full.update(meta or {})
    regions = mark_text_regions(text, doc_id)
    title = meta_title(full) or title_text(text, regions) or fallback_title(text, regions)
    raw_date = meta_published(full)
    if raw_date is None:
        raw_date = dateline_published(text, regions)
        if raw_date is not None:
            full["published_from"] = "dateline"
    if raw_date is not None:
        full.setdefault("published_raw", raw_date)
    return Document(
        id=doc_id,
        uri=uri,
        text=text,
        format=fmt,
        title=title,
        published=normalise(raw_date),
        meta=full,
    )


_MD_HINT = re.compile(r"^(#{1,6} \S|\s*[-*] \*\*|\*\*[^*\n]+\*\*\s*$)", re.MULTILINE)


def detect_format(name: str, text: str) -> str:
    """Format of a decoded input from its extension, else from its content."""
    from .html import looks_like_html

    ext = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name.rsplit("/", 1)[-1] else ""
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    head = text.lstrip()
    if looks_like_html(head):
        return "html"
    if head[:1] in "{[":
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            lines = [ln for ln in text.splitlines() if ln.strip()]
            try:
                if lines and all(isinstance(json.loads(ln), dict) for ln in lines[:5]):
                    return "jsonl"
            except (ValueError, RecursionError):
                pass
        else:
            return "json"
    if head.startswith(("---\n", "---\r", "+++\n")) or _MD_HINT.search(text[:5000]):
        return "md"
    return "txt"


def read_bytes(
    data: bytes,
    name: str,
    options: ReadOptions | None = None,
    *,
    origin: str | None = None,
) -> Iterator[Document | IngestError]:
    """Documents (or record errors) of one input's bytes; raises :class:`IngestFailure`.

    ``origin`` identifies the file across runs (see :func:`origin_of`); documents read
    from it carry it in ``meta["origin"]`` (``origin#N`` for record N of a JSON file), so
    that a changed file replaces its earlier version in the store."""
    from .jsonl import read_json_records

    opts = options or ReadOptions()
    base_meta: dict[str, Any] = {"source_path": name, "bytes": len(data)}
    if origin is not None:
        base_meta["origin"] = origin
    fmt = opts.format
    ext = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name.rsplit("/", 1)[-1] else ""
    if fmt == "pdf" or data.startswith(b"%PDF-") or (fmt is None and ext == ".pdf"):
        if not data.startswith(b"%PDF-") and not data.lstrip().startswith(b"%PDF-"):
            raise IngestFailure("not a PDF file (no %PDF- header)" if data else "empty file")
        from .pdf import extract_pdf

        text, meta = extract_pdf(data)
        yield read_text(text, name, "pdf", {**base_meta, **meta, **opts.extra_meta})
        return
    known = fmt is not None or ext in EXTENSIONS
    try:
        text, encoding = decode_bytes(data)
    except IngestFailure as exc:
        if not known and data:
            raise IngestFailure(f"unknown file type {ext or '(no extension)'}: {exc}") from None
        raise
    if not text.strip():
        raise IngestFailure("empty file (only whitespace)")
    base_meta["encoding"] = encoding
    fmt = fmt or detect_format(name, text)
    if fmt == "html":
        from .html import extract_html

        body, meta = extract_html(text)
        yield read_text(body, name, "html", {**base_meta, **meta, **opts.extra_meta})
    elif fmt in {"json", "jsonl"}:
        for item in read_json_records(text, name, fmt, opts):
            if isinstance(item, IngestError):
                yield item
            else:
                rtext, uri, rfmt, meta = item
                rmeta = {**base_meta, **meta}
                if origin is not None:
                    rmeta["origin"] = origin + uri[len(name) :]
                yield read_text(rtext, uri, rfmt, rmeta)
    elif fmt in {"txt", "md"}:
        yield read_text(text, name, fmt, {**base_meta, **opts.extra_meta})
    else:
        raise IngestFailure(f"unknown format {fmt!r} (use txt, md, html, pdf, json or jsonl)")


def read_paths(
    inputs: Sequence[str],
    options: ReadOptions | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | IngestError]:
    """Expand files, directories (recursive), globs and ``-`` (stdin); yield documents or errors.

    ``stdin`` replaces ``sys.stdin.buffer`` for ``-`` (tests, embedding). Every error is an
    :class:`IngestError` naming the input on one line; reading goes on with the next input.
    """
    opts = options or ReadOptions()
    for src in expand_inputs(inputs):
        if isinstance(src, IngestError):
            yield src
            continue
        yield from _read_source(src, opts, stdin)


def _read_source(
    src: Source, opts: ReadOptions, stdin: BinaryIO | None
) -> Iterator[Document | IngestError]:
    try:
        data = src.read_bytes(opts.max_bytes, stdin)
        name = src.name if src.name != STDIN else "-"
        origin = origin_of(src.path) if src.path is not None else None
        if src.meta:  # from the folder's index.jsonl manifest
            opts = dataclasses.replace(opts, extra_meta={**src.meta, **opts.extra_meta})
        if src.format is not None and opts.format is None:
            opts = dataclasses.replace(opts, format=src.format)
        yield from read_bytes(data, name, opts, origin=origin)
    except IngestFailure as exc:
        yield IngestError(src.name, str(exc))
    except RecursionError:
        yield IngestError(src.name, "nested too deeply to read")
    except MemoryError:
        yield IngestError(src.name, "too large to read in memory")
    except Exception as exc:  # a reader bug must not stop the batch either
        yield IngestError(src.name, one_line(f"unexpected error: {type(exc).__name__}: {exc}"))
