"""PDF: the text of all pages (pypdf), pages separated by a blank line."""

from __future__ import annotations

import io
import logging
from typing import Any

from .errors import IngestFailure

PAGE_SEPARATOR = "\n\n"


def extract_pdf(data: bytes) -> tuple[str, dict[str, Any]]:
    """``(text, metadata)`` of a PDF file's bytes; raises :class:`IngestFailure`."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestFailure("encrypted PDF (a password is needed)")
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    except IngestFailure:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise IngestFailure(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    except Exception as exc:
        raise IngestFailure(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    text = PAGE_SEPARATOR.join(p for p in pages if p.strip())
    if not text.strip():
        raise IngestFailure("PDF has no extractable text (scanned images? run OCR first)")
    meta: dict[str, Any] = {"pages": len(pages)}
    try:
        info = reader.metadata
    except Exception:
        info = None
    if info is not None:
        if info.title and str(info.title).strip():
            meta["title"] = str(info.title).strip()
        if info.author and str(info.author).strip():
            meta["author"] = str(info.author).strip()
        try:
            created = info.creation_date
        except Exception:
            created = None
        if created is not None:
            meta["published"] = created.isoformat()
    return text, meta
