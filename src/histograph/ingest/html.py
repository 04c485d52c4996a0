"""HTML: the main text via trafilatura, title and publication date from its metadata.

The stored text is the extracted text (so offsets index that text, not the HTML). The
page title is put on the first line when the extraction does not start with it, and image
captions (``<figcaption>``) that trafilatura leaves out are put back on the line after
their image marker, where :mod:`histograph.clean` marks them as ``caption`` regions.
Malformed or truncated HTML is read when any text can be recovered (a plain visible-text
pass is the fallback); a page with no text at all is an error.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from typing import Any

from .errors import IngestFailure

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "figure",
        "figcaption",
        "blockquote",
        "pre",
        "table",
        "title",
        "main",
        "body",
        "html",
        "dd",
        "dt",
    }
)


class _Visible(HTMLParser):
    """Visible text by block (fallback extraction) plus figure captions by image source."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._buf: list[str] = []
        self._skip = 0
        self.figures: list[tuple[list[str], str]] = []  # (image srcs, caption)
        self._fig_depth = 0
        self._fig_srcs: list[str] = []
        self._cap: list[str] | None = None

    def _flush(self) -> None:
        t = " ".join("".join(self._buf).split())
        if t:
            self.blocks.append(t)
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "figure":
            self._fig_depth += 1
            self._fig_srcs = []
        elif tag == "img" and self._fig_depth:
            src = dict(attrs).get("src")
            if src:
                self._fig_srcs.append(src)
        elif tag == "figcaption" and self._fig_depth:
            self._cap = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "figcaption" and self._cap is not None:
            cap = " ".join("".join(self._cap).split())
            if cap:
                self.figures.append((list(self._fig_srcs), cap))
            self._cap = None
        elif tag == "figure" and self._fig_depth:
            self._fig_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self._buf.append(data)
        if self._cap is not None:
            self._cap.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _scan(html: str) -> _Visible:
    p = _Visible()
    try:
        p.feed(html)
        p.close()
    except Exception:  # html.parser is lenient; never let it stop a batch
        pass
    return p


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", s.lower()).split())


def _put_back_captions(text: str, figures: list[tuple[list[str], str]]) -> str:
    lines = text.split("\n")
    normed = _norm(text)
    for srcs, cap in figures:
        if _norm(cap) in normed:
            continue
        for i, line in enumerate(lines):
            if line.lstrip().startswith("![") and any(f"]({s})" in line for s in srcs):
                lines.insert(i + 1, cap)
                break
    return "\n".join(lines)


def extract_html(html: str) -> tuple[str, dict[str, Any]]:
    """``(stored text, metadata)`` of an HTML page; raises :class:`IngestFailure`."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    meta: dict[str, Any] = {}
    scan = _scan(html)
    text: str | None = None
    try:
        text = trafilatura.extract(
            html,
            include_comments=False,
            include_tables=True,
            include_images=True,
            deduplicate=False,
        )
    except Exception:
        text = None
    md: Any = None
    try:
        md = trafilatura.extract_metadata(html, extensive=False)
    except Exception:
        md = None
    if md is not None:
        for key in ("title", "author", "url", "sitename", "description", "date"):
            v = getattr(md, key, None)
            if isinstance(v, str) and v.strip():
                meta[key if key != "date" else "published"] = v.strip()
    if "published" not in meta:
        try:
            from htmldate import find_date

            d = find_date(html, extensive_search=False, original_date=True)
        except Exception:
            d = None
        if isinstance(d, str) and d:
            meta["published"] = d
    if text and re.search(r"[^\W\d_]{2}", text):
        meta["extraction"] = "trafilatura"
    else:
        text = "\n".join(scan.blocks)
        meta["extraction"] = "fallback"
    # one paragraph per line from the extractor; a blank line between paragraphs makes the
    # paragraph boundaries explicit for the region marker
    text = "\n\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
    if not re.search(r"[^\W\d_]{2}", text):
        raise IngestFailure("no readable text in this HTML page (empty, truncated or not HTML)")
    text = _put_back_captions(text, scan.figures)
    title = meta.get("title")
    if isinstance(title, str):
        first = text.lstrip().split("\n", 1)[0]
        if _norm(title) and _norm(title) not in _norm(first):
            text = title + "\n\n" + text
    return text, meta


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body|div|p|article|section|span|table|h[1-6])\b[^>]*>", head)
        and head.startswith("<")
    )
