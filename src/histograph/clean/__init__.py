"""Regions: mark boilerplate, UI debris, captions, bylines … (never delete; offsets stay valid).

:func:`mark_regions` partitions a document's text into typed :class:`~histograph.model.Region`
spans. Every non-whitespace character lies in exactly one region; regions are sorted and
do not overlap; their offsets index the stored text exactly.

How it works, line by line (all phrase lists and patterns live in ``data/boilerplate.yaml``):

1. Front matter (YAML or JSON between ``---`` lines, or TOML between ``+++``) at the top of
   the text is one ``metadata`` region, whatever the file's format.
2. Physical lines are joined into *logical lines* where a sentence was hard-wrapped (the line
   ends without final punctuation and on a comma, hyphen or function word, or the next line
   starts in lower case). A wrapped caption or paragraph thus becomes one region.
3. Each logical line gets a kind from its own text: Markdown headings, block quotes, list
   items, bold-only lines (``**1933**``), hashtag and keyword lines, source attributions,
   image credits, bylines, date stamps (also compound ones: "Posted on … by … | 3
   Comments"), infobox metadata rows, navigation/UI/promotion debris (phrases, prefixes,
   patterns such as cookie banners and newsletter sign-ups, menus and breadcrumbs whose
   items are separated by ``|``, ``›``, ``·`` … or by runs of spaces, and lines made only
   of UI words and counters: "Like  Comment  Share", "Reply · 2d", "Comments (214)"),
   short title-like lines (headings) and prose (narrative).
4. Page furniture (after the credit and caption rules of 5, before the title is chosen): the site's header (short lines above the last
   navigation line before the article, when a title-like line follows it: site name,
   tagline, banners; a line repeating that title or naming a date is kept), a section
   label in capitals right above the title, a social post's account name above its time
   stamp, the headline-like items of a "Related articles" / "More from …" list, readers'
   comments after a comment-section marker (when short next to the article), and the
   footer's headline-like lines after the last paragraph and a share/print bar. The page's
   own title quoted inside a debris line, and the page's name at the end of a breadcrumb,
   stay content (a ``heading`` region cut out of the debris line).
5. Context: a short line right after a keyword line or a credit is an image credit; the line
   after (or right before) a credit is a caption; the first title-like line near the top,
   before any prose, is the page ``title``. A date-only line is a ``dateline`` (publication
   stamp) when it has a time of day or a "Published/Updated" label, stands next to a byline,
   or is the document's only date line right under the title (and not the title's own
   date); any other date-only line is a ``heading`` (a date heading of a timeline or card).
6. Inside a narrative line, a leading run of hashtags, and a trailing run of hashtags and/or a
   short "Source: …" attribution, are cut out as their own ``tags`` / ``source`` regions.
7. Reference markers inside content lines ("[4]", "[citation needed]", "Paris3 was", "the
   War.2 It") are cut out as ``boilerplate`` regions (:mod:`histograph.footnotes`).

The package is laid out by these steps: :mod:`.rules` (the YAML phrase lists and shared line
patterns), :mod:`.kinds` (step 3: a line's kind from its own text), :mod:`.lines` (steps 1–2),
:mod:`.context` (steps 4–6: kinds from neighbours, chronology entries, table rows, tags and
sources cut out of narrative lines); this module runs them and owns the stage.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..footnotes import find_markers
from ..model import CONTENT_REGIONS, Document, Region, RegionKind
from ..registry import stage
from .context import _apply_context, _chronology, _split_narrative, _table_rows
from .kinds import _classify, _flat
from .lines import _front_matter, _logical_lines, _physical_lines
from .rules import _rules

if TYPE_CHECKING:
    from ..state import DocState

__all__ = ["clean_stage", "mark_regions", "mark_text_regions", "title_text"]



def mark_text_regions(text: str, doc_id: str = "") -> list[Region]:
    """:func:`mark_regions` for a bare string (``doc_id`` is copied into each region).

    A page is cleaned when it is read (its title and publication stamp come from its
    regions), again by the clean stage right after, and again by the near-duplicate check:
    the regions of the last few pages are kept (they are frozen; each call gets its own list).
    """
    global _recent_chars
    key = (text, doc_id)
    with _RECENT_LOCK:
        regions = _RECENT.get(key)
        if regions is not None:
            _RECENT.move_to_end(key)
            return list(regions)
    regions = tuple(_mark(text, doc_id))
    with _RECENT_LOCK:
        if key not in _RECENT:
            _RECENT[key] = regions
            _recent_chars += len(text)
        while len(_RECENT) > _RECENT_PAGES or (
            len(_RECENT) > _RECENT_MIN_PAGES and _recent_chars > _RECENT_CHARS
        ):
            old, _ = _RECENT.popitem(last=False)
            _recent_chars -= len(old[0])
    return list(regions)


#: the pages whose regions are kept, last used last: the pipeline reads a group of pages
#: (``pipeline.GROUP_DOCUMENTS``, 16) before it cleans them, and stores them after, so the
#: regions of two groups and a few more are kept; of at least the last eight pages, but of
#: no more than about 8 million characters of pages
_RECENT: OrderedDict[tuple[str, str], tuple[Region, ...]] = OrderedDict()
_RECENT_PAGES = 40
_RECENT_MIN_PAGES = 8
_RECENT_CHARS = 8_000_000
_recent_chars = 0
_RECENT_LOCK = threading.Lock()


def _mark(text: str, doc_id: str) -> list[Region]:
    rules = _rules()
    regions: list[Region] = []
    pos = 0
    fm = _front_matter(text)
    if fm is not None:
        regions.append(Region(doc_id, fm[0], fm[1], "metadata"))
        pos = fm[1]
    lines = _logical_lines(text, _physical_lines(text, pos), rules)
    for line in lines:
        _classify(line, rules)
    _apply_context(lines, rules)
    _chronology(lines)
    _table_rows(lines)
    for line in lines:
        if line.kind in {"narrative", "caption"}:
            for s, e, k in _split_narrative(text, line, rules, line.kind):
                regions.append(Region(doc_id, s, e, _kind(k)))
        elif line.keep is not None and line.kind == "boilerplate":
            for s, e, k in _split_keep(text, line.start, line.end, line.keep):
                regions.append(Region(doc_id, s, e, _kind(k)))
        else:
            regions.append(Region(doc_id, line.start, line.end, _kind(line.kind)))
    return _cut_markers(text, regions)


def _cut_markers(text: str, regions: list[Region]) -> list[Region]:
    """Reference markers inside content regions ("[4]", "Paris3", "(see below)") cut out
    as ``boilerplate`` regions (see :mod:`histograph.footnotes`); the nlp stage reads the
    pieces around them as one sentence."""
    out: list[Region] = []
    for r in regions:
        spans = find_markers(text, r.start, r.end) if r.kind in CONTENT_REGIONS else []
        if not spans:
            out.append(r)
            continue
        pos = r.start
        for s, e in [*spans, (r.end, r.end)]:
            seg = text[pos:s]
            if seg.strip():
                s2 = pos + len(seg) - len(seg.lstrip())
                e2 = s - (len(seg) - len(seg.rstrip()))
                out.append(Region(r.doc_id, s2, e2, r.kind))
            if e > s:
                out.append(Region(r.doc_id, s, e, "boilerplate"))
            pos = e
    return out


def _split_keep(
    text: str, start: int, end: int, keep: tuple[int, int]
) -> list[tuple[int, int, str]]:
    """A debris line cut around the span that stays content (as a heading)."""
    out: list[tuple[int, int, str]] = []
    for s, e, k in (
        (start, keep[0], "boilerplate"),
        (keep[0], keep[1], "heading"),
        (keep[1], end, "boilerplate"),
    ):
        seg = text[s:e]
        if not seg.strip():
            continue
        s2 = s + len(seg) - len(seg.lstrip())
        e2 = e - (len(seg) - len(seg.rstrip()))
        out.append((s2, e2, k))
    return out


def _kind(k: str) -> RegionKind:
    kinds: dict[str, RegionKind] = {
        "title": "title",
        "heading": "heading",
        "narrative": "narrative",
        "list_item": "list_item",
        "caption": "caption",
        "boilerplate": "boilerplate",
        "byline": "byline",
        "dateline": "dateline",
        "metadata": "metadata",
        "quote": "quote",
        "source": "source",
        "tags": "tags",
    }
    return kinds[k]


def mark_regions(document: Document) -> list[Region]:
    """Partition the document's text into typed regions (every non-space char in one)."""
    return mark_text_regions(document.text, document.id)


def title_text(text: str, regions: Sequence[Region] | None = None) -> str | None:
    """The text of the page's title region, without Markdown markers, or None."""
    for r in regions if regions is not None else mark_text_regions(text):
        if r.kind == "title":
            t = re.sub(r"^#{1,6}\s+", "", _flat(text[r.start : r.end]))
            t = t.replace("**", "").replace("__", "").strip().rstrip("#").strip()
            return t or None
    return None


@stage("histograph.clean.v1", requires=("document",), assigns=("regions",))
def clean_stage(state: DocState) -> None:
    state.regions = mark_regions(state.document)
