"""Document structure as evidence for event dates: timelines (year headings with dated list
items), event cards (a title, a date line, a description), list-item date labels.

Works on lines of the stored text plus the cleaner's region kinds, so that it also works when
the cleaner only marks narrative regions: Markdown headings (``#``, a line that is all bold),
bullets (``-``, ``*``, ``•``, ``1.``) are recognised from the text itself.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Region, TimeMention

_BULLET = re.compile(r"^[ \t]*(?:[-*+•·▪‣–]|\d{1,3}[.)])[ \t]+")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S")
_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)[ \t]*:?[ \t]*(?:\*\*)?[ \t]*$")
_MARKUP = re.compile(r"[*_#>`|·•▪‣:;,.\-–—()\[\]/\s]+")
#: what may follow a leading date label: "**December 1917:** ...", "1933 – ...", "June 1941 - ..."
_LABEL_SEP = re.compile(
    r"^[ \t]*(?:\*\*|__)?[ \t]*(?::|–|—|-(?=\s)|\|)"
    r"|^(?:\*\*|__)[ \t]+(?:\*\*|__)?[\"“‘'(]?[A-Z]"  # "**June 1812** The army crosses ..."
)
_LABEL_PREFIX = re.compile(
    r"^[ \t]*(?:[-*+•·▪‣–][ \t]+|\d{1,3}[.)][ \t]+|\|[ \t]*)?(?:\*\*|__)?[ \t]*$"
)  # ("| 4 May | ...": a table row's first cell)


#: a fact box's date field: "Date: 2 December 1805", "**Date**<TAB>...", "Dates  1914-1918"
_DATE_FIELD = re.compile(r"[ \t*_]*dates?[ \t*_]*(?::|\t| {2,})", re.I)
_PARTIAL = re.compile(r"^XXXX-\d\d(?:-\d\d)?$")
#: the longest line read as an event card's heading
_CARD_HEAD_MAX = 90
#: a catalogue entry's head: at most this many characters, ending in its date and a full stop
_LEAD_HEAD_MAX = 120
_LEAD_END = re.compile(r"\.[ \t]+[A-Z]")
_HEAD_TERMINAL = re.compile(r"[.!?;:][ \t]|\b(?:is|was|were|are|has|had|did)\b|\w{3,}ed\b")


def usable_time(t: TimeMention) -> bool:
    """A date an event may take: a resolved DATE/TIME (never a publication date, never a
    deictic "now"/"today"), or a year-less month/day ("November 16", timex XXXX-11-16)
    that the merge can still match against dated events."""
    if t.document_date or t.kind not in {"DATE", "TIME"}:
        return False
    if t.timex and t.timex.endswith("_REF"):
        return False
    if t.value is not None:
        return True
    return bool(t.timex and _PARTIAL.match(t.timex))


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    kind: str  # heading | list_item | date_line | text
    label: TimeMention | None = None  # leading date label of the line, if any
    date: TimeMention | None = None  # first event-usable date in the line
    date_only: bool = False  # the line holds nothing but dates and markup


def without_spans(raw: str, offset: int, times: Sequence[TimeMention]) -> str:
    """``raw`` (the text at ``offset``) without the spans of ``times`` (in order of start,
    each inside ``raw``): each removed in turn from the last. Spans that do not overlap are
    cut in one pass (the pieces between them joined), so that a line of a hundred thousand
    dates costs what its length does, not its length times its dates."""
    if any(a.end > b.start for a, b in itertools.pairwise(times)):
        rest = raw  # overlapping spans: the removal in turn, whose indices shift
        for t in reversed(times):
            rest = rest[: t.start - offset] + rest[t.end - offset :]
        return rest
    pieces: list[str] = []
    pos = 0
    for t in times:
        pieces.append(raw[pos : t.start - offset])
        pos = t.end - offset
    pieces.append(raw[pos:])
    return "".join(pieces)


class SpanSet:
    """Is an offset inside any of many ``[start, end)`` spans: their union, sorted, and a
    binary search (not a scan of every span for every token of a long sentence)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        union: list[list[int]] = []
        for a, b in sorted(sp for sp in spans if sp[0] < sp[1]):
            if union and a <= union[-1][1]:
                union[-1][1] = max(union[-1][1], b)
            else:
                union.append([a, b])
        self._starts = [a for a, _ in union]
        self._ends = [b for _, b in union]

    def __contains__(self, offset: int) -> bool:
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and offset < self._ends[k]


class Structure:
    """Lines of one document with their structural kind and dates."""

    def __init__(self, text: str, regions: Sequence[Region], times: Sequence[TimeMention]) -> None:
        self.text = text
        usable = sorted((t for t in times if usable_time(t)), key=lambda t: (t.start, t.end))
        self._times = usable
        #: dates the cleaner took for the page's own date (publication stamps)
        self._stamps = sorted(
            (t for t in times if t.document_date and t.kind == "DATE" and t.value is not None),
            key=lambda t: t.start,
        )
        self._time_starts = [t.start for t in usable]
        kinds = sorted(((r.start, r.end, r.kind) for r in regions), key=lambda x: x[0])
        self._region_starts = [k[0] for k in kinds]
        self._regions = kinds
        self.lines: list[Line] = []
        #: a blank line stands between line k-1 and line k (a new block starts at k)
        self._gap_before: list[bool] = []
        pos = 0
        gap = True
        for raw in text.split("\n"):
            s, e = pos, pos + len(raw)
            pos = e + 1
            if not raw.strip():
                gap = True
                continue
            self.lines.append(self._classify(s, e))
            self._gap_before.append(gap)
            gap = False
        self._line_starts = [ln.start for ln in self.lines]
        # the nearest heading or date line above each line (-1: none), and the first
        # heading: answered by index, not by a walk up a list of thousands of items
        self._section_above: list[int] = []
        last = -1
        for k, ln in enumerate(self.lines):
            self._section_above.append(last)
            if ln.kind in {"heading", "date_line"}:
                last = k
        # per line: the last line above it with a date of its own (-1: none), and the first
        # and last line of its block (lines between blank lines): O(1) answers on long pages
        self._dated_above: list[int] = []
        last_dated = -1
        for k, ln in enumerate(self.lines):
            self._dated_above.append(last_dated)
            if ln.date is not None:
                last_dated = k
        self._block_start: list[int] = []
        for k in range(len(self.lines)):
            first = k == 0 or self._gap_before[k]
            self._block_start.append(k if first else self._block_start[k - 1])
        self._block_end: list[int] = [0] * len(self.lines)
        for k in range(len(self.lines) - 1, -1, -1):
            last = k == len(self.lines) - 1 or self._gap_before[k + 1]
            self._block_end[k] = k if last else self._block_end[k + 1]
        self._first_heading = next(
            (k for k, ln in enumerate(self.lines) if ln.kind == "heading"), None
        )
        self._page_range: TimeMention | None = None
        self._page_range_done = False
        self._fact_box: TimeMention | None = None
        self._fact_box_done = False

    def _region_kind(self, offset: int) -> str | None:
        k = bisect.bisect_right(self._region_starts, offset) - 1
        if k >= 0 and self._regions[k][0] <= offset < self._regions[k][1]:
            return self._regions[k][2]
        return None

    def title_date_line(self, offset: int) -> TimeMention | None:
        """The date line right under a title that names an event ("Fall of X", blank, "29
        May 1453"): the cleaner takes a lone date under the title for the page's date, but
        under an event's name it is that event's date. Only a line holding nothing but a
        date to the day, with no byline beside it (then it reads as a stamp)."""
        k = bisect.bisect_right(self._region_starts, offset) - 1
        if k < 0 or self._regions[k][2] != "title" or k + 1 >= len(self._regions):
            return None
        s, e, kind = self._regions[k + 1]
        if kind != "dateline" or (
            k + 2 < len(self._regions) and self._regions[k + 2][2] == "byline"
        ):
            return None
        if k > 0 and self._regions[k - 1][2] == "byline":
            return None
        line = self.text[s:e].strip(" \t\r\n*_#")
        for t in self._stamps:
            if s <= t.start and t.end <= e:
                v = t.value
                whole = self.text[t.start : t.end].strip() == line
                if whole and v is not None and v.precision == "day":
                    return t
        return None

    def times_in(self, start: int, end: int) -> list[TimeMention]:
        k = bisect.bisect_left(self._time_starts, start)
        out = []
        while k < len(self._times) and self._times[k].start < end:
            if self._times[k].end <= end:
                out.append(self._times[k])
            k += 1
        return out

    def _classify(self, s: int, e: int) -> Line:
        raw = self.text[s:e]
        times = self.times_in(s, e)
        first = times[0] if times else None
        rk = self._region_kind(s + len(raw) - len(raw.lstrip()))
        label = None
        if (
            first is not None
            and _LABEL_PREFIX.match(self.text[s : first.start])
            and _LABEL_SEP.match(self.text[first.end : e])
        ):
            label = first
        date_only = bool(times) and not _MARKUP.sub("", without_spans(raw, s, times))
        if _MD_HEADING.match(raw) or _BOLD_LINE.match(raw) or rk in {"heading", "title"}:
            kind = "heading"
        elif date_only:
            kind = "date_line"
        elif _BULLET.match(raw) or rk == "list_item":
            kind = "list_item"
        else:
            kind = "text"
        return Line(s, e, kind, label, first, date_only)

    def line_at(self, offset: int) -> int | None:
        k = bisect.bisect_right(self._line_starts, offset) - 1
        if k >= 0 and self.lines[k].start <= offset <= self.lines[k].end:
            return k
        return None

    def label_date(self, offset: int) -> TimeMention | None:
        """The leading date label of the line holding ``offset``."""
        k = self.line_at(offset)
        return self.lines[k].label if k is not None else None

    def heading_date(self, offset: int) -> TimeMention | None:
        """For a list item: the date of the nearest heading above it (None when that heading
        has no date: an undated section does not inherit an earlier section's date)."""
        k = self.line_at(offset)
        if k is None or self.lines[k].kind not in {"list_item", "text"}:
            return None
        j = self._section_above[k]
        if j < 0:
            return None
        if self.lines[k].kind == "text" and not (
            self.lines[j].kind == "heading"
            and self.lines[j].date_only
            and self._dated_above[k] <= j
        ):
            # prose takes only a heading that is a date ("## 1849", "**1849**"), and only
            # while no dated line has come between
            return None
        return self.lines[j].date

    def card_date(self, offset: int) -> TimeMention | None:
        """An event card's date line: a line holding only a date (and perhaps a place) dates
        the line right after it."""
        k = self.line_at(offset)
        if k is None or k == 0:
            return None
        prev = self.lines[k - 1]
        if prev.date_only:
            if self._gap_before[k] and not self._gap_before[k - 1]:
                return None  # the date below a block of text dates that block
            return prev.date
        if prev.kind in {"text", "heading"} and prev.date is not None and self._is_card_line(prev):
            return prev.date
        return None

    def fact_box_date(self) -> TimeMention | None:
        """The date of an event's fact box ("Date: 2 December 1805" among "Location: X",
        "Result: Y"; the cleaner keeps such a line as a heading, not a publication stamp):
        the date of the event the page's title names."""
        if self._fact_box_done:
            return self._fact_box
        self._fact_box_done = True
        for ln in self.lines:
            if ln.date is None or ln.kind != "heading":
                continue
            if self._region_kind(ln.start) == "heading" and _DATE_FIELD.match(
                self.text, ln.start, ln.end
            ):
                self._fact_box = ln.date
                break
        return self._fact_box

    def _is_card_line(self, ln: Line) -> bool:
        """A short "1933 · Washington, D.C." line: a date plus a few capitalised words."""
        raw = self.text[ln.start : ln.end]
        if len(raw) > 80 or not any(sep in raw for sep in ("·", "|", "•")):
            return False
        return not re.search(r"\b[a-z]{4,}\b", raw.replace("and", ""))

    def lead_date(self, offset: int) -> TimeMention | None:
        """A line that opens with a short verbless head ending in its date ("Letter, X to Y,
        3 March 1950. X proposed ..."): a catalogue entry, whose date dates the sentences
        after the head in the same line."""
        k = self.line_at(offset)
        if k is None:
            return None
        ln = self.lines[k]
        for t in self.times_in(ln.start, ln.end):
            if t.end > offset or t.end - ln.start > _LEAD_HEAD_MAX:
                return None
            head = self.text[ln.start : t.start]
            if _HEAD_TERMINAL.search(head):
                return None
            if _LEAD_END.match(self.text, t.end) and "," in head:
                return t
        return None

    def tail_date(self, offset: int) -> TimeMention | None:
        """A block of lines (between blank lines) of text that ends in a line holding only
        a date ("First crossing of the Channel / Blériot flies to Dover / 25 July 1909"):
        the date below dates the block's lines."""
        k = self.line_at(offset)
        if k is None or self.lines[k].date_only:
            return None
        if self.lines[self._block_start[k]].date_only:
            return None  # a block opened by its date: the date above dates it
        j = self._block_end[k]
        if j == k or not self.lines[j].date_only:
            return None
        return self.lines[j].date

    def card_head_date(self, offset: int) -> TimeMention | None:
        """An event card's heading ("X crosses the Channel" with the line "25 July 1909"
        right under it): the date line below dates the heading. Only a short line without
        a date of its own and without final punctuation, directly above the date line."""
        k = self.line_at(offset)
        if k is None or k + 1 >= len(self.lines):
            return None
        ln, nxt = self.lines[k], self.lines[k + 1]
        raw = self.text[ln.start : ln.end].strip()
        if not nxt.date_only or ln.date is not None or ln.date_only:
            return None
        if self.text[ln.end : nxt.start].strip():
            return None
        if "\n\n" in self.text[ln.end : nxt.start] and not self._heads_dated_section(k):
            return None
        if len(raw) > _CARD_HEAD_MAX or raw[-1:] in ".!?;,":
            return None
        return nxt.date

    def _heads_dated_section(self, k: int) -> bool:
        """A heading (``## Siege of X``, a bold line, the cleaner's heading) with a blank
        line and then a line holding only a date, which stands alone in its block and has
        text after it: the section's date line, which dates the heading's name as it does
        the section's first line ("## Sack of X / (blank) / 6 May 1527 / (blank) / Troops
        entered ...")."""
        if self.lines[k].kind != "heading" or k + 2 >= len(self.lines):
            return False
        j = k + 1
        return (
            self._block_start[j] == j
            and self._block_end[j] == j
            and not self.lines[j + 1].date_only
            and self.lines[j + 1].kind != "heading"
        )

    def row_date(self, offset: int) -> TimeMention | None:
        """For a table row ("| X War | 1853 | 1856 | ... |") whose first cell holds
        ``offset``: the row's first date (its start and end columns make one range); the
        first cell names what the row dates."""
        k = self.line_at(offset)
        if k is None:
            return None
        ln = self.lines[k]
        raw = self.text[ln.start : ln.end]
        lead = len(raw) - len(raw.lstrip())
        if not raw.lstrip().startswith("|"):
            return None
        first_end = raw.find("|", lead + 1)
        if first_end < 0 or offset - ln.start >= first_end:
            return None
        times = self.times_in(ln.start + first_end, ln.end)
        return times[0] if times else None

    def page_range(self, offset: int) -> TimeMention | None:
        """The span of years a page announces in its first heading ("Timeline of X
        (1917-1939)"), when that heading lies above ``offset``."""
        h = self._first_heading
        if h is None or self.lines[h].start >= offset:
            return None
        if not self._page_range_done:
            ln = self.lines[h]
            self._page_range = next(
                (
                    t
                    for t in self.times_in(ln.start, ln.end)
                    if t.value is not None and "/" in t.value.value
                ),
                None,
            )
            self._page_range_done = True
        return self._page_range

    def section_of(self, offset: int) -> int:
        """Start offset of the nearest heading (or date line) above ``offset``; -1 if none."""
        k = self.line_at(offset)
        if k is None:
            return -1
        j = self._section_above[k]
        return self.lines[j].start if j >= 0 else -1

    def line_kind(self, offset: int) -> str:
        k = self.line_at(offset)
        return self.lines[k].kind if k is not None else "text"
