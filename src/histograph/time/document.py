"""Tagging a whole document with its regions as structure (headings, lists, datelines)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from ..model import Document, Region, TimeMention, TimeValue
from .engine import run, to_mentions
from .normalise import resolve_all
from .tagger import Cand, find_candidates

#: region kinds whose dates are the document's own (publication, byline, metadata, source)
DOCDATE_KINDS = frozenset({"dateline", "byline", "metadata", "source"})

_LINE = re.compile(r"[^\n]*")
_DOCDATE_LINE = re.compile(
    r"(?i)(?:^\s*(?:published|posted|updated|last\s+updated|last\s+modified|last\s+edited|"
    r"first\s+published|originally\s+published|date(?:d|\s+published)?|accessed|retrieved|"
    r"access(?:ed)?\s+(?:on\s+)?date|page\s+last)\b|©|\bcopyright\b|\(c\)\s*\d{4}|"
    r"\ball\s+rights\s+reserved\b|\bretrieved\s+(?:on\s+)?|\baccessed\s+(?:on\s+)?|"
    r"\blast\s+(?:updated|modified|edited)\b|\bposted\s+(?:on|at)\b|\bpublished\s+(?:on|at)\b)"
)
#: in a line of running prose, a lower-case "published at/on" tells of a past publication
#: ("his book, published at the end of 1919"), not of the page's own date
_PROSE_PUBLISHED = re.compile(r"(?:posted|published)\s+(?:on|at)")
_PROSE_WORDS = 20


def _docdate_line(line: str) -> bool:
    """Is this a publication / byline / copyright / access-date line?"""
    for m in _DOCDATE_LINE.finditer(line):
        if len(line.split()) >= _PROSE_WORDS and _PROSE_PUBLISHED.fullmatch(m.group(0)):
            continue
        return True
    return False


_BYLINE = re.compile(r"^\s*(?:by|By|BY)\s+\S")
_HEADING_MD = re.compile(r"^\s*(?:#{1,6}\s|\*\*[^*\n]+\*\*\s*:?\s*$|__[^_\n]+__\s*:?\s*$)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•▪◦]\s|\d{1,3}[.)]\s)")


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        pos = 0
        for line in text.split("\n"):
            self.starts.append(pos)
            self.ends.append(pos + len(line))
            pos += len(line) + 1

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def neighbour(self, i: int, step: int) -> str:
        j = i + step
        while 0 <= j < len(self.starts):
            s = self.line(j)
            if s.strip():
                return s
            j += step
        return ""


def _region_index(regions: Sequence[Region]) -> tuple[list[int], list[Region]]:
    rs = sorted(regions, key=lambda r: (r.start, r.end))
    return [r.start for r in rs], rs


def _region_at(idx: tuple[list[int], list[Region]], offset: int) -> Region | None:
    """The region holding ``offset`` (regions partition the text and do not overlap)."""
    starts, rs = idx
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and rs[i].start <= offset < rs[i].end:
        return rs[i]
    return None


def _only_date(line: str, c: Cand, line_start: int) -> bool:
    """The line holds nothing but this date (and punctuation / markup)."""
    rest = line[: c.start - line_start] + line[c.end - line_start :]
    return not re.sub(r"[\W_]+", "", rest)


def classify(
    document: Document, regions: Sequence[Region], cands: Sequence[Cand]
) -> tuple[list[str], list[int]]:
    """Role of each candidate (content, docdate, heading, list_item) and heading offsets."""
    text = document.text
    lines = _Lines(text)
    idx = _region_index(regions)
    roles: list[str] = []
    for c in cands:
        reg = _region_at(idx, c.start)
        li = lines.index(c.start)
        line = lines.line(li)
        ls = lines.starts[li]
        kind = reg.kind if reg is not None else "narrative"
        role = "content"
        if (
            kind in DOCDATE_KINDS
            or _docdate_line(line)
            or (
                _only_date(line, c, ls)
                and (
                    c.rule == "time_date"
                    or _BYLINE.match(lines.neighbour(li, -1))
                    or _BYLINE.match(lines.neighbour(li, 1))
                )
            )
            or (_BYLINE.match(line) and len(line.split()) <= 14)
        ):
            role = "docdate"
        elif kind == "heading" or _HEADING_MD.match(line):
            role = "heading"
        elif kind == "list_item" or _LIST_ITEM.match(line):
            role = "list_item"
        roles.append(role)
    _demote_event_headers(text, cands, roles, lines)
    breaks: list[int] = []
    for r in regions:
        if r.kind == "heading":
            breaks.append(r.start)
    for i, s in enumerate(lines.starts):
        if _HEADING_MD.match(lines.line(i)):
            breaks.append(s)
    return roles, sorted(set(breaks))


def _demote_event_headers(
    text: str, cands: Sequence[Cand], roles: list[str], lines: _Lines
) -> None:
    """A bare full date on its own line (no clock time, no byline next to it) that the
    narrative repeats as an event date ("On November 16, 1933, ...") is the page's event
    header (on-this-day pages), not its publication date."""
    content_days: dict[tuple[Any, ...], int] = {}
    for c, role in zip(cands, roles, strict=True):
        if role != "docdate" and {"y", "m", "d"} <= c.f.keys():
            key = (c.f["y"], c.f["m"], c.f["d"])
            content_days[key] = content_days.get(key, 0) + 1
    for i, (c, role) in enumerate(zip(cands, roles, strict=True)):
        if role != "docdate" or c.rule == "time_date" or not {"y", "m", "d"} <= c.f.keys():
            continue
        li = lines.index(c.start)
        line = lines.line(li)
        if not _only_date(line, c, lines.starts[li]) or _docdate_line(line):
            continue
        if _BYLINE.match(lines.neighbour(li, -1)) or _BYLINE.match(lines.neighbour(li, 1)):
            continue
        if content_days.get((c.f["y"], c.f["m"], c.f["d"]), 0) >= 1:
            roles[i] = "content"


def tag_document(
    document: Document, regions: Sequence[Region]
) -> tuple[list[TimeMention], TimeValue | None]:
    """Tag a whole document; return (mentions, publication date).

    Headings (``**1933**``, ``## 1936``) set the year for the list items under them; a
    list item's own full date wins. Dates in dateline/byline/metadata/source regions, and
    on copyright, access-date and "published/updated" lines, or a date-with-time line next
    to the title/byline, are the document's date (``document_date=True``), never an
    event's. The publication date is ``document.published`` when set, else the first
    such date. Relative expressions resolve against it."""
    text = document.text
    cands = find_candidates(text)
    roles, breaks = classify(document, regions, cands)
    published = document.published
    if published is None:
        for c, role in zip(cands, roles, strict=True):
            if role != "docdate":
                continue
            r = resolve_all(text, [c], dct=None)[0]
            if (
                r.value is not None
                and r.value.precision in ("day", "time", "month", "year")
                and r.value.anchor == "absolute"
            ):
                published = r.value
                break
    resolved = run(text, published, cands=cands, roles=roles, heading_breaks=breaks)
    docdate = [role == "docdate" for role in roles]
    return to_mentions(text, resolved, document.id, docdate), published
