"""How a page's sentences and paragraphs are written, as the normaliser's driver reads them:
whether a date opens its sentence, pluperfect clauses, years a later date confirms
(:class:`_YearTrack`), expressions that look back or embed another event, asides in
quotes or brackets (:class:`_Asides`), scene-setting dates and "today" told in the past.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .. import textindex
from ..model import day_number
from .context import Ref
from .tagger import Cand

#: what may stand before a date that opens its sentence: "In", "Early in", "By the end of"
_OPENER_WORDS = 4


def _opens_sentence(text: str, c: Cand, sent_starts: list[int]) -> bool:
    """The date opens its sentence ("In 1681 the nobles rose", "On 3 May, ..."): as the first
    date of a paragraph it sets the paragraph's scene, whatever years follow."""
    i = bisect.bisect_right(sent_starts, c.start) - 1
    s = sent_starts[max(i, 0)]
    lead = text[s : c.start]
    return len(lead.split()) <= _OPENER_WORDS and not re.search(r"[,;:()\[\]\"“”]", lead)


def _ref_day(ref: Ref) -> int:
    """First day of a reference."""
    return day_number(ref.y, ref.m or 1, ref.d or 1)


#: a past perfect ("had been proclaimed", "had signed") in the clause before a date
_PLUPERFECT = re.compile(r"(?i)\bhad\s+(?!to\b)(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|t|d)\b")


def _pluperfect(text: str, c: Cand, sent_starts: list[int]) -> bool:
    """The date's clause is in the past perfect: it tells what had happened before the
    narrative's time, so it does not move the narrative back."""
    i = bisect.bisect_right(sent_starts, c.start) - 1
    s = sent_starts[max(i, 0)]
    # the clause: after the sentence's last ";" or ":" before the date (found from an
    # index: a sentence may be a whole page long)
    k = max(textindex.rfind(text, ";", s, c.start), textindex.rfind(text, ":", s, c.start))
    clause_start = k + 1 if k >= 0 else s
    return bool(_PLUPERFECT.search(text[max(clause_start, c.start - 90) : c.start]))


class _YearTrack:
    """The explicit years a document names, in order: lets the driver ask whether the
    narrative really moves to a newly mentioned year (the next years it names are closer
    to it than to the current reference) or only mentions it in passing ("documents found
    in 2004 proved ..." in an account of 1920; "the Estates-General of 1614" in 1788)."""

    #: how many of the following explicit years are consulted, and how far ahead (chars):
    #: a year named pages later says nothing about this passage
    LOOKAHEAD = 1
    WINDOW = 1500
    #: a following year this many years from both the new date and the reference belongs
    #: to another story (a background date, a later book) and decides nothing
    UNRELATED = 10

    def __init__(
        self, text: str, cands: Sequence[Cand], roles: Sequence[str], sent_starts: list[int]
    ) -> None:
        self.sent_starts = sent_starts
        self.text_len = len(text)
        self.pos: list[int] = []
        self.year: list[int] = []
        for c, role in zip(cands, roles, strict=True):
            if role == "docdate":
                continue
            for part in c.parts or [c]:
                y = part.f.get("y")
                if isinstance(y, int) and not part.f.get("y2d") and part.rule != "apos_year":
                    self.pos.append(part.start)
                    self.year.append(y)

    def _following(self, pos: int) -> list[int]:
        i = bisect.bisect_right(self.sent_starts, pos)
        end_of_sentence = self.sent_starts[i] if i < len(self.sent_starts) else self.text_len
        j = bisect.bisect_left(self.pos, end_of_sentence)
        return [
            y
            for p, y in zip(
                self.pos[j : j + self.LOOKAHEAD], self.year[j : j + self.LOOKAHEAD], strict=True
            )
            if p - pos <= self.WINDOW
        ]

    def confirms(self, new_y: int, ref: Ref | None, pos: int) -> bool:
        """May an absolute date of year ``new_y`` ending at ``pos`` become the narrative's
        reference? Always when it keeps the year, when there is no reference yet, or when
        no explicit year follows; otherwise when the next explicit year named after its
        sentence is at least as close to it as to the current reference."""
        if ref is None or ref.y == new_y:
            return True
        nxt = self._following(pos)
        if not nxt:
            return True
        med = sorted(nxt)[len(nxt) // 2]
        if min(abs(med - new_y), abs(med - ref.y)) > self.UNRELATED:
            return True  # the next year named is far from both: it says nothing here
        return abs(med - new_y) <= abs(med - ref.y)


_BACKWARD_RELS = frozenset(
    {
        "earlier",
        "before",
        "previously",
        "prior",
        "ago",
        "back",
        "the previous",
        "the preceding",
        "the prior",
        "previous",
        "last",
        "the last",
        "the past",
        "this past",
        "past",
    }
)


def _looks_back(c: Cand) -> bool:
    """A relative expression pointing back from the narrative's time ("the previous
    year", "two years earlier", "the day before"): it recalls the background and does not
    move the narrative there."""
    return c.rule in ("ago", "the_unit_rel", "rel_unit") and (
        str(c.f.get("rel", "")).strip() in _BACKWARD_RELS
    )


def _embedded_event(text: str, c: Cand) -> bool:
    """ "a month after the Bolsheviks seized power": the value is the date of the event in
    the clause (the sentence's date minus the offset), a background date."""
    return (
        c.rule in ("ago", "the_unit_rel")
        and str(c.f.get("rel", "")).strip() in ("after", "before", "since", "prior to")
        and not re.match(r"\s*(?:[,.;:)!?\n]|$)", text[c.end : c.end + 3])
    )


#: plans, projections and conditionals: their dates are not the narrative's present
_IRREALIS_BEFORE = re.compile(
    r"(?i)\b(?:plann?ed|plans?|projected|scheduled|expected|intended|hoped|would|could|might|"
    r"will|shall|proposed|promised|aimed|was\s+to|were\s+to|due)\b[^.;:!?\n]*$"
)


def _aside(text: str, pos: int) -> bool:
    """Is ``pos`` inside parentheses or brackets, or inside a double-quoted passage, of
    its paragraph (what is open before it and not closed)?"""
    para = text.rfind("\n", 0, pos) + 1
    before = text[para:pos]
    depth = 0
    for ch in before:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth > 0:
            depth -= 1
    if depth > 0:
        return True
    opened = before.count("“") > before.count("”")
    straight = before.count('"') % 2 == 1
    return opened or straight


class _Asides:
    """:func:`_aside` of positions asked in document order, each paragraph scanned once
    (a paragraph of thousands of dates stays linear); an earlier position rescans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.para = -1
        self.pos = -1
        self.depth = 0
        self.curly_open = 0
        self.curly_close = 0
        self.straight = 0

    def at(self, pos: int) -> bool:
        text = self.text
        para = textindex.rfind(text, "\n", 0, pos) + 1
        if para != self.para or pos < self.pos:
            self.para, self.pos = para, para
            self.depth = self.curly_open = self.curly_close = self.straight = 0
        chunk = text[self.pos : pos]
        self.pos = pos
        depth = self.depth
        for ch in chunk:
            if ch in "([":
                depth += 1
            elif ch in ")]" and depth > 0:
                depth -= 1
        self.depth = depth
        self.curly_open += chunk.count("“")
        self.curly_close += chunk.count("”")
        self.straight += chunk.count('"')
        if depth > 0:
            return True
        return self.curly_open > self.curly_close or self.straight % 2 == 1


_SCENE_BEFORE = re.compile(
    r"(?i:\b(?:in|by|during|from|through|throughout|after|early|late|mid|"
    r"around|circa|c\.|ca\.|spring|summer|autumn|fall|winter|end|beginning|start|middle)\s*-?\s*)$"
)


#: the second of two coordinated dates: "late 1948 and early 1949", "1917 or 1918"
_COORDINATED = re.compile(
    r"(?i)\d{3,4}(?:\s*(?:BC|BCE|AD|CE))?,?\s+(?:and|or|to|until|till|through)\s+"
    r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of)\s*-?\s*)?$"
)


def _sets_scene(text: str, c: Cand) -> bool:
    """A bare year moves the narrative's reference time when it is a temporal adverbial
    ("In 1942, ...", "by 1943", a sentence opening with it), not a noun modifier ("the
    Estates-General of 1614", "the 2003 invasion")."""
    before = text[max(0, c.start - 20) : c.start]
    if _SCENE_BEFORE.search(before) or _COORDINATED.search(text[max(0, c.start - 40) : c.start]):
        return True
    return not before.strip() or before.rstrip()[-1:] in '.!?:\n"“(' or c.f.get("mod") is not None


def _told_today(c: Cand | None) -> bool:
    """ "today" / "tonight" (a DCT word naming the page's own day)."""
    if c is None:
        return False
    return (c.rule == "dctword" and c.f.get("dw") == "today") or (
        c.rule == "tonight" and c.f.get("dw_word") == "tonight"
    )
