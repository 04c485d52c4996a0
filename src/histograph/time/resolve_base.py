"""The resolver's base: the per-document state (context, what was resolved so far, the
"N years ago" appositions and told days), the reference look-ups every rule needs (the
narrative's year and day, the sentence's mode, the page's present), and the public
``resolve`` entry, which converts Julian dates and fills the parts. The rule layers
(:mod:`.resolve_dates`, :mod:`.resolve_clock`, :mod:`.resolve_relative`) extend it, and
:class:`histograph.time.normalise.Resolver` combines them with its dispatcher.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..model import Anchor, TimeKind, TimeValue, civil_from_day
from . import values as V
from .calendars import julian_to_gregorian_value
from .context import (
    _FAR_YEARS,
    Context,
    Ref,
    Resolved,
    _ref_from_tv,
    _sentence_bounds,
    sentence_time,
)
from .lexicon import lexicon
from .tagger import Cand


# ------------------------------------------------------------------ resolver
class ResolverBase:
    """State of one document's resolution and the reference look-ups every rule uses."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.lx = lexicon()
        #: expressions resolved so far, in order (for "N years after <clause>")
        self.resolved_so_far: list[Resolved] = []
        #: "N years ago, on <date>": start of the offset -> (date value, date start)
        self.apposition: dict[int, tuple[TimeValue, int]] = {}
        #: "N years ago today/tonight[, on <date>]": start of "today"/"tonight" -> (day
        #: number of the told day, anchor, anchor start)
        self.ago_day: dict[int, tuple[int, Anchor, int | None]] = {}
        #: "three o'clock on the afternoon of <date>": start of the clock -> the date
        self.clock_day: dict[int, Cand] = {}
        #: starts of the publication dates (never a "that year" of the text)
        self.docdate_starts: set[int] = set()

    # -- references --------------------------------------------------------
    def _year_ref(self, c: Cand, *, prefer_heading: bool) -> Ref | None:
        if prefer_heading and self.ctx.heading is not None:
            return self.ctx.heading
        return self.ctx.ref

    def _near_ref(self, start: int) -> bool:
        """The narrative reference is in this sentence or the previous one."""
        r = self.ctx.ref
        if r is None:
            return False
        i = bisect.bisect_right(self.ctx.sent_starts, start) - 1
        j = bisect.bisect_right(self.ctx.sent_starts, r.start) - 1
        return i - j <= 1

    def _same_block(self, start: int) -> bool:
        """The narrative reference is in the same block of lines (no blank line between):
        a chronicle's date line and the entries under it."""
        r = self.ctx.ref
        return r is not None and r.start >= 0 and "\n\n" not in self.ctx.text[r.start : start]

    def _dct_tv(self) -> TimeValue | None:
        return self.ctx.dct_tv

    def _past_ref(self) -> Ref | None:
        """The narrative's reference when it is a told past: an explicitly dated event
        (a month or a day, not a bare year: "in 2010" is a side mention as often as a
        scene) well before the DCT, not a date reached from the DCT itself."""
        r = self.ctx.ref
        dct = self.ctx.dct
        if r is None or dct is None or r.from_dct or r.m is None or r.y > dct[0] - _FAR_YEARS:
            return None
        return r

    def _narrative_time(self, c: Cand) -> bool:
        """Does this expression (a bare time, a year-less date, a weekday, "now") belong
        to the told past rather than to the page's present? Yes when the text has set a
        past reference and the sentence is in the past tense (or shares the reference's
        sentence) without present deixis or future; the page's present ("today we
        remember", "this week's ceremony", "will be unveiled") keeps the DCT."""
        r = self._past_ref()
        if r is None:
            return False
        s, _ = _sentence_bounds(self.ctx, c.start)
        mode = self._sentence_mode(c)
        if mode == "present":
            return False
        if mode == "past" or r.start >= s:
            return True
        # no sign of tense: the sentence goes on with the one before it, in its paragraph
        if s > 0 and self.ctx.text[s - 1] != "\n":
            ps, _ = _sentence_bounds(self.ctx, s - 1)
            return sentence_time(self.ctx.text[ps:s]) == "past"
        return False

    def _sentence_mode(self, c: Cand) -> str | None:
        s, e = _sentence_bounds(self.ctx, c.start)
        return sentence_time(self.ctx.text[s : c.start] + " " + self.ctx.text[c.end : e])

    def _page_present(self, c: Cand) -> bool:
        """A page about its own time (news-like) has set a told past, but this sentence
        speaks of the page's present or future ("Today the town remembers ...", "will be
        unveiled"). In a history narrative, present tense is commentary on the past."""
        return (
            self.ctx.news and self._past_ref() is not None and self._sentence_mode(c) == "present"
        )

    def _sentence_ref(self, c: Cand) -> Ref | None:
        """An explicit month- or day-precise date earlier in this sentence that is not the
        narrative's reference (a date the driver kept as a side mention)."""
        s, _ = _sentence_bounds(self.ctx, c.start)
        for r in reversed(self.resolved_so_far):
            if r.start < s:
                return None
            if (
                r.value is not None
                and r.kind in ("DATE", "TIME")
                and r.value.anchor == "absolute"
                and r.value.precision in ("month", "day", "time")
                and r.end <= c.start
            ):
                if self.ctx.ref is not None and self.ctx.ref.start == r.start:
                    return None
                return _ref_from_tv(r.value, r.start)
        return None

    def _last_named_year(self, before: int) -> tuple[int, int] | None:
        """(year, start) of the last explicit year-bearing date before ``before`` (not a
        publication date, not one computed from another)."""
        for r in reversed(self.resolved_so_far):
            if r.start >= before or r.start in self.docdate_starts:
                continue
            if r.value is not None and r.value.anchor == "absolute" and r.kind in ("DATE", "TIME"):
                if r.value.precision in ("year", "month", "day", "time", "season"):
                    return civil_from_day(r.value.earliest)[0], r.start
                return None
        return None

    def _narrative_day(self) -> tuple[int, int, int] | None:
        r = self.ctx.ref
        if r is None or r.m is None or r.d is None:
            return None
        return r.y, r.m, r.d

    # -- the main entry ------------------------------------------------------
    def resolve(self, c: Cand, *, in_list: bool = False) -> Resolved:
        r = self._resolve(c, in_list)
        if r.value is not None and c.f.get("cal") == "julian":
            conv = julian_to_gregorian_value(r.value)
            r = replace(
                r, value=conv, timex=V.to_timex3(conv.value) if r.kind != "TIME" else r.timex
            )
        elif r.value is not None and c.f.get("cal") == "gregorian":
            r = replace(r, value=replace(r.value, source_calendar="gregorian"))
        if not r.parts:
            r.parts = [(r.start, r.end, r.kind, r.timex)]
        r.rule = c.rule
        return r

    def _res(
        self,
        c: Cand,
        kind: TimeKind,
        tv: TimeValue | None,
        timex: str | None = None,
        anchor: Anchor | None = None,
        anchor_start: int | None = None,
    ) -> Resolved:
        if tv is not None and anchor is not None:
            tv = V.with_anchor(tv, anchor)
        if tv is not None and c.f.get("approx"):
            tv = replace(tv, approximate=True)
        tx = timex if timex is not None else (V.to_timex3(tv.value) if tv is not None else "XXXX")
        return Resolved(c.start, c.end, kind, tv, tx, anchor_start)

    def _resolve(self, c: Cand, in_list: bool) -> Resolved:
        """The rule dispatcher, defined by :class:`histograph.time.normalise.Resolver`."""
        raise NotImplementedError
