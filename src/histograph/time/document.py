"""Tagging a whole document with its regions as structure (headings, lists, datelines)."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from .. import textindex
from ..model import Document, Region, TimeMention, TimeValue, civil_from_day
from . import values as V
from .engine import run, to_mentions
from .normalise import Resolved, resolve_all
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
    words: int | None = None  # counted once, when first needed
    for m in _DOCDATE_LINE.finditer(line):
        if _PROSE_PUBLISHED.fullmatch(m.group(0)):
            if words is None:
                words = len(line.split())
            if words >= _PROSE_WORDS:
                continue
        return True
    return False


_BYLINE = re.compile(r"^\s*(?:by|By|BY)\s+\S")
_HEADING_MD = re.compile(r"^\s*(?:#{1,6}\s|\*\*[^*\n]+\*\*\s*:?\s*$|__[^_\n]+__\s*:?\s*$)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•▪◦]\s|\d{1,3}[.)]\s)")


_NON_WORD = re.compile(r"[\W_]+")


def _word_chars(s: str) -> int:
    """How many letters and digits ``s`` holds (what ``_only_date`` keeps)."""
    return len(_NON_WORD.sub("", s))


@dataclass(frozen=True)
class _LineFacts:
    docdate: bool  # _docdate_line
    short_byline: bool  # a byline of at most 14 words
    heading: bool  # a Markdown heading
    list_item: bool  # a list item
    word_chars: int  # letters and digits


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
        self._facts: dict[int, _LineFacts] = {}
        self._byline_near: dict[int, bool] = {}

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def facts(self, i: int) -> _LineFacts:
        """The facts of line ``i`` that every date on it asks for, computed once per line (a
        page of one long line holding many dates stays linear)."""
        f = self._facts.get(i)
        if f is None:
            line = self.line(i)
            f = self._facts[i] = _LineFacts(
                docdate=_docdate_line(line),
                short_byline=bool(_BYLINE.match(line)) and len(line.split()) <= 14,
                heading=bool(_HEADING_MD.match(line)),
                list_item=bool(_LIST_ITEM.match(line)),
                word_chars=_word_chars(line),
            )
        return f

    def only_date(self, i: int, c: Cand) -> bool:
        """:func:`_only_date` of line ``i`` and ``c``, without copying the line."""
        part = self.text[c.start : min(c.end, self.ends[i])]
        return self.facts(i).word_chars == _word_chars(part)

    def byline_next_to(self, i: int) -> bool:
        """A byline is the line before or after line ``i`` (blank lines skipped)."""
        f = self._byline_near.get(i)
        if f is None:
            f = self._byline_near[i] = bool(
                _BYLINE.match(self.neighbour(i, -1)) or _BYLINE.match(self.neighbour(i, 1))
            )
        return f

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


#: a "Date:" field: a stamp unless the cleaner made it a heading (an event's fact box)
_DATE_FIELD = re.compile(r"^[\s*_]*dates?\b", re.I)


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
        facts = lines.facts(li)
        kind = reg.kind if reg is not None else "narrative"
        role = "content"
        if (
            kind in DOCDATE_KINDS
            or (facts.docdate and not (kind == "heading" and _DATE_FIELD.match(lines.line(li))))
            or (
                lines.only_date(li, c)
                and (c.rule == "time_date" or lines.byline_next_to(li))
            )
            or facts.short_byline
        ):
            role = "docdate"
        elif kind == "heading" or facts.heading:
            role = "heading"
        elif kind == "list_item" or facts.list_item:
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
        if not lines.only_date(li, c) or lines.facts(li).docdate:
            continue
        if lines.byline_next_to(li):
            continue
        if content_days.get((c.f["y"], c.f["m"], c.f["d"]), 0) >= 1:
            roles[i] = "content"


#: a chronology entry that opens with its year: "258 The pope dies", "1903- The brothers fly",
#: "- 1936: The games open"
_ENTRY_YEAR = re.compile(
    r"^[ \t]*(?:[-*+•▪◦][ \t]+)?(?:\*\*|__)?(\d{1,4})(?![\d,.])(?:\*\*|__)?"
    r"(?=(?:[ \t]*[-–—:][ \t]*|[ \t]+)(?:\*\*|__)?[\"“‘'(]?[A-Z])",
    re.M,
)
#: an entry that opens "In <year>, ..." ("In 1870, the general died in ..."): the style of
#: on-this-day digests, one entry a line
_ENTRY_IN_YEAR = re.compile(r"^[ \t]*(?:[-*+•▪◦][ \t]+)?In[ \t]+(\d{3,4}),[ \t]+(?=\S)", re.M)
#: this many entry lines make a page a chronology
_CHRONOLOGY_MIN = 3
_TITLE_KINDS = frozenset({"title", "heading"})


def _entry_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each chronology entry's leading year, when the page is a
    chronology: at least three such lines, mostly in ascending order, and not a numbered
    list (1, 2, 3 ...)."""
    found = [(m.start(1), m.end(1), int(m.group(1))) for m in _ENTRY_YEAR.finditer(text)]
    if len(found) < _CHRONOLOGY_MIN:
        found = [(m.start(1), m.end(1), int(m.group(1))) for m in _ENTRY_IN_YEAR.finditer(text)]
    if len(found) < _CHRONOLOGY_MIN:
        return []
    years = [y for _s, _e, y in found]
    if years == list(range(years[0], years[0] + len(years))) and years[0] < 100:
        return []  # a numbered list
    ascending = sum(1 for a, b in itertools.pairwise(years) if b >= a)
    if ascending < 0.7 * (len(years) - 1) or max(years) < 100:
        return []
    return found


def _add_entry_years(cands: list[Cand], entries: Sequence[tuple[int, int, int]]) -> list[Cand]:
    """Leading entry numbers the tagger left alone ("258 The pope dies") become years."""
    starts = {c.start for c in cands}
    covered = [(c.start, c.end) for c in cands]
    extra = [
        Cand(s, e, "year", {"y": y})
        for s, e, y in entries
        if s not in starts and not any(cs < e and s < ce for cs, ce in covered)
    ]
    return sorted([*cands, *extra], key=lambda c: c.start) if extra else cands


def page_day(text: str, regions: Sequence[Region], cands: Sequence[Cand]) -> tuple[int, int] | None:
    """The month and day a page's title or first heading names without a year ("6th August,
    on this day", "Events on 2 March"): the day of every entry of an on-this-day page."""
    heads = sorted((r for r in regions if r.kind in _TITLE_KINDS), key=lambda r: r.start)
    if not heads:
        return None
    head = heads[0]
    inside = [c for c in cands if head.start <= c.start and c.end <= head.end]
    days = [c for c in inside if {"m", "d"} <= c.f.keys() and "y" not in c.f]
    if len(days) != 1 or any("y" in c.f for c in inside):
        return None
    return int(days[0].f["m"]), int(days[0].f["d"])


def _on_this_day(
    resolved: list[Resolved], cands: Sequence[Cand], entry_starts: set[int], day: tuple[int, int]
) -> list[Resolved]:
    """Each entry's leading year takes the page's month and day."""
    out = list(resolved)
    for i, (r, c) in enumerate(zip(resolved, cands, strict=True)):
        if c.start not in entry_starts or r.value is None or r.value.precision != "year":
            continue
        y = civil_from_day(r.value.earliest)[0]
        try:
            out[i] = replace(r, value=V.make_day(y, day[0], day[1]))
        except ValueError:
            continue  # 29 February of a common year
    return out


#: a line of a chronology entry that opens with a year and a separator ("1914 – X does Y")
_YEAR_ENTRY_LINE = re.compile(r"[ \t]*(?:[-*+•▪◦][ \t]+)?(?:\*\*|__)?\d{1,4}(?:\*\*|__)?[ \t]*[-–—:]")
#: a day heading is a short line ("Also on July 28", "Events on 2 March")
_DAY_HEADING_MAX = 50


def _section_days(
    text: str, resolved: list[Resolved], cands: Sequence[Cand]
) -> list[Resolved]:
    """Entries that open with their year under a short line naming a month and day without a
    year ("Also on July 28" then "1914 – ...", "1936 – ..."): each entry is that day of its
    year, as on an on-this-day page. The run of entries ends at the first line that is not
    an entry."""
    lines = _Lines(text)
    by_line: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        by_line.setdefault(lines.index(c.start), []).append(i)
    out = list(resolved)
    day: tuple[int, int] | None = None
    for li in range(len(lines.starts)):
        line = lines.line(li)
        if not line.strip():
            continue
        idx = by_line.get(li, [])
        if day is not None and _YEAR_ENTRY_LINE.match(line) and idx:
            i = idx[0]
            r, c = out[i], cands[i]
            lead = text[lines.starts[li] : c.start]
            if r.value is not None and r.value.precision == "year" and not lead.strip(" \t-*+•▪◦_"):
                y = civil_from_day(r.value.earliest)[0]
                if V.valid_day(y, day[0], day[1]):
                    out[i] = replace(
                        r, value=V.with_anchor(V.make_day(y, day[0], day[1]), "narrative")
                    )
                    continue
        day = None
        stripped = line.strip()
        if len(stripped) < _DAY_HEADING_MAX and stripped[-1:] not in ".!?" and len(idx) == 1:
            c = cands[idx[0]]
            if {"m", "d"} <= c.f.keys() and "y" not in c.f:
                day = (int(c.f["m"]), int(c.f["d"]))
    return out


def _in_year(r: Resolved, c: Cand, y: int) -> Resolved:
    """A year-less day (or day range: "5–6 July") resolved again in year ``y``, its TIMEX3
    value with it (raises ValueError for 29 February of a common year)."""
    tv = V.make_day(y, int(c.f["m"]), int(c.f["d"]))
    if "d2" in c.f:
        tv = V.make_interval(tv, V.make_day(y, int(c.f.get("m2") or c.f["m"]), int(c.f["d2"])))
    tv = V.with_anchor(tv, "narrative")
    return replace(r, value=tv, timex=tv.value)


def _same_day_year(
    resolved: list[Resolved], cands: Sequence[Cand], roles: Sequence[str]
) -> list[Resolved]:
    """A month and day written without a year ("On August 15, India became independent")
    that the document also writes with exactly one year ("August 15, 1947") is that day,
    rather than a day of the publication year or of the narrative's last year."""
    years: dict[tuple[int, int], set[int]] = {}
    for c, role in zip(cands, roles, strict=True):
        if role != "docdate" and {"y", "m", "d"} <= c.f.keys() and isinstance(c.f["y"], int):
            years.setdefault((int(c.f["m"]), int(c.f["d"])), set()).add(int(c.f["y"]))
    out = list(resolved)
    for i, (r, c) in enumerate(zip(resolved, cands, strict=True)):
        if "y" in c.f or not {"m", "d"} <= c.f.keys() or r.value is None or r.kind != "DATE":
            continue
        if r.value.anchor not in {"dct", "narrative"}:
            continue
        ys = years.get((int(c.f["m"]), int(c.f["d"])), set())
        if len(ys) != 1:
            continue
        (y,) = ys
        if civil_from_day(r.value.earliest)[0] == y:
            continue
        try:
            out[i] = _in_year(r, c, y)
        except ValueError:
            continue
    return out


def _paragraph_year(
    text: str, resolved: list[Resolved], cands: Sequence[Cand], roles: Sequence[str]
) -> list[Resolved]:
    """A year-less day that opens a paragraph ("Across the border, X came into being on
    August 14.") after a paragraph of background in another year takes the page's dominant
    year (stated at least twice as often as the one it inherited), not the background's."""
    counts: dict[int, int] = {}
    for c, role in zip(cands, roles, strict=True):
        if role != "docdate" and isinstance(c.f.get("y"), int):
            counts[int(c.f["y"])] = counts.get(int(c.f["y"]), 0) + 1
    if not counts:
        return resolved
    top = max(counts, key=lambda y: (counts[y], -y))
    #: a year heading ("## 1849") dates the entries under it, whatever the page's top year
    heading_years = {
        c.start for c, role in zip(cands, roles, strict=True) if role == "heading" and "y" in c.f
    }
    out = list(resolved)
    # the starts of the candidates before i that state a year, sorted: "does one lie between
    # the paragraph's start and this date" is one bisection, not a walk over every earlier
    # candidate (quadratic in a paragraph of thousands of dates)
    year_starts: list[int] = []
    for i, (r, c) in enumerate(zip(resolved, cands, strict=True)):
        if i > 0 and isinstance(cands[i - 1].f.get("y"), int):
            bisect.insort(year_starts, cands[i - 1].start)
        if "y" in c.f or not {"m", "d"} <= c.f.keys() or r.value is None or r.kind != "DATE":
            continue
        if r.value.anchor != "narrative" or r.anchor_start in heading_years:
            continue
        y = civil_from_day(r.value.earliest)[0]
        if y == top or counts.get(top, 0) < 2 * max(1, counts.get(y, 0)):
            continue
        # the line's start (a blank line's second break is the last break before it)
        para = textindex.rfind(text, "\n", 0, r.start)
        k = bisect.bisect_right(year_starts, para)
        if k < len(year_starts) and year_starts[k] < r.start:
            continue  # the paragraph states its own year before it
        try:
            out[i] = _in_year(r, c, top)
        except ValueError:
            continue
    return out


#: a news lede's dateline: "SANTIAGO, Sept. 11 — ...", "NEW DELHI, Jan. 30 (AP) - ...": a
#: place in capitals, then the date, then a dash
_LEDE_PLACE = re.compile(r"[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,[ \t]*[A-Z][A-Za-z .]{1,25})?,[ \t]*$")
_LEDE_DASH = re.compile(r"[ \t]*(?:\([A-Za-z .]{1,30}\)[ \t]*)?[—–-]")
#: a lede starts within this many characters of the page's start
_LEDE_WITHIN = 1200


def _lede_dateline(
    text: str, cands: Sequence[Cand], roles: Sequence[str], published: TimeValue | None
) -> TimeValue | None:
    """The day a news story's lede dateline names: the story's own "today" ("this evening",
    "yesterday", "on Friday" count from it), which may differ from the paper's date."""
    for c, role in zip(cands, roles, strict=True):
        if c.start > _LEDE_WITHIN:
            return None
        if role == "docdate":
            continue
        line_start = textindex.rfind(text, "\n", 0, c.start) + 1
        if not _LEDE_PLACE.match(text, line_start, c.start) or not _LEDE_DASH.match(
            text, c.end, min(len(text), c.end + 40)
        ):
            continue
        r = resolve_all(text, [c], dct=published)[0]
        if r.value is not None and r.value.precision == "day":
            return r.value
        return None
    return None


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
    entries = _entry_years(text)
    cands = _add_entry_years(find_candidates(text), entries)
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
    story = _lede_dateline(text, cands, roles, published)
    resolved = run(text, story or published, cands=cands, roles=roles, heading_breaks=breaks)
    resolved = _same_day_year(resolved, cands, roles)
    resolved = _paragraph_year(text, resolved, cands, roles)
    resolved = _section_days(text, resolved, cands)
    day = page_day(text, regions, cands) if entries else None
    if day is not None:
        resolved = _on_this_day(resolved, cands, {s for s, _e, _y in entries}, day)
    docdate = [role == "docdate" for role in roles]
    return to_mentions(text, resolved, document.id, docdate), published
